"""The similarity matrix page: the heat map with its order switch and colour scale.

Shown in place of the pairwise view (like the N-way page). A line above the map
says what is shown (how many documents and families, whether values are
estimated, or why no matrix is shown); *Back to Comparison* returns.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gui.families.data import MatrixData
from gui.families.matrix import STOPS, MatrixCanvas, colour

TICKS = (0.0, 0.25, 0.5, 0.75, 1.0)


class ScaleLegend(QWidget):
    """The colour scale: a gradient bar from 0 to 1 with numbered ticks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # 240 wide where there is room, down to 160 in a narrow window.
        self.setMinimumSize(160, 34)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setToolTip(
            "Similarity: the share of words the two texts have in common, 0 to 1\n"
            "(under about 0.06 estimated from the documents' fingerprints)"
        )

    def sizeHint(self) -> QSize:
        return QSize(240, 34)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        bar = QRect(10, 2, self.width() - 20, 14)
        gradient = QLinearGradient(bar.left(), 0, bar.right(), 0)
        for stop, _ in STOPS:
            gradient.setColorAt(stop, colour(stop))
        painter.fillRect(bar, gradient)
        painter.setPen(self.palette().windowText().color())
        painter.drawRect(bar.adjusted(0, 0, -1, -1))
        for tick in TICKS:
            x = bar.left() + round(tick * (bar.width() - 1))
            painter.drawLine(x, bar.bottom(), x, bar.bottom() + 3)
            label = QRect(x - 20, bar.bottom() + 3, 40, 14)
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, f"{tick:g}")
        painter.end()


class MatrixPage(QWidget):
    """The page; emits what the user asks for, shows what it is given."""

    pair_requested = Signal(str, str)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matrix_page")
        self.data: MatrixData | None = None
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)  # two lines in a narrow window, not a wider window
        self.order = QComboBox()
        self.order.addItems(["By family", "By name"])
        self.order.setToolTip("Order of the rows and columns")
        self.legend = ScaleLegend()
        self.back = QPushButton("Back to Comparison")
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.canvas = MatrixCanvas()
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(QLabel("Order:"))
        top.addWidget(self.order)
        top.addSpacing(12)
        top.addWidget(self.legend)
        top.addWidget(self.back)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.canvas, 1)
        self.order.currentIndexChanged.connect(self._on_order_current_index_changed)
        self.back.clicked.connect(self.back_requested)
        self.canvas.pair_requested.connect(self.pair_requested)
        self.show_message("Open a folder to see how similar its documents are.")

    def show_message(self, text: str) -> None:
        """No matrix: ``text`` says why (or that it is being built)."""
        self.data = None
        self.title.setText("Similarity matrix")
        self.message.setText(text)
        self.canvas.set_data(None)
        self.canvas.hide()

    def show_matrix(self, data: MatrixData) -> None:
        """Show ``data`` in the chosen order."""
        self.data = data
        families = len({f for f in data.families if f is not None})
        self.title.setText(
            f"Similarity of {len(data.names):,} documents, {families:,} story "
            f"{'family' if families == 1 else 'families'}"
        )
        hint = "Click a cell to compare the two documents."
        self.message.setText(f"{data.note}. {hint}" if data.note else hint)
        self.canvas.show()
        self._show_ordered()

    def _show_ordered(self) -> None:
        if self.data is not None:
            by_family = self.order.currentIndex() == 0
            self.canvas.by_family = by_family
            self.canvas.set_data(self.data.ordered(by_family))

    def _on_order_current_index_changed(self, _index: int) -> None:
        self._show_ordered()
