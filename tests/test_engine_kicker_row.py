"""A kicker put in above a lead rewritten from its first word is a row of its own.

The session 20 reader: "CORRECTED VERSION" and a blank line put in above "GNU coreutils
9.1, released April 15, 2022, ..." (was "The GNU coreutils project released version
9.1 on ...") showed as ``[-The-] {+CORRECTED VERSION+} GNU coreutils ...``: the kicker
in the lead's row, as if it replaced its first word. A replacement whose one side is
whole sentences and whose other is a piece of a sentence, sharing no word, is now cut
and put in apart (``core.engine.blocks.split_across_sentences``).
"""

from __future__ import annotations

from core.engine.blocks import Draft, split_across_sentences
from core.report.render_text import render_text
from tests.flagged import compared

OLD = (
    "The GNU coreutils project released version 9.1 on April 15, 2022, fixing a series "
    "of bugs.\n\nThe chmod command no longer exits with an error status.\n"
)
NEW = (
    "CORRECTED VERSION\n\nGNU coreutils 9.1, released April 15, 2022, fixes a series of "
    "bugs.\n\nThe chmod command no longer exits with an error status.\n"
)


def test_a_kicker_is_a_row_of_its_own() -> None:
    text = render_text(compared(OLD, NEW), context=0)
    assert "#1 {+CORRECTED VERSION+}\n" in text
    assert "#2 [-The-] GNU coreutils" in text


def _replaced(a: tuple[int, int], b: tuple[int, int]) -> Draft:
    return Draft(
        "changed", a[0], a[1], b[0], b[1], [("delete", *a, b[0], b[0]), ("insert", a[1], a[1], *b)]
    )


IDS_OLD = [1, 2, 3, 4, 5]  # "The GNU coreutils released ."
IDS_NEW = [6, 7, 2, 3, 4, 5]  # "CORRECTED VERSION GNU coreutils released ."
WORDS = ([1, 1, 1, 1, 0], [1, 1, 1, 1, 1, 0])


def test_the_whole_side_is_cut_off_and_put_first() -> None:
    drafts = split_across_sentences(
        [_replaced((0, 1), (0, 2))], ({0}, {0, 2}), (IDS_OLD, IDS_NEW), WORDS
    )
    assert [(d.kind, d.a1, d.a2, d.b1, d.b2) for d in drafts] == [
        ("inserted", 0, 0, 0, 2),
        ("deleted", 0, 1, 2, 2),
    ]


def test_sides_that_share_a_word_stay_together() -> None:
    ids_new = [1, 7, 2, 3, 4, 5]  # "The VERSION GNU ...": "The" on both sides
    d = _replaced((0, 1), (0, 2))
    assert split_across_sentences([d], ({0}, {0, 2}), (IDS_OLD, ids_new), WORDS) == [d]


def test_a_whole_side_without_a_word_stays() -> None:
    d = _replaced((0, 1), (0, 2))
    words = ([1, 1, 1, 1, 0], [0, 0, 1, 1, 1, 0])  # ".." put in
    assert split_across_sentences([d], ({0}, {0, 2}), (IDS_OLD, IDS_NEW), words) == [d]


GLUED_OLD = (
    "The developers of systemd, the service manager that starts most Linux systems, s"
    "aid on Monday that they intend to remove support for cgroup v1 after the end of "
    '2023.\n\n"If you run services that make explicit use of cgroup v1 features, please'
    ' implement compatibility with cgroup v2 sooner rather than later," the developer'
    "s wrote in the release notes for version 252. Most of Linux userspace has been p"
    "orted over already, they said.\n\n"
)
GLUED_NEW = (
    "Systemd, which starts most Linux systems, will drop cgroup v1 support after the "
    'end of 2023, its developers said on Monday.\n\nThe developers urged: "If you run s'
    "ervices that make explicit use of cgroup v1 features, please implement compatibi"
    'lity with cgroup v2 sooner rather than later." They said most of Linux userspace'
    " has been ported over already.\n\n"
)


def test_the_end_of_a_sentence_replaced_by_the_start_of_the_next_is_two_rows() -> None:
    # The session 20 held-out reader: one row one way round, two the other.
    old, new = GLUED_OLD, GLUED_NEW
    text = render_text(compared(old, new), context=0)
    assert "version 252.-]\n" in text
    assert "\n#3 {+They said+} most of Linux userspace" in text
