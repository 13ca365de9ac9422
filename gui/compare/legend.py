"""The legend: one chip per highlight style, with its non-colour cue in words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from gui.common.styles import LEGEND
from gui.compare.margin_marks import LEGEND_TEXT


class Legend(QWidget):
    """A row of sample words styled like the panes, with plain-text labels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        # Clipped when the window is narrow, instead of keeping the panes wide.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(14)
        self._chips: dict[str, QLabel] = {}
        for style, label, cue in LEGEND:
            chip = QLabel(label)
            chip.setTextFormat(Qt.TextFormat.PlainText)
            chip.setToolTip(f"{label}: {cue}")
            layout.addWidget(chip)
            self._chips[style] = chip
        marks = QLabel(LEGEND_TEXT)
        marks.setTextFormat(Qt.TextFormat.PlainText)
        marks.setObjectName("margin_legend")
        marks.setToolTip("The marks in the margin beside each pane")
        layout.addWidget(marks)
        layout.addStretch(1)

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
