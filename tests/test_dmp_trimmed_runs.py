"""Word diffs answered from the common start and end alone give exactly the runs
diff-match-patch gives (``core.engine.dmp_adapter._trimmed_runs``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.engine.dmp_adapter import ALPHABET_SIZE, _dmp_runs, _trimmed_runs, diff_runs

_IDS = st.lists(st.integers(0, 6), max_size=14)


@settings(max_examples=2000, deadline=None)
@given(_IDS, _IDS, st.integers(0, 50), st.integers(0, 50))
def test_the_same_runs_as_diff_match_patch(a: list[int], b: list[int], i: int, j: int) -> None:
    assert diff_runs(a, b, a_offset=i, b_offset=j) == _dmp_runs(a, b, i, j, ALPHABET_SIZE)


@settings(max_examples=1000, deadline=None)
@given(_IDS, _IDS, _IDS, st.lists(st.integers(7, 12), min_size=1, max_size=6))
def test_a_replaced_middle_is_answered_without_diff_match_patch(
    start: list[int], end: list[int], old: list[int], new: list[int]
) -> None:
    # The new middle's ids (7 and up) are none of the rest's: trimmed, the two
    # middles are exactly old and new, and share no id.
    a, b = start + old + end, start + new + end
    quick = _trimmed_runs(a, b, 3, 5)
    if old:
        assert quick is not None
        assert quick == _dmp_runs(a, b, 3, 5, ALPHABET_SIZE)
    else:
        assert quick is None  # an insertion: left to diff-match-patch


def test_equal_and_one_sided_diffs() -> None:
    assert _trimmed_runs([1, 2], [1, 2], 4, 7) == [(4, 7, 2)]
    assert _trimmed_runs([], [], 0, 0) == []
    # An insertion may be shifted by diff-match-patch's merge: left to it.
    assert _trimmed_runs([1, 2], [1, 3, 1, 2], 0, 0) is None
    assert diff_runs([1, 2], [1, 3, 1, 2]) == _dmp_runs([1, 2], [1, 3, 1, 2], 0, 0, ALPHABET_SIZE)


def test_a_small_alphabet_still_overflows() -> None:
    # (Callers bound the alphabet in tests: the quick answer must not hide an overflow.)
    from core.engine.dmp_adapter import AlphabetOverflow

    try:
        diff_runs([1, 2, 3], [4, 5, 6], max_alphabet=4)
    except AlphabetOverflow:
        pass
    else:
        raise AssertionError("no overflow")
