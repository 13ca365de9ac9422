"""The window's status line: one-line messages, and the progress of the work running.

Every part of the window reports through it (never a dialog for a file problem):
``show_message`` for a line of text, ``show_notice`` for one that must be read (a
corrupt settings file set aside at start-up: the messages that follow at once, such
as a folder's listing, wait until it has been shown for ``NOTICE_MS``),
``set_loading`` for the busy indicator with its label and Cancel button,
``set_progress_text`` for the label alone.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton

MESSAGE_MS = 15_000
NOTICE_MS = 10_000


class StatusLine(QObject):
    """The messages and progress part of ``bar``; ``cancel`` is the Cancel action."""

    message_shown = Signal(str)

    def __init__(self, bar: QStatusBar, cancel: QAction) -> None:
        super().__init__(bar)
        self.bar = bar
        self.cancel_action = cancel
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress_label = QLabel()
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel_button = QToolButton()
        self.cancel_button.setDefaultAction(cancel)
        self._notice_until = 0.0
        self._waiting: str | None = None
        self._release = QTimer(self)
        self._release.setSingleShot(True)
        self._release.timeout.connect(self._on_release_timeout)

    def add_widgets(self) -> None:
        """Put the label, the progress bar and Cancel at the right of the bar."""
        for widget in (self.progress_label, self.progress, self.cancel_button):
            self.bar.addPermanentWidget(widget)

    def show_message(self, message: str) -> None:
        """One line of text for a while (never a dialog for a file problem).

        While a notice is up, the line waits (only the latest) until it has been read.
        """
        if time.monotonic() < self._notice_until:
            self._waiting = message
            return
        self.bar.showMessage(message, MESSAGE_MS)
        self.message_shown.emit(message)

    def show_notice(self, message: str) -> None:
        """A line that is not replaced by other messages for ``NOTICE_MS``."""
        self._notice_until = time.monotonic() + NOTICE_MS / 1000
        self.bar.showMessage(message, MESSAGE_MS + NOTICE_MS)
        self.message_shown.emit(message)
        self._release.start(NOTICE_MS)

    def _on_release_timeout(self) -> None:
        self._notice_until = 0.0
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self.show_message(waiting)

    def set_loading(self, loading: bool, text: str = "") -> None:
        """Show or hide the progress indicator and Cancel, with ``text`` beside them."""
        self.progress.setVisible(loading)
        self.cancel_button.setVisible(loading)
        self.cancel_action.setEnabled(loading)
        self.progress_label.setText(text)

    def set_progress_text(self, text: str) -> None:
        """Change the label beside the progress indicator."""
        self.progress_label.setText(text)
