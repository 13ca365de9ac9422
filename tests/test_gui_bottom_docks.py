"""The docks under the panes: an empty Annotations panel is put away, and at
1024x700 the docks leave the panes most of the height (Qt offscreen)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget
from test_gui_annotations import annotate_text
from test_gui_window import CONDENSED, FULL, compare, folder, window  # noqa: F401

from gui.notes.dialogs import NoteValues
from gui.shell.bottom_docks import MAX_SHARE
from gui.shell.main_window import MainWindow


def on_screen(dock: QDockWidget) -> bool:
    """Shown and not behind another dock's tab (Qt calls both visible)."""
    return dock.isVisible() and not dock.widget().visibleRegion().isEmpty()


def test_an_empty_annotations_panel_is_put_away_until_the_first_note(
    qtbot,
    window: MainWindow,  # noqa: F811
) -> None:
    compare(qtbot, window, CONDENSED, FULL)
    notes, changes = window.notes_dock, window.changes_dock
    qtbot.waitUntil(lambda: notes.isHidden())  # no notes on this pair
    assert not changes.isHidden() and not window.tabifiedDockWidgets(changes)
    annotate_text(window, "new", "syria", NoteValues("check", "", "open"))
    qtbot.waitUntil(lambda: not notes.isHidden())
    assert window.tabifiedDockWidgets(notes) == [changes]  # back behind Changes
    qtbot.waitUntil(lambda: on_screen(changes) and not on_screen(notes))
    window.annotations.writer.wait()


def test_alt_5_shows_the_empty_panel_and_it_stays_while_looked_at(
    qtbot,
    window: MainWindow,  # noqa: F811
) -> None:
    compare(qtbot, window, CONDENSED, FULL)
    qtbot.waitUntil(lambda: window.notes_dock.isHidden())
    window.focus_keys.focus(window.focus_keys.regions[-1])  # Alt+5, Annotations
    qtbot.waitUntil(lambda: on_screen(window.notes_dock))
    window.annotations.reload()  # the pair's notes again (none): it is being looked at
    qtbot.wait(100)
    assert on_screen(window.notes_dock)


def test_view_annotations_shows_the_put_away_panel(
    qtbot,
    window: MainWindow,  # noqa: F811
) -> None:
    compare(qtbot, window, CONDENSED, FULL)
    qtbot.waitUntil(lambda: window.notes_dock.isHidden())
    toggles = [a.text() for a in window.menus.view_menu.actions()]
    assert toggles.index("Annotations") == toggles.index("Changes") + 1
    window.notes_dock.toggleViewAction().trigger()
    assert not window.notes_dock.isHidden()


def test_at_1024_by_700_the_docks_under_the_panes_stay_low(
    qtbot,
    window: MainWindow,  # noqa: F811
) -> None:
    compare(qtbot, window, CONDENSED, FULL)
    window.resizeDocks([window.changes_dock], [200], Qt.Orientation.Vertical)  # first start
    qtbot.wait(50)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.changes_dock.height() <= 700 * MAX_SHARE)
    assert window.view.new_pane.height() > 2 * window.changes_dock.height()


def test_the_docks_get_their_height_back_when_the_window_grows(
    qtbot,
    window: MainWindow,  # noqa: F811
) -> None:
    compare(qtbot, window, CONDENSED, FULL)
    window.resize(1400, 900)
    qtbot.wait(50)
    window.resizeDocks([window.changes_dock], [200], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: abs(window.changes_dock.height() - 200) <= 4)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.changes_dock.height() <= 700 * MAX_SHARE)
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: abs(window.changes_dock.height() - 200) <= 4)
    window.resize(1900, 1200)  # maximized on a large screen: no taller than it was
    qtbot.wait(50)
    assert abs(window.changes_dock.height() - 200) <= 4
    # A height chosen by hand while small is the one kept.
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.changes_dock.height() <= 700 * MAX_SHARE)
    window.resizeDocks([window.changes_dock], [120], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: abs(window.changes_dock.height() - 120) <= 4)
    window.resize(1400, 900)
    qtbot.wait(50)
    assert abs(window.changes_dock.height() - 120) <= 4
