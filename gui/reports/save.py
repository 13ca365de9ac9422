"""File > Save Report: a file dialog (HTML, PDF or JSON; changes only; paper size) and
a background job that builds and writes the report.

The report is of the page shown: the pairwise comparison, or the N-way grid when the
N-way page is shown (``gui.reports.nway_save``). The window's current comparison (or
grid) is the snapshot; building the report (and, for a PDF, laying it out with Qt)
runs in the thread pool, never on the GUI thread. Writing is
``core.report.save.save_report``: atomic, and never over one of the compared documents
(refused here at once, and again by the writer). Saved annotations are included
when the annotation store is installed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Signal

from core.errors import RedlineError
from core.model import Comparison
from core.notes.annotation import Annotation
from core.report.save import (
    PageSize,
    ReportFormat,
    refuse_compared_documents,
    report_bytes,
    save_report,
    stored_annotations,
)
from core.text.names import printable_path
from gui.reports.dialog import FILTERS, ask_target, with_suffix
from gui.reports.nway_save import NWayReportSaver
from gui.reports.pdf import render_pdf

if TYPE_CHECKING:
    from gui.shell.main_window import MainWindow

__all__ = ["FILTERS", "ReportRequest", "ReportSaver", "with_suffix", "write_report"]


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """One report to save (an immutable snapshot for the worker)."""

    comparison: Comparison
    target: Path
    fmt: ReportFormat = "html"
    changes_only: bool = False
    page_size: PageSize = "a4"
    annotations: tuple[Annotation, ...] | None = None  # None: read them from the store


def write_report(request: ReportRequest) -> str:
    """Build and write the report (worker thread); returns the status-bar message.

    Raises:
        RedlineError: refused or failed write (the message names the file).
    """
    result = request.comparison
    annotations = request.annotations
    if annotations is None:
        annotations = tuple(stored_annotations(result.old, result.new))
    data = report_bytes(
        result,
        request.fmt,
        annotations=annotations,
        changes_only=request.changes_only,
        page_size=request.page_size,
        pdf_renderer=render_pdf,
    )
    save_report(request.target, data, result.old.path, result.new.path)
    return f"Report saved: {printable_path(os.fspath(request.target))}"


class _SaveJob(QRunnable):
    def __init__(self, write: Callable[[], str], done: Signal) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.write = write
        self.done = done

    def run(self) -> None:
        try:
            self.done.emit(True, self.write())
        except RedlineError as exc:
            self.done.emit(False, str(exc))
        except Exception as exc:  # a bug of ours: told in one line, never a crash
            self.done.emit(False, f"Could not save the report: {type(exc).__name__}: {exc}")


class ReportSaver(QObject):
    """Asks where and how to save the window's comparison, then saves in the background."""

    finished = Signal(bool, str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.busy = False
        self.finished.connect(self._on_finished)
        self.nway = NWayReportSaver(window, self)

    def ask(self) -> None:
        """The Save Report dialog (File > Save Report, Ctrl+S) for the page shown."""
        if self.window.nway.visible:
            self.nway.ask()
            return
        if self.window.result is None:
            self.window.show_message("Compare two documents first, then save the report")
            return
        comparison = self.window.result.comparison
        old, new = (Path(d.path).stem for d in (comparison.old, comparison.new))
        choice = ask_target(
            self.window,
            os.path.dirname(os.path.abspath(comparison.new.path)),
            f"{old} vs {new}.html",
            self.window.actions.only_changed.isChecked(),
        )
        if choice is not None:
            self.save(
                ReportRequest(
                    comparison,
                    choice.target,
                    choice.fmt,
                    choice.changes_only,
                    choice.page_size,
                    self.window.annotations.shown_for(comparison),
                )
            )

    def save(self, request: ReportRequest) -> bool:
        """Start saving ``request`` in the background; False if refused at once."""
        comparison = request.comparison
        documents = (comparison.old.path, comparison.new.path)
        return self.start(request.target, documents, lambda: write_report(request))

    def start(self, target: Path, documents: Sequence[str], write: Callable[[], str]) -> bool:
        """Run ``write`` (which saves ``target``) in the background unless a save is
        running or ``target`` is one of ``documents``; False if refused at once."""
        if self.busy:
            self.window.show_message("A report is being saved; try again in a moment")
            return False
        try:
            refuse_compared_documents(target, *documents)
        except RedlineError as exc:
            self.window.show_message(str(exc))
            return False
        self.busy = True
        self.window.show_message(f"Saving {printable_path(os.fspath(target))}\u2026")
        self.window.context.pool.start(_SaveJob(write, self.finished))
        return True

    def _on_finished(self, ok: bool, message: str) -> None:
        self.busy = False
        self.window.show_message(message)
