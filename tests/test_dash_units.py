"""A spaced hyphen joins its two words (``eight - minute`` is ``eight-minute``); a dash
used as punctuation does not, so adding one marks the dash alone."""

from __future__ import annotations

import pytest

from core.engine.compare import compare
from core.engine.tokens import tokenize
from core.text.document import document_from_text


def _marked(old: str, new: str) -> tuple[list[str], list[str]]:
    result = compare(document_from_text(old, "old"), document_from_text(new, "new"))
    ops = [op for block in result.blocks for op in block.ops]
    deleted = [old[op.old[0] : op.old[1]] for op in ops if op.op == "delete" and op.old]
    inserted = [new[op.new[0] : op.new[1]] for op in ops if op.op == "insert" and op.new]
    return deleted, inserted


@pytest.mark.parametrize("dash", ["\u2014", "\u2013", "--"])
def test_a_dash_added_between_words_is_marked_alone(dash: str) -> None:
    deleted, inserted = _marked(
        "20 грн за кілограм картоплі це дорого?", f"20 грн за кілограм картоплі {dash} це дорого?"
    )
    assert (deleted, inserted) == ([], [dash])
    deleted, inserted = _marked(
        "The minister who resigned said so.", f"The minister {dash} who resigned {dash} said so."
    )
    assert (deleted, inserted) == ([], [dash, dash])


def test_a_spaced_hyphen_still_joins_its_words() -> None:
    assert tokenize("eight - minute").keys == tokenize("eight-minute").keys == ("eight-minute",)
    assert _marked("The eight - minute video.", "The eight-minute video.") == ([], [])


@pytest.mark.parametrize("dash", ["\u2014", "\u2013", "--"])
def test_a_spaced_dash_is_a_unit_of_its_own(dash: str) -> None:
    assert len(tokenize(f"air {dash} it").keys) == 3


def test_soft_hyphens_join_the_words_they_break() -> None:
    """A held-out reader (session 15): a German blurb differing only by soft hyphens
    ("Fu\u00df\u00adball\u00adspieler") scored 112 % similar, its old words counted 9 against 7."""
    old = "Der langj\u00e4hrige Fu\u00df\u00adball\u00adspieler hat seine Karriere beendet.\n"
    new = "Der langj\u00e4hrige Fu\u00dfballspieler hat seine Karriere beendet.\n"
    result = compare(document_from_text(old, "old"), document_from_text(new, "new"))
    stats = result.stats
    assert (stats.old_words, stats.new_words, stats.common_words) == (7, 7, 7)
    assert stats.similarity == 1.0
