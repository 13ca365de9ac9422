"""Rows of whole sentences (issue: comparisons an editor can trust, point 1 and 4).

Own sentences for each failure an editor saw: a lone "It" on a row, one sentence cut
into four rows, a moved sentence's full stop on a row of its own, a stray quote on a
line of its own; and the sample pair whose stops stand against line breaks.
"""

from __future__ import annotations

from bisect import bisect_right
from random import Random

from core.engine.compare import compare
from core.engine.rows import comparison_rows
from core.engine.sentence_rows import _sentence_between, sentence_rows
from core.model import Block, Comparison, Document, Op
from tests.conftest import CONDENSED, FULL
from tests.invariants import check_invariants


def _compare(old: str, new: str) -> Comparison:
    result = compare(Document("old", old), Document("new", new))
    check_invariants(result)  # rows tile both texts and cut no sentence
    return result


def _sides(result: Comparison) -> list[tuple[str | None, str | None]]:
    return [
        (
            result.old.text[r.old[0] : r.old[1]] if r.old else None,
            result.new.text[r.new[0] : r.new[1]] if r.new else None,
        )
        for r in result.rows
    ]


def test_a_rewritten_sentence_is_one_row_not_fragments() -> None:
    r = _compare(
        "The painting was expected to fetch about $700,000. It was going to be sold at a "
        "sale of street art in Florida.",
        "The expected price was about $700,000. It was going to be in a sale of street "
        "art in Florida.",
    )
    assert _sides(r) == [
        (
            "The painting was expected to fetch about $700,000.",
            "The expected price was about $700,000.",
        ),
        (
            "It was going to be sold at a sale of street art in Florida.",
            "It was going to be in a sale of street art in Florida.",
        ),
    ]


def test_a_moved_sentence_has_a_row_at_each_place_with_its_stop() -> None:
    r = _compare(
        "Police closed the road. The storm hit at noon. Crews worked all night.",
        "The storm hit at noon. Police closed the road. Crews worked all night.",
    )
    moved = [i for i, b in enumerate(r.blocks) if b.kind == "moved"]
    assert len(moved) == 1
    assert _sides(r) == [
        ("Police closed the road.", None),
        ("The storm hit at noon.", "The storm hit at noon."),
        (None, "Police closed the road."),
        ("Crews worked all night.", "Crews worked all night."),
    ]
    assert [row.blocks for row in r.rows].count((moved[0],)) == 2


def test_a_dropped_quote_mark_stays_inside_its_sentence() -> None:
    r = _compare(
        '"Hello there," she said. He left the room.', "Hello there, she said. He left the room."
    )
    assert _sides(r)[0] == ('"Hello there," she said.', "Hello there, she said.")
    assert len(r.rows) == 2


def test_sentences_split_and_merged_share_one_row() -> None:
    r = _compare(
        "The council met on Monday. It approved the budget after a long debate.",
        "The council met on Monday and approved the budget. It was a long debate.",
    )
    assert len(r.rows) == 1
    assert r.rows[0].old == (0, len(r.old.text)) and r.rows[0].new == (0, len(r.new.text))


def test_no_row_holds_only_punctuation_or_a_lone_word() -> None:
    r = _compare(
        "It rained. The match went on. It ended late.\nFans stayed.",
        "It rained hard. The match went on regardless. Fans stayed. It ended late.",
    )
    for old, new in _sides(r):
        for side in (old, new):
            if side is not None:
                assert len(side.split()) >= 2, side


def test_layout_only_rows_fold_and_are_no_change() -> None:
    """000 ends its sentences with line breaks, 001 with " . ": those rows are
    unchanged (no change to step through) and fold with "only changed sentences"."""
    r = compare(
        Document("a", CONDENSED.read_text(encoding="utf-8")),
        Document("b", FULL.read_text(encoding="utf-8")),
    )
    layout = [
        i
        for i, b in enumerate(r.blocks)
        if b.kind == "equal" and any(o.old and o.old[0] == o.old[1] for o in b.ops)
    ]
    alone = [i for i in layout if any(row.blocks == (i,) for row in r.rows)]
    assert len(alone) >= 4
    folded = comparison_rows(r, only_changed=True)
    hidden = {i for row in folded if row.kind == "collapsed" for i in row.hidden}
    assert set(alone) <= hidden


def test_rows_from_blocks_pair_gap_sentences_in_order() -> None:
    """Unit test of the grouping: an anchor cut mid-sentence pulls its sentence's
    other blocks into its row; one-sided sentences between anchors pair in order."""
    # old "Aa bb. Cc dd. Ee ff."; new "Aa bb. Xx yy. Zz ww. Ee ff."
    blocks = [
        Block("equal", (0, 6), (0, 6), (Op("equal", (0, 6), (0, 6)),)),
        Block("deleted", (7, 13), None, (Op("delete", (7, 13), None),)),
        Block("inserted", None, (7, 13), (Op("insert", None, (7, 13)),)),
        Block("inserted", None, (14, 20), (Op("insert", None, (14, 20)),)),
        Block("equal", (14, 20), (21, 27), (Op("equal", (14, 20), (21, 27)),)),
    ]
    rows = sentence_rows(blocks, [0, 7, 14], [0, 7, 14, 21])
    assert [(r.old_blocks, r.new_blocks) for r in rows] == [
        ((0,), (0,)),
        ((1,), (2,)),
        ((), (3,)),
        ((4,), (4,)),
    ]
    # Without sentence starts inside "Aa bb. Cc dd." the anchor and the deletion share a row.
    rows = sentence_rows(blocks, [0, 14], [0, 7, 14, 21])
    assert rows[0].old_blocks == (0, 1)


def test_sample_rows_are_whole_sentences() -> None:
    for old, new in ((CONDENSED, FULL), (FULL, CONDENSED)):
        result = compare(
            Document("a", old.read_text(encoding="utf-8")),
            Document("b", new.read_text(encoding="utf-8")),
        )
        check_invariants(result)
        assert result.rows


def test_a_sentence_between_two_pieces_is_found_as_bisection_finds_it() -> None:
    # One walk along the sentence starts (``_sentence_between``) against the bisection
    # of both places it replaced, on random pieces: apart and in order as a side's
    # pieces are, and overlapping or ending out of order as they never are.
    rng = Random(22)
    for _ in range(20_000):
        size = rng.randint(1, 60)
        firsts = (rng.randint(0, size) for _ in range(rng.randint(0, 12)))
        spans = sorted((first, first + rng.randint(0, 8)) for first in firsts)
        starts = sorted({rng.randint(0, size + 5) for _ in range(rng.randint(0, 10))})
        expected = [
            bisect_right(starts, spans[p - 1][1] - 1) != bisect_right(starts, spans[p][0])
            for p in range(1, len(spans))
        ]
        assert _sentence_between(spans, starts) == expected, (spans, starts)
