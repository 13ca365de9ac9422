"""The table-model plumbing the window's flat lists share.

``ListTableModel`` is a ``QAbstractTableModel`` with one row per item of a Python
list and fixed column titles: subclasses name their columns and their items and
write ``data``. ``AnyIndex`` is the index type Qt hands to model methods.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex


class ListTableModel(QAbstractTableModel):
    """A flat table: ``items()`` gives the rows, ``columns`` the column titles."""

    columns: Sequence[str] = ()

    def items(self) -> Sequence[object]:
        """The rows, in view order."""
        raise NotImplementedError

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section]
        return None
