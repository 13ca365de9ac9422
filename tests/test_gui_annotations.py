"""Annotating in the window: Ctrl+M, the panel, undo, marks, reload, import/export, close."""

from __future__ import annotations

import html
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QHelpEvent
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QToolTip

from core.notes.store import DB_NAME, AnnotationStore
from core.paths import app_paths
from gui.common.context import AppContext
from gui.notes.dialogs import AnnotationDialog, NoteValues
from gui.notes.model import NOTE, QUOTE, AnnotationTableModel
from gui.shell.main_window import MainWindow
from tests.conftest import CONDENSED, FULL

OLD_TEXT = (
    "Flood 😀 report. The mayor said the budget was cut by 5 percent.\n\n"
    "The council met on Monday to discuss it.\n\n"
    "Residents were not consulted, a spokesman said.\n"
)
NEW_TEXT = (
    "Flood 😀 report. The mayor said the budget was cut by 7 percent.\n\n"
    "The council met 🎉 on Tuesday to discuss it.\n\n"
    "Residents were not consulted, a spokesman said.\n"
)


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD_TEXT, encoding="utf-8")
    new.write_text(NEW_TEXT, encoding="utf-8")
    return old, new


def open_window(qtbot, old: Path, new: Path) -> MainWindow:
    win = MainWindow(AppContext())
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    win._tester = QAbstractItemModelTester(  # type: ignore[attr-defined]
        win.annotations.model, QAbstractItemModelTester.FailureReportingMode.Fatal
    )
    compare_pair(qtbot, win, old, new)
    return win


def compare_pair(qtbot, win: MainWindow, old: Path, new: Path) -> None:
    with qtbot.waitSignal(win.comparison_shown, timeout=30000):
        win.open_files([str(old), str(new)])
    wait_loaded(qtbot, win)


def wait_loaded(qtbot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: win.annotations.placed and not win.annotations._load_id, timeout=20000)


@pytest.fixture
def window(qtbot, pair):
    win = open_window(qtbot, *pair)
    yield win
    win.close()


def second_store() -> AnnotationStore:
    """Another store on the same file, as a second running Redline would open it."""
    return AnnotationStore(app_paths().data / DB_NAME)


def stored(old: Path, new: Path) -> list:
    win_store = second_store()
    try:
        return win_store.pair_annotations(str(old), str(new))
    finally:
        win_store.close()


