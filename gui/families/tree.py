"""The document list grouped by story family: one collapsible node per family.

Each family node lists its versions, the likely original first (marked ★); the
documents alone follow, by name (files that could not be loaded among them, with
their warning). Selecting a family node selects all its versions, so Compare
Versions compares the whole family against its likely original.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyle, QTreeView, QWidget

from gui.common.plain import shown_path, tooltip
from gui.common.table_model import AnyIndex
from gui.documents import family_columns
from gui.documents.family_index import ORIGINAL_TIP, DocFamily, FamilyIndex
from gui.work.loading import DocumentRow

TREE_COLUMNS = ("Name", "Closest", "Similarity", "Words", "Folder")
_TOP = 0  # internalId of top-level items; a member of family k has k + 1


class FamilyTreeModel(QAbstractItemModel):
    """Families (with their members as children), then the documents alone."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.families: list[tuple[str, ...]] = []
        self.headlines: list[str] = []  # per family shown: its story's first words
        self.alone: list[str] = []
        self.rows: dict[str, DocumentRow] = {}
        self.info: dict[str, DocFamily] = {}

    def rebuild(self, rows: Sequence[DocumentRow], index: FamilyIndex | None) -> None:
        """Show ``rows`` grouped by the families of ``index`` (all alone when None)."""
        self.beginResetModel()
        self.rows = {r.path: r for r in rows}
        self.info = dict(index.by_path) if index is not None else {}
        families = index.families if index is not None else ()
        heads = index.headlines if index is not None else ()
        kept = [k for k, f in enumerate(families) if all(p in self.rows for p in f)]
        self.families = [families[k] for k in kept]
        self.headlines = [heads[k] if k < len(heads) else "" for k in kept]
        grouped = {p for f in self.families for p in f}
        self.alone = sorted(
            (p for p in self.rows if p not in grouped), key=lambda p: self.rows[p].relpath.lower()
        )
        self.endResetModel()

    def path_at(self, index: AnyIndex) -> str | None:
        """The document of ``index``, None for a family node."""
        if not index.isValid():
            return None
        family = index.internalId()
        if family != _TOP:
            return self.families[family - 1][index.row()]
        row = index.row() - len(self.families)
        return self.alone[row] if row >= 0 else None

    def members_at(self, index: AnyIndex) -> tuple[str, ...]:
        """The documents of ``index``: a family node's versions, or the one document."""
        path = self.path_at(index)
        if path is not None:
            return (path,)
        return self.families[index.row()] if index.isValid() else ()

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.families) + len(self.alone)
        if parent.internalId() == _TOP and parent.row() < len(self.families):
            return len(self.families[parent.row()]) if parent.column() == 0 else 0
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(TREE_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return TREE_COLUMNS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        path = self.path_at(index)
        if path is None:
            return self._family_data(index.row(), index.column(), role)
        return self._document_data(path, index.column(), role)

    def _family_data(self, family: int, column: int, role: int) -> Any:
        members = self.families[family]
        info = self.info.get(members[0])
        number = info.number if info is not None else family + 1
        story = self.headlines[family] if family < len(self.headlines) else ""
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return f"{story or f'Family {number}'} ({len(members)} versions)"
        if role == Qt.ItemDataRole.ToolTipRole:
            names = "\n".join(shown_path(self.rows[p].relpath) for p in members)
            head = f"Story family {number}" + (f": {story}" if story else "")
            return tooltip(f"{head}\nLikely original first:\n{names}")
        if role == Qt.ItemDataRole.BackgroundRole and info is not None:
            return family_columns.background(info, 0)
        if role == Qt.ItemDataRole.ForegroundRole and info is not None:
            return QColor(Qt.GlobalColor.black)
        return None

    def _document_data(self, path: str, column: int, role: int) -> Any:
        row, info = self.rows[path], self.info.get(path)
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, info, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = shown_path(row.path)
            if row.error:
                text += f"\nCould not be loaded: {row.error}"
            if info is not None and info.original:
                text += f"\n{ORIGINAL_TIP}"
            if info is not None and info.closest_name is not None:
                similarity = family_columns.similarity_text(info)
                text += f"\nClosest: {shown_path(info.closest_name)} ({similarity})"
            return tooltip(text)
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and row.error:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _display(row: DocumentRow, info: DocFamily | None, column: int) -> str:
    if column == 0:
        name = shown_path(os.path.basename(row.relpath) or row.relpath)
        return f"{family_columns.STAR} {name}" if info is not None and info.original else name
    if column == 1:
        return family_columns.closest_text(info)
    if column == 2:
        return family_columns.similarity_text(info)
    if column == 3:
        return "\u2014" if row.error else f"{row.words:,}"
    return shown_path(os.path.dirname(row.relpath))


class FamilyTreeView(QTreeView):
    """The family tree; Enter asks to compare the selection, as in the flat list."""

    compare_requested = Signal()
    context_menu_requested = Signal(QPoint)

    def __init__(self, model: FamilyTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("family_tree")
        self.source = model
        self.setModel(model)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self.context_menu_requested)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        for column, width in enumerate((220, 150, 70, 60)):
            self.header().resizeSection(column, width)
        self.doubleClicked.connect(self._on_self_double_clicked)
        self._order: list[QPersistentModelIndex] = []
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)
        model.modelReset.connect(self.expandAll)

    def selected_paths(self) -> list[str]:
        """Selected documents (a family node: its versions, the likely original first),
        in the order the user selected them, each once."""
        selected = {QPersistentModelIndex(i) for i in self.selectionModel().selectedRows()}
        ordered = [i for i in self._order if i in selected]
        ordered += sorted(selected - set(ordered), key=lambda i: (i.parent().row(), i.row()))
        paths: list[str] = []
        for index in ordered:
            paths += [p for p in self.source.members_at(index) if p not in paths]
        return paths

    def _on_selection_changed(self, *_: object) -> None:
        current = {QPersistentModelIndex(i) for i in self.selectionModel().selectedRows()}
        self._order = [i for i in self._order if i in current and i.isValid()]
        self._order += sorted(current - set(self._order), key=lambda i: (i.parent().row(), i.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.compare_requested.emit()
            return
        super().keyPressEvent(event)

    def _on_self_double_clicked(self, index: QModelIndex) -> None:
        if self.source.path_at(index) is not None and len(self.selected_paths()) == 2:
            self.compare_requested.emit()
