"""The document list: a sortable table model of the loaded folder, and its view.

Rows arrive in batches from the folder job, so a folder of 10,000 files fills the
list while the window stays responsive. The model sorts itself, in Python, in one
go: a sorting proxy model asked Python for every key it compared, each call waiting
for the interpreter lock while the folder job ran, which froze the window for most
of a second per batch. A file that could not be loaded keeps its
row, with a warning mark, the reason in its own column and in the tooltip (which
also points to "Open as Text Anyway" when that may help). The Format column names
the format read (Word, HTML...); a reader's warnings (tracked changes accepted) stand
in the Problem column and the tooltip.

Once the folder scan has grouped the documents into story families, three more
columns (``gui.documents.family_columns``) show each document's family, closest match and
similarity; they come last in the model and are shown after the name.
"""

from __future__ import annotations

import dataclasses
import os
import re
import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from core.text.formats import FORMAT_NAMES
from gui.common.plain import shown_path, tooltip
from gui.common.table_model import AnyIndex, ListTableModel
from gui.documents import family_columns
from gui.documents.family_index import DocFamily
from gui.work.loading import DocumentRow

COLUMNS = ("Name", "Folder", "Words", "Encoding", "Size", "Modified", "Problem", "Format")
FAMILY = len(COLUMNS)  # the first family column
COLUMNS += family_columns.FAMILY_COLUMNS


