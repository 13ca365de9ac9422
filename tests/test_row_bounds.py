"""The compiled path's rows of whole sentences (``core/engine/row_bounds.c``) against the
Python it stands in for (``core.engine.sentence_rows.row_parts_in_python``).

Without a build (``make native``) the C is absent and these tests skip: the pure path
is the Python itself. ``make test-native`` (CI) runs them.
"""

from __future__ import annotations

import random

import pytest

from core.engine import sentence_rows
from core.model import Block, Span
from tests.kernels import assert_compared_alike, kernel_or_skip

KINDS = ["equal", "changed", "deleted", "inserted", "moved"]


@pytest.fixture
def kernel() -> object:
    return kernel_or_skip(
        sentence_rows.row_parts, sentence_rows.row_parts_in_python, "row_bounds kernel"
    )


def _python(blocks: list[Block], old: list[int] | None, new: list[int] | None) -> tuple:
    parts = sentence_rows.row_parts_in_python(blocks, old, new)
    return tuple(list(part) for part in parts)


def _span(rng: random.Random, at: int) -> Span | None:
    if rng.random() < 0.15:
        return None
    return (at, at + rng.randrange(0, 12))


def _in_order(rng: random.Random, count: int) -> list[Block]:
    """Blocks as the engine makes them: each side's spans rising, with some moved
    (out of place on one side) and some one-sided."""
    blocks = []
    at_old = at_new = 0
    for _ in range(count):
        kind = rng.choice(KINDS)
        old = None if kind == "inserted" else (at_old, at_old + rng.randrange(1, 30))
        new = None if kind == "deleted" else (at_new, at_new + rng.randrange(1, 30))
        at_old = old[1] + rng.randrange(0, 3) if old else at_old
        at_new = new[1] + rng.randrange(0, 3) if new else at_new
        blocks.append(Block(kind, old, new, ()))
    if len(blocks) > 3 and rng.random() < 0.5:  # a block moved: old span taken from elsewhere
        i, j = rng.sample(range(len(blocks)), 2)
        if blocks[i].old and blocks[j].old:
            a, b = blocks[i], blocks[j]
            blocks[i] = Block(a.kind, b.old, a.new, ())
            blocks[j] = Block(b.kind, a.old, b.new, ())
    return blocks


def _starts(rng: random.Random, end: int) -> list[int] | None:
    if rng.random() < 0.15:
        return None
    return sorted(rng.sample(range(end + 5), rng.randrange(0, min(end + 5, 40))))


def test_random_blocks_are_grouped_as_the_python_groups_them(kernel) -> None:
    rng = random.Random(11)
    for _ in range(4000):
        count = rng.randrange(0, 25)
        if rng.random() < 0.5:
            blocks = _in_order(rng, count)
        else:  # anything: spans overlapping, repeated, out of order
            blocks = [
                Block(
                    rng.choice(KINDS),
                    _span(rng, rng.randrange(60)),
                    _span(rng, rng.randrange(60)),
                    (),
                )
                for _ in range(count)
            ]
        ends = [s[1] for b in blocks for s in (b.old, b.new) if s] or [0]
        old, new = _starts(rng, max(ends)), _starts(rng, max(ends))
        expected = _python(blocks, old, new)
        assert tuple(kernel(blocks, old, new)) == expected
        assert tuple(kernel(tuple(blocks), old and tuple(old), new)) == expected


def test_the_rows_are_the_python_rows(kernel) -> None:
    blocks = [
        Block("equal", (0, 10), (0, 10), ()),
        Block("deleted", (11, 20), None, ()),
        Block("changed", (21, 30), (11, 22), ()),
        Block("inserted", None, (23, 30), ()),
    ]
    found = sentence_rows.sentence_rows(blocks, [0, 11, 21], [0, 11, 23])
    assert [(r.old, r.new, r.old_blocks, r.new_blocks) for r in found] == [
        ((0, 10), (0, 10), (0,), (0,)),
        ((11, 20), None, (1,), ()),
        ((21, 30), (11, 22), (2,), (2,)),
        (None, (23, 30), (), (3,)),
    ]


def test_bad_input_is_an_error_not_a_crash(kernel) -> None:
    with pytest.raises(TypeError):
        kernel(None, None, None)
    with pytest.raises(AttributeError):
        kernel([object()], None, None)
    with pytest.raises(TypeError):
        kernel([Block("equal", ("a", "b"), (0, 1), ())], None, None)


def test_whole_comparisons_give_the_same_rows(kernel) -> None:
    assert_compared_alike(sentence_rows, "row_parts", sentence_rows.row_parts_in_python, 12)
    assert_compared_alike(
        sentence_rows, "row_parts", sentence_rows.row_parts_in_python, 6, fast_path=True
    )


class _PlainBlock:
    """A block whose fields are no slots (``slot_read.h`` reads them with getattr), its
    spans made anew on each read."""

    def __init__(self, block: Block) -> None:
        self._block = block
        self.kind = block.kind

    old = property(lambda self: None if self._block.old is None else tuple(self._block.old))
    new = property(lambda self: None if self._block.new is None else tuple(self._block.new))


def test_objects_without_slots_give_the_same_rows(kernel) -> None:
    rng = random.Random(5)
    for _ in range(500):
        blocks = _in_order(rng, rng.randrange(0, 25))
        mixed = [_PlainBlock(b) if rng.random() < 0.4 else b for b in blocks]
        end = max((b.old[1] for b in blocks if b.old), default=0)
        old, new = _starts(rng, end), _starts(rng, end)
        expected = _python(mixed, old, new)  # type: ignore[arg-type]
        assert tuple(list(part) for part in kernel(mixed, old, new)) == expected
