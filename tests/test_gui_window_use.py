"""The window as an editor uses it: mouse, zoom and keys in a row (Qt offscreen)."""

from __future__ import annotations

import os
import shutil
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QPalette, QWheelEvent
from PySide6.QtWidgets import QAbstractSlider, QApplication, QLabel
from test_gui_window import CONDENSED, FULL, SAMPLES, UNRELATED, compare, folder, window  # noqa: F401

from core.settings import load_settings
from gui.common.context import AppContext
from gui.common.styles import DARK
from gui.compare.changes import excerpt
from gui.documents.document_list import FAMILY
from gui.notes.dialogs import AnnotationDialog
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


def test_double_clicking_a_word_leaves_no_selection_in_the_other_pane(
    qtbot,
    window: MainWindow,  # noqa: F811
) -> None:
    compare(qtbot, window, CONDENSED, FULL)
    view = window.view
    for source, other in ((view.new_pane, view.old_pane), (view.old_pane, view.new_pane)):
        viewport = source.viewport()
        spot = QPoint(60, 30)
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=spot)
        assert other.textCursor().hasSelection()  # a click selects the counterpart
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=spot)
        word = source.textCursor().selectedText()
        assert word and " " not in word.strip()  # the word double-clicked
        assert not other.textCursor().hasSelection()


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


def test_home_and_end_go_to_the_first_and_last_document(
    qtbot,
    window: MainWindow,  # noqa: F811
) -> None:
    view = window.document_view
    rows = view.model().rowCount()
    assert rows >= 4
    view.setFocus()
    view.setCurrentIndex(view.model().index(1, 0))
    bar = view.horizontalScrollBar()
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.currentIndex().row() == rows - 1 and view.currentIndex().column() == 0
    assert bar.value() == 0  # the names stay in view
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    assert len(view.selected_paths()) == 2  # the last two, ready for Enter
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.currentIndex().row() == 0 and bar.value() == 0


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


def test_panes_never_drift_while_scrolling_and_holes_are_as_tall_as_the_text(
    qtbot,
    window: MainWindow,  # noqa: F811
) -> None:
    compare(qtbot, window, CONDENSED, FULL)
    view = window.view
    old_bar, new_bar = view.old_pane.verticalScrollBar(), view.new_pane.verticalScrollBar()
    assert old_bar.value() == new_bar.value() == 0  # aligned at the top
    for source in (view.new_pane, view.old_pane):
        source.verticalScrollBar().setValue(0)
        while source.verticalScrollBar().value() < source.verticalScrollBar().maximum():
            notch = QWheelEvent(
                QPointF(50, 50), QPointF(source.viewport().mapToGlobal(QPoint(50, 50))),
                QPoint(0, 0), QPoint(0, -120), Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
            )  # fmt: skip
            QApplication.sendEvent(source.viewport(), notch)
            assert old_bar.value() == new_bar.value()  # unchanged text side by side
    plan = window.result.plan
    holes = [
        r for r, b in enumerate(plan.old.row_first) if plan.old.blocks[b].role == "placeholder"
    ]
    assert holes and holes[-1] == len(plan.rows) - 1  # the sample ends with inserted text
    last = holes[-1]
    height = view.new_pane.heights[last]  # one inserted sentence per row
    assert height > view.old_pane.fontMetrics().height()
    image = view.old_pane.viewport().grab().toImage()
    y = round(view.old_pane.row_tops()[last] - old_bar.value() + height - 4)
    assert 0 < y < image.height()
    assert image.pixelColor(20, y).name() == view.colours.placeholder  # grey to its bottom


