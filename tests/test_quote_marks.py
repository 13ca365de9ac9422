"""Quote marks put around a sentence, or taken off it, change that sentence only.

A quote mark that opens a sentence holds no word: the engine folds such a one-sided
piece into a neighbouring block. Folded into the block before, it marked the previous
sentence as changed and joined the two in one row; it belongs to the sentence it opens.
"""

from __future__ import annotations

import pytest

from core.engine.compare import compare
from core.text.document import document_from_text

BEFORE = "The council met on Monday. "
AFTER = " The vote is next week."


def _blocks(old: str, new: str) -> list[tuple[str, str | None, str | None]]:
    result = compare(document_from_text(old, "old"), document_from_text(new, "new"))
    return [
        (
            b.kind,
            None if b.old is None else old[b.old[0] : b.old[1]],
            None if b.new is None else new[b.new[0] : b.new[1]],
        )
        for b in result.blocks
    ]


@pytest.mark.parametrize(
    ("plain", "quoted"),
    [
        ("The mayor said the plan was dead.", '"The mayor said the plan was dead."'),
        ("The mayor said the plan was dead.", "\u201cThe mayor said the plan was dead.\u201d"),
        ("The mayor said the plan was dead.", "'The mayor said the plan was dead.'"),
    ],
)
@pytest.mark.parametrize("added", [True, False])
def test_quote_marks_change_the_quoted_sentence_alone(plain: str, quoted: str, added: bool) -> None:
    old, new = (plain, quoted) if added else (quoted, plain)
    blocks = _blocks(BEFORE + old + AFTER, BEFORE + new + AFTER)
    assert blocks[0] == ("equal", BEFORE.strip(), BEFORE.strip())
    assert blocks[1][0] == "changed" and blocks[1][1:] == (old, new)
    assert blocks[2] == ("equal", AFTER.strip(), AFTER.strip())


def test_a_lost_full_stop_stays_with_its_sentence() -> None:
    blocks = _blocks(BEFORE + "The mayor said no.", BEFORE + "The mayor said no")
    assert blocks[0] == ("equal", BEFORE.strip(), BEFORE.strip())
    # one block for the sentence (a trivial difference here), no deleted "." of its own
    assert blocks[1][1:] == ("The mayor said no.", "The mayor said no") and len(blocks) == 2


def test_marks_set_apart_after_a_sentence_stay_with_it() -> None:
    # The segmenter starts a sentence at ":-)", but it closes the one before.
    old = "It is good to keep a heap module around. :-)\n\nGeneral terminology\n"
    new = "General terminology\n"
    blocks = _blocks(old, new)
    assert blocks[0] == ("deleted", "It is good to keep a heap module around. :-)", None)
    assert blocks[1] == ("equal", "General terminology", "General terminology")
