"""A side's units packed for the pipe from the units child (``core.engine.aside``).

The child counts the new side's units while this process counts the old side's, then
pickles them to it: for a 1 MB side, 180,000 keys, a few thousand distinct strings
each shared by the units it keys, and as many small weights. The pickler looks each
key up in its memo, the unpickler each one again, and the whole process waits for
them. Packed, the distinct key objects are listed once, in the order met (by
identity, as the pickler's memo tells them apart: the same sharing comes back), and
each unit is its key's index in 4 bytes; the weights are one byte each when all are
small. ``key_ids.c`` packs and unpacks on the compiled path; these are the same in
Python (``tests/test_unit_packing.py``).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence

# The ids' type: unsigned, 4 bytes (``key_ids.c`` writes ``uint32_t``).
ID_TYPE = next(code for code in "IL" if array(code).itemsize == 4)


def packed_keys_in_python(keys: Sequence[str]) -> tuple[list[str], bytes]:
    """The distinct key objects of ``keys`` in the order met, and each key's index in
    that list as 4 bytes (native order)."""
    index: dict[int, int] = {}
    listed: list[str] = []
    ids = array(ID_TYPE)
    for key in keys:
        at = index.get(id(key))
        if at is None:
            at = index[id(key)] = len(listed)
            listed.append(key)
        ids.append(at)
    return listed, ids.tobytes()


def unpacked_keys_in_python(vocabulary: list[str], ids: bytes) -> tuple[str, ...]:
    """The keys again from ``packed_keys``' two parts."""
    indices = array(ID_TYPE)
    indices.frombytes(ids)
    return tuple(map(vocabulary.__getitem__, indices))


def packed_weights_in_python(words: Sequence[object]) -> bytes | None:
    """The weights as one byte each; None when one is not an int from 0 to 255 (a
    bool is no int here: it would come back as one)."""
    small = [w for w in words if type(w) is int and 0 <= w <= 255]
    return bytes(small) if len(small) == len(words) else None


def unpacked_weights_in_python(data: bytes) -> tuple[int, ...]:
    """The weights again from ``packed_weights``' bytes."""
    return tuple(data)


def ids_through_in_python(vocabulary: list[str], ids: bytes, table: dict[str, int]) -> list[int]:
    """Each key's id in ``table`` (new keys numbered on from ``len(table)`` as met), for
    the keys ``unpacked_keys(vocabulary, ids)`` gives: each distinct key looked up once,
    when its first unit is met."""
    indices = array(ID_TYPE)
    indices.frombytes(ids)
    found: list[int | None] = [None] * len(vocabulary)
    out: list[int] = []
    for at in indices:
        got = found[at]
        if got is None:
            key = vocabulary[at]
            got = table.get(key)
            if got is None:
                got = table[key] = len(table)
            found[at] = got
        out.append(got)
    return out


packed_keys: Callable[[Sequence[str]], tuple[list[str], bytes]]
unpacked_keys: Callable[[list[str], bytes], tuple[str, ...]]
packed_weights: Callable[[Sequence[int]], bytes | None]
unpacked_weights: Callable[[bytes], tuple[int, ...]]
ids_through: Callable[[list[str], bytes, dict[str, int]], list[int]] | None
try:
    # The compiled path's (``key_ids.c``, built by ``make native``).
    from core.engine.key_ids import (
        ids_through,
        packed_keys,
        packed_weights,
        unpacked_keys,
        unpacked_weights,
    )
except ImportError:
    packed_keys, unpacked_keys = packed_keys_in_python, unpacked_keys_in_python
    packed_weights, unpacked_weights = packed_weights_in_python, unpacked_weights_in_python
    ids_through = None  # (in Python, slower than looking up every key: ``numbered``)

# The keys last unpacked, with their packing (``unpacked_keys_kept``, ``numbered``).
_kept: list[tuple[tuple[str, ...], list[str], bytes]] = []


def unpacked_keys_kept(vocabulary: list[str], ids: bytes) -> tuple[str, ...]:
    """``unpacked_keys``, the packing kept with the keys made until ``numbered`` asks
    for these keys' ids (the units child's new side: taken, then numbered at once)."""
    keys = unpacked_keys(vocabulary, ids)
    _kept[:] = [(keys, vocabulary, ids)]
    return keys


def numbered(
    keys: Sequence[str],
    table: dict[str, int],
    ids_of: Callable[[Sequence[str], dict[str, int]], list[int]],
) -> list[int]:
    """``ids_of(keys, table)``: each key's id in ``table``, new keys numbered on as met.
    Where ``keys`` are those ``unpacked_keys_kept`` made last, on the compiled path,
    through their packing (``ids_through``): a look-up for each distinct key, not for
    each unit."""
    kept = _kept.pop() if _kept else None
    if kept is not None and kept[0] is keys and ids_through is not None:
        return ids_through(kept[1], kept[2], table)
    return ids_of(keys, table)
