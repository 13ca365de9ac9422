"""A non-modal bar offering to reload documents that changed on disk."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from gui.common.plain import shown_path


class ReloadBar(QFrame):
    """ "<file> changed on disk. [Reload] [Dismiss]" above the comparison."""

    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reload_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#reload_bar { background: palette(alternate-base); }")
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        reload_button = QPushButton("Reload", self)
        dismiss = QPushButton("Dismiss", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(reload_button)
        layout.addWidget(dismiss)
        reload_button.clicked.connect(self._on_reload_clicked)
        dismiss.clicked.connect(self.hide)
        self.hide()

    def offer(self, path: str) -> None:
        """Tell the user ``path`` changed (or vanished) and offer Reload."""
        what = "changed on disk" if os.path.exists(path) else "was deleted or replaced"
        self.label.setText(f"{shown_path(os.path.basename(path))} {what}.")
        self.label.setToolTip(shown_path(path))
        self.show()

    def _on_reload_clicked(self) -> None:
        self.hide()
        self.reload_requested.emit()
