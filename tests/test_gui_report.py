"""File > Save Report in the window: background save, formats, refusals, failed writes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog

from core.flags.detect import flag_comparison
from gui.common.context import AppContext
from gui.reports.save import ReportRequest
from gui.shell.main_window import MainWindow
from tests.conftest import CONDENSED, FULL


@pytest.fixture
def window(qtbot, tmp_path: Path):
    old, new = tmp_path / CONDENSED.name, tmp_path / FULL.name
    shutil.copyfile(CONDENSED, old)
    shutil.copyfile(FULL, new)
    win = MainWindow(AppContext())
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.jobs.compare_finished, timeout=30000):
        win.compare(str(old), str(new))
    yield win
    win.jobs.shutdown()


def save(qtbot, win: MainWindow, request: ReportRequest) -> tuple[bool, str]:
    with qtbot.waitSignal(win.menus.reports.finished, timeout=30000) as blocker:
        assert win.menus.reports.save(request)
    ok, message = blocker.args
    return ok, message


def test_save_report_is_ctrl_s_in_the_file_menu(window: MainWindow) -> None:
    action = window.actions.save_report
    assert action.shortcut() == QKeySequence("Ctrl+S")
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()


@pytest.mark.parametrize(("fmt", "head"), [("html", b"<!DOCTYPE html>"), ("pdf", b"%PDF-")])
def test_report_is_saved_in_the_background(qtbot, window, tmp_path, fmt, head) -> None:
    target = tmp_path / "out" / f"report.{fmt}"
    ok, message = save(qtbot, window, ReportRequest(window.result.comparison, target, fmt))
    assert ok and message == f"Report saved: {target}"
    assert target.read_bytes().startswith(head)
    assert window.statusBar().currentMessage() == message


def test_report_over_a_compared_document_is_refused(qtbot, window) -> None:
    comparison = window.result.comparison
    before = Path(comparison.old.path).read_bytes()
    request = ReportRequest(comparison, Path(comparison.old.path), "html")
    assert not window.menus.reports.save(request)
    assert "refusing to overwrite a compared document" in window.statusBar().currentMessage()
    assert Path(comparison.old.path).read_bytes() == before


def test_failed_save_keeps_the_earlier_report(qtbot, window, tmp_path, monkeypatch) -> None:
    target = tmp_path / "report.html"
    target.write_text("earlier report", encoding="utf-8")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    ok, message = save(qtbot, window, ReportRequest(window.result.comparison, target))
    monkeypatch.undo()
    assert not ok and "report.html" in message and "No space left" in message
    assert target.read_text(encoding="utf-8") == "earlier report"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_dialog_offers_formats_and_changes_only(qtbot, window, tmp_path, monkeypatch) -> None:
    chosen = tmp_path / "sent to the desk"

    def accept(dialog: QFileDialog) -> int:
        dialog.selectNameFilter("PDF report (*.pdf)")
        dialog.selectFile(str(chosen))
        boxes = dialog.findChildren(QCheckBox)
        assert any("Changed sentences only" in b.text() for b in boxes)
        return 1

    monkeypatch.setattr(QFileDialog, "exec", accept)
    with qtbot.waitSignal(window.menus.reports.finished, timeout=30000) as blocker:
        window.actions.save_report.trigger()
    assert blocker.args[0], blocker.args[1]
    assert (tmp_path / "sent to the desk.pdf").read_bytes().startswith(b"%PDF-")


def test_save_without_a_comparison_says_so(qtbot) -> None:
    win = MainWindow(AppContext())
    qtbot.addWidget(win)
    win.actions.save_report.trigger()
    assert "Compare two documents first" in win.statusBar().currentMessage()
    win.jobs.shutdown()


def test_file_name_gets_the_chosen_formats_suffix(tmp_path: Path) -> None:
    from gui.reports.save import with_suffix

    assert with_suffix(tmp_path / "a vs b.html", "pdf") == tmp_path / "a vs b.pdf"
    assert with_suffix(tmp_path / "a.htm", "html") == tmp_path / "a.htm"
    assert with_suffix(tmp_path / "v1.2 story", "json") == tmp_path / "v1.2 story.json"


def test_report_carries_the_notes_shown_in_the_window(tmp_path: Path) -> None:
    from core.engine.compare import compare
    from core.notes.annotation import Annotation, make_anchor
    from core.text.document import load_document
    from gui.reports.save import write_report

    old, new = load_document(str(CONDENSED)), load_document(str(FULL))
    start = new.text.index("death toll")
    note = Annotation(
        0, "Shown <i>note</i>", "Typo", "open", None,
        make_anchor(new.path, new.sha256, new.text, start, start + 10), 1.0, 1.0,
    )  # fmt: skip
    target = tmp_path / "r.html"
    write_report(ReportRequest(compare(old, new), target, annotations=(note,)))
    html = target.read_text(encoding="utf-8")
    assert "Shown &lt;i&gt;note&lt;/i&gt;" in html and 'href="#note-1"' in html


def test_dialog_can_leave_the_flags_out_and_the_window_keeps_them(
    qtbot, window, tmp_path, monkeypatch
) -> None:
    chosen = tmp_path / "no flags"

    def accept(dialog: QFileDialog) -> int:
        dialog.selectNameFilter("HTML report (*.html *.htm)")
        dialog.selectFile(str(chosen))
        box = dialog.findChild(QCheckBox, "report_flags_box")
        assert box is not None and box.isChecked() and "flags" in box.text()
        box.setChecked(False)
        return 1

    monkeypatch.setattr(QFileDialog, "exec", accept)
    with qtbot.waitSignal(window.menus.reports.finished, timeout=30000) as blocker:
        window.actions.save_report.trigger()
    assert blocker.args[0], blocker.args[1]
    html = (tmp_path / "no flags.html").read_text(encoding="utf-8")
    assert "risky-edit flags are turned off" in html and 'id="flagged"' not in html
    # The window's own list keeps every flag.
    assert window.result.flags == flag_comparison(window.result.comparison)


def _answer_dialog(qtbot, answer) -> None:
    """Run ``answer(dialog)`` on the Save Report dialog once it is open."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog

    def later() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, later)
            return
        try:
            answer(dialog)
        finally:
            dialog.done(dialog.result())  # never left open by a failed check

    QTimer.singleShot(20, later)


