"""The N-way view: the base's sentences, each with a strip of cells, one per version.

A base picker and a "sort by similarity" switch above the grid, the versions'
summaries and a legend (symbols as well as colours) beside them, the grid, and
under it the current sentence in full with every version's wording. Clicking a
cell asks for the pairwise comparison of the base with that version; "Back to
Comparison" returns to the pairwise view. The view only shows: the work is done by
``gui.nway.job`` and wired by ``gui.nway.controller``.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.nway.grid import STATUSES, NWay, sort_by_similarity
from core.report.nway import EXPLAINED, MEANINGS, SYMBOLS, dropped_text, wording
from gui.common.plain import shown_path
from gui.nway.model import LINE_NAME_CHARS, NWayModel, cut, version_name, version_tip

CELL_WIDTH = 46
DETAIL_CHARS = 5000


class NWayView(QWidget):
    """The grid page; emits what the user asks for, shows what it is given."""

    pair_requested = Signal(str, str)
    base_chosen = Signal(int)
    back_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nway_view")
        self.model = NWayModel(self)
        self.model.set_palette(self.palette())
        self.chips: dict[str, QLabel] = {}  # the legend's, by status
        self.nway: NWay | None = None
        self.paths: tuple[str, ...] = ()
        self._build()
        self._connect()
        self.set_busy(False)

    # -- building ---------------------------------------------------------------------

    def _build(self) -> None:
        self.base_box = QComboBox()
        self.base_box.setToolTip("The version whose sentences form the rows")
        self.sort_box = QCheckBox("Sort by similarity")
        self.sort_box.setToolTip("Most similar versions first (left)")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.cancel_button = QPushButton("Cancel")
        self.back_button = QPushButton("Back to Comparison")
        self.back_button.setToolTip("Return to the comparison of two documents")
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setObjectName("nway_summary")
        self.summary.setWordWrap(True)  # a line per version, wrapped: never widens the window
        self.table = self._build_table()
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setObjectName("nway_detail")
        self.detail.setPlaceholderText("Select a sentence to read it with every version's wording")
        top = QHBoxLayout()
        base_label = QLabel("Base:")
        base_label.setBuddy(self.base_box)
        for widget in (base_label, self.base_box, self.sort_box, self.progress, self.cancel_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.back_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self._build_legend())
        layout.addWidget(split, 1)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("nway_grid")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.setMouseTracking(True)
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        columns = table.horizontalHeader()
        columns.setStretchLastSection(True)
        columns.setMinimumSectionSize(CELL_WIDTH)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        return table

    def _build_legend(self) -> QWidget:
        legend = QWidget()
        legend.setObjectName("nway_legend")
        row = QHBoxLayout(legend)
        row.setContentsMargins(0, 0, 0, 0)
        for status in STATUSES:
            chip = QLabel(f"{SYMBOLS[status]} {MEANINGS[status]}")
            chip.setTextFormat(Qt.TextFormat.PlainText)
            chip.setToolTip(EXPLAINED[status])
            self.chips[status] = chip
            row.addWidget(chip, 0, Qt.AlignmentFlag.AlignVCenter)  # (not as tall as the hint)
        self._colour_chips()
        hint = QLabel("Hover a cell for that version's wording; click it to compare the pair.")
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)  # two lines in a narrow window, not a wider window
        row.addWidget(hint, 1)
        return legend

    def _connect(self) -> None:
        self.base_box.activated.connect(self._on_base_box_activated)
        self.sort_box.toggled.connect(self._on_sort_box_toggled)
        self.back_button.clicked.connect(self.back_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.table.clicked.connect(self._on_table_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

    # -- showing -------------------------------------------------------------------------

    def set_paths(self, paths: tuple[str, ...], base: int | None) -> None:
        """The documents the base picker offers; ``base`` is selected (None: not yet)."""
        self.paths = paths
        self.base_box.blockSignals(True)
        self.base_box.clear()
        for path in paths:
            self.base_box.addItem(shown_path(os.path.basename(path)))
            self.base_box.setItemData(
                self.base_box.count() - 1, shown_path(path), Qt.ItemDataRole.ToolTipRole
            )
        if base is not None:
            self.base_box.setCurrentIndex(base)
        self.base_box.blockSignals(False)

    def show_nway(self, nway: NWay | None, base: int | None = None) -> None:
        """Show a grid (None clears it); ``base`` indexes the picker's documents."""
        self.nway = nway
        if base is not None:
            self.base_box.setCurrentIndex(base)
        self._show_grid()

    def _show_grid(self) -> None:
        nway = self.nway
        if nway is not None and self.sort_box.isChecked():
            nway = sort_by_similarity(nway)
        self.model.set_nway(nway)
        self.detail.clear()
        if nway is None:
            self.summary.clear()
            return
        header = self.table.horizontalHeader()
        for column in range(len(nway.versions)):  # wide enough for the version's name
            self.table.setColumnWidth(column, max(CELL_WIDTH, header.sectionSizeHint(column)))
        versions = range(len(nway.versions))
        self.summary.setText("\n".join(version_tip_line(nway, i) for i in versions))
        self.summary.setToolTip("\n\n".join(version_tip(nway, i) for i in versions))

    def set_busy(self, busy: bool, done: int = 0, total: int = 0) -> None:
        """Show progress (``done`` of ``total`` comparisons) and Cancel while working."""
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} of {total} comparisons" if total else "Comparing\u2026")
        self.base_box.setEnabled(not busy)

    def _colour_chips(self) -> None:
        """The legend's chips in the cells' colours (light or dark, as the palette)."""
        for status, chip in self.chips.items():
            back, fore = self.model.colours[status]
            chip.setStyleSheet(
                f"QLabel {{ background: {back}; color: {fore}; padding: 1px 6px; "
                "border-radius: 3px }"
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.model.set_palette(self.palette())
            self._colour_chips()
        super().changeEvent(event)

    # -- slots ---------------------------------------------------------------------------

    def _on_base_box_activated(self, index: int) -> None:
        self.base_chosen.emit(index)

    def _on_sort_box_toggled(self, _checked: bool) -> None:
        self._show_grid()

    def _on_table_clicked(self, index: QModelIndex) -> None:
        shown = self.model.nway
        if shown is None or index.column() >= len(shown.versions):
            return
        self.pair_requested.emit(shown.base.path, shown.versions[index.column()].document.path)

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        shown = self.model.nway
        if shown is None or not current.isValid():
            self.detail.clear()
            return
        self.detail.setPlainText(detail_text(shown, current.row()))


def version_tip_line(nway: NWay, version: int) -> str:
    """One line of the summary: the version's name, as its column shows it but less
    shortened (the paths are in the summary's tooltip), and what it keeps."""
    figures = version_tip(nway, version).split("\n", 1)[1].replace("\n", "; ")
    return f"{version_name(nway, version, LINE_NAME_CHARS)} \u2014 {figures}"


def detail_text(nway: NWay, row: int) -> str:
    """A base sentence in full, then each version's status and wording."""
    s, e = nway.sentences[row].base
    parts = [
        f"Sentence {row + 1} of the base, {shown_path(os.path.basename(nway.base.path))}:",
        cut(nway.base.text[s:e], DETAIL_CHARS),
    ]
    for i in range(len(nway.versions)):
        status = nway.sentences[row].cells[i].status
        said = wording(nway, i, row)
        parts.append("")
        parts.append(
            f"{version_name(nway, i, LINE_NAME_CHARS)}: {SYMBOLS[status]} {MEANINGS[status]}"
        )
        parts.append(cut(said, DETAIL_CHARS) if said else "(nothing in its place)")
        gone = dropped_text(nway, i, row)
        if gone and status == "edited":
            parts.append(f"drops: {cut(gone, DETAIL_CHARS)}")
    return "\n".join(parts)
