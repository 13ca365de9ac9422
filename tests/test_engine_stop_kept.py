"""A sentence's full stop stays with its own sentence when what follows it moved.

A structural reader (session 15, the Nepal story): a clause moved to the end of the
first sentence and a sentence from the next paragraph moved up after it. The first
sentence's stop was matched with the moved sentence's, so both moved pieces were
glued into the first sentence's row, and the moved sentence's old place was a row
with nothing beside it.
"""

from __future__ import annotations

from core.engine.compare import compare
from core.engine.slide import realign_stops
from core.report.render_text import render_text
from core.text.document import document_from_text

OLD = (
    "After ten years of civil war between communist guerrilla fighters and government "
    "troops, the principal political parties of Nepal have decided to abolish the "
    "monarchy, headed by King Gyanendra, and turn the country into a republic. The "
    "insurgent Maoists would be allowed to return to the government.\n\n"
    "The treaty establishes that a constitutional assembly should form in April to "
    "rewrite the constitution, formally end the monarchy and put together the details "
    "of the new republican system. The Maoist rebels declared a cease fire and signed a "
    "peace treaty, agreeing to place their troops and weapons under U.N. supervision.\n"
)
NEW = (
    "The principal political parties of Nepal have decided to abolish the monarchy, "
    "headed by King Gyanendra, and turn the country into a republic after eleven years "
    "of civil war between communist guerrilla fighters and government troops. The "
    "Maoist rebels declared a ceasefire and signed a peace treaty, agreeing to place "
    "their troops and weapons under Indian army supervision.\n\n"
    "The insurgent Maoists will be allowed to return to the government, and a "
    "constitutional assembly should form in May to rewrite the constitution, the treaty "
    "establishes.\n"
)


def test_a_sentence_moved_up_gets_a_row_of_its_own() -> None:
    result = compare(document_from_text(OLD, "old"), document_from_text(NEW, "new"))
    first = result.rows[0]
    assert first.new is not None and NEW[slice(*first.new)].endswith("government troops.")
    moved_row = result.rows[1]
    assert moved_row.new is not None and moved_row.old is None
    assert NEW[slice(*moved_row.new)].startswith("The Maoist rebels declared")
    assert all(r.old is not None or r.new is not None for r in result.rows)
    text = render_text(result, context=0)
    assert "#2 {>2 The Maoist rebels declared" in text


def test_a_lone_stop_moves_to_the_end_of_its_own_sentence() -> None:
    # old: A B . | C      new: A B X . | Y . | C   (units; "|": a sentence starts)
    a = [1, 2, 9, 3]
    b = [1, 2, 5, 9, 6, 9, 3]
    runs = [(0, 0, 2), (2, 5, 1), (3, 6, 1)]
    out = realign_stops(runs, a, b, frozenset({9}), {3}, {4, 6})
    assert out == [(0, 0, 2), (2, 3, 1), (3, 6, 1)]
    # the stop the old sentence ends with is kept where the run before it ended a
    # sentence of new already (its own stop is elsewhere)
    assert realign_stops(runs, a, b, frozenset({9}), {3}, {2, 4, 6}) == runs


def test_a_stop_moved_next_to_the_run_before_joins_it() -> None:
    # old: A B . | C      new: A B . | X . | C   (one run "A B .", as equal ops)
    a = [1, 2, 9, 3]
    b = [1, 2, 9, 5, 9, 3]
    runs = [(0, 0, 2), (2, 4, 1), (3, 5, 1)]
    assert realign_stops(runs, a, b, frozenset({9}), {3}, {3, 5}) == [(0, 0, 3), (3, 5, 1)]
