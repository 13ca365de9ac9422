"""Bookmarks (a PDF outline) added to a finished PDF by an incremental update.

Qt's ``QPdfWriter`` writes no outline, so a report's sections would not show in a
reader's sidebar. This appends what the PDF format allows after any file: the
outline's objects, a copy of the catalog pointing at them (opening with the outline
shown), a cross-reference section for those objects only and a trailer whose
``/Prev`` names the original one. The original bytes are kept as they are, so a
reader that ignored the update would still read the report. Pure bytes in and out
(no Qt); the page tree must be one flat ``/Pages`` node (what Qt writes), else the
PDF is returned unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_HEADER = re.compile(rb"(\d+)\s+0\s+obj\s*<<")
_KIDS = re.compile(rb"/Kids\s*\[([^\]]*)\]")
_REF = re.compile(rb"(\d+)\s+0\s+R")
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.S)


@dataclass(frozen=True, slots=True)
class Bookmark:
    """One entry of the outline.

    Attributes:
        title: the text shown in the reader's sidebar.
        page: the page it opens, from 0.
        top: the height on that page shown at the top, in points from the bottom.
    """

    title: str
    page: int
    top: float


def _text(title: str) -> bytes:
    """A PDF text string that holds any character: UTF-16BE with its BOM, in hex."""
    return b"<FEFF" + title.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _object(pdf: bytes, kind: bytes) -> tuple[int, bytes] | None:
    """The number and dictionary entries (without ``<< >>``) of the last object whose
    ``/Type`` is ``kind`` (the current one, after any earlier update)."""
    at = pdf.rfind(b"/Type /" + kind + b"\n")
    if at < 0:
        return None
    headers = list(_HEADER.finditer(pdf, max(0, at - 64), at))
    if not headers:
        return None
    start = headers[-1].end()
    end = pdf.rfind(b">>", start, pdf.find(b"endobj", at))
    if end < 0:
        return None
    return int(headers[-1].group(1)), pdf[start:end]


def _catalog(pdf: bytes) -> tuple[int, bytes] | None:
    """The catalog's object number and its entries, without an outline of its own."""
    found = _object(pdf, b"Catalog")
    if found is None:
        return None
    number, body = found
    return number, re.sub(rb"/(Outlines\s+\d+\s+0\s+R|PageMode\s*/\w+)", b"", body)


def _pages(pdf: bytes) -> list[int] | None:
    """The page objects in order, from a flat page tree; None for a nested one."""
    found = _object(pdf, b"Pages")
    if found is None:
        return None
    kids = _KIDS.search(found[1])
    if kids is None:
        return None
    pages = [int(ref) for ref in _REF.findall(kids.group(1))]
    count = re.search(rb"/Count\s+(\d+)", found[1])
    if count is None or int(count.group(1)) != len(pages):
        return None  # kids that are page tree nodes themselves
    return pages


def add_outline(pdf: bytes, bookmarks: Sequence[Bookmark]) -> bytes:
    """``pdf`` with ``bookmarks`` as its outline (opened in the sidebar).

    Returns the PDF unchanged when there is nothing to add or its structure is not
    the simple one this understands.
    """
    catalog = _catalog(pdf)
    pages = _pages(pdf)
    startxref = _STARTXREF.search(pdf)
    trailers = list(_TRAILER.finditer(pdf))
    marks = [b for b in bookmarks if pages and 0 <= b.page < len(pages)]
    if not marks or catalog is None or pages is None or startxref is None or not trailers:
        return pdf
    trailer = trailers[-1].group(1)
    size_match = re.search(rb"/Size\s+(\d+)", trailer)
    if size_match is None:
        return pdf
    size = int(size_match.group(1))
    root_number, root_body = catalog
    outline = size
    first, last = size + 1, size + len(marks)
    objects: list[tuple[int, bytes]] = [
        (
            outline,
            b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>"
            % (first, last, len(marks)),
        )
    ]
    for k, mark in enumerate(marks):
        number = first + k
        links = b""
        if number > first:
            links += b" /Prev %d 0 R" % (number - 1)
        if number < last:
            links += b" /Next %d 0 R" % (number + 1)
        objects.append(
            (
                number,
                b"<< /Title %s /Parent %d 0 R%s /Dest [%d 0 R /XYZ null %.2f null] >>"
                % (_text(mark.title), outline, links, pages[mark.page], mark.top),
            )
        )
    objects.append(
        (root_number, b"<<" + root_body + b" /Outlines %d 0 R /PageMode /UseOutlines >>" % outline)
    )
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offsets: dict[int, int] = {}
    for number, body in objects:
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    out += b"%d 1\n%010d 00000 n \n" % (root_number, offsets[root_number])
    out += b"%d %d\n" % (outline, len(marks) + 1)
    for number in range(outline, last + 1):
        out += b"%010d 00000 n \n" % offsets[number]
    kept = b"".join(
        m.group(0) for m in re.finditer(rb"/(?:Info\s+\d+\s+0\s+R|ID\s*\[[^\]]*\])", trailer)
    )
    out += b"trailer\n<< /Size %d /Root %d 0 R %s /Prev %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        last + 1,
        root_number,
        kept,
        startxref.group(1),
        xref,
    )
    return bytes(out)
