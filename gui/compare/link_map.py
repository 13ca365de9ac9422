"""The strip between the panes that links changed blocks to their counterparts.

As in Meld and WinMerge: each change is a band from its old extent (left edge) to
its new extent (right edge); a side with no text is a thin wedge to the point where
the text would stand; moved text gets a line from one place to the other. Minor
(punctuation-only) changes are drawn faint, without an edge.
"""

from __future__ import annotations

import operator
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from gui.common.styles import Colours

MARGIN = 8.0  # pixels beyond the strip's edges still drawn (a pen's width and more)


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


class LinkIndex:
    """The links sorted by position on each side, so that a paint finds the few with
    an end in view by bisection instead of looking at every link (thousands on a
    heavily edited pair, 5-8 ms a scroll step)."""

    def __init__(self, links: list[Link | None]) -> None:
        ids = [i for i, link in enumerate(links) if link is not None]
        present = [link for link in links if link is not None]
        self.sides = [
            self._side(ids, [k.old_top for k in present], [k.old_bottom for k in present]),
            self._side(ids, [k.new_top for k in present], [k.new_bottom for k in present]),
        ]

    @staticmethod
    def _side(
        ids: list[int], tops: list[float], bottoms: list[float]
    ) -> tuple[list[float], list[int], float]:
        """Tops in order, the link of each, and the tallest extent on one side."""
        order = sorted(range(len(ids)), key=tops.__getitem__)  # mostly in order already
        reach = max(map(operator.sub, bottoms, tops), default=0.0)
        return [tops[k] for k in order], [ids[k] for k in order], reach

    def near(self, old: tuple[float, float], new: tuple[float, float]) -> list[int]:
        """The links (in list order) whose old extent meets ``old`` or new extent meets
        ``new`` (document coordinates), and perhaps a few more."""
        found: set[int] = set()
        for (tops, ids, reach), (low, high) in zip(self.sides, (old, new), strict=True):
            found.update(ids[bisect_left(tops, low - reach) : bisect_right(tops, high)])
        return sorted(found)


def visible_segment(
    left_y: float, right_y: float, width: float, height: float
) -> tuple[QPointF, QPointF] | None:
    """The part of the line from (0, ``left_y``) to (``width``, ``right_y``) that lies
    within a few pixels of the strip's height (None: no part of it).

    Text moved a whole document away gives a line hundreds of thousands of pixels
    long, and Qt lays a dashed pen out dash by dash along all of it; the dashes
    outside the strip are never seen.
    """
    top, bottom = -MARGIN, height + MARGIN
    if max(left_y, right_y) < top or min(left_y, right_y) > bottom:
        return None
    start, end = QPointF(0, left_y), QPointF(width, right_y)
    for point, y in ((start, left_y), (end, right_y)):
        clamped = min(max(y, top), bottom)
        if clamped != y:
            point.setX(width * (clamped - left_y) / (right_y - left_y))
            point.setY(clamped)
    return start, end


def band_path(ys: tuple[float, float, float, float], width: float, height: float) -> QPainterPath:
    """The band from the old extent (left edge) to the new one (right edge), its ends
    cut at a few pixels beyond the strip's edges.

    A band to text far off the strip (the other pane shows the other side of a move)
    would be hundreds of thousands of pixels tall, and Qt fills such a path slowly
    (5 ms each, hundreds of them per paint).
    """
    ot, ob, nt, nb = (min(max(y, -MARGIN), height + MARGIN) for y in ys)
    path = QPainterPath(QPointF(0, ot))
    path.cubicTo(QPointF(width / 2, ot), QPointF(width / 2, nt), QPointF(width, nt))
    path.lineTo(QPointF(width, nb))
    path.cubicTo(QPointF(width / 2, nb), QPointF(width / 2, ob), QPointF(0, ob))
    path.closeSubpath()
    return path


class LinkMap(QWidget):
    """Paints the links; the compare view feeds it links and scroll offsets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("link_map")
        self.setFixedWidth(44)
        self.links: list[Link | None] = []
        self._index: LinkIndex | None = None
        self.old_scroll = 0
        self.new_scroll = 0
        self.colours: Colours | None = None

    def set_links(self, links: list[Link | None], colours: Colours) -> None:
        """Replace the links to draw (None: not built yet). Only where they stand is
        indexed: a link later replaced in place at the same place (the current change)
        is drawn as it is then."""
        self.links, self.colours = links, colours
        self._index = None  # made again at the next paint
        self.update()

    def links_near_view(self) -> list[int]:
        """The links that may have an end in view, in list (drawing) order."""
        height = float(self.height())
        old, new = float(self.old_scroll), float(self.new_scroll)
        if self._index is None:
            self._index = LinkIndex(self.links)
        return self._index.near(
            (old - MARGIN, old + height + MARGIN), (new - MARGIN, new + height + MARGIN)
        )

    def set_scroll(self, old_scroll: int, new_scroll: int) -> None:
        """Follow the panes' scroll positions (a repaint only when they moved: the
        view reports them after every slice of rows it builds)."""
        if (old_scroll, new_scroll) != (self.old_scroll, self.new_scroll):
            self.old_scroll, self.new_scroll = old_scroll, new_scroll
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.colours is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = float(self.width()), float(self.height())
        for i in self.links_near_view():
            link = self.links[i]
            if link is None:
                continue
            ot, ob = link.old_top - self.old_scroll, link.old_bottom - self.old_scroll
            nt, nb = link.new_top - self.new_scroll, link.new_bottom - self.new_scroll
            # Only links with an end in view: when the panes stand apart (the two
            # sides of a move), thousands of links cross the strip from end to end.
            if (ob < 0 or ot > height) and (nb < 0 or nt > height):
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
            segment = visible_segment(
                (ot + ob) / 2, (nt + nb) / 2, width, float(painter.device().height())
            )
            if segment is not None:
                painter.drawLine(*segment)
            return
        path = band_path(ys, width, float(painter.device().height()))
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
