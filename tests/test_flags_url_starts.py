"""Figures in URLs are looked up by the document's URL starts, found once per text
(``core.flags.figure_words._url_starts``). A second comparison of texts with the same
content (the same files compared again, in the window or in ``nway``, or two copies of
one file) must not compare whole texts for every figure: keyed by content, each lookup
compared the new text with the old one character by character, and a 5 MB pair's flags
took 6.6 s the second time instead of 1.8 s.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.flags import figure_words

TEXT = "See https://example.org/2024/report for the 2024 figures. " * 200


class _Counted(str):
    """A str that counts how often it is compared by content."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        _Counted.compared += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def test_a_text_equal_to_one_seen_is_not_compared_by_content() -> None:
    first, second = _Counted(TEXT), _Counted(TEXT)
    assert first is not second
    expected = figure_words._url_starts(first)
    _Counted.compared = 0
    for _ in range(5):
        assert figure_words._url_starts(second) == expected
        assert figure_words._url_starts(first) == expected
    assert _Counted.compared == 0


def test_the_url_starts_are_those_of_the_text() -> None:
    starts = figure_words._url_starts(TEXT)
    assert starts == [k for k in range(len(TEXT)) if TEXT.startswith("://", k)]
    other = TEXT.replace("https://", "see www.")
    assert figure_words._url_starts(other) == [
        k for k in range(len(other)) if other.startswith("www.", k)
    ]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(":/w.x \U0001d465"), max_size=60))
def test_the_url_starts_are_the_expressions_matches(text: str) -> None:
    fresh = "".join(["<", text])[1:]  # (another object: not one kept from before)
    expected = [m.start() for m in figure_words._URL.finditer(fresh)]
    assert figure_words._url_starts(fresh) == expected
