"""Ordinal words that are no figures in the sentence they stand in.

The session 20 reader's largest group of false alarms (4 of 10):
- a typo fixed, "ninteenth" -> "nineteenth", read 'added "nineteenth"';
- "Another area" -> "a second problem area" read 'added "second"': "a second" says
  "another";
- "third-party certifications" -> "such certifications" read 'removed "third-party"':
  a third party or first-hand is no count (a ship's third rate is).
"""

from __future__ import annotations

import pytest

from tests.flagged import flag_pairs


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The paper was central to affinity theory in the first half of the ninteenth century.",
            "The paper was central to affinity theory in the first half of the nineteenth century.",
        ),
        (
            "Another area of incompatibility relates to home directories.",
            "Home directories are a second problem area.",
        ),
        (
            "GnuPG now refuses third-party certifications from the keyserver network.",
            "GnuPG now refuses such certifications from the keyserver network.",
        ),
        ("She heard it first-hand from the mayor.", "She heard it from the mayor."),
    ],
)
def test_no_figure_changed(old: str, new: str) -> None:
    assert "number" not in [kind for kind, _ in flag_pairs(old, new)]


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        ("He won a second term in 2012.", "He won a third term in 2012.", '"second" → "third"'),
        ("It was the ninth attempt.", "It was the nineteenth attempt.", '"ninth" → "nineteenth"'),
        (
            "He faces first-degree murder charges.",
            "He faces second-degree murder charges.",
            "first-degree",
        ),
        (
            "It was a third-rate ship of the line.",
            "It was a fourth-rate ship of the line.",
            "third-rate",
        ),
        (
            "Saussure described the concepts of the sign in his lectures.",
            "Saussure contrasts three concepts of the sign in his lectures.",
            'added "three"',
        ),
    ],
)
def test_figures_changed_are_still_flagged(old: str, new: str, shown: str) -> None:
    flags = flag_pairs(old, new)
    assert any(kind == "number" and shown in text for kind, text in flags), flags