def fill_dialog(note: str, tag: str | None, status: str = "open") -> None:
    """Answer the modal editor that is about to open."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AnnotationDialog)
        dialog.note.setPlainText(note)
        dialog.tag.setCurrentIndex(dialog.tag.findData(tag))
        dialog.status.setCurrentIndex(dialog.status.findData(status))
        dialog.accept()

    QTimer.singleShot(0, answer)


def focus(qtbot, widget) -> None:
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=5000)


def test_ctrl_m_on_the_current_change_anchors_both_sides(qtbot, window, pair) -> None:
    view = window.view
    comparison = window.result.comparison
    view.go_to_change(0)
    block = comparison.blocks[view.changes[0].block]
    for pane in (view.old_pane, view.new_pane):  # the change's own selection is no user's
        focus(qtbot, pane)
        old, new = window.annotations.target()
        assert ((old.start, old.end), (new.start, new.end)) == (block.old, block.new)
    focus(qtbot, window.annotations.panel.table)
    assert window.annotations.actions.annotate.shortcut().toString() == "Ctrl+M"
    fill_dialog("Figure changed from 5 to 7", "Figure changed", "needs-check")
    qtbot.keyClick(
        window.annotations.panel.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.waitUntil(lambda: window.annotations.model.rowCount() == 1)
    a = window.annotations.model.annotations[0]
    assert (a.old.start, a.old.end) == block.old and (a.new.start, a.new.end) == block.new
    assert a.new.quote == comparison.new.text[block.new[0] : block.new[1]]
    assert "7 percent" in a.new.quote and "5 percent" in a.old.quote
    window.annotations.writer.wait()
    [saved] = stored(*pair)
    assert saved.note == "Figure changed from 5 to 7" and saved.tag == "Figure changed"
    assert saved.status == "needs-check" and saved.old.quote == a.old.quote
    qtbot.waitUntil(lambda: window.annotations.indicator.text() == "All notes saved")
    # the span is marked in both panes, in the margin and under the text
    for pane_notes in window.annotations.notes:
        assert [s.uuid for s in pane_notes.spans] == [a.uuid]
        assert pane_notes.margin_entries() and pane_notes.visible_rects()


def test_selection_after_emoji_anchors_its_side_only(qtbot, window, pair) -> None:
    pane = window.view.new_pane
    cursor = pane.document().find("Tuesday")  # Qt positions: UTF-16 units
    before = cursor.block().text()[: cursor.selectionStart() - cursor.block().position()]
    assert "\U0001f389" in before  # an emoji just before: two UTF-16 units, one code point
    assert len(before.encode("utf-16-le")) // 2 == len(before) + 1
    pane.setTextCursor(cursor)
    focus(qtbot, pane)
    fill_dialog("Which day was it?", "Factual change")
    window.annotations.actions.annotate.trigger()
    qtbot.waitUntil(lambda: window.annotations.model.rowCount() == 1)
    a = window.annotations.model.annotations[0]
    assert a.old is None
    start = NEW_TEXT.index("Tuesday")
    assert (a.new.start, a.new.end, a.new.quote) == (start, start + 7, "Tuesday")
    window.annotations.writer.wait()
    assert stored(*pair)[0].new.quote == "Tuesday"
    # the tint covers exactly the word: its pane range is the Qt range selected
    [span] = window.annotations.notes[1].spans
    assert (span.start, span.end) == (cursor.selectionStart(), cursor.selectionEnd())


def annotate_text(win: MainWindow, side: str, word: str, values: NoteValues):
    """Add a note on ``word`` of one side directly (no dialog)."""
    from gui.notes.controller import side_anchor

    comparison = win.result.comparison
    text = comparison.old.text if side == "old" else comparison.new.text
    start = text.index(word)
    return win.annotations.add(*side_anchor(comparison, side, start, start + len(word)), values)


def test_edit_undo_redo(qtbot, window, pair) -> None:
    c = window.annotations
    a = annotate_text(window, "new", "Tuesday", NoteValues("first", "Typo", "open"))
    c.edit(a.uuid, NoteValues("second", "Style", "accepted"))
    assert c.model.find(a.uuid).note == "second"
    c.writer.wait()
    assert (stored(*pair)[0].note, stored(*pair)[0].status) == ("second", "accepted")
    window.annotations.actions.undo.trigger()
    shown = c.model.find(a.uuid)
    assert (shown.note, shown.tag, shown.status) == ("first", "Typo", "open")
    c.writer.wait()
    assert (stored(*pair)[0].note, stored(*pair)[0].tag) == ("first", "Typo")
    window.annotations.actions.redo.trigger()
    c.writer.wait()
    assert (stored(*pair)[0].note, stored(*pair)[0].tag) == ("second", "Style")
    assert c.model.find(a.uuid).note == "second"


def test_delete_and_undo_keeps_the_id(qtbot, window, pair) -> None:
    c = window.annotations
    annotate_text(window, "new", "Tuesday", NoteValues("keep me", None, "open"))
    c.writer.wait()
    qtbot.waitUntil(lambda: c.model.annotations[0].id > 0)
    [before] = stored(*pair)
    c.panel.select(before.uuid)
    c.panel.table.setFocus()
    c.actions.delete.trigger()
    assert c.model.rowCount() == 0 and not c.notes[1].spans
    c.writer.wait()
    assert stored(*pair) == []
    c.stack.undo()
    assert c.model.rowCount() == 1 and c.notes[1].spans
    c.writer.wait()
    [after] = stored(*pair)
    assert (after.id, after.uuid, after.note, after.created) == (
        before.id,
        before.uuid,
        "keep me",
        before.created,
    )
    c.stack.redo()  # delete again, then undo the add itself
    c.stack.undo()
    c.stack.undo()
    c.writer.wait()
    assert stored(*pair) == [] and c.model.rowCount() == 0
    c.stack.redo()  # the add comes back with its id too
    c.writer.wait()
    assert stored(*pair)[0].id == before.id


def test_filter_by_tag_and_status(qtbot, window) -> None:
    c = window.annotations
    typo = annotate_text(window, "new", "Tuesday", NoteValues("a", "Typo", "open"))
    legal = annotate_text(window, "old", "Monday", NoteValues("b", "Legal risk", "open"))
    done = annotate_text(window, "new", "spokesman", NoteValues("c", "Typo", "accepted"))
    bare = annotate_text(window, "new", "Residents", NoteValues("d", None, "rejected"))
    panel = c.panel
    # in reading order: the old side's note of a row first, then by place in the row
    assert panel.shown_uuids() == [legal.uuid, typo.uuid, bare.uuid, done.uuid]
    panel.set_filter(tag="Typo")
    assert panel.shown_uuids() == [typo.uuid, done.uuid]
    assert panel.count_label.text() == "2 of 4 notes"
    panel.set_filter(tag="Typo", status="accepted")
    assert panel.shown_uuids() == [done.uuid]
    panel.set_filter(status="open")
    assert panel.shown_uuids() == [legal.uuid, typo.uuid]
    panel.set_filter(tag="")  # no tag
    assert panel.shown_uuids() == [bare.uuid]
    panel.set_filter()
    panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert panel.shown_uuids() == [done.uuid, bare.uuid, typo.uuid, legal.uuid]


def test_notes_are_numbered_as_the_report_numbers_them(qtbot, window) -> None:
    # An editor told a colleague "see note 2" from the window: the report handed on
    # numbered that note 3 (reports number in reading order, the window numbered in
    # the order the notes were made).
    from core.report.layout import build_layout

    c = window.annotations
    made = [
        annotate_text(window, "new", "spokesman", NoteValues("last", "Typo", "open")),
        annotate_text(window, "new", "Tuesday", NoteValues("day", "Typo", "open")),
        annotate_text(window, "old", "budget", NoteValues("first", "Legal risk", "open")),
        annotate_text(window, "new", "Residents", NoteValues("who", None, "open")),
    ]
    layout = build_layout(window.result.comparison, c.model.annotations)
    reported = {note.annotation.uuid: note.number for note in layout.notes}
    assert [reported[a.uuid] for a in made] == [4, 2, 1, 3]
    assert {a.uuid: c.model.number(a.uuid) for a in made} == reported
    # every note is marked in the panes, the one put before the others too
    for pane_notes, side in zip(c.notes, ("old", "new"), strict=True):
        assert len(pane_notes.spans) == sum(a.anchor(side) is not None for a in made), side
    # ... and after a reload from the store (the order of the stored rows)
    c.reload()
    qtbot.waitUntil(lambda: c.placed and len(c.model.annotations) == 4)
    assert {a.uuid: c.model.number(a.uuid) for a in made} == reported


def test_selecting_a_panel_row_shows_it_in_both_panes(qtbot, tmp_path) -> None:
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_bytes(CONDENSED.read_bytes())
    new.write_bytes(FULL.read_bytes())
    win = open_window(qtbot, old, new)
    try:
        view, c = win.view, win.annotations
        last = len(view.changes) - 1
        view.go_to_change(last)
        block = win.result.comparison.blocks[view.changes[last].block]
        anchors = c.target()
        a = c.add(*anchors, NoteValues("far down", None, "open"))
        for pane in (view.old_pane, view.new_pane):
            pane.verticalScrollBar().setValue(0)
            pane.setTextCursor(pane.textCursor())  # no selection
        c.panel.table.selectRow(0)
        for pane, span in ((view.new_pane, block.new), (view.old_pane, block.old)):
            if span is None:
                continue
            cursor = pane.textCursor()
            assert pane.document_range(cursor.selectionStart(), cursor.selectionEnd()) == span
            assert pane.verticalScrollBar().value() > 0
            y = pane.y_of_position(cursor.selectionStart()) - pane.verticalScrollBar().value()
            assert 0 <= y < pane.viewport().height()
        assert c.current == a.uuid
    finally:
        win.close()


def test_reopening_the_pair_shows_the_annotations_again(qtbot, pair) -> None:
    first = open_window(qtbot, *pair)
    a = annotate_text(first, "new", "Tuesday", NoteValues("still here", "Typo", "open"))
    first.close()
    again = open_window(qtbot, *pair)
    try:
        [shown] = again.annotations.model.annotations
        assert (shown.uuid, shown.note, shown.new.quote) == (a.uuid, "still here", "Tuesday")
        assert [s.uuid for s in again.annotations.notes[1].spans] == [a.uuid]
    finally:
        again.close()


def test_notes_made_the_other_way_round_are_pointed_to(qtbot, pair) -> None:
    """The same two files opened with the sides the other way round show no notes: the
    status bar says where they are (an editor thought them lost after a restart)."""
    first = open_window(qtbot, *pair)
    annotate_text(first, "new", "Tuesday", NoteValues("figure changed", "Typo", "open"))
    first.close()
    again = open_window(qtbot, pair[1], pair[0])
    try:
        assert again.annotations.model.annotations == []
        message = again.statusBar().currentMessage()
        assert "1 note was made on these two versions with the sides the other way" in message
        assert "Swap Sides" in message
    finally:
        again.close()


def test_reload_after_a_change_on_disk_reanchors_and_orphans(qtbot, window, pair) -> None:
    old, new = pair
    c = window.annotations
    moved = annotate_text(window, "new", "spokesman", NoteValues("who?", None, "open"))
    lost = annotate_text(window, "new", "Tuesday", NoteValues("day", None, "open"))
    c.writer.wait()
    new.write_text(
        "A new first paragraph pushes everything down 🎈.\n\n"
        + NEW_TEXT.replace("The council met 🎉 on Tuesday to discuss it.\n\n", ""),
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        window.actions.reload.trigger()
    wait_loaded(qtbot, window)
    text = window.result.comparison.new.text
    placed, orphan = c.model.find(moved.uuid), c.model.find(lost.uuid)
    assert not placed.orphaned and placed.new.start == text.index("spokesman")
    assert orphan.orphaned and orphan.new.quote == "Tuesday"
    row = c.model.row_of(lost.uuid)
    quote_cell = c.model.index(row, QUOTE).data()
    assert "orphaned" in quote_cell and "Tuesday" in quote_cell
    assert c.panel.shown_uuids() == [moved.uuid, lost.uuid]  # never hidden
    assert [s.uuid for s in c.notes[1].spans] == [moved.uuid]
    c.show_annotation(lost.uuid)
    assert "orphaned" in window.statusBar().currentMessage()
    assert [a.orphaned for a in stored(old, new)] == [False, True]


def test_export_then_import_into_a_fresh_store(qtbot, window, pair, tmp_path, monkeypatch) -> None:
    c = window.annotations
    annotate_text(window, "new", "Tuesday", NoteValues("<i>day</i>", "Typo", "open"))
    annotate_text(window, "old", "Monday", NoteValues("was it?", None, "needs-check"))
    target = tmp_path / "notes.json"
    c.files.export_to(str(target))
    c.writer.wait()
    qtbot.waitUntil(lambda: "Exported 2 annotations" in window.statusBar().currentMessage())
    window.close()
    monkeypatch.setenv("REDLINE_HOME", str(tmp_path / "elsewhere"))
    fresh = open_window(qtbot, *pair)
    try:
        assert fresh.annotations.model.rowCount() == 0
        fresh.annotations.files.import_from(str(target))
        qtbot.waitUntil(lambda: fresh.annotations.model.rowCount() == 2, timeout=10000)
        assert "Imported 2 annotations" in fresh.statusBar().currentMessage()
        notes = sorted(a.note for a in fresh.annotations.model.annotations)
        assert notes == ["<i>day</i>", "was it?"]
        assert len(stored(*pair)) == 2
        fresh.annotations.files.import_from(str(target))
        qtbot.waitUntil(lambda: "2 already present" in fresh.statusBar().currentMessage())
        assert fresh.annotations.model.rowCount() == 2
        bad = tmp_path / "<b>bad &amp;.json"
        bad.write_text("{not json", encoding="utf-8")
        fresh.annotations.files.import_from(str(bad))
        # The whole message (the status bar shortens it to its room; tooltip: whole).
        qtbot.waitUntil(lambda: "is not valid JSON" in fresh.status.message)
        message = fresh.status.message
        assert "<b>bad &amp;.json" in message and "\n" not in message and "Traceback" not in message
    finally:
        fresh.close()


def test_closing_with_a_pending_write_loses_nothing(qtbot, window, pair, monkeypatch) -> None:
    original = AnnotationStore.add

    def slow_add(self, *args, **kwargs):
        time.sleep(0.6)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(AnnotationStore, "add", slow_add)
    annotate_text(window, "new", "Tuesday", NoteValues("written at close", None, "open"))
    assert window.annotations.writer.pending >= 1
    assert window.annotations.indicator.text() == "Saving\u2026"
    window.close()
    [saved] = stored(*pair)
    assert saved.note == "written at close"


def test_a_second_store_sees_every_edit(qtbot, window, pair) -> None:
    c = window.annotations
    other = second_store()
    try:
        a = annotate_text(window, "old", "Monday", NoteValues("one", None, "open"))
        c.writer.wait()
        assert [x.note for x in other.pair_annotations(*map(str, pair))] == ["one"]
        c.edit(a.uuid, NoteValues("two", "Style", "rejected"))
        c.writer.wait()
        [seen] = other.pair_annotations(*map(str, pair))
        assert (seen.note, seen.tag, seen.status) == ("two", "Style", "rejected")
        c.set_tags(["Style", "Checked by desk"])
        c.writer.wait()
        assert other.tags() == ["Style", "Checked by desk"]
    finally:
        other.close()


def test_markup_in_a_note_is_shown_literally(qtbot, window) -> None:
    c = window.annotations
    note = '<b>bold</b> & <img src=x onerror=alert(1)> "quoted"'
    annotate_text(window, "new", "Tuesday", NoteValues(note, "Typo", "open"))
    model: AnnotationTableModel = c.model
    assert model.index(0, NOTE).data() == note
    assert html.escape(note) in model.index(0, NOTE).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>bold" not in model.index(0, NOTE).data(Qt.ItemDataRole.ToolTipRole)
    pane = window.view.new_pane
    notes = c.notes[1]
    rect, _span = notes.visible_rects()[0]
    point = rect.center().toPoint()
    event = QHelpEvent(QHelpEvent.Type.ToolTip, point, pane.viewport().mapToGlobal(point))
    QApplication.sendEvent(pane.viewport(), event)
    qtbot.waitUntil(lambda: QToolTip.isVisible(), timeout=3000)
    shown = QToolTip.text()
    assert html.escape(note) in shown and "<b>bold" not in shown and "Typo" in shown
    QToolTip.hideText()
    y, text = pane.margin.notes()[0]
    assert note in text  # escaped when shown (gui.common.plain.tooltip), like the pane's
    margin_point = QPoint(int(pane.margin._note_x()) + 3, int(y) + 2)
    QApplication.sendEvent(
        pane.margin,
        QHelpEvent(QHelpEvent.Type.ToolTip, margin_point, pane.margin.mapToGlobal(margin_point)),
    )
    qtbot.waitUntil(lambda: QToolTip.isVisible(), timeout=3000)
    assert html.escape(note) in QToolTip.text()


def test_a_damaged_store_is_set_aside_and_said_once(qtbot, pair) -> None:
    db = app_paths().data / DB_NAME
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"this is not a database" * 100)
    win = open_window(qtbot, *pair)
    try:
        qtbot.waitUntil(lambda: win.annotations.notice_bar.isVisible(), timeout=5000)
        text = win.annotations.notice_bar.label.text()
        assert DB_NAME in text and "\n" not in text
        win.annotations.notice_bar.hide()
        a = annotate_text(win, "new", "Tuesday", NoteValues("works", None, "open"))
        win.annotations.writer.wait()
        QApplication.processEvents()
        assert not win.annotations.notice_bar.isVisible()
        assert stored(*pair)[0].uuid == a.uuid
    finally:
        win.close()


def test_ctrl_enter_saves_the_note_and_enter_starts_a_new_line(qtbot) -> None:
    dialog = AnnotationDialog(
        None, "Annotate", [("Old", "a"), ("New", "b")], [], NoteValues("", None, "open")
    )
    qtbot.addWidget(dialog)
    dialog.show()
    focus(qtbot, dialog.note)
    qtbot.keyClicks(dialog.note, "first")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.note, "second")
    assert dialog.isVisible()  # Enter: a line of the note, not the end of the dialog
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.values().note == "first\nsecond"
    assert dialog.result() == dialog.DialogCode.Accepted


def test_escape_keeps_a_written_note_until_the_user_says_discard(qtbot) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialog = AnnotationDialog(None, "Annotate", [("New", "b")], [], NoteValues("", None, "open"))
    qtbot.addWidget(dialog)
    dialog.show()
    focus(qtbot, dialog.note)
    asked: list[str] = []

    def answer(button: str) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, lambda: answer(button))
            return
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == button).click()

    qtbot.keyClicks(dialog.note, "Figure changed from 20 to 27")
    QTimer.singleShot(10, lambda: answer("Keep Editing"))
    qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.values().note == "Figure changed from 20 to 27"
    QTimer.singleShot(10, lambda: answer("Discard"))
    with qtbot.waitSignal(dialog.rejected, timeout=5000):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)
    assert len(asked) == 2 and "Discard" in asked[0]


def test_escape_on_an_untouched_note_closes_without_asking(qtbot) -> None:
    values = NoteValues("kept as it was", "Style", "open")
    dialog = AnnotationDialog(None, "Edit Annotation", [("Old", "a")], ["Style"], values)
    qtbot.addWidget(dialog)
    dialog.show()
    focus(qtbot, dialog.note)
    with qtbot.waitSignal(dialog.rejected, timeout=5000):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)
