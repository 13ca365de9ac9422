"""The change list: one row per change (kind, both excerpts, word counts).

Punctuation-only changes are listed as kind "punctuation" (0 words) and can be left
out ("Hide punctuation-only changes"). Changes holding a risky edit (``core.flags.detect``)
show the flags' badges beside their kind, with a tooltip saying what changed, and
"Show only flagged changes" leaves the others out. Rows know the index of their
change in the view, so selecting either one selects the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from core.flags.detect import Flag, flags_by_block
from gui.common.plain import tooltip
from gui.common.table_model import AnyIndex, ListTableModel
from gui.compare.changes import Change
from gui.compare.flag_icons import flag_kinds, flags_icon, flags_tooltip, icon_size, icon_width

COLUMNS = ("Kind", "Old", "New", "Words")
KIND_LABELS = {
    "changed": "\u2260 changed",
    "deleted": "\u2212 deleted",
    "inserted": "+ inserted",
    "moved": "\u21c5 moved",
}
PUNCTUATION_LABEL = "\u00b7 punctuation"


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


class ChangeListModel(ListTableModel):
    """The changes of the shown comparison."""

    columns = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.all_changes: tuple[Change, ...] = ()
        self.changes: tuple[Change, ...] = ()
        self.indices: tuple[int, ...] = ()  # index in ``all_changes`` of each row
        self.hide_minor = False
        self.only_flagged = False
        self.block_flags: dict[int, tuple[Flag, ...]] = {}  # by block index

    def set_changes(
        self,
        changes: tuple[Change, ...],
        hide_minor: bool | None = None,
        flags: tuple[Flag, ...] | None = None,
        only_flagged: bool | None = None,
    ) -> None:
        """Replace the list (leaving out minor or unflagged changes if asked)."""
        self.beginResetModel()
        if hide_minor is not None:
            self.hide_minor = hide_minor
        if flags is not None:
            self.block_flags = flags_by_block(flags)
        if only_flagged is not None:
            self.only_flagged = only_flagged
        self.all_changes = changes
        self.indices = tuple(i for i, c in enumerate(changes) if self._listed(c))
        self.changes = tuple(changes[i] for i in self.indices)
        self.endResetModel()

    def _listed(self, change: Change) -> bool:
        if self.hide_minor and change.minor:
            return False
        return not self.only_flagged or change.block in self.block_flags

    def flagged_count(self) -> int:
        """How many of all the changes (listed or not) hold a flag."""
        return sum(1 for c in self.all_changes if c.block in self.block_flags)

    def flag_count(self) -> int:
        """How many flags all the changes (listed or not) hold."""
        return sum(len(self.block_flags.get(c.block, ())) for c in self.all_changes)

    def row_of(self, index: int) -> int:
        """The row listing change ``index`` of the view, or -1 if it is hidden."""
        from bisect import bisect_left

        row = bisect_left(self.indices, index)
        return row if row < len(self.indices) and self.indices[row] == index else -1

    def items(self) -> Sequence[object]:
        return self.changes

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.changes):
            return None
        change = self.changes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                PUNCTUATION_LABEL if change.minor else KIND_LABELS[change.kind],
                change.old_excerpt,
                change.new_excerpt,
                counts(change),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (1, 2):
            return tooltip(change.old_excerpt if index.column() == 1 else change.new_excerpt)
        if index.column() == 0 and self.block_flags:
            flags = self.block_flags.get(change.block, ())
            if role == Qt.ItemDataRole.DecorationRole:
                return flags_icon(flag_kinds(flags))  # blank when none: kinds line up
            if role == Qt.ItemDataRole.ToolTipRole and flags:
                return flags_tooltip(flags)
        return None


class ChangeListView(QTableView):
    """The table of changes; selecting a row asks to show that change (by view index)."""

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
        self.setIconSize(icon_size())
        header.resizeSection(0, 100 + icon_width())
        header.resizeSection(3, 80)
        self._quiet = False
        self.selectionModel().currentRowChanged.connect(self._on_selection_current_row_changed)

    def set_changes(self, changes: tuple[Change, ...], flags: tuple[Flag, ...] = ()) -> None:
        """Show ``changes`` (the view's, in its order) with the comparison's flags."""
        self.changes_model.set_changes(changes, flags=flags)

    def set_hide_minor(self, hide: bool) -> None:
        """Leave punctuation-only changes out of the list, or show them again."""
        self._refilter(hide_minor=hide)

    def set_only_flagged(self, only: bool) -> None:
        """List only the changes holding a risky-edit flag, or all of them again."""
        self._refilter(only_flagged=only)

    def _refilter(self, **what: bool) -> None:
        """Filter the list again, keeping the selected change selected if listed."""
        selected = self.selectionModel().currentIndex()
        index = self.changes_model.indices[selected.row()] if selected.isValid() else -1
        self.changes_model.set_changes(self.changes_model.all_changes, **what)
        if index >= 0:
            self.select_change(index)

    def select_change(self, index: int) -> None:
        """Select the row of the view's change ``index``, without re-emitting."""
        row = self.changes_model.row_of(index)
        self._quiet = True
        try:
            if row < 0:
                self.clearSelection()
                return
            self.selectRow(row)
            self.scrollTo(self.changes_model.index(row, 0))
        finally:
            self._quiet = False

    def _on_selection_current_row_changed(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self.change_activated.emit(self.changes_model.indices[current.row()])
