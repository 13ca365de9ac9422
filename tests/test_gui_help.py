"""The Help menu (F1 lists every shortcut, About, the sample folder) and the first
screen (the empty state, a document list wide enough for its columns)."""

from __future__ import annotations

import platform
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from core import installed_version
from gui.common.context import AppContext
from gui.shell.help import about_html, shortcut_rows
from gui.shell.main_window import MainWindow

NATIVE = QKeySequence.SequenceFormat.NativeText


@pytest.fixture
def window(qtbot):
    win = MainWindow(AppContext())
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.jobs.shutdown()


def _every_shortcut_action(win: MainWindow) -> list[QAction]:
    """Found another way than the list does: every widget of the application."""
    actions = {id(a): a for a in win.findChildren(QAction)}
    for widget in QApplication.allWidgets():
        if widget is win or win.isAncestorOf(widget):
            actions.update({id(a): a for a in QWidget.actions(widget)})
    return [a for a in actions.values() if a.shortcuts()]


def test_every_action_with_a_shortcut_is_in_the_f1_list(window: MainWindow, qtbot) -> None:
    listed = {(name, keys) for name, keys, _menu in shortcut_rows(window)}
    actions = _every_shortcut_action(window)
    assert len(actions) >= 20
    for action in actions:
        name = re.sub(r"&(.)", r"\1", action.text()).rstrip(".\u2026").strip()
        keys = ", ".join(k.toString(NATIVE) for k in action.shortcuts())
        assert (name, keys) in listed, (name, keys)
    for expected in ("F1", "Ctrl+M", "Ctrl+Shift+M", "F7, Alt+Down", "Ctrl+Z", "Esc"):
        assert any(keys == expected for _name, keys in listed), expected
    assert ("Keyboard Shortcuts", "F1", "Help") in shortcut_rows(window)


def test_f1_opens_the_list_and_it_is_made_from_the_actions_now(window: MainWindow, qtbot) -> None:
    late = QAction("Late &Arrival\u2026", window)
    late.setShortcut(QKeySequence("Ctrl+Alt+K"))
    window.addAction(late)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.help.dialog
    assert dialog is not None and dialog.isVisible()
    cells = {
        (dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text())
        for r in range(dialog.table.rowCount())
    }
    assert ("Late Arrival", "Ctrl+Alt+K") in cells
    assert dialog.table.rowCount() == len(shortcut_rows(window))


def test_about_names_versions_licence_and_libraries() -> None:
    text = about_html()
    for needed in (
        f"Redline {installed_version()}",
        "Licence: MIT",
        f"Qt {qVersion()}",
        f"Python {platform.python_version()}",
    ):
        assert needed in text, needed
    for library, licence in (
        ("PySide6", "LGPL-3.0-only"),
        ("diff-match-patch", "Apache"),
        ("chardet", "0BSD"),
        ("platformdirs", "MIT"),
        ("rapidfuzz", "MIT"),
    ):
        row = re.search(rf"<tr><td>{library}[^<]*</td><td>[^<]+</td><td>([^<]+)</td>", text, re.I)
        assert row and licence in row.group(1), library


def test_open_sample_folder_lists_the_samples(window: MainWindow, qtbot) -> None:
    menus = [a.menu().title() for a in window.menuBar().actions() if a.menu()]
    assert menus[-1] == "&Help"
    with qtbot.waitSignal(window.folder_loaded, timeout=20000):
        window.help.open_samples.trigger()
    assert Path(window.folder or "") == window.context.paths.samples
    assert window.documents.rowCount() >= 2


def test_the_first_screen_says_what_to_do_until_a_comparison(window: MainWindow, qtbot) -> None:
    screen = window.first_screen
    assert screen.shown
    text = screen.page.label.text()
    for hint in (
        "Select two versions and press Enter",
        "Select three or more and press Compare Versions",
        "Drop a folder here",
    ):
        assert hint in text
    window.nway.show_pair_page()  # e.g. Back from the similarity matrix: nothing to show
    assert screen.shown
    samples = sorted(window.context.paths.samples.glob("*.txt"))
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        window.compare(str(samples[0]), str(samples[1]))
    assert window.stack.currentWidget() is window.view


def test_the_window_uses_our_icon(qtbot) -> None:
    from gui.shell.desktop_icon import application_icon, use_application_icon

    icon = application_icon()
    assert not icon.isNull()
    image = icon.pixmap(64, 64).toImage()
    assert image.width() == 64 and image.pixelColor(32, 4).alpha() > 0  # drawn, not blank
    app = QApplication.instance()
    use_application_icon(app)
    assert not app.windowIcon().isNull() and app.desktopFileName() == "redline"


def test_no_two_items_of_a_menu_share_their_alt_letter(window: MainWindow) -> None:
    """Alt+V then a letter must run the item, not cycle between two that share it."""

    def letters(menu, path: str) -> list[str]:
        found: dict[str, list[str]] = {}
        clashes: list[str] = []
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            mark = re.search(r"&([^&])", action.text())
            if mark:
                found.setdefault(mark.group(1).lower(), []).append(action.text())
            if action.menu() is not None:
                clashes += letters(action.menu(), f"{path} > {action.text()}")
        return clashes + [f"{path}: {texts}" for texts in found.values() if len(texts) > 1]

    clashes = letters(window.menuBar(), "menu bar")
    assert clashes == []
