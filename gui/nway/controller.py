"""Wiring of the N-way view into the main window: the action, the page, the job.

*Compare Versions* (Ctrl+Shift+N, or Compare/Enter with three or more documents
selected) shows the N-way page in place of the pairwise view and builds the grid in
the background. Choosing another base reuses every comparison already made.
Clicking a cell opens that pair in the pairwise view; *Back to Comparison* and
*Compare Versions* with fewer documents selected switch between the two pages.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStackedWidget, QWidget

from core.model import CompareOptions, Comparison
from gui.common.reading import ReadingChoices
from gui.documents.document_list import DocumentListView
from gui.documents.family_index import FamilyIndex, base_for
from gui.nway.job import NWayJobs, NWayOutcome, NWayRequest, PairKey
from gui.nway.view import NWayView

MIN_VERSIONS = 3


class NWayController(QObject):
    """Owns the N-way page (added to ``stack``, beside ``pair_page``) and its job.

    ``document_view`` gives the selected documents, ``family_index`` the last folder
    scan (for the default base), ``reading`` how files are read; ``ignore_case`` and
    ``compare_versions`` are the actions it follows. Clicking a cell asks the window
    to compare that pair through ``pair_requested``.
    """

    shown = Signal()
    pair_requested = Signal(str, str)
    compared = Signal(str, str, float)  # a pair's paths and its comparison's similarity

    def __init__(
        self,
        pool: QThreadPool,
        stack: QStackedWidget,
        pair_page: QWidget,
        document_view: DocumentListView,
        family_index: Callable[[], FamilyIndex | None],
        reading: ReadingChoices,
        compare_versions: QAction,
        ignore_case: QAction,
        show_message: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.stack, self.pair_page, self.document_view = stack, pair_page, document_view
        self.family_index, self.reading = family_index, reading
        self.ignore_case, self.show_message = ignore_case, show_message
        self.view = NWayView()
        stack.addWidget(self.view)
        self.jobs = NWayJobs(pool, self)
        self.paths: tuple[str, ...] = ()
        self.base: int | None = None
        self.known: dict[PairKey, Comparison] = {}
        self.outcome: NWayOutcome | None = None
        compare_versions.triggered.connect(self._on_compare_versions_triggered)
        ignore_case.toggled.connect(self._on_ignore_case_toggled)
        self.view.pair_requested.connect(self._on_view_pair_requested)
        self.view.base_chosen.connect(self._on_view_base_chosen)
        self.view.back_requested.connect(self.show_pair_page)
        self.view.cancel_requested.connect(self.cancel)
        self.jobs.progress.connect(self._on_jobs_progress)
        self.jobs.finished.connect(self._on_jobs_finished)
        self.jobs.failed.connect(self._on_jobs_failed)

    @property
    def visible(self) -> bool:
        """Whether the N-way page is the one shown."""
        return self.stack.currentWidget() is self.view

    def start(self, paths: list[str], base: int | None = None) -> None:
        """Build the grid of ``paths`` (``base`` indexes them; None: the likely original
        of their story family if the folder scan found one, else the default base)."""
        if tuple(paths) != self.paths:
            self.known = {}
            self.outcome = None
            self.view.show_nway(None)
        if base is None:
            base = base_for(self.family_index(), paths)
        self.paths, self.base = tuple(paths), base
        request = NWayRequest(
            self.paths,
            base,
            CompareOptions(ignore_case=self.ignore_case.isChecked()),
            tuple(self.reading.encodings.items()),
            frozenset(self.reading.as_text),
            dict(self.known),
        )
        self.view.set_paths(self.paths, base)
        self.view.set_busy(True)
        self.show_page()
        self.jobs.start(request)

    def show_page(self) -> None:
        """Show the N-way page instead of the pairwise view."""
        self.stack.setCurrentWidget(self.view)

    def show_pair_page(self) -> None:
        """Show the pairwise view again."""
        self.stack.setCurrentWidget(self.pair_page)

    def cancel(self) -> None:
        """Stop building the grid (the comparisons finished so far are kept)."""
        if self.jobs.busy:
            self.jobs.cancel()
            self.show_message("Comparing versions cancelled")
        self.view.set_busy(False)

    def _on_compare_versions_triggered(self) -> None:
        paths = self.document_view.selected_paths()
        if len(paths) >= MIN_VERSIONS:
            self.start(paths)
        elif self.outcome is not None or self.jobs.busy:
            self.show_page()
        else:
            self.show_message("Select three or more documents to compare as versions")

    def _on_ignore_case_toggled(self, _checked: bool) -> None:
        if self.paths and self.visible:
            self.start(list(self.paths), self.base)

    def _on_view_base_chosen(self, index: int) -> None:
        if self.paths and index != self.base:
            self.start(list(self.paths), index)

    def _on_view_pair_requested(self, base: str, version: str) -> None:
        self.show_pair_page()
        self.pair_requested.emit(base, version)

    def _on_jobs_progress(self, done: int, total: int) -> None:
        self.view.set_busy(True, done, total)

    def _on_jobs_finished(self, outcome: NWayOutcome) -> None:
        self.outcome = outcome
        self.known.update(outcome.comparisons)
        self.base = outcome.base
        self.view.set_busy(False)
        self.view.show_nway(outcome.nway, outcome.base)
        for comparison in outcome.comparisons.values():
            self.compared.emit(
                comparison.old.path, comparison.new.path, comparison.stats.similarity
            )
        n = len(outcome.nway.versions)
        self.show_message(
            f"{len(outcome.nway.sentences):,} sentences of the base compared with {n} versions"
        )
        self.shown.emit()

    def _on_jobs_failed(self, message: str) -> None:
        self.view.set_busy(False)
        self.show_message(message)
