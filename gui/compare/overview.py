"""The overview strip: where the changes are in the whole document; click to jump.

Minor (punctuation-only) changes are drawn faint and narrow.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from gui.common.styles import Colours


@dataclass(frozen=True, slots=True)
class Mark:
    """A change in document coordinates (of the right pane; rows align)."""

    kind: str
    top: float
    bottom: float
    minor: bool = False


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

    def set_marks(self, marks: list[Mark | None], total: float, colours: Colours) -> None:
        """Replace the marks (None: not built yet); ``total`` is the height they scale from."""
        self.marks, self.total, self.colours = marks, max(total, 1.0), colours
        self.update()

    def set_view(self, top: float, height: float) -> None:
        """The visible part of the document."""
        self.view_top, self.view_height = top, height
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.AlternateBase))
        if self.colours is not None:
            scale = self.height() / self.total
            for mark in self.marks:
                if mark is None:
                    continue
                y = mark.top * scale
                h = max((mark.bottom - mark.top) * scale, 2.0)
                colour = QColor(self._colour(mark.kind))
                if mark.minor:
                    colour.setAlpha(90)
                    painter.fillRect(QRectF(6, y, self.width() - 12, h), colour)
                else:
                    painter.fillRect(QRectF(2, y, self.width() - 4, h), colour)
            frame = QColor(self.palette().color(QPalette.ColorRole.Text))
            frame.setAlpha(90)
            painter.setPen(frame)
            painter.drawRect(
                QRectF(0.5, self.view_top * scale, self.width() - 1.5, self.view_height * scale)
            )
        painter.end()

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
