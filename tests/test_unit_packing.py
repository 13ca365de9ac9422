"""A side's units packed for the units child's pipe (``core.engine.unit_packing``,
``key_ids.c`` on the compiled path): the same keys, shared as they were, the same
weights, and ``Tokens`` pickled and unpickled whole."""

from __future__ import annotations

import pickle
import random
from array import array

import pytest

from core.engine import unit_packing
from core.engine.tokens import Tokens, tokenize
from tests.conftest import FULL


def _keys(rng: random.Random, n: int) -> list[str]:
    pool = ["the", "said", '"', ",", "\u5e74", "x" * 40, "", "police"]
    shared = [str(w) for w in pool]
    # (equal strings that are other objects: kept apart, as pickle's memo keeps them)
    return [
        rng.choice(shared) if rng.random() < 0.8 else "".join(rng.sample("abc", 2))
        for _ in range(n)
    ]


def _same_sharing(got: tuple[str, ...], want: list[str]) -> bool:
    """Whether two units share a key object in ``got`` exactly where they do in ``want``."""
    return all(
        (got[i] is got[j]) == (want[i] is want[j])
        for i in range(0, len(want), 7)
        for j in range(0, len(want), 11)
    )


@pytest.mark.parametrize("n", [0, 1, 5, 3000])
def test_keys_come_back_the_same_and_shared_alike(n: int) -> None:
    keys = _keys(random.Random(n), n)
    for pack, unpack in (
        (unit_packing.packed_keys, unit_packing.unpacked_keys),
        (unit_packing.packed_keys_in_python, unit_packing.unpacked_keys_in_python),
    ):
        vocabulary, ids = pack(keys)
        assert len(ids) == 4 * n
        assert len({id(w) for w in vocabulary}) == len(vocabulary) == len({id(k) for k in keys})
        back = unpack(vocabulary, ids)
        assert isinstance(back, tuple) and list(back) == keys
        assert _same_sharing(back, keys)


def test_the_compiled_packing_is_the_pythons() -> None:
    keys = _keys(random.Random(7), 5000)
    vocabulary, ids = unit_packing.packed_keys(keys)
    python_vocabulary, python_ids = unit_packing.packed_keys_in_python(keys)
    assert ids == python_ids
    assert all(a is b for a, b in zip(vocabulary, python_vocabulary, strict=True))
    words = [random.Random(8).randint(0, 255) for _ in range(2000)]
    assert unit_packing.packed_weights(words) == unit_packing.packed_weights_in_python(words)


@pytest.mark.parametrize(
    "words",
    [[0, 1, 256], [0, -1], [True, 1], [1.0], [1, 2**70]],
    ids=["big", "neg", "bool", "float", "huge"],
)
def test_weights_not_all_small_ints_are_not_packed(words: list[object]) -> None:
    assert unit_packing.packed_weights(words) is None  # type: ignore[arg-type]
    assert unit_packing.packed_weights_in_python(words) is None  # type: ignore[arg-type]


def test_weights_come_back_as_ints() -> None:
    words = (0, 1, 2, 255, 7)
    for pack, unpack in (
        (unit_packing.packed_weights, unit_packing.unpacked_weights),
        (unit_packing.packed_weights_in_python, unit_packing.unpacked_weights_in_python),
    ):
        data = pack(words)
        assert data == bytes(words)
        back = unpack(data)
        assert back == words and all(type(w) is int for w in back)


def test_an_id_beyond_the_vocabulary_is_refused() -> None:
    ids = array(unit_packing.ID_TYPE, [0, 2]).tobytes()
    for unpack in (unit_packing.unpacked_keys, unit_packing.unpacked_keys_in_python):
        with pytest.raises((ValueError, IndexError)):
            unpack(["a", "b"], ids)


def test_a_sides_units_pickle_whole() -> None:
    tokens = tokenize(FULL.read_text(encoding="utf-8"))
    back = pickle.loads(pickle.dumps(tokens, pickle.HIGHEST_PROTOCOL))
    assert back == tokens
    assert type(back.words) is tuple and type(back.keys) is tuple
    heavy = Tokens(array("q", [0, 4]), array("q", [3, 9]), ("abc", "def"), (1, 300), (1, 1))
    assert pickle.loads(pickle.dumps(heavy, pickle.HIGHEST_PROTOCOL)) == heavy


def _ids_throughs() -> list[object]:
    """``ids_through`` in Python, and in C where the build has it."""
    found: list[object] = [unit_packing.ids_through_in_python]
    if unit_packing.ids_through is not None:
        found.append(unit_packing.ids_through)
    return found


@pytest.mark.parametrize("n", [0, 1, 5, 3000])
def test_keys_numbered_through_their_packing_as_one_by_one(n: int) -> None:
    from core.engine.compare import ids_in_python

    rng = random.Random(n + 1)
    old_keys, keys = _keys(rng, rng.randrange(0, 400)), _keys(rng, n)
    vocabulary, ids = unit_packing.packed_keys(keys)
    for through in _ids_throughs():
        # (a table holding the old side's keys, and some of these: numbered on from it)
        table: dict[str, int] = {}
        expected_table: dict[str, int] = {}
        ids_in_python(old_keys, table)
        ids_in_python(old_keys, expected_table)
        expected = ids_in_python(keys, expected_table)
        got = through(vocabulary, ids, table)  # type: ignore[operator]
        assert got == expected
        assert list(table.items()) == list(expected_table.items())  # (the same order)


def test_a_vocabulary_in_any_order_numbers_keys_as_they_are_met() -> None:
    # (equal keys that are other objects, listed out of the order their units meet them)
    a1, a2, b = "ab", "".join(["a", "b"]), "b"
    assert a1 is not a2
    vocabulary = [b, a2, a1]
    ids = array(unit_packing.ID_TYPE, [2, 0, 1, 2, 0]).tobytes()
    for through in _ids_throughs():
        table: dict[str, int] = {"z": 0}
        assert through(vocabulary, ids, table) == [1, 2, 1, 1, 2]  # type: ignore[operator]
        assert table == {"z": 0, "ab": 1, "b": 2}


def test_the_new_sides_keys_are_numbered_through_the_packing_they_came_in() -> None:
    text = FULL.read_text(encoding="utf-8")
    tokens = tokenize(text)
    came = pickle.loads(pickle.dumps(tokens, protocol=pickle.HIGHEST_PROTOCOL))
    from core.engine.compare import ids_in_python, ids_of_keys

    table: dict[str, int] = {"said": 0}
    expected = ids_in_python(came.keys, dict(table))
    assert unit_packing._kept and unit_packing._kept[0][0] is came.keys
    assert unit_packing.numbered(came.keys, table, ids_of_keys) == expected
    assert not unit_packing._kept  # (taken once)
    # Keys that did not come packed: numbered one by one.
    assert unit_packing.numbered(tokens.keys, {"said": 0}, ids_of_keys) == expected
