"""A Word document with tracked changes: the redline an editor hands on.

The new version's paragraphs, with Redline's changes as Word's own revisions
(``w:ins``, ``w:del``, moves as ``w:moveFrom``/``w:moveTo``), all authored
"Redline" at the time of the comparison, so Word's Accept All gives the new text
and Reject All the old one (``core.report.redline_stream`` builds the stream and
states the invariants). A paragraph break inserted or deleted is a revision of
the paragraph mark. Annotations become Word comments anchored to their text
(tag and status first); one whose text is not in the redline is anchored at the
end. Only the parts Word needs are written: content types, relationships, the
document, comments when there are some, and core properties (title, creator,
dates). Text is stripped of what XML 1.0 cannot hold.
"""

from __future__ import annotations

import bisect
import io
import os
import re
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from core.report.redline_stream import Piece, redline_pieces
from core.text.names import printable_path

if TYPE_CHECKING:
    from core.model import Comparison
    from core.notes.annotation import Annotation

AUTHOR = "Redline"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# Control characters XML 1.0 cannot hold; vertical tab and form feed read as space.
_NOT_XML = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAK = re.compile(r"[ \t]*(?:\r\n|[\n\r\u2028\u2029\x0b\x0c\x85])[\s]*")
_STATUS = {"open": "Open", "accepted": "Accepted", "rejected": "Rejected"}


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


@dataclass(frozen=True, slots=True)
class _Comment:
    number: int
    annotation: Annotation
    side: str
    span: tuple[int, int]


@dataclass(slots=True)
class _Writer:
    """Builds ``word/document.xml`` paragraph by paragraph."""

    result: Comparison
    when: str
    comments: list[_Comment]
    paragraphs: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    next_id: int = 1
    placed: set[tuple[int, str]] = field(default_factory=set)  # (comment, start/end)
    open_moves: dict[int, int] = field(default_factory=dict)
    by_side: dict[str, list[tuple[int, int, int]]] = field(default_factory=dict)

    def _rev(self, tag: str) -> str:
        self.next_id += 1
        return f'<w:{tag} w:id="{self.next_id}" w:author="{AUTHOR}" w:date="{self.when}"'

    def _run(self, kind: str, text: str) -> None:
        if not text:
            return
        deleted = kind in ("del", "moveFrom")
        body = []
        for index, part in enumerate(text.split("\t")):
            if index:
                body.append("<w:tab/>")
            lines = part.split("\n")
            for number, line in enumerate(lines):
                if number:
                    body.append("<w:br/>")
                if line:
                    tag = "w:delText" if deleted else "w:t"
                    body.append(f'<{tag} xml:space="preserve">{escape(_clean(line))}</{tag}>')
        run = f"<w:r>{''.join(body)}</w:r>"
        if kind == "plain":
            self.current.append(run)
        else:
            self.current.append(f"{self._rev(kind)}>{run}</w:{kind}>")

    def _end_paragraph(self, kind: str) -> None:
        mark = ""
        if kind in ("ins", "moveTo"):
            mark = f"<w:pPr><w:rPr>{self._rev('ins')}/></w:rPr></w:pPr>"
        elif kind in ("del", "moveFrom"):
            mark = f"<w:pPr><w:rPr>{self._rev('del')}/></w:rPr></w:pPr>"
        self.paragraphs.append(f"<w:p>{mark}{''.join(self.current)}</w:p>")
        self.current = []

    def _marker(self, number: int, which: str) -> None:
        if (number, which) in self.placed:
            return
        if which == "end" and (number, "start") not in self.placed:
            self._marker(number, "start")  # an empty range rather than none
        self.placed.add((number, which))
        if which == "start":
            self.current.append(f'<w:commentRangeStart w:id="{number}"/>')
        else:
            self.current.append(
                f'<w:commentRangeEnd w:id="{number}"/>'
                f'<w:r><w:commentReference w:id="{number}"/></w:r>'
            )

    def _boundaries(self, side: str) -> list[tuple[int, int, int]]:
        """Comment boundaries on ``side``, sorted: (position, 0 end / 1 start, number)."""
        if side not in self.by_side:
            self.by_side[side] = sorted(
                (point, which, c.number)
                for c in self.comments
                if c.side == side
                for which, point in ((1, c.span[0]), (0, c.span[1]))
            )
        return self.by_side[side]

    def _events(self, piece: Piece) -> list[tuple[int, int, int]]:
        """Comment boundaries inside the piece, in order (found by bisection, so the
        redline stays linear in pieces plus comments). Old-side comments are placed
        in shared text through its old stretch."""
        a, b = piece.span
        found = _within(self._boundaries(piece.side), a, b)
        if piece.old is not None:
            oa, ob = piece.old
            found += [
                (a + min(point - oa, b - a), which, number)
                for point, which, number in _within(self._boundaries("old"), oa, ob)
            ]
        return sorted(found)

    def piece(self, piece: Piece) -> None:
        text = self.result.old.text if piece.side == "old" else self.result.new.text
        self._move_start(piece)
        position = piece.span[0]
        for point, which, number in self._events(piece):
            self._text(piece.kind, text[position:point])
            position = point
            self._marker(number, "start" if which else "end")
        self._text(piece.kind, text[position : piece.span[1]])
        self._move_end(piece)

    def _text(self, kind: str, text: str) -> None:
        """Text of one kind; a blank line in it ends the paragraph (its mark has the kind)."""
        position = 0
        for found in _BREAK.finditer(text):
            chunk = found.group()
            breaks = chunk.count("\n") - chunk.count("\r\n") + chunk.count("\r")
            breaks += sum(chunk.count(c) for c in "\u2028\u2029\x0b\x0c\x85")
            if breaks < 2 and "\u2029" not in chunk:
                continue
            self._run(kind, text[position : found.start()])
            self._end_paragraph(kind)
            position = found.end()
        self._run(kind, text[position:])

    def _move_start(self, piece: Piece) -> None:
        if piece.kind in ("moveFrom", "moveTo"):
            self.next_id += 1
            self.open_moves[piece.move] = self.next_id
            self.current.append(
                f'<w:{piece.kind}RangeStart w:id="{self.next_id}" w:name="move{piece.move}" '
                f'w:author="{AUTHOR}" w:date="{self.when}"/>'
            )

    def _move_end(self, piece: Piece) -> None:
        if piece.kind in ("moveFrom", "moveTo"):
            number = self.open_moves.pop(piece.move)
            self.current.append(f'<w:{piece.kind}RangeEnd w:id="{number}"/>')

    def finish(self) -> str:
        for comment in self.comments:  # text not in the redline: anchored at the end
            self._marker(comment.number, "end")
        self._end_paragraph("plain")
        body = "".join(self.paragraphs)
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W_NS}" xmlns:r="{_R_NS}"><w:body>{body}'
            "<w:sectPr/></w:body></w:document>"
        )


