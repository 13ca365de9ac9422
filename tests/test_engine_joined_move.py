"""Two sentences joined into one that moved, and one sentence split in two that moved
(``core.engine.merges``).

The structure reader (session 17): "The school was forced to close ... in 1983." and
"The school buildings were occupied for military purposes during this time." joined
into one sentence two sentences earlier. The move took the first sentence only; the
second read as deleted, and the report's "Cut" list named it though its words stood
in the moved sentence. The move now takes both.
"""

from __future__ import annotations

from core.engine.blocks import Draft
from core.engine.merges import joined_moves
from core.engine.moves import MovePair, apply_moves
from core.flags.detect import flag_comparison
from core.report.render_text import render_text
from core.report.whole import whole_sentences
from tests.flagged import compared

LEAD = "The council met on Monday to discuss the budget for the coming year. "
MIDDLE = (
    "Officials said the new plan would cost about 4 million dollars over five years. "
    "Critics said the figure left out the cost of repairs to the old bridge. "
    "The finance committee will review the plan again in March."
)
MAYOR = "The mayor opposed the plan when it first came to a vote in 2019."
SHELVED = "The plan was then shelved for two years after that vote by the council."


def test_a_sentence_joined_to_a_moved_one_moves_with_it() -> None:
    old = f"{LEAD}{MIDDLE} {MAYOR} {SHELVED}\n"
    new = (
        f"{LEAD}The mayor opposed the plan when it first came to a vote in 2018, and it "
        f"was then shelved for two years. {MIDDLE}\n"
    )
    result = compared(old, new)
    assert [b.kind for b in result.blocks if b.kind != "equal"] == ["moved"]
    moved = next(b for b in result.blocks if b.kind == "moved")
    assert moved.old is not None and old[slice(*moved.old)] == f"{MAYOR} {SHELVED}"
    assert whole_sentences(result) == {"old": {}, "new": {}}  # nothing cut, nothing added
    assert "[-2019. The plan-] {+2018, and it+}" in render_text(result, context=0)
    # the figure read against both sentences: "two" (years) is no figure put in
    assert [(f.kind, f.explanation) for f in flag_comparison(result)] == [
        ("number", '"2019" → "2018"')
    ]


def test_a_sentence_split_in_two_and_moved_moves_whole() -> None:
    old = f"{LEAD}{MIDDLE} {MAYOR[:-1]}, and it was then shelved for two years after that vote.\n"
    new = (
        f"{LEAD}The mayor opposed the plan when it first came to a vote in 2018. It was "
        f"then shelved for two years after that vote. {MIDDLE}\n"
    )
    result = compared(old, new)
    assert [b.kind for b in result.blocks if b.kind != "equal"] == ["moved"]
    moved = next(b for b in result.blocks if b.kind == "moved")
    assert moved.new is not None
    assert new[slice(*moved.new)].startswith("The mayor opposed")
    assert new[slice(*moved.new)].endswith("after that vote.")
    assert [(f.kind, f.explanation) for f in flag_comparison(result)] == [
        ("number", '"2019" → "2018"')
    ]


def test_a_sentence_cut_beside_a_moved_one_stays_cut() -> None:
    """A sentence cut next to the moved one, sharing a few words with it by chance,
    is no part of it."""
    cut = "The vote of the council was held in the old town hall on a rainy evening."
    old = f"{LEAD}{MIDDLE} {MAYOR} {cut}\n"
    new = f"{LEAD}The mayor opposed the plan when it first came to a vote in 2018. {MIDDLE}\n"
    result = compared(old, new)
    kinds = [b.kind for b in result.blocks if b.kind != "equal"]
    assert kinds == ["moved", "deleted"]
    deleted = next(b for b in result.blocks if b.kind == "deleted")
    assert deleted.old is not None and old[slice(*deleted.old)].strip() == cut


