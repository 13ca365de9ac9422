"""The article in a saved web page: headline, byline and body, without the page's chrome.

A page saved from a news site holds the story among menus, share buttons, cookie
banners, "read more" boxes, advertisements, reader comments and footers. This module
keeps what a reader takes for the article, with ``html.parser`` only (no compiled
library; why not trafilatura or readability: ``docs/formats.md``):

1. The page is parsed into a tree (the same linear guard against unterminated
   constructs as ``html_text``). Subtrees that are never the article are dropped:
   ``nav``, ``aside``, ``footer``, ``form``, ``figure``, buttons, scripts; an element
   (not an inline one) whose ``id``, ``class`` or ``role`` names chrome (``cookie``,
   ``share``, ``related``, ``comments``, ``newsletter``, ``sidebar``, ``ad`` ...); an
   element with a form control and little text (a sign-up box).
2. The rest is cut into blocks: block elements and ``<br>`` end one (a ``<pre>``
   keeps its lines). A block is *prose* when it has 40 characters or more and at
   most a third of it is link text.
3. The **article container** is the deepest element holding at least
   ``CONTAINER_SHARE`` of the page's prose: the story's body, not the page around it.
   Its blocks are kept, except those mostly made of links ("Read more: ...").
4. The **headline** is the ``h1`` most like the ``<title>`` (else the title itself,
   without the site's name), the **byline** a short block after it marked as one
   (``byline``, ``author`` ... in its ``class``, ``itemprop`` or ``rel``) or starting
   with "By", and a **standfirst** any prose between them and the body; each is put
   before the body when the container does not already hold it.

A page with too little prose for this to mean anything (under ``MIN_PROSE``
characters) is read as all its visible text (``html_text``), as ``--html-text all``
reads every page. Never raises on malformed markup; linear in the page's size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from core.text.html_text import feed_all, html_to_text

CONTAINER_SHARE = 0.8
"""The article container holds at least this share of the page's prose."""
MIN_PROSE = 200
"""With fewer characters of prose the page is read as all its visible text."""
PROSE_CHARS = 40
"""A block this long (and not mostly links) is prose."""

_HIDDEN = frozenset(
    {
        "script", "style", "template", "noscript", "head", "nav", "aside", "footer",
        "form", "figure", "button", "select", "textarea", "iframe", "svg", "menu",
        "dialog", "object", "video", "audio", "canvas", "map",
    }
)  # fmt: skip
_VOID = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr",
    }
)  # fmt: skip
_BLOCKS = frozenset(
    {
        "address", "article", "blockquote", "body", "caption", "dd", "details", "div",
        "dl", "dt", "fieldset", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "html", "legend", "li", "main", "ol", "p", "pre", "section", "summary",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "center",
    }
)  # fmt: skip
_CONTROLS = frozenset({"input", "button", "select", "textarea"})
_HEAD_ONLY = frozenset({"title", "meta", "link", "base", "style", "script", "noscript", "template"})
# An element of these opened while one of the same kind is the open one closes it
# (an unclosed <li> or <td> is not a parent of the next).
_SIBLINGS = {"li": "li", "dt": "dd dt", "dd": "dd dt", "tr": "tr", "td": "td th", "th": "td th"}
_SIBLINGS.update({"option": "option"})
# Chrome named in id/class/role: a substring anywhere, or one whole word of the name.
# Only elements that hold blocks are judged by their name: a <span class="comment">
# is a word of the text (a code comment, a highlighted name), not a comment section.
_CHROME_PART = re.compile(
    r"cookie|consent|gdpr|share|sharing|social|newsletter|advert|sponsor|promo|sidebar|"
    r"widget|breadcrumb|related|recommend|popular|trending|most-?read|subscri|signup|"
    r"sign-up|paywall|masthead|comment(?!ary|ator)|disqus|respond|outbrain|taboola|toolbar|"
    r"skip-?link"
)
_INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font",
        "i", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong",
        "sub", "sup", "time", "tt", "u", "var",
    }
)  # fmt: skip
_CHROME_WORD = frozenset(
    {
        "ad", "ads", "nav", "navbar", "menu", "footer", "tags", "tag", "more", "banner",
        "print", "modal", "popup", "reply", "rating", "navigation", "pagination",
    }
)  # fmt: skip
_BYLINE = re.compile(r"byline|author|\bby\b|dateline|credit|contributor|writer|entry-meta")
_WORDS = re.compile(r"[a-z0-9]+")
_SPACE = re.compile(r"[ \t\n\r\f]+")
_LETTER = re.compile(r"[^\W\d_]")
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·:-]\s+")
_HEAD_BLOCKS = 5  # after the headline, where its byline and standfirst stand
_FEW_CONTROL_CHARS = 300  # an element with a form control and less text is a form


