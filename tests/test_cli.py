"""``redline compare``: formats, exit codes, one-line errors, safe writing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from core.cli import main
from tests.conftest import CONDENSED, FULL, REPO, UNRELATED

CONTRACT_KEYS = {"format", "version", "old", "new", "options", "stats", "blocks"}
STATS_KEYS = {
    "similarity",
    "old_words",
    "new_words",
    "common_words",
    "deleted_words",
    "inserted_words",
    "moved_words",
}


QT_LOADED = 70  # the exit code of a command that loaded Qt (1 means "different")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real console command in a fresh process (no Qt may be imported)."""
    code = (
        "import sys; from gui.shell.launcher import main; rc = main(); "
        f"sys.exit({QT_LOADED} if 'PySide6' in sys.modules else rc)"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        timeout=120,
    )


def test_json_follows_the_contract(tmp_path: Path) -> None:
    proc = run("compare", str(CONDENSED), str(FULL), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) >= CONTRACT_KEYS
    assert data["format"] == "redline-comparison" and data["version"] == 1
    assert set(data["stats"]) == STATS_KEYS
    assert data["options"] == {"ignore_case": True, "ignore_punctuation": False}
    text = CONDENSED.read_text(encoding="utf-8")
    assert data["old"]["length"] == len(text) and data["old"]["encoding"] == "utf-8"
    for block in data["blocks"]:
        assert set(block) >= {"kind", "old", "new", "ops"}
        for op in block["ops"]:
            assert op["op"] in {"equal", "delete", "insert"}
            assert ("exact" in op) == (op["op"] == "equal")
    first = data["blocks"][0]["ops"][0]
    assert text[first["old"][0] : first["old"][1]].startswith("this is the moment")


