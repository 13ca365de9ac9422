"""Word documents (``.docx``): the text of the body, then the notes.

Body paragraphs and tables come in document order, each paragraph (a heading, a
table cell's paragraph, a text box's) as its own paragraph. Footnote and endnote
references stay in the text as ``[1]`` and ``[i]``; the notes follow the body, each
marked the same way. Tracked changes are read as accepted (``current``) or as
rejected (``original``): inserted and moved-to text is kept or dropped, deleted and
moved-from text dropped or kept, and a paragraph whose mark was inserted or deleted
joins the next one. Their number is a warning. Title, author and date come from the
core properties. The tree is walked with an explicit stack: nesting depth is
whatever the file holds.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from core.model import Metadata
from core.text.formats.archive import Archive
from core.text.formats.base import DocxRevisions, Extracted, FormatError, join_paragraphs
from core.text.formats.safe_xml import parse_xml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"

_INSERTED = frozenset({W + "ins", W + "moveTo"})
_DELETED = frozenset({W + "del", W + "moveFrom"})
_REVISIONS = _INSERTED | _DELETED
# Never text: properties, field instructions, the alternative of a choice already read.
_SKIPPED = frozenset(
    {
        W + "pPr",
        W + "rPr",
        W + "tblPr",
        W + "tblGrid",
        W + "tcPr",
        W + "trPr",
        W + "sectPr",
        W + "instrText",
        W + "delInstrText",
        W + "fldData",
        W + "footnoteRef",
        W + "endnoteRef",
        W + "annotationRef",
        _MC + "Fallback",
    }
)
_LEAVES = {
    W + "t": None,
    W + "delText": None,
    W + "tab": "\t",
    W + "ptab": "\t",
    W + "br": "\n",
    W + "cr": "\n",
    W + "noBreakHyphen": "-",
}


def _roman(number: int) -> str:
    """Lower-case Roman numerals, Word's default for endnotes."""
    out = []
    for value, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


@dataclass(slots=True)
class _Reader:
    """State of one walk: the mode, the revisions met, the note numbers given."""

    mode: DocxRevisions
    revisions: int = 0
    footnotes: dict[str, str] = field(default_factory=dict)  # w:id -> shown mark
    endnotes: dict[str, str] = field(default_factory=dict)

    def _dropped(self, tag: str) -> bool:
        return tag in (_DELETED if self.mode == "current" else _INSERTED)

    def _mark_removed(self, paragraph: ET.Element) -> bool:
        """Whether the paragraph's mark is removed in this mode (it joins the next)."""
        marks = paragraph.find(f"{W}pPr/{W}rPr")
        if marks is None:
            return False
        found = [child.tag for child in marks if child.tag in _REVISIONS]
        self.revisions += len(found)
        return any(self._dropped(tag) for tag in found)

    def _row_dropped(self, row: ET.Element) -> bool:
        props = row.find(W + "trPr")
        if props is None:
            return False
        found = [child.tag for child in props if child.tag in _REVISIONS]
        self.revisions += len(found)
        return any(self._dropped(tag) for tag in found)

    def _note_mark(self, element: ET.Element) -> str:
        note_id = element.get(W + "id", "")
        if element.tag == W + "footnoteReference":
            return self.footnotes.setdefault(note_id, str(len(self.footnotes) + 1))
        return self.endnotes.setdefault(note_id, _roman(len(self.endnotes) + 1))

    def paragraphs(self, root: ET.Element) -> list[str]:
        """The paragraphs under ``root``, in document order, revisions applied."""
        done: list[tuple[str, bool]] = []  # (text, joins the next)
        open_texts: list[list[str]] = []
        held: list[list[tuple[str, bool]]] = []  # text-box paragraphs, after their host
        for element, entering in _walk(root, self._enter):
            if element.tag == W + "p":
                if entering:
                    open_texts.append([])
                    held.append([])
                    continue
                finished = ("".join(open_texts.pop()), self._mark_removed(element))
                inner = held.pop()
                target = held[-1] if held else done
                target.append(finished)
                target.extend(inner)
            elif entering and open_texts:
                open_texts[-1].append(self._leaf_text(element))
        return _join_marks(done)

    def _enter(self, element: ET.Element) -> bool:
        """Whether to walk into ``element`` (revisions of the other mode are not)."""
        tag = element.tag
        if tag in _REVISIONS:
            self.revisions += 1
            return not self._dropped(tag)
        if tag == W + "tr":
            return not self._row_dropped(element)
        if tag == _MC + "AlternateContent":
            # Only the first choice: the fallback repeats the same text.
            for index, child in enumerate(list(element)):
                if index > 0 and child.tag == _MC + "Choice":
                    element.remove(child)
        return tag not in _SKIPPED

    def _leaf_text(self, element: ET.Element) -> str:
        tag = element.tag
        if tag in _LEAVES:
            fixed = _LEAVES[tag]
            return element.text or "" if fixed is None else fixed
        if tag in (W + "footnoteReference", W + "endnoteReference"):
            return f"[{self._note_mark(element)}]"
        return ""


