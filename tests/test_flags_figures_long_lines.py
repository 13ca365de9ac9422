"""Figures in long lines without spaces (Chinese copy, one paragraph per file): what
is a figure is judged near the digits, never by reading the line back to its start."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.flags import figure_words as figures
from core.flags.figure_words import _not_a_figure, _opens_line


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(" \t\r\n\x0b\x0c\x85\u2028\u3000ab1(-"), max_size=30),
    st.data(),
)
def test_a_line_is_opened_where_only_spaces_stand_before(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    line = text.rfind("\n", 0, start) + 1
    assert _opens_line(text, start) == (not text[line:start].strip())


def _not_a_figure_read_back(text: str, start: int) -> bool:
    """The test as it was written: the line and the run without spaces read back."""
    if figures._MARKUP.match(text, start) or text[max(0, start - 2) : start] == "&#":
        return True
    line = text.rfind("\n", 0, start) + 1
    if not text[line:start].strip() and figures._LIST_MARKER.match(text, start):
        return True
    item = start - 1 if start and text[start - 1] == "(" else start
    if (not item or text[item - 1].isspace()) and figures._ITEM.match(text, item):
        return True
    run = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    return bool(figures._URL.search(text, run, start))


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*"http:// www. ex .cn/ ( ) &# px 罚款 元 7 2019 3".split(), " ", "\n", "\t", "- "]
        ),
        max_size=30,
    ),
    st.data(),
)
def test_within_a_urls_reach_figures_are_judged_as_before(
    pieces: list[str], data: st.DataObject
) -> None:
    text = "".join(pieces) + "42"
    digits = [k for k, c in enumerate(text) if c.isdigit()]
    start = data.draw(st.sampled_from(digits))
    assert len(text) < figures._URL_REACH
    assert _not_a_figure(text, start) == _not_a_figure_read_back(text, start)


def test_a_url_far_back_in_a_line_without_spaces_does_not_hide_a_figure() -> None:
    prose = "国家食品药品监督管理总局决定对说明书进行修订" * 200  # 4,400 characters
    near = "见http://example.cn/rules/2019/"
    text = "来源http://example.cn/" + prose + "罚款500元"
    at = text.index("500")
    assert not _not_a_figure(text, at)  # 4,400 characters from the URL: a figure
    text = prose + near + "500"
    assert _not_a_figure(text, text.index("500"))  # in the URL: none


def _not_a_figure_bounded(text: str, start: int) -> bool:
    """The test as session 14 wrote it: the run without spaces read back at most a
    URL's reach, for every figure."""
    if figures._MARKUP.match(text, start) or text[max(0, start - 2) : start] == "&#":
        return True
    if _opens_line(text, start) and figures._LIST_MARKER.match(text, start):
        return True
    item = start - 1 if start and text[start - 1] == "(" else start
    if (not item or text[item - 1].isspace()) and figures._ITEM.match(text, item):
        return True
    lo = max(0, start - figures._URL_REACH)
    run = max(text.rfind(" ", lo, start), text.rfind("\n", lo, start)) + 1
    return bool(figures._URL.search(text, max(run, lo), start))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"http:// www. ex .cn/ 罚款 元 7 2019 3".split(), " ", "\n"]),
        max_size=30,
    ),
    st.integers(0, 3 * figures._URL_REACH),
    st.data(),
)
def test_in_a_long_document_urls_are_found_once_and_figures_judged_as_before(
    pieces: list[str], filler: int, data: st.DataObject
) -> None:
    # Longer than a URL's reach: the URLs' starts are found once for the document.
    text = "来" * filler + "".join(pieces) + "42" + "去" * figures._URL_REACH
    digits = [k for k, c in enumerate(text) if c.isdigit()]
    start = data.draw(st.sampled_from(digits))
    assert _not_a_figure(text, start) == _not_a_figure_bounded(text, start)
