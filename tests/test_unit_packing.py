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
