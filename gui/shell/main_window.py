"""The main window: actions, menus, toolbar, docks and status bar; work is delegated.

Folder listing and comparisons run as background jobs (``gui.work.jobs``); the
comparison view, the document list and the change list are their own widgets. Each
controller (listing, the pairwise comparison, story families, the N-way page,
annotations, report saving) receives the widgets, models, actions and callbacks it
uses; this module builds them, places their widgets, wires their requests to each
other and keeps the user's choices in the settings.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.flags.detect import flag_label
from gui.common.context import AppContext
from gui.common.elided import ElidedLabel
from gui.common.reading import ReadingChoices
from gui.common.status_line import StatusLine
from gui.compare.change_list import ChangeListView
from gui.compare.change_panel import ChangePanel
from gui.compare.result import CompareResult
from gui.compare.view import CompareView
from gui.documents.document_list import DocumentListModel, DocumentListView
from gui.documents.listing import Listing
from gui.documents.reload_bar import ReloadBar
from gui.families.controller import FamiliesController
from gui.notes.controller import AnnotationsController
from gui.nway.controller import NWayController
from gui.shell.actions import build_actions
from gui.shell.bottom_docks import BottomDocks
from gui.shell.comparing import PairComparison
from gui.shell.first_screen import FirstScreen, PageStack
from gui.shell.focus import FocusKeys, Region
from gui.shell.help import HelpMenu
from gui.shell.list_width import ListWidthKeeper, default_list_width
from gui.shell.menus import WindowMenus
from gui.shell.pair_panels import PairPanels
from gui.shell.placement import place_annotations, place_families
from gui.shell.theme import Themes
from gui.work.jobs import Jobs


class MainWindow(QMainWindow):
    """Redline's window: document list, comparison view, change list."""

    comparison_shown = Signal(float)
    folder_loaded = Signal()
    status_changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Redline")
        self.setAcceptDrops(True)
        self.jobs = Jobs(context.pool, self)
        self.actions = build_actions(self)
        self.documents = DocumentListModel(self)
        self.document_view = DocumentListView(self.documents)
        self.view = CompareView()
        self.changes_view = ChangeListView()
        self.reload_bar = ReloadBar()
        self.reading = ReadingChoices()
        self._build_ui()
        self._build_controllers()
        self._restore()
        self.bottom_docks = BottomDocks(
            self, self.changes_dock, self.notes_dock, self.annotations.model
        )
        self._connect()
        self.families = FamiliesController(
            context, self.listing, self.stack, self.status, self.actions.cancel, self
        )
        place_families(self, self.families, self.docs_layout, self.menus)
        self.families.pair_requested.connect(self._on_families_pair_requested)
        self.comparing.compared.connect(self.families.note_similarity)
        self.nway.compared.connect(self.families.note_similarity)
        self.families.page.back_requested.connect(self.nway.show_pair_page)
        self.focus_keys = self._build_focus_keys()
        self.pair_panels = self._build_pair_panels()
        self.themes = Themes(context, self.menus.view_menu.addMenu("Th&eme"), self)
        self.listing.folder_opened.connect(lambda _folder: self.focus_keys.focus_documents())
        self.help = HelpMenu(self, context.paths.samples, self.open_folder)

    # -- building --------------------------------------------------------------------

    def _build_ui(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.reload_bar)
        self.stack = PageStack()  # the pairwise view, or the N-way page
        self.stack.addWidget(self.view)
        self.first_screen = FirstScreen(self.stack, self.view, lambda: self.pair is not None, self)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = StatusLine(self.statusBar(), self.actions.cancel)
        self.status.message_shown.connect(self.status_changed)
        self.progress = self.status.progress
        self.progress_label = self.status.progress_label
        self.cancel_button = self.status.cancel_button
        docs = QWidget()
        self.docs_layout = QVBoxLayout(docs)
        self.docs_layout.setContentsMargins(0, 0, 0, 0)
        self.docs_layout.addWidget(self.document_view)
        self.docs_dock = self._dock("Documents", docs, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.change_panel = ChangePanel(self.changes_view, self.actions.only_flagged)
        self.changes_dock = self._dock(
            "Changes", self.change_panel, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.summary_label = ElidedLabel(mode=Qt.TextElideMode.ElideRight, share=0.35)
        self.summary_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.statusBar().addPermanentWidget(self.summary_label)
        self.status.add_widgets()
        self.set_loading(False)

    def _build_controllers(self) -> None:
        a, context = self.actions, self.context
        self.listing = Listing(
            self.jobs,
            self.documents,
            self.document_view,
            context,
            self.reading,
            self.status,
            a.open_as_text,
            a.recursive,
            [a.compare, a.compare_with],
            self,
        )
        self.menus = WindowMenus(self, self)
        self.nway = NWayController(
            context.pool,
            self.stack,
            self.view,
            self.document_view,
            lambda: self.families.index,
            self.reading,
            a.compare_versions,
            a.ignore_case,
            self.show_message,
            self,
        )
        self.annotations = AnnotationsController(
            context,
            self.view,
            self.jobs.compare_finished,
            lambda: self.stack.currentWidget() is self.view,
            self.show_message,
            self,
            self,
        )
        self.notes_dock = self._dock(
            "Annotations", self.annotations.panel, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.menus.view_menu.addAction(self.notes_dock.toggleViewAction())  # after Changes
        self.edit_menu = place_annotations(
            self, self.annotations, self.notes_dock, self.changes_dock
        )
        self.comparing = PairComparison(
            self.jobs,
            self.view,
            self.changes_view,
            self.summary_label,
            self.reload_bar,
            self.status,
            self.reading,
            a,
            context,
            self,
        )

    def _build_focus_keys(self) -> FocusKeys:
        view, docs = self.document_view, self.docs_dock
        regions = [
            Region("Document List", ("Ctrl+L", "Alt+1"), lambda: view.grouped or view, docs),
            Region("Old Text", ("Alt+2",), lambda: self.view.old_pane),
            Region("New Text", ("Alt+3",), lambda: self.view.new_pane),
            Region("Changes", ("Alt+4",), lambda: self.changes_view, self.changes_dock),
            Region(
                "Annotations", ("Alt+5",), lambda: self.annotations.panel.table, self.notes_dock
            ),
        ]
        return FocusKeys(self, regions, self.menus.view_menu.addMenu("G&o To"))

    def _build_pair_panels(self) -> PairPanels:
        """What speaks of the pair shown, put away while the N-way grid or the
        similarity matrix is shown instead (``gui.shell.pair_panels``)."""
        a, keys = self.actions, self.focus_keys
        docks = (self.changes_dock, self.notes_dock)
        return PairPanels(
            self.stack,
            (self.view, self.first_screen.page),
            docks,
            (self.summary_label, self.reload_bar),
            [
                *(dock.toggleViewAction() for dock in docks),
                *map(keys.action_for, ("Old Text", "New Text", "Changes", "Annotations")),
                *(a.next_change, a.previous_change, a.swap, a.old_encoding, a.new_encoding),
            ],
            self,
        )

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title.lower() + "_dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _restore(self) -> None:
        s = self.context.settings
        a = self.actions
        a.recursive.setChecked(s.recursive)
        a.ignore_case.setChecked(s.ignore_case)
        a.show_trivial.setChecked(s.show_trivial)
        a.only_changed.setChecked(s.only_changed)
        a.line_breaks.setChecked(s.line_breaks)
        a.hide_punctuation.setChecked(s.hide_punctuation)
        self.view.set_hide_minor(s.hide_punctuation)
        self.changes_view.changes_model.hide_minor = s.hide_punctuation
        a.only_flagged.setChecked(s.only_flagged)
        self.view.set_only_flagged(s.only_flagged)
        self.changes_view.changes_model.only_flagged = s.only_flagged
        self.view.set_pane_font(s.font_size)
        if s.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(s.window_geometry.encode()))
        else:
            self.resize(1400, 900)
        if s.window_state:
            self.restoreState(QByteArray.fromBase64(s.window_state.encode()))
        else:
            width = default_list_width(self.width())
            self.resizeDocks([self.docs_dock], [width], Qt.Orientation.Horizontal)
            self.resizeDocks([self.changes_dock], [200], Qt.Orientation.Vertical)
        ListWidthKeeper(
            self,
            self.docs_dock,
            s.document_list_width,
            lambda width: self.context.update_settings(document_list_width=width),
            None if s.window_state else self.document_view,
        )
        if self.context.startup_message:
            self.status.show_notice(self.context.startup_message)

    def _connect(self) -> None:
        a = self.actions
        a.open_folder.triggered.connect(self.menus.ask_folder)
        a.open_files.triggered.connect(self.menus.ask_files)
        a.compare.triggered.connect(self._on_compare_triggered)
        a.compare_with.triggered.connect(self.menus.ask_compare_with)
        a.save_report.triggered.connect(self._on_save_report_triggered)
        a.next_change.triggered.connect(self.view.next_change)
        a.previous_change.triggered.connect(self.view.previous_change)
        a.cancel.triggered.connect(self._on_cancel_triggered)
        a.quit.triggered.connect(self.close)
        a.reload.triggered.connect(self.listing.refresh)
        self.jobs.compare_failed.connect(self._on_jobs_compare_failed)
        self.comparing.shown.connect(self.comparison_shown)
        self.listing.loaded.connect(self.folder_loaded)
        self.listing.folder_opened.connect(lambda _folder: self.menus.refresh_recent())
        self.listing.folder_opened.connect(self._on_listing_folder_opened)
        self.listing.title_changed.connect(self.docs_dock.setWindowTitle)
        self.listing.compare_requested.connect(self.compare)
        self.listing.reread.connect(self.comparing.recompare_if_shown)
        self.nway.pair_requested.connect(self.compare)
        self.document_view.compare_requested.connect(self._on_compare_triggered)
        self.changes_view.change_activated.connect(self.view.go_to_change)
        self.view.current_change_changed.connect(self.changes_view.select_change)
        self.view.current_change_changed.connect(self._on_view_current_change_changed)
        self.view.no_change_beyond.connect(self._on_view_no_change_beyond)

    # -- what the other parts and the tests read ------------------------------------------

    @property
    def folder(self) -> str | None:
        """The folder listed, None for a list of files."""
        return self.listing.folder

    @property
    def pair(self) -> tuple[str, str] | None:
        """The pair compared last (old, new)."""
        return self.comparing.pair

    @property
    def result(self) -> CompareResult | None:
        """The comparison shown, once finished."""
        return self.comparing.result

    @property
    def encodings(self) -> dict[str, str]:
        """The encodings chosen per path (Reopen with Encoding)."""
        return self.reading.encodings

    @property
    def show_seconds(self) -> float:
        """The longest GUI-thread slice of the last view build (the benchmark reads it)."""
        return self.comparing.show_seconds

    # -- folders (see gui.documents.listing) ---------------------------------------------

    def open_paths(self, paths: list[str]) -> None:
        """Open what the command line or a drop named: one folder, or files."""
        self.listing.open_paths(paths)

    def open_folder(self, folder: str) -> None:
        """List ``folder`` in the background (recursively if chosen)."""
        self.listing.open_folder(folder)

    def open_files(self, files: list[str]) -> None:
        """List ``files``; with two or more, compare the first two in the order given."""
        self.listing.open_files(files)

    def set_loading(self, loading: bool, text: str = "") -> None:
        """Show or hide the progress indicator and Cancel, with ``text`` beside them."""
        self.status.set_loading(loading, text)

    def _on_cancel_triggered(self) -> None:
        cancelled = self.jobs.busy("folder") or self.jobs.busy("compare")
        self.jobs.cancel("folder")
        self.jobs.cancel("compare")
        self.set_loading(False)
        if cancelled:
            self.show_message(f"Cancelled; {self.documents.rowCount():,} documents listed")

    # -- comparing (see gui.shell.comparing) ----------------------------------------------

    def compare(self, old: str, new: str, reuse: bool = False) -> None:
        """Compare ``old`` with ``new`` in the background (cancels a running one)."""
        self.comparing.compare(old, new, reuse)
        self.first_screen.leave()

    def ordered(self, first: str, second: str) -> tuple[str, str]:
        """Old and new of two listed documents (``DocumentListModel.ordered``)."""
        return self.documents.ordered(first, second)

    def _on_compare_triggered(self) -> None:
        paths = self.document_view.selected_paths()
        if len(paths) == 1:
            self.menus.ask_compare_with()
        elif len(paths) > 2:
            self.nway.start(paths)
        elif len(paths) != 2:
            self.show_message("Select two documents to compare (or one, then Compare With\u2026)")
        else:
            self.nway.show_pair_page()
            self.compare(*self.ordered(paths[0], paths[1]))

    def _on_families_pair_requested(self, first: str, second: str) -> None:
        self.nway.show_pair_page()
        self.compare(*self.ordered(first, second))

    def _on_jobs_compare_failed(self, message: str) -> None:
        """A compared file that is gone leaves the list (and its family); a pair that
        could not be compared leaves no other pair's comparison on show under it (a
        cancelled one keeps the comparison shown before)."""
        self.listing.forget_missing(list(self.comparing.pair or ()))
        if message:
            self.comparing.clear()
            self.first_screen.back()

    def _on_listing_folder_opened(self, folder: str) -> None:
        """Another folder: the pair shown goes unless it lies in that folder."""
        pair = self.comparing.pair
        if pair and not all(os.path.abspath(p).startswith(folder + os.sep) for p in pair):
            self.comparing.clear()
            self.annotations.forget_pair()
            self.first_screen.back()

    def reopen_with_encoding(self, path: str, encoding: str) -> None:
        """Use ``encoding`` for ``path`` from now on; re-run the comparison."""
        self.reading.encodings[path] = encoding
        self.comparing.recompare_if_shown([path])
        self.listing.reload_rows([path])

    def _on_save_report_triggered(self) -> None:
        """File > Save Report: of the N-way grid when its page is shown, else of the
        comparison (with the notes shown)."""
        reports = self.menus.reports
        if self.nway.visible:
            reports.nway.ask()
            return
        comparison = self.result.comparison if self.result is not None else None
        annotations = self.annotations.shown_for(comparison) if comparison else None
        reports.ask(comparison, self.actions.only_changed.isChecked(), annotations)

    # -- drops, messages, closing --------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.open_paths(paths)

    def _position(self, index: int) -> str:
        """ "Change 3 of 12" for the view's change ``index``, counted as the change list
        lists them (punctuation-only or unflagged changes left out when it does)."""
        model = self.changes_view.changes_model
        row = model.row_of(index)
        if row < 0:
            return f"Change {index + 1:,} of {len(self.view.changes):,}"
        return f"Change {row + 1:,} of {model.rowCount():,}"

    def _on_view_current_change_changed(self, index: int) -> None:
        """Where the current change stands, and what to check in it (its flags: read
        otherwise only in a tooltip, with the mouse)."""
        if not 0 <= index < len(self.view.changes):
            return
        block = self.view.changes[index].block
        flags = self.changes_view.changes_model.block_flags.get(block, ())
        checks = "; ".join(f"{flag_label(f)}: {f.explanation}" for f in flags)
        # (cut at the end if need be: what to check, its kind first, stays in sight)
        self.status.show_message(
            self._position(index) + (f" \u2014 check {checks}" if checks else ""),
            Qt.TextElideMode.ElideRight,
        )

    def _on_view_no_change_beyond(self, step: int) -> None:
        where = "last" if step > 0 else "first"
        self.show_message(f"{self._position(self.view.current)}: the {where} change")

    def show_message(self, message: str) -> None:
        """One line in the status bar (never a dialog for a file problem)."""
        self.status.show_message(message)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.nway.jobs.cancel()
        self.families.jobs.shutdown()
        self.jobs.shutdown()
        self.annotations.shutdown()  # every queued note is committed before exit
        self.pair_panels.bring_back()  # (the layout kept is the pairwise view's)
        self.context.update_settings(
            window_geometry=bytes(self.saveGeometry().toBase64().data()).decode(),
            window_state=bytes(self.saveState().toBase64().data()).decode(),
        )
        super().closeEvent(event)