def test_the_current_change_is_framed_not_selected(qtbot, window: MainWindow) -> None:  # noqa: F811
    compare(qtbot, window, CONDENSED, FULL)
    view = window.view
    window.actions.next_change.trigger()
    change = view.changes[view.current]
    for pane in (view.old_pane, view.new_pane):
        assert not pane.textCursor().hasSelection()  # its colours stay visible
        assert pane.current_block == change.block
    pane = view.new_pane
    number = pane.plan.numbers[change.block]
    top, bottom = pane.block_extent(number)
    image = pane.viewport().grab().toImage()
    y = round(top - pane.verticalScrollBar().value())
    frame = {image.pixelColor(pane.viewport().width() // 2, y + dy).name() for dy in (-1, 0)}
    assert view.colours.current in frame
    inside = {
        image.pixelColor(x, y + dy).name()
        for x in range(0, pane.viewport().width(), 2)
        for dy in range(3, round(bottom - top) - 2)
    }
    assert "#3399ff" not in inside and pane.palette().highlight().color().name() not in inside


def _names(win: MainWindow) -> list[str]:
    model = win.documents
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_a_deleted_file_leaves_the_list_on_compare_and_on_f5(
    qtbot,
    window: MainWindow,  # noqa: F811
    folder: Path,  # noqa: F811
) -> None:
    assert UNRELATED in _names(window) and CONDENSED in _names(window)
    (folder / UNRELATED).unlink()
    view = window.document_view
    for name in (CONDENSED, UNRELATED):
        row = _names(window).index(name)
        view.selectionModel().select(
            window.documents.index(row, 0),
            view.selectionModel().SelectionFlag.Select | view.selectionModel().SelectionFlag.Rows,
        )
    with qtbot.waitSignal(window.folder_loaded, timeout=20000):
        window.actions.compare.trigger()
    assert UNRELATED not in _names(window)
    assert "no such file" in window.status.message
    (folder / CONDENSED).unlink()
    assert window.actions.reload.shortcut().toString() == "F5"
    with qtbot.waitSignal(window.folder_loaded, timeout=20000):
        window.actions.reload.trigger()
    assert CONDENSED not in _names(window) and FULL in _names(window)


def test_a_long_status_message_is_shortened_before_the_widgets_on_its_right(
    qtbot,
    window: MainWindow,  # noqa: F811
) -> None:
    window.resize(1024, 700)
    window.annotations.indicator.show()
    window.annotations.indicator.setText("All notes saved")
    qtbot.wait(50)
    long = "Report saved: /home/editor/" + "very long folder name/" * 12 + "report_000_001.html"
    window.show_message(long)
    bar = window.statusBar()
    shown = bar.currentMessage()
    assert shown != long and shown.endswith("report_000_001.html")
    assert bar.fontMetrics().horizontalAdvance(shown) <= window.status.message_room()
    assert window.status.message_room() < window.annotations.indicator.x()
    assert bar.toolTip() == long and window.status.message == long


def _status_line_at_1024(qtbot, window: MainWindow) -> None:  # noqa: F811
    """The sample pair compared at 1024 px, notes saved and a message shown."""
    window.resize(1024, 700)
    compare(qtbot, window, CONDENSED, FULL)
    window.annotations.indicator.show()
    window.annotations.indicator.setText("All notes saved")
    window.show_message("2 documents listed")


def test_at_1024_px_the_status_texts_read_whole(
    qtbot,
    window: MainWindow,  # noqa: F811
) -> None:
    _status_line_at_1024(qtbot, window)
    qtbot.wait(50)
    label = window.summary_label
    assert "flags" in label.text() and "Similarity" in label.text()
    assert label.shown_text() == label.text()  # nothing cut
    assert "flags in" in label.toolTip() and "old utf-8" in label.toolTip()  # the rest
    bar = window.statusBar()
    assert bar.currentMessage() == "2 documents listed"
    assert bar.fontMetrics().horizontalAdvance("2 documents listed") <= window.status.message_room()
    right = [label, window.annotations.indicator]
    assert all(w.geometry().right() <= bar.width() for w in right)
    assert label.geometry().right() < window.annotations.indicator.x() or (
        window.annotations.indicator.geometry().right() < label.x()
    )


def test_at_1024_px_the_status_line_reads_whole_with_5_mb_figures(
    qtbot,
    window: MainWindow,  # noqa: F811
) -> None:
    # The figures of a heavily edited 5 MB pair (session 7's line was cut there: the
    # tooltip had the text). A shorter wording is drawn, never one cut with "…".
    import dataclasses

    from gui.compare.summary import short_summaries, summary

    _status_line_at_1024(qtbot, window)
    comparison = window.result.comparison
    stats = dataclasses.replace(
        comparison.stats,
        similarity=0.9312,
        deleted_words=96_204,
        inserted_words=119_287,
        moved_words=80_381,
    )
    big = dataclasses.replace(comparison, stats=stats)
    from core.flags.detect import Flag

    flags = [Flag("number", i % 4, (), (), '"20" \u2192 "27"') for i in range(8_262)]
    wordings = short_summaries(big, flags)
    label = window.summary_label
    label.set_texts(wordings, summary(big, flags))
    qtbot.wait(50)
    shown = label.shown_text()
    assert "\u2026" not in shown and shown in wordings
    assert "\u2212" + "96,204 +119,287" in shown and "8,262 flags" in shown  # exact figures
    assert shown != wordings[0]  # the longest does not fit at 1024 (else nothing to test)
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert "80,381 moved" in label.toolTip() and "old utf-8" in label.toolTip()
    assert label.geometry().right() < window.annotations.indicator.x() or (
        window.annotations.indicator.geometry().right() < label.x()
    )
    window.resize(1400, 900)  # room again: the whole short line
    qtbot.wait(50)
    assert label.shown_text() == wordings[0]


def test_a_long_file_name_is_elided_in_the_pane_header(
    qtbot,
    window: MainWindow,  # noqa: F811
    tmp_path: Path,
) -> None:
    long_name = tmp_path / (("a-very-long-file-name-" * 10)[:218] + ".txt")  # 222 characters
    shutil.copy(SAMPLES / FULL, long_name)
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        window.compare(str(SAMPLES / CONDENSED), str(long_name))
    qtbot.wait(50)
    view = window.view
    assert abs(view.old_pane.width() - view.new_pane.width()) < 40  # not squeezed
    assert view.new_title.shown_text() != view.new_title.text()  # shortened, with "…"
    assert view.new_title.toolTip() == str(long_name)
    assert window.summary_label.width() <= 0.45 * window.width() + 1


def test_bidi_controls_show_as_marks_in_the_change_list_and_panes(
    qtbot,
    window: MainWindow,  # noqa: F811
    tmp_path: Path,
) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("The minister said the deal was off. Talks end.\n", encoding="utf-8")
    new.write_text("The minister said the \u202edeal was on\u202c. Talks end.\n", encoding="utf-8")
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        window.compare(str(old), str(new))
    model = window.changes_view.changes_model
    cells = [
        str(model.index(r, c).data())
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]
    assert any("\u00b7deal was on\u00b7" in cell for cell in cells)
    assert not any(ch in cell for cell in cells for ch in "\u202e\u202c")
    shown = window.view.new_pane.toPlainText()
    assert "\u202e" not in shown and "\u00b7deal was on\u00b7" in shown


def test_at_1024_by_700_the_legend_wraps_and_the_document_list_keeps_its_columns(
    qtbot,
    window: MainWindow,  # noqa: F811
) -> None:
    compare(qtbot, window, CONDENSED, FULL)
    window.resize(1024, 700)
    window.resizeDocks([window.docs_dock], [60], Qt.Orientation.Horizontal)  # a squeeze
    qtbot.wait(100)
    legend = window.view.legend
    chips = legend.findChildren(QLabel)
    assert chips and all(c.isVisible() and c.geometry().right() < legend.width() for c in chips)
    assert legend.height() > max(c.height() for c in chips)  # on two lines
    header = window.document_view.horizontalHeader()
    assert window.document_view.width() >= header.sectionSize(0) + header.sectionSize(FAMILY)


def test_view_theme_switches_the_palette_and_is_remembered(
    qtbot,
    window: MainWindow,  # noqa: F811
) -> None:
    compare(qtbot, window, CONDENSED, FULL)
    app = QApplication.instance()
    light_base = app.palette().color(QPalette.ColorRole.Base).name()
    try:
        with qtbot.waitSignal(window.view.build_finished, timeout=10000):
            window.themes.actions["dark"].trigger()
        assert app.palette().color(QPalette.ColorRole.Base).lightness() < 128
        assert window.view.colours == DARK  # the panes are rebuilt in dark colours
        assert window.context.settings.theme == "dark"
        assert "QToolButton:checked" in app.styleSheet()  # toggled buttons stand out
        qtbot.wait(50)
        for chip in window.view.legend.findChildren(QLabel):  # placed again, not cut
            assert chip.width() >= chip.sizeHint().width()
        again = MainWindow(AppContext())  # the next start reads the choice
        qtbot.addWidget(again)
        assert again.themes.actions["dark"].isChecked()
        again.jobs.shutdown()
    finally:
        window.themes.choose("system")
    assert app.palette().color(QPalette.ColorRole.Base).name() == light_base
    assert window.context.settings.theme == "system" and app.styleSheet() == ""


def test_the_toolbar_arrows_and_its_more_button_read_on_the_dark_bar(
    qtbot,
    window: MainWindow,  # noqa: F811
) -> None:
    from PySide6.QtWidgets import QToolButton

    window.resize(640, 700)  # the toolbar's last buttons go behind its » button
    try:
        window.themes.choose("dark")
        qtbot.wait(50)
        bar = window.menus.toolbar
        background = bar.palette().color(QPalette.ColorRole.Window)
        more = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert more is not None and more.isVisible()
        icons = [window.actions.previous_change.icon(), window.actions.next_change.icon()]
        icons.append(window.families.matrix_action.icon())
        for icon in [*icons, more.icon()]:
            image = icon.pixmap(16, 16).toImage()
            inked = [
                image.pixelColor(x, y)
                for x in range(16)
                for y in range(16)
                if image.pixelColor(x, y).alpha() > 200
            ]
            assert inked  # something is drawn, and it stands out from the dark bar
            assert max(abs(c.lightness() - background.lightness()) for c in inked) > 60
    finally:
        window.themes.choose("system")


def test_opening_another_folder_clears_the_pair_shown(
    qtbot,
    window: MainWindow,  # noqa: F811
    folder: Path,  # noqa: F811
) -> None:
    compare(qtbot, window, CONDENSED, FULL)
    with qtbot.waitSignal(window.folder_loaded, timeout=20000):
        window.actions.recursive.trigger()  # the same folder listed again: the pair stays
    assert window.result is not None and window.view.new_pane.toPlainText()
    assert window.view.new_pane.margin.visible_marks()
    margins = (window.view.old_pane.margin, window.view.new_pane.margin)
    with qtbot.waitSignal(window.folder_loaded, timeout=20000):
        window.open_folder(str(folder / "sub"))
    # The empty state is shown again, with what to do (not two blank panes); the
    # margins hold no marks of the last pair when the panes are shown next.
    assert window.first_screen.shown
    assert not any(margin.visible_marks() for margin in margins)
    window.stack.setCurrentWidget(window.view)  # (the pair page has nothing to show)
    assert window.first_screen.shown
    view = window.view
    assert window.result is None and window.pair is None and view.result is None
    assert view.old_pane.toPlainText() == view.new_pane.toPlainText() == ""
    assert view.new_title.text() == "" and window.summary_label.text() == ""
    assert window.changes_view.model().rowCount() == 0
    assert window.annotations.model.rowCount() == 0


def test_the_annotate_dialog_quotes_both_sides_of_the_change(
    qtbot,
    window: MainWindow,  # noqa: F811
) -> None:
    compare(qtbot, window, CONDENSED, FULL)
    window.view.go_to_change(0)
    block = window.result.comparison.blocks[window.view.changes[0].block]
    seen: list[tuple[str, str]] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AnnotationDialog):
            QTimer.singleShot(20, answer)
            return
        form = dialog.layout()
        for label in dialog.quotes:
            seen.append((form.labelForField(label).text(), label.text()))
        dialog.reject()

    QTimer.singleShot(20, answer)
    window.annotations.annotate()
    old, new = window.result.comparison.old.text, window.result.comparison.new.text
    assert [side for side, _ in seen] == ["Old text:", "New text:"]
    assert seen[0][1] == excerpt(old[block.old[0] : block.old[1]], 160)
    assert seen[1][1] == excerpt(new[block.new[0] : block.new[1]], 160)


def test_a_file_read_as_text_anyway_is_flagged_above_its_pane(
    qtbot,
    window: MainWindow,  # noqa: F811
    tmp_path: Path,
) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    other = tmp_path / "other.txt"
    other.write_text("A plain sentence here.\n", encoding="utf-8")
    window.listing.open_as_text([str(binary)])
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        window.compare(str(binary), str(other))
    title = window.view.old_title.text()
    assert "\u26a0" in title and "read as text anyway" in title
    assert "\u26a0" not in window.view.new_title.text()


def test_an_empty_version_is_flagged_above_its_pane(
    qtbot,
    window: MainWindow,  # noqa: F811
    tmp_path: Path,
) -> None:
    empty = tmp_path / "5-empty.txt"
    empty.write_text("", encoding="utf-8")
    other = tmp_path / "1-wire.txt"
    other.write_text("A plain sentence here.\n", encoding="utf-8")
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        window.compare(str(other), str(empty))
    assert "empty: the file holds no text" in window.view.new_title.text()
    assert "empty" not in window.view.old_title.text()


def _rebuilt_from_far_down(qtbot, window: MainWindow, monkeypatch):  # noqa: F811
    """The pair shown, scrolled far down, then built again (what a zoom or a new width
    starts) a row at a time, as a long pair is: the row to go back to comes last."""
    compare(qtbot, window, CONDENSED, FULL)
    view = window.view
    view.finish()
    builder = view.builder
    monkeypatch.setattr(builder, "_slice", partial(type(builder)._slice, builder, budget=0.0))
    bar = view.new_pane.verticalScrollBar()
    bar.setValue(bar.maximum())
    view._rebuild(view._top_row())
    return view, bar


def test_a_change_gone_to_while_the_panes_are_rebuilt_stays_in_view(
    qtbot,
    window: MainWindow,  # noqa: F811
    monkeypatch,
) -> None:
    """Zoomed (or resized) far down, the panes are built again and scroll back to the
    row that was on top once it is built; a change gone to meanwhile (F7) wins: the
    view must not jump back to the old place after it."""
    view, bar = _rebuilt_from_far_down(qtbot, window, monkeypatch)
    view.go_to_change(0)  # the first change, near the top, before its rows are built
    with qtbot.waitSignal(view.build_finished, timeout=10000):
        pass
    top = view.new_pane.row_tops()[view.changes[0].new_row]
    assert bar.value() <= top <= bar.value() + view.new_pane.viewport().height()


def test_every_change_gone_to_is_in_view_in_the_panes_that_show_it(
    qtbot,
    window: MainWindow,  # noqa: F811
) -> None:
    """F7 to a deleted or inserted sentence: the side that holds it is scrolled to it
    (placing the other pane's cursor, where the change has no text, must not drag the
    view back to the top)."""
    window.resize(900, 560)
    compare(qtbot, window, CONDENSED, FULL)
    view = window.view
    kinds: set[str] = set()
    for swap in (False, True):
        if swap:
            with qtbot.waitSignal(window.comparison_shown, timeout=30000):
                window.actions.swap.trigger()
        view.finish()
        for index, change in enumerate(view.changes):
            kinds.add(change.kind)
            view.go_to_change(index)
            QApplication.processEvents()
            for pane, row in ((view.new_pane, change.new_row), (view.old_pane, change.old_row)):
                if row < 0:
                    continue
                top = pane.row_tops()[row]
                bottom = top + pane.heights[row]
                value = pane.verticalScrollBar().value()
                # (its row in view: its top, or the row across the view's top edge; on a
                # loaded machine a relayout after the scroll once left the top 6 px above)
                shown = value <= top < value + pane.viewport().height() or top < value < bottom
                assert shown, (swap, index, change.kind, pane.side, top, bottom, value)
    assert {"inserted", "deleted", "changed"} <= kinds


def test_a_scroll_of_the_users_own_during_a_rebuild_is_not_undone(
    qtbot,
    window: MainWindow,  # noqa: F811
    monkeypatch,
) -> None:
    """The wheel (or a key, or the bar) while the panes are built again after a zoom:
    the view stays where the user put it, not at the row shown before the rebuild."""
    view, bar = _rebuilt_from_far_down(qtbot, window, monkeypatch)
    qtbot.wait(1)  # the first slice: the top rows are built, the view at the top
    bar.triggerAction(QAbstractSlider.SliderAction.SliderSingleStepAdd)  # one wheel step
    where = bar.value()
    with qtbot.waitSignal(view.build_finished, timeout=10000):
        pass
    assert bar.value() == where


def test_stepping_through_changes_says_where_and_what_to_check(
    qtbot,
    window: MainWindow,  # noqa: F811
    tmp_path: Path,
) -> None:
    """An editor's first use: F7 gave no sense of place, said nothing at the last
    change, and a flag's explanation was only in a tooltip (the mouse)."""
    old, new = tmp_path / "1-wire.txt", tmp_path / "2-edited.txt"
    old.write_text(
        "The vet examined 14 animals on Monday.\n\nThe inquiry began in July.\n\n"
        "Police said nothing more.\n",
        encoding="utf-8",
    )
    new.write_text(
        "The vet examined 41 animals on Monday.\n\nThe inquiry started in July.\n\n"
        "Police said nothing more.\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        window.compare(str(old), str(new))
    view = window.view
    view.finish()
    seen = []
    window.status_changed.connect(seen.append)
    view.next_change()
    assert seen[-1] == 'Change 1 of 2 \u2014 check Figure: "14" \u2192 "41"'
    view.next_change()
    assert seen[-1] == "Change 2 of 2"
    view.next_change()
    assert seen[-1] == "Change 2 of 2: the last change"
    view.previous_change()
    view.previous_change()
    assert seen[-1] == "Change 1 of 2: the first change"


def test_status_messages_have_room_at_1024_pixels(
    qtbot,
    window: MainWindow,  # noqa: F811
    tmp_path: Path,
) -> None:
    """An editor's first use: at 1024 pixels wide the families' summary and the
    comparison's took the status bar, and "Change 2 of 4 -- check Figure: ..." was cut
    to "Change 2 o..."."""
    old, new = tmp_path / "1-wire.txt", tmp_path / "2-edited.txt"
    old.write_text("The vet examined 14 animals on Monday.\n", encoding="utf-8")
    new.write_text("The vet examined 41 animals on Monday.\n", encoding="utf-8")
    window.resize(1024, 700)
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        window.compare(str(old), str(new))
    window.families.status.show_text("1 story family (5 versions), 1 document alone, 4 not scanned")
    window.view.next_change()
    qtbot.wait(50)
    message = window.status.message
    assert message.startswith("Change 1 of 1")
    width = window.statusBar().fontMetrics().horizontalAdvance(message)
    assert window.status.message_room() >= width, (window.status.message_room(), width)


def test_what_to_check_is_cut_at_its_end_not_in_its_middle(
    qtbot,
    window: MainWindow,  # noqa: F811
    tmp_path: Path,
) -> None:
    """F7 on a change with a long flag at 1024 pixels read "Change 4 of 6 - check
    ...on: removed "probably"": the kind of flag, and the first flag, were cut out."""
    old, new = tmp_path / "1-wire.txt", tmp_path / "2-edited.txt"
    old.write_text(
        "He said the New York Times reported that the levee near Port Allen was probably "
        "damaged by the flood water of 14 rivers on Monday and that 1,200 people had left.\n",
        encoding="utf-8",
    )
    new.write_text(
        "He said Reuters reported that the levee near Port Allen was damaged by the flood "
        "water of 41 rivers on Monday and that 2,100 people had left.\n",
        encoding="utf-8",
    )
    window.resize(1024, 700)
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        window.compare(str(old), str(new))
    window.view.next_change()
    qtbot.wait(50)
    whole = window.status.message
    shown = window.statusBar().currentMessage()
    assert whole.startswith("Change 1 of 1 \u2014 check "), whole
    assert shown != whole and shown.endswith("\u2026"), shown
    assert shown[:-1] == whole[: len(shown) - 1]  # its start, as it is
