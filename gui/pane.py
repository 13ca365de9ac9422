"""One side of the comparison: a read-only, word-wrapped text pane fed by a PanePlan.

The pane inserts the plan's text into a fresh ``QTextDocument``, applies the
highlight formats with one cursor inside one edit block (far cheaper than extra
selections), and lets the compare view pad each row's last Qt block so that rows
start at the same height in both panes. It knows how to turn pane positions into
document offsets (through ``Utf16Index``) and back.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from gui.plan import PaneBlock, PanePlan
from gui.styles import Colours
from gui.utf16 import Utf16Index


class DiffPane(QTextEdit):
    """A pane showing one document of a comparison, row by row."""

    position_hovered = Signal(int)
    position_clicked = Signal(int)
    bar_clicked = Signal(int)

    def __init__(self, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.setObjectName(f"{side}_pane")
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.viewport().setMouseTracking(True)
        self.plan: PanePlan | None = None
        self.index = Utf16Index("")
        self._pads: list[float] = []
        self._row_tops: list[float] = []
        self._natural: list[float] = []
        self._gap = 0.0
        self._hole_colour = QColor("#f3f3f3")

    # -- filling -----------------------------------------------------------------

    def show_plan(
        self,
        plan: PanePlan,
        index: Utf16Index,
        formats: dict[str, QTextCharFormat],
        colours: Colours,
    ) -> None:
        """Replace the pane's content by ``plan`` (formats applied in one edit block)."""
        doc = QTextDocument(self)
        doc.setUndoRedoEnabled(False)
        doc.setDefaultFont(self.font())
        doc.setPlainText(plan.text)
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        for h in plan.highlights:
            cursor.setPosition(h.start)
            cursor.setPosition(h.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(formats[h.style])
        self._format_special_blocks(doc, cursor, plan, colours)
        cursor.endEditBlock()
        self.setDocument(doc)  # the previous document, our child, is deleted by Qt
        self.plan, self.index = plan, index
        self._pads = [0.0] * len(plan.row_first)
        self._row_tops = []

    def _format_special_blocks(
        self, doc: QTextDocument, cursor: QTextCursor, plan: PanePlan, colours: Colours
    ) -> None:
        bar = QTextBlockFormat()
        bar.setBackground(QBrush(QColor(colours.bar)))
        bar.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        bar_chars = QTextCharFormat()
        bar_chars.setForeground(QBrush(QColor(colours.bar_text)))
        bar_chars.setFontItalic(True)
        hole = QTextBlockFormat()
        self._hole_colour = QColor(colours.placeholder)
        for number, pane_block in enumerate(plan.blocks):
            if pane_block.role == "text":
                continue
            block = doc.findBlockByNumber(number)
            cursor.setPosition(block.position())
            if pane_block.role == "bar":
                cursor.setBlockFormat(bar)
                cursor.movePosition(
                    QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
                )
                cursor.mergeCharFormat(bar_chars)
            else:
                cursor.setBlockFormat(hole)

    # -- row geometry ------------------------------------------------------------

    def natural_row_heights(self) -> list[float]:
        """Height of each row's content (Qt's block rectangles leave out margins)."""
        assert self.plan is not None
        layout = self.document().documentLayout()
        heights: list[float] = []
        block = self.document().begin()
        row_last = self.plan.row_last
        total = 0.0
        number = 0
        for last in row_last:
            while number <= last:
                total += layout.blockBoundingRect(block).height()
                block = block.next()
                number += 1
            heights.append(total)  # blockBoundingRect leaves out the margins
            total = 0.0
        self._natural = heights
        return heights

    def set_row_paddings(self, pads: list[float], gap: float) -> None:
        """Give row ``i``'s last Qt block a bottom margin of ``pads[i]`` pixels.

        ``gap`` is the part of each padding that separates rows (not filled).
        """
        assert self.plan is not None
        self._gap = gap
        doc = self.document()
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        for row, pad in enumerate(pads):
            if abs(pad - self._pads[row]) < 0.01:
                continue
            block = doc.findBlockByNumber(self.plan.row_last[row])
            fmt = block.blockFormat()
            fmt.setBottomMargin(pad)
            cursor.setPosition(block.position())
            cursor.setBlockFormat(fmt)
            self._pads[row] = pad
        cursor.endEditBlock()
        self._row_tops = []

    def row_tops(self) -> list[float]:
        """Top of each row in document coordinates (cached until the next padding)."""
        if not self._row_tops and self.plan is not None:
            layout = self.document().documentLayout()
            doc = self.document()
            self._row_tops = [
                layout.blockBoundingRect(doc.findBlockByNumber(first)).top()
                for first in self.plan.row_first
            ]
        return self._row_tops

    def content_height(self, row: int) -> float:
        """Height of a row's own text (no padding), from the last measurement."""
        return self._natural[row] if row < len(self._natural) else 0.0

    def row_at(self, y: float) -> int:
        """Index of the row at document ``y`` (0 if there is none above)."""
        return max(0, bisect_right(self.row_tops(), y) - 1)

    def block_extent(self, number: int) -> tuple[float, float]:
        """Top and bottom of Qt block ``number`` in document coordinates (no padding)."""
        block = self.document().findBlockByNumber(number)
        rect = self.document().documentLayout().blockBoundingRect(block)
        return rect.top(), rect.bottom()

    # -- positions ---------------------------------------------------------------

    def pane_block_at(self, position: int) -> PaneBlock | None:
        """The plan entry of the Qt block holding pane ``position``."""
        if self.plan is None:
            return None
        number = self.document().findBlock(position).blockNumber()
        return self.plan.blocks[number] if 0 <= number < len(self.plan.blocks) else None

    def offset_at(self, position: int) -> int | None:
        """Document code-point offset at pane ``position`` (None off the text)."""
        pane_block = self.pane_block_at(position)
        if pane_block is None or pane_block.span is None:
            return None
        base = self.index.to_utf16(pane_block.span[0])
        return self.index.to_code_point(base + position - pane_block.position)

    def position_of(self, number: int, offset: int) -> int:
        """Pane position of document ``offset`` inside Qt block ``number``."""
        assert self.plan is not None
        pane_block = self.plan.blocks[number]
        assert pane_block.span is not None
        base = self.index.to_utf16(pane_block.span[0])
        return pane_block.position + self.index.to_utf16(offset) - base

    def y_of_position(self, position: int) -> float:
        """Document y of the line holding pane ``position``."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        return self.cursorRect(cursor).top() + self.verticalScrollBar().value()

    def position_at_y(self, y: float) -> int:
        """Pane position at the start of the line at document ``y``."""
        hit = self.document().documentLayout().hitTest(QPointF(0, y), Qt.HitTestAccuracy.FuzzyHit)
        return max(hit, 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._paint_holes()
        super().paintEvent(event)

    def _paint_holes(self) -> None:
        """Fill the rows where this side has no text, so the gap reads as intended."""
        if self.plan is None or not self.row_tops():
            return
        scroll = self.verticalScrollBar().value()
        height = self.viewport().height()
        painter = QPainter(self.viewport())
        tops = self._row_tops
        end = self.document().size().height()
        for row in range(self.row_at(scroll), len(tops)):
            if tops[row] - scroll > height:
                break
            if self.plan.blocks[self.plan.row_first[row]].role != "placeholder":
                continue
            bottom = (tops[row + 1] if row + 1 < len(tops) else end) - self._gap
            rect = QRectF(0, tops[row] - scroll, self.viewport().width(), bottom - tops[row])
            painter.fillRect(rect, self._hole_colour)
        painter.end()

    # -- events ------------------------------------------------------------------

    def _hit(self, point: QPoint) -> int:
        shifted = QPointF(point.x(), point.y() + self.verticalScrollBar().value())
        return self.document().documentLayout().hitTest(shifted, Qt.HitTestAccuracy.ExactHit)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if not event.buttons():
            self.position_hovered.emit(self._hit(event.position().toPoint()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        position = self._hit(event.position().toPoint())
        pane_block = self.pane_block_at(position) if position >= 0 else None
        if pane_block is not None and pane_block.role == "bar":
            self.bar_clicked.emit(pane_block.row)
        elif position >= 0:
            self.position_clicked.emit(position)

    def leaveEvent(self, event: object) -> None:
        self.position_hovered.emit(-1)
        super().leaveEvent(event)  # type: ignore[arg-type]