def test_exit_codes_same_different_error(tmp_path: Path) -> None:
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(CONDENSED.read_bytes().replace(b"\n", b"\r\n"))
    assert run("compare", str(CONDENSED), str(crlf)).returncode == 0
    assert run("compare", str(CONDENSED), str(FULL)).returncode == 1
    missing = run("compare", str(tmp_path / "gone.txt"), str(FULL))
    assert missing.returncode == 2
    assert missing.stderr.count("\n") == 1 and "gone.txt" in missing.stderr
    assert "Traceback" not in missing.stderr


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 4, "PDF"),
        (bytes(1000), "binary"),
    ],
)
def test_binary_input_is_one_line_naming_file_and_type(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    bad = tmp_path / "photo.txt"
    bad.write_bytes(content)
    proc = run("compare", str(bad), str(FULL))
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
    assert "photo.txt" in proc.stderr and reason in proc.stderr
    assert "Traceback" not in proc.stderr


def test_files_named_on_the_command_line_are_read_whatever_their_suffix(
    tmp_path: Path,
) -> None:
    # README, COPYING, a wire story saved as "story-0421": named by the user, read as
    # text (diff and dwdiff do the same); binary content is still refused.
    old, new = tmp_path / "COPYING", tmp_path / "story.log"
    old.write_text("The council met on Monday. It voted 5-4.\n", encoding="utf-8")
    new.write_text("The council met on Tuesday. It voted 5-4.\n", encoding="utf-8")
    proc = run("compare", str(old), str(new), "--color", "never")
    assert proc.returncode == 1, proc.stderr
    assert "[-Monday-] {+Tuesday+}" in proc.stdout and proc.stderr == ""
    assert main(["nway", str(old), str(new), str(FULL), "--format", "json"]) == 1
    photo = tmp_path / "photo"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    proc = run("compare", str(photo), str(new))
    assert proc.returncode == 2 and "photo" in proc.stderr and "PNG" in proc.stderr
    assert proc.stderr.strip().count("\n") == 0


def test_bad_arguments_and_encodings_are_one_line_errors(tmp_path: Path) -> None:
    proc = run("compare", str(FULL))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    proc = run("compare", str(FULL), str(CONDENSED), "--encoding-old", "no-such-codec")
    assert (
        proc.returncode == 2 and "no-such-codec" in proc.stderr and "Traceback" not in proc.stderr
    )


def test_encoding_override_changes_the_decoding(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le café est à côté de la gare, a déclaré le maire.".encode("cp1252"))
    utf8 = tmp_path / "utf8.txt"
    utf8.write_text("Le café est à côté de la gare, a déclaré le maire.", encoding="utf-8")
    assert main(["compare", str(latin), str(utf8), "--encoding-old", "cp1252"]) == 0
    assert main(["compare", str(latin), str(utf8), "--encoding-old", "koi8-r"]) == 1


def test_output_file_is_written_and_sources_are_refused(tmp_path: Path, capsys) -> None:
    out = tmp_path / "report.json"
    assert main(["compare", str(CONDENSED), str(FULL), "--format", "json", "-o", str(out)]) == 1
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "redline-comparison"
    old_copy = tmp_path / "old.txt"
    old_copy.write_bytes(CONDENSED.read_bytes())
    before = (old_copy.read_bytes(), os.stat(old_copy).st_mtime_ns)
    assert main(["compare", str(old_copy), str(FULL), "-o", str(old_copy)]) == 2
    assert (old_copy.read_bytes(), os.stat(old_copy).st_mtime_ns) == before
    assert "refusing" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.txt", "report.json"]


def test_unwritable_target_leaves_earlier_report(tmp_path: Path, capsys, monkeypatch) -> None:
    out = tmp_path / "report.html"
    out.write_text("earlier report", encoding="utf-8")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    assert main(["compare", str(CONDENSED), str(FULL), "--format", "html", "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "earlier report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
    err = capsys.readouterr().err
    assert "report.html" in err and "No space left" in err


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


def test_markup_in_documents_and_names_is_shown_literally(tmp_path: Path, capsys) -> None:
    payload = '<script>alert(1)</script> "><img src=x onerror=alert(1)> </script> {{ x }} &amp;'
    (tmp_path / "<b>x<").mkdir()  # "/" cannot be in a name: a folder makes the path
    old = tmp_path / "<b>x</b>.txt"
    old.write_text(f"The mayor said nothing. {payload}", encoding="utf-8")
    new = tmp_path / "a\"b'c&.txt"
    new.write_text("The mayor said something else entirely today.", encoding="utf-8")
    assert main(["compare", str(old), str(new), "--format", "html"]) == 1
    page = capsys.readouterr().out
    parser = _Tags()
    parser.feed(page)
    assert {t for t, _ in parser.tags} <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "h1",
        "div",
        "span",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "h2",
        "h3",
        "p",
        "b",
        "ul",
        "ol",
        "li",
        "a",
        "sup",
        "time",
    }
    assert not any(name.startswith("on") for _, attrs in parser.tags for name, _ in attrs)
    assert "script-src 'none'" in page
    shown = "".join(parser.text)
    assert payload in shown and "<b>x</b>.txt" in shown
    assert main(["compare", str(old), str(new), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["old"]["path"].endswith("<b>x</b>.txt")


def test_text_format_marks_changes_like_dwdiff(capsys) -> None:
    assert main(["compare", str(FULL), str(CONDENSED), "--color", "never"]) == 1
    out = capsys.readouterr().out
    assert "[-syria-] {+syrian+}" in out
    assert "[-scroll down for video .-]" in out
    assert "\x1b[" not in out
    assert main(["compare", str(FULL), str(CONDENSED), "--color", "always"]) == 1
    assert "\x1b[31m[-syria-]" in capsys.readouterr().out


def test_unrelated_articles_are_reported_as_such(capsys) -> None:
    assert main(["compare", str(FULL), str(UNRELATED), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["stats"]["similarity"] < 0.2


def test_damaged_and_guessed_encodings_are_warned_about(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.txt"
    prefix = "Le café a fermé, dit le maire. ".encode() * 20
    damaged.write_bytes(prefix + b"\xff tail.")
    proc = run("compare", str(damaged), str(damaged))
    assert proc.returncode == 0
    assert "damaged.txt" in proc.stderr and "could not be decoded as utf-8" in proc.stderr
    assert f"byte {len(prefix)}" in proc.stderr
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"A long enough article text with one NUL \x00 inside it. " * 50)
    proc = run("compare", str(nul), str(nul))
    assert proc.returncode == 0 and "NUL" in proc.stderr and "Traceback" not in proc.stderr


def test_an_empty_version_is_warned_about(tmp_path: Path, capsys) -> None:
    # An editor compared the wire copy with an empty file: the whole article read as
    # cut, "no flags", and nothing said the new version was empty.
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\n  \n")
    assert main(["compare", str(FULL), str(empty), "--format", "json", "-o", os.devnull]) == 1
    assert "empty.txt: empty (the file holds no text)" in capsys.readouterr().err
    assert main(["compare", str(FULL), str(FULL), "--format", "json", "-o", os.devnull]) == 0
    assert "empty" not in capsys.readouterr().err


def test_output_into_a_fifo_keeps_the_fifo(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert main(["compare", str(CONDENSED), str(FULL), "--format", "json", "-o", str(fifo)]) == 1
    reader.join(timeout=30)
    assert json.loads(received[0])["format"] == "redline-comparison"
    assert fifo.is_fifo()


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as stream:
        stream.truncate(100 * 1024 * 1024)  # sparse: nothing is written or read
    proc = run("compare", str(huge), str(FULL))
    assert proc.returncode == 2
    assert "huge.txt" in proc.stderr and "too large" in proc.stderr
    assert proc.stderr.count("\n") == 1
    proc = run("compare", str(FULL), str(CONDENSED), "--max-size", "1000")
    assert proc.returncode == 2 and "too large" in proc.stderr


def test_console_script_delivers_all_output_before_its_quick_exit(tmp_path: Path) -> None:
    # `redline` ends compare without Python's teardown (gui.shell.launcher.run): the
    # report, megabytes long, must still arrive whole, with the right exit code.
    text = FULL.read_text(encoding="utf-8")
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("\n\n".join(f"{i}: {text}" for i in range(60)), encoding="utf-8")
    new.write_text("\n\n".join(f"{i}: {text}" for i in range(60) if i != 7), encoding="utf-8")
    for fmt in ("json", "text"):
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "gui.shell.launcher",
                "compare",
                str(old),
                str(new),
                "--format",
                fmt,
            ],
            capture_output=True,
            cwd=REPO,
            timeout=120,
        )
        assert proc.returncode == 1, proc.stderr
        assert proc.stderr == b""
        if fmt == "json":
            data = json.loads(proc.stdout)
            assert data["stats"]["deleted_words"] > 0 and data["stats"]["inserted_words"] == 0
            assert data["blocks"][-1]["new"][1] == len(new.read_text(encoding="utf-8"))
        else:
            assert proc.stdout.decode("utf-8").rstrip().endswith(text.rstrip()[-40:])
    same = subprocess.run(
        [sys.executable, "-m", "gui.shell.launcher", "compare", str(old), str(old)],
        capture_output=True,
        cwd=REPO,
        timeout=120,
    )
    assert same.returncode == 0


@pytest.mark.parametrize("command", ["compare", "scan"])
def test_closed_standard_output_is_a_one_line_error(command: str, tmp_path: Path) -> None:
    args = [str(CONDENSED), str(FULL)] if command == "compare" else [str(CONDENSED.parent)]
    proc = subprocess.run(
        [
            "sh",
            "-c",
            'exec "$@" >&-',
            "sh",
            sys.executable,
            "-m",
            "gui.shell.launcher",
            command,
            *args,
        ],
        capture_output=False,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        timeout=120,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path)},
    )
    assert proc.returncode == 2
    assert proc.stderr == "redline: cannot write the report: standard output is closed\n"


def test_the_last_comparison_is_kept_for_the_end_of_the_process(capsys) -> None:
    """``redline compare`` ends without Python's teardown, so its comparison is kept
    rather than freed block by block on the way out: the last one only, each run's."""
    from core import cli
    from core.model import Comparison

    assert main(["compare", str(FULL), str(CONDENSED), "--format", "json"]) == 1
    first = cli._kept[0]
    assert len(cli._kept) == 1 and isinstance(first, Comparison)
    assert (first.old.path, first.new.path) == (str(FULL), str(CONDENSED))
    assert main(["compare", str(CONDENSED), str(FULL), "--color", "never"]) == 1
    assert len(cli._kept) == 1 and cli._kept[0] is not first
    assert cli._kept[0].old.path == str(CONDENSED)
    capsys.readouterr()
