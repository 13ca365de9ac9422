"""The reports' Cut and Added lists hold whole sentences (``core.report.whole``)."""

from __future__ import annotations

import pytest

from core.engine.segment import segment
from core.report.whole import _sentences_held

TEXT = (
    "The council met on Monday. 'It was a long night,' the mayor said. "
    "Critics called the plan reckless and far too costly. The vote is next week."
)


def _held(piece: str) -> tuple[str, int] | None:
    start = TEXT.index(piece)
    starts = tuple(s for s, _ in segment(TEXT).sentences)
    found = _sentences_held(TEXT, starts, start, start + len(piece))
    return None if found is None else (TEXT[found[0] : found[1]], found[2])


@pytest.mark.parametrize(
    ("piece", "held"),
    [
        ("The council met on Monday.", ("The council met on Monday.", 1)),
        # the stop shared with the other text, or the next sentence's quote mark
        ("The council met on Monday", ("The council met on Monday", 1)),
        ("The council met on Monday. '", ("The council met on Monday. '", 1)),
        ("It was a long night,' the mayor said.", ("It was a long night,' the mayor said.", 1)),
        ("The council met", None),
        ("Monday. 'It was", None),
        # whole sentences with a piece of another at either end: the whole ones
        (
            "Monday. 'It was a long night,' the mayor said. Critics called",
            ("'It was a long night,' the mayor said.", 1),
        ),
        (
            "The council met on Monday. 'It was a long night,' the mayor said. Critics",
            ("The council met on Monday. 'It was a long night,' the mayor said.", 2),
        ),
        (
            "the plan reckless and far too costly. The vote is next week.",
            ("The vote is next week.", 1),
        ),
        (". '", None),
    ],
)
def test_the_whole_sentences_of_a_block(piece: str, held: tuple[str, int] | None) -> None:
    assert _held(piece) == held
