"""Hedges cut that the session 20 reader saw pass unflagged.

- "Bash may be built on nearly every version of UNIX." -> "Bash can be built on every
  version of UNIX.": "may" against "can" is a modal either way, but "nearly" cut made
  the claim whole, and the modal on the other side hid it too.
- "About 1,500 servers are estimated to run git daemon." -> "About 1,500 servers run
  git daemon.": an estimate stated as a count.
- "Developers expect to publish version 9.2 within six months." -> "Developers will
  publish version 9.2 ...": a plan stated as a fact.
- "Administrators may want to adjust their firewall rules" -> "must adjust": advice
  made an order.
"""

from __future__ import annotations

import pytest

from tests.flagged import flag_pairs


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        (
            "Bash may be built on nearly every version of UNIX.",
            "Bash can be built on every version of UNIX.",
            'removed "nearly"',
        ),
        (
            "About 1,500 servers are estimated to run git daemon.",
            "About 1,500 servers run git daemon.",
            'removed "estimated to run"',
        ),
        (
            "If a tunable is passed to such a program, it may result in a buffer overflow.",
            "Passing a tunable to such a program results in a buffer overflow.",
            '"it may result" → "results"',
        ),
        (
            "Administrators may want to adjust their firewall rules before upgrading.",
            "Administrators must adjust their firewall rules before upgrading.",
            '"may want to" → "must"',
        ),
        (
            "Developers expect to publish version 9.2 within six months.",
            "Developers will publish version 9.2 within six months.",
            '"expect to" → "will"',
        ),
    ],
)
def test_a_hedge_cut_is_flagged(old: str, new: str, shown: str) -> None:
    assert flag_pairs(old, new) == [("attribution", shown)]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("The result was as expected by the team.", "The result was as the team wanted."),
        ("The damage was estimated at $5 million.", "The damage was put at $5 million."),
        ("The drug may not be affected by heat.", "The drug can not be affected by heat."),
    ],
)
def test_no_hedge_cut(old: str, new: str) -> None:
    assert "attribution" not in [kind for kind, _ in flag_pairs(old, new)]


def test_a_source_cut_where_the_doubt_was_there_before_is_flagged() -> None:
    # The session 20 held-out reader: "could" stayed, "reportedly" went, unflagged.
    assert flag_pairs(
        "The bug could reportedly be triggered with a crafted message.",
        "The bug could be triggered with a crafted message.",
    ) == [("attribution", 'removed "reportedly"')]
    # Doubt put in where the source went still states no fact.
    assert (
        flag_pairs(
            "The bug was reportedly triggered with a crafted message.",
            "The bug may have been triggered with a crafted message.",
        )
        == []
    )


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        # The session 20 third reader: a doubt cut, where the other sentence names the
        # month of May ("in may, 2001"), was taken as doubt kept.
        (
            "in may, 2001, a dozen non-english wikipedias were launched (probably in catalan, "
            "chinese and dutch).",
            "in may, 2001, a dozen non-english wikipedias were launched (in catalan, chinese "
            "and dutch).",
            'removed "probably"',
        ),
        (
            "The command no longer sometimes fails on large files.",
            "The command no longer fails on large files.",
            'removed "sometimes"',
        ),
        (
            "Such warnings are likely to become errors in a future release.",
            "Such warnings will become errors in a future release.",
            '"are likely to" → "will"',
        ),
    ],
)
def test_more_hedges_cut_are_flagged(old: str, new: str, shown: str) -> None:
    assert flag_pairs(old, new) == [("attribution", shown)]


def test_the_month_may_is_no_hedge() -> None:
    assert flag_pairs(
        "The plant will close in May 2027.", "The plant will close in June 2027."
    ) == [("number", '"May" → "June"')]
