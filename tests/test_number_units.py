"""Numbers are one unit across the points, colons and thousands commas inside them
(``1,000,000``, ``3,14``, ``12:30``, ``1.2.3``), so a changed figure is marked whole;
a list of numbers written without spaces (``2000,2001,2002``) is not one number."""

from __future__ import annotations

import pytest

from core.engine.compare import compare
from core.engine.tokens import tokenize
from core.text.document import document_from_text


@pytest.mark.parametrize(
    "number", ["1,000", "1,000,000", "3,14", "12,5", "12:30", "1.2.3", "2.5", "１，０００"]
)
def test_a_number_is_one_unit(number: str) -> None:
    text = f"about {number} here"
    found = tokenize(text)
    assert [text[s:e] for s, e in zip(found.starts, found.ends)] == ["about", number, "here"]


@pytest.mark.parametrize(
    ("listed", "units"),
    [
        ("2000,2001,2002", ["2000", ",", "2001", ",", "2002"]),
        ("1999,2000", ["1999", ",", "2000"]),
        ("12,3456", ["12", ",", "3456"]),
        ("２０００，２００１", ["２０００", "，", "２００１"]),
    ],
)
def test_numbers_listed_without_spaces_are_units_of_their_own(
    listed: str, units: list[str]
) -> None:
    text = f"in {listed} only"
    found = tokenize(text, fold_case=False)
    assert [text[s:e] for s, e in zip(found.starts, found.ends)] == ["in", *units, "only"]


def test_years_added_to_a_copyright_line_are_marked_as_added() -> None:
    # The GNU FDL's head, version 1.2 against 1.3 (hard-wrapped as in the licence).
    old = (
        "GNU Free Documentation License\n  Version 1.2, November 2002\n\n\n"
        " Copyright (C) 2000,2001,2002  Free Software Foundation, Inc.\n"
        "     51 Franklin St, Fifth Floor, Boston, MA  02110-1301  USA\n"
        " Everyone is permitted to copy and distribute verbatim copies.\n"
    )
    new = (
        "GNU Free Documentation License\n  Version 1.3, 3 November 2008\n\n\n"
        " Copyright (C) 2000, 2001, 2002, 2007, 2008 Free Software Foundation, Inc.\n"
        "     <https://fsf.org/>\n"
        " Everyone is permitted to copy and distribute verbatim copies.\n"
    )
    result = compare(document_from_text(old, "old"), document_from_text(new, "new"))
    assert result.stats.moved_words == 0
    ops = [op for block in result.blocks for op in block.ops]
    deleted = [old[op.old[0] : op.old[1]] for op in ops if op.op == "delete" and op.old]
    inserted = [new[op.new[0] : op.new[1]] for op in ops if op.op == "insert" and op.new]
    assert "2002" in deleted and "2008" in inserted  # November 2002 -> 3 November 2008
    assert not any("2000" in d or "2001" in d for d in deleted)
    assert any("2007" in i for i in inserted)
