"""A name is shown whole in its flag: the capitalised words of the same change next to
it that are no names of their own (``New`` is spelled ``new`` elsewhere; ``John`` only
opens sentences) belong to it.

Seen by an editor reading rewrites of Debian READMEs and news (session 18):
"said XZ Utils supports ..." -> "said LZMA supports ..." raised '"Utils" -> "LZMA"', and
"the New York Times" cut raised 'removed "York Times"', as if half a name had gone. A
word opening a sentence that is spelled in lower case nearby stays out: its capital
says nothing ("May Yahweh bless you" is no name "May Yahweh"; "Ben Bernanke" stays
whole).
"""

from __future__ import annotations

import pytest

from core.engine.compare import compare
from core.flags.detect import flag_comparison
from core.text.document import document_from_text


def _names(old: str, new: str) -> list[str]:
    result = compare(document_from_text(old, "old"), document_from_text(new, "new"))
    return [f.explanation for f in flag_comparison(result) if f.kind == "name"]


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        (
            "He read the New York Times on the new train.",
            "He read Reuters on the new train.",
            '"New York Times" \u2192 "Reuters"',
        ),
        (
            "Officials in New Delhi met the new envoy.",
            "Officials in Mumbai met the new envoy.",
            '"New Delhi" \u2192 "Mumbai"',
        ),
        (
            # (opening the sentence, but spelled so only as a name)
            "Ben Bernanke, the former chairman, was stranded.",
            "Janet Yellen, the former chairman, was stranded.",
            '"Ben Bernanke" \u2192 "Janet Yellen"',
        ),
        (
            # (an initial inside: a Debian README rewritten, session 19)
            "Bug reports, comments and questions should be sent to Thomas E. Dickey.\n\n"
            "The program was tested on FreeBSD.",
            "The program was tested on FreeBSD.\n\n"
            "Send bug reports, comments and questions to Mike Brennan.",
            '"Thomas E. Dickey" \u2192 "Mike Brennan"',
        ),
        (
            "The group said XZ Utils supports threads.",
            "The group said LZMA supports threads.",
            '"XZ Utils" \u2192 "LZMA"',
        ),
    ],
)
def test_a_name_is_shown_with_the_capitalised_words_of_its_change(
    old: str, new: str, shown: str
) -> None:
    found = _names(old, new)
    assert found == [shown]


def test_words_that_are_no_part_of_the_name_stay_out() -> None:
    # a function word, a figure, a word after a comma: not the name
    assert _names("The Smith plan failed.", "The Jones plan failed.") == ['"Smith" \u2192 "Jones"']
    found = _names("On Monday Smith resigned.", "On Monday Jones resigned.")
    assert found == ['"Smith" \u2192 "Jones"']
    found = _names("By then, Smith had resigned.", "By then, Jones had resigned.")
    assert found == ['"Smith" \u2192 "Jones"']
    # a word opening the sentence, spelled in lower case elsewhere: its capital tells
    # nothing ("May Yahweh bless you")
    found = _names("He may go. May Smith be blessed.", "He may go. May Jones be blessed.")
    assert found == ['"Smith" \u2192 "Jones"'], found
    found = _names(
        "He said to them, \u201cMay Smith be with you.\u201d",
        "He said to them, \u201cMay Jones be with you.\u201d",
    )
    assert found == ['"Smith" \u2192 "Jones"'], found
    found = _names("La Première ministre Borne a démissionné.", "La ministre Attal a démissionné.")
    assert all("La" not in f for f in found), found
    # a lower-case word between: two things ("Smith and Jones": one phrase each)
    found = _names("He met Smith and Jones.", "He met Brown.")
    assert found and "and" not in found[0], found
