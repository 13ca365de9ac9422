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

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from gui.common.context import AppContext
from gui.common.plain import shown_path
from gui.common.reading import ReadingChoices
from gui.common.status_line import StatusLine
from gui.documents.document_list import DocumentListModel, DocumentListView
from gui.work.jobs import Jobs
from gui.work.loading import DocumentRow, FolderRequest


class Listing(QObject):
    """Lists folders and files into ``documents`` through ``jobs``.

    ``open_as_text`` and ``recursive`` are the actions it answers; ``menu_actions``
    head the list's context menu. It asks the window to compare through
    ``compare_requested``, tells it which files are read differently now through
    ``reread``, and names what is listed through ``title_changed``.
    """

    loaded = Signal()
    folder_opened = Signal(str)
    title_changed = Signal(str)
    compare_requested = Signal(str, str)
    reread = Signal(list)

    def __init__(
        self,
        jobs: Jobs,
        documents: DocumentListModel,
        view: DocumentListView,
        context: AppContext,
        reading: ReadingChoices,
        status: StatusLine,
        open_as_text: QAction,
        recursive: QAction,
        menu_actions: list[QAction],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.jobs, self.documents, self.view = jobs, documents, view
        self.context, self.reading, self.status = context, reading, status
        self.open_as_text_action, self.recursive = open_as_text, recursive
        self.menu_actions = menu_actions
        self.folder: str | None = None
        self._note = ""  # why the list is read again, said with its count
        jobs.folder_rows.connect(self._on_jobs_folder_rows)
        jobs.folder_finished.connect(self._on_jobs_folder_finished)
        open_as_text.triggered.connect(self._on_open_as_text_triggered)
        recursive.toggled.connect(self._on_recursive_toggled)
        view.context_menu_requested.connect(self._on_view_context_menu_requested)

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

        context = self.context
        self.folder = os.path.abspath(folder)
        context.update_settings(opened_before=True)
        context.settings = with_recent_folder(context.settings, self.folder)
        context.save()
        self.folder_opened.emit(self.folder)
        recursive = self.recursive.isChecked()
        self._list(FolderRequest(self.folder, recursive=recursive, as_text=self._as_text()))

    def refresh(self) -> None:
        """Read the folder (or the files) listed again: deleted files leave the list,
        new ones join it (F5)."""
        if self.folder:
            recursive = self.recursive.isChecked()
            self._list(FolderRequest(self.folder, recursive=recursive, as_text=self._as_text()))
        elif self.documents.rowCount():
            paths = tuple(r.path for r in self.documents.rows if os.path.exists(r.path))
            self._list(FolderRequest(None, paths, as_text=self._as_text()))

    def forget_missing(self, paths: list[str]) -> list[str]:
        """Refresh the list if some of ``paths`` are listed but gone; return those."""
        gone = [p for p in paths if self.documents.row_for(p) is not None and not os.path.exists(p)]
        if gone:
            names = ", ".join(shown_path(os.path.basename(p)) for p in gone)
            self._note = f"{names}: no such file (deleted or moved)"
            self.status.show_message(f"{self._note}; reading the list again\u2026")
            self.refresh()
        return gone

    def open_files(self, files: list[str]) -> None:
        """List ``files``; with two or more, compare the first two in the order given."""
        self.folder = None
        paths = tuple(os.path.abspath(f) for f in files)
        self._list(FolderRequest(None, paths, as_text=self._as_text()))
        if len(paths) >= 2:
            self.compare_requested.emit(paths[0], paths[1])

    def _as_text(self) -> frozenset[str]:
        return frozenset(self.reading.as_text)

    def _list(self, request: FolderRequest) -> None:
        self.documents.clear()
        self.jobs.start_folder(request)
        self.title_changed.emit(f"Documents: {request.root or 'files'}")
        self.status.set_loading(True, "Listing documents\u2026")

    def reload_rows(self, paths: list[str]) -> None:
        """Describe ``paths`` again (another encoding, or read as text anyway)."""
        listed = [p for p in paths if self.documents.row_for(p) is not None]
        if listed:
            encodings = tuple((p, e) for p, e in self.reading.encodings.items() if p in listed)
            request = FolderRequest(
                None, tuple(listed), encodings=encodings, as_text=self._as_text()
            )
            self.jobs.start_folder(request, kind="row")

    def open_as_text(self, paths: list[str]) -> None:
        """Read ``paths`` as text from now on, binary-looking or not; reload them."""
        self.reading.as_text.update(paths)
        self.reload_rows(paths)
        self.reread.emit(list(paths))

    def _on_open_as_text_triggered(self) -> None:
        rows = [self.documents.row_for(p) for p in self.view.selected_paths()]
        paths = [r.path for r in rows if r is not None and r.can_open_as_text]
        if paths:
            self.open_as_text(paths)
        else:
            self.status.show_message("Select a file refused as binary or unsupported first")

    def context_menu(self) -> QMenu:
        """The document list's context menu for the current selection."""
        rows: list[DocumentRow | None] = [
            self.documents.row_for(p) for p in self.view.selected_paths()
        ]
        menu = QMenu(self.view)
        menu.addActions(self.menu_actions)
        menu.addSeparator()
        menu.addAction(self.open_as_text_action)
        self.open_as_text_action.setEnabled(any(r is not None and r.can_open_as_text for r in rows))
        return menu

    def _on_view_context_menu_requested(self, position: QPoint) -> None:
        menu = self.context_menu()
        menu.exec(self.view.viewport().mapToGlobal(position))
        self.open_as_text_action.setEnabled(True)
        menu.deleteLater()

    def _on_jobs_folder_rows(self, rows: list[DocumentRow]) -> None:
        self.documents.add_rows(rows)
        self.status.set_progress_text(f"{self.documents.rowCount():,} documents\u2026")

    def _on_jobs_folder_finished(self, cancelled: bool, message: str) -> None:
        self.documents.resort()
        busy = self.jobs.busy("compare")
        self.status.set_loading(busy, "Comparing\u2026" if busy else "")
        if self._note:
            message, self._note = f"{self._note}; {message}", ""
        self.status.show_message(message)
        self.loaded.emit()

    def _on_recursive_toggled(self, checked: bool) -> None:
        self.context.update_settings(recursive=checked)
        if self.folder:
            self.open_folder(self.folder)
