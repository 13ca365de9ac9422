"""Wire copy in XML: NITF and IPTC NewsML-G2.

The text is the headline, byline and dateline, each a paragraph, then the body's
paragraphs. NITF: ``hedline/hl1``, ``byline``, ``dateline`` and the paragraphs of
``body.content``. NewsML-G2: ``contentMeta`` gives ``headline``, ``by`` and
``dateline``; the body is the ``inlineXML`` (XHTML or NITF) or ``inlineData``
(plain text) of the first ``newsItem``. Elements are matched by local name, so
any namespace version reads. Title, author and date are the headline, the byline
and the issue (NITF) or content-created (NewsML-G2) date.
"""

from __future__ import annotations

import contextlib
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from core.model import Metadata, SourceKind
from core.text.formats.base import Extracted, FormatError, join_paragraphs
from core.text.formats.safe_xml import parse_xml

_BLOCKS = frozenset(
    "p h1 h2 h3 h4 h5 h6 hl1 hl2 li dt dd td th pre blockquote byline dateline".split()
)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _find(root: ET.Element, *path: str) -> ET.Element | None:
    """The first element down ``path`` (local names; ``*`` any depth first)."""
    found: ET.Element | None = root
    for name in path:
        if found is None:
            return None
        found = next((e for e in found.iter() if e is not found and _local(e.tag) == name), None)
    return found


def _first(*elements: ET.Element | None) -> ET.Element:
    """The first that is found (an element without children is false: no ``or``)."""
    for element in elements:
        if element is not None:
            return element
    raise FormatError("no such element")


def _text(element: ET.Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _blocks(root: ET.Element) -> Iterator[str]:
    """The text of each outermost block element under ``root``, in order."""
    stack = [root]
    while stack:
        element = stack.pop()
        if _local(element.tag) in _BLOCKS and element is not root:
            yield _text(element)
        else:
            stack.extend(reversed(list(element)))


class _RootFound(Exception):
    pass


def root_kind(data: bytes) -> SourceKind | None:
    """``nitf`` or ``newsml`` from the root element's name, or None."""
    from xml.parsers import expat

    found: list[str] = []

    def start(name: str, _attrs: object) -> None:
        found.append(name.rsplit(" ", 1)[-1])
        raise _RootFound

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    with contextlib.suppress(_RootFound, expat.ExpatError):
        parser.Parse(data[:65536], False)
    if not found:
        return None
    if found[0] == "nitf":
        return "nitf"
    return "newsml" if found[0] in ("newsMessage", "newsItem") else None


def _nitf(root: ET.Element) -> tuple[list[str], Metadata]:
    headline = _text(_find(root, "hedline", "hl1")) or _text(_find(root, "title"))
    byline = _text(_find(root, "byline"))
    dateline = _text(_find(root, "dateline"))
    content = _find(root, "body.content")
    body = list(_blocks(content)) if content is not None else []
    issue = _find(root, "date.issue")
    date = issue.get("norm", "") if issue is not None else ""
    return [headline, byline, dateline, *body], Metadata(headline, byline, date)


def _newsml(root: ET.Element) -> tuple[list[str], Metadata]:
    item = root if _local(root.tag) == "newsItem" else _find(root, "newsItem")
    if item is None:
        raise FormatError("NewsML-G2 without a newsItem")
    meta = _find(item, "contentMeta")
    headline = _text(_find(meta, "headline")) if meta is not None else ""
    byline = _text(_find(meta, "by")) if meta is not None else ""
    dateline = _text(_find(meta, "dateline")) if meta is not None else ""
    body: list[str] = []
    inline = _find(item, "inlineXML")
    if inline is not None:
        content = _first(_find(inline, "body.content"), _find(inline, "body"), inline)
        body = list(_blocks(content))
    else:
        data = _find(item, "inlineData")
        body = ("".join(data.itertext()) if data is not None else "").split("\n\n")
    created = _find(item, "contentCreated")
    if created is None:
        created = _find(item, "versionCreated")
    date = (created.text or "").strip() if created is not None else ""
    return [headline, byline, dateline, *body], Metadata(headline, byline, date)


def read_news_xml(data: bytes, kind: SourceKind) -> Extracted:
    """The story of a NITF or NewsML-G2 file.

    Raises:
        FormatError: not NITF or NewsML-G2, broken XML, a DTD, or no text.
    """
    root = parse_xml(data, "the XML")
    if kind == "nitf":
        paragraphs, metadata = _nitf(root)
    else:
        paragraphs, metadata = _newsml(root)
    text = join_paragraphs(paragraphs)
    if not text:
        raise FormatError(f"{'NITF' if kind == 'nitf' else 'NewsML-G2'} file with no story text")
    return Extracted(text, kind, metadata)
