"""The compiled path's kernels in C, as their tests reach them.

A kernel's test runs where the build is used (``make native``; ``make test-native`` in
CI) and skips on the pure path, where the Python is the only path; with
``REDLINE_EXPECT_NATIVE=1`` a missing kernel fails instead. Each kernel is also
checked in whole comparisons: the same blocks and rows with the kernel and with the
Python it stands in for.
"""

from __future__ import annotations

import os
from types import ModuleType

import pytest

from core.engine import native
from core.model import Document


def kernel_or_skip(chosen: object, python: object, what: str) -> object:
    """``chosen`` (a module's pick between its kernel and ``python``), or a skip when
    it is the Python (or None: no kernel)."""
    if chosen is None or chosen is python:
        if os.environ.get("REDLINE_EXPECT_NATIVE") == "1":
            pytest.fail(f"the compiled build has no {what}: " + native.status()[1])
        pytest.skip("no compiled build (make native): the Python is the only path")
    return chosen


def assert_compared_alike(
    module: ModuleType, name: str, python: object, seeds: int, fast_path: bool = False
) -> None:
    """Whole comparisons of generated pairs (``fast_path``: with unchanged paragraphs
    set aside, whatever their length) give the same blocks and rows with ``module``'s
    ``name`` as chosen and set to ``python``."""
    from core.engine.compare import compare
    from tests.test_paragraph_anchors import _paragraph_variant, anchored

    saved = getattr(module, name)
    for seed in range(seeds):
        old, new = _paragraph_variant(seed)
        with anchored(fast_path):
            by_kernel = compare(Document("old", old), Document("new", new))
            setattr(module, name, python)
            try:
                by_python = compare(Document("old", old), Document("new", new))
            finally:
                setattr(module, name, saved)
        assert by_kernel.blocks == by_python.blocks and by_kernel.rows == by_python.rows
