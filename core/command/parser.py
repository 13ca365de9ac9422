"""The words of the ``redline`` command line: its parser, help, defaults and the
error for a word that is no command (``redline comapre`` -> "did you mean compare?").

May import: the shared leaves and ``core.report`` (page sizes, the default context).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, cast

from core import installed_version
from core.report.context import DEFAULT_CONTEXT
from core.report.save import PAGE_SIZES
from core.text.names import printable_path

EXIT_SAME, EXIT_DIFFERENT, EXIT_ERROR = 0, 1, 2
STDIN = STDOUT = "-"
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
SCAN_THRESHOLD = 0.25  # core.families.scan.DEFAULT_THRESHOLD (kept in step by a test)
EXIT_STATUS = (
    "exit status: 0 the documents say the same (trivial differences only), 1 they\n"
    "differ, 2 trouble (one line on standard error names the file and the problem)."
)
EXAMPLES = """examples:
  redline compare wire.txt edited.txt                 marked-up text in the terminal
  redline compare -o report.html --format html a.txt b.txt
  curl -s URL | redline compare old.txt - --format json
  redline nway original.txt web.txt print.txt --format html -o grid.html
  redline scan ~/stories -o families.txt
  redline open ~/stories                              the window on a folder"""
TOP_COMMANDS = ("open", "compare", "nway", "scan", "completion", "install-desktop")
TOP_OPTIONS = ("-h", "--help", "--version")
FORMAT_HELP = (
    "text (default: marked-up text), json (the contract), html or pdf (reports), "
    "docx (compare: a Word document with tracked changes)"
)
COLOR_HELP = (
    "colour the text output: auto (default: on a terminal, unless NO_COLOR is set "
    "and not empty or TERM=dumb), always, never"
)


PAGE_SIZE_HELP = "pdf: paper size (default a4)"
NO_PATHS_HELP = "name the documents by file name only, without their folders (every format)"


class _VersionAction(argparse.Action):
    """``--version``: the installed package's version, looked up only when asked."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any, **_kwargs: Any) -> None:
        sys.stdout.write(f"redline {installed_version()}\n")
        parser.exit(0)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_ERROR, f"redline: {message} (see '{self.prog} --help')\n")

    def _get_formatter(self) -> argparse.HelpFormatter:
        # argparse makes a formatter for every argument added (to check its metavar), and
        # a formatter left to find its width imports shutil (with its compression
        # modules: about 1 ms of every start). The width is the one it would find.
        formatter = cast("type[argparse.HelpFormatter]", self.formatter_class)
        return formatter(prog=self.prog, width=terminal_columns() - 2)


def terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` tells it: ``COLUMNS`` when
    a positive number, else standard output's terminal, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    if sys.__stdout__ is None:
        return 80
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
    except (ValueError, OSError):  # not a terminal, or closed
        return 80


ONE_COMMAND_PARSERS = ("compare", "nway", "scan")
"""The commands ``build_parser`` can make a parser of on their own."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The ``redline`` argument parser with its subcommands (the man page and the shell
    completions are generated from it). With ``only`` (one of ``ONE_COMMAND_PARSERS``),
    that command's arguments alone: what parses a command line that names it, the
    same parse, help and errors for it, without the others' options made (3 ms of
    every ``redline compare``)."""

    if only not in ONE_COMMAND_PARSERS:
        only = None

    def wanted(name: str) -> bool:
        return only is None or only == name

    parser = _Parser(
        prog="redline",
        description="Compare versions of an article sentence against sentence. "
        "Without a command, the window opens (on the last folder).",
        epilog=f"{EXIT_STATUS}\n\n{EXAMPLES}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action=_VersionAction, nargs=0, help="show the version and exit"
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    if only is None:
        window = sub.add_parser(
            "open", help="the window on a folder or on files (the default without a command)"
        )
        window.add_argument(
            "paths", nargs="*", metavar="PATH", help="a folder, or two or more files"
        )
        # `open` and `install-desktop` are run by gui.shell.launcher before this parser;
        # they are listed here so that `redline --help` names every command.
        sub.add_parser(
            "install-desktop",
            help="add Redline to this user's application menu (icon, file types)",
        )
    if wanted("compare"):
        _add_compare_parser(sub)
    if wanted("nway"):
        _add_nway_parser(sub)
    if wanted("scan"):
        _add_scan_parser(sub)
    if only is None:
        completion = sub.add_parser("completion", help="print a shell completion script")
        completion.add_argument("shell", choices=("bash", "zsh"), help="the shell: bash or zsh")
    return parser


def _add_scan_parser(sub: Any) -> None:
    scan = sub.add_parser("scan", help="group a folder's documents into story families")
    scan.add_argument(
        "folder",
        help="the folder to scan (subfolders included); with --cluster also an fsspec URL "
        "(s3://bucket/prefix)",
    )
    scan.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default: a listing, families numbered from 1) or json (ids from 0)",
    )
    scan.add_argument("-o", "--output", metavar="FILE", help=OUTPUT_HELP)
    scan.add_argument(
        "--threshold",
        type=_share,
        default=SCAN_THRESHOLD,
        metavar="X",
        help=f"word similarity that makes two documents versions (default {SCAN_THRESHOLD})",
    )
    scan.add_argument(
        "--cluster",
        metavar="ADDRESS",
        help="scan on the Dask scheduler at ADDRESS (tcp://host:8786), or 'local' for a "
        "cluster of this machine's cores (needs: pip install 'redline[cluster]')",
    )
    scan.add_argument(
        "--workers",
        type=_workers,
        metavar="N",
        help="with --cluster local: N worker processes (default: the CPU count)",
    )


OUTPUT_HELP = (
    "write to FILE (atomically; its folder must exist) instead of standard output; "
    "- is standard output"
)


def _add_case_options(parser: argparse.ArgumentParser) -> None:
    case = parser.add_mutually_exclusive_group()
    case.add_argument(
        "--ignore-case",
        dest="ignore_case",
        action="store_true",
        default=True,
        help="case differences are trivial (the default)",
    )
    case.add_argument(
        "--case-sensitive",
        dest="ignore_case",
        action="store_false",
        help="case differences count as changes",
    )
    parser.add_argument(
        "--ignore-punctuation", action="store_true", help="punctuation differences are trivial"
    )


def _add_compare_parser(sub: Any) -> None:
    cmp = sub.add_parser(
        "compare",
        help="compare two documents",
        epilog=EXIT_STATUS,
        description="Compare OLD with NEW, sentence against sentence.",
    )
    cmp.add_argument("old", help="the earlier version (- for standard input)")
    cmp.add_argument("new", help="the later version (- for standard input)")
    cmp.add_argument(
        "--format",
        choices=("text", "json", "html", "pdf", "docx"),
        default="text",
        help=FORMAT_HELP,
    )
    cmp.add_argument("-o", "--output", metavar="FILE", help=OUTPUT_HELP)
    cmp.add_argument(
        "--annotations", action="store_true", help="include the saved annotations (not text)"
    )
    cmp.add_argument(
        "--changes-only",
        action="store_true",
        help=f"show only changed sentences, with {DEFAULT_CONTEXT} sentence of context around "
        "each, the "
        "rest folded (json: every block stays, a context field names the folded rows)",
    )
    cmp.add_argument(
        "-C",
        "--context",
        type=_count,
        metavar="N",
        help="with N sentences of context around each change (implies --changes-only)",
    )
    cmp.add_argument(
        "--original-line-breaks",
        action="store_true",
        help="html/pdf: keep every line break (default: single line breaks of hard-wrapped "
        "text read as spaces)",
    )
    cmp.add_argument("--no-paths", action="store_true", help=NO_PATHS_HELP)
    cmp.add_argument("--page-size", choices=PAGE_SIZES, default="a4", help=PAGE_SIZE_HELP)
    cmp.add_argument(
        "--docx-revisions",
        choices=("current", "original"),
        default="current",
        help="read a Word file's tracked changes as accepted (current, default) or "
        "rejected (original)",
    )
    _add_html_text_option(cmp)
    cmp.add_argument(
        "--no-flags",
        dest="flags",
        action="store_false",
        help="html/pdf/json: leave out the risky-edit flags",
    )
    _add_case_options(cmp)
    cmp.add_argument("--encoding-old", metavar="ENC", help="decode OLD with this encoding")
    cmp.add_argument("--encoding-new", metavar="ENC", help="decode NEW with this encoding")
    cmp.add_argument(
        "--max-size",
        type=_byte_count,
        default=DEFAULT_MAX_BYTES,
        metavar="BYTES",
        help=f"refuse larger files (default {DEFAULT_MAX_BYTES})",
    )
    cmp.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help=COLOR_HELP
    )


def _add_html_text_option(command: Any) -> None:
    command.add_argument(
        "--html-text",
        choices=("article", "all"),
        default="article",
        help="read a saved web page (.html, .htm, .mhtml) as its article: headline, byline "
        "and body (article, default), or as all its visible text: menus, links, comments "
        "(all)",
    )


def _add_nway_parser(sub: Any) -> None:
    nway = sub.add_parser(
        "nway",
        help="which sentences of a base several versions keep",
        epilog=EXIT_STATUS,
        description="Show, for every sentence of BASE, what each other version does with it.",
    )
    nway.add_argument(
        "base", help="the version whose sentences form the rows (- for standard input)"
    )
    nway.add_argument("others", nargs="+", metavar="other", help="the other versions")
    nway.add_argument(
        "--format", choices=("text", "json", "html", "pdf"), default="text", help=FORMAT_HELP
    )
    nway.add_argument("-o", "--output", metavar="FILE", help=OUTPUT_HELP)
    nway.add_argument("--page-size", choices=PAGE_SIZES, default="a4", help=PAGE_SIZE_HELP)
    nway.add_argument("--no-paths", action="store_true", help=NO_PATHS_HELP)
    _add_html_text_option(nway)
    _add_case_options(nway)
    nway.add_argument(
        "--max-size",
        type=_byte_count,
        default=DEFAULT_MAX_BYTES,
        metavar="BYTES",
        help=f"refuse larger files (default {DEFAULT_MAX_BYTES})",
    )
    nway.add_argument(
        "--encoding",
        action="append",
        default=[],
        metavar="FILE=ENC",
        help="decode FILE with encoding ENC (repeatable)",
    )
    nway.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help=COLOR_HELP
    )


def unknown_word_message(word: str) -> str | None:
    """The error for a first argument that is no command and no option, else None.

    ``redline comapre a b`` -> "unknown command 'comapre' (did you mean compare?) ...".
    """
    if word in TOP_COMMANDS or word in TOP_OPTIONS:
        return None
    import difflib  # only for a word that is none (2 ms of every start otherwise)

    known = ", ".join(TOP_COMMANDS)
    if word.startswith("-"):
        options = ", ".join(TOP_OPTIONS)
        close = difflib.get_close_matches(word, TOP_OPTIONS, n=1, cutoff=0.3)
        if word in ("-v", "-V"):
            close = ["--version"]
        hint = f" (did you mean {close[0]}?)" if close else ""
        return f"unknown option '{word}'{hint}; before a command redline takes {options}"
    close = difflib.get_close_matches(word, TOP_COMMANDS, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]}?)" if close else ""
    if not close and ("." in word or os.sep in word):
        return (
            f"{printable_path(word)}: no such file or folder, and not a command "
            f"({known}; see 'redline --help')"
        )
    return (
        f"unknown command '{printable_path(word)}'{hint}; the commands are {known} "
        "(see 'redline --help')"
    )


def _whole(text: str, minimum: int, what: str, floor: str) -> int:
    """``text`` as a whole number of at least ``minimum`` (an argparse type)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number{what}: {text!r}") from None
    if value < minimum:
        raise argparse.ArgumentTypeError(f"must be {floor}: {text}")
    return value


def _byte_count(text: str) -> int:
    """A size in bytes over 0, for ``--max-size``."""
    return _whole(text, 1, " of bytes", "at least 1 byte")


def _count(text: str) -> int:
    """A whole number of at least 0, for ``--context``."""
    return _whole(text, 0, "", "0 or more")


def _workers(text: str) -> int:
    """A whole number of at least 1, for ``--workers``."""
    return _whole(text, 1, "", "at least 1")


def _share(text: str) -> float:
    """A number in (0, 1], for ``--threshold``."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"must be over 0 and at most 1: {text}")
    return value
