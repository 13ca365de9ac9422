"""Menus, toolbar, recent folders and the few dialogs of the main window."""

from __future__ import annotations

import codecs
import os
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMenuBar,
    QToolBar,
    QToolButton,
    QWidget,
)

from core.settings import FONT_SIZE_MAX, FONT_SIZE_MIN
from core.text.names import SUPPORTED_SUFFIXES
from gui.common.context import AppContext
from gui.common.plain import shown_path
from gui.compare.view import CompareView
from gui.documents.document_list import DocumentListView
from gui.nway.controller import NWayController
from gui.reports.save import ReportSaver
from gui.shell.actions import Actions, glyph_icon

# Documents first; any file may still be picked (it may be text under another name).
DOCUMENT_FILTER = (
    "Documents (" + " ".join(f"*{s}" for s in sorted(SUPPORTED_SUFFIXES)) + ");;All files (*)"
)
ENCODINGS = ("utf-8", "windows-1252", "iso-8859-1", "iso-8859-15", "utf-16", "mac-roman", "cp850")


def toolbar_labels(a: Actions) -> dict[QAction, str]:
    """The toolbar's shorter labels of actions whose menu items say more."""
    return {
        a.swap: "Swap",
        a.show_trivial: "Show Trivial",
        a.only_changed: "Only Changed",
        a.hide_punctuation: "Hide Punctuation",
    }


def show_icon_only(toolbar: QToolBar, action: QAction) -> None:
    """``action``'s button on ``toolbar`` shows its icon alone (its tooltip names it)."""
    button = toolbar.widgetForAction(action)
    if isinstance(button, QToolButton):
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)


class MenuHost(Protocol):
    """What the menus use of the main window (``gui.shell.main_window.MainWindow``)."""

    actions: Actions
    context: AppContext
    docs_dock: QDockWidget
    changes_dock: QDockWidget
    document_view: DocumentListView
    view: CompareView
    nway: NWayController
    pair: tuple[str, str] | None

    @property
    def folder(self) -> str | None: ...
    def menuBar(self) -> QMenuBar: ...
    def addToolBar(self, toolbar: QToolBar) -> None: ...
    def open_folder(self, folder: str) -> None: ...
    def open_files(self, files: list[str]) -> None: ...
    def compare(self, old: str, new: str, reuse: bool = False) -> None: ...
    def reopen_with_encoding(self, path: str, encoding: str) -> None: ...
    def show_message(self, message: str) -> None: ...


