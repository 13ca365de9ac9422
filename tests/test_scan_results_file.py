"""A scan's JSON read back (File > Open Scan Results): the same scan, or one clear line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from core.errors import RedlineError
from core.families.scan import ScanOptions, scan_folder
from core.families.scan_report import scan_from_json, scan_to_json
from tests.family_folders import build_folder


def test_a_scan_reads_back_as_itself(tmp_path: Path) -> None:
    build_folder(tmp_path)
    (tmp_path / "caf\udce9.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))  # an error
    story = (tmp_path / "wire" / "jisr.txt").read_bytes()
    (tmp_path / "copie-\udce9.txt").write_bytes(story)  # a name that is not UTF-8
    result = scan_folder(tmp_path, ScanOptions(use_cache=False))
    assert result.families and result.errors
    assert "path_bytes" in scan_to_json(result)
    back = scan_from_json(scan_to_json(result))
    assert scan_to_json(back) == scan_to_json(result)
    assert [d.path for d in back.documents] == [d.path for d in result.documents]
    assert back.fingerprints == ()
    assert all(os.path.exists(d.path) for d in back.documents)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{", "not JSON"),
        ('{"format": "redline-comparison", "version": 1}', "not a Redline scan"),
        ('{"format": "redline-scan", "version": 2}', "version 2"),
        (
            '{"format": "redline-scan", "version": 1, "root": "/r", "documents": '
            '[{"path": "a.txt", "words": "many", "encoding": "utf-8"}], '
            '"families": [], "errors": []}',
            "malformed",
        ),
        ('{"format": "redline-scan", "version": 1, "root": "/r"}', "malformed"),
    ],
)
def test_what_is_not_a_scan_is_said_in_one_line(text: str, reason: str) -> None:
    with pytest.raises(RedlineError, match=reason) as caught:
        scan_from_json(text)
    assert "\n" not in str(caught.value)


def test_numbers_of_the_contract_scale_are_kept() -> None:
    text = json.dumps(
        {
            "format": "redline-scan",
            "version": 1,
            "root": "/news",
            "documents": [
                {
                    "path": "a.txt",
                    "words": 3,
                    "encoding": "utf-8",
                    "family": 0,
                    "closest": "b.txt",
                    "similarity": 1,
                },
                {
                    "path": "b.txt",
                    "words": 3,
                    "encoding": "utf-8",
                    "family": 0,
                    "closest": "a.txt",
                    "similarity": 0.5,
                },
            ],
            "families": [{"id": 0, "members": ["a.txt", "b.txt"], "original": "a.txt"}],
            "errors": [],
        }
    )
    back = scan_from_json(text)
    assert back.documents[0].similarity == 1.0 and back.documents[0].path == "/news/a.txt"
    assert back.families[0].original == "a.txt"