@dataclass(slots=True)
class _Node:
    tag: str
    hint: str
    parent: _Node | None = field(repr=False)
    children: list[_Node | str] = field(default_factory=list)
    chrome: bool = False
    control: bool = False


def _hint(attrs: list[tuple[str, str | None]]) -> str:
    return " ".join(
        (value or "").lower()
        for name, value in attrs
        if name in ("id", "class", "role", "itemprop", "rel")
    )


def _is_chrome(hint: str) -> bool:
    if not hint:
        return False
    if _CHROME_PART.search(hint):
        return True
    return any(word in _CHROME_WORD for word in _WORDS.findall(hint))


class _TreeBuilder(HTMLParser):
    """A forgiving tree: an end tag closes up to its open element, or is ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", "", None)
        self._open = self.root
        self._open_counts: dict[str, int] = {}
        self.title: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = not self.title
            return
        if self._open.tag == "head" and tag not in _HEAD_ONLY:
            self.handle_endtag("head")  # a body element closes an unclosed head
        if tag == "p" and self._open_counts.get("p"):
            self.handle_endtag("p")  # a paragraph opening inside <p> closes it
        elif self._open.tag in _SIBLINGS.get(tag, "").split():
            self.handle_endtag(self._open.tag)
        node = _Node(tag, _hint(attrs), self._open)
        named = tag not in _INLINE and tag not in ("html", "body") and _is_chrome(node.hint)
        node.chrome = tag in _HIDDEN or named
        if tag == "input" and any(n == "type" and v == "hidden" for n, v in attrs):
            node.chrome = True
        node.control = tag in _CONTROLS
        self._open.children.append(node)
        if tag not in _VOID:
            self._open = node
            self._open_counts[tag] = self._open_counts.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and tag != "title":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            return
        if not self._open_counts.get(tag):
            return
        node = self._open
        while node.parent is not None:
            self._open_counts[node.tag] -= 1
            closed, node = node, node.parent
            if closed.tag == tag:
                break
        self._open = node

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        else:
            self._open.children.append(data)


@dataclass(slots=True)
class _Block:
    text: str
    link_chars: int
    headline: bool
    byline: bool

    @property
    def prose(self) -> int:
        """Characters of prose this block gives (0 when short or mostly links)."""
        size = len(self.text)
        if size < PROSE_CHARS or 3 * self.link_chars > size:
            return 0
        return size - self.link_chars


class _Blocks:
    """Cuts the kept tree into blocks and records each element's range of them."""

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self.ranges: list[tuple[int, int, int]] = []  # (depth, first, end) per element
        self._parts: list[str] = []
        self._link_chars = 0
        self._in_link = 0
        self._headline = 0
        self._byline = 0
        self._in_byline = False
        self._pre = 0

    def flush(self) -> None:
        if self._pre:  # preformatted: its lines as they are
            lines = "".join(self._parts).replace("\r\n", "\n").split("\n")
            text = "\n".join(line.rstrip() for line in lines).strip("\n")
        else:
            text = _SPACE.sub(" ", "".join(self._parts)).strip(" ")
        if _LETTER.search(text):
            link_chars = min(self._link_chars, len(text))
            self.blocks.append(_Block(text, link_chars, self._headline > 0, self._in_byline))
        self._parts = []
        self._link_chars = 0
        self._in_byline = False

    def text(self, data: str) -> None:
        self._parts.append(data)
        if self._in_link:
            self._link_chars += len(data.strip())
        if self._byline and data.strip():  # an inline author link marks its whole line
            self._in_byline = True

    def walk(self, root: _Node) -> None:
        # Explicit stack: pages nest elements deeper than Python's recursion allows.
        stack: list[tuple[_Node | str, int, bool]] = [(root, 0, False)]
        starts: list[int] = []
        while stack:
            item, depth, leaving = stack.pop()
            if isinstance(item, str):
                self.text(item)
                continue
            if leaving:
                self._leave(item, depth, starts.pop())
                continue
            if item.chrome:
                continue
            self._enter(item)
            starts.append(len(self.blocks))
            stack.append((item, depth, True))
            stack.extend((child, depth + 1, False) for child in reversed(item.children))

    def _enter(self, node: _Node) -> None:
        if node.tag in _BLOCKS or node.tag == "br":
            self.flush()
        self._in_link += node.tag == "a"
        self._headline += node.tag == "h1"
        self._byline += bool(node.hint and _BYLINE.search(node.hint))
        self._pre += node.tag == "pre"

    def _leave(self, node: _Node, depth: int, first: int) -> None:
        if node.tag in _BLOCKS:
            self.flush()
            self.ranges.append((depth, first, len(self.blocks)))
        self._in_link -= node.tag == "a"
        self._headline -= node.tag == "h1"
        self._byline -= bool(node.hint and _BYLINE.search(node.hint))
        self._pre -= node.tag == "pre"


