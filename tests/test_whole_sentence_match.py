"""A sentence found whole and alone on both sides is matched, however short.

Over a whole document the engine drops short chance matches between long edits, so
that two unrelated sentences are not tied together by a shared word. A short sentence
that stands whole on both sides (a section number, a heading) is no chance match: GPL 1
against GPL 2 inserts a sentence after section 6 and a new section 7, and the old
"7." was paired with the inserted "You are not responsible ... License." on the one
full stop they share, the new "7." shown as added.
"""

from __future__ import annotations

from tests.test_quote_marks import _blocks

# From /usr/share/common-licenses/GPL-1 and GPL-2 (wording shortened).
OLD = (
    "You may not impose any further restrictions on the recipients' exercise of the "
    "rights granted herein.\n\n"
    "  7. The Free Software Foundation may publish revised and/or new versions of the "
    "General Public License from time to time.\n"
)
NEW = (
    "You may not impose any further restrictions on the recipients' exercise of the "
    "rights granted herein.\nYou are not responsible for enforcing compliance by third "
    "parties to this License.\n\n"
    "  7. If, as a consequence of a court judgment or allegation of patent infringement, "
    "conditions are imposed on you, they do not excuse you from the conditions of this "
    "License.\n\n"
    "  9. The Free Software Foundation may publish revised and/or new versions of the "
    "General Public License from time to time.\n"
)


def test_a_section_number_matches_its_twin_not_the_next_sentence() -> None:
    blocks = _blocks(OLD, NEW)
    assert ("equal", "7.", "7.") in blocks
    added = "You are not responsible for enforcing compliance by third parties to\nthis License."
    added = added.replace("\n", " ")
    assert ("inserted", None, added) in [(k, o, n and n.replace("\n", " ")) for k, o, n in blocks]
    # nothing of the old side is paired with the inserted sentence
    assert not any(k == "changed" and n and "responsible" in n for k, o, n in blocks)


def test_a_heading_between_long_rewrites_stays_matched() -> None:
    old = (
        "The old committee reviewed every application by hand over several long months.\n\n"
        "Results\n\n"
        "Nine of the twelve towns reported fewer accidents after the new signs went up.\n"
    )
    new = (
        "An automated screening tool now sorts applications within a single afternoon.\n\n"
        "Results\n\n"
        "Most districts saw injury figures fall once the redesigned crossings opened.\n"
    )
    blocks = _blocks(old, new)
    assert ("equal", "Results", "Results") in blocks


def test_a_shared_word_between_rewrites_still_ties_nothing() -> None:
    # The chance match the rule exists for: one word in the middle of two rewrites.
    old = "The ministry said on Tuesday that exports had fallen sharply in the spring.\n"
    new = "Analysts expect a rebound, although exports remain weak in several regions.\n"
    blocks = _blocks(old, new)
    assert len(blocks) == 1 and blocks[0][0] == "changed"


def test_no_lone_full_stop_is_left_when_its_partner_sentence_moves() -> None:
    # The AP-style rewrite compared new against old: in a replaced gap the old
    # "Prime Minister ... fight." was paired with the new side's "." of "city.", then
    # taken away as moved; the "." stood alone as an inserted block (a row "+ ." of
    # 0 words in the window's change list).
    from tests.test_flags_reordered_quotes import AP_NEW, AP_OLD

    blocks = _blocks(AP_NEW, AP_OLD)
    lone = [
        (k, o, n)
        for k, o, n in blocks
        if k in ("inserted", "deleted") and not any(c.isalnum() for c in (o or n or ""))
    ]
    assert not lone, lone
    first = blocks[0]
    assert first[2] is not None and first[2].endswith("second-largest city."), first
