"""``core.flags.tallies`` against ``collections.Counter``'s own arithmetic: the same
keys in the same order with the same counts, on random Counters holding zero and
negative counts too (as the figures' counts do once taken from)."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from core.flags import tallies

KEYS = ["1", "2", "20-000", "20000", "4-30", ("at least", "9"), ("about", "9")]


def _random_counter(rng: random.Random) -> Counter[object]:
    out: Counter[object] = Counter()
    for key in rng.sample(KEYS, rng.randint(0, len(KEYS))):
        out[key] = rng.choice([-2, -1, 0, 1, 1, 2, 3])
    return out


def _same(got: Counter[object], want: Counter[object]) -> None:
    assert type(got) is Counter
    assert list(got.items()) == list(want.items())


@pytest.fixture(name="pairs")
def fixture_pairs() -> list[tuple[Counter[object], Counter[object]]]:
    rng = random.Random(18)
    return [(_random_counter(rng), _random_counter(rng)) for _ in range(3000)]


def test_counted_copied_and_fresh_are_counters_as_made() -> None:
    keys = ["b", "a", "b", "c", "a", "b"]
    _same(tallies.counted(keys), Counter(keys))
    _same(tallies.counted(iter(())), Counter())
    made = tallies.fresh()
    _same(made, Counter())
    assert made["missing"] == 0 and "missing" not in made  # (Counter's own lookup)
    source = Counter({"x": 0, "y": -1, "z": 2})
    copy = tallies.copied(source)
    _same(copy, Counter(source))
    copy["x"] += 1
    assert source["x"] == 0  # (a copy, not the same Counter)


def test_operators_give_what_counters_give(
    pairs: list[tuple[Counter[object], Counter[object]]],
) -> None:
    for first, second in pairs:
        _same(tallies.less(first, second), first - second)
        _same(tallies.common(first, second), first & second)
        _same(tallies.positive(first), +first)
        assert tallies.same(first, second) == (first == second)
        assert tallies.same(first, Counter(first))


def test_in_place_operations_give_what_counters_give(
    pairs: list[tuple[Counter[object], Counter[object]]],
) -> None:
    for first, second in pairs:
        want, got = Counter(first), Counter(first)
        want -= second
        tallies.take_away(got, second)
        _same(got, want)
        want, got = Counter(first), Counter(first)
        want += Counter()
        tallies.keep_positive(got)
        _same(got, want)


def test_zero_and_missing_counts_are_alike_for_equality() -> None:
    assert tallies.same(Counter({"a": 0}), Counter())
    assert not tallies.same(Counter({"a": 1}), Counter({"a": 1, "b": -1}))
    assert tallies.same(Counter({"a": 1, "b": 0}), Counter({"a": 1}))
