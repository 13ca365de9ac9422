"""The compiled path's key numbering (``core/engine/key_ids.c``) against the Python it
stands in for (``core.engine.compare.ids_in_python``: the keys not yet in the table
numbered in the order they first occur, every unit's id looked up), and its word
counting against ``compare.word_tally_in_python``.

Without a build (``make native``) the C numbering is absent and the C tests skip: the
pure path is the Python itself. ``make test-native`` (CI) runs them.
"""

from __future__ import annotations

import random

import pytest

from core.engine import compare, native
from core.engine.word_cleanup import function_ids
from tests.kernels import assert_compared_alike, kernel_or_skip


def _c_ids() -> object:
    return kernel_or_skip(compare.ids_of_keys, compare.ids_in_python, "key numbering")


def test_the_compiled_path_numbers_keys_in_c() -> None:
    assert (compare.ids_of_keys is not compare.ids_in_python) == native.status()[0]


def test_the_python_numbers_keys_in_the_order_they_first_occur() -> None:
    table: dict[str, int] = {}
    assert compare.ids_in_python(("the", "cat", "the", "."), table) == [0, 1, 0, 2]
    assert compare.ids_in_python(["dog", "the", "dog"], table) == [3, 0, 3]
    assert list(table.items()) == [("the", 0), ("cat", 1), (".", 2), ("dog", 3)]


def test_c_numbers_keys_as_the_python_does() -> None:
    ids_of = _c_ids()
    rng = random.Random(9)
    for _ in range(2_000):
        words = [f"w{k}" for k in range(rng.choice((1, 5, 50, 2_000)))]
        c_table: dict[str, int] = {}
        python_table: dict[str, int] = {}
        for side in range(rng.randint(1, 3)):
            keys = tuple(rng.choice(words) for _ in range(rng.randint(0, 60)))
            if side % 2:
                keys = list(keys)  # type: ignore[assignment]
            got = ids_of(keys, c_table)  # type: ignore[operator]
            assert got == compare.ids_in_python(keys, python_table)
            assert list(c_table.items()) == list(python_table.items())


def test_c_refuses_a_table_that_is_not_a_dict_and_unhashable_keys() -> None:
    ids_of = _c_ids()
    with pytest.raises(TypeError):
        ids_of(("a",), [])  # type: ignore[operator]
    with pytest.raises(TypeError):
        ids_of(("b", ["unhashable"]), {"a": 0})  # type: ignore[operator]


def test_whole_comparisons_number_alike_on_both_paths() -> None:
    _c_ids()
    assert_compared_alike(compare, "ids_of_keys", compare.ids_in_python, 20)


def _c_tally() -> object:
    return kernel_or_skip(compare.word_tally, compare.word_tally_in_python, "word counting")


def test_the_python_counts_the_units_that_are_words() -> None:
    tally = compare.word_tally_in_python([0, 1, 0, 2], (1, 1, 1, 0), (1, 3), [1, 2], 4)
    assert dict(tally) == {0: 2, 1: 2, 3: 1}  # (2: punctuation; a weight of 2 counts once)


def test_c_counts_words_as_the_python_does() -> None:
    tally = _c_tally()
    rng = random.Random(11)
    for _ in range(2_000):
        size = rng.choice((1, 5, 300))
        sides = []
        for _side in range(2):
            ids = [rng.randrange(size) for _ in range(rng.randint(0, 80))]
            sides += [ids, tuple(rng.choice((0, 0, 1, 1, 2)) for _ in ids)]
        got = dict(tally(*sides, size))  # type: ignore[operator]
        expected = dict(compare.word_tally_in_python(*sides, size))
        assert {k: v for k, v in got.items() if v} == expected
        assert set(got) == set(range(size))  # (every id, the zeros too)
        keys = [f"k{k}" for k in range(size)]
        assert function_ids(keys, got.items()) == function_ids(keys, expected.items())


def test_c_refuses_ids_beyond_the_size_and_sides_of_two_lengths() -> None:
    counted = (
        compare.counted_words if compare.word_tally is not compare.word_tally_in_python else None
    )
    kernel_or_skip(counted, None, "word counting")
    with pytest.raises(IndexError):
        compare.counted_words([0, 3], [1, 1], [], [], 3)
    with pytest.raises(ValueError):
        compare.counted_words([0, 1], [1], [], [], 3)
    with pytest.raises(TypeError):
        compare.counted_words([0], [1], [], [])  # type: ignore[call-arg]


def test_whole_comparisons_count_words_alike_on_both_paths() -> None:
    _c_tally()
    assert_compared_alike(compare, "word_tally", compare.word_tally_in_python, 20)


def test_running_totals_sum_any_slice_of_the_weights() -> None:
    from core.engine import sequences

    rng = random.Random(21)
    for size in (0, 1, 2, 50, 3_000):
        weights = [rng.choice((0, 1, 1, 2)) for _ in range(size)]
        for totals in (sequences.running_totals_of(weights), sequences.totals_in_python(weights)):
            assert len(totals) == size + 1 and totals[0] == 0
            for _ in range(50):
                i = rng.randint(0, size)
                j = rng.randint(i, size)
                assert totals[j] - totals[i] == sum(weights[i:j])


def test_c_running_totals_are_the_pythons() -> None:
    from core.engine import sequences

    totals = kernel_or_skip(
        sequences.running_totals_of, sequences.totals_in_python, "running totals"
    )
    rng = random.Random(22)
    for size in (0, 1, 7, 10_000):
        weights = tuple(rng.randint(0, 3) for _ in range(size))
        assert totals(weights) == sequences.totals_in_python(weights)  # type: ignore[operator]
        assert totals(list(weights)) == sequences.totals_in_python(weights)  # type: ignore[operator]
    with pytest.raises(TypeError):
        totals(["1"])  # type: ignore[operator]
