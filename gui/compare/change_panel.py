"""The change list's dock content: a "Show only flagged changes" box above the list.

The box and the View menu's action are one choice: each follows the other (the
window connects the action to the list and the settings). A label beside the box
counts the flags and the changes holding them (``19 flags in 13 of 25 changes``, the
status line's and the report's wording), so an empty filtered list is never a puzzle.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.figures import flag_count_text
from gui.compare.change_list import ChangeListView


class ChangePanel(QWidget):
    """The change list with its flag filter."""

    def __init__(
        self, view: ChangeListView, only_flagged: QAction, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.only_flagged = QCheckBox("Show only flagged changes")
        self.only_flagged.setObjectName("only_flagged_box")
        self.only_flagged.setToolTip(only_flagged.toolTip())
        self.only_flagged.setChecked(only_flagged.isChecked())
        self.count_label = QLabel()
        self.count_label.setObjectName("flag_count_label")
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 0)
        bar.addWidget(self.only_flagged)
        bar.addWidget(self.count_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(view, 1)
        self.only_flagged.toggled.connect(only_flagged.setChecked)
        only_flagged.toggled.connect(self.only_flagged.setChecked)
        view.changes_model.modelReset.connect(self._on_model_reset)

    def _on_model_reset(self) -> None:
        model = self.view.changes_model
        flagged, total = model.flagged_count(), len(model.all_changes)
        flags = model.flag_count()
        self.count_label.setText(flag_count_text(flags, flagged, total) if total else "")
