"""The compiled path's move proposals (``core/engine/move_votes.c``) against the Python
they stand in for (``core.engine.moves.proposals_in_python``: each old side's distinct
ids vote for the new sides holding them; the most voted, itself aside, ties in the
order their first vote came).

Without a build (``make native``) the C is absent and its tests skip: the pure path is
the Python itself. ``make test-native`` (CI) runs them.
"""

from __future__ import annotations

import random

import pytest

from core.engine import moves, native
from tests.kernels import assert_compared_alike, kernel_or_skip


def _c_proposals() -> object:
    return kernel_or_skip(moves.proposals, moves.proposals_in_python, "move proposals")


def test_the_compiled_path_counts_votes_in_c() -> None:
    assert (moves.proposals is not moves.proposals_in_python) == native.status()[0]


def test_the_python_proposes_the_most_voted_ties_in_order_itself_aside() -> None:
    # ids 5 and 6 vote: 5 for drafts 3 and 1, 6 for 1, 2 and 0 (0 is the old side).
    voters = {5: [3, 1], 6: [1, 2, 0]}
    found = moves.proposals_in_python([5, 6, 5, 9], [(0, 4)], [0], voters, 2, 4)
    first_vote = [m for t in {5, 6, 9} for m in voters.get(t, []) if m != 0]
    assert found[0][0] == 1  # (two votes)
    assert found == [[1, next(m for m in first_vote if m != 1)]]


def _random_case(
    rng: random.Random,
) -> tuple[list[int], list[tuple[int, int]], list[int], dict[int, list[int]], int, int]:
    size = rng.choice((3, 20, 200))
    a = [rng.randrange(rng.choice((5, 50, 5000))) for _ in range(rng.randrange(0, 300))]
    voters: dict[int, list[int]] = {}
    for t in set(a) | {rng.randrange(10_000) for _ in range(5)}:
        if rng.random() < 0.7:
            voters[t] = rng.sample(range(size), rng.randrange(0, min(size, 6) + 1))
    olds = [rng.randrange(size) for _ in range(rng.randrange(0, 30))]
    spans = []
    for _ in olds:
        lo = rng.randrange(len(a) + 1)
        spans.append((lo, rng.randrange(lo, len(a) + 1)))
    return a, spans, olds, voters, rng.choice((0, 1, 3, 8)), size


def test_c_proposes_as_the_python_does() -> None:
    proposals = _c_proposals()
    rng = random.Random(24)
    for _ in range(3_000):
        case = _random_case(rng)
        assert proposals(*case) == moves.proposals_in_python(*case)  # type: ignore[operator]


def test_c_refuses_a_draft_beyond_the_size() -> None:
    proposals = _c_proposals()
    with pytest.raises(IndexError):
        proposals([1], [(0, 1)], [0], {1: [7]}, 8, 3)  # type: ignore[operator]
    with pytest.raises(ValueError):
        proposals([1], [(0, 1), (0, 1)], [0], {1: [2]}, 8, 3)  # type: ignore[operator]


def test_whole_comparisons_find_the_same_moves_on_both_paths() -> None:
    _c_proposals()
    assert_compared_alike(moves, "proposals", moves.proposals_in_python, 20)
