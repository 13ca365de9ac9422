"""The narrow margin beside each pane: one mark per changed block, level with its first line.

Colour is never the only cue: each kind of change has its own symbol ("−" deleted,
"+" inserted, "~" changed, "⇄" moved, "·" punctuation only), drawn on a chip of the
change's colour; punctuation-only changes are drawn faint. A second, narrower lane
(on the text's side) holds a note mark level with the first line of each annotated
span; its entries come from ``notes`` (set by ``gui.notes.marks``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QTextDocument,
)
from PySide6.QtWidgets import QScrollBar, QToolTip, QWidget

from core.report.blocks import KIND_NAMES as NAMES
from core.report.blocks import SYMBOLS
from gui.common.plain import tooltip
from gui.common.styles import Colours
from gui.compare.plan import PanePlan

CHIP_WIDTH = 16
NOTE_WIDTH = 12
WIDTH = CHIP_WIDTH + NOTE_WIDTH
NOTE_FILL = "#f0b000"
NOTE_EDGE = "#a06a00"
LEGEND_TEXT = "margin: \u2212 old only  + new only  ~ changed  \u21c4 moved  \u00b7 punctuation"


def chip_colour(kind: str, colours: Colours) -> str:
    """The chip colour of a mark kind."""
    return {
        "deleted": colours.word_deleted,
        "inserted": colours.word_inserted,
        "moved": colours.moved,
    }.get(kind, colours.counterpart)


class MarkedPane(Protocol):
    """What the marks read of the pane they stand beside (``gui.compare.pane.DiffPane``)."""

    side: str
    plan: PanePlan | None
    tops: list[float]

    def row_at(self, y: float) -> int: ...
    def document(self) -> QTextDocument: ...
    def verticalScrollBar(self) -> QScrollBar: ...
    def fontMetrics(self) -> QFontMetrics: ...


class MarginMarks(QWidget):
    """Paints the marks of the visible blocks of ``pane`` (a child in its margin:
    ``parent`` is the pane's widget)."""

    def __init__(self, pane: MarkedPane, parent: QWidget, align_right: bool) -> None:
        super().__init__(parent)
        self.pane = pane
        self.align_right = align_right
        self.colours: Colours | None = None
        # (y in this widget, escaped-later tooltip text) of each note mark in view
        self.notes: Callable[[], list[tuple[float, str]]] | None = None
        self.setObjectName(f"{pane.side}_margin")

    def set_colours(self, colours: Colours) -> None:
        """Use ``colours`` for the chips."""
        self.colours = colours
        self.update()

    def visible_marks(self) -> list[tuple[float, str, int]]:
        """(y in this widget, kind, block number) of each mark in view."""
        pane, plan = self.pane, self.pane.plan
        if plan is None or not pane.tops or not plan.marks:
            return []
        scroll = pane.verticalScrollBar().value()
        bottom = scroll + self.height()
        layout = pane.document().documentLayout()
        found = []
        for row in range(pane.row_at(scroll), len(pane.tops)):
            if pane.tops[row] > bottom:
                break
            for number in range(plan.row_first[row], plan.row_last[row] + 1):
                kind = plan.marks[number]
                if kind:
                    block = pane.document().findBlockByNumber(number)
                    top = layout.blockBoundingRect(block).top()
                    found.append((top - scroll, kind, number))
        return found

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        if self.colours is not None:
            line = float(self.pane.fontMetrics().height())
            x = self.width() - CHIP_WIDTH if self.align_right else 0
            text = self.palette().color(QPalette.ColorRole.Text)
            for y, kind, _number in self.visible_marks():
                self._draw(painter, QRectF(x + 2, y + 1, CHIP_WIDTH - 4, line - 2), kind, text)
        for y, _text in self.notes() if self.notes else []:
            self._draw_note(painter, y, float(self.pane.fontMetrics().height()))
        painter.end()

    def _note_x(self) -> float:
        return self.width() - WIDTH if self.align_right else CHIP_WIDTH

    def _draw_note(self, painter: QPainter, y: float, line: float) -> None:
        """A small speech bubble: the shape, not only its colour, says "note"."""
        x = self._note_x() + 2
        size = NOTE_WIDTH - 4
        top = y + max((line - size) / 2 - 1, 0)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(NOTE_EDGE), 1))
        painter.setBrush(QColor(NOTE_FILL))
        painter.drawRoundedRect(QRectF(x, top, size, size - 2), 2, 2)
        tail = [(x + 2, top + size - 2), (x + 2, top + size + 1), (x + 5, top + size - 2)]
        painter.drawPolygon([QPointF(px, py) for px, py in tail])

    def _draw(self, painter: QPainter, rect: QRectF, kind: str, text: QColor) -> None:
        assert self.colours is not None
        chip = QColor(chip_colour(kind, self.colours))
        pen = QColor(text)
        if kind == "punctuation":
            chip.setAlpha(90)
            pen.setAlpha(170)
        painter.fillRect(rect, chip)
        painter.setPen(pen)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, SYMBOLS[kind])

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            y = event.pos().y()
            line = self.pane.fontMetrics().height()
            note_x = self._note_x()
            if self.notes and note_x <= event.pos().x() < note_x + NOTE_WIDTH:
                for top, text in self.notes():
                    if top <= y < top + line:
                        QToolTip.showText(event.globalPos(), tooltip(text), self)
                        return True
            for top, kind, _number in self.visible_marks():
                if top <= y < top + line:
                    QToolTip.showText(event.globalPos(), NAMES[kind], self)
                    return True
            QToolTip.hideText()
            return True
        return super().event(event)
