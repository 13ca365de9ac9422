"""Visible text of HTML: what a reader sees, never a crash on broken markup."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.text.html_text import html_to_text


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("", ""),
        ("plain words", "plain words"),
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("<p>a  \n\t b</p>", "a b"),
        ("a <b>bold</b> <i>word</i>.", "a bold word."),
        ("<p>x<b>y</b>z</p>", "xyz"),
        ("<div>a</div><div>b</div>", "a\nb"),
        ("line<br>next<br/>last", "line\nnext\nlast"),
        ("<ul><li>one</li><li>two</li></ul><p>after</p>", "one\ntwo\n\nafter"),
        ("<h1>Head</h1>Body", "Head\n\nBody"),
        ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a\tb\nc"),
        ("<blockquote>q</blockquote><section>s</section>", "q\n\ns"),
        ("<pre>  keep\n    indent</pre>", "  keep\n    indent"),
        ("&amp; &lt;b&gt; &eacute; &#233; &#x1F600; &nbsp;x", "& <b> é é 😀 \xa0x"),
    ],
)
def test_structure_and_whitespace(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<script>alert(1)</script>shown", "shown"),
        ("<style>p { color: red }</style>shown", "shown"),
        ("<template><p>later</p></template>shown", "shown"),
        ("<noscript>enable js</noscript>shown", "shown"),
        ("<script>var s = '<p>not text</p>';</script>shown", "shown"),
        ("<head><meta charset=utf-8><link rel=x></head><body>shown</body>", "shown"),
    ],
)
def test_hidden_content_is_dropped(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


def test_title_is_the_first_line() -> None:
    markup = (
        "<!DOCTYPE html><html><head><title> Storm  hits\ncoast </title>"
        "<style>h1{}</style></head><body><h1>Storm</h1><p>It rained.</p></body></html>"
    )
    assert html_to_text(markup) == "Storm hits coast\n\nStorm\n\nIt rained."


def test_escaped_markup_comes_out_literally() -> None:
    markup = (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x "
        "onerror=alert(1)&gt; {{ }} &amp;amp;</p>"
    )
    assert html_to_text(markup) == (
        '<script>alert(1)</script> "><img src=x onerror=alert(1)> {{ }} &amp;'
    )


@pytest.mark.parametrize(
    "markup",
    [
        "<",
        "<p",
        "<!--",
        "<![if x]><p>a",
        "<![CDATA[x]]>y",
        "</p></div>text",
        "<div><p>unclosed <b>tags",
        "<a href='x>broken",
        "&#x110000; &#0; &bogus;",
        "<template>never closed",
        "<head>stray text in head<p>x",
        "\x00\ufffd<p>\x1e</p>",
    ],
)
def test_broken_markup_never_raises(markup: str) -> None:
    assert isinstance(html_to_text(markup), str)


_PIECES = st.sampled_from(
    ["<p>", "</p>", "<script>", "</script>", "<![", "<!--", "-->", "&#", "&amp", "<pre>",
     "<br/>", "<td>", "<title>", "<head>", "]]>", "<!DOCTYPE", "<", ">", "/", "!", "a",
     " ", "\n", "'", '"', "=", "&", ";", "x"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_fuzzed_markup_never_raises(markup: str) -> None:
    text = html_to_text(markup)
    assert "<script>" not in text or "<script>" in markup


def _unguarded(markup: str) -> str:
    """What html.parser alone makes of ``markup`` (quadratic on floods)."""
    from core.text.html_text import _TextExtractor

    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    return parser.text()


@pytest.mark.parametrize(
    "markup",
    [
        "<p>Story</p>" + "<a " * 50,
        "<p>Story</p>" + "<!--" * 50,
        "<p>Story &amp; more</p> tail &eacute; <b",
        "<p>a < b and c <= d</p><< <  <",
        "<pre>x << y</pre>" + "<" * 30,
        "<script>if (a < b) {}</script><p>after</p><a href='x",
        "<p>one</p><!-- closed --> <!-- open",
    ],
)
def test_guard_gives_the_parsers_text(markup: str) -> None:
    assert html_to_text(markup) == _unguarded(markup)


def test_flood_tail_never_reaches_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """html.parser rescans each open ``<a `` to the end: the tail is text instead."""
    from core.text import html_text

    fed: list[str] = []
    original = html_text._TextExtractor.feed
    monkeypatch.setattr(
        html_text._TextExtractor,
        "feed",
        lambda self, data: fed.append(data) or original(self, data),
    )
    assert html_to_text("<p>Story</p>" + "<a " * 1000) == "Story\n\n" + ("<a " * 1000).rstrip()
    assert fed == ["<p>Story</p>"]
    fed.clear()
    assert html_to_text("<p>Story</p>" + "<!-- >" * 1000) == "Story"  # one comment to the end
    assert fed == ["<p>Story</p>"]
    fed.clear()
    assert html_to_text("<p>" + "<" * 1000 + "</p>") == "<" * 1000  # one text run
    assert fed == ["<p>" + "&lt;" * 1000 + "</p>"]
