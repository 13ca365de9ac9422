"""The annotations dock: tag and status filters above a sortable table of the pair's notes.

Selecting a row asks to show that annotation in the panes; double-click or Enter asks
to edit it, Del to delete it (the window's actions do the work, with undo).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.notes.annotation import STATUS_LABELS, STATUSES
from gui.notes.model import (
    NOTE,
    NUMBER,
    QUOTE,
    STATUS,
    TAG,
    UUID_ROLE,
    AnnotationFilter,
    AnnotationTableModel,
)

ALL_TAGS = "All tags"
NO_TAG_FILTER = "(no tag)"
ALL_STATUSES = "All statuses"


class AnnotationTable(QTableView):
    """The table; Enter asks to edit the current row, Del to delete it."""

    edit_requested = Signal()
    delete_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_requested.emit()
        elif event.key() == Qt.Key.Key_Delete:
            self.delete_requested.emit()
        else:
            super().keyPressEvent(event)


class AnnotationPanel(QWidget):
    """Filters, count and table of the annotations; signals carry the annotation's uuid."""

    activated = Signal(str)
    edit_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotation_panel")
        self.model = AnnotationTableModel(self)
        self.proxy = AnnotationFilter(self.model, self)
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("tag_filter")
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        self.status_filter.addItem(ALL_STATUSES, None)
        for status in STATUSES:
            self.status_filter.addItem(STATUS_LABELS[status], status)
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.table = AnnotationTable()
        self.table.setObjectName("annotation_table")
        self._build_table()
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 0)
        bar.addWidget(self.tag_filter)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.count_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.set_tags([])
        self._connect()

    def _build_table(self) -> None:
        table = self.table
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(NUMBER, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
        header = table.horizontalHeader()
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(QUOTE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(NUMBER, 40)
        header.resizeSection(TAG, 120)
        header.resizeSection(STATUS, 95)

    def _connect(self) -> None:
        self.tag_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.status_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.edit_requested.connect(self._on_table_edit_requested)
        self.table.delete_requested.connect(self._on_table_delete_requested)
        for signal in (
            self.model.modelReset,
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_count)

    def set_tags(self, tags: list[str]) -> None:
        """Offer ``tags`` in the tag filter (keeps the chosen one if still offered)."""
        chosen = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(ALL_TAGS, None)
        self.tag_filter.addItem(NO_TAG_FILTER, "")
        for tag in tags:
            self.tag_filter.addItem(tag, tag)
        found = self.tag_filter.findData(chosen) if chosen is not None else 0
        self.tag_filter.setCurrentIndex(max(found, 0))
        self.tag_filter.blockSignals(False)
        self._on_filter_changed()

    def set_filter(self, tag: str | None = None, status: str | None = None) -> None:
        """Choose the filters (None: all; tag "": annotations without a tag)."""
        self.tag_filter.setCurrentIndex(max(self.tag_filter.findData(tag), 0))
        self.status_filter.setCurrentIndex(max(self.status_filter.findData(status), 0))

    def _on_filter_changed(self) -> None:
        tag = self.tag_filter.currentData()
        self.proxy.set_filter(tag or None, self.status_filter.currentData(), tag == "")
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        noun = "note" if total == 1 else "notes"
        self.count_label.setText(
            f"{total} {noun}" if shown == total else f"{shown} of {total} {noun}"
        )

    def shown_uuids(self) -> list[str]:
        """The uuids of the rows shown, top to bottom."""
        return [self.proxy.index(r, 0).data(UUID_ROLE) for r in range(self.proxy.rowCount())]

    def current_uuid(self) -> str | None:
        """The uuid of the selected row, if any."""
        index = self.table.selectionModel().currentIndex()
        return index.data(UUID_ROLE) if index.isValid() else None

    def select(self, uuid: str) -> None:
        """Select the row of ``uuid`` (if shown), without asking to show it again."""
        row = self.model.row_of(uuid)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
        if index.isValid():
            self.table.blockSignals(True)
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(index.row())
            self.table.selectionModel().blockSignals(False)
            self.table.blockSignals(False)
            self.table.scrollTo(index)

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.activated.emit(current.data(UUID_ROLE))

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        self.edit_requested.emit(index.data(UUID_ROLE))

    def _on_table_edit_requested(self) -> None:
        uuid = self.current_uuid()
        if uuid:
            self.edit_requested.emit(uuid)

    def _on_table_delete_requested(self) -> None:
        uuid = self.current_uuid()
        if uuid:
            self.delete_requested.emit(uuid)