def test_a_typed_report_suffix_wins_over_the_selected_type(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox, QLineEdit

    from gui.reports.dialog import ask_target

    def typed_pdf(dialog) -> None:
        assert dialog.selectedNameFilter().startswith("HTML")
        dialog.findChild(QLineEdit, "fileNameEdit").setText("report.pdf")
        dialog.accept()

    _answer_dialog(qtbot, typed_pdf)
    choice = ask_target(None, str(tmp_path), "a vs b.html", False)
    assert choice is not None and (choice.target.name, choice.fmt) == ("report.pdf", "pdf")

    def picked_json(dialog) -> None:  # picking a type renames the proposed file (Qt)
        types = dialog.findChild(QComboBox, "fileTypeCombo")
        qtbot.keyClick(types, Qt.Key.Key_Down)  # as a user picks: PDF, then JSON
        qtbot.keyClick(types, Qt.Key.Key_Down)
        assert dialog.findChild(QLineEdit, "fileNameEdit").text() == "a vs b.json"
        dialog.accept()

    _answer_dialog(qtbot, picked_json)
    choice = ask_target(None, str(tmp_path), "a vs b.html", False)
    assert choice is not None and (choice.target.name, choice.fmt) == ("a vs b.json", "json")

    def typed_plain(dialog) -> None:
        qtbot.keyClick(dialog.findChild(QComboBox, "fileTypeCombo"), Qt.Key.Key_Down)
        dialog.findChild(QLineEdit, "fileNameEdit").setText("v1.2 story")
        dialog.accept()

    _answer_dialog(qtbot, typed_plain)
    choice = ask_target(None, str(tmp_path), "a vs b.html", False)
    assert choice is not None and (choice.target.name, choice.fmt) == ("v1.2 story.pdf", "pdf")


def test_dialog_offers_file_names_only_and_landscape(qtbot, window, tmp_path, monkeypatch) -> None:
    chosen = tmp_path / "for outside"

    def accept(dialog: QFileDialog) -> int:
        dialog.selectNameFilter("HTML report (*.html *.htm)")
        dialog.selectFile(str(chosen))
        box = next(b for b in dialog.findChildren(QCheckBox) if "File names only" in b.text())
        box.setChecked(True)
        papers = dialog.findChildren(QComboBox)
        assert any(p.findText("A4 landscape") >= 0 for p in papers)
        return 1

    monkeypatch.setattr(QFileDialog, "exec", accept)
    with qtbot.waitSignal(window.menus.reports.finished, timeout=30000) as blocker:
        window.actions.save_report.trigger()
    assert blocker.args[0], blocker.args[1]
    html = (tmp_path / "for outside.html").read_text(encoding="utf-8")
    folder = os.path.dirname(os.path.abspath(window.result.comparison.new.path))
    assert folder not in html and os.path.basename(window.result.comparison.new.path) in html


@pytest.mark.parametrize("changes_only", [False, None])  # a pair's report, the grid's
def test_the_dialogs_own_options_each_have_a_place_of_their_own(
    qtbot, tmp_path, changes_only
) -> None:
    from PySide6.QtWidgets import QApplication

    from gui.reports.dialog import ask_target

    found: list[list[tuple[str, object]]] = []

    def look(dialog) -> None:
        dialog.resize(900, 600)
        QApplication.processEvents()
        ours = [b for b in dialog.findChildren(QCheckBox) if b.isVisible()]
        ours += [c for c in dialog.findChildren(QComboBox) if "Paper" in c.toolTip()]
        found.append(
            [(w.text() if isinstance(w, QCheckBox) else "paper", w.geometry()) for w in ours]
        )

    _answer_dialog(qtbot, look)
    ask_target(None, str(tmp_path), "a vs b.html", changes_only)
    (boxes,) = found
    assert len(boxes) == (4 if changes_only is not None else 2)
    for k, (name, place) in enumerate(boxes):
        for other, other_place in boxes[k + 1 :]:
            assert not place.intersects(other_place), (name, other)
