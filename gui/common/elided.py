"""A one-line plain-text label that shortens its text to the width it is given.

A long file name or summary never widens its layout: the label asks for its whole
text but accepts any width, draws "…" where text is cut (in the middle by default,
so the end of a file name stays) and shows the whole text as its tooltip. Given
shorter wordings of the same text (``set_texts``), it draws the longest that fits
whole, and cuts only the shortest.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """A ``QLabel`` for one line of plain text, elided to its width."""

    def __init__(
        self,
        parent: QWidget | None = None,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle,
        share: float = 0.0,
    ) -> None:
        super().__init__(parent)
        self.mode = mode
        self.share = share  # if set: ask for at most this share of the window's width
        self.shorter: tuple[str, ...] = ()  # the text in fewer words, shortest last
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        self.shorter = ()
        super().setText(text)
        self.setToolTip(text)

    def set_texts(self, texts: tuple[str, ...], tip: str) -> None:
        """Show ``texts[0]``, or the first of the shorter wordings after it that fits
        the label's width whole; ``tip`` is the tooltip."""
        super().setText(texts[0] if texts else "")
        self.shorter = texts[1:]
        self.setToolTip(tip)
        self.update()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        # QLabel's hint can be a pixel or two short of the advance the text is drawn
        # with (and then the whole text would be cut by its last letters).
        margins = self.contentsMargins()
        whole = self.fontMetrics().horizontalAdvance(self.text()) + 2 * self.margin()
        hint.setWidth(max(hint.width(), whole + margins.left() + margins.right() + 1))
        if self.share > 0:
            hint.setWidth(min(hint.width(), round(self.window().width() * self.share)))
        return hint

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.share > 0:  # its hint follows the window's width: asked again on resize
            self.window().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window() and event.type() == QEvent.Type.Resize:
            self.updateGeometry()
        return False

    def minimumSizeHint(self) -> QSize:
        return QSize(
            self.fontMetrics().horizontalAdvance("\u2026") * 4, super().minimumSizeHint().height()
        )

    def shown_text(self) -> str:
        """The text as drawn at the current width: the longest wording that fits."""
        width, metrics = self.contentsRect().width(), self.fontMetrics()
        text = self.text()
        for shorter in self.shorter:
            if metrics.horizontalAdvance(text) <= width:
                break
            text = shorter
        return metrics.elidedText(text, self.mode, width)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            self.contentsRect(),
            int(self.alignment() | Qt.AlignmentFlag.AlignVCenter),
            self.shown_text(),
        )
        painter.end()
