"""Whatever lands in a newsroom folder, through the command line (issue 14).

New cases for ``../shared/BAD_INPUTS.md``'s list, each built as a fixture in the
tests (the shared list itself is not edited here):

- encodings (``tests/test_encoding.py``): ISO-8859-2/5/6/7, TIS-620, Shift_JIS with
  ``~``, IBM866 and mostly-ASCII IBM866 kept as chardet reads them (no superset
  swapped in); ISO-2022-JP/KR read by their escapes, not as UTF-8 and not as binary;
  UTF-16 without BOM in Chinese, Japanese, Korean, Thai, Arabic, Greek; stray NULs in
  one lane of single-byte text not taken for UTF-16; a pure-ASCII file with one
  0xE9 byte past 200 KB, and a short Latin-1 file (here: the warning lines);
- HTML floods (``tests/test_html_text.py``, and here through ``compare`` and
  ``scan``): ``<!--`` or ``<a `` repeated, with and without a final ``>``;
- file names that are not UTF-8 (``caf\\xe9.txt``), or hold a newline, ``ESC[31m``
  or U+202E: ``compare``, ``scan`` and ``nway`` in every text format;
- standard output on a full disk (``> /dev/full``); ``--max-size -1``;
- a corrupt annotation database read by ``compare --annotations``;
- stale temporary files of a killed save beside a report (and one a live writer
  holds); ``--screenshot`` to an unwritable path (``tests/test_gui_window.py``);
- symbolic links in a folder to ``/etc/passwd`` or ``/proc/self/environ``
  (``tests/test_folder.py``, and here through ``scan``);
- a NUL or other control character in a sentence shown in an N-way HTML attribute;
- a note on "long debate" after the text became "heated debate" (orphaned, quote
  kept), and an approximate placement (``tests/test_reanchor.py``,
  ``tests/test_annotation_store.py``);
- a corrupt settings file: its notice stays in the status bar
  (``tests/test_gui_window.py``).
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.atomic import atomic_write_bytes
from core.cli import main
from core.text.names import printable_path
from tests.conftest import REPO

ARTICLE = "The council met on Tuesday and approved the budget for the new library.\n"


def test_a_lone_latin_byte_late_in_ascii_is_named(tmp_path: Path, capsys) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_bytes(ARTICLE.encode() * 3000 + b"caf\xe9\n")  # the byte past 200 KB
    new.write_bytes(ARTICLE.encode() * 3000 + b"cafe\n")
    assert main(["compare", str(old), str(new)]) == 1
    err = capsys.readouterr().err
    offset = old.stat().st_size - 2
    assert f"only 1 byte(s) outside ASCII (first at byte {offset}), read as cp1252" in err


def test_low_confidence_guess_names_the_runner_up(tmp_path: Path, capsys) -> None:
    old = tmp_path / "old.txt"
    old.write_bytes(b"Zo\xeb")
    assert main(["compare", str(old), str(old), "--format", "json"]) == 0
    captured = capsys.readouterr()
    line = next(x for x in captured.err.splitlines() if "low confidence" in x)
    assert "next best " in line and "--encoding-old ENC" in line
    assert '"encoding_runner_up"' in captured.out


LATIN1_NAME = os.fsdecode(b"caf\xe9.txt")  # not UTF-8: carried as a surrogate escape
TRICKY_NAME = "b\nx\x1b[31m\u202e.txt"
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\udc80-\udcff]")


@pytest.fixture
def odd_names(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "drop"
    folder.mkdir()
    old = folder / LATIN1_NAME
    new = folder / TRICKY_NAME
    old.write_text(ARTICLE, encoding="utf-8")
    new.write_text(ARTICLE.replace("Tuesday", "Wednesday"), encoding="utf-8")
    return old, new


def _stdout_bytes(capsysbinary: pytest.CaptureFixture[bytes], *args: str) -> bytes:
    main(list(args))
    return capsysbinary.readouterr().out


@pytest.mark.parametrize("command", ["compare", "nway"])
@pytest.mark.parametrize("fmt", ["text", "json", "html"])
def test_names_that_are_not_utf8_are_shown_escaped(
    odd_names: tuple[Path, Path], command: str, fmt: str, capsysbinary
) -> None:
    old, new = odd_names
    out = _stdout_bytes(capsysbinary, command, str(old), str(new), "--format", fmt)
    text = out.decode("utf-8")  # valid UTF-8 output, not "internal error"
    shown = json.dumps(json.loads(text)) if fmt == "json" else text
    assert "caf\\xe9.txt" in shown.replace("\\\\", "\\")
    assert "b\\nx\\x1b[31m\\u202e.txt" in shown.replace("\\\\", "\\")
    if fmt == "json":
        data = json.loads(text)
        first = data["old"] if command == "compare" else data["base"]
        second = data["new"] if command == "compare" else data["versions"][0]
        assert first["path"] == printable_path(str(old))
        assert bytes.fromhex(first["path_bytes"]) == os.fsencode(old)
        assert bytes.fromhex(second["path_bytes"]) == os.fsencode(new)
    else:
        visible = re.sub("\x1b\\[[0-9;]*m", "", text) if fmt == "text" else text
        assert not CONTROLS.search(visible.replace("\n", "").replace("\t", ""))


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_scan_of_a_folder_with_odd_names(
    odd_names: tuple[Path, Path], fmt: str, capsysbinary
) -> None:
    root = odd_names[0].parent.parent / os.fsdecode(b"d\xe9p\xf4t")
    odd_names[0].parent.rename(root)
    out = _stdout_bytes(capsysbinary, "scan", str(root), "--format", fmt).decode("utf-8")
    unescaped = out.replace("\\\\", "\\")  # JSON doubles the backslashes
    assert "caf\\xe9.txt" in unescaped and "d\\xe9p\\xf4t" in unescaped
    if fmt == "json":
        data = json.loads(out)
        assert bytes.fromhex(data["root_bytes"]) == os.fsencode(root)
        by_bytes = {bytes.fromhex(d["path_bytes"]) for d in data["documents"]}
        assert by_bytes == {b"caf\xe9.txt", TRICKY_NAME.encode()}
    else:
        assert not CONTROLS.search(out.replace("\n", ""))


def test_nway_html_attributes_hold_no_raw_control(tmp_path: Path, capsys) -> None:
    base = tmp_path / "base.txt"
    other = tmp_path / "other.txt"
    base.write_text("The mayor spoke.\nThe budget passed on Tuesday.\n", encoding="utf-8")
    other.write_text(
        "The mayor spoke.\nThe budget\x00 passed\x1b on\u202e Monday.\n", encoding="utf-8"
    )
    main(["nway", str(base), str(other), "--format", "html"])
    page = capsys.readouterr().out
    attributes = re.findall(r'\s[a-z-]+="([^"]*)"', page)
    assert any("\\x00" in value for value in attributes)  # the NUL is shown, escaped
    for value in attributes:
        assert not CONTROLS.search(value.replace("\n", "").replace("\t", ""))


def _sample_pair(tmp_path: Path) -> tuple[str, str]:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(ARTICLE, encoding="utf-8")
    new.write_text(ARTICLE.replace("Tuesday", "Monday"), encoding="utf-8")
    return str(old), str(new)


@pytest.mark.parametrize("command", ["compare", "nway", "scan"])
def test_standard_output_on_a_full_disk(command: str, tmp_path: Path) -> None:
    old, new = _sample_pair(tmp_path)
    args = ["scan", str(tmp_path)] if command == "scan" else [command, old, new]
    code = "import sys; from gui.shell.launcher import run; sys.argv[1:] = sys.argv[1:]; run()"
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-c", code, *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            timeout=120,
        )
    assert done.returncode == 2
    assert done.stderr == "redline: cannot write the report: no space left on device\n"


@pytest.mark.parametrize("command", ["compare", "nway"])
@pytest.mark.parametrize("size", ["-1", "0", "ten"])
def test_max_size_must_be_a_positive_number(
    command: str, size: str, tmp_path: Path, capsys
) -> None:
    old, new = _sample_pair(tmp_path)
    with pytest.raises(SystemExit) as stop:
        main([command, old, new, "--max-size", size])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("redline: argument --max-size: ") and err.count("\n") == 1


def test_corrupt_annotation_database_is_a_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from core.notes.store import DB_NAME
    from core.paths import HOME_ENV, app_paths

    monkeypatch.setenv(HOME_ENV, str(tmp_path / "home"))
    database = app_paths().data / DB_NAME
    database.parent.mkdir(parents=True)
    database.write_bytes(b"this is not SQLite" * 100)
    old, new = _sample_pair(tmp_path)
    assert main(["compare", old, new, "--format", "json", "--annotations"]) == 1
    captured = capsys.readouterr()
    notices = [x for x in captured.err.splitlines() if x.startswith("redline: notice: ")]
    assert len(notices) == 1 and "set aside" in notices[0] and str(database) in notices[0]
    assert json.loads(captured.out)["annotations"] == []
    assert [p.name.startswith(DB_NAME + ".corrupt-") for p in database.parent.iterdir()].count(
        True
    ) == 1


def test_leftovers_of_a_killed_save_go_on_the_next_save(tmp_path: Path, capsys) -> None:
    old, new = _sample_pair(tmp_path)
    report = tmp_path / "out" / "report.html"
    report.parent.mkdir()
    stale = [report.parent / f".report.html.{tag}.tmp" for tag in ("abcd1234", "x_9zq0rt")]
    for path in stale:
        path.write_bytes(b"<html>half a report")
        os.utime(path, (time.time() - 60, time.time() - 60))
    fresh = report.parent / ".report.html.fresh123.tmp"  # another writer, just started
    fresh.write_bytes(b"")
    other = report.parent / ".notes.html.abcd1234.tmp"  # not this report's
    other.write_bytes(b"")
    os.utime(other, (time.time() - 60, time.time() - 60))
    held = report.parent / ".report.html.held0000.tmp"  # a live writer holds its lock
    held.write_bytes(b"")
    os.utime(held, (time.time() - 60, time.time() - 60))
    with open(held, "rb") as holder:
        fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
        assert main(["compare", old, new, "--format", "html", "-o", str(report)]) == 1
    names = sorted(p.name for p in report.parent.iterdir())
    assert names == sorted(["report.html", fresh.name, other.name, held.name])


def test_a_killed_save_leaves_only_a_stale_temporary(tmp_path: Path) -> None:
    """kill -9 mid-write: the target is intact; the next save removes the leftover."""
    target = tmp_path / "report.html"
    target.write_bytes(b"old report")
    code = (
        "import os, sys, pathlib, core.atomic as a\n"
        "real = os.fsync\n"
        "def stop(fd): real(fd); os.kill(os.getpid(), 9)\n"
        "os.fsync = stop\n"
        f"a.atomic_write_bytes(pathlib.Path({str(target)!r}), b'new report')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, timeout=60)
    assert done.returncode == -9
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) == 1 and target.read_bytes() == b"old report"
    os.utime(leftovers[0], (time.time() - 60, time.time() - 60))
    atomic_write_bytes(target, b"newer report")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
    assert target.read_bytes() == b"newer report"


@pytest.mark.parametrize("unit", ["<!--", "<a "])
def test_html_floods_through_compare_and_scan(unit: str, tmp_path: Path) -> None:
    """A flood used to hang compare, scan and the folder listing for minutes."""
    folder = tmp_path / "drop"
    folder.mkdir()
    flood = folder / "flood.html"
    flood.write_text("<p>The council met.</p>" + unit * (300_000 // len(unit)), encoding="utf-8")
    story = folder / "story.html"
    story.write_text("<p>The council met.</p>", encoding="utf-8")
    for args in (["compare", str(story), str(flood), "--format", "json"], ["scan", str(folder)]):
        done = subprocess.run(
            [sys.executable, "-m", "core.cli", *args],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=60,
        )
        assert done.returncode in (0, 1), done.stderr
        assert "internal error" not in done.stderr


def test_scan_does_not_read_links_out_of_the_folder(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "story.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink("/etc/passwd", folder / "passwd.txt")
    os.symlink("/proc/self/environ", folder / "environ.txt")
    assert main(["scan", str(folder), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["path"] for d in data["documents"]] == ["story.txt"]
    reasons = {e["path"]: e["reason"] for e in data["errors"]}
    assert reasons["passwd.txt"] == "link to a file outside this folder (/etc/passwd), not followed"
    assert reasons["environ.txt"].startswith("link to a file outside this folder (/proc/")
