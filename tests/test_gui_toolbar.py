"""Every toolbar button shows at 1024 pixels wide: an editor found the view switches
and the similarity matrix behind the toolbar's » button."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QToolButton

from gui.common.context import AppContext
from gui.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    win = MainWindow(AppContext())
    qtbot.addWidget(win)
    yield win
    win.jobs.shutdown()


def buttons(win: MainWindow) -> list[tuple[str, QToolButton]]:
    bar = win.menus.toolbar
    found = []
    for action in bar.actions():
        widget = bar.widgetForAction(action)
        if isinstance(widget, QToolButton):
            found.append((action.text(), widget))
    return found


@pytest.mark.parametrize("width", [1024, 1400])
def test_every_toolbar_button_shows_with_no_overflow(qtbot, window: MainWindow, width) -> None:
    window.resize(width, 700)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    bar = window.menus.toolbar
    shown = buttons(window)
    assert len(shown) == 11  # (Similarity Matrix included, added by the families controller)
    hidden = [text for text, button in shown if not button.isVisible()]
    assert hidden == []
    assert all(button.geometry().right() <= bar.width() for _, button in shown)
    more = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert more is None or not more.isVisible()


def test_shorter_buttons_say_it_all_in_tooltips_and_menus(window: MainWindow) -> None:
    a = window.actions
    icons_only = {
        a.previous_change: "Shift+F7",
        a.next_change: "F7",
        window.families.matrix_action: "Ctrl+Shift+M",
    }
    for action, key in icons_only.items():
        button = window.menus.toolbar.widgetForAction(action)
        assert isinstance(button, QToolButton)
        assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        assert not action.icon().isNull()
        assert action.toolTip().endswith(f" ({key})") and len(action.toolTip()) > 12
        assert QKeySequence(key) in action.shortcuts()
    # The menus keep the whole names; the bar's shorter labels are its own.
    menu_texts = {
        act.text().replace("&", "")
        for menu in (window.menus.view_menu, window.menus.file_menu)
        for act in menu.actions()
    }
    assert {"Show Trivial Differences", "Hide Punctuation-Only Changes"} <= menu_texts
    for text, button in buttons(window):
        if button.toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonIconOnly:
            label = button.text().replace("&", "")
            assert label and label in text.replace("&", "").replace("-Only", "")
            assert button.toolTip()
