"""The command line follows diff's and git's conventions: unknown words are errors,
``-`` is a standard stream, colour obeys ``NO_COLOR`` and ``TERM``, the help tells
the defaults and exit codes, a man page and completions come from the parser."""

from __future__ import annotations

import argparse
import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli import main
from core.command.generate import completion_script, man_page
from core.command.parser import build_parser
from tests.conftest import CONDENSED, FULL, REPO, SAMPLES


def _headless_env(**extra: str) -> dict[str, str]:
    """No display at all: a window started here would abort (Qt exits 134)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env.update(extra)
    return env


def launch(
    *args: str, stdin: bytes | None = None, **env: str
) -> subprocess.CompletedProcess[bytes]:
    """The console command in a fresh process, without a display."""
    code = "import sys; from gui.shell.launcher import main; sys.exit(main())"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        input=stdin,
        cwd=REPO,
        env=_headless_env(**env),
        timeout=60,
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("comapre", "a.txt", "b.txt"), "unknown command 'comapre' (did you mean compare?)"),
        (("help",), "unknown command 'help'"),
        (("-v",), "unknown option '-v' (did you mean --version?)"),
        (("nwya", "a", "b", "c"), "did you mean nway?"),
    ],
)
def test_unknown_words_are_errors_naming_the_commands(args: tuple[str, ...], expected: str) -> None:
    proc = launch(*args)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert expected in err
    assert "Traceback" not in err and proc.stdout == b""
    if not args[0].startswith("-"):
        assert "open, compare, nway, scan, completion" in err


def test_a_missing_path_is_not_taken_for_a_window_request() -> None:
    proc = launch("no-such-story.txt")
    assert proc.returncode == 2
    assert "no-such-story.txt: no such file or folder, and not a command" in proc.stderr.decode()


def test_standard_input_and_output_are_dash(tmp_path: Path) -> None:
    proc = launch(
        "compare", str(FULL), "-", "--format", "json", "-o", "-", stdin=CONDENSED.read_bytes()
    )
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert data["new"]["path"] == "-"
    assert data["new"]["length"] == len(CONDENSED.read_text(encoding="utf-8"))
    assert not (REPO / "-").exists()
    same = launch("compare", "-", str(FULL), stdin=FULL.read_bytes())
    assert same.returncode == 0, same.stderr
    both = launch("compare", "-", "-", stdin=b"x")
    assert both.returncode == 2
    assert b"standard input (-) can be only one of the documents" in both.stderr


def test_output_into_a_missing_folder_is_refused(tmp_path: Path, capsys) -> None:
    target = tmp_path / "typo" / "report.html"
    code = main(["compare", str(FULL), str(CONDENSED), "--format", "html", "-o", str(target)])
    err = capsys.readouterr().err
    assert code == 2
    assert "folder" in err and "does not exist" in err and "report.html" in err
    assert not (tmp_path / "typo").exists()
    assert main(["scan", str(SAMPLES), "-o", str(target)]) == 2
    assert "does not exist" in capsys.readouterr().err


def _on_a_terminal(*args: str, **env: str) -> bytes:
    """Run with standard output on a pseudo-terminal; what it printed."""
    leader, follower = pty.openpty()
    code = "import sys; from gui.shell.launcher import main; sys.exit(main())"
    environment = _headless_env(**env)
    for name in ("NO_COLOR", "TERM"):
        if name not in env:
            environment.pop(name, None)
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=follower,
        stderr=subprocess.PIPE,
        cwd=REPO,
        env=environment,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks)


@pytest.mark.parametrize(
    ("env", "coloured"),
    [
        ({"TERM": "xterm"}, True),
        ({"TERM": "dumb"}, False),
        ({"TERM": "xterm", "NO_COLOR": "1"}, False),
        ({"TERM": "xterm", "NO_COLOR": ""}, True),
    ],
)
def test_colour_follows_term_and_no_color(env: dict[str, str], coloured: bool) -> None:
    out = _on_a_terminal("compare", str(FULL), str(CONDENSED), **env)
    assert (b"\x1b[" in out) == coloured, out[:200]
    grid = _on_a_terminal("nway", str(FULL), str(CONDENSED), str(FULL), **env)
    assert (b"\x1b[" in grid) == coloured, grid[:200]


def test_nway_takes_color(capsys) -> None:
    assert main(["nway", str(FULL), str(CONDENSED), str(FULL), "--color", "always"]) == 1
    assert "\x1b[" in capsys.readouterr().out
    assert main(["nway", str(FULL), str(CONDENSED), str(FULL), "--color", "never"]) == 1
    assert "\x1b[" not in capsys.readouterr().out


def test_help_tells_defaults_exit_codes_commands_and_examples() -> None:
    top = build_parser().format_help()
    assert "exit status: 0" in top and "1 they\ndiffer, 2 trouble" in top
    assert "open" in top and "examples:" in top and "redline compare" in top
    proc = launch("compare", "--help")
    text = " ".join(proc.stdout.decode().split())
    assert proc.returncode == 0
    assert "--format {text,json,html,pdf,docx} text (default" in text
    assert "--color {auto,always,never} colour the text output: auto (default" in text
    assert "--ignore-case case differences are trivial (the default)" in text
    assert "--case-sensitive case differences count as changes" in text
    assert "exit status: 0" in text


def test_the_shipped_man_page_is_generated_from_the_parser() -> None:
    import core

    shipped = (REPO / "core" / "command" / "redline.1").read_text(encoding="utf-8")
    assert shipped == man_page(build_parser(), f"redline {core.__version__}"), "run make man"
    for words in ('.SH "EXIT STATUS"', '.SS "redline compare"', "\\-\\-case\\-sensitive"):
        assert words in shipped
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"core/command/redline.1" = "share/man/man1/redline.1"' in pyproject
    if shutil.which("man"):
        shown = subprocess.run(
            ["man", "-l", str(REPO / "core" / "command" / "redline.1")],
            capture_output=True,
            text=True,
            env={**os.environ, "MANWIDTH": "100", "MAN_KEEP_FORMATTING": ""},
        )
        assert "redline compare OLD NEW" in shown.stdout


def test_bash_completion_completes_commands_options_and_choices(tmp_path: Path) -> None:
    proc = launch("completion", "bash")
    assert proc.returncode == 0
    script = tmp_path / "redline.bash"
    script.write_bytes(proc.stdout)

    def complete(*words: str) -> list[str]:
        array = " ".join(f"'{w}'" for w in ("redline", *words))
        probe = (
            f"source {script}; COMP_WORDS=({array}); COMP_CWORD={len(words)}; "
            '_redline; printf "%s\\n" "${COMPREPLY[@]}"'
        )
        done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    assert complete("comp") == ["compare", "completion"]
    assert "--case-sensitive" in complete("compare", "--c")
    assert complete("compare", "--format", "h") == ["html"]
    assert complete("nway", "--co") == ["--color"]
    assert complete("completion", "z") == ["zsh"]


def test_zsh_completion_is_a_valid_script() -> None:
    script = completion_script(build_parser(), "zsh")
    assert script.startswith("#compdef redline")
    assert "'--format[text (default\\: marked-up text)" in script
    assert "(text json html pdf)" in script
    if shutil.which("zsh"):
        checked = subprocess.run(["zsh", "-n"], input=script, capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr


def test_scan_numbers_families_from_one_and_writes_a_file(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "stories"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_bytes(FULL.read_bytes())
    out = tmp_path / "families.txt"
    assert main(["scan", str(folder), "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    text = out.read_text(encoding="utf-8")
    assert "family 1 (2 versions)" in text and "family 0" not in text
    assert main(["scan", str(folder), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["families"][0]["id"] == 0


def _outcome(parser: object, argv: list[str]) -> tuple[object, str, str]:
    """What ``parser`` makes of ``argv``: the namespace (or the exit code), and what it
    printed to standard output and to standard error."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            found: object = vars(parser.parse_args(argv))  # type: ignore[attr-defined]
        except SystemExit as exc:
            found = ("exit", exc.code)
    return found, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    "argv",
    [
        ["compare", "a.txt", "b.txt"],
        ["compare", "a.txt", "b.txt", "--format", "json", "--no-flags", "-o", "r.json"],
        ["compare", "--ignore-punctuation", "-", "b.txt", "--context", "2"],
        ["compare", "--help"],
        ["compare", "a.txt"],
        ["compare", "a.txt", "b.txt", "--format", "docx"],
        ["compare", "a.txt", "b.txt", "--bogus"],
        ["compare", "a.txt", "b.txt", "--version"],
        ["nway", "a.txt", "b.txt", "c.txt"],
        ["nway", "--help"],
        ["nway", "a.txt", "--colour"],
        ["scan", "folder", "--format", "json", "--threshold", "0.4"],
        ["scan", "--help"],
        ["scan", "folder", "--threshold", "2"],
        ["scan"],
    ],
)
def test_one_commands_parser_parses_helps_and_errs_as_the_whole(argv: list[str]) -> None:
    # (``redline compare ...`` builds the compare command's parser alone)
    whole = _outcome(build_parser(), argv)
    alone = _outcome(build_parser(argv[0]), argv)
    assert alone == whole
    assert whole[1] or whole[2] or isinstance(whole[0], dict)


def test_a_parser_for_no_one_command_is_the_whole() -> None:
    top = build_parser().format_help()
    for only in (None, "open", "completion", "bogus", "--version"):
        assert build_parser(only).format_help() == top
    commands = [
        sorted(action.choices)  # type: ignore[arg-type]
        for action in build_parser("compare")._actions
        if isinstance(action, argparse._SubParsersAction)
    ]
    assert commands == [["compare"]]
