"""Documents in other formats in the window: the list shows the format and the
reader's warnings, a mixed folder loads around a broken file, and File > Save Report
writes a Word redline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QFileDialog

from core.engine.compare import compare
from core.text.document import load_document
from gui.common.context import AppContext
from gui.shell.main_window import MainWindow
from tests.conftest import CONDENSED, FULL
from tests.docx_files import docx_bytes, para, story_docx
from tests.test_report_docx import check_round_trip

TRACKED = (
    '<w:p><w:r><w:t xml:space="preserve">The mayor </w:t></w:r>'
    '<w:ins w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:t>confirmed</w:t>'
    "</w:r></w:ins></w:p>"
)


@pytest.fixture
def window(qtbot, tmp_path: Path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copyfile(CONDENSED, folder / "condensed.txt")
    (folder / "story.docx").write_bytes(story_docx(["Storm", "Three people were hurt."]))
    (folder / "tracked.docx").write_bytes(docx_bytes(TRACKED + para("Second.")))
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 cut short")
    win = MainWindow(AppContext())
    qtbot.addWidget(win)
    tester = QAbstractItemModelTester(
        win.documents, QAbstractItemModelTester.FailureReportingMode.Fatal
    )
    win.resize(1400, 700)
    win.show()
    with qtbot.waitSignal(win.folder_loaded, timeout=20000):
        win.open_folder(str(folder))
    yield win
    del tester
    win.jobs.shutdown()


def _cell(win: MainWindow, name: str, column: int, role=Qt.ItemDataRole.DisplayRole):
    rows = [r for r in win.documents.rows if Path(r.path).name == name]
    assert len(rows) == 1, name
    return win.documents.index(win.documents.rows.index(rows[0]), column).data(role)


def test_the_list_shows_format_warnings_and_broken_files(window: MainWindow) -> None:
    names = {Path(r.path).name for r in window.documents.rows}
    assert names == {"condensed.txt", "story.docx", "tracked.docx", "broken.docx"}
    assert _cell(window, "story.docx", 7) == "Word"
    assert _cell(window, "condensed.txt", 7) == "Text"
    assert _cell(window, "tracked.docx", 6) == "1 tracked change(s) read as accepted"
    assert "read as accepted" in _cell(window, "tracked.docx", 0, Qt.ItemDataRole.ToolTipRole)
    assert "broken ZIP archive" in _cell(window, "broken.docx", 6)
    assert _cell(window, "broken.docx", 7) == "\u2014"


def test_save_report_as_a_word_redline(qtbot, window: MainWindow, tmp_path, monkeypatch) -> None:
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        window.compare(str(CONDENSED), str(FULL))
    chosen = tmp_path / "for the desk"

    def accept(dialog: QFileDialog) -> int:
        dialog.selectNameFilter("Word document with tracked changes (*.docx)")
        dialog.selectFile(str(chosen))
        return 1

    monkeypatch.setattr(QFileDialog, "exec", accept)
    with qtbot.waitSignal(window.menus.reports.finished, timeout=30000) as blocker:
        window.actions.save_report.trigger()
    assert blocker.args[0], blocker.args[1]
    result = compare(load_document(CONDENSED), load_document(FULL))
    check_round_trip(result, (tmp_path / "for the desk.docx").read_bytes())
