"""What a survey or a study found is attributed to it, as what a person said.

The session 20 reader: "About 40 percent of administrators still rely on the old
quoting, a separate survey found." lost its last four words in a rewrite, unflagged:
``found`` was no verb of attribution. It attributes after a survey, a study, a poll, a
report or the like, or before ``that``; a thing found (``the body was found``, ``found
in 1990``) attributes nothing.
"""

from __future__ import annotations

import pytest

from tests.flagged import flag_pairs


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "About 40 percent of administrators still rely on the old quoting, a separate "
            "survey found.",
            "About 40 percent of administrators still rely on the old quoting.",
        ),
        (
            "A study by the university found that most users never change the setting.",
            "Most users never change the setting.",
        ),
    ],
)
def test_a_finding_cut_is_an_attribution_removed(old: str, new: str) -> None:
    assert flag_pairs(old, new) == [("attribution", 'removed "found"')]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("The body was found near the river on Monday.", "The body was near the river on Monday."),
        ("The club, found in 1990, has 40 members.", "The club has 40 members."),
        ("He found the keys under the mat.", "He left the keys under the mat."),
    ],
)
def test_a_thing_found_is_no_attribution(old: str, new: str) -> None:
    assert "attribution" not in [kind for kind, _ in flag_pairs(old, new)]
