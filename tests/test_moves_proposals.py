"""Move detection's proposals counted in bulk give the pairs the one-by-one count gave.

``find_moves`` counts each candidate's votes in one ``Counter`` over the hits of its
usable tokens and ranks them with ``sorted(..., reverse=True)``; the reference below
is the earlier code (``votes.update`` per token, ``most_common``). Ties between
equally voted candidates must fall in the same order, or another sentence of equal
votes would be tried first and a different move taken.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Sequence

import pytest

from core.engine import moves
from core.engine.blocks import Draft
from core.engine.lcs import similarity
from core.engine.moves import MovePair, find_moves


def _reference(
    drafts: Sequence[Draft],
    a: Sequence[int],
    b: Sequence[int],
    words_a: Sequence[int],
    words_b: Sequence[int],
) -> list[MovePair]:
    """``find_moves`` as it counted the votes before: one ``update`` per token, then
    ``most_common`` (the candidates, the words' check and the best-first pick are
    ``find_moves``'s own)."""
    olds, news, own = moves._candidates(drafts, a, b, words_a, words_b)
    if not olds or not news:
        return []
    index: dict[int, list[int]] = defaultdict(list)
    for k in news:
        for t in set(b[drafts[k].b1 : drafts[k].b2]):
            index[t].append(k)
    too_common = min(moves.MAX_TOKEN_HITS, max(2, int(len(news) * moves.COMMON_TOKEN_SHARE)))
    scored: list[tuple[float, int, int]] = []
    for k in olds:
        ids = a[drafts[k].a1 : drafts[k].a2]
        votes: Counter[int] = Counter()
        for t in set(ids):
            hits = index.get(t, ())
            if len(hits) <= too_common:
                votes.update(hits)
        votes.pop(k, None)
        for m, _ in votes.most_common(moves.PROPOSALS_PER_CANDIDATE):
            score = similarity(ids, b[drafts[m].b1 : drafts[m].b2])
            if k in own or m in own:
                floor = max(own.get(k, 0.0), own.get(m, 0.0))
                good = score >= max(moves.LINKED_MOVE_SIMILARITY, floor + moves.BETTER_BY)
            else:
                good = score >= moves.MIN_MOVE_SIMILARITY
            if good and moves._words_agree(drafts[k], drafts[m], a, b, words_a, words_b):
                scored.append((score, k, m))
    return moves.best_first(scored)


def _random_case(rng: random.Random) -> tuple[list[Draft], list[int], list[int]]:
    """Deleted, inserted and replaced sentences over a small vocabulary (many ties),
    some copied from one side to the other with a word or two changed (moves)."""
    vocabulary = rng.randint(6, 40)
    a: list[int] = []
    b: list[int] = []
    drafts: list[Draft] = []
    sentences: list[list[int]] = []
    for _ in range(rng.randint(1, 80)):
        kind = rng.choice(["deleted", "inserted", "changed", "equal"])
        length = rng.randint(1, 12)
        if sentences and rng.random() < 0.4:
            words = list(rng.choice(sentences))
            for _ in range(rng.randint(0, 2)):
                words[rng.randrange(len(words))] = rng.randrange(vocabulary)
        else:
            words = [rng.randrange(vocabulary) for _ in range(length)]
        sentences.append(words)
        a1, b1 = len(a), len(b)
        if kind in ("deleted", "changed", "equal"):
            a.extend(words)
        if kind == "inserted":
            b.extend(words)
        elif kind == "changed":
            b.extend(rng.randrange(vocabulary) for _ in range(rng.randint(1, 12)))
        elif kind == "equal":
            b.extend(words)
        a2, b2 = len(a), len(b)
        if kind == "equal":
            codes = [("equal", a1, a2, b1, b2)]
        else:
            codes = [c for c in (("delete", a1, a2, b1, b1), ("insert", a2, a2, b1, b2)) if c]
            codes = [c for c in codes if c[2] > c[1] or c[4] > c[3]]
        drafts.append(Draft(kind, a1, a2, b1, b2, codes))
    return drafts, a, b


@pytest.mark.parametrize("seed", range(300))
def test_bulk_votes_take_the_pairs_one_by_one_votes_took(seed: int) -> None:
    rng = random.Random(seed)
    drafts, a, b = _random_case(rng)
    words_a = [rng.choice((0, 1, 1, 1)) for _ in a]
    words_b = [rng.choice((0, 1, 1, 1)) for _ in b]
    assert find_moves(drafts, a, b, words_a, words_b) == _reference(drafts, a, b, words_a, words_b)


def test_the_random_cases_hold_moves() -> None:
    """The cases above are not all empty: moves are found in them."""
    found = 0
    for seed in range(300):
        rng = random.Random(seed)
        drafts, a, b = _random_case(rng)
        words_a = [1] * len(a)
        words_b = [1] * len(b)
        found += len(find_moves(drafts, a, b, words_a, words_b))
    assert found > 100


@pytest.mark.parametrize("seed", range(40))
def test_running_totals_given_by_the_caller_give_the_same_moves_and_counts(seed: int) -> None:
    """``compare`` makes the running totals of the units' words once, for the moves and
    the statistics: given, they give what each made for itself."""
    from core.engine.sequences import running_totals_of
    from core.engine.stats import compute_stats

    rng = random.Random(seed)
    drafts, a, b = _random_case(rng)
    words_a = [rng.choice((0, 1, 1, 2)) for _ in a]
    words_b = [rng.choice((0, 1, 1, 2)) for _ in b]
    totals = (running_totals_of(words_a), running_totals_of(words_b))
    found = find_moves(drafts, a, b, words_a, words_b, totals=totals)
    assert found == find_moves(drafts, a, b, words_a, words_b)
    assert compute_stats(drafts, words_a, words_b, totals=totals) == compute_stats(
        drafts, words_a, words_b
    )
    # (and they are the ones used: other weights' totals count otherwise)
    doubled = (
        running_totals_of([2 * w for w in words_a]),
        running_totals_of([2 * w for w in words_b]),
    )
    if totals[0][-1] or totals[1][-1]:
        assert compute_stats(drafts, words_a, words_b, totals=doubled) != compute_stats(
            drafts, words_a, words_b
        )
