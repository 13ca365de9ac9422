"""One side of the comparison: a read-only, word-wrapped text pane fed by a PanePlan.

``gui.compare.view_builder`` fills the pane's document row by row and records each row's top
and content height here (``tops``, ``heights``), so geometry questions never force a
layout of the whole document. Both panes wrap at the same fixed width, set by the
compare view, so equal text is equally tall on both sides. The pane turns pane
positions into document offsets (through ``Utf16Index``) and back, and copies the
document's own text, never the characters shown in its place.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QMimeData, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from gui.common.utf16 import Utf16Index
from gui.compare.margin_marks import WIDTH as MARGIN_WIDTH
from gui.compare.margin_marks import MarginMarks
from gui.compare.plan import PaneBlock, PanePlan


def prose_font(font: QFont) -> QFont:
    """``font`` set to skip OpenType shaping where the script does not need it.

    Qt then lays out Latin, Greek and Cyrillic text with plain glyph lookup and
    kerning, about 40 % faster on a 5 MB article (``bench/bench_gui.py``); scripts
    that need shaping (Arabic, Indic, ...) are still shaped. Ligatures such as "fi"
    are not formed, which suits a diff: every letter stands on its own.
    """
    prose = QFont(font)
    prose.setStyleStrategy(prose.styleStrategy() | QFont.StyleStrategy.PreferNoShaping)
    return prose


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
        self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
        self.setLineWrapColumnOrWidth(max(self.viewport().width(), 50))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.viewport().setMouseTracking(True)
        self.plan: PanePlan | None = None
        self.text = ""
        self.index = Utf16Index("")
        self.tops: list[float] = []
        self.heights: list[float] = []
        self.tallest: list[float] = []  # a row's content height on its taller side
        self.gap = 0.0
        self._hole_colour = QColor("#f3f3f3")
        self._current_colour = QColor("#f0c040")
        self.current_block = -1  # the comparison block of the current change, framed
        # The old pane's marks stand on its right, next to the link map; the new
        # pane's on its left. ``extra`` widens the old margin by the new pane's
        # scroll bar, so both panes wrap at the same width without waste.
        self._made: QTextDocument | None = None  # the last document made here
        self.margin = MarginMarks(self, self, align_right=side == "old")
        self._margin_width = MARGIN_WIDTH
        self.place_margin()

    def place_margin(self, extra: int = 0) -> None:
        """Reserve the margin for the marks (``extra`` pixels more on the right)."""
        self._margin_width = MARGIN_WIDTH + (extra if self.margin.align_right else 0)
        if self.margin.align_right:
            self.setViewportMargins(0, 0, self._margin_width, 0)
        else:
            self.setViewportMargins(self._margin_width, 0, 0, 0)
        self._place_margin_widget()

    def _place_margin_widget(self) -> None:
        rect = self.contentsRect()
        x = rect.right() + 1 - self._margin_width if self.margin.align_right else rect.left()
        self.margin.setGeometry(x, rect.top(), self._margin_width, rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_margin_widget()

    # -- filling (see gui.compare.view_builder) -------------------------------------------

    def new_document(self, width: int) -> QTextDocument:
        """Show a new empty document wrapped at ``width`` (the previous one is deleted).

        The width is set once the document is empty: setting it re-lays out the whole
        document shown. The extra selections (the counterpart outline) hold cursors into
        the previous document; Qt keeps them across ``setDocument`` and reads them on the
        next ``setExtraSelections``, after the previous document is deleted (a crash in
        libQt6Gui), so they go first.
        """
        self.setExtraSelections([])
        previous = self.document()
        # Qt deletes its own first document itself. (Not asked with ``parent()``: its
        # parent is an object of a class PySide does not wrap, and finding the wrapper
        # built every enum of QtCore, 50-90 ms on the first comparison.)
        ours = previous is self._made
        doc = self._made = QTextDocument(self)
        doc.setUndoRedoEnabled(False)
        doc.setDefaultFont(prose_font(self.font()))
        self.setDocument(doc)
        if ours:
            previous.deleteLater()
        self.setLineWrapColumnOrWidth(width)
        return doc

    def reset_geometry(self, plan: PanePlan, index: Utf16Index, text: str, gap: float) -> None:
        """Forget the rows measured so far: ``plan`` is about to be built."""
        self.plan, self.index, self.text, self.gap = plan, index, text, gap
        self.tops, self.heights, self.tallest = [], [], []

    def set_hole_colour(self, colour: str) -> None:
        """The fill of rows where this side has no text."""
        self._hole_colour = QColor(colour)

    def set_current(self, block: int, colour: str) -> None:
        """Frame comparison block ``block`` as the current change (-1: none).

        A frame, not a selection: a selection's fill would hide the red and green of
        the change and the tint of its notes.
        """
        self.current_block, self._current_colour = block, QColor(colour)
        self.viewport().update()

    # -- row geometry ------------------------------------------------------------

    def row_tops(self) -> list[float]:
        """Top of each built row's text in document coordinates."""
        return self.tops

    def built_height(self) -> float:
        """Document y where the built rows end."""
        if not self.tops:
            return 0.0
        return self.tops[-1] + self.heights[-1]

    def row_at(self, y: float) -> int:
        """Index of the row at document ``y`` (0 if there is none above)."""
        return max(0, bisect_right(self.tops, y) - 1)

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
        if pane_block is None or pane_block.span is None or pane_block.role != "text":
            return None
        base = self.index.to_utf16(pane_block.span[0])
        return self.index.to_code_point(base + position - pane_block.position)

    def position_of(self, number: int, offset: int) -> int:
        """Pane position of document ``offset`` inside Qt block ``number`` or, for a
        long span shown in pieces, inside the later piece holding it."""
        assert self.plan is not None
        blocks = self.plan.blocks
        while (
            number + 1 < len(blocks)
            and blocks[number + 1].continued
            and blocks[number + 1].span[0] < offset  # type: ignore[index]
        ):
            number += 1
        pane_block = blocks[number]
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

    def document_range(self, start: int, end: int) -> tuple[int, int]:
        """Document offsets of the pane range ``start``..``end`` (pane positions)."""
        if self.plan is None:
            return 0, 0
        return self._offset_near(start, forward=True), self._offset_near(end, forward=False)

    def _offset_near(self, position: int, forward: bool) -> int:
        """The document offset at ``position``, or at the nearest text in the direction."""
        assert self.plan is not None
        blocks = self.plan.blocks
        number = self.document().findBlock(position).blockNumber()
        if 0 <= number < len(blocks) and blocks[number].span is not None:
            span = blocks[number].span
            assert span is not None
            if blocks[number].role == "bar":
                return span[0] if forward else span[1]
            offset = self.offset_at(position)
            return min(max(offset if offset is not None else span[0], span[0]), span[1])
        step = 1 if forward else -1
        number = min(max(number, 0), len(blocks) - 1)
        while 0 <= number < len(blocks):
            span = blocks[number].span
            if span is not None:
                return span[0] if forward else span[1]
            number += step
        return len(self.text) if forward else 0

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy the document's text: no shown symbols, padding or row breaks.

        The mime data must be made by Qt: one made in Python is deleted twice (by
        the clipboard and by its Python owner), which crashed at exit. Qt's own
        formats (HTML, ODF) would carry the shown text: they are removed.
        """
        cursor = self.textCursor()
        start, end = self.document_range(cursor.selectionStart(), cursor.selectionEnd())
        mime = super().createMimeDataFromSelection()
        mime.text()  # Qt fills in its formats on first use; then they can be replaced
        for name in mime.formats():
            mime.removeFormat(name)
        mime.setText(self.text[start:end] if start < end else "")
        return mime

    # -- painting and events -------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        self._paint_holes()
        super().paintEvent(event)
        self._paint_current()

    def _paint_current(self) -> None:
        """A frame around the current change's text on this side."""
        plan = self.plan
        number = plan.numbers.get(self.current_block) if plan is not None else None
        if plan is None or number is None:
            return
        last = plan.last_piece(number)
        if last + 1 >= self.document().blockCount():
            return  # not built yet
        top, _ = self.block_extent(number)
        _, bottom = self.block_extent(last)
        scroll = self.verticalScrollBar().value()
        painter = QPainter(self.viewport())
        pen = QPen(self._current_colour, 2)
        painter.setPen(pen)
        rect = QRectF(1, top - scroll - 1, self.viewport().width() - 2, bottom - top + 2)
        painter.drawRoundedRect(rect, 3, 3)
        painter.end()

    def _paint_holes(self) -> None:
        """Fill the rows where this side has no text, so the gap reads as intended."""
        if self.plan is None or not self.tops:
            return
        scroll = self.verticalScrollBar().value()
        height = self.viewport().height()
        painter = QPainter(self.viewport())
        tops = self.tops
        for row in range(self.row_at(scroll), len(tops)):
            if tops[row] - scroll > height:
                break
            if self.plan.blocks[self.plan.row_first[row]].role != "placeholder":
                continue
            bottom = tops[row] + self.tallest[row]  # the other side's text
            rect = QRectF(0, tops[row] - scroll, self.viewport().width(), bottom - tops[row])
            painter.fillRect(rect, self._hole_colour)
        painter.end()

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