def test_only_one_sided_contiguous_unused_drafts_are_joined() -> None:
    """The rule on drafts: a deleted draft right after the moved old side is joined
    when it brings its words; one another move uses, or one that is not contiguous,
    is not."""
    # old units: 0-4 "a b c d ." (moved), 4-8 "e f g ." (deleted); new: 0-7 "a b c d e f g"
    a = [1, 2, 3, 4, 5, 6, 7, 9]
    b = [1, 2, 3, 4, 5, 6, 7, 9]
    words = ([1] * 7 + [0], [1] * 7 + [0])
    drafts = [
        Draft("inserted", 0, 0, 0, 8, [("insert", 0, 0, 0, 8)]),
        Draft("deleted", 0, 4, 8, 8, [("delete", 0, 4, 8, 8)]),
        Draft("deleted", 4, 8, 8, 8, [("delete", 4, 8, 8, 8)]),
    ]
    pairs = [MovePair(1, 0, 0.6)]
    joined = joined_moves(drafts, pairs, (a, b), words)
    assert joined == [MovePair(1, 0, 0.6, old_joined=2)]
    moved = apply_moves(drafts, joined, lambda a1, a2, b1, b2: [("equal", a1, a2, b1, b2)])
    assert [(d.kind, d.a1, d.a2, d.b1, d.b2) for d in moved] == [("moved", 0, 8, 0, 8)]
    # used by another move: left alone
    assert joined_moves(drafts, [*pairs, MovePair(2, 0, 0.5)], (a, b), words)[0] == pairs[0]
    # not contiguous (a gap of old units between them): left alone
    apart = [drafts[0], drafts[1], Draft("deleted", 5, 8, 8, 8, [("delete", 5, 8, 8, 8)])]
    assert joined_moves(apart, pairs, (a, b), words) == pairs


def test_a_moved_sentence_is_not_left_to_a_short_one_in_its_place() -> None:
    """A structure reader (session 18, the xz README): the reworded sentence moved two
    sentences down was tied by its first words ("xz ... supports ... compression") to
    the short sentence that stood there; the real source read as cut, with a false
    name flag. It now moves, and the short sentence is cut."""
    old = (
        'The .xz format supports multiple compression algorithms, which are called "filters" '
        "in the context of XZ Utils. With typical files, XZ Utils create about 30 % smaller "
        "files than gzip. XZ Utils supports multithreaded compression.\n"
    )
    new = (
        "With typical files, XZ Utils create about 30 % smaller files than gzip. The .xz "
        'format supports multiple compression algorithms, called "filters", of which the '
        "primary one is currently LZMA.\n"
    )
    result = compared(old, new)
    moved = [b for b in result.blocks if b.kind == "moved"]
    assert len(moved) == 1 and moved[0].old is not None and moved[0].new is not None
    assert old[slice(*moved[0].old)].startswith("The .xz format supports")
    assert new[slice(*moved[0].new)].startswith("The .xz format supports")
    assert new[slice(*moved[0].new)].endswith("currently LZMA")
    cut = [old[slice(*b.old)] for b in result.blocks if b.kind == "deleted" and b.old]
    assert cut == ["XZ Utils supports multithreaded compression"]


def test_a_sentence_joined_and_reworded_between_its_words_moves_with_it() -> None:
    """(the same reader: "The primary filter is currently LZMA2." folded in as ", of
    which the primary one is currently LZMA", no three words in a row kept)"""
    old = (
        'The .xz format supports multiple compression algorithms, called "filters". The '
        "primary filter is currently LZMA2. With typical files, XZ Utils create about 30 % "
        "smaller files than gzip.\n"
    )
    new = (
        "With typical files, XZ Utils create about 30 % smaller files than gzip. The .xz "
        'format supports multiple compression algorithms, called "filters", of which the '
        "primary one is currently LZMA.\n"
    )
    result = compared(old, new)
    assert [b.kind for b in result.blocks if b.kind != "equal"] == ["moved"]
    assert "[-filter-] {+one+} is currently [-LZMA2-] {+LZMA+}" in render_text(result, context=0)
