"""Two sentences of a paragraph that change places, with words changed in both.

A reader's rewrite of a German news item (session 15) swapped its two sentences and
moved "nach dem Erdbeben in der Südtürkei" from one to the other. No sentence stayed
equal, the alignment threaded the two orders together, and the row read
``{+Rund 60 000 Helfer suchen+} nach dem Erdbeben in der Südtürkei [-wurden-] {>1
[-Rund 60.000 Helfer suchen dort-] weiterhin ...<}``: words deleted inside a move and
inserted beside it. The sentences are now paired as sentences: one stays, the other is
shown moved, each with its own word changes.
"""

from __future__ import annotations

import pytest

from core.flags.detect import flag_comparison
from core.model import Comparison
from core.report.render_text import render_text
from tests.flagged import compared

DE_OLD = (
    "Nach dem Erdbeben in der Südtürkei wurden bislang mehr als 20.000 Todesopfer "
    "geborgen. Rund 60.000 Helfer suchen dort weiterhin nach verschütteten Menschen.\n"
)
DE_NEW = (
    "Rund 60 000 Helfer suchen nach dem Erdbeben in der Südtürkei weiterhin nach "
    "verschütteten Menschen. Bislang wurden mehr als 20.000 Todesopfer geborgen.\n"
)
EN_OLD = (
    "After the earthquake in southern Turkey, more than 20,000 bodies have been recovered "
    "so far. Around 60,000 rescuers are still searching there for buried people.\n"
)
EN_NEW = (
    "Around 60,000 rescuers are still searching for buried people after the earthquake "
    "in southern Turkey. So far more than 20,000 bodies have been recovered.\n"
)


def _sides(result: Comparison, kind: str) -> list[tuple[str, str]]:
    out = []
    for block in result.blocks:
        if block.kind == kind:
            old = result.old.text[slice(*block.old)] if block.old else ""
            new = result.new.text[slice(*block.new)] if block.new else ""
            out.append((old.strip(), new.strip()))
    return out


@pytest.mark.parametrize(
    ("old", "new", "moved", "stays"),
    [
        (
            DE_OLD,
            DE_NEW,
            "Rund 60.000 Helfer suchen dort weiterhin nach verschütteten Menschen.",
            "Bislang wurden mehr als 20.000 Todesopfer geborgen.",
        ),
        (
            EN_OLD,
            EN_NEW,
            "Around 60,000 rescuers are still searching there for buried people.",
            "So far more than 20,000 bodies have been recovered.",
        ),
    ],
)
def test_swapped_sentences_show_one_moved_and_one_in_place(
    old: str, new: str, moved: str, stays: str
) -> None:
    result = compared(old, new)
    assert [o for o, _ in _sides(result, "moved")] == [moved]
    assert [n for _, n in _sides(result, "changed")] == [stays]
    text = render_text(result, context=0)
    # No moved text marked deleted inside its move and inserted beside it.
    assert "{+Rund 60 000 Helfer suchen+}" not in text
    assert "[-Rund 60.000 Helfer suchen dort-]" not in text


def test_a_figure_changed_in_the_moved_sentence_is_flagged_alone() -> None:
    """The clause that went from one sentence to the other is no name added and
    removed: only the changed toll is flagged."""
    result = compared(EN_OLD, EN_NEW.replace("60,000", "70,000"))
    flags = flag_comparison(result)
    assert [(f.kind, f.explanation) for f in flags] == [("number", '"60,000" → "70,000"')]


def test_sentences_in_order_are_left_to_the_alignment() -> None:
    old = "The mayor opened the bridge on Monday. Traffic was heavy all day.\n"
    new = "The mayor opened the new bridge on Monday. Traffic was light all day.\n"
    result = compared(old, new)
    assert not _sides(result, "moved")
    assert len(_sides(result, "changed")) == 2


def test_a_merge_of_two_sentences_stays_one_row() -> None:
    """Two sentences merged into one, with their order kept, are no swap."""
    old = (
        "The company reported a loss of $5 million. Its chief executive resigned on "
        "Friday after ten years.\n"
    )
    new = (
        "The company reported a loss of $5 million, and its chief executive resigned on "
        "Friday after ten years.\n"
    )
    result = compared(old, new)
    assert not _sides(result, "moved")
    assert len(result.rows) == 1
