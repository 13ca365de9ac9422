"""Annotated text in the panes: a tint with a dotted underline, a margin mark, a tooltip.

Anchors are code-point spans of a document; ``pane_ranges`` turns them into pane
positions (UTF-16, through the pane's ``Utf16Index``) over the Qt blocks built so
far. The tint is painted by ``NoteOverlay``, a widget laid over the pane's viewport
that lets the mouse through: the panes' own highlights, underlines and extra
selections (hover, selection) are left as they are, and the tint shows over them.
The margin mark (``margin_marks.NOTE_WIDTH`` lane) and the tooltip say the tag, the
status and the note, literally. Orphaned annotations have no place in the text:
they are listed in the panel only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPen, QTextBlock
from PySide6.QtWidgets import QToolTip, QWidget

from core.notes.annotation import Annotation
from gui.common.plain import tooltip
from gui.compare.pane import DiffPane
from gui.notes.model import tooltip_text

TINT = QColor(240, 176, 0, 56)
TINT_CURRENT = QColor(240, 176, 0, 110)
UNDERLINE = QColor("#a06a00")


@dataclass(frozen=True, slots=True)
class NoteSpan:
    """One annotation's range in one pane (pane positions) and its tooltip."""

    uuid: str
    start: int
    end: int
    text: str


def pane_ranges(pane: DiffPane, start: int, end: int) -> list[tuple[int, int]]:
    """Pane ranges showing document code points ``start``..``end`` (built rows only)."""
    plan = pane.plan
    if plan is None or start >= end:
        return []
    built = pane.document().blockCount() - 1  # the trailing block is always empty
    ranges = []
    for number, block in enumerate(plan.blocks[:built]):
        if block.role != "text" or block.span is None:
            continue
        low, high = max(start, block.span[0]), min(end, block.span[1])
        if low < high:
            ranges.append((pane.position_of(number, low), pane.position_of(number, high)))
    return ranges


def note_spans(
    pane: DiffPane, annotations: list[Annotation], numbers: dict[str, int]
) -> list[NoteSpan]:
    """The placed annotations' ranges in ``pane`` (its side's anchors)."""
    spans = []
    for a in annotations:
        anchor = a.anchor("old" if pane.side == "old" else "new")
        if a.orphaned or anchor is None:
            continue
        text = tooltip_text(a, numbers.get(a.uuid, 0))
        for start, end in pane_ranges(pane, anchor.start, anchor.end):
            spans.append(NoteSpan(a.uuid, start, end, text))
    return spans


def _line_rects(pane: DiffPane, start: int, end: int) -> list[QRectF]:
    """Rectangles (document coordinates) of the text from ``start`` to ``end``."""
    doc = pane.document()
    rects = []
    block: QTextBlock = doc.findBlock(start)
    while block.isValid() and block.position() < end:
        layout = block.layout()
        origin = layout.position()
        base = block.position()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            low = max(start, base + line.textStart())
            high = min(end, base + line.textStart() + line.textLength())
            if low >= high:
                continue
            x1 = line.cursorToX(low - base)[0]
            x2 = line.cursorToX(high - base)[0]
            rects.append(QRectF(origin.x() + x1, origin.y() + line.y(), x2 - x1, line.height()))
        block = block.next()
    return rects


class PaneNotes(QObject):
    """The annotations of one pane: the tint overlay, the tooltip and the margin entries."""

    def __init__(self, pane: DiffPane) -> None:
        super().__init__(pane)
        self.pane = pane
        self.spans: list[NoteSpan] = []
        self.current = ""
        self.overlay = NoteOverlay(self)
        pane.viewport().installEventFilter(self)
        pane.verticalScrollBar().valueChanged.connect(self.overlay.update)
        pane.margin.notes = self.margin_entries

    def set_spans(self, spans: list[NoteSpan], current: str = "") -> None:
        """Show ``spans``; the one of uuid ``current`` is tinted stronger."""
        self.spans, self.current = spans, current
        self.refresh()

    def refresh(self) -> None:
        """Repaint the tint and the margin (after a scroll, build step or edit)."""
        self.overlay.setGeometry(self.pane.viewport().geometry())
        self.overlay.raise_()
        self.overlay.update()
        self.pane.margin.update()

    def visible_rects(self) -> list[tuple[QRectF, NoteSpan]]:
        """Viewport rectangles of the annotated text in view."""
        scroll = self.pane.verticalScrollBar().value()
        height = self.pane.viewport().height()
        found = []
        for span in self.spans:
            for rect in _line_rects(self.pane, span.start, span.end):
                shown = rect.translated(0, -scroll)
                if shown.bottom() >= 0 and shown.top() <= height:
                    found.append((shown, span))
        return found

    def margin_entries(self) -> list[tuple[float, str]]:
        """(y in the margin, tooltip) of each annotation starting in view."""
        entries: dict[int, list[str]] = {}
        scroll = self.pane.verticalScrollBar().value()
        height = self.pane.viewport().height()
        seen: set[str] = set()
        for span in self.spans:
            if span.uuid in seen:
                continue
            seen.add(span.uuid)
            rects = _line_rects(self.pane, span.start, span.start + 1)
            if rects and 0 <= rects[0].top() - scroll <= height:
                entries.setdefault(round(rects[0].top() - scroll), []).append(span.text)
        return [(float(y), "\n\n".join(texts)) for y, texts in sorted(entries.items())]

    def texts_at(self, point: QPointF) -> list[str]:
        """The tooltips of the annotations under viewport ``point``."""
        texts: list[str] = []
        for rect, span in self.visible_rects():
            if rect.contains(point) and span.text not in texts:
                texts.append(span.text)
        return texts

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.overlay.setGeometry(self.pane.viewport().geometry())
        elif event.type() == QEvent.Type.ToolTip and self.spans:
            assert isinstance(event, QHelpEvent)
            texts = self.texts_at(QPointF(event.pos()))
            if texts:
                QToolTip.showText(event.globalPos(), tooltip("\n\n".join(texts)), self.pane)
                return True
        return super().eventFilter(watched, event)


class NoteOverlay(QWidget):
    """Paints the tint and dotted underline of annotated text over a pane's viewport."""

    def __init__(self, notes: PaneNotes) -> None:
        super().__init__(notes.pane)
        self.notes = notes
        self.setObjectName(f"{notes.pane.side}_note_overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setGeometry(notes.pane.viewport().geometry())

    def paintEvent(self, event: QPaintEvent) -> None:
        rects = self.notes.visible_rects()
        if not rects:
            return
        painter = QPainter(self)
        pen = QPen(UNDERLINE, 1.2, Qt.PenStyle.DotLine)
        for rect, span in rects:
            painter.fillRect(rect, TINT_CURRENT if span.uuid == self.notes.current else TINT)
            painter.setPen(pen)
            y = rect.bottom() - 0.5
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        painter.end()
