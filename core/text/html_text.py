"""The visible text of an HTML page, as a reader would see it, from ``html.parser``.

For an HTML input this text *is* the document text: every offset Redline reports
indexes it. Script, style, template and noscript content and the ``<head>`` are
dropped, except the ``<title>``, which becomes the first line. Entities are decoded;
block elements become line breaks, with a blank line between paragraphs; runs of
HTML white space inside running text collapse to one space (not inside ``<pre>``).
Broken markup never raises: whatever was read is returned.

``html.parser`` rescans an unterminated construct from its start each time it
retries it, so a flood of them (``<!--`` or ``<a `` repeated, no ``>`` after) takes
quadratic time. Before parsing, a linear scan finds the part of the page where no
construct can end: after the last ``>`` every ``<`` stays open (that tail is text,
as the parser would give it, with entities decoded), and a run of comment or
marked-section openers after the last ``-->`` or ``]`` is a comment to the end of
the page (hidden, as browsers hide it). The rest, where every construct ends, is
parsed as before. A ``<`` that opens nothing is escaped first, so that a run of
them is one piece of text for the parser, not one call per character.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

_HIDDEN = frozenset({"script", "style", "template", "noscript"})
_HEAD_ONLY = frozenset({"title", "meta", "link", "base", "style", "script", "noscript", "template"})
_PARAGRAPHS = frozenset(
    {
        "address", "article", "aside", "blockquote", "details", "dl", "fieldset",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul",
    }
)  # fmt: skip
_LINES = frozenset(
    {
        "caption", "dd", "div", "dt", "figcaption", "legend", "li", "option",
        "summary", "tbody", "tfoot", "thead", "tr",
    }
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
# This many comment openers that can never close are parsed as usual (each costs
# one scan to the end); more are cut off as one comment to the end of the page.
_FEW_UNCLOSED = 8
# A "<" that opens nothing is text; the parser hands it over one character at a time.
_LONE_LT = re.compile(r"<(?![A-Za-z/!?])")


class _TextExtractor(HTMLParser):
    """Collects visible text; line structure is resolved lazily at the next text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._hidden_depth = 0
        self._pre_depth = 0
        self._in_head = False
        self._in_title = False
        self._seen_title = False
        self._pending_breaks = 0  # newlines owed before the next text
        self._pending_space = False
        self._at_line_start = True

    # Structure -------------------------------------------------------------------

    def _block(self, newlines: int) -> None:
        if self.parts:
            self._pending_breaks = max(self._pending_breaks, newlines)
        self._pending_space = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "head":
            self._in_head = True
            return
        if self._in_head and tag not in _HEAD_ONLY:
            self._in_head = False  # a body element closes an unclosed head
        if tag in _HIDDEN:
            self._hidden_depth += 1
        elif tag == "title" and not self._seen_title:
            self._in_title = True
        elif tag == "br":
            self._line_break()
        elif tag in _PARAGRAPHS:
            self._block(2)
            if tag == "pre":
                self._pre_depth += 1
        elif tag in _LINES:
            self._block(1)
        elif tag in _CELLS and not (self._at_line_start or self._pending_breaks):
            self._pending_space = False
            self._emit("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag == "head" or tag == "body":
            self._in_head = False
        elif tag in _HIDDEN:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag == "title" and self._in_title:
            self._in_title = False
            self._seen_title = True
        elif tag in _PARAGRAPHS:
            if tag == "pre":
                self._pre_depth = max(0, self._pre_depth - 1)
            self._block(2)
        elif tag in _LINES:
            self._block(1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # "<div/>" or "<script/>" do not open an element that swallows what follows.
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "head"):
            self.handle_endtag(tag)

    # Text ------------------------------------------------------------------------

    def _line_break(self) -> None:
        self._flush_breaks()
        self.parts.append("\n")
        self._pending_space = False
        self._at_line_start = True

    def _flush_breaks(self) -> None:
        if self._pending_breaks and self.parts:
            self._strip_trailing_spaces()
            self.parts.append("\n" * self._pending_breaks)
            self._at_line_start = True
        self._pending_breaks = 0

    def _strip_trailing_spaces(self) -> None:
        while self.parts and self.parts[-1].endswith((" ", "\t")):
            self.parts[-1] = self.parts[-1].rstrip(" \t")
            if not self.parts[-1]:
                self.parts.pop()

    def _emit(self, text: str) -> None:
        self._flush_breaks()
        if self._pending_space and not self._at_line_start:
            self.parts.append(" ")
        self._pending_space = False
        self.parts.append(text)
        self._at_line_start = text.endswith("\n")

    def handle_data(self, data: str) -> None:
        if self._hidden_depth:
            return
        if self._in_title:
            self.title.append(data)
            return
        if self._in_head:
            if not data.strip(" \t\n\r\f"):
                return
            self._in_head = False  # stray text in the head: browsers show it
        if self._pre_depth:
            self._emit(data.replace("\r\n", "\n").replace("\r", "\n"))
            return
        collapsed = _HTML_SPACE.sub(" ", data)
        if collapsed.startswith(" "):
            self._pending_space = True
            collapsed = collapsed[1:]
        if not collapsed:
            return
        trailing = collapsed.endswith(" ")
        self._emit(collapsed.rstrip(" ") if trailing else collapsed)
        self._pending_space = trailing

    def text(self) -> str:
        body = "".join(self.parts).strip("\n")
        body = "\n".join(line.rstrip(" \t") for line in body.split("\n"))
        title = _HTML_SPACE.sub(" ", "".join(self.title)).strip(" ")
        if title and body:
            return f"{title}\n\n{body}"
        return title or body


def html_to_text(markup: str) -> str:
    """Return the visible text of an HTML document.

    Args:
        markup: the decoded HTML source.

    Returns:
        The title (if any) as the first line, a blank line, then the body text with
        one line per block and a blank line between paragraphs. Never raises on
        malformed markup.
    """
    parser = _TextExtractor()
    feed_all(parser, markup)
    return parser.text()


def feed_all(parser: HTMLParser, markup: str) -> None:
    """Feed ``markup`` to ``parser`` in linear time, never raising: what cannot be
    closed is given as text (``split_unclosable``), and a malformed declaration that
    makes ``html.parser`` give up ("<![" ...) keeps what was read before it."""
    head, tail = split_unclosable(markup)
    try:
        parser.feed(head)
        parser.close()
    except (AssertionError, ValueError, IndexError):
        pass
    if tail and not parser.cdata_elem:
        parser.handle_data(unescape(tail))


def _cut_unclosed(markup: str, opener: str, closer: str) -> str:
    """Cut ``markup`` at the first of many ``opener`` after the last ``closer``."""
    start = markup.rfind(closer) + 1
    if markup.count(opener, start) <= _FEW_UNCLOSED:
        return markup
    return markup[: markup.find(opener, start)]


def split_unclosable(markup: str) -> tuple[str, str]:
    """``(markup to parse, tail to take as text)``, in linear time (see the module)."""
    if "<" in markup:
        markup = _LONE_LT.sub("&lt;", markup)  # one text run instead of one call each
    last_close = markup.rfind(">")
    head, tail = markup, ""
    if "<" in markup[last_close + 1 :]:
        head, tail = markup[: last_close + 1], markup[last_close + 1 :]
    for opener, closer in (("<!--", "-->"), ("<![", "]")):
        cut = _cut_unclosed(head, opener, closer)
        if len(cut) < len(head):
            head, tail = cut, ""
    return head, tail
