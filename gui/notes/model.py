"""The annotations of the shown pair as a table: #, tag, status, note and quote excerpts.

Rows are in reading order once the comparison's ``NoteOrder`` is known (before that,
in creation order); ``#`` is the row's number in that order, the number every report
gives the note (``core.report.layout``).
An orphaned annotation (its text could not be found again) stays listed, with its
last quote and an "orphaned" marker. Notes, tags and quotes are shown literally:
display text is plain, tooltips are escaped (``gui.common.plain.tooltip``).
``AnnotationFilter`` filters by tag and status and sorts (``#`` numerically).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from core.notes.annotation import STATUS_LABELS, Annotation
from gui.common.plain import tooltip
from gui.common.table_model import AnyIndex, ListTableModel
from gui.common.utf16 import display_text
from gui.compare.changes import excerpt

COLUMNS = ("#", "Tag", "Status", "Note", "Quote")
NUMBER, TAG, STATUS, NOTE, QUOTE = range(len(COLUMNS))
ORPHANED = "\u26a0 orphaned"
APPROXIMATE = "\u2248 placed approximately"


def _approximate(a: Annotation) -> bool:
    return any(anchor is not None and anchor.approximate for anchor in (a.old, a.new))


def _quote_state(a: Annotation) -> str:
    """The first line of a quote's tooltip: what became of the quoted text."""
    if a.orphaned:
        return "Orphaned: its text is no longer found.\n"
    if _approximate(a):
        return "Placed approximately: the text there now differs from this quote.\n"
    return ""


UUID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
NO_TAG = "\u2014"


def quote_of(a: Annotation) -> str:
    """The annotated text: the new side's quote, else the old side's (control and bidi
    characters shown as marks)."""
    anchor = a.new if a.new is not None and a.new.quote else a.old
    return display_text(anchor.quote) if anchor is not None else ""


def tooltip_text(a: Annotation, number: int = 0) -> str:
    """What a pane's tooltip says about ``a`` (plain text, escaped by the caller)."""
    head = f"#{number} " if number else ""
    status = STATUS_LABELS.get(a.status, a.status)
    lines = [
        f"{head}{a.tag or 'No tag'} \u00b7 {status}" + (" \u00b7 orphaned" if a.orphaned else "")
    ]
    if a.note:
        lines.append(a.note)
    return "\n".join(lines)


OrderKey = Callable[[Annotation], tuple[float, ...]]


def creation_order(a: Annotation) -> tuple[float, ...]:
    """The order of notes before their comparison's reading order is known."""
    return (a.created, a.id or 1 << 62)


class AnnotationTableModel(ListTableModel):
    """The pair's annotations, one row each, known by uuid, in ``order``."""

    columns = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.annotations: list[Annotation] = []
        self._order: OrderKey = creation_order

    def set_order(self, key: OrderKey | None) -> None:
        """Sort the rows by ``key`` (``NoteOrder.key`` of the comparison shown; None:
        creation order) from now on; the numbers follow."""
        self.beginResetModel()
        self._order = key or creation_order
        self.annotations.sort(key=self._order)
        self.endResetModel()

    def set_annotations(self, annotations: list[Annotation]) -> None:
        """Replace the list (sorted by the order)."""
        self.beginResetModel()
        self.annotations = sorted(annotations, key=self._order)
        self.endResetModel()

    def row_of(self, uuid: str) -> int:
        """The row of the annotation with ``uuid``, -1 if none."""
        for row, a in enumerate(self.annotations):
            if a.uuid == uuid:
                return row
        return -1

    def find(self, uuid: str) -> Annotation | None:
        """The annotation with ``uuid``, if listed."""
        row = self.row_of(uuid)
        return self.annotations[row] if row >= 0 else None

    def number(self, uuid: str) -> int:
        """The annotation's ``#`` (1-based, in the order), 0 if not listed."""
        return self.row_of(uuid) + 1

    def put(self, annotation: Annotation) -> None:
        """Add ``annotation`` or replace the one with its uuid (kept in the order)."""
        row = self.row_of(annotation.uuid)
        if row >= 0:
            self.annotations[row] = annotation
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            return
        key = self._order(annotation)
        row = sum(1 for a in self.annotations if self._order(a) <= key)
        if row < len(self.annotations):
            # (before others: their numbers move on, a row's data changing as it is
            # inserted; a reset says so)
            self.beginResetModel()
            self.annotations.insert(row, annotation)
            self.endResetModel()
            return
        self.beginInsertRows(QModelIndex(), row, row)
        self.annotations.append(annotation)
        self.endInsertRows()

    def remove(self, uuid: str) -> None:
        """Remove the annotation with ``uuid`` (if listed)."""
        row = self.row_of(uuid)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.annotations[row]
        self.endRemoveRows()
        self._numbers_changed(row)

    def _numbers_changed(self, first: int) -> None:
        if first < len(self.annotations):
            last = len(self.annotations) - 1
            self.dataChanged.emit(self.index(first, NUMBER), self.index(last, NUMBER))

    def items(self) -> Sequence[object]:
        return self.annotations

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.annotations):
            return None
        a = self.annotations[index.row()]
        column = index.column()
        if role == UUID_ROLE:
            return a.uuid
        if role == SORT_ROLE:
            return index.row() if column == NUMBER else self._display(a, index.row(), column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(a, index.row(), column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == QUOTE:
                return tooltip(_quote_state(a) + quote_of(a))
            return tooltip(tooltip_text(a, index.row() + 1))
        return None

    @staticmethod
    def _display(a: Annotation, row: int, column: int) -> str:
        if column == NUMBER:
            return str(row + 1)
        if column == TAG:
            return a.tag or NO_TAG
        if column == STATUS:
            return STATUS_LABELS.get(a.status, a.status)
        if column == NOTE:
            return excerpt(a.note)
        quote = "\u201c" + excerpt(quote_of(a), 50) + "\u201d"
        if a.orphaned:
            return f"{ORPHANED} {quote}"
        return f"{APPROXIMATE} {quote}" if _approximate(a) else quote


class AnnotationFilter(QSortFilterProxyModel):
    """Shows the annotations of one tag and/or status (None: all); sortable."""

    def __init__(self, source: AnnotationTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.tag: str | None = None
        self.status: str | None = None
        self.untagged = False

    def set_filter(self, tag: str | None, status: str | None, untagged: bool = False) -> None:
        """Keep only rows with ``tag`` (or no tag, with ``untagged``) and ``status``."""
        self.beginFilterChange()
        self.tag, self.status, self.untagged = tag, status, untagged
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, AnnotationTableModel)
        a = model.annotations[source_row]
        if self.untagged and a.tag:
            return False
        if self.tag is not None and a.tag != self.tag:
            return False
        return self.status is None or a.status == self.status