def _walk(
    root: ET.Element, enter: Callable[[ET.Element], bool]
) -> Iterator[tuple[ET.Element, bool]]:
    """Yield ``(element, True)`` on the way in and ``(element, False)`` on the way out,
    for every element ``enter(element)`` lets in (the others are skipped whole)."""
    stack: list[tuple[ET.Element, Iterator[ET.Element]]] = []
    if enter(root):
        yield root, True
        stack.append((root, iter(root)))
    while stack:
        parent, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            yield parent, False
        elif enter(child):
            yield child, True
            stack.append((child, iter(child)))


def _join_marks(paragraphs: list[tuple[str, bool]]) -> list[str]:
    """Join each paragraph whose mark is removed with the one after it."""
    out: list[str] = []
    carry = ""
    for text, joins in paragraphs:
        if joins:
            carry += text
        else:
            out.append(carry + text)
            carry = ""
    if carry:
        out.append(carry)
    return out


def _relationships(archive: Archive, part: str) -> dict[str, str]:
    """Relationship type (its last word: ``footnotes``) -> target part, for ``part``
    (``""``: the package's own relationships)."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    if not archive.has(rels_name):
        return {}
    targets: dict[str, str] = {}
    for rel in parse_xml(archive.read(rels_name), rels_name).iter(_REL + "Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        full = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        targets.setdefault(kind, posixpath.normpath(full))
    return targets


def _metadata(archive: Archive, part: str | None) -> Metadata:
    if part is None or not archive.has(part):
        return Metadata()
    root = parse_xml(archive.read(part), part)

    def value(tag: str) -> str:
        found = root.find(tag)
        return (found.text or "").strip() if found is not None else ""

    date = value(_DCTERMS + "modified") or value(_DCTERMS + "created")
    return Metadata(value(_DC + "title"), value(_DC + "creator"), date)


def _notes(
    archive: Archive, part: str | None, wanted: dict[str, str], reader: _Reader
) -> list[str]:
    """The notes referenced in the body, in the order of their marks."""
    if part is None or not wanted or not archive.has(part):
        return []
    root = parse_xml(archive.read(part), part)
    by_id = {note.get(W + "id", ""): note for note in root}
    out: list[str] = []
    for note_id, mark in list(wanted.items()):
        note = by_id.get(note_id)
        if note is None:
            continue
        paragraphs = [p for p in reader.paragraphs(note) if p.strip()] or [""]
        out.append(f"[{mark}] {paragraphs[0].strip()}")
        out.extend(paragraphs[1:])
    return out


def is_docx(archive: Archive) -> bool:
    """Whether the archive is a Word document (it has a WordprocessingML main part)."""
    return archive.has("word/document.xml") or archive.has(_main_part(archive))


def _main_part(archive: Archive) -> str:
    return _relationships(archive, "").get("officeDocument", "word/document.xml")


def read_docx(archive: Archive, mode: DocxRevisions = "current") -> Extracted:
    """The text of a Word document.

    Raises:
        FormatError: a part is missing, broken, declares a DTD, or is too large.
    """
    main = _main_part(archive)
    root = parse_xml(archive.read(main), main)
    body = root.find(W + "body")
    if body is None:
        raise FormatError(f"{main} has no document body")
    reader = _Reader(mode)
    paragraphs = reader.paragraphs(body)
    targets = _relationships(archive, main)
    footnotes = dict(reader.footnotes)
    endnotes = dict(reader.endnotes)
    paragraphs += _notes(archive, targets.get("footnotes"), footnotes, reader)
    paragraphs += _notes(archive, targets.get("endnotes"), endnotes, reader)
    package = _relationships(archive, "")
    warnings: tuple[str, ...] = ()
    if reader.revisions:
        how = "accepted" if mode == "current" else "rejected (the original text)"
        warnings = (f"{reader.revisions} tracked change(s) read as {how}",)
    return Extracted(
        join_paragraphs(paragraphs),
        "docx",
        _metadata(archive, package.get("core-properties", "docProps/core.xml")),
        warnings,
    )
