"""A word negated by its prefix is a negation: "safe" -> "unsafe".

The session 20 reader: "If no local scripts depend on the old path, it is safe to
remove the old directory." -> "... it is unsafe to remove ..." reversed the advice,
unflagged. ``non-fatal`` against ``fatal`` already counted; ``un-``, ``in-`` (``im-``,
``il-``, ``ir-``) and ``dis-`` now count the same way: the word without its prefix
stands on the other side, and not elsewhere on this one. ``in-`` and ``dis-`` make
many words that negate nothing (``inform``, ``invaluable``, ``discover``), so they
count before adjectives' endings only, less a few words that only look negated.
"""

from __future__ import annotations

import pytest

from tests.flagged import flag_pairs


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        (
            "If no scripts depend on the old path, it is safe to remove the old directory.",
            "If no scripts depend on the old path, it is unsafe to remove the old directory.",
            'added "unsafe"',
        ),
        (
            "The figures in the report were accurate.",
            "The figures in the report were inaccurate.",
            'added "inaccurate"',
        ),
        (
            "The council said the permit was illegal.",
            "The council said the permit was legal.",
            'removed "illegal"',
        ),
        (
            "Most members agreed with the plan.",
            "Most members disagreed with the plan.",
            'added "disagreed"',
        ),
        (
            "The outcome was possible, he said.",
            "The outcome was impossible, he said.",
            'added "impossible"',
        ),
    ],
)
def test_a_word_negated_by_its_prefix_is_flagged(old: str, new: str, shown: str) -> None:
    assert flag_pairs(old, new) == [("negation", shown)]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The paintings were valuable to the museum.",
            "The paintings were invaluable to the museum.",
        ),
        ("The gas is flammable, firefighters said.", "The gas is inflammable, firefighters said."),
        ("They will come unless it rains.", "They will come less often if it rains."),
        ("The firm will form a new unit.", "The firm will inform a new unit."),
        ("Scientists cover the findings.", "Scientists discover the findings."),
        ("It is unsafe here and safe there.", "It is safe here and unsafe there."),
    ],
)
def test_words_that_only_look_negated_are_not(old: str, new: str) -> None:
    assert "negation" not in [kind for kind, _ in flag_pairs(old, new)]
