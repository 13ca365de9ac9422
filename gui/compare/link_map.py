"""The strip between the panes that links changed blocks to their counterparts.

As in Meld and WinMerge: each change is a band from its old extent (left edge) to
its new extent (right edge); a side with no text is a thin wedge to the point where
the text would stand; moved text gets a line from one place to the other. Minor
(punctuation-only) changes are drawn faint, without an edge.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from gui.common.styles import Colours


@dataclass(frozen=True, slots=True)
class Link:
    """A change drawn in the link map, in document coordinates of each pane."""

    kind: str
    old_top: float
    old_bottom: float
    new_top: float
    new_bottom: float
    current: bool = False
    minor: bool = False


class LinkMap(QWidget):
    """Paints the links; the compare view feeds it links and scroll offsets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("link_map")
        self.setFixedWidth(44)
        self.links: list[Link | None] = []
        self.old_scroll = 0
        self.new_scroll = 0
        self.colours: Colours | None = None

    def set_links(self, links: list[Link | None], colours: Colours) -> None:
        """Replace the links to draw (None: not built yet)."""
        self.links, self.colours = links, colours
        self.update()

    def set_scroll(self, old_scroll: int, new_scroll: int) -> None:
        """Follow the panes' scroll positions."""
        self.old_scroll, self.new_scroll = old_scroll, new_scroll
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.colours is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = float(self.width()), float(self.height())
        for link in self.links:
            if link is None:
                continue
            ot, ob = link.old_top - self.old_scroll, link.old_bottom - self.old_scroll
            nt, nb = link.new_top - self.new_scroll, link.new_bottom - self.new_scroll
            if max(ob, nb) < 0 or min(ot, nt) > height:
                continue
            self._draw(painter, link, (ot, ob, nt, nb), width)
        painter.end()

    def _draw(
        self, painter: QPainter, link: Link, ys: tuple[float, float, float, float], width: float
    ) -> None:
        ot, ob, nt, nb = ys
        colour = QColor(self._colour(link.kind))
        edge = QColor(colour).darker(160)
        if link.kind == "moved":
            pen = QPen(edge, 2.5 if link.current else 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(0, (ot + ob) / 2), QPointF(width, (nt + nb) / 2))
            return
        path = QPainterPath(QPointF(0, ot))
        path.cubicTo(QPointF(width / 2, ot), QPointF(width / 2, nt), QPointF(width, nt))
        path.lineTo(QPointF(width, nb))
        path.cubicTo(QPointF(width / 2, nb), QPointF(width / 2, ob), QPointF(0, ob))
        path.closeSubpath()
        colour.setAlpha(70 if link.minor and not link.current else 200)
        if link.minor and not link.current:
            painter.setPen(Qt.PenStyle.NoPen)
        else:
            painter.setPen(QPen(edge, 2.0 if link.current else 1.0))
        painter.setBrush(colour)
        painter.drawPath(path)

    def _colour(self, kind: str) -> str:
        assert self.colours is not None
        return {
            "deleted": self.colours.word_deleted,
            "inserted": self.colours.word_inserted,
            "moved": self.colours.moved,
        }.get(kind, self.colours.counterpart)