def _within(points: list[tuple[int, int, int]], a: int, b: int) -> list[tuple[int, int, int]]:
    """The boundaries whose position is in ``[a, b]``."""
    low = bisect.bisect_left(points, (a, -1, -1))
    high = bisect.bisect_right(points, (b, 2, 1 << 62))
    return points[low:high]


def _comments(annotations: Sequence[Annotation], result: Comparison) -> list[_Comment]:
    out = []
    for number, annotation in enumerate(annotations):
        for side, doc in (("new", result.new), ("old", result.old)):
            anchor = annotation.anchor("new" if side == "new" else "old")
            if anchor is not None and 0 <= anchor.start <= anchor.end <= len(doc.text):
                out.append(_Comment(number, annotation, side, (anchor.start, anchor.end)))
                break
        else:
            out.append(_Comment(number, annotation, "none", (-1, -1)))
    return out


def _comment_text(annotation: Annotation) -> str:
    status = _STATUS.get(annotation.status, "Needs check")
    head = f"[{annotation.tag} \u00b7 {status}]" if annotation.tag else f"[{status}]"
    return f"{head} {annotation.note}".strip()


def _comments_xml(comments: list[_Comment], when: str) -> str:
    items = []
    for comment in comments:
        paragraphs = "".join(
            f'<w:p><w:r><w:t xml:space="preserve">{escape(_clean(line))}</w:t></w:r></w:p>'
            for line in _comment_text(comment.annotation).split("\n")
        )
        items.append(
            f'<w:comment w:id="{comment.number}" w:author="{AUTHOR}" w:date="{when}" '
            f'w:initials="R">{paragraphs}</w:comment>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:comments xmlns:w="{W_NS}">{"".join(items)}</w:comments>'
    )


def _core_xml(result: Comparison, when: str) -> str:
    old = printable_path(os.path.basename(result.old.path))
    new = printable_path(os.path.basename(result.new.path))
    title = escape(_clean(f"Redline: {old} \u2192 {new}"))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:creator>{AUTHOR}</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def _content_types(with_comments: bool) -> str:
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    comments = (
        f'<Override PartName="/word/comments.xml" ContentType="{main}.comments+xml"/>'
        if with_comments
        else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{main}.document.main+xml"/>'
        f"{comments}"
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        "</Types>"
    )


def _rels(targets: list[tuple[str, str]]) -> str:
    items = "".join(
        f'<Relationship Id="rId{n}" Type="{kind}" Target="{target}"/>'
        for n, (kind, target) in enumerate(targets, 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{_PKG_REL}">{items}</Relationships>'
    )


def comparison_docx(
    result: Comparison,
    annotations: Sequence[Annotation] = (),
    *,
    when: float | None = None,
) -> bytes:
    """The comparison as a Word document with tracked changes (the bytes of a .docx).

    Args:
        result: the comparison.
        annotations: notes to add as Word comments.
        when: the revisions' time (seconds since the epoch; default: now).
    """
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() if when is None else when))
    comments = _comments(annotations, result)
    writer = _Writer(result, stamp, comments)
    for piece in redline_pieces(result):
        writer.piece(piece)
    package = [
        ("[Content_Types].xml", _content_types(bool(comments))),
        (
            "_rels/.rels",
            _rels(
                [
                    (f"{_DOC_REL}/officeDocument", "word/document.xml"),
                    (f"{_PKG_REL}/metadata/core-properties", "docProps/core.xml"),
                ]
            ),
        ),
        ("word/document.xml", writer.finish()),
        ("docProps/core.xml", _core_xml(result, stamp)),
    ]
    if comments:
        package.append(("word/comments.xml", _comments_xml(comments, stamp)))
        package.append(
            ("word/_rels/document.xml.rels", _rels([(f"{_DOC_REL}/comments", "comments.xml")]))
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in package:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()
