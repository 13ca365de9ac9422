"""The overview strip: where the changes are in the whole document; click to jump.

Minor (punctuation-only) changes are drawn faint and narrow. A heavily edited long
document has thousands of marks on a strip a few hundred pixels tall, so the marks
are first merged into runs of pixel rows (``mark_runs``: at most a few per pixel
row) and painted once into a cached picture; a scroll only moves the frame drawn
over it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import QWidget

from gui.common.styles import Colours

MIN_MARK = 2  # pixels: the shortest mark drawn


@dataclass(frozen=True, slots=True)
class Mark:
    """A change in document coordinates (of the right pane; rows align)."""

    kind: str
    top: float
    bottom: float
    minor: bool = False


@dataclass(frozen=True, slots=True)
class MarkRun:
    """Pixel rows ``top``..``bottom``-1 of the strip painted in one colour."""

    kind: str
    minor: bool
    top: int
    bottom: int


def mark_runs(marks: list[Mark | None], scale: float, height: int) -> list[MarkRun]:
    """The marks as runs of pixel rows, linear in marks plus pixel rows.

    Each pixel row shows one full-width mark (where two kinds meet in a pixel, the
    one listed later wins) and one narrow minor mark; neighbouring rows of the same
    kind form one run.
    """
    height = max(height, 1)
    rows: tuple[list[str], list[str]] = ([""] * height, [""] * height)
    for mark in marks:
        if mark is None:
            continue
        top = min(max(math.floor(mark.top * scale), 0), height - 1)
        bottom = min(max(math.ceil(mark.bottom * scale), top + MIN_MARK), height)
        layer = rows[mark.minor]
        layer[top:bottom] = [mark.kind] * (bottom - top)
    runs: list[MarkRun] = []
    for minor, layer in ((False, rows[0]), (True, rows[1])):
        start = 0
        for y in range(1, height + 1):
            if y == height or layer[y] != layer[start]:
                if layer[start]:
                    runs.append(MarkRun(layer[start], minor, start, y))
                start = y
    return runs


class OverviewStrip(QWidget):
    """A minimap of the changes; emits the document y the user clicked."""

    jump_requested = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview")
        self.setFixedWidth(18)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Overview of the changes: click to jump")
        self.marks: list[Mark | None] = []
        self.total = 1.0
        self.view_top = 0.0
        self.view_height = 0.0
        self.colours: Colours | None = None
        self._picture: QPixmap | None = None  # the marks at the current size
        self.renders = 0  # pictures painted (tests)

    def set_marks(self, marks: list[Mark | None], total: float, colours: Colours) -> None:
        """Replace the marks (None: not built yet); ``total`` is the height they scale from."""
        self.marks, self.total, self.colours = marks, max(total, 1.0), colours
        self._picture = None
        self.update()

    def set_view(self, top: float, height: float) -> None:
        """The visible part of the document (a repaint only when it moved)."""
        if (top, height) != (self.view_top, self.view_height):
            self.view_top, self.view_height = top, height
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.colours is None:
            painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.AlternateBase))
            painter.end()
            return
        if self._picture is None or self._picture.size() != self.size() * self.devicePixelRatio():
            self._picture = self._render()
        painter.drawPixmap(0, 0, self._picture)
        scale = self.height() / self.total
        frame = QColor(self.palette().color(QPalette.ColorRole.Text))
        frame.setAlpha(90)
        painter.setPen(frame)
        painter.drawRect(
            QRectF(0.5, self.view_top * scale, self.width() - 1.5, self.view_height * scale)
        )
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        """A new palette (theme) paints the picture again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._picture = None

    def _render(self) -> QPixmap:
        """The background and the marks, painted once for the current size and marks."""
        self.renders += 1
        ratio = self.devicePixelRatio()
        picture = QPixmap(QSize(self.width(), self.height()) * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(self.palette().color(QPalette.ColorRole.AlternateBase))
        painter = QPainter(picture)
        shades: dict[tuple[str, bool], QColor] = {}
        width = self.width()
        for run in mark_runs(self.marks, self.height() / self.total, self.height()):
            colour = shades.get((run.kind, run.minor))
            if colour is None:
                colour = shades[run.kind, run.minor] = QColor(self._colour(run.kind))
                if run.minor:
                    colour.setAlpha(90)
            if run.minor:
                painter.fillRect(QRectF(6, run.top, width - 12, run.bottom - run.top), colour)
            else:
                painter.fillRect(QRectF(2, run.top, width - 4, run.bottom - run.top), colour)
        painter.end()
        return picture

    def _colour(self, kind: str) -> str:
        assert self.colours is not None
        return {
            "deleted": self.colours.word_deleted,
            "inserted": self.colours.word_inserted,
            "moved": self.colours.moved,
            "changed": self.colours.current,
        }.get(kind, self.colours.current)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.jump_requested.emit(event.position().y() / max(self.height(), 1) * self.total)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.mousePressEvent(event)
