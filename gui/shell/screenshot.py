"""``--screenshot``: render the window with a comparison shown, save a PNG, exit."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QEventLoop, QIODevice, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication

from core.atomic import atomic_write_bytes
from core.text.names import printable_path
from gui.shell.main_window import MainWindow

TIMEOUT_MS = 60_000


def take_screenshot(window: MainWindow, paths: list[str], out: str, size: tuple[int, int]) -> int:
    """Open ``paths``, wait for the comparison to be painted, save ``out``; exit code."""
    files = [p for p in paths if os.path.isfile(p)]
    if len(files) < 2:
        print("redline: --screenshot needs two files to compare", file=sys.stderr)
        return 2
    window.resize(*size)
    window.show()
    loop = QEventLoop()
    outcome: dict[str, str] = {}
    window.comparison_shown.connect(lambda _s: loop.quit())
    window.jobs.compare_failed.connect(lambda m: (outcome.setdefault("error", m), loop.quit()))
    QTimer.singleShot(TIMEOUT_MS, loop.quit)
    window.open_files(files)
    loop.exec()
    if "error" in outcome or window.result is None:
        print(f"redline: {outcome.get('error', 'the comparison did not finish')}", file=sys.stderr)
        window.jobs.shutdown()
        return 1
    QApplication.processEvents()
    window.view.go_to_change(0)
    QApplication.processEvents()
    image = window.grab()
    window.jobs.shutdown()
    window.close()
    return _save_png(image, out)


def _save_png(image: QPixmap, out: str) -> int:
    """Write the picture atomically; one line naming the file and the reason if not."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        print(f"redline: {printable_path(out)}: cannot encode the screenshot", file=sys.stderr)
        return 2
    try:
        atomic_write_bytes(Path(out), bytes(buffer.data().data()))
    except OSError as error:
        reason = error.strerror or str(error)
        print(
            f"redline: {printable_path(out)}: cannot save the screenshot ({reason})",
            file=sys.stderr,
        )
        return 2
    return 0
