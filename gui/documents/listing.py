"""Filling the document list: a folder or files, listed and described in the background.

Rows arrive in batches (a folder of 10,000 files fills the list while the window
stays responsive); the status bar counts them, and Cancel stops the walk. Anything
that cannot be used is one row with its reason and the walk ends with one summary
line, never a dialog per file. A file refused as binary or for its suffix can be
read anyway ("Open as Text Anyway" in the list's context menu): its row is reloaded
and comparisons read it the same way.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtWidgets import QMenu

from gui.work.loading import DocumentRow, FolderRequest

if TYPE_CHECKING:
    from gui.shell.main_window import MainWindow


class Listing(QObject):
    """Lists folders and files into ``window.documents`` through ``window.jobs``."""

    loaded = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.folder: str | None = None
        self.as_text: set[str] = set()
        jobs = window.jobs
        jobs.folder_rows.connect(self._on_jobs_folder_rows)
        jobs.folder_finished.connect(self._on_jobs_folder_finished)
        window.actions.open_as_text.triggered.connect(self._on_open_as_text_triggered)
        window.actions.recursive.toggled.connect(self._on_recursive_toggled)
        window.document_view.context_menu_requested.connect(self._on_view_context_menu_requested)

    def open_paths(self, paths: list[str]) -> None:
        """Open what the command line or a drop named: one folder, or files."""
        folders = [p for p in paths if os.path.isdir(p)]
        files = [p for p in paths if not os.path.isdir(p)]
        if folders and not files:
            self.open_folder(folders[0])
        elif files:
            self.open_files(files)

    def open_folder(self, folder: str) -> None:
        """List ``folder`` in the background (recursively if chosen)."""
        from core.settings import with_recent_folder

        window = self.window
        self.folder = os.path.abspath(folder)
        window.context.update_settings(opened_before=True)
        window.context.settings = with_recent_folder(window.context.settings, self.folder)
        window.context.save()
        window.menus.refresh_recent()
        recursive = window.actions.recursive.isChecked()
        self._list(FolderRequest(self.folder, recursive=recursive, as_text=self._as_text()))

    def open_files(self, files: list[str]) -> None:
        """List ``files``; with two or more, compare the first two in the order given."""
        self.folder = None
        paths = tuple(os.path.abspath(f) for f in files)
        self._list(FolderRequest(None, paths, as_text=self._as_text()))
        if len(paths) >= 2:
            self.window.compare(paths[0], paths[1])

    def _as_text(self) -> frozenset[str]:
        return frozenset(self.as_text)

    def _list(self, request: FolderRequest) -> None:
        window = self.window
        window.documents.clear()
        window.jobs.start_folder(request)
        window.docs_dock.setWindowTitle(f"Documents: {request.root or 'files'}")
        window.set_loading(True, "Listing documents\u2026")

    def reload_rows(self, paths: list[str]) -> None:
        """Describe ``paths`` again (another encoding, or read as text anyway)."""
        listed = [p for p in paths if self.window.documents.row_for(p) is not None]
        if listed:
            encodings = tuple((p, e) for p, e in self.window.encodings.items() if p in listed)
            request = FolderRequest(
                None, tuple(listed), encodings=encodings, as_text=self._as_text()
            )
            self.window.jobs.start_folder(request, kind="row")

    def open_as_text(self, paths: list[str]) -> None:
        """Read ``paths`` as text from now on, binary-looking or not; reload them."""
        self.as_text.update(paths)
        self.reload_rows(paths)
        pair = self.window.pair
        if pair and set(paths) & set(pair):
            self.window.compare(*pair)

    def _on_open_as_text_triggered(self) -> None:
        rows = [
            self.window.documents.row_for(p) for p in self.window.document_view.selected_paths()
        ]
        paths = [r.path for r in rows if r is not None and r.can_open_as_text]
        if paths:
            self.open_as_text(paths)
        else:
            self.window.show_message("Select a file refused as binary or unsupported first")

    def context_menu(self) -> QMenu:
        """The document list's context menu for the current selection."""
        actions = self.window.actions
        rows: list[DocumentRow | None] = [
            self.window.documents.row_for(p) for p in self.window.document_view.selected_paths()
        ]
        menu = QMenu(self.window.document_view)
        menu.addActions([actions.compare, actions.compare_with])
        menu.addSeparator()
        menu.addAction(actions.open_as_text)
        actions.open_as_text.setEnabled(any(r is not None and r.can_open_as_text for r in rows))
        return menu

    def _on_view_context_menu_requested(self, position: QPoint) -> None:
        menu = self.context_menu()
        menu.exec(self.window.document_view.viewport().mapToGlobal(position))
        self.window.actions.open_as_text.setEnabled(True)
        menu.deleteLater()

    def _on_jobs_folder_rows(self, rows: list[DocumentRow]) -> None:
        self.window.documents.add_rows(rows)
        self.window.progress_label.setText(f"{self.window.documents.rowCount():,} documents\u2026")

    def _on_jobs_folder_finished(self, cancelled: bool, message: str) -> None:
        self.window.documents.resort()
        busy = self.window.jobs.busy("compare")
        self.window.set_loading(busy, "Comparing\u2026" if busy else "")
        self.window.show_message(message)
        self.loaded.emit()

    def _on_recursive_toggled(self, checked: bool) -> None:
        self.window.context.update_settings(recursive=checked)
        if self.folder:
            self.open_folder(self.folder)
