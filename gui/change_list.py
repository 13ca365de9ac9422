"""The change list: one row per change (kind, both excerpts, word counts)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from gui.changes import Change
from gui.plain import tooltip

COLUMNS = ("Kind", "Old", "New", "Words")
KIND_LABELS = {
    "changed": "\u2260 changed",
    "deleted": "\u2212 deleted",
    "inserted": "+ inserted",
    "moved": "\u21c5 moved",
}
AnyIndex = QModelIndex | QPersistentModelIndex


def counts(change: Change) -> str:
    """Word counts of a change, e.g. ``-3 +5`` or ``12 moved``."""
    parts = []
    if change.deleted_words:
        parts.append(f"\u2212{change.deleted_words}")
    if change.inserted_words:
        parts.append(f"+{change.inserted_words}")
    if change.moved_words:
        parts.append(f"{change.moved_words} moved")
    return " ".join(parts) or "0"


class ChangeListModel(QAbstractTableModel):
    """The changes of the shown comparison."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.changes: tuple[Change, ...] = ()

    def set_changes(self, changes: tuple[Change, ...]) -> None:
        """Replace the list."""
        self.beginResetModel()
        self.changes = changes
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.changes)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.changes):
            return None
        change = self.changes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                KIND_LABELS[change.kind],
                change.old_excerpt,
                change.new_excerpt,
                counts(change),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (1, 2):
            return tooltip(change.old_excerpt if index.column() == 1 else change.new_excerpt)
        return None


class ChangeListView(QTableView):
    """The table of changes; selecting a row asks to show that change."""

    change_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("change_list")
        self.changes_model = ChangeListModel(self)
        self.setModel(self.changes_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 90)
        header.resizeSection(3, 80)
        self._quiet = False
        self.selectionModel().currentRowChanged.connect(self._on_selection_current_row_changed)

    def set_changes(self, changes: tuple[Change, ...]) -> None:
        """Show ``changes``."""
        self.changes_model.set_changes(changes)

    def select_change(self, row: int) -> None:
        """Select ``row`` without re-emitting ``change_activated``."""
        self._quiet = True
        try:
            self.selectRow(row)
            self.scrollTo(self.changes_model.index(row, 0))
        finally:
            self._quiet = False

    def _on_selection_current_row_changed(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self.change_activated.emit(current.row())
