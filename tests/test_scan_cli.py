"""``redline scan``: the JSON contract (scan-json.md), the text listing, errors, exit codes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from core.cli import main
from tests.conftest import CONDENSED, FULL, SAMPLES, UNRELATED

DOC_KEYS = {"path", "words", "encoding", "family", "closest", "similarity"}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["scan", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _nested(tmp_path: Path) -> Path:
    root = tmp_path / "folder"
    (root / "wire").mkdir(parents=True)
    (root / "web" / "short").mkdir(parents=True)
    (root / "wire" / "story.txt").write_bytes(FULL.read_bytes())
    (root / "web" / "short" / "story-cut.txt").write_bytes(CONDENSED.read_bytes())
    (root / "other.txt").write_bytes(UNRELATED.read_bytes())
    (root / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return root


def test_json_follows_the_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _nested(tmp_path)
    code, out, _ = _run(capsys, str(root), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"format", "version", "root", "documents", "families", "errors"}
    assert data["format"] == "redline-scan" and data["version"] == 1
    assert data["root"] == str(root.resolve()) and os.path.isabs(data["root"])
    paths = [d["path"] for d in data["documents"]]
    assert sorted(paths) == ["other.txt", "web/short/story-cut.txt", "wire/story.txt"]
    ids = {f["id"] for f in data["families"]}
    for doc in data["documents"]:
        assert set(doc) == DOC_KEYS
        assert isinstance(doc["words"], int) and isinstance(doc["encoding"], str)
        assert doc["family"] is None or doc["family"] in ids
        assert (doc["closest"] is None) == (doc["similarity"] is None)
        if doc["closest"] is not None:
            assert doc["closest"] in paths and doc["closest"] != doc["path"]
            assert isinstance(doc["similarity"], float) and 0 <= doc["similarity"] <= 1
    assert data["families"] == [
        {
            "id": 0,
            "members": ["web/short/story-cut.txt", "wire/story.txt"],
            "original": "wire/story.txt",
        }
    ]
    other = next(d for d in data["documents"] if d["path"] == "other.txt")
    assert other["family"] is None
    assert data["errors"] == [{"path": "broken.txt", "reason": "binary file (PNG image)"}]


def test_every_family_has_two_members_and_ids_in_order(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(capsys, str(SAMPLES), "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert [f["id"] for f in data["families"]] == list(range(len(data["families"])))
    for family in data["families"]:
        assert len(family["members"]) >= 2 and family["original"] in family["members"]
        members = [d for d in data["documents"] if d["family"] == family["id"]]
        assert sorted(d["path"] for d in members) == family["members"]


def test_text_listing_names_families_originals_and_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _nested(tmp_path)
    code, out, _ = _run(capsys, str(root))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"{root}: 3 documents, 1 family, 1 error")
    assert any(line.split()[:2] == ["original", "wire/story.txt"] for line in lines)
    assert any(
        "web/short/story-cut.txt" in line and "closest wire/story.txt" in line for line in lines
    )
    assert "  broken.txt: binary file (PNG image)" in lines


def test_odd_file_names_stay_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = ["<b>x<i>.txt", "a\"b'c&.txt", "new\nline.txt"]
    for name in names:
        (tmp_path / name).write_bytes(FULL.read_bytes())
    (tmp_path / os.fsdecode(b"bad\xff.txt")).write_bytes(CONDENSED.read_bytes())
    code, out, _ = _run(capsys, str(tmp_path))
    assert code == 0
    shown = ["<b>x<i>.txt", "a\"b'c&.txt", "new\\nline.txt", "bad\\xff.txt"]
    lines = out.splitlines()
    assert len(lines) == 1 + 2 + 4  # summary, blank and family title, one line per member
    for name in shown:
        assert sum(line.split()[1] == name for line in lines[3:]) == 1
    code, out, _ = _run(capsys, str(tmp_path), "--format", "json")
    assert {d["path"] for d in json.loads(out)["documents"]} == set(shown)


def test_missing_folder_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, str(tmp_path / "nope"))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "nope" in err and "no such folder" in err


def test_a_file_is_not_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, str(FULL))
    assert code == 2 and "not a folder" in err


@pytest.mark.parametrize("value", ["0", "1.5", "abc"])
def test_bad_threshold_exits_2(capsys: pytest.CaptureFixture[str], value: str) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["scan", str(SAMPLES), "--threshold", value])
    assert stop.value.code == 2
    assert "--threshold" in capsys.readouterr().err


def test_threshold_changes_what_counts_as_a_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Two unrelated articles with no key words in common: only the threshold decides.
    (tmp_path / "a.txt").write_text("the cat sat on the mat and then it slept all day long\n")
    (tmp_path / "b.txt").write_text("the cat sat on the mat and then it ran off to play\n")
    _, loose, _ = _run(capsys, str(tmp_path), "--format", "json", "--threshold", "0.3")
    _, strict, _ = _run(capsys, str(tmp_path), "--format", "json", "--threshold", "0.9")
    assert len(json.loads(loose)["families"]) == 1
    assert json.loads(strict)["families"] == []


def test_cli_default_threshold_is_the_engines() -> None:
    from core.command.parser import SCAN_THRESHOLD
    from core.families.scan import DEFAULT_THRESHOLD

    assert SCAN_THRESHOLD == DEFAULT_THRESHOLD
