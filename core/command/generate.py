"""The manual page and the shell completions, generated from an ``argparse`` parser.

Both read an ``argparse`` parser (``core.command.parser.build_parser``) and nothing else, so a
new option is documented and completed the moment it is added. The page shipped in
the package (``core/command/redline.1``) is this module's output; a test keeps it current
(``make man`` writes it again).
"""

from __future__ import annotations

import argparse
import re
import shlex

_ROFF_ESCAPES = str.maketrans({"\\": "\\e", "-": "\\-"})


def _subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, str, argparse.ArgumentParser]]:
    """(name, one-line help, parser) of each subcommand, in the order of the help."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            return [(name, helps.get(name, ""), sub) for name, sub in action.choices.items()]
    return []


def _options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if a.option_strings and a.help != argparse.SUPPRESS]


def _positionals(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [
        a
        for a in parser._actions
        if not a.option_strings and not isinstance(a, argparse._SubParsersAction)
    ]


def _takes_value(action: argparse.Action) -> bool:
    return action.nargs != 0


def _value_name(action: argparse.Action) -> str:
    if action.choices is not None:
        return "{" + ",".join(str(c) for c in action.choices) + "}"
    if action.metavar is not None:
        return str(action.metavar)
    return action.dest.upper()


def _roff(text: str) -> str:
    """Text escaped for roff; a line starting with a dot or quote is protected."""
    lines = text.translate(_ROFF_ESCAPES).split("\n")
    return "\n".join("\\&" + line if line[:1] in (".", "'") else line for line in lines)


def _usage_words(parser: argparse.ArgumentParser) -> str:
    words = []
    for action in _positionals(parser):
        name = str(action.metavar or action.dest).upper()
        words.append(f"\\fI{name}\\fR" + (" ..." if action.nargs in ("+", "*") else ""))
    return " ".join(words)


def man_page(parser: argparse.ArgumentParser, version: str = "") -> str:
    """The manual page (roff, section 1) of ``parser`` and its subcommands."""
    name = parser.prog
    description = parser.description or ""
    out = [
        f'.TH {name.upper()} 1 "" "{_roff(version or name)}" "User Commands"',
        ".SH NAME",
        f"{name} \\- {_roff(description.split('. ')[0].rstrip('.').lower())}",
        ".SH SYNOPSIS",
        f".B {name}\n[\\fICOMMAND\\fR] [\\fIOPTIONS\\fR] [\\fIPATH\\fR ...]",
        ".SH DESCRIPTION",
        _roff(description),
        ".SH OPTIONS",
    ]
    for action in _options(parser):
        out += [".TP", _option_heading(action), _roff(action.help or "")]
    out.append(".SH COMMANDS")
    for sub_name, help_text, sub in _subcommands(parser):
        out += [
            f'.SS "{name} {sub_name}"',
            f".B {name} {sub_name}\n{_usage_words(sub)} [\\fIOPTIONS\\fR]",
            ".PP",
            _roff(sub.description or help_text[:1].upper() + help_text[1:] + "."),
        ]
        for action in _positionals(sub):
            out += [".TP", f"\\fI{str(action.metavar or action.dest).upper()}\\fR"]
            out.append(_roff(action.help or ""))
        for action in _options(sub):
            if "-h" in action.option_strings:
                continue
            out += [".TP", _option_heading(action), _roff(action.help or "")]
    out += _epilog_sections(parser.epilog or "")
    return "\n".join(out) + "\n"


def _option_heading(action: argparse.Action) -> str:
    names = ", ".join(f"\\fB{_roff(o)}\\fR" for o in action.option_strings)
    if _takes_value(action) and not isinstance(action, argparse._VersionAction):
        names += f" \\fI{_roff(_value_name(action))}\\fR"
    return names


def _epilog_sections(epilog: str) -> list[str]:
    """``exit status: ...`` and ``examples:`` paragraphs of the epilog as sections."""
    out: list[str] = []
    for paragraph in epilog.split("\n\n"):
        head, _, body = paragraph.partition(":")
        out.append(f'.SH "{head.strip().upper()}"')
        if head.strip() == "examples":
            out += [".nf", _roff("\n".join(line.strip() for line in body.strip("\n").split("\n")))]
            out.append(".fi")
        else:
            out.append(_roff(" ".join(body.split())))
    return out


# -- completion ---------------------------------------------------------------------


def completion_script(parser: argparse.ArgumentParser, shell: str) -> str:
    """The completion script of ``parser`` for ``bash`` or ``zsh``.

    Raises:
        ValueError: another shell.
    """
    if shell == "bash":
        return _bash(parser)
    if shell == "zsh":
        return _zsh(parser)
    raise ValueError(f"no completion for {shell!r}")


def _bash(parser: argparse.ArgumentParser) -> str:
    name = parser.prog
    func = "_" + re.sub(r"\W", "_", name)
    top = [s for s, _, _ in _subcommands(parser)]
    top += [o for a in _options(parser) for o in a.option_strings]
    lines = [
        f"# bash completion for {name}: source it, or save it as {name} in",
        "# ~/.local/share/bash-completion/completions/",
        f"{func}() {{",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
        '    local cmd="${COMP_WORDS[1]}" opts=""',
        '    if [ "$COMP_CWORD" -eq 1 ]; then',
        f'        COMPREPLY=($(compgen -W {shlex.quote(" ".join(top))} -- "$cur"))',
        '        [ ${#COMPREPLY[@]} -eq 0 ] && COMPREPLY=($(compgen -f -- "$cur"))',
        "        return 0",
        "    fi",
        '    case "$cmd" in',
    ]
    for sub_name, _, sub in _subcommands(parser):
        options = [o for a in _options(sub) for o in a.option_strings]
        lines.append(f"    {sub_name})")
        lines.append(f"        opts={shlex.quote(' '.join(options))}")
        lines.append('        case "$prev" in')
        for action in _options(sub):
            if action.choices is not None:
                pattern = "|".join(action.option_strings)
                words = shlex.quote(" ".join(str(c) for c in action.choices))
                reply = f'COMPREPLY=($(compgen -W {words} -- "$cur"))'
                lines.append(f"            {pattern}) {reply}; return 0;;")
        lines.append("        esac")
        for action in _positionals(sub):
            if action.choices is not None:
                words = shlex.quote(" ".join(str(c) for c in action.choices))
                lines.append(
                    f'        [[ "$cur" != -* ]] && COMPREPLY=($(compgen -W {words} -- "$cur"))'
                    " && return 0"
                )
        lines.append("        ;;")
    lines += [
        "    esac",
        '    if [[ "$cur" == -* ]]; then',
        '        COMPREPLY=($(compgen -W "$opts" -- "$cur"))',
        "    else",
        '        COMPREPLY=($(compgen -f -- "$cur"))',
        "    fi",
        "}",
        f"complete -o filenames -o bashdefault -F {func} {name}",
    ]
    return "\n".join(lines) + "\n"


def _zsh_quote(text: str) -> str:
    """Text for inside a single-quoted ``_arguments`` spec (brackets and colons escaped)."""
    text = re.sub(r"([\[\]:\\])", r"\\\1", text)
    return text.replace("'", "'\\''")


def _zsh_spec(action: argparse.Action) -> list[str]:
    short = (action.help or "").split(";")[0]
    if short.count("(") > short.count(")"):  # cut inside a parenthesis: drop it
        short = short[: short.rfind("(")].rstrip()
    help_text = _zsh_quote(short)
    value = ""
    if _takes_value(action) and not isinstance(action, argparse._VersionAction):
        label = _zsh_quote(str(action.metavar or action.dest).lower())
        if action.choices is not None:
            value = f":{label}:(" + " ".join(str(c) for c in action.choices) + ")"
        else:
            value = f":{label}:_files"
    return [f"'{option}[{help_text}]{value}'" for option in action.option_strings]


def _zsh(parser: argparse.ArgumentParser) -> str:
    name = parser.prog
    func = "_" + re.sub(r"\W", "_", name)
    commands = " ".join(
        "'" + _zsh_quote(sub) + ":" + _zsh_quote(help_text) + "'"
        for sub, help_text, _ in _subcommands(parser)
    )
    lines = [
        f"#compdef {name}",
        f"# zsh completion for {name} (put it as _{name} in a folder of $fpath)",
        f"{func}() {{",
        f"    local -a commands; commands=({commands})",
        "    if (( CURRENT == 2 )); then",
        "        _describe -t commands command commands && return 0",
        "        _files; return",
        "    fi",
        "    local cmd=$words[2]; shift words; (( CURRENT-- ))",
        "    case $cmd in",
    ]
    for sub_name, _, sub in _subcommands(parser):
        specs = [spec for a in _options(sub) for spec in _zsh_spec(a)]
        for action in _positionals(sub):
            if action.choices is not None:
                specs.append("'1:" + action.dest + ":(" + " ".join(action.choices) + ")'")
            else:
                specs.append("'*:file:_files'")
                break
        lines.append(f"    {sub_name}) _arguments -s \\")
        lines += [f"        {spec} \\" for spec in specs]
        lines.append("        ;;")
    lines += ["    esac", "}", f'{func} "$@"']
    return "\n".join(lines) + "\n"
