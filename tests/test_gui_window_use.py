"""The window as an editor uses it: mouse, zoom and keys in a row (Qt offscreen)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication
from test_gui_window import CONDENSED, FULL, compare, folder, window  # noqa: F401

from gui.shell.main_window import MainWindow


def test_zoom_then_leaving_the_new_pane_does_not_crash(qtbot, window: MainWindow) -> None:
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
