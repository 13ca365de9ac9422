"""The compiled path's word diff (``core/engine/word_diff.c``) against the Python it
stands in for (``core.engine.dmp_adapter``: the runs from the common start and end
alone, else diff-match-patch's ``diff_main`` typed, ``core.engine.dmp_diff``).

Without a build (``make native``) the C is absent and its tests skip: the pure path is
the Python itself. ``make test-native`` (CI) runs them.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from core.engine import dmp_adapter, native
from core.engine.dmp_adapter import ALPHABET_SIZE, _dmp_runs, _trimmed_runs, diff_runs
from tests.kernels import assert_compared_alike, kernel_or_skip


def _in_c() -> object:
    return kernel_or_skip(dmp_adapter._runs_in_c, None, "word diff")


def _in_python(a: list[int], b: list[int], i: int, j: int) -> list[tuple[int, int, int]]:
    quick = _trimmed_runs(a, b, i, j)
    return quick if quick is not None else _dmp_runs(a, b, i, j, ALPHABET_SIZE)


def test_the_compiled_path_diffs_words_in_c() -> None:
    assert (dmp_adapter._runs_in_c is not None) == native.status()[0]


_FEW = st.lists(st.integers(0, 4), max_size=16)


@settings(max_examples=3000, deadline=None)
@given(_FEW, _FEW, st.integers(0, 40), st.integers(0, 40))
def test_the_same_runs_as_the_python_on_few_ids(a: list[int], b: list[int], i: int, j: int) -> None:
    runs = _in_c()
    assert runs(a, b, i, j) == _in_python(a, b, i, j)  # type: ignore[operator]


def test_the_same_runs_on_longer_texts_of_every_kind() -> None:
    # Sentences of a few hundred ids drawn from small and large vocabularies, edited
    # as real text is (words replaced, cut, put in, runs moved): the bisection goes
    # deep and the merge shifts edits over equalities.
    runs = _in_c()
    rng = random.Random(29)
    for case in range(1500):
        vocabulary = rng.choice((2, 3, 5, 20, 200))
        a = [rng.randrange(vocabulary) for _ in range(rng.randrange(0, 120))]
        b = list(a)
        for _ in range(rng.randrange(0, 12)):
            at = rng.randrange(len(b) + 1)
            kind = rng.randrange(4)
            if kind == 0 and b:
                del b[at : at + rng.randrange(1, 6)]
            elif kind == 1:
                b[at:at] = [rng.randrange(vocabulary + 3) for _ in range(rng.randrange(1, 6))]
            elif kind == 2 and at < len(b):
                b[at] = rng.randrange(vocabulary + 3)
            elif b:
                piece = b[at : at + rng.randrange(1, 8)]
                del b[at : at + len(piece)]
                to = rng.randrange(len(b) + 1)
                b[to:to] = piece
        i, j = rng.randrange(1000), rng.randrange(1000)
        assert runs(a, b, i, j) == _in_python(a, b, i, j), case  # type: ignore[operator]


def test_edges() -> None:
    runs = _in_c()
    for a, b in (([], []), ([1], []), ([], [1]), ([1, 2], [1, 2]), ([1, 2], [1, 3, 1, 2])):
        assert runs(a, b, 3, 4) == _in_python(a, b, 3, 4)  # type: ignore[operator]
    assert diff_runs([7, 8, 9], [7, 9]) == _in_python([7, 8, 9], [7, 9], 0, 0)


def test_whole_comparisons_alike() -> None:
    kernel = _in_c()
    used = []

    def counted(a: list[int], b: list[int], i: int, j: int) -> object:
        used.append(1)
        return kernel(a, b, i, j)  # type: ignore[operator]

    saved = dmp_adapter._runs_in_c
    dmp_adapter._runs_in_c = counted  # type: ignore[assignment]
    try:
        assert_compared_alike(dmp_adapter, "_runs_in_c", None, seeds=6)
    finally:
        dmp_adapter._runs_in_c = saved
    assert used  # (the comparisons did diff words in C)
