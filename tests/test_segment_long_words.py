"""The word before a stop with no space within reach (a long URL, a path): judged
as it always was, without copying the text before it (which made the segmenter
quadratic on a list of long URLs)."""

from __future__ import annotations

from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from core.engine import segment as seg
from core.engine.segment import segment


def _copied_word(text: str, t_start: int, _opening: object) -> str:
    """The word as it was found before: copied from the text, as far back as the last
    space, tab or line break (LF or CR) within 40 characters, else from the text's
    start."""
    space = max(text.rfind(c, max(0, t_start - 40), t_start) for c in " \t\n\r")
    return text[space + 1 : t_start].lstrip("\"'([\u201c\u2018").lower().strip(".")


def _agrees_at_every_stop(text: str) -> None:
    """Every stop judged the same with the word's stand-ins as with the copied word."""
    opening = seg._Opening(text)
    stops = [(m.start(), text[m.end()], m.group(1)) for m in seg._TERMINATOR.finditer(text)]
    judged = [seg._ends_sentence(text, *stop, opening) for stop in stops]
    with patch.object(seg, "_word_before", _copied_word):
        by_copy = [seg._ends_sentence(text, *stop, opening) for stop in stops]
    for (t_start, _, _), mine, theirs in zip(stops, judged, by_copy, strict=True):
        assert mine == theirs, text[max(0, t_start - 50) : t_start + 5]


# Pieces that make words with and without dots, openings of quotes and dots, long
# runs without spaces, and stops followed by capitals, digits and lower case.
_PIECES = st.sampled_from(
    [
        "a", "b", "Z", "x" * 45, "http://ex.am/ple/" + "p" * 30, ".", ". ", "? ", "! ",
        " ", "\n", '"', "(", "\u201c", "'", "..", "Mr", "etc", "e.g", "1", " The", " then",
        " 2", "/", "-", "\t", "\r", "\u0130",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_every_stop_is_judged_as_by_the_copied_word(pieces: list[str]) -> None:
    _agrees_at_every_stop("".join(pieces))


def test_long_urls_and_openings_are_judged_as_by_the_copied_word() -> None:
    url = "https://example.com/" + "x" * 50
    for text in (
        f"{url}. then more. {url}. The next",
        f'"((..{url}. then',
        f"{'x' * 60}. then {'y' * 60}. Then",
        '"' * 50 + "ab. then",
        '"' * 50 + "etc. then",
        "(" * 45 + "a. then",
        "\u201c" * 45 + "..Mr. Smith",
        f"{'.' * 45}ab. then",
        f"no dot here at all{'z' * 40}. then",
        f"one.dot{'z' * 40}. then",
    ):
        _agrees_at_every_stop(text)


def test_a_stop_after_a_long_url_ends_its_sentence_before_a_capital() -> None:
    text = "".join(f"See https://example.com/{'x' * 50}/{k}. Then more.\n\n" for k in range(3))
    starts = [text[s:e].split()[0] for s, e in segment(text).sentences]
    assert starts == ["See", "Then", "See", "Then", "See", "Then"]
