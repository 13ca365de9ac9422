"""Giving freed memory back to the system while long texts are compared.

glibc's allocator puts a block above its *mmap threshold* in a mapping of its own,
which goes back to the system when freed; below it, on the heap, from which freed
space is rarely returned. Each time a mapped block is freed, glibc raises the
threshold to that block's size (up to 32 MB), so the engine's next big lists (unit
keys, offsets, codes: megabytes each on a long text) go on the heap and keep the
process's peak memory high after they are freed: a 5 MB pair every paragraph of which
was edited peaked at 294 MB, and at 238 MB with the threshold fixed at glibc's
default (``bench/README.md``). Fixing it is what ``MALLOC_MMAP_THRESHOLD_`` does from
the environment; here it is done from inside, once, for the processes that compare
long texts. Elsewhere (another C library, another system) nothing is done.

The same processes keep ``TOP_PAD`` of free space at the top of the heap: glibc grows
the heap by that much more than it is asked for, and gives back only what is free
beyond it. Left at glibc's 128 KB, the heap shrank and grew again many times over a
comparison, and each page taken back from the system costs a page fault when it is
written again: 64,000 faults for a 1 MB pair every paragraph of which was edited
(parent and children), 42,000 with 32 MB kept, 6-7 % of the whole process's time
(``bench/README.md``, session 25). The peak grows by about 10 MB (71 -> 82 MB there;
5 MB: 224 -> 233 MB).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import cast

M_TOP_PAD = -2  # mallopt's parameter numbers (malloc.h)
M_MMAP_THRESHOLD = -3
THRESHOLD = 128 * 1024  # glibc's default before it starts moving it
TOP_PAD = 32 * 1024 * 1024  # (16 MB: 49,000 faults; 64 MB: no fewer than 32)
LONG_TEXT = 1_000_000  # code points of both texts together from which it is worth it

_done = False


def keep_big_blocks_mapped(characters: int = LONG_TEXT) -> bool:
    """Fix glibc's mmap threshold and the free space its heap keeps, once per process,
    when ``characters`` (the texts about to be compared) reach ``LONG_TEXT``. Returns
    whether they are fixed now."""
    global _done
    if _done:
        return True
    if characters < LONG_TEXT or not sys.platform.startswith("linux"):
        return False
    mallopt = _mallopt()
    if mallopt is None:
        return False
    _done = bool(mallopt(M_MMAP_THRESHOLD, THRESHOLD)) and bool(mallopt(M_TOP_PAD, TOP_PAD))
    return _done


def _mallopt() -> Callable[[int, int], int] | None:
    """glibc's ``mallopt``: the compiled path's (``malloc_options.c``), else through
    ``ctypes`` (2-3 ms to import); None where the C library has none."""
    try:
        from core.engine.malloc_options import set_option
    except ImportError:
        pass
    else:
        return set_option
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return None
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    return cast(Callable[[int, int], int], mallopt)
