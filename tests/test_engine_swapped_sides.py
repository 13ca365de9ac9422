"""The same two versions compared either way round tell the same story.

Session 19's test story: the wire's "The New York Times reported that the levee near
Port Allen was probably damaged." is cut in the condensed version, where "the levee
near Port Allen" stands in for "it" in the next sentence. Wire against condensed, the
phrase was found moved out of the cut sentence; condensed against wire, it read as cut
and put in again. A long end of a changed sentence is cut off for move detection
(``core.engine.moves.split_long_ends``); a replacement at the end (or start) is a
delete then an insert, and only the outer one of the two was looked at: the long
insert one way round, the short one the other.
"""

from __future__ import annotations

import sys

from core.engine.blocks import Draft
from core.engine.moves import split_long_ends
from core.model import Comparison
from tests.conftest import REPO
from tests.flagged import compared

WIRE = (
    "The river crested at 14 feet near Baton Rouge. Governor John Bel Edwards declared a "
    "state of emergency.\n\nThe New York Times reported that the levee near Port Allen "
    "was probably damaged. Engineers from the Army Corps of Engineers were sent to "
    "inspect it.\n"
)
CONDENSED = (
    "The river crested at 14 feet near Baton Rouge. Governor John Bel Edwards declared a "
    "state of emergency.\n\nEngineers from the Army Corps of Engineers were sent to "
    "inspect the levee near Port Allen.\n"
)


def _moved(result: Comparison, old: str, new: str) -> list[tuple[str, str]]:
    return [
        (old[slice(*b.old)], new[slice(*b.new)])
        for b in result.blocks
        if b.kind == "moved" and b.old is not None and b.new is not None
    ]


def test_a_phrase_moved_into_the_next_sentence_is_found_either_way_round() -> None:
    forward = _moved(compared(WIRE, CONDENSED), WIRE, CONDENSED)
    backward = _moved(compared(CONDENSED, WIRE), CONDENSED, WIRE)
    cut = "The New York Times reported that the levee near Port Allen was probably damaged."
    assert forward == [(cut, "the levee near Port Allen")]
    assert backward == [(new, old) for old, new in forward]


def test_similarity_is_the_same_either_way_round() -> None:
    assert compared(WIRE, CONDENSED).stats.similarity == compared(CONDENSED, WIRE).stats.similarity


def _draft(codes: list[tuple[str, int, int, int, int]]) -> Draft:
    a1, b1, a2, b2 = codes[0][1], codes[0][3], codes[-1][2], codes[-1][4]
    return Draft("changed", a1, a2, b1, b2, codes)


def test_a_long_cut_before_a_short_insert_at_the_end_is_cut_off() -> None:
    # "Engineers ... were sent to inspect | the levee near Port Allen -> it | ."
    d = _draft(
        [
            ("equal", 0, 11, 0, 11),
            ("delete", 11, 16, 11, 11),
            ("insert", 16, 16, 11, 12),
            ("equal", 16, 17, 12, 13),
        ]
    )
    parts, origin, stand_ins = split_long_ends([d], [1] * 16 + [0], [1] * 12 + [0])
    assert [(p.kind, p.a1, p.a2, p.b1, p.b2) for p in parts] == [
        ("changed", 0, 11, 0, 12),
        ("deleted", 11, 16, 12, 12),
        ("equal", 16, 17, 12, 13),
    ]
    assert parts[0].codes == [("equal", 0, 11, 0, 11), ("insert", 11, 11, 11, 12)]
    assert origin == [0, 0, 0]
    assert stand_ins == {1}


def test_a_long_insert_after_a_short_cut_at_the_start_is_cut_off() -> None:
    # "It -> The levee near Port Allen | was inspected by engineers from the Corps ."
    d = _draft([("delete", 0, 1, 0, 0), ("insert", 1, 1, 0, 5), ("equal", 1, 9, 5, 13)])
    parts, _, stand_ins = split_long_ends([d], [1] * 9, [1] * 13)
    assert [(p.kind, p.a1, p.a2, p.b1, p.b2) for p in parts] == [
        ("inserted", 0, 0, 0, 5),
        ("changed", 0, 9, 5, 13),
    ]
    assert parts[1].codes == [("delete", 0, 1, 5, 5), ("equal", 1, 9, 5, 13)]
    assert stand_ins == {0}


def test_a_sentence_mostly_replaced_is_left_whole() -> None:
    # "Thus hole 4 | is one octave below middle C and hole 7 is ... -> it": most of the
    # sentence goes; the sentence as a whole may have moved, not a phrase of it.
    d = _draft([("equal", 0, 3, 0, 3), ("delete", 3, 12, 3, 3), ("insert", 12, 12, 3, 4)])
    parts, origin, stand_ins = split_long_ends([d], [1] * 12, [1] * 4)
    assert parts == [d] and origin == [-1] and not stand_ins


def test_the_bench_measure_of_both_ways_sees_the_mirror() -> None:
    sys.path.insert(0, str(REPO / "bench"))
    from both_ways import both_ways

    forward, backward = both_ways(WIRE, CONDENSED)
    assert forward.similarity == backward.similarity
    assert (forward.deleted_words, forward.inserted_words) == (
        backward.inserted_words,
        backward.deleted_words,
    )
    assert forward.moved_words == backward.moved_words > 0
