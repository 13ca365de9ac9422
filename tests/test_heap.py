"""The allocator setting for long texts (``core.heap``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

_PROBE = """
import core.engine.heap as heap
assert heap.keep_big_blocks_mapped(10) is False, "set for a short text"
assert heap._done is False
fixed = heap.keep_big_blocks_mapped(2_000_000)
assert heap.keep_big_blocks_mapped(10) is fixed, "not kept once set"
print(fixed)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's setting")
def test_threshold_is_fixed_once_for_long_texts_only() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"


def test_elsewhere_nothing_is_done(monkeypatch: pytest.MonkeyPatch) -> None:
    import core.engine.heap as heap

    monkeypatch.setattr(heap, "_done", False)
    monkeypatch.setattr(heap.sys, "platform", "win32")
    assert heap.keep_big_blocks_mapped(10_000_000) is False
