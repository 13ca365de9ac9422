"""The engine in a child process gives the same comparison as in this process."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from core.errors import CancelledError, LoadError
from core.model import CompareOptions
from gui.common.engine_process import (
    BATCH,
    EngineRequest,
    compare_anywhere,
    compare_in_child,
    load_and_compare,
)

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"
OLD, NEW = SAMPLES / "000_a1d9523b8511cf93.txt", SAMPLES / "001_a1bb97b7d4cec672.txt"


def test_child_result_equals_in_process_result(tmp_path: Path) -> None:
    # Enough blocks for several batches.
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(OLD.read_text(encoding="utf-8") * 40, encoding="utf-8")
    new.write_text(NEW.read_text(encoding="utf-8") * 40, encoding="utf-8")
    request = EngineRequest(str(old), str(new), CompareOptions())
    here = load_and_compare(request)
    there = compare_in_child(request, lambda: False)
    assert len(here.blocks) > BATCH
    assert there.blocks == here.blocks
    assert (there.old, there.new, there.stats) == (here.old, here.new, here.stats)
    assert compare_anywhere(request, lambda: False).blocks == here.blocks


def test_child_reports_load_errors_in_one_line(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    request = EngineRequest(str(binary), str(NEW), CompareOptions())
    with pytest.raises(LoadError) as caught:
        compare_in_child(request, lambda: False)
    assert "PNG" in caught.value.reason
    as_text = EngineRequest(str(binary), str(NEW), CompareOptions(), old_as_text=True)
    assert compare_in_child(as_text, lambda: False).old.path == str(binary)


def test_cancel_kills_the_child(tmp_path: Path) -> None:
    request = EngineRequest(str(OLD), str(NEW), CompareOptions())
    started = time.perf_counter()
    with pytest.raises(CancelledError):
        compare_in_child(request, lambda: True)
    assert time.perf_counter() - started < 5