class WindowMenus(QObject):
    """Builds the menu bar and toolbar of ``window`` and answers their dialogs
    (``dialog_parent``, the window's widget, owns them)."""

    def __init__(self, window: MenuHost, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self.window = window
        self.dialog_parent = dialog_parent
        a = window.actions
        bar = window.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([a.open_folder, a.open_files])
        self.recent_menu = file_menu.addMenu("Open Re&cent")
        file_menu.addActions([a.recursive, a.reload])
        file_menu.addSeparator()
        file_menu.addAction(a.save_report)
        self.reports = ReportSaver(
            window.context.pool,
            window.show_message,
            dialog_parent,
            lambda: window.nway.jobs.busy,
            lambda: window.nway.outcome.nway if window.nway.outcome else None,
            self,
        )
        file_menu.addSeparator()
        file_menu.addAction(a.quit)
        compare_menu = bar.addMenu("&Compare")
        compare_menu.addActions([a.compare, a.compare_versions, a.compare_with, a.swap])
        compare_menu.addSeparator()
        compare_menu.addActions([a.old_encoding, a.new_encoding, a.open_as_text])
        self.file_menu = file_menu
        view_menu = self.view_menu = bar.addMenu("&View")
        view_menu.addActions([a.next_change, a.previous_change])
        view_menu.addSeparator()
        view_menu.addActions(
            [a.ignore_case, a.show_trivial, a.only_changed, a.hide_punctuation, a.line_breaks]
        )
        view_menu.addAction(a.only_flagged)
        view_menu.addSeparator()
        view_menu.addActions([a.zoom_in, a.zoom_out, a.zoom_reset])
        view_menu.addSeparator()
        view_menu.addActions(
            [window.docs_dock.toggleViewAction(), window.changes_dock.toggleViewAction()]
        )
        self._build_toolbar()
        a.zoom_in.triggered.connect(self._on_zoom_in_triggered)
        a.zoom_out.triggered.connect(self._on_zoom_out_triggered)
        a.zoom_reset.triggered.connect(self._on_zoom_reset_triggered)
        a.old_encoding.triggered.connect(self._on_old_encoding_triggered)
        a.new_encoding.triggered.connect(self._on_new_encoding_triggered)
        self.refresh_recent()

    def _build_toolbar(self) -> None:
        """Every button shows in a window 1024 pixels wide (none behind the » button):
        the view switches and Swap have shorter labels than their menu items (their
        tooltips say the rest), the change arrows are icons only (tooltips with F7
        and Shift+F7), as is the similarity matrix (``gui.shell.placement``)."""
        a = self.window.actions
        tools = QToolBar("Main", self.dialog_parent)
        tools.setObjectName("main_toolbar")
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tools.addActions([a.open_folder, a.compare, a.compare_versions, a.swap])
        tools.addSeparator()
        tools.addActions([a.previous_change, a.next_change])
        tools.addSeparator()
        tools.addActions([a.ignore_case, a.show_trivial, a.only_changed, a.hide_punctuation])
        for action, label in toolbar_labels(a).items():
            action.setIconText(label)  # (the text of toolbar buttons; menus show text())
        for action in (a.previous_change, a.next_change):
            show_icon_only(tools, action)
        self.window.addToolBar(tools)
        self.toolbar = tools
        more = tools.findChild(QToolButton, "qt_toolbar_ext_button")
        if more is not None:  # the style's » is dark grey, lost on the dark bar
            more.setIcon(glyph_icon("more"))

    def refresh_recent(self) -> None:
        """Rebuild the recent-folders menu from the settings."""
        self.recent_menu.clear()
        for folder in self.window.context.settings.recent_folders:
            action = self.recent_menu.addAction(shown_path(folder))
            action.triggered.connect(lambda _=False, f=folder: self.window.open_folder(f))
        self.recent_menu.setEnabled(bool(self.window.context.settings.recent_folders))

    def ask_folder(self) -> None:
        """Let the user pick a folder to open."""
        folder = QFileDialog.getExistingDirectory(
            self.dialog_parent, "Open Folder", self.window.folder or ""
        )
        if folder:
            self.window.open_folder(folder)

    def ask_files(self) -> None:
        """Let the user pick files to list (two or more: the first two are compared)."""
        files, _ = QFileDialog.getOpenFileNames(
            self.dialog_parent, "Open Files", self.window.folder or "", DOCUMENT_FILTER
        )
        if files:
            self.window.open_files(files)

    def ask_compare_with(self) -> None:
        """Compare the selected document with a file the user picks (selected = old)."""
        paths = self.window.document_view.selected_paths()
        if len(paths) != 1:
            self.window.show_message("Select one document, then Compare With\u2026")
            return
        other, _ = QFileDialog.getOpenFileName(
            self.dialog_parent, "Compare With", os.path.dirname(paths[0]), DOCUMENT_FILTER
        )
        if other:
            self.window.compare(paths[0], other)

    def _ask_encoding(self, path: str) -> None:
        name = shown_path(os.path.basename(path))
        dialog = QInputDialog(self.dialog_parent)
        dialog.setWindowTitle("Reopen With Encoding")
        dialog.setLabelText(f"Encoding for {name}:")
        dialog.setComboBoxItems(list(ENCODINGS))
        dialog.setComboBoxEditable(True)
        for label in dialog.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)
        if not dialog.exec() or not dialog.textValue():
            return
        encoding = dialog.textValue().strip()
        try:
            codecs.lookup(encoding)
        except LookupError:
            self.window.show_message(f"Unknown encoding: {encoding}")
            return
        self.window.reopen_with_encoding(path, encoding)

    def _on_old_encoding_triggered(self) -> None:
        if self.window.pair:
            self._ask_encoding(self.window.pair[0])

    def _on_new_encoding_triggered(self) -> None:
        if self.window.pair:
            self._ask_encoding(self.window.pair[1])

    def _zoom(self, size: int) -> None:
        if size:
            size = min(max(size, FONT_SIZE_MIN), FONT_SIZE_MAX)
        self.window.context.update_settings(font_size=size)
        self.window.view.set_pane_font(size)

    def _current_size(self) -> int:
        return self.window.context.settings.font_size or self.window.view.font().pointSize()

    def _on_zoom_in_triggered(self) -> None:
        self._zoom(self._current_size() + 1)

    def _on_zoom_out_triggered(self) -> None:
        self._zoom(self._current_size() - 1)

    def _on_zoom_reset_triggered(self) -> None:
        self._zoom(0)
