"""File > Save Report: a file dialog (HTML, PDF or JSON; changes only; paper size) and
a background job that builds and writes the report.

The window's current comparison is the snapshot; building the report (and, for a
PDF, laying it out with Qt) runs in the thread pool, never on the GUI thread.
Writing is ``core.report.save_report``: atomic, and never over one of the compared
documents (refused here at once, and again by the writer). Saved annotations are
included when the annotation store is installed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QGridLayout

from core.errors import RedlineError
from core.model import Comparison
from core.names import printable_path
from core.report import (
    SUFFIXES,
    PageSize,
    ReportFormat,
    refuse_compared_documents,
    report_bytes,
    save_report,
    stored_annotations,
)
from gui.report_pdf import render_pdf

if TYPE_CHECKING:
    from gui.main_window import MainWindow

FILTERS: dict[str, ReportFormat] = {
    "HTML report (*.html *.htm)": "html",
    "PDF report (*.pdf)": "pdf",
    "JSON comparison data (*.json)": "json",
}

EXTRA_SUFFIXES: dict[ReportFormat, tuple[str, ...]] = {"html": (".htm",)}


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """One report to save (an immutable snapshot for the worker)."""

    comparison: Comparison
    target: Path
    fmt: ReportFormat = "html"
    changes_only: bool = False
    page_size: PageSize = "a4"


def with_suffix(target: Path, fmt: ReportFormat) -> Path:
    """``target`` ending in the format's suffix: another report suffix (the name the
    dialog proposed before the user picked another type) is replaced, none added."""
    suffix = target.suffix.lower()
    if suffix in (SUFFIXES[fmt], *EXTRA_SUFFIXES.get(fmt, ())):
        return target
    known = {*SUFFIXES.values(), *(s for extra in EXTRA_SUFFIXES.values() for s in extra)}
    if suffix in known:
        return target.with_suffix(SUFFIXES[fmt])
    return target.with_name(target.name + SUFFIXES[fmt])


def write_report(request: ReportRequest) -> str:
    """Build and write the report (worker thread); returns the status-bar message.

    Raises:
        RedlineError: refused or failed write (the message names the file).
    """
    result = request.comparison
    try:
        annotations = stored_annotations(result.old, result.new)
    except RedlineError:
        annotations = None  # no annotation store in this installation
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
    def __init__(self, request: ReportRequest, done: Signal) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.request = request
        self.done = done

    def run(self) -> None:
        try:
            self.done.emit(True, write_report(self.request))
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

    def ask(self) -> None:
        """The Save Report dialog (File > Save Report, Ctrl+S)."""
        if self.window.result is None:
            self.window.show_message("Compare two documents first, then save the report")
            return
        comparison = self.window.result.comparison
        dialog = QFileDialog(self.window, "Save Report")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # holds our options
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters(list(FILTERS))
        dialog.setDirectory(os.path.dirname(os.path.abspath(comparison.new.path)))
        old, new = (Path(d.path).stem for d in (comparison.old, comparison.new))
        dialog.selectFile(f"{old} vs {new}.html")
        changes_only = QCheckBox("Changed sentences only (fold unchanged ones)")
        changes_only.setChecked(self.window.actions.only_changed.isChecked())
        paper = QComboBox()
        paper.addItems(["A4 paper", "Letter paper"])
        paper.setToolTip("Paper size of a PDF report")
        layout = dialog.layout()
        if isinstance(layout, QGridLayout):
            row = layout.rowCount()
            layout.addWidget(changes_only, row, 0, 1, 2)
            layout.addWidget(paper, row, 2)
        if not dialog.exec() or not dialog.selectedFiles():
            return
        fmt = FILTERS.get(dialog.selectedNameFilter(), "html")
        target = with_suffix(Path(dialog.selectedFiles()[0]), fmt)
        page_size: PageSize = "letter" if paper.currentIndex() == 1 else "a4"
        self.save(ReportRequest(comparison, target, fmt, changes_only.isChecked(), page_size))

    def save(self, request: ReportRequest) -> bool:
        """Start saving ``request`` in the background; False if refused at once."""
        if self.busy:
            self.window.show_message("A report is being saved; try again in a moment")
            return False
        comparison = request.comparison
        try:
            refuse_compared_documents(request.target, comparison.old.path, comparison.new.path)
        except RedlineError as exc:
            self.window.show_message(str(exc))
            return False
        self.busy = True
        self.window.show_message(f"Saving {printable_path(os.fspath(request.target))}\u2026")
        self.window.context.pool.start(_SaveJob(request, self.finished))
        return True

    def _on_finished(self, ok: bool, message: str) -> None:
        self.busy = False
        self.window.show_message(message)
