"""Story families in the window: the scan after a folder is listed, and what shows it.

When a folder's listing finishes, ``FamiliesController`` fingerprints its documents
in the background (``core.families.scan.scan_folder``; progress and Cancel in the status
bar; a new folder cancels the scan and a stale result is dropped). The result fills
the document list's Family, Closest and Similarity columns, the family tree (View >
Group by Family, remembered) and the similarity matrix page (View > Similarity
Matrix), and gives Compare Versions its base: the family's likely original.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QPoint, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QProgressBar,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from core.families.scan import ScanResult
from core.text.names import printable_path
from gui.common.context import AppContext
from gui.common.elided import ElidedLabel
from gui.common.status_line import StatusLine
from gui.documents.family_index import FamilyIndex
from gui.documents.listing import Listing
from gui.families.data import MatrixData
from gui.families.job import SCAN, FamilyJobs, ScanOutcome
from gui.families.matrix_page import MatrixPage
from gui.families.tree import FamilyTreeModel, FamilyTreeView

SCANNING = "Finding story families\u2026"


class ScanStatus(QWidget):
    """The status bar's part for the scan: what it found, or its progress and Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # (at most a fifth of the window: the messages left of it were cut to a few
        # words at 1024 pixels wide; the whole text is its tooltip)
        self.label = ElidedLabel(mode=Qt.TextElideMode.ElideRight, share=0.2)
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(120)
        self.progress.setTextVisible(False)
        self.cancel = QToolButton()
        self.cancel.setText("Cancel")
        self.cancel.setToolTip("Stop finding story families")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel)
        self.show_text("")

    def show_progress(self, done: int, total: int) -> None:
        """Scanning: ``done`` of ``total`` documents fingerprinted (total 0: unknown)."""
        self.label.setText(f"{SCANNING} {done:,}/{total:,}" if total else SCANNING)
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.show()
        self.cancel.show()

    def show_text(self, text: str) -> None:
        """Not scanning: ``text`` (what the last scan found, or nothing)."""
        self.label.setText(text)
        self.progress.hide()
        self.cancel.hide()


