"""File > Save Report on the N-way page: the grid shown, saved as HTML, PDF or JSON.

``gui.reports.save.ReportSaver`` routes here when the N-way page is the one shown.
The finished grid is the snapshot; the worker builds the report (``core.report.save``;
for a PDF, Qt lays it out) and writes it atomically, never over one of the compared
documents (refused here at once, and again by the writer). The same dialog and the
same background job as the pairwise report are used, so one save runs at a time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from core.nway.grid import NWay
from core.report.save import (
    PageSize,
    ReportFormat,
    nway_documents,
    nway_report_bytes,
    nway_without_paths,
    save_report,
)
from core.text.names import printable_path
from gui.reports.dialog import ask_target
from gui.reports.pdf import render_pdf

# Starts a background save of ``target`` (never over one of ``documents``) that runs
# ``write``; False when refused at once (``gui.reports.save.ReportSaver.start``).
StartSave = Callable[[Path, Sequence[str], Callable[[], str]], bool]


@dataclass(frozen=True, slots=True)
class NWayReportRequest:
    """One N-way report to save (an immutable snapshot for the worker)."""

    nway: NWay
    target: Path
    fmt: ReportFormat = "html"
    page_size: PageSize = "a4"
    no_paths: bool = False  # name the documents by file name only


def write_nway_report(request: NWayReportRequest) -> str:
    """Build and write the N-way report (worker thread); returns the status message.

    Raises:
        RedlineError: refused or failed write (the message names the file).
    """
    nway = nway_without_paths(request.nway) if request.no_paths else request.nway
    data = nway_report_bytes(
        nway, request.fmt, page_size=request.page_size, pdf_renderer=render_pdf
    )
    save_report(request.target, data, *nway_documents(request.nway))
    return f"Report saved: {printable_path(os.fspath(request.target))}"


class NWayReportSaver:
    """Asks where to save the N-way page's grid and saves it through ``start``.

    ``busy`` says whether the grid is still being built, ``grid`` gives the grid
    shown (None before any).
    """

    def __init__(
        self,
        start: StartSave,
        show_message: Callable[[str], None],
        dialog_parent: QWidget,
        busy: Callable[[], bool],
        grid: Callable[[], NWay | None],
    ) -> None:
        self.start, self.show_message, self.dialog_parent = start, show_message, dialog_parent
        self.busy, self.grid = busy, grid

    def current(self) -> NWay | None:
        """The grid shown, or None (with a message) while there is none to save."""
        if self.busy():
            self.show_message("The versions are still being compared; save when done")
            return None
        grid = self.grid()
        if grid is None:
            self.show_message("Compare three or more versions first, then save")
        return grid

    def ask(self) -> None:
        """The Save Report dialog for the grid shown."""
        nway = self.current()
        if nway is None:
            return
        base = Path(nway.base.path)
        name = f"{base.stem} and {len(nway.versions)} versions.html"
        choice = ask_target(self.dialog_parent, os.path.dirname(os.path.abspath(base)), name, None)
        if choice is not None:
            self.save(
                NWayReportRequest(
                    nway, choice.target, choice.fmt, choice.page_size, choice.no_paths
                )
            )

    def save(self, request: NWayReportRequest) -> bool:
        """Start saving ``request`` in the background; False if refused at once."""
        documents = nway_documents(request.nway)
        return self.start(request.target, documents, lambda: write_nway_report(request))
