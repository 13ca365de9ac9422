"""The compiled path's blocks and rows as JSON (``core/engine/contract_json.c``) against
the Python it stands in for (``core.report.comparison_json.blocks_and_rows_in_python``).

Without a build (``make native``) the C is absent and these tests skip: the pure path
is the Python itself. ``make test-native`` (CI) runs them.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from core.engine.compare import compare
from core.model import Block, Document, Op, SentenceRow
from core.report import comparison_json
from tests.kernels import kernel_or_skip

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "resources" / "samples").rglob("*.txt"))


@pytest.fixture
def kernel() -> object:
    return kernel_or_skip(
        comparison_json.blocks_and_rows,
        comparison_json.blocks_and_rows_in_python,
        "contract_json kernel",
    )


def _span(rng: random.Random) -> tuple[int, int] | None:
    if rng.random() < 0.2:
        return None
    start = rng.choice([0, 1, 9, 10, 99, 12345, 2**31, 2**40, rng.randrange(10**7)])
    return (start, start + rng.randrange(0, 1000))


def _random_blocks(rng: random.Random) -> tuple[list[Block], list[SentenceRow]]:
    blocks = []
    for _ in range(rng.randrange(0, 30)):
        ops = tuple(
            Op(
                rng.choice(["equal", "insert", "delete"]),
                _span(rng),
                _span(rng),
                rng.random() < 0.7,
            )
            for _ in range(rng.randrange(0, 6))
        )
        kind = rng.choice(["equal", "changed", "deleted", "inserted", "moved"])
        blocks.append(Block(kind, _span(rng), _span(rng), ops, rng.random() < 0.1))
    rows = [
        SentenceRow(
            _span(rng),
            _span(rng),
            tuple(rng.randrange(40) for _ in range(rng.randrange(0, 4))),
            tuple(rng.randrange(40) for _ in range(rng.randrange(0, 4))),
        )
        for _ in range(rng.randrange(0, 30))
    ]
    return blocks, rows


def test_random_blocks_and_rows_are_written_as_the_python_writes_them(kernel) -> None:
    rng = random.Random(7)
    for _ in range(2000):
        blocks, rows = _random_blocks(rng)
        expected = comparison_json.blocks_and_rows_in_python(blocks, rows)
        assert kernel(blocks, rows) == expected
        assert kernel(tuple(blocks), tuple(rows)) == expected
        json.loads("{" + expected + "}")  # (and it is JSON)


def test_empty_comparison(kernel) -> None:
    assert kernel((), ()) == '"blocks":[],"rows":[]'


def test_a_row_lists_its_blocks_sorted_and_once(kernel) -> None:
    row = SentenceRow((0, 5), None, (3, 1, 3), (2, 1))
    text = kernel((), (row,))
    assert text == '"blocks":[],"rows":[{"old":[0,5],"new":null,"blocks":[1,2,3]}]'


def test_numbers_that_are_not_plain_ints_are_written_as_str_writes_them(kernel) -> None:
    class Index(int):
        def __str__(self) -> str:
            return "seven"

    blocks = [Block("changed", (True, 2), [3, 4], (Op("insert", None, (Index(5), 6)),))]
    rows = [SentenceRow((1, 2), (3, 4), (Index(1),), (0,))]
    expected = comparison_json.blocks_and_rows_in_python(blocks, rows)
    assert "seven" in expected and "True" in expected
    assert kernel(blocks, rows) == expected


def test_what_is_not_a_block_is_an_error_not_a_crash(kernel) -> None:
    with pytest.raises(AttributeError):
        kernel([object()], [])
    with pytest.raises(TypeError):
        kernel(None, [])
    with pytest.raises(IndexError):
        kernel([Block("equal", (1,), None, ())], [])  # (a span of one number)


def test_whole_comparisons_of_the_samples_are_written_alike(kernel) -> None:
    texts = [path.read_text(encoding="utf-8") for path in SAMPLES]
    assert texts
    for old, new in zip(texts, [*texts[1:], texts[0]], strict=True):
        found = compare(Document("old", old), Document("new", new))
        by_kernel = kernel(found.blocks, found.rows)
        assert by_kernel == comparison_json.blocks_and_rows_in_python(found.blocks, found.rows)
        assert len(by_kernel) > 100


class _PlainBlock:
    """A block whose fields are no slots (``slot_read.h`` reads them with getattr)."""

    def __init__(self, block: Block) -> None:
        self.kind, self.old, self.new = block.kind, block.old, block.new
        self.ops, self.approximate = block.ops, block.approximate


class _ComputedOp:
    """An op whose fields are properties, made when asked for."""

    def __init__(self, op: Op) -> None:
        self._op = op

    op = property(lambda self: str(self._op.op))
    old = property(lambda self: None if self._op.old is None else list(self._op.old))
    new = property(lambda self: None if self._op.new is None else tuple(self._op.new))
    exact = property(lambda self: int(self._op.exact))


def test_objects_without_slots_are_read_as_the_python_reads_them(kernel) -> None:
    # Slotted blocks (read in place), others (read with getattr) and ops made on each
    # read, mixed in one list: each call site follows the type it meets.
    rng = random.Random(11)
    for _ in range(500):
        blocks, rows = _random_blocks(rng)
        mixed: list[object] = []
        for block in blocks:
            if rng.random() < 0.4:
                plain = _PlainBlock(block)
                plain.ops = tuple(_ComputedOp(op) if rng.random() < 0.5 else op for op in block.ops)
                mixed.append(plain)
            else:
                mixed.append(block)
        expected = comparison_json.blocks_and_rows_in_python(mixed, rows)  # type: ignore[arg-type]
        assert kernel(mixed, rows) == expected
