"""A clause moved from the front of its sentence to the end (or back), with a word
changed beside it.

A structural reader (session 15): "The council approved the budget on Monday after a
debate that lasted 12 hours ..." -> "After a debate that lasted 14 hours ..., the
council approved the budget on Monday." was shown as the clause cut at the front and
put in again at the end, 0 moved. The clause is now shown moved, and the text output
marks where it stood even when both places are in one row.
"""

from __future__ import annotations

from core.engine.compare import compare
from core.flags.detect import flag_comparison
from core.report.render_text import render_text
from core.text.document import document_from_text

OLD = (
    "The council approved the budget on Monday after a debate that lasted 12 hours and "
    "ended with a vote of 30 to 9.\n"
)
NEW = (
    "After a debate that lasted 14 hours and ended with a vote of 30 to 9, the council "
    "approved the budget on Monday.\n"
)


def test_a_clause_moved_inside_its_sentence_is_shown_moved() -> None:
    result = compare(document_from_text(OLD, "old"), document_from_text(NEW, "new"))
    moved = [b for b in result.blocks if b.kind == "moved"]
    assert len(moved) == 1 and moved[0].old is not None
    assert OLD[slice(*moved[0].old)] == "The council approved the budget on Monday"
    text = render_text(result, context=0)
    # its old place marked at the row's start, its new place at the end
    assert "#1 [>1<] After a debate" in text
    assert "{>1 {+,+} the council approved the budget on Monday<}." in text
    assert [f.explanation for f in flag_comparison(result)] == ['"12" → "14"']


def test_an_unrelated_cut_and_put_at_the_two_ends_stay_in_place() -> None:
    old = "Officials said the storm weakened overnight near the coast of Florida.\n"
    new = "The storm weakened overnight near the coast of Florida, forecasters warned today.\n"
    result = compare(document_from_text(old, "old"), document_from_text(new, "new"))
    assert not [b for b in result.blocks if b.kind == "moved"]
