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
"""

from __future__ import annotations

import sys

M_MMAP_THRESHOLD = -3  # mallopt's parameter number (malloc.h)
THRESHOLD = 128 * 1024  # glibc's default before it starts moving it
LONG_TEXT = 1_000_000  # code points of both texts together from which it is worth it

_done = False


def keep_big_blocks_mapped(characters: int = LONG_TEXT) -> bool:
    """Fix glibc's mmap threshold, once per process, when ``characters`` (the texts
    about to be compared) reach ``LONG_TEXT``. Returns whether it is fixed now."""
    global _done
    if _done:
        return True
    if characters < LONG_TEXT or not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    _done = bool(mallopt(M_MMAP_THRESHOLD, THRESHOLD))
    return _done
