"""A clause of a sentence split off as a sentence of its own, a few sentences away.

A reader's rewrite of a Wikinews story (session 16) merged the start of "In 2020
Toroansi was one of two women to enter as a candidate in the presidential election; the
other was Ruby Mirinka." into the opening sentence and made its last clause a sentence
of its own, "The other was Ruby Miriam.", two sentences up. The old sentence read as
deleted, the new one as inserted: the name changed from Mirinka to Miriam was not
flagged, and the figures carried into the opening sentence were flagged as added.
Now a short sentence whose units stand nearly all in order in a sentence cut close by
is paired with it as moved, and its flags are checked though the two share few content
words (the short one's content words are mostly in the long one).
"""

from __future__ import annotations

from core.engine.moves import _split_off
from core.flags.detect import flag_comparison
from core.flags.pooled import contained_content
from tests.flagged import compared

OLD = (
    "Toroansi is from Central Bougainville. Toroansi was elected to the House of "
    "Representatives in 2005. She was sacked as minister on 3 June 2008. In 2020 Toroansi "
    "was one of two women to enter as a candidate in the presidential election; the other "
    "was Ruby Mirinka.\n"
)
NEW = (
    "Toroansi, who is from Central Bougainville, was one of two women to run for president "
    "in 2020. The other was Ruby Miriam. She was sacked as minister on 3 June 2008. "
    "Toroansi was first elected to the House of Representatives in 2005.\n"
)


def test_the_clause_split_off_is_paired_with_its_sentence_as_moved() -> None:
    result = compared(OLD, NEW)
    moved = [
        (result.old.text[slice(*b.old)], result.new.text[slice(*b.new)])
        for b in result.blocks
        if b.kind == "moved" and b.old and b.new
    ]
    assert (
        "In 2020 Toroansi was one of two women to enter as a candidate in the presidential "
        "election; the other was Ruby Mirinka.",
        "The other was Ruby Miriam.",
    ) in moved
    assert not [b for b in result.blocks if b.kind in ("deleted", "inserted")]


def test_the_name_changed_in_it_is_flagged_and_the_figures_carried_are_not() -> None:
    flags = [(f.kind, f.explanation) for f in flag_comparison(compared(OLD, NEW))]
    assert any(k == "name" and '"Mirinka" \u2192 "Miriam"' in e for k, e in flags)
    assert not [e for k, e in flags if k == "number"]


def test_a_split_off_needs_its_units_nearly_all_in_order_close_by() -> None:
    long = list(range(20))
    assert _split_off(long, [14, 15, 16, 17, 18, 19], 2, (18, 5))
    assert not _split_off(long, [14, 15, 16, 17, 18, 19], 5, (18, 5))  # too far apart
    assert not _split_off(long, [14, 15, 16, 99, 98, 97], 2, (18, 5))  # half held
    assert not _split_off(long, [16, 17, 18, 19], 2, (18, 3))  # too few words
    assert not _split_off(long * 3, [14, 15, 16, 17, 18, 19], 2, (54, 5))  # too long


def test_a_short_side_counts_as_held_only_when_the_other_is_much_longer() -> None:
    whole = "In 2020 Toroansi was one of two women in the presidential election with Ruby Mirinka."
    assert contained_content(whole, "The other was Ruby Miriam.") == 0.5
    # (two sentences of like length that share one word: no counterparts)
    assert not contained_content(
        "If 'debug' is 'True', the event loop will be run in debug mode.",
        "If it is 'True', the body will be chunk-encoded.",
    )