class FamiliesController(QObject):
    """Owns the scan, the family tree, the matrix page and their actions.

    The scan follows what ``listing`` lists (its documents, its Include Sub-folders
    choice); ``cancel`` stops it. The window places ``tree`` under the document list,
    ``page`` in its page stack (``stack``), ``status`` in its status bar and the two
    actions in its menus. The controller asks the window to compare a pair of listed
    documents through ``pair_requested`` and to go back to the comparison through
    ``page.back_requested``.
    """

    scanned = Signal()
    matrix_shown = Signal()
    pair_requested = Signal(str, str)

    def __init__(
        self,
        context: AppContext,
        listing: Listing,
        stack: QStackedWidget,
        status: StatusLine,
        cancel: QAction,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.listing, self.stack, self.messages = context, listing, stack, status
        self.documents, self.document_view = listing.documents, listing.view
        self.jobs = FamilyJobs(context.pool, self)
        self.result: ScanResult | None = None
        self.index: FamilyIndex | None = None
        self.pending: ScanOutcome | None = None  # scan results waiting for their folder
        self.matrix_of: ScanResult | None = None
        self.tree_model = FamilyTreeModel(self)
        self.tree = FamilyTreeView(self.tree_model)
        self.tree.hide()
        self.page = MatrixPage()
        stack.addWidget(self.page)
        self.status = ScanStatus()
        self._rebuild_timer = QTimer(self)
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.setInterval(150)
        self.group_action, self.matrix_action = self._make_actions()
        self.open_results_action = QAction("Open Scan Res&ults\u2026", self)
        self.open_results_action.setToolTip(
            "Show the story families of a saved scan (redline scan --format json, also "
            "from a cluster) without scanning the folder again"
        )
        self._connect(cancel)
        self.group_action.setChecked(context.settings.group_by_family)

    def _make_actions(self) -> tuple[QAction, QAction]:
        group = QAction("&Group by Family", self)
        group.setCheckable(True)
        group.setToolTip("Show the documents as a tree of story families")
        matrix = QAction("Similarity &Matrix", self)
        matrix.setShortcut(QKeySequence("Ctrl+Shift+M"))
        matrix.setToolTip("How similar every two documents of the folder are (Ctrl+Shift+M)")
        return group, matrix

    def _connect(self, cancel: QAction) -> None:
        self.listing.jobs.folder_finished.connect(self._on_listing_jobs_folder_finished)
        self.documents.modelReset.connect(self._on_documents_model_reset)
        self.documents.rowsInserted.connect(self._rebuild_timer.start)
        self.documents.dataChanged.connect(self._rebuild_timer.start)
        cancel.triggered.connect(self.cancel)
        self._rebuild_timer.timeout.connect(self._rebuild_tree)
        self.status.cancel.clicked.connect(self.cancel)
        self.jobs.scan_progress.connect(self.status.show_progress)
        self.jobs.scan_finished.connect(self._on_jobs_scan_finished)
        self.jobs.matrix_finished.connect(self._on_jobs_matrix_finished)
        self.jobs.failed.connect(self._on_jobs_failed)
        self.group_action.toggled.connect(self._on_group_action_toggled)
        self.matrix_action.triggered.connect(self.show_matrix)
        self.open_results_action.triggered.connect(self._on_open_results_action_triggered)
        self.tree.compare_requested.connect(self.document_view.compare_requested)
        self.tree.context_menu_requested.connect(self._on_tree_context_menu_requested)
        self.page.pair_requested.connect(self.pair_requested)

    # -- the scan ---------------------------------------------------------------------

    def scan(self, folder: str) -> None:
        """Find the story families of ``folder`` in the background (cancels a running scan)."""
        self.jobs.start_scan(folder, self.listing.recursive.isChecked())
        self.status.show_progress(0, 0)
        if self.page_visible:
            self.page.show_message(SCANNING)

    def cancel(self) -> None:
        """Stop the scan (and the matrix being built), if running."""
        if self.jobs.cancel(SCAN):
            self.messages.show_message("Finding story families cancelled")
            self.status.show_text("")
            if self.page_visible:
                self.page.show_message("Finding story families was cancelled.")

    def _on_open_results_action_triggered(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.stack.window(), "Open Scan Results", "", "Redline scans (*.json);;All files (*)"
        )
        if path:
            self.open_results(path)

    def open_results(self, path: str) -> None:
        """Show the families of the scan saved in ``path``: its folder is listed and the
        saved result fills the columns, the tree and the status, without a scan."""
        self.jobs.start_loaded(path)
        self.status.show_text("Reading the scan results\u2026")

    def _on_listing_jobs_folder_finished(self, cancelled: bool, _message: str) -> None:
        if cancelled or self.listing.folder is None:
            return
        pending, self.pending = self.pending, None
        if pending is not None and pending.result.root == self.listing.folder:
            self._show_scan(pending)
        else:
            self.scan(self.listing.folder)

    def _on_documents_model_reset(self) -> None:
        """The list was emptied (another folder): the last scan no longer applies."""
        self.jobs.shutdown()
        self.result = self.index = self.matrix_of = None
        self.status.show_text("")
        self._rebuild_tree()
        if self.page_visible:
            self.page.show_message(SCANNING if self.listing.folder else "No folder is open.")

    def _on_jobs_scan_finished(self, outcome: ScanOutcome) -> None:
        if outcome.loaded:
            self._open_scanned_folder(outcome)
            return
        if outcome.result.root != self.listing.folder:
            return  # a scan of a folder no longer shown
        self._show_scan(outcome)

    def _open_scanned_folder(self, outcome: ScanOutcome) -> None:
        """Saved results read: list their folder, then show them (or say why not)."""
        root = outcome.result.root
        if not os.path.isdir(root):
            message = (
                f"Scan results not opened: {printable_path(outcome.loaded)}: its folder "
                f"{printable_path(root)} is not on this computer"
            )
            self.status.show_text("")
            self.messages.show_message(message)
            return
        self.pending = outcome
        recursive = any("/" in d.relpath for d in outcome.result.documents)
        if recursive != self.listing.recursive.isChecked():
            with QSignalBlocker(self.listing.recursive):
                self.listing.recursive.setChecked(recursive)
            self.context.update_settings(recursive=recursive)
        self.listing.open_folder(root)

    def _show_scan(self, outcome: ScanOutcome) -> None:
        self.result, self.index = outcome.result, outcome.index
        self.documents.set_families(dict(outcome.index.by_path))
        self._rebuild_tree()
        self.status.show_text(outcome.index.summary())
        if self.page_visible:
            self.show_matrix()
        self.scanned.emit()

    def _on_jobs_failed(self, kind: str, message: str) -> None:
        if kind == SCAN:
            self.status.show_text("")
        else:
            self.matrix_of = None  # try again next time
        if self.page_visible:
            self.page.show_message(message)
        self.messages.show_message(message)

    # -- the family tree ----------------------------------------------------------------

    @property
    def grouped(self) -> bool:
        """Whether the document list is shown as a tree of families."""
        return self.group_action.isChecked()

    def _on_group_action_toggled(self, checked: bool) -> None:
        self.context.update_settings(group_by_family=checked)
        view = self.document_view
        view.grouped = self.tree if checked else None
        view.setVisible(not checked)
        self.tree.setVisible(checked)
        self._rebuild_tree()

    def _rebuild_tree(self) -> None:
        self._rebuild_timer.stop()
        if self.grouped or self.tree_model.rows:
            self.tree_model.rebuild(self.documents.rows, self.index)

    def _on_tree_context_menu_requested(self, position: QPoint) -> None:
        menu = self.listing.context_menu()
        menu.exec(self.tree.viewport().mapToGlobal(position))
        self.listing.open_as_text_action.setEnabled(True)
        menu.deleteLater()

    # -- the matrix ---------------------------------------------------------------------

    @property
    def page_visible(self) -> bool:
        """Whether the similarity matrix page is the one shown."""
        return self.stack.currentWidget() is self.page

    def show_matrix(self) -> None:
        """Show the matrix page; build the matrix of the last scan if not done yet."""
        self.stack.setCurrentWidget(self.page)
        if self.result is None:
            scanning = self.jobs.busy(SCAN)
            self.page.show_message(SCANNING if scanning else "Open a folder to see a matrix.")
        elif not self.result.fingerprints and self.result.documents:
            # Saved results hold no fingerprints: the folder is scanned for the matrix.
            self.page.show_message(SCANNING)
            if not self.jobs.busy(SCAN) and self.listing.folder is not None:
                self.scan(self.listing.folder)
        elif self.matrix_of is not self.result:
            self.matrix_of = self.result
            self.page.show_message("Building the similarity matrix\u2026")
            self.jobs.start_matrix(self.result)

    def note_similarity(self, first: str, second: str, similarity: float) -> None:
        """A pair was compared: its matrix cell shows the comparison's similarity."""
        self.page.canvas.set_measured(first, second, similarity)

    def _on_jobs_matrix_finished(self, data: MatrixData | str) -> None:
        if isinstance(data, str):
            self.page.show_message(data)
        else:
            self.page.show_matrix(data)
        self.matrix_shown.emit()
