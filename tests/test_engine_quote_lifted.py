"""A quotation lifted out of a long sentence to the lead, its figure changed.

A structural reader (session 15) took Wennqvist's quote out of the Wikinews dogfight
story's long last sentence and made it the lead, with "32 years" changed to "23
years". The new sentence shares too little with the old one as a whole (about half of
the longer) to count as moved: it was shown as a new sentence and the old words struck
eleven rows lower, and the changed figure was never flagged.
"""

from __future__ import annotations

from core.engine.compare import compare
from core.flags.detect import flag_comparison
from core.text.document import document_from_text

OLD = (
    "Three Finnish men have been arrested as part of an investigation into illegal dog "
    "fights in the south of the country.\n\n"
    "Police said the dogs went through training fights before actual events.\n\n"
    'Wennqvist, however, independently told YLE "In other Nordic countries, they have seen '
    "incidents of dog fighting since the 90's, but I haven't come across any cases in "
    'Finland in 32 years," although it is unclear if this was a confirmed case.\n'
)
NEW = (
    '"I haven\'t come across any cases in Finland in 23 years," Wennqvist told YLE.\n\n'
    "Three Finnish men have been arrested as part of an investigation into illegal dog "
    "fights in the south of the country.\n\n"
    "Police said the dogs went through training fights before actual events.\n\n"
    "It is unclear if this was a confirmed case.\n"
)


def test_a_quote_lifted_to_the_lead_is_moved_and_its_figure_flagged() -> None:
    result = compare(document_from_text(OLD, "old"), document_from_text(NEW, "new"))
    moved = [b for b in result.blocks if b.kind == "moved"]
    assert len(moved) == 1
    assert moved[0].new is not None
    assert NEW[slice(*moved[0].new)].startswith("\"I haven't come across")
    numbers = [f.explanation for f in flag_comparison(result) if f.kind == "number"]
    assert any('"32" → "23"' in e for e in numbers), numbers


def test_a_short_sentence_sharing_a_phrase_with_a_long_one_is_no_move() -> None:
    """Without a quotation, a short sentence is no piece lifted out of a long one."""
    old = (
        "The council approved the budget. Changed in version 3.6: the mayor added the "
        "exit parameter to the long list of measures the council approved last year.\n"
    )
    new = "Changed in version 3.6: Added the exit parameter. The council approved the budget.\n"
    result = compare(document_from_text(old, "old"), document_from_text(new, "new"))
    assert not [b for b in result.blocks if b.kind == "moved"]
