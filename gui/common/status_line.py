"""The window's status line: one-line messages, and the progress of the work running.

Every part of the window reports through it (never a dialog for a file problem):
``show_message`` for a line of text, ``show_notice`` for one that must be read (a
corrupt settings file set aside at start-up: the messages that follow at once, such
as a folder's listing, wait until it has been shown for ``NOTICE_MS``),
``set_loading`` for the busy indicator with its label and Cancel button,
``show_progress`` for how far the work has come (the stage begun and a percentage,
"Aligning… 41 %", the bar filled as far), ``set_progress_text`` for the label alone.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QProgressBar, QSizeGrip, QStatusBar, QToolButton, QWidget

MESSAGE_MS = 15_000
NOTICE_MS = 10_000
GAP = 16  # pixels between the message and the first widget on the right


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
        self.progress.setTextVisible(False)  # (the label beside it says the figure)
        self.progress_label = QLabel()
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel_button = QToolButton()
        self.cancel_button.setDefaultAction(cancel)
        self.message = ""  # the last message in full (the bar may show it shortened)
        self._elide = Qt.TextElideMode.ElideMiddle  # where it is shortened
        self._shown_for = QElapsedTimer()
        self._lasts = MESSAGE_MS  # how long the message shown now stays
        bar.installEventFilter(self)
        self._notice_until = 0.0
        self._waiting: str | None = None
        self._release = QTimer(self)
        self._release.setSingleShot(True)
        self._release.timeout.connect(self._on_release_timeout)

    def add_widgets(self) -> None:
        """Put the label, the progress bar and Cancel at the right of the bar."""
        for widget in (self.progress_label, self.progress, self.cancel_button):
            self.bar.addPermanentWidget(widget)

    def show_message(
        self, message: str, elide: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle
    ) -> None:
        """One line of text for a while (never a dialog for a file problem).

        A message wider than the room left of the bar's widgets is shortened in the
        middle (the end of a file name stays), or where ``elide`` says (at the end for
        a line whose start says what it is about), with the whole of it as the tooltip.
        While a notice is up, the line waits (only the latest) until it has been read.
        """
        if time.monotonic() < self._notice_until:
            self._waiting = message
            return
        self._elide = elide
        self._start(message, MESSAGE_MS)

    def show_notice(self, message: str) -> None:
        """A line that is not replaced by other messages for ``NOTICE_MS``."""
        self._notice_until = time.monotonic() + NOTICE_MS / 1000
        self._start(message, MESSAGE_MS + NOTICE_MS)
        self._release.start(NOTICE_MS)

    def _on_release_timeout(self) -> None:
        self._notice_until = 0.0
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self.show_message(waiting)

    def _start(self, message: str, milliseconds: int) -> None:
        if milliseconds != MESSAGE_MS:  # (a notice: cut in the middle)
            self._elide = Qt.TextElideMode.ElideMiddle
        self.message = message
        self._lasts = milliseconds
        self._shown_for.start()
        self._show(milliseconds, new=True)
        self.message_shown.emit(message)

    def _show(self, milliseconds: int, new: bool = False) -> None:
        shown = self.message
        if self.bar.isVisible():  # else not laid out: no room to measure yet
            shown = self.bar.fontMetrics().elidedText(
                self.message, self._elide, max(self.message_room(), 0)
            )
        if new or shown != self.bar.currentMessage():
            self.bar.showMessage(shown, milliseconds)
        self.bar.setToolTip(self.message if shown != self.message else "")

    def message_room(self) -> int:
        """Width left for the message: up to the leftmost widget shown in the bar."""
        right = self.bar.width() - GAP
        for child in self.bar.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        ):
            if child.isVisible() and not isinstance(child, QSizeGrip) and child.width() > 0:
                right = min(right, child.x() - GAP)
        return right - 6  # QStatusBar's own left margin

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.bar
            and event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest)
            and self.bar.currentMessage()
            and self._shown_for.isValid()
        ):
            left = self._lasts - self._shown_for.elapsed()
            if left > 0:
                self._show(int(left))
        return super().eventFilter(watched, event)

    def set_loading(self, loading: bool, text: str = "") -> None:
        """Show or hide the progress indicator (busy: no figure yet) and Cancel, with
        ``text`` beside them."""
        self.progress.setRange(0, 0)
        self.progress.setVisible(loading)
        self.cancel_button.setVisible(loading)
        self.cancel_action.setEnabled(loading)
        self.progress_label.setText(text)

    def show_progress(self, stage: str, share: float) -> None:
        """``stage`` has begun, with ``share`` of the work done: "Aligning… 41 %"
        beside the bar filled as far (never 100 % before the work is done)."""
        percent = min(max(int(share * 100), 0), 99)
        self.progress.setRange(0, 100)
        self.progress.setValue(percent)
        self.progress_label.setText(f"{stage[:1].upper()}{stage[1:]}\u2026 {percent} %")

    def set_progress_text(self, text: str) -> None:
        """Change the label beside the progress indicator."""
        self.progress_label.setText(text)
