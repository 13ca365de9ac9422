"""The similarity matrix of a folder: a heat map painted cell by cell.

Only the cells in view are painted (a folder of 500 documents is 250,000 cells),
with colours from a 256-entry table. Names stay in view on the left and on top
(elided, the full path in the tooltip; ★ marks a likely original); each story
family is outlined along the diagonal when the matrix is in family order. Hovering
a cell shows ``a.txt ↔ b.txt: ≈71%``; clicking it asks for that pair's comparison.

The folder scan's figures are estimates (from fingerprints) and are marked ``≈``
(``core.figures``). Once a pair has been compared in the window, its cell shows the
comparison's similarity instead, the figure the status line shows (``set_measured``).
"""

from __future__ import annotations

import os
from itertools import pairwise

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from core.figures import similarity_text
from gui.common.plain import shown_path
from gui.documents.family_columns import STAR
from gui.families.data import MatrixData

LABEL_WIDTH = 190
LABEL_HEIGHT = 170
MIN_CELL, MAX_CELL, FIT = 12, 44, 640
NUMBERS_FROM = 32  # cells at least this large show their value
# Similarity -> colour (a white-orange-red ramp; unrelated texts stay near white).
STOPS = (
    (0.0, (250, 250, 250)),
    (0.1, (254, 232, 200)),
    (0.25, (253, 187, 132)),
    (0.5, (239, 101, 72)),
    (0.75, (200, 30, 20)),
    (1.0, (110, 0, 0)),
)


def _ramp(value: float) -> QColor:
    for (a, ca), (b, cb) in pairwise(STOPS):
        if value <= b:
            t = (value - a) / (b - a)
            return QColor(*(round(x + (y - x) * t) for x, y in zip(ca, cb)))
    return QColor(*STOPS[-1][1])


COLOURS = tuple(_ramp(i / 255) for i in range(256))


def colour(value: float) -> QColor:
    """The heat-map colour of a similarity in [0, 1]."""
    return COLOURS[min(max(round(value * 255), 0), 255)]


Measured = dict[tuple[str, str], float]


def pair_key(first: str, second: str) -> tuple[str, str]:
    """The key of a pair of paths, whichever comes first."""
    return (first, second) if first <= second else (second, first)


def cell_value(data: MatrixData, measured: Measured, i: int, j: int) -> tuple[float, bool]:
    """A cell's similarity and whether it is an estimate (not measured by a comparison)."""
    if i == j:
        return 1.0, False
    value = measured.get(pair_key(data.paths[i], data.paths[j]))
    return (data.values[i][j], True) if value is None else (value, False)


def pair_tip(data: MatrixData, i: int, j: int, measured: Measured | None = None) -> str:
    """``a.txt ↔ b.txt: ≈71%`` (estimated) or ``a.txt ↔ b.txt: 68%`` (compared)."""
    a, b = (shown_path(os.path.basename(data.names[k])) for k in (i, j))
    value, estimate = cell_value(data, measured or {}, i, j)
    how = (
        "\nestimated by the folder scan; open the pair for the exact figure"
        if estimate
        else "\nsimilarity of the comparison"
        if i != j
        else ""
    )
    return f"{a} \u2194 {b}: {similarity_text(value, estimate)}{how}"


