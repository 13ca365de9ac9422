"""The agency in a wire dateline is a name: ``NEW ORLEANS, March 3 (Reuters) -``.

Session 19's test story: "The New York Times reported that ..." became "Reuters
reported that ...". ``Reuters`` stood only in the dateline's brackets and opening a
sentence, where a capital says nothing, so it was no name and the flag read
'removed "New York Times"', as if the source had gone rather than changed. Any word
after an opening bracket was tried and read German nouns as names ("(Bild)"); the
dateline's shape (a line opening with a place in capitals, the agency in brackets,
then a dash) tells an agency only.
"""

from __future__ import annotations

import pytest

from core.engine.compare import compare
from core.flags.detect import flag_comparison
from core.flags.names import tally
from core.text.document import document_from_text

OLD = (
    "NEW ORLEANS, March 3 (Reuters) - Flood waters rose across river towns on Monday, "
    "officials said.\n\nThe New York Times reported that the levee near Port Allen was "
    "damaged. Engineers were sent to inspect it.\n"
)
NEW = OLD.replace("The New York Times reported", "Reuters reported")


def _names(old: str, new: str) -> list[str]:
    result = compare(document_from_text(old, "old"), document_from_text(new, "new"))
    return [f.explanation for f in flag_comparison(result) if f.kind == "name"]


def test_a_source_changed_to_the_agency_of_the_dateline_is_a_change() -> None:
    assert _names(OLD, NEW) == ['"New York Times" → "Reuters"']


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("NEW ORLEANS, March 3 (Reuters) - Flood waters rose.", "Reuters"),
        ("WASHINGTON (AP) — The Senate voted on Tuesday.", "AP"),
        ("SAN FRANCISCO, Calif., Jan. 5, 2024 (Business Wire) -- Acme said.", "Business"),
        ("KYIV, Feb 24 (Reuters) – Ukraine said on Friday.", "Reuters"),
    ],
)
def test_the_agency_of_a_dateline_is_counted_as_a_name(line: str, agency: str) -> None:
    assert tally(line + "\n").capitalised[agency] >= 1


@pytest.mark.parametrize(
    "line",
    [
        "Die Zeitung (Bild) - eine Boulevardzeitung - berichtete am Montag.",
        "The result (Table 2) - as expected - was small.",
        "He said (Friday) - in a statement - that it was over.",
    ],
)
def test_a_capital_in_brackets_elsewhere_is_no_name(line: str) -> None:
    counted = tally(line + "\n").capitalised
    assert all(counted[w] <= 0 for w in ("Bild", "Table", "Friday"))
