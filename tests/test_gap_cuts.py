"""A block starts where one of the two texts starts a sentence, never elsewhere.

GPL 1 against GPL 2: "... modules it contains; but, as a special exception, it need
not include ..." became "... modules it contains, plus ... of the executable.  However,
as a special exception, the source code distributed need not include ...". The old
sentence's one replaced piece ("; but") was paired with the new side's first piece,
and the new side's second piece ("However") was cut off as a block of its own that
ended before ", as a special exception" where neither text starts a sentence: the
text output read "{+However+} , as a special exception".
"""

from __future__ import annotations

import pytest

from core.engine.compare import compare
from core.flags.detect import flag_comparison
from core.report.render_text import render_text
from core.text.document import document_from_text

# /usr/share/common-licenses/GPL-1 and GPL-2, section 3 (shortened).
OLD = (
    "For an executable file, complete source code means all the source code for all "
    "modules it contains; but, as a special exception, it need not include source code "
    "for modules which are standard libraries.\n"
)
NEW = (
    "For an executable work, complete source code means all the source code for all "
    "modules it contains, plus any associated interface definition files, plus the "
    "scripts used to control compilation and installation of the executable.  However, "
    "as a special exception, the source code distributed need not include anything "
    "that is normally distributed.\n"
)


def test_every_block_starts_a_sentence_on_one_side() -> None:
    result = compare(document_from_text(OLD, "old"), document_from_text(NEW, "new"))
    old_starts = {0, OLD.index("For")}
    new_starts = {0, NEW.index("For"), NEW.index("However")}
    for block in result.blocks[1:]:
        old_at = block.old[0] if block.old else None
        new_at = block.new[0] if block.new else None
        assert old_at in old_starts or new_at in new_starts, block
    second = NEW.index("However")
    holding = [b for b in result.blocks if b.new and b.new[0] <= second < b.new[1]]
    assert holding and holding[0].new is not None and holding[0].new[1] >= NEW.index("need")


def test_the_text_output_puts_no_space_before_the_comma() -> None:
    result = compare(document_from_text(OLD, "old"), document_from_text(NEW, "new"))
    text = render_text(result)
    assert "{+However+}, as a special exception" in text
    assert " ," not in text


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "Rail workers announced a strike.\n\nNot all of the passengers were rescued.",
            "Rail workers announced a strike.\n\nAll of the passengers were rescued.",
            ("negation", 'removed "Not"'),
        ),
        (
            "Officers were called to the street at noon. Police said the man was armed.",
            "Officers were called to the street at noon. The man was armed.",
            ("attribution", 'removed "said"'),
        ),
        (
            "Rail workers announced a strike. At least 57 people died in the crash.",
            "Rail workers announced a strike. 57 people died in the crash.",
            ("number", '"At least 57" \u2192 "57"'),
        ),
        (
            "Rail workers announced a strike. 57 people died in the crash.",
            "Rail workers announced a strike. According to police, 57 people died in the crash.",
            ("attribution", 'added "According"'),
        ),
    ],
)
def test_a_piece_that_opens_a_sentence_goes_with_it(
    old: str, new: str, expected: tuple[str, str]
) -> None:
    """Two readers of rewrites of real news: words cut or put at the start of any
    sentence but the first ("[-Police said-] The man was armed", "[-Not-] All of the
    passengers") stood as a deleted or inserted block of their own, and no flag looks at
    those: an attribution, a hedge or a negation went unflagged. The cut where only one
    text starts a sentence is left out beside one where both do."""
    result = compare(document_from_text(old, "old"), document_from_text(new, "new"))
    assert [b.kind for b in result.blocks].count("changed") == 1
    assert expected in [(f.kind, f.explanation) for f in flag_comparison(result)]