class MatrixCanvas(QAbstractScrollArea):
    """Paints a ``MatrixData``; emits ``pair_requested(path, path)`` on a click."""

    pair_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("similarity_matrix")
        self.data: MatrixData | None = None
        self.measured: Measured = {}  # similarities of the pairs compared, by pair_key
        self.cell = MAX_CELL
        self.by_family = True
        self.painted_cells = 0  # cells painted by the last paint (the test checks it)
        self.viewport().setMouseTracking(True)

    def set_data(self, data: MatrixData | None) -> None:
        """Show ``data`` (None: nothing)."""
        self.data = data
        n = len(data.names) if data is not None else 1
        self.cell = max(MIN_CELL, min(MAX_CELL, FIT // max(n, 1)))
        self._update_scrollbars()
        self.viewport().update()

    def set_measured(self, first: str, second: str, similarity: float) -> None:
        """A pair was compared: show its comparison's similarity from now on."""
        self.measured[pair_key(first, second)] = similarity
        self.viewport().update()

    def size_needed(self) -> int:
        """Width (and height) the whole matrix with its labels takes."""
        n = len(self.data.names) if self.data is not None else 0
        return LABEL_WIDTH + n * self.cell + 2

    def _update_scrollbars(self) -> None:
        n = len(self.data.names) if self.data is not None else 0
        view = self.viewport().size()
        self.horizontalScrollBar().setRange(0, max(0, n * self.cell - view.width() + LABEL_WIDTH))
        self.verticalScrollBar().setRange(0, max(0, n * self.cell - view.height() + LABEL_HEIGHT))
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.setSingleStep(self.cell)
            bar.setPageStep(max(self.cell, 10 * self.cell))

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._update_scrollbars()

    def cell_rect(self, i: int, j: int) -> QRect:
        """The cell of row ``i``, column ``j`` in viewport coordinates."""
        x = LABEL_WIDTH + j * self.cell - self.horizontalScrollBar().value()
        y = LABEL_HEIGHT + i * self.cell - self.verticalScrollBar().value()
        return QRect(x, y, self.cell, self.cell)

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        """Row and column of the cell under ``pos`` (viewport coordinates), if any."""
        if self.data is None or pos.x() < LABEL_WIDTH or pos.y() < LABEL_HEIGHT:
            return None
        j = (pos.x() - LABEL_WIDTH + self.horizontalScrollBar().value()) // self.cell
        i = (pos.y() - LABEL_HEIGHT + self.verticalScrollBar().value()) // self.cell
        n = len(self.data.names)
        return (i, j) if 0 <= i < n and 0 <= j < n else None

    def _label_at(self, pos: QPoint) -> int | None:
        if self.data is None:
            return None
        n = len(self.data.names)
        if pos.x() < LABEL_WIDTH <= pos.y():
            k = (pos.y() - LABEL_HEIGHT + self.verticalScrollBar().value()) // self.cell
        elif pos.y() < LABEL_HEIGHT <= pos.x():
            k = (pos.x() - LABEL_WIDTH + self.horizontalScrollBar().value()) // self.cell
        else:
            return None
        return k if 0 <= k < n else None

    def tooltip_at(self, pos: QPoint) -> str | None:
        """What hovering ``pos`` shows: a pair and its similarity, or a full name."""
        if self.data is None:
            return None
        cell = self.cell_at(pos)
        if cell is not None:
            return pair_tip(self.data, *cell, self.measured)
        k = self._label_at(pos)
        if k is None:
            return None
        original = "\nlikely original of its family" if self.data.originals[k] else ""
        return shown_path(self.data.names[k]) + original

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position().toPoint())
        if self.data is not None and cell is not None and cell[0] != cell[1]:
            i, j = cell
            self.pair_requested.emit(self.data.paths[i], self.data.paths[j])
        super().mouseReleaseEvent(event)

    def _visible(self) -> tuple[range, range]:
        n = len(self.data.names) if self.data is not None else 0
        view = self.viewport().size()
        x0, y0 = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        columns = range(x0 // self.cell, min(n, (x0 + view.width() - LABEL_WIDTH) // self.cell + 1))
        rows = range(y0 // self.cell, min(n, (y0 + view.height() - LABEL_HEIGHT) // self.cell + 1))
        return rows, columns

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(self.viewport().rect(), self.palette().base())
        if self.data is not None:
            rows, columns = self._visible()
            self._paint_cells(painter, rows, columns)
            self._paint_labels(painter, rows, columns)
        painter.end()

    def _paint_cells(self, painter: QPainter, rows: range, columns: range) -> None:
        assert self.data is not None
        data, measured = self.data, self.measured
        numbers = self.cell >= NUMBERS_FROM
        painter.save()
        if numbers and self.cell < 40:  # room for "≈100%"
            font = painter.font()
            font.setPointSizeF(font.pointSizeF() * 0.8)
            painter.setFont(font)
        painter.setClipRect(
            QRect(LABEL_WIDTH, LABEL_HEIGHT, self.viewport().width(), self.viewport().height())
        )
        for i in rows:
            for j in columns:
                value, estimate = cell_value(data, measured, i, j)
                rect = self.cell_rect(i, j)
                painter.fillRect(rect.adjusted(0, 0, -1, -1), colour(value))
                if numbers:
                    painter.setPen(Qt.GlobalColor.white if value > 0.45 else Qt.GlobalColor.black)
                    text = similarity_text(value, estimate)
                    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        self.painted_cells = len(rows) * len(columns)
        if self.by_family:
            painter.setPen(QPen(QColor(30, 30, 30), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for first, last in self.data.blocks():
                if first <= rows.stop and last >= rows.start:
                    top = self.cell_rect(first, first).topLeft()
                    size = (last - first + 1) * self.cell
                    painter.drawRect(QRect(top.x(), top.y(), size - 1, size - 1))
        painter.restore()

    def _label(self, k: int) -> str:
        assert self.data is not None
        name = shown_path(os.path.basename(self.data.names[k]))
        return f"{STAR} {name}" if self.data.originals[k] else name

    def _paint_labels(self, painter: QPainter, rows: range, columns: range) -> None:
        width, height = self.viewport().width(), self.viewport().height()
        base = self.palette().base()
        painter.fillRect(QRect(0, LABEL_HEIGHT, LABEL_WIDTH, height), base)
        painter.fillRect(QRect(LABEL_WIDTH, 0, width, LABEL_HEIGHT), base)
        painter.fillRect(QRect(0, 0, LABEL_WIDTH, LABEL_HEIGHT), base)
        painter.setPen(self.palette().windowText().color())
        metrics = painter.fontMetrics()
        space = LABEL_WIDTH - 8
        painter.save()
        painter.setClipRect(QRect(0, LABEL_HEIGHT, LABEL_WIDTH, height))
        for i in rows:
            rect = QRect(4, self.cell_rect(i, 0).y(), space, self.cell)
            text = metrics.elidedText(self._label(i), Qt.TextElideMode.ElideMiddle, space)
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text
            )
        painter.restore()
        painter.save()
        painter.setClipRect(QRect(LABEL_WIDTH, 0, width, LABEL_HEIGHT))
        painter.rotate(-90)  # x now runs up the screen, y to the right
        room = LABEL_HEIGHT - 8
        for j in columns:
            x = self.cell_rect(0, j).x()
            rect = QRect(-LABEL_HEIGHT + 4, x, room, self.cell)
            text = metrics.elidedText(self._label(j), Qt.TextElideMode.ElideMiddle, room)
            painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        painter.restore()