def _mark_forms(root: _Node) -> None:
    """Mark as chrome each element that holds a form control and little text."""
    order: list[_Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(child for child in node.children if isinstance(child, _Node))
    text_size: dict[int, int] = {}
    has_control: dict[int, bool] = {}
    for node in reversed(order):  # children before their parents
        size = 0
        control = False
        for child in node.children:
            if isinstance(child, str):
                size += len(child.strip())
            elif child.control:  # a button counts though it is never text
                control = True
            elif not child.chrome:
                size += text_size[id(child)]
                control = control or has_control[id(child)]
        text_size[id(node)], has_control[id(node)] = size, control
        if control and size < _FEW_CONTROL_CHARS and node.parent is not None:
            node.chrome = True
            text_size[id(node)], has_control[id(node)] = 0, False


def _title_words(title: str) -> set[str]:
    return set(_WORDS.findall(title.casefold()))


def _page_title(title: str) -> str:
    """The page title without the site's name (the longest part between separators)."""
    parts = [part.strip() for part in _TITLE_SEPARATORS.split(title) if part.strip()]
    return max(parts, key=len) if parts else ""


def article_text(markup: str) -> str:
    """Return the article of a saved web page: headline, byline, body paragraphs.

    Args:
        markup: the decoded HTML source.

    Returns:
        The paragraphs separated by a blank line; all the visible text
        (``html_to_text``) when the page has too little prose to find an article in.
    """
    builder = _TreeBuilder()
    feed_all(builder, markup)
    _mark_forms(builder.root)
    cutter = _Blocks()
    cutter.walk(builder.root)
    cutter.flush()
    blocks = cutter.blocks
    total = sum(block.prose for block in blocks)
    if total < MIN_PROSE:
        return html_to_text(markup)
    prefix = [0]
    for block in blocks:
        prefix.append(prefix[-1] + block.prose)
    first, end = 0, len(blocks)
    deepest = -1
    for depth, start, stop in cutter.ranges:
        if depth > deepest and prefix[stop] - prefix[start] >= CONTAINER_SHARE * total:
            deepest, first, end = depth, start, stop
    body = [b.text for b in blocks[first:end] if 2 * b.link_chars <= len(b.text)]
    title = _SPACE.sub(" ", "".join(builder.title)).strip(" ")
    return "\n\n".join(_heading(blocks, first, title) + body)


def _heading(blocks: list[_Block], first: int, title: str) -> list[str]:
    """Headline, byline and standfirst to put before the body, when they stand
    before it (within ``_HEAD_BLOCKS`` blocks after the headline)."""
    wanted = _title_words(title)
    headlines = [n for n, block in enumerate(blocks) if block.headline]
    if not headlines:
        shown = _page_title(title)
        if not shown or (first < len(blocks) and blocks[first].text == shown):
            return []
        return [shown]
    best = max(
        headlines,
        key=lambda n: (len(_title_words(blocks[n].text) & wanted), n < first, -abs(first - n)),
    )
    if best >= first:
        return []
    out = [blocks[best].text]
    byline = False
    for block in blocks[best + 1 : min(first, best + 1 + _HEAD_BLOCKS)]:
        if len(block.text) <= 200 and (block.byline or block.text[:3].lower() == "by "):
            if not byline:
                out.append(block.text)
            byline = True
        elif block.prose and not block.headline:  # a standfirst (dek) under the headline
            out.append(block.text)
    return out
