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

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from core.errors import RedlineError
from core.model import Comparison
from core.notes.annotation import Annotation
from core.nway.grid import NWay
from core.report.save import (
    PageSize,
    ReportFormat,
    refuse_compared_documents,
    report_bytes,
    save_report,
    stored_annotations,
    without_paths,
)
from core.text.names import printable_path
from gui.reports.dialog import FILTERS, ask_target, with_suffix
from gui.reports.nway_save import NWayReportSaver
from gui.reports.pdf import render_pdf

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
    flags: bool = True  # the risky-edit flags in the report
    no_paths: bool = False  # name the documents by file name only


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
        without_paths(result) if request.no_paths else result,
        request.fmt,
        annotations=annotations,
        changes_only=request.changes_only,
        page_size=request.page_size,
        pdf_renderer=render_pdf,
        show_flags=request.flags,
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
    """Asks where and how to save a comparison (or, through ``nway``, an N-way grid),
    then saves in the background on ``pool``, one save at a time.

    ``nway_busy`` and ``nway_grid`` tell whether the N-way grid is still being built
    and which grid is shown; messages go to ``show_message``; ``dialog_parent`` owns
    the dialog.
    """

    finished = Signal(bool, str)

    def __init__(
        self,
        pool: QThreadPool,
        show_message: Callable[[str], None],
        dialog_parent: QWidget,
        nway_busy: Callable[[], bool],
        nway_grid: Callable[[], NWay | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.pool, self.show_message, self.dialog_parent = pool, show_message, dialog_parent
        self.busy = False
        self.finished.connect(self._on_finished)
        self.nway = NWayReportSaver(self.start, show_message, dialog_parent, nway_busy, nway_grid)

    def ask(
        self,
        comparison: Comparison | None,
        changes_only: bool,
        annotations: tuple[Annotation, ...] | None,
    ) -> None:
        """The Save Report dialog (File > Save Report, Ctrl+S) for ``comparison``
        (``changes_only``: the dialog's default; ``annotations``: the notes shown,
        None to read them from the store)."""
        if comparison is None:
            self.show_message("Compare two documents first, then save the report")
            return
        old, new = (Path(d.path).stem for d in (comparison.old, comparison.new))
        choice = ask_target(
            self.dialog_parent,
            os.path.dirname(os.path.abspath(comparison.new.path)),
            f"{old} vs {new}.html",
            changes_only,
        )
        if choice is not None:
            self.save(
                ReportRequest(
                    comparison,
                    choice.target,
                    choice.fmt,
                    choice.changes_only,
                    choice.page_size,
                    annotations,
                    choice.flags,
                    choice.no_paths,
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
            self.show_message("A report is being saved; try again in a moment")
            return False
        try:
            refuse_compared_documents(target, *documents)
        except RedlineError as exc:
            self.show_message(str(exc))
            return False
        self.busy = True
        self.show_message(f"Saving {printable_path(os.fspath(target))}\u2026")
        self.pool.start(_SaveJob(write, self.finished))
        return True

    def _on_finished(self, ok: bool, message: str) -> None:
        self.busy = False
        self.show_message(message)
