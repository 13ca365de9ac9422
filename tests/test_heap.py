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


# The heap kept free at its top once set: a block taken from the heap (below the mmap
# threshold) makes it grow by TOP_PAD more, which glibc's mallinfo2 counts as its
# releasable top ("keepcost"); at glibc's default it keeps about 128 KB.
_KEPT = """
import ctypes
import core.engine.heap as heap

class Info(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
        "uordblks", "fordblks", "keepcost")]

libc = ctypes.CDLL(None)
if not hasattr(libc, "mallinfo2"):
    print("no mallinfo2")
    raise SystemExit
libc.mallinfo2.restype = Info
libc.malloc.restype = ctypes.c_void_p
if {set}:
    assert heap.keep_big_blocks_mapped(2_000_000)
blocks = [libc.malloc(100_000) for _ in range(400)]  # 40 MB from the heap
print(libc.mallinfo2().keepcost)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's setting")
@pytest.mark.parametrize("fixed", [True, False])
def test_the_heap_keeps_its_top_pad_once_set(fixed: bool) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _KEPT.replace("{set}", str(fixed))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    if done.stdout.strip() == "no mallinfo2":
        pytest.skip("glibc before 2.33")
    kept = int(done.stdout)
    if fixed:
        assert kept >= heap_pad() // 2, kept
    else:
        assert kept < heap_pad() // 2, kept


def heap_pad() -> int:
    import core.engine.heap as heap

    return heap.TOP_PAD


def test_elsewhere_nothing_is_done(monkeypatch: pytest.MonkeyPatch) -> None:
    import core.engine.heap as heap

    monkeypatch.setattr(heap, "_done", False)
    monkeypatch.setattr(heap.sys, "platform", "win32")
    assert heap.keep_big_blocks_mapped(10_000_000) is False


_WHICH = """
import sys
import core.engine.heap as heap
from core.engine import native
compiled = native.status()[0]
assert heap.keep_big_blocks_mapped(2_000_000)
print(compiled, "ctypes" in sys.modules)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's setting")
def test_the_compiled_path_sets_them_without_ctypes() -> None:
    # (ctypes's import was 2-3 ms of each long comparison's start, on one core)
    done = subprocess.run(
        [sys.executable, "-c", _WHICH], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    compiled, loaded = done.stdout.split()
    assert loaded == str(compiled == "False"), done.stdout


def test_the_compiled_mallopt_checks_its_arguments() -> None:
    options = pytest.importorskip("core.engine.malloc_options", reason="no build (make native)")
    with pytest.raises(TypeError):
        options.set_option(1)  # type: ignore[call-arg]
    with pytest.raises(OverflowError):
        options.set_option(heap_pad(), 2**40)
    assert options.set_option(-2, heap_pad()) in (0, 1)  # M_TOP_PAD
