"""The pair's own panels (its change list, summary, reload bar) never stand beside a
page that shows something else: an editor saw the N-way grid above the last pair's
change list, with its similarity and counts in the status bar."""

from __future__ import annotations

from pathlib import Path

from conftest import CONDENSED, FULL
from PySide6.QtCore import Qt
from test_gui_nway import VARIANT, choose_base, folder, select_all_and_compare_versions, window

from gui.common.context import AppContext
from gui.shell.main_window import MainWindow

__all__ = ["folder", "window"]  # fixtures


def compare_pair(qtbot, win: MainWindow, old: Path, new: Path) -> None:
    with qtbot.waitSignal(win.comparison_shown, timeout=30000):
        win.compare(str(old), str(new))


def pair_panels_shown(win: MainWindow) -> bool:
    return win.changes_dock.isVisible() and win.summary_label.isVisible()


def go_to(win: MainWindow, region: str):  # type: ignore[no-untyped-def]
    return next(a for a in win.focus_keys.actions if a.text() == f"Go to {region}")


def test_the_grid_hides_the_pairs_panels_and_a_cell_brings_them_back_with_its_pair(
    qtbot, window: MainWindow, folder: Path
) -> None:
    compare_pair(qtbot, window, folder / CONDENSED.name, folder / FULL.name)
    window.reload_bar.offer(str(folder / FULL.name))
    before = window.changes_view.changes_model.rowCount()
    assert pair_panels_shown(window) and before > 0 and window.reload_bar.isVisible()
    select_all_and_compare_versions(qtbot, window)
    # Nothing of the last pair is on screen under the grid, and nothing that would
    # show it again (the View item, Alt+4, Ctrl+Tab) or act on it (F7, Swap).
    assert not window.changes_dock.isVisible()
    assert not window.summary_label.isVisible() and not window.reload_bar.isVisible()
    assert not window.changes_dock.toggleViewAction().isEnabled()
    assert not go_to(window, "Changes").isEnabled()
    assert not window.actions.next_change.isEnabled() and not window.actions.swap.isEnabled()
    window.focus_keys.step(+1)
    window.focus_keys.step(+1)
    assert not window.changes_dock.isVisible()
    # A cell opens base and version as the pair: its own changes and summary come back.
    choose_base(qtbot, window, CONDENSED.name)
    view = window.nway.view
    column = next(
        c for c in range(2) if view.model.nway.versions[c].document.path.endswith(VARIANT)
    )
    rect = view.table.visualRect(view.model.index(0, column))
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pair is not None and window.pair[1].endswith(VARIANT)
    assert pair_panels_shown(window)
    assert window.changes_view.changes_model.rowCount() == len(window.result.changes) != before
    similarity = window.result.comparison.stats.similarity
    assert f"Similarity {similarity:.0%}" in window.summary_label.toolTip()
    assert window.changes_dock.toggleViewAction().isEnabled()
    assert go_to(window, "Changes").isEnabled() and window.actions.next_change.isEnabled()


def test_back_to_comparison_brings_back_what_was_shown_and_no_more(
    qtbot, window: MainWindow, folder: Path
) -> None:
    compare_pair(qtbot, window, folder / CONDENSED.name, folder / FULL.name)
    window.changes_dock.close()  # the editor closed the change list: it stays closed
    select_all_and_compare_versions(qtbot, window)
    assert not window.summary_label.isVisible()
    window.nway.view.back_button.click()
    assert window.stack.currentWidget() is window.view
    assert window.summary_label.isVisible() and not window.reload_bar.isVisible()
    assert not window.changes_dock.isVisible()
    assert window.changes_dock.toggleViewAction().isEnabled()
    window.changes_dock.toggleViewAction().trigger()
    assert window.changes_dock.isVisible()
    assert window.changes_view.changes_model.rowCount() == len(window.result.changes)


def test_closing_on_the_grid_keeps_the_change_list_for_the_next_start(
    qtbot, window: MainWindow, folder: Path
) -> None:
    compare_pair(qtbot, window, folder / CONDENSED.name, folder / FULL.name)
    select_all_and_compare_versions(qtbot, window)
    assert not window.changes_dock.isVisible()
    window.close()
    again = MainWindow(AppContext())
    qtbot.addWidget(again)
    again.show()
    try:
        assert again.changes_dock.isVisible()
    finally:
        again.jobs.shutdown()
