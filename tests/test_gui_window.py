"""The window end to end on the real engine and samples (Qt offscreen)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage
from PySide6.QtTest import QAbstractItemModelTester
from test_gui_plan import highlighted

from core.paths import app_paths
from gui.common.context import AppContext
from gui.shell.main_window import MainWindow

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "resources" / "samples"
CONDENSED, FULL = "000_a1d9523b8511cf93.txt", "001_a1bb97b7d4cec672.txt"
UNRELATED, EDITED = "002_693b2ff662c8dfe1.txt", "002_edited.txt"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    shutil.copytree(SAMPLES, root)
    (root / "<b>photo &amp;.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    text = (SAMPLES / UNRELATED).read_text(encoding="utf-8")
    edited = text.replace("Mosul", "Mossul", 1) + "\nA sentence added at the end.\n"
    (root / "sub").mkdir()
    (root / "sub" / EDITED).write_text(edited, encoding="utf-8")
    return root


@pytest.fixture
def window(qtbot, folder: Path):
    win = MainWindow(AppContext())
    qtbot.addWidget(win)
    testers = [
        QAbstractItemModelTester(m, QAbstractItemModelTester.FailureReportingMode.Fatal)
        for m in (win.documents, win.changes_view.changes_model)
    ]
    win.resize(1400, 900)
    win.show()
    with qtbot.waitSignal(win.folder_loaded, timeout=20000):
        win.open_folder(str(folder))
    yield win
    del testers
    win.jobs.shutdown()


def compare(qtbot, win: MainWindow, first: str, second: str) -> None:
    view = win.document_view
    view.clearSelection()
    for name in (first, second):
        for row in range(view.model().rowCount()):
            if view.model().index(row, 0).data() == name:
                view.selectionModel().select(
                    view.model().index(row, 0),
                    view.selectionModel().SelectionFlag.Select
                    | view.selectionModel().SelectionFlag.Rows,
                )
    with qtbot.waitSignal(win.comparison_shown, timeout=30000):
        win.actions.compare.trigger()


def expected_styles(comparison, side: str, show_trivial: bool = True) -> dict[str, set[int]]:
    """Non-whitespace code points of every op, by the style the pane must show."""
    text = comparison.old.text if side == "old" else comparison.new.text
    out: dict[str, set[int]] = {}

    def add(style: str, span) -> None:
        out.setdefault(style, set()).update(i for i in range(*span) if not text[i].isspace())

    for block in comparison.blocks:
        own = block.old if side == "old" else block.new
        if own is None:
            continue
        if block.kind in ("deleted", "inserted"):
            add("deleted" if side == "old" else "inserted", own)
            continue
        for op in block.ops:
            span = op.old if side == "old" else op.new
            if span and op.op == ("delete" if side == "old" else "insert"):
                add("word_deleted" if side == "old" else "word_inserted", span)
            elif span and op.op == "equal" and not op.exact and show_trivial:
                add("trivial", span)
    return out


def strip_space(found: dict[str, set[int]], text: str) -> dict[str, set[int]]:
    return {k: {i for i in v if not text[i].isspace()} for k, v in found.items() if k != "moved"}


def test_compare_samples_highlights_are_engine_ops(qtbot, window: MainWindow) -> None:
    compare(qtbot, window, CONDENSED, FULL)
    result = window.result
    assert result is not None
    assert Path(result.comparison.old.path).name == CONDENSED  # same time: the first by name is old
    for pane, side, text in (
        (window.view.old_pane, "old", result.comparison.old.text),
        (window.view.new_pane, "new", result.comparison.new.text),
    ):
        found = strip_space(highlighted(pane, pane.index), text)
        assert found == expected_styles(result.comparison, side)
    changes = [b for b in result.comparison.blocks if b.kind != "equal"]
    assert window.changes_view.changes_model.rowCount() == len(changes) > 0
    assert "Similarity" in window.summary_label.text()


def test_rows_aligned_before_and_after_resize(qtbot, window: MainWindow) -> None:
    compare(qtbot, window, CONDENSED, FULL)
    view = window.view
    assert view.old_pane.row_tops() == pytest.approx(view.new_pane.row_tops(), abs=1)
    before = view.new_pane.row_tops()[-1]
    window.resize(900, 700)
    qtbot.waitUntil(
        lambda: not view.builder.busy and view.new_pane.row_tops()[-1] != before, timeout=5000
    )
    assert len(view.new_pane.row_tops()) == len(window.result.plan.rows)
    assert view.old_pane.row_tops() == pytest.approx(view.new_pane.row_tops(), abs=1)


def test_zoom_keeps_rows_aligned_in_the_shaping_free_font(qtbot, window: MainWindow) -> None:
    compare(qtbot, window, CONDENSED, FULL)
    view = window.view
    size = view.old_pane.document().defaultFont().pointSize()
    before = view.new_pane.row_tops()[-1]
    with qtbot.waitSignal(view.build_finished, timeout=10000):
        window.actions.zoom_in.trigger()
        window.actions.zoom_in.trigger()
    for pane in (view.old_pane, view.new_pane):
        font = pane.document().defaultFont()
        assert font.pointSize() == size + 2
        assert font.styleStrategy() & QFont.StyleStrategy.PreferNoShaping
    assert view.new_pane.row_tops()[-1] > before  # larger text, taller rows
    assert view.old_pane.row_tops() == pytest.approx(view.new_pane.row_tops(), abs=1)
    assert window.context.settings.font_size == size + 2


@pytest.mark.parametrize("zoom", ["zoom_in", "zoom_out"])
def test_zoom_keeps_the_row_that_was_on_top(qtbot, window: MainWindow, zoom: str) -> None:
    """Larger or smaller text, the panes are built again at the new size and scrolled
    back to the row that was on top when the zoom was asked for. Meanwhile the old
    rows are laid out again in the new font, a long document a piece at a time, and
    the scroll bar's range shrinks under its value (the other pane, kept in step,
    moves it too): where it stands by the time the panes are rebuilt says nothing."""
    window.resize(1024, 700)
    compare(qtbot, window, CONDENSED, FULL)
    view = window.view
    view.finish()
    bar = view.new_pane.verticalScrollBar()
    rows = view.new_pane.row_tops()
    middle = len(rows) // 2
    bar.setValue(round(rows[middle]))
    assert view._top_row() == (middle, 0)
    with qtbot.waitSignal(view.build_finished, timeout=10000):
        getattr(window.actions, zoom).trigger()
        bar.setValue(0)  # (what a long document's new layout does to it meanwhile)
    qtbot.waitUntil(lambda: view._restore is None, timeout=5000)
    assert view.new_pane.row_at(bar.value()) == middle


def test_next_previous_move_both_panes(qtbot, window: MainWindow) -> None:
    compare(qtbot, window, CONDENSED, FULL)
    old_bar = window.view.old_pane.verticalScrollBar()
    new_bar = window.view.new_pane.verticalScrollBar()
    for _ in range(8):
        window.actions.next_change.trigger()
    down = (old_bar.value(), new_bar.value())
    assert down[0] > 0 and down[1] > 0
    assert window.changes_view.currentIndex().row() == window.view.current == 7
    for _ in range(6):
        window.actions.previous_change.trigger()
    assert old_bar.value() < down[0] and new_bar.value() < down[1]
    window.changes_view.selectRow(4)
    assert window.view.current == 4


def test_swap_ignore_case_and_only_changed(qtbot, window: MainWindow) -> None:
    compare(qtbot, window, CONDENSED, FULL)
    first_old = window.view.old_pane.toPlainText()
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        window.actions.swap.trigger()
    assert Path(window.result.comparison.old.path).name == FULL
    assert window.view.new_pane.toPlainText() == first_old
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        window.actions.ignore_case.setChecked(False)
    assert window.result.comparison.options.ignore_case is False
    assert not window.context.settings.ignore_case


def test_only_changed_collapses_and_expands(qtbot, window: MainWindow) -> None:
    compare(qtbot, window, UNRELATED, EDITED)
    full_text = window.view.new_pane.toPlainText()
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        window.actions.only_changed.setChecked(True)
    shown = window.view.new_pane.toPlainText()
    assert "unchanged sentences" in shown and len(shown) < len(full_text)
    assert window.context.settings.only_changed
    rows = window.result.plan.rows
    bar = next(i for i, r in enumerate(rows) if r.kind == "collapsed")
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        window.view.old_pane.bar_clicked.emit(bar)
    assert (
        sum(r.kind == "collapsed" for r in window.result.plan.rows)
        == sum(r.kind == "collapsed" for r in rows) - 1
    )


def test_bad_file_row_shows_reason(window: MainWindow) -> None:
    rows = {Path(r.path).name: r for r in window.documents.rows}
    assert set(rows) == {CONDENSED, FULL, UNRELATED, EDITED, "<b>photo &amp;.txt"}
    bad = rows["<b>photo &amp;.txt"]
    assert bad.error and "PNG" in bad.error
    assert all(r.error is None for n, r in rows.items() if n != "<b>photo &amp;.txt")
    i = window.documents.rows.index(bad)
    assert window.documents.index(i, 0).data() == "<b>photo &amp;.txt"
    assert "&lt;b&gt;" in window.documents.index(i, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert window.documents.index(i, 6).data() == bad.error


def test_screenshot_command(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    code = (
        "import sys; from gui.shell.launcher import main; "
        f"sys.exit(main(['open', {str(SAMPLES / CONDENSED)!r}, {str(SAMPLES / FULL)!r}, "
        f"'--screenshot', {str(out)!r}, '--size', '1000x700']))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, timeout=120, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)
    colours = {image.pixel(x, y) for x in range(0, 1000, 37) for y in range(0, 700, 23)}
    assert len(colours) > 10


def test_the_screenshot_process_ends_without_teardown(tmp_path: Path) -> None:
    # As after `compare`: the PNG is written whole, then no teardown (atexit never runs).
    out = tmp_path / "shot.png"
    code = (
        "import atexit, sys; from gui.shell.launcher import run; "
        "atexit.register(lambda: print('teardown ran')); "
        f"sys.argv = ['redline', 'open', {str(SAMPLES / CONDENSED)!r}, "
        f"{str(SAMPLES / FULL)!r}, '--screenshot', {str(out)!r}, '--size', '600x400']; run()"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, timeout=120, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    assert b"teardown ran" not in done.stdout
    assert QImage(str(out)).width() == 600


def test_the_screenshot_process_does_not_import_package_metadata(tmp_path: Path) -> None:
    # importlib.metadata (~30 ms) is for the About box and --version only.
    out = tmp_path / "shot.png"
    code = (
        "import sys; from gui.shell.launcher import main; "
        f"code = main(['open', {str(SAMPLES / CONDENSED)!r}, {str(SAMPLES / FULL)!r}, "
        f"'--screenshot', {str(out)!r}, '--size', '600x400']); "
        "print('importlib.metadata' in sys.modules); sys.exit(code)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, timeout=120, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.split()[-1] == b"False"


def test_screenshot_to_an_unwritable_path_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    out = blocker / "shot.png"
    code = (
        "import sys; from gui.shell.launcher import main; "
        f"sys.exit(main(['open', {str(SAMPLES / CONDENSED)!r}, {str(SAMPLES / FULL)!r}, "
        f"'--screenshot', {str(out)!r}, '--size', '600x400']))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, timeout=120, capture_output=True)
    assert done.returncode == 2
    errors = [x for x in done.stderr.decode().splitlines() if x.startswith("redline:")]
    assert len(errors) == 1
    assert errors[0].startswith(f"redline: {out}: cannot save the screenshot (")
    assert list(tmp_path.iterdir()) == [blocker]


def test_punctuation_only_changes_are_minor_and_can_be_hidden(qtbot, window: MainWindow) -> None:
    compare(qtbot, window, CONDENSED, FULL)
    view, model = window.view, window.changes_view.changes_model
    minor = [i for i, c in enumerate(view.changes) if c.minor]
    assert minor and len(minor) < len(view.changes)
    for i in minor:
        change = view.changes[i]
        assert change.kind == "changed" and change.deleted_words == change.inserted_words == 0
    row = model.row_of(minor[0])
    assert model.index(row, 0).data() == "\u00b7 punctuation"
    assert model.index(row, 3).data() == "0"
    links = view.decorations.links
    assert all(links[i] is not None and links[i].minor for i in minor)
    window.actions.hide_punctuation.setChecked(True)
    assert model.rowCount() == len(view.changes) - len(minor)
    assert window.context.settings.hide_punctuation
    visited = []
    view.current = -1
    for _ in range(len(view.changes)):
        window.actions.next_change.trigger()
        visited.append(view.current)
    assert not set(visited) & set(minor)
    assert view.current == max(set(range(len(view.changes))) - set(minor))
    window.actions.previous_change.trigger()
    assert view.current not in minor
    again = MainWindow(window.context.__class__())
    qtbot.addWidget(again)
    assert again.actions.hide_punctuation.isChecked()
    assert again.view.hide_minor


def test_margin_marks_stand_beside_changed_blocks(qtbot, window: MainWindow) -> None:
    compare(qtbot, window, CONDENSED, FULL)
    for pane in (window.view.old_pane, window.view.new_pane):
        marks = pane.margin.visible_marks()
        assert marks
        plan = pane.plan
        layout = pane.document().documentLayout()
        scroll = pane.verticalScrollBar().value()
        for y, kind, number in marks:
            block = window.result.comparison.blocks[plan.blocks[number].block]
            assert block.kind != "equal" and kind
            top = layout.blockBoundingRect(pane.document().findBlockByNumber(number)).top()
            assert y == pytest.approx(top - scroll)
        # Sentences run together in old and parted by a full stop in new stay
        # punctuation-only changes (a stop against a line break is layout).
        assert "punctuation" in set(plan.marks)
    assert {k for _, k, _ in window.view.new_pane.margin.visible_marks()} >= {"inserted"}


def test_copy_gives_the_document_text(qtbot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication

    compare(qtbot, window, CONDENSED, FULL)
    comparison = window.result.comparison
    for pane, doc in (
        (window.view.old_pane, comparison.old),
        (window.view.new_pane, comparison.new),
    ):
        spans = [b.span for b in pane.plan.blocks if b.span is not None]
        pane.selectAll()
        pane.copy()
        copied = QApplication.clipboard().text()
        assert QApplication.clipboard().mimeData().formats() == ["text/plain"]
        assert copied == doc.text[spans[0][0] : spans[-1][1]]
        assert "\u2028" not in copied and "\u200b" not in copied
        # From the start of one row into the third row after it: rows in between
        # (and a row with no text on this side) are copied as the document has them.
        texts = [n for n, b in enumerate(pane.plan.blocks) if b.role == "text"]
        first, last = pane.plan.blocks[texts[2]], pane.plan.blocks[texts[6]]
        cursor = pane.textCursor()
        cursor.setPosition(first.position)
        cursor.setPosition(last.position + 3, cursor.MoveMode.KeepAnchor)
        pane.setTextCursor(cursor)
        pane.copy()
        assert QApplication.clipboard().text() == doc.text[first.span[0] : last.span[0] + 3]


def test_corrupt_settings_notice_is_not_overwritten_at_once(
    qtbot, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 14: the folder opened at start-up replaced the notice in the status bar."""
    from gui.common import status_line

    paths = app_paths()
    paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_bytes(b'{"recent_folders": ["/a"')
    monkeypatch.setattr(status_line, "NOTICE_MS", 1500)
    win = MainWindow(AppContext())
    qtbot.addWidget(win)
    win.show()
    notice = win.status.message  # in full (the bar may show it shortened)
    assert "Settings file" in notice and "set aside" in notice
    with qtbot.waitSignal(win.folder_loaded, timeout=20000):
        win.open_folder(str(folder))
    win.show_message("Something else")
    assert win.status.message == notice  # still readable
    qtbot.waitUntil(lambda: win.statusBar().currentMessage() == "Something else", timeout=5000)
