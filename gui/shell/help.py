"""The Help menu: Keyboard Shortcuts (F1), Open Sample Folder, About Redline.

The shortcut list is read from the window's actions when it is opened, so it lists
every shortcut the window has at that moment and never goes stale. About names the
versions of Redline, Qt, PySide6 and Python and the libraries Redline uses with their
licences, read from the installed packages' metadata.
"""

from __future__ import annotations

import html
import platform
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import DISTRIBUTION, installed_version

if TYPE_CHECKING:
    from importlib.metadata import PackageMetadata

LICENCE = "MIT"
# Used when Redline runs from a checkout that was never installed (no metadata).
LIBRARIES = (
    "PySide6-Essentials",
    "shiboken6",
    "diff-match-patch",
    "chardet",
    "platformdirs",
    "rapidfuzz",
)
NATIVE = QKeySequence.SequenceFormat.NativeText


def _plain(text: str) -> str:
    """A menu text as a user reads it: no mnemonic ``&``, no trailing ellipsis."""
    return re.sub(r"&(.)", r"\1", text).rstrip(".\u2026").strip()


def _menu_of(action: QAction) -> str:
    menus = [o for o in action.associatedObjects() if isinstance(o, QMenu)]
    return _plain(menus[0].title()) if menus else ""


def window_actions(window: QWidget) -> list[QAction]:
    """Every action of ``window``: its children, and those added to it or to any
    widget in it (each once, in the order found)."""
    found: dict[int, QAction] = {}
    for action in window.findChildren(QAction):
        found.setdefault(id(action), action)
    for widget in [window, *window.findChildren(QWidget)]:
        for action in QWidget.actions(widget):  # MainWindow.actions is its Actions
            found.setdefault(id(action), action)
    return list(found.values())


def shortcut_rows(window: QWidget) -> list[tuple[str, str, str]]:
    """(action, its keys, its menu) for every action of ``window`` with a shortcut,
    sorted by menu, then action."""
    rows = {
        (_plain(a.text()), ", ".join(k.toString(NATIVE) for k in a.shortcuts()), _menu_of(a))
        for a in window_actions(window)
        if a.shortcuts() and a.text()
    }
    return sorted(rows, key=lambda row: (row[2] or "~", row[0].lower()))


class ShortcutsDialog(QDialog):
    """A read-only table of ``shortcut_rows``."""

    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels(["Action", "Keys", "Menu"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 520)


def _licence(dist: PackageMetadata) -> str:
    expression = dist.get("License-Expression")
    if expression:
        return expression
    short = (dist.get("License") or "").strip()
    if short and len(short) <= 60 and "\n" not in short:
        return short
    classifiers = [c for c in dist.get_all("Classifier") or [] if c.startswith("License ::")]
    return classifiers[0].rsplit(" :: ", 1)[-1] if classifiers else "licence not stated"


def _dependencies() -> list[str]:
    from importlib import metadata  # only for the About box (30 ms at start-up)

    try:
        required = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:
        return list(LIBRARIES)
    names = [re.split(r"[\s;<>=!~\[(]", r, maxsplit=1)[0] for r in required if "extra ==" not in r]
    names = list(dict.fromkeys(names))
    if any(n.lower() == "pyside6-essentials" for n in names):
        names.append("shiboken6")
    return names


def libraries() -> list[tuple[str, str, str]]:
    """(name, version, licence) of every library Redline depends on, as installed."""
    from importlib import metadata

    found = []
    for name in _dependencies():
        try:
            dist = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue
        found.append((dist["Name"], dist["Version"], _licence(dist)))
    return found


def about_html() -> str:
    """The About box's text."""
    libs = "".join(
        f"<tr><td>{html.escape(n)}</td><td>{html.escape(v)}</td><td>{html.escape(lic)}</td></tr>"
        for n, v, lic in libraries()
    )
    return (
        f"<h3>Redline {html.escape(installed_version())}</h3>"
        "<p>Compares versions of an article sentence against sentence.</p>"
        f"<p>Licence: {LICENCE}</p>"
        f"<p>Qt {html.escape(qVersion())}, PySide6 {html.escape(pyside_version)}, "
        f"Python {html.escape(platform.python_version())}</p>"
        "<p>Libraries:</p><table cellspacing='0' cellpadding='3'>"
        f"<tr><th align='left'>Name</th><th align='left'>Version</th>"
        f"<th align='left'>Licence</th></tr>{libs}</table>"
    )


class HelpMenu(QObject):
    """The Help menu, last in ``window``'s menu bar."""

    def __init__(
        self, window: QMainWindow, samples: Path, open_folder: Callable[[str], None]
    ) -> None:
        super().__init__(window)
        self.window, self.samples, self.open_folder = window, samples, open_folder
        self.shortcuts = QAction("&Keyboard Shortcuts", window)
        self.shortcuts.setShortcut(QKeySequence("F1"))
        self.shortcuts.setToolTip("Every keyboard shortcut of the window (F1)")
        self.open_samples = QAction("Open &Sample Folder", window)
        self.about = QAction("&About Redline", window)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.menu = window.menuBar().addMenu("&Help")
        self.menu.addActions([self.shortcuts, self.open_samples])
        self.menu.addSeparator()
        self.menu.addAction(self.about)
        self.shortcuts.triggered.connect(self.show_shortcuts)
        self.open_samples.triggered.connect(self._on_open_samples_triggered)
        self.about.triggered.connect(self.show_about)
        self.dialog: ShortcutsDialog | None = None

    def show_shortcuts(self) -> None:
        """The Keyboard Shortcuts window (not modal: it can stay open beside), made
        afresh each time from the actions the window has now."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = ShortcutsDialog(shortcut_rows(self.window), self.window)
        self.dialog.show()

    def _on_open_samples_triggered(self) -> None:
        self.open_folder(str(self.samples))

    def show_about(self) -> None:
        """The About box."""
        QMessageBox.about(self.window, "About Redline", about_html())
