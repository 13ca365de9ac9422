"""OpenDocument text (``.odt``): paragraphs and headings in order, tables cell by
cell, lists item by item, notes after the body (marked ``[1]``), metadata.

Tracked changes are stored apart from the text in ODF (``text:tracked-changes``):
the body already reads as with every change accepted, so the change region is
skipped and their number is a warning.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from core.model import Metadata
from core.text.formats.archive import Archive
from core.text.formats.base import Extracted, FormatError, join_paragraphs
from core.text.formats.safe_xml import parse_xml

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_PARAGRAPHS = frozenset({_TEXT + "p", _TEXT + "h"})
_SKIPPED = frozenset({_TEXT + "tracked-changes", _TEXT + "note-citation", _OFFICE + "annotation"})
MIMETYPE = "application/vnd.oasis.opendocument.text"


def is_odt(archive: Archive) -> bool:
    """Whether the archive is an OpenDocument text (its ``mimetype`` says so)."""
    if not archive.has("mimetype") or not archive.has("content.xml"):
        return False
    return archive.read("mimetype").strip() == MIMETYPE.encode()


class _Reader:
    def __init__(self) -> None:
        self.notes: list[str] = []
        self.changes = 0

    def paragraphs(self, root: ET.Element) -> list[str]:
        """Paragraphs under ``root`` in document order (an explicit stack: any depth)."""
        out: list[str] = []
        stack = [root]
        while stack:
            element = stack.pop()
            if element.tag == _TEXT + "tracked-changes":
                self.changes += sum(1 for _ in element.iter(_TEXT + "changed-region"))
            elif element.tag in _PARAGRAPHS:
                out.append(self._inline(element))
            else:
                stack.extend(reversed(list(element)))
        return out

    def _inline(self, paragraph: ET.Element) -> str:
        parts: list[str] = []
        stack: list[ET.Element | str] = [paragraph]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                parts.append(item)
                continue
            tag = item.tag
            if item is not paragraph and item.tail:
                stack.append(item.tail)
            if tag in _SKIPPED:
                continue
            if tag == _TEXT + "note":
                self.notes.append(self._note(item))
                parts.append(f"[{len(self.notes)}]")
                continue
            if tag == _TEXT + "s":
                parts.append(" " * int(item.get(_TEXT + "c", "1") or 1))
            elif tag == _TEXT + "tab":
                parts.append("\t")
            elif tag == _TEXT + "line-break":
                parts.append("\n")
            children = list(item)
            stack.extend(reversed(children))
            if item.text:
                stack.append(item.text)
        return "".join(parts)

    def _note(self, note: ET.Element) -> str:
        body = note.find(_TEXT + "note-body")
        found = self.paragraphs(body) if body is not None else []
        return "\n\n".join(p.strip() for p in found if p.strip())


def _metadata(archive: Archive) -> Metadata:
    if not archive.has("meta.xml"):
        return Metadata()
    root = parse_xml(archive.read("meta.xml"), "meta.xml")

    def value(*tags: str) -> str:
        for tag in tags:
            found = root.find(f".//{tag}")
            if found is not None and (found.text or "").strip():
                return (found.text or "").strip()
        return ""

    return Metadata(
        value(_DC + "title"),
        value(_DC + "creator", _META + "initial-creator"),
        value(_DC + "date", _META + "creation-date"),
    )


def read_odt(archive: Archive) -> Extracted:
    """The text of an OpenDocument text.

    Raises:
        FormatError: a part is missing, broken, declares a DTD or is too large.
    """
    root = parse_xml(archive.read("content.xml"), "content.xml")
    body = root.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise FormatError("content.xml has no text body (not a text document)")
    reader = _Reader()
    paragraphs = reader.paragraphs(body)
    paragraphs += [f"[{n}] {note}" for n, note in enumerate(reader.notes, 1)]
    warnings = (f"{reader.changes} tracked change(s) read as accepted",) if reader.changes else ()
    return Extracted(join_paragraphs(paragraphs), "odt", _metadata(archive), warnings)
