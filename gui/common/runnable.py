"""The one-shot thread-pool job every background task of the window runs in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRunnable


class Runnable(QRunnable):
    """Runs ``work`` once on a pool thread, then is deleted by the pool."""

    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work

    def run(self) -> None:
        self._work()