def human_size(size: int) -> str:
    """Bytes as a short size (``12.3 KB``)."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{size:,} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return str(size)


class DocumentListModel(ListTableModel):
    """Rows of ``DocumentRow``; appended in batches, replaced one by one on reload."""

    columns = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[DocumentRow] = []
        self._by_path: dict[str, int] = {}
        self.families: dict[str, DocFamily] = {}
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.AscendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by ``column`` (rows added later go at the end until the next sort)."""
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        # Only the few persistent indexes (selection, current) need to follow.
        persistent = self.persistentIndexList()
        paths = [self.rows[i.row()].path if i.isValid() else "" for i in persistent]
        self.rows.sort(key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self._by_path = {r.path: i for i, r in enumerate(self.rows)}
        moved = [
            self.index(self._by_path[path], i.column()) if path else QModelIndex()
            for path, i in zip(paths, persistent)
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _key(self, column: int) -> Any:
        if column < FAMILY:
            return lambda r: _sort_key(r, column)
        families = self.families
        return lambda r: family_columns.sort_key(
            families.get(r.path), column - FAMILY, r.relpath.lower()
        )

    def set_families(self, families: dict[str, DocFamily]) -> None:
        """Show the story families of a scan (empty: none known); sorts again if by family."""
        self.families = families
        if self.sort_column >= FAMILY:
            self.resort()
        elif self.rows:
            self.dataChanged.emit(
                self.index(0, FAMILY), self.index(len(self.rows) - 1, len(COLUMNS) - 1)
            )

    def resort(self) -> None:
        """Sort again by the last column and order (after a listing)."""
        self.sort(self.sort_column, self.sort_order)

    def items(self) -> Sequence[object]:
        return self.rows

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if column >= FAMILY:
            return self._family_data(row, column - FAMILY, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(_tip(row))
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and row.error:
            return _warning_icon()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _family_data(self, row: DocumentRow, column: int, role: int) -> Any:
        info = self.families.get(row.path)
        if role == Qt.ItemDataRole.DisplayRole:
            return family_columns.display(info, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(family_columns.tip(info, column) or _tip(row))
        if role == Qt.ItemDataRole.BackgroundRole:
            return family_columns.background(info, column)
        if role == Qt.ItemDataRole.ForegroundRole and family_columns.background(info, column):
            return QColor(Qt.GlobalColor.black)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def clear(self) -> None:
        """Remove every row (and the families of the last scan)."""
        self.beginResetModel()
        self.rows, self._by_path, self.families = [], {}, {}
        self.endResetModel()

    def add_rows(self, rows: list[DocumentRow]) -> None:
        """Append a batch (a path already listed is replaced instead)."""
        fresh = [r for r in rows if r.path not in self._by_path]
        for r in rows:
            if r.path in self._by_path:
                self.replace_row(r)
        if not fresh:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        for i, r in enumerate(fresh):
            self._by_path[r.path] = first + i
        self.rows.extend(fresh)
        self.endInsertRows()

    def replace_row(self, row: DocumentRow) -> None:
        """Replace the row of ``row.path`` (after a reload with another encoding)."""
        i = self._by_path[row.path]
        self.rows[i] = dataclasses.replace(row, relpath=self.rows[i].relpath)
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))

    def row_for(self, path: str) -> DocumentRow | None:
        """The row of ``path``, if listed."""
        i = self._by_path.get(path)
        return None if i is None else self.rows[i]

    def ordered(self, first: str, second: str) -> tuple[str, str]:
        """Old and new of two listed documents: the older file is old; same time
        (within 2 s: copied or unpacked together): the first by name, numbers read as
        numbers ("1-wire" before "2-edited", "v9" before "v10"); else the first
        selected. (Not the smaller: a condensed version is the later one.)"""
        a, b = self.row_for(first), self.row_for(second)
        if a is None or b is None:
            return first, second
        if abs(a.mtime - b.mtime) > 2:
            return (first, second) if a.mtime < b.mtime else (second, first)
        key_a, key_b = _name_order(first), _name_order(second)
        if key_a != key_b:
            return (first, second) if key_a < key_b else (second, first)
        return first, second


def _name_order(path: str) -> list[tuple[int, int | str]]:
    """A file name's sort key, its runs of digits as numbers ("v10" after "v9")."""
    return [
        (0, int(part)) if part.isdecimal() else (1, part)
        for part in re.split(r"(\d+)", os.path.basename(path).casefold())
        if part
    ]


def _display(row: DocumentRow, column: int) -> str:
    if column == 0:
        return shown_path(os.path.basename(row.relpath) or row.relpath)
    if column == 1:
        return shown_path(os.path.dirname(row.relpath))
    if column == 6:
        return row.error or "; ".join(row.warnings)
    if column == 4:
        return human_size(row.size)
    if column == 5:
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(row.mtime)) if row.mtime else ""
    if row.error:
        return "\u2014"
    if column == 7:
        return FORMAT_NAMES.get(row.source_kind, row.source_kind)
    if column == 2:
        return f"{row.words:,}"
    return f"{row.encoding} ({row.confidence:.0%})"


def _sort_key(row: DocumentRow, column: int) -> Any:
    keys: tuple[Any, ...] = (
        row.relpath.lower(),
        os.path.dirname(row.relpath).lower(),
        row.words,
        row.encoding,
        row.size,
        row.mtime,
        row.error or "; ".join(row.warnings),
        row.source_kind,
    )
    return keys[column]


def _tip(row: DocumentRow) -> str:
    path = shown_path(row.path)
    if row.error:
        hint = "\nRight-click: Open as Text Anyway" if row.can_open_as_text else ""
        return f"{path}\nCould not be loaded: {row.error}{hint}"
    kind = FORMAT_NAMES.get(row.source_kind, row.source_kind)
    head = f"{path}\n{kind}, {row.words:,} words, {row.encoding} (confidence {row.confidence:.0%})"
    return "\n".join([head, *row.warnings])


def _warning_icon() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


class DocumentListView(QTableView):
    """The sortable table of documents; Enter asks to compare the selection."""

    compare_requested = Signal()
    context_menu_requested = Signal(QPoint)

    def __init__(self, model: DocumentListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("document_list")
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self.context_menu_requested)
        self.source = model
        self.setModel(model)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((190, 70, 60, 110, 70, 120, 120, 70, 60, 150, 70)):
            header.resizeSection(column, width)
        for shown, column in enumerate(range(FAMILY, len(COLUMNS)), start=1):
            header.moveSection(header.visualIndex(column), shown)
        # Never narrower than the name and family columns (a small window squeezed
        # the list to a sliver).
        self.setMinimumWidth(
            header.sectionSize(0) + header.sectionSize(FAMILY) + 2 * self.frameWidth()
        )
        self.grouped: Any = None  # the family tree, while the list is grouped by family
        self.doubleClicked.connect(self._on_self_double_clicked)
        self._order: list[str] = []
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def selected_paths(self) -> list[str]:
        """Selected documents, in the order the user selected them (in the family
        tree while the list is grouped by family)."""
        if self.grouped is not None:
            return list(self.grouped.selected_paths())
        rows = {i.row() for i in self.selectionModel().selectedRows()}
        paths = {self.source.rows[r].path for r in rows}
        ordered = [p for p in self._order if p in paths]
        return ordered + sorted(paths - set(ordered))

    def _on_selection_changed(self, *_: object) -> None:
        current = set()
        for i in self.selectionModel().selectedRows():
            current.add(self.source.rows[i.row()].path)
        self._order = [p for p in self._order if p in current]
        self._order += sorted(current - set(self._order))

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Home and End go to the first and last document, in the same column (a table
        goes along the row to its first or last column, scrolling the names away)."""
        ends = (QAbstractItemView.CursorAction.MoveHome, QAbstractItemView.CursorAction.MoveEnd)
        rows = self.model().rowCount()
        if action not in ends or not rows:
            return super().moveCursor(action, modifiers)
        current = self.currentIndex()
        row = 0 if action == QAbstractItemView.CursorAction.MoveHome else rows - 1
        return self.model().index(row, current.column() if current.isValid() else 0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.compare_requested.emit()
            return
        super().keyPressEvent(event)

    def _on_self_double_clicked(self, _index: QModelIndex) -> None:
        if len(self.selected_paths()) == 2:
            self.compare_requested.emit()
