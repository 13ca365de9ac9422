"""The window as an editor uses it: mouse, zoom and keys in a row (Qt offscreen)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication
from test_gui_window import CONDENSED, FULL, SAMPLES, compare, folder, window  # noqa: F401

from core.settings import load_settings
from gui.common.context import AppContext
from gui.shell.main_window import MainWindow


def test_zoom_then_leaving_the_new_pane_does_not_crash(qtbot, window: MainWindow) -> None:  # noqa: F811
    """Click in the new pane, Ctrl+plus, move out: the outline's cursors are not stale."""
    compare(qtbot, window, CONDENSED, FULL)
    view = window.view
    viewport = view.new_pane.viewport()
    qtbot.mouseMove(viewport, QPoint(100, 40))
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=QPoint(100, 40))
    qtbot.mouseMove(viewport, QPoint(120, 60))
    assert view.old_pane.extraSelections()  # the counterpart is outlined
    with qtbot.waitSignal(view.build_finished, timeout=10000):
        window.actions.zoom_in.trigger()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old documents go
    for pane in (view.old_pane, view.new_pane):
        for selection in pane.extraSelections():
            assert selection.cursor.document() is pane.document()
    qtbot.mouseMove(viewport, QPoint(130, 70))
    QApplication.sendEvent(view.new_pane, QEvent(QEvent.Type.Leave))
    assert view.old_pane.extraSelections() == []


def test_a_folder_whose_name_is_not_utf8_opens_and_is_remembered(qtbot, tmp_path: Path) -> None:
    root = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9 \xff"))
    shutil.copytree(SAMPLES, root)
    win = MainWindow(AppContext())
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.folder_loaded, timeout=20000):
        win.open_folder(str(root))
    assert win.context.save_error is None
    saved = win.context.paths.settings_file.read_bytes().decode("utf-8")
    assert load_settings(win.context.paths.settings_file).settings.recent_folders[0] == str(root)
    assert str(root) not in saved  # escaped, the file stays UTF-8
    compare(qtbot, win, CONDENSED, FULL)
    assert win.view.new_pane.toPlainText()
    win.jobs.shutdown()


def _focused_in(widget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def test_keys_reach_every_part_and_tab_leaves_the_changes(qtbot, window: MainWindow) -> None:  # noqa: F811
    compare(qtbot, window, CONDENSED, FULL)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    changes, panes = window.changes_view, (window.view.old_pane, window.view.new_pane)
    changes.setFocus()
    changes.selectRow(2)
    qtbot.keyClick(changes, Qt.Key.Key_Tab)
    assert not _focused_in(changes)  # Tab leaves the table
    changes.setFocus()
    qtbot.keyClick(changes, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert _focused_in(window.annotations.panel.table)  # the next part of the window
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert _focused_in(window.document_view)
    qtbot.keyClick(window.document_view, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert _focused_in(panes[1])
    qtbot.keyClick(panes[1], Qt.Key.Key_Tab)
    assert not _focused_in(panes[1])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert _focused_in(changes)
    qtbot.keyClick(changes, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert _focused_in(window.document_view)


def test_open_folder_puts_the_focus_on_the_document_list(
    qtbot,
    window: MainWindow,  # noqa: F811
    folder: Path,  # noqa: F811
    monkeypatch,
) -> None:
    compare(qtbot, window, CONDENSED, FULL)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.changes_view.setFocus()
    monkeypatch.setattr(
        "gui.shell.menus.QFileDialog.getExistingDirectory", lambda *_: str(folder / "sub")
    )
    with qtbot.waitSignal(window.folder_loaded, timeout=20000):
        qtbot.keyClick(window.changes_view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert _focused_in(window.document_view)
