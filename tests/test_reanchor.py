"""Re-anchoring annotations by their quote after a document changed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.engine.dmp_adapter import MATCH_MAX_BITS, find_near
from core.notes.annotation import Annotation, make_anchor
from core.notes.reanchor import locate, reanchor
from core.text.document import document_from_text
from tests.conftest import FULL

TEXT = FULL.read_text(encoding="utf-8")
# A sentence of the sample with no near-duplicate elsewhere in it.
QUOTE = "the man , whose face is not shown in the video , claims that the locals are fleeing"
START = TEXT.index(QUOTE)
END = START + len(QUOTE)


def _annotation(text: str = TEXT, start: int = START, end: int = END) -> Annotation:
    old = document_from_text(text, "old.txt")
    return Annotation(
        id=7,
        note="check the figure",
        tag="Figure changed",
        status="open",
        old=make_anchor(old.path, old.sha256, text, start, end),
        new=None,
        created=1.0,
        modified=1.0,
    )


def _edited(text: str) -> str:
    return text.replace("face is not shown", "face is never shown", 1)


CASES = {
    "text inserted before": (
        "BREAKING: a new first paragraph, rather long, was added. " * 30 + TEXT,
        QUOTE,
    ),
    "astral characters inserted before": ("😀𝔘𠀀🂡 " * 50 + TEXT, QUOTE),
    "quote slightly edited": (_edited(TEXT), QUOTE.replace("is not", "is never")),
    "quote moved to the end": (TEXT[:START] + TEXT[END:] + "\n\n" + QUOTE, QUOTE),
    "moved to the end and edited": (
        TEXT[:START] + TEXT[END:] + "\n\n" + QUOTE.replace("locals", "residents"),
        QUOTE.replace("locals", "residents"),
    ),
    "head of a long quote edited": (
        TEXT[:START] + "a fighter , whose" + TEXT[START + len("the man , whose") :],
        "a fighter , whose" + QUOTE[len("the man , whose") :],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_quote_is_found_after_an_edit(name: str) -> None:
    text, expected = CASES[name]
    new_doc = document_from_text(text, "old.txt")
    placed = reanchor(_annotation(), new_doc, None)
    assert not placed.orphaned
    assert placed.old is not None
    assert text[placed.old.start : placed.old.end] == expected
    assert placed.old.quote == QUOTE  # the note keeps what it was written on
    assert placed.old.approximate == (expected != QUOTE)  # "placed approximately"
    assert placed.old.sha256 == new_doc.sha256
    assert (placed.note, placed.tag, placed.id) == ("check the figure", "Figure changed", 7)


def test_unchanged_document_returns_the_same_annotation() -> None:
    annotation = _annotation()
    assert reanchor(annotation, document_from_text(TEXT, "old.txt"), None) is annotation


def test_moved_file_with_same_text_takes_the_new_path() -> None:
    placed = reanchor(_annotation(), document_from_text(TEXT, "/elsewhere/old.txt"), None)
    assert placed.old is not None
    assert (placed.old.path, placed.old.start, placed.old.end) == ("/elsewhere/old.txt", START, END)


def test_deleted_quote_is_orphaned_and_keeps_its_quote() -> None:
    annotation = _annotation()
    gone = document_from_text(TEXT[:START] + TEXT[END:], "old.txt")
    orphan = reanchor(annotation, gone, None)
    assert orphan.orphaned
    assert orphan.old == annotation.old  # quote, span and context as last known
    # The quote comes back: the orphan is placed again.
    back = reanchor(orphan, document_from_text("Intro. " + TEXT, "old.txt"), None)
    assert not back.orphaned
    assert back.old is not None and back.old.quote == QUOTE
    assert back.old.start == START + len("Intro. ")


def test_one_lost_side_orphans_but_the_other_side_is_still_placed() -> None:
    annotation = _annotation()
    annotation = replace(annotation, new=replace(annotation.old, path="new.txt"))  # type: ignore[arg-type]
    shifted = document_from_text("Intro. " + TEXT, "old.txt")
    gone = document_from_text(TEXT[:START] + TEXT[END:], "new.txt")
    placed = reanchor(annotation, shifted, gone)
    assert placed.orphaned
    assert placed.old is not None and placed.old.start == START + len("Intro. ")
    assert placed.new == annotation.new


def test_short_quote_is_not_moved_to_another_occurrence_without_its_context() -> None:
    text = "The mayor said the budget was cut by 5 percent. Later the council met."
    start = text.index("5")
    annotation = _annotation(text, start, start + 1)
    rewritten = document_from_text("Nobody spoke. The 5 members left early today.", "old.txt")
    assert reanchor(annotation, rewritten, None).orphaned
    shifted = document_from_text("Update: " + text, "old.txt")
    placed = reanchor(annotation, shifted, None)
    assert placed.old is not None and placed.old.start == start + len("Update: ")


def test_short_quote_among_many_occurrences_picks_the_one_with_its_context() -> None:
    text = "the cat and the dog and the bird saw the fox."
    start = text.index("the bird")
    annotation = _annotation(text, start, start + 3)
    edited = document_from_text("Now " + text.replace("the cat", "a cat"), "old.txt")
    placed = reanchor(annotation, edited, None)
    assert placed.old is not None
    assert edited.text[placed.old.start : placed.old.end + 5] == "the bird"


def test_empty_span_is_placed_by_its_context() -> None:
    point = START
    annotation = _annotation(TEXT, point, point)
    moved = document_from_text("Intro. " + TEXT, "old.txt")
    placed = reanchor(annotation, moved, None)
    assert placed.old is not None
    assert (placed.old.start, placed.old.end) == (point + 7, point + 7)


def test_side_without_a_document_is_kept() -> None:
    annotation = replace(_annotation(), orphaned=True)
    assert reanchor(annotation, None, None) is annotation


def test_far_move_with_an_edit_in_a_long_text_is_found() -> None:
    filler = TEXT.replace(QUOTE, "") * 8  # about 45,000 code points
    text = filler + QUOTE.replace("video", "film")
    anchor = _annotation().old
    assert anchor is not None
    span = locate(anchor, text)
    assert span is not None
    assert text[span[0] : span[1]] == QUOTE.replace("video", "film")


def test_find_near_limits_patterns_to_match_max_bits() -> None:
    text = "abcdefghij" * 10
    assert find_near(text, "cdefX", 0) == 2
    assert find_near(text, "zzzzz", 0) is None
    with pytest.raises(ValueError):
        find_near(text, "a" * (MATCH_MAX_BITS + 1), 0)
    with pytest.raises(ValueError):
        find_near(text, "", 0)


def _short_note(text: str, quote: str) -> Annotation:
    old = document_from_text(text, "old.txt")
    start = text.index(quote)
    return Annotation(
        id=1,
        note="who said so?",
        tag=None,
        status="open",
        old=make_anchor(old.path, old.sha256, text, start, start + len(quote)),
        new=None,
        created=1.0,
        modified=1.0,
    )


ISSUE_TEXT = (
    "After a long debate the council approved the budget for the new library, "
    "which opens next spring. The mayor said the vote was close."
)


def test_a_placement_keeping_less_than_most_words_is_orphaned() -> None:
    """Issue 14: "long debate" became "heated debate"; it was re-placed on " debate"."""
    annotation = _short_note(ISSUE_TEXT, "long debate")
    edited = document_from_text(ISSUE_TEXT.replace("long debate", "heated debate"), "old.txt")
    placed = reanchor(annotation, edited, None)
    assert placed.orphaned
    assert placed.old == annotation.old and placed.old is not None
    assert placed.old.quote == "long debate"


def test_an_approximate_placement_keeps_its_quote_and_is_found_again() -> None:
    quote = "the council approved the budget for the new library"
    annotation = _short_note(ISSUE_TEXT, quote)
    edited_text = ISSUE_TEXT.replace("approved", "passed")
    edited = document_from_text(edited_text, "old.txt")
    placed = reanchor(annotation, edited, None)
    assert not placed.orphaned and placed.old is not None
    assert placed.old.quote == quote and placed.old.prefix == annotation.old.prefix
    assert placed.old.approximate
    assert edited_text[placed.old.start : placed.old.end] == quote.replace("approved", "passed")
    stored = replace(placed.old, approximate=False)  # as the store gives it back
    again = reanchor(replace(placed, old=stored), edited, None)
    assert again.old == stored and again.old is not None and again.old.approximate
