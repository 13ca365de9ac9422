"""Icons and tooltips of risky-edit flags (``core.flags.detect``), drawn with QPainter.

Each kind is a small badge of its own colour with a white sign on it, so the icon
reads on light and dark backgrounds alike: ``#`` for a figure, a "no" sign for a
negation, a head and shoulders for a name, a speech bubble for an attribution and
a quotation mark for a quote. A change with several kinds shows their badges side
by side in the order of ``FLAG_KINDS``. The tooltip names every kind and says what
changed, so colour and shape are never the only cue.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

from core.flags.detect import FLAG_KINDS, Flag, FlagKind, flag_label
from gui.common.plain import tooltip

BADGE = 14  # logical pixels; drawn at twice the size for high-density screens
GAP = 2
SCALE = 2
SLOTS = 3  # icons are this many badges wide (left-aligned), so the kinds line up
COLOURS: dict[FlagKind, str] = {
    "number": "#1f5fbf",
    "negation": "#c0262d",
    "name": "#7a3db8",
    "attribution": "#0f7f6f",
    "quote": "#b35c00",
}


def flag_kinds(flags: Sequence[Flag]) -> tuple[FlagKind, ...]:
    """The distinct kinds of ``flags``, in the order of ``FLAG_KINDS``."""
    present = {f.kind for f in flags}
    return tuple(k for k in FLAG_KINDS if k in present)


def icon_width(count: int = SLOTS) -> int:
    """Width in logical pixels of an icon of ``count`` badges."""
    return count * BADGE + max(count - 1, 0) * GAP


def icon_size() -> QSize:
    """The size the change list gives its icons (more than ``SLOTS`` kinds shrink)."""
    return QSize(icon_width(), BADGE)


@lru_cache(maxsize=64)
def flags_icon(kinds: tuple[FlagKind, ...]) -> QIcon:
    """One icon with a badge per kind, blank for none (cached: few combinations)."""
    width = icon_width(max(len(kinds), SLOTS))
    pixmap = QPixmap(width * SCALE, BADGE * SCALE)
    pixmap.setDevicePixelRatio(SCALE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for n, kind in enumerate(kinds):
        _badge(painter, QRectF(n * (BADGE + GAP), 0, BADGE, BADGE), kind)
    painter.end()
    return QIcon(pixmap)


def flags_tooltip(flags: Sequence[Flag]) -> str:
    """Plain-text tooltip (escaped as rich text by ``gui.common.plain.tooltip``)."""
    lines = [f"{flag_label(f)}: {f.explanation}" for f in flags]
    return tooltip(
        "Check: " + "\n".join(lines) if len(lines) == 1 else "Check:\n" + "\n".join(lines)
    )


def _badge(painter: QPainter, rect: QRectF, kind: FlagKind) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(COLOURS[kind]))
    painter.drawRoundedRect(rect, 3, 3)
    painter.setPen(QPen(QColor("white"), 1.6))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    _SIGNS[kind](painter, rect.adjusted(3, 3, -3, -3))


def _text_sign(text: str, grow: float = 3, drop: float = 0) -> Callable[[QPainter, QRectF], None]:
    """A bold character filling the badge (``drop`` lowers marks that sit high)."""

    def draw(painter: QPainter, rect: QRectF) -> None:
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(int(rect.height() + grow))
        painter.setFont(font)
        box = rect.adjusted(-3, -2 + drop, 3, 3 + drop)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    return draw


def _no_sign(painter: QPainter, rect: QRectF) -> None:
    painter.drawEllipse(rect)
    d = rect.width() * 0.15
    painter.drawLine(rect.topLeft() + QPointF(d, d), rect.bottomRight() - QPointF(d, d))


def _person(painter: QPainter, rect: QRectF) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("white"))
    w = rect.width()
    painter.drawEllipse(QRectF(rect.left() + w * 0.3, rect.top(), w * 0.4, w * 0.4))
    path = QPainterPath()
    path.moveTo(rect.left(), rect.bottom())
    path.cubicTo(
        QPointF(rect.left(), rect.top() + w * 0.45),
        QPointF(rect.right(), rect.top() + w * 0.45),
        QPointF(rect.right(), rect.bottom()),
    )
    path.closeSubpath()
    painter.drawPath(path)


def _bubble(painter: QPainter, rect: QRectF) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("white"))
    body = QRectF(rect.left(), rect.top(), rect.width(), rect.height() * 0.72)
    painter.drawRoundedRect(body, 2, 2)
    tail = QPainterPath()
    tail.moveTo(rect.left() + rect.width() * 0.2, body.bottom() - 0.5)
    tail.lineTo(rect.left() + rect.width() * 0.15, rect.bottom())
    tail.lineTo(rect.left() + rect.width() * 0.5, body.bottom() - 0.5)
    painter.drawPath(tail)


_SIGNS: dict[FlagKind, Callable[[QPainter, QRectF], None]] = {
    "number": _text_sign("#"),
    "negation": _no_sign,
    "name": _person,
    "attribution": _bubble,
    "quote": _text_sign("\u201c", grow=10, drop=4),
}
