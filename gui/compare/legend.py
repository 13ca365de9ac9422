"""The legend: one chip per highlight style, with its non-colour cue in words.

The chips flow onto a second line when the window is narrow (never cut off).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QTextCharFormat
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from gui.common.styles import LEGEND
from gui.compare.margin_marks import LEGEND_TEXT

MARGIN, SPACING, LINE_GAP = 4, 14, 2


class Legend(QWidget):
    """A row of sample words styled like the panes, with plain-text labels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        # As wide as it is given (never widening the panes); as tall as its lines.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._chips: dict[str, QLabel] = {}
        self._items: list[QLabel] = []
        for style, label, cue in LEGEND:
            chip = QLabel(label, self)
            chip.setTextFormat(Qt.TextFormat.PlainText)
            chip.setToolTip(f"{label}: {cue}")
            self._items.append(chip)
            self._chips[style] = chip
        marks = QLabel(LEGEND_TEXT, self)
        marks.setTextFormat(Qt.TextFormat.PlainText)
        marks.setObjectName("margin_legend")
        marks.setToolTip("The marks in the margin beside each pane")
        self._items.append(marks)
        self._flow()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._flow()

    def changeEvent(self, event: QEvent) -> None:
        """A new style or font changes the chips' sizes: place them again once polished."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            QTimer.singleShot(0, self._flow)

    def _flow(self) -> None:
        """Place the chips left to right, starting a new line where one would not fit."""
        x, y, line, width = MARGIN, 0, 0, max(self.width(), 1)
        for item in self._items:
            item.ensurePolished()
            size = item.sizeHint()
            if x > MARGIN and x + size.width() > width - MARGIN:
                x, y = MARGIN, y + line + LINE_GAP
                line = 0
            item.move(QPoint(x, y))
            item.resize(size)
            x += size.width() + SPACING
            line = max(line, size.height())
        if self.height() != y + line:
            self.setFixedHeight(y + line)

    def apply_formats(self, formats: dict[str, QTextCharFormat]) -> None:
        """Style each chip like the text it stands for."""
        for style, chip in self._chips.items():
            fmt = formats[style]
            font = chip.font()
            font.setStrikeOut(fmt.fontStrikeOut())
            font.setUnderline(
                fmt.fontUnderline() or fmt.underlineStyle() != fmt.UnderlineStyle.NoUnderline
            )
            chip.setFont(font)
            rules = ["padding: 1px 5px", "border-radius: 3px"]
            if fmt.background().style() != Qt.BrushStyle.NoBrush:
                rules.append(f"background: {fmt.background().color().name()}")
            if fmt.foreground().style() != Qt.BrushStyle.NoBrush:
                rules.append(f"color: {fmt.foreground().color().name()}")
            if fmt.underlineStyle() == fmt.UnderlineStyle.DotLine:
                rules.append("border-bottom: 1px dotted")
            chip.setStyleSheet("QLabel { " + "; ".join(rules) + " }")
        self._flow()
