"""The compiled path's move proposals and their LCS lengths (``core/engine/move_votes.c``)
against the Python they stand in for (``core.engine.moves.scored_in_python``: each old
side's distinct ids vote for the new sides holding them, unless too many hold them;
the most voted, itself aside, ties in the order their first vote came; then each
pair's LCS).

Without a build (``make native``) the C is absent and its tests skip: the pure path is
the Python itself. ``make test-native`` (CI) runs them.
"""

from __future__ import annotations

import random

import pytest

from core.engine import moves, native
from tests.kernels import assert_compared_alike, kernel_or_skip


def _c_scored() -> object:
    return kernel_or_skip(moves.scored, moves.scored_in_python, "move proposals")


def test_the_compiled_path_counts_votes_in_c() -> None:
    assert (moves.scored is not moves.scored_in_python) == native.status()[0]


def test_the_python_proposes_the_most_voted_ties_in_order_itself_aside() -> None:
    # ids 5 and 6 vote: 5 for drafts 3 and 1, 6 for 1, 2 and 0 (0 is the old side).
    voters = {5: [3, 1], 6: [1, 2, 0]}
    found = moves.proposals_in_python([5, 6, 5, 9], [(0, 4)], [0], voters, 2, 4)
    first_vote = [m for t in {5, 6, 9} for m in voters.get(t, []) if m != 0]
    assert found[0][0] == 1  # (two votes)
    assert found == [[1, next(m for m in first_vote if m != 1)]]


def test_the_python_scores_each_proposal_by_its_lcs() -> None:
    # Old side 0 holds 1 2 3 4; new side 1 holds 1 3 4 (LCS 3), new side 2 holds 4 9
    # (LCS 1); id 9 is in no old side, id 4 in both new sides (too common at 1).
    a, b = [1, 2, 3, 4], [1, 3, 4, 4, 9]
    voted, lengths = moves.scored_in_python(a, b, [0], [(0, 4)], [1, 2], [(0, 3), (3, 5)], 1, 8, 3)
    assert voted == [[1]] and lengths == [[3]]
    voted, lengths = moves.scored_in_python(a, b, [0], [(0, 4)], [1, 2], [(0, 3), (3, 5)], 2, 8, 3)
    assert voted == [[1, 2]] and lengths == [[3, 1]]


Case = tuple[
    list[int],
    list[int],
    list[int],
    list[tuple[int, int]],
    list[int],
    list[tuple[int, int]],
    int,
    int,
    int,
]


def _spans(rng: random.Random, length: int, count: int) -> list[tuple[int, int]]:
    spans = []
    for _ in range(count):
        lo = rng.randrange(length + 1)
        spans.append((lo, rng.randrange(lo, min(length, lo + rng.choice((3, 30, 200))) + 1)))
    return spans


def _random_case(rng: random.Random) -> Case:
    size = rng.choice((3, 20, 200))
    vocabulary = rng.choice((5, 50, 5000))
    a = [rng.randrange(vocabulary) for _ in range(rng.randrange(0, 300))]
    b = [rng.randrange(vocabulary) for _ in range(rng.randrange(0, 300))]
    if b and rng.random() < 0.3:
        b[rng.randrange(len(b))] = rng.choice((-(2**63), 2**63 - 1, -1))
    olds = [rng.randrange(size) for _ in range(rng.randrange(0, 30))]
    news = sorted(rng.sample(range(size), rng.randrange(0, min(size, 40) + 1)))
    too_common = rng.choice((-1, 0, 1, 2, 5, 40))
    limit = rng.choice((0, 1, 3, 8))
    return (
        a,
        b,
        olds,
        _spans(rng, len(a), len(olds)),
        news,
        _spans(rng, len(b), len(news)),
        too_common,
        limit,
        size,
    )


def test_c_proposes_and_scores_as_the_python_does() -> None:
    scored = _c_scored()
    rng = random.Random(24)
    for _ in range(3_000):
        case = _random_case(rng)
        assert scored(*case) == moves.scored_in_python(*case)  # type: ignore[operator]


def test_c_scores_sides_wider_than_a_word_of_bits() -> None:
    scored = _c_scored()
    rng = random.Random(7)
    for _ in range(50):
        a = [rng.randrange(30) for _ in range(rng.randrange(60, 1500))]
        b = [rng.randrange(30) for _ in range(rng.randrange(60, 1500))]
        case = (
            a,
            b,
            [0],
            [(0, len(a))],
            [1, 2],
            [(0, len(b) // 2), (len(b) // 2, len(b))],
            5,
            8,
            3,
        )
        assert scored(*case) == moves.scored_in_python(*case)  # type: ignore[operator]


def test_ids_past_a_c_integer_are_scored_by_the_python() -> None:
    a, b = [2**70, 1, 2, 3], [1, 2, 3, 2**70]
    case = (a, b, [0], [(0, 4)], [1], [(0, 4)], 5, 8, 2)
    assert moves.scored(*case) == moves.scored_in_python(*case) == ([[1]], [[3]])


def test_c_refuses_a_draft_beyond_the_size_and_spans_outside_their_lists() -> None:
    scored = _c_scored()
    with pytest.raises(IndexError):
        scored([1], [1], [0], [(0, 1)], [7], [(0, 1)], 5, 8, 3)  # type: ignore[operator]
    with pytest.raises(IndexError):
        scored([1], [1], [7], [(0, 1)], [1], [(0, 1)], 5, 8, 3)  # type: ignore[operator]
    with pytest.raises(ValueError):
        scored([1], [1], [0], [(0, 1), (0, 1)], [1], [(0, 1)], 5, 8, 3)  # type: ignore[operator]
    with pytest.raises(ValueError):
        scored([1], [1], [0], [(0, 2)], [1], [(0, 1)], 5, 8, 3)  # type: ignore[operator]
    with pytest.raises(ValueError):
        scored([1], [1], [0], [(0, 1)], [1], [(1, 0)], 5, 8, 3)  # type: ignore[operator]


def test_whole_comparisons_find_the_same_moves_on_both_paths() -> None:
    _c_scored()
    assert_compared_alike(moves, "scored", moves.scored_in_python, 20)
