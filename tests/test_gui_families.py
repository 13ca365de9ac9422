"""Story families in the window: list columns, family tree, matrix, Compare Versions base,
and the background scan's cancelling (Qt offscreen, real engine)."""

from __future__ import annotations

import errno
import os
import random
import shutil
import threading
import time
from pathlib import Path

import pytest
from conftest import CONDENSED, FULL, UNRELATED
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QApplication
from test_nway import variant_text

from core.families.scan import scan_folder
from gui.common.context import AppContext
from gui.documents.document_list import COLUMNS, FAMILY
from gui.documents.family_index import ORIGINAL_TIP, base_for, index_scan
from gui.families.data import matrix_for
from gui.shell.main_window import MainWindow

FAMILY_COLUMN = COLUMNS.index("Family")
CLOSEST, SIMILARITY = COLUMNS.index("Closest"), COLUMNS.index("Similarity")


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    root = tmp_path / "samples"
    root.mkdir()
    for sample in (CONDENSED, FULL, UNRELATED):
        shutil.copy(sample, root / sample.name)
    return root


def make_window(qtbot) -> MainWindow:
    win = MainWindow(AppContext())
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    return win


@pytest.fixture
def window(qtbot):
    win = make_window(qtbot)
    testers = [
        QAbstractItemModelTester(m, QAbstractItemModelTester.FailureReportingMode.Fatal)
        for m in (win.documents, win.families.tree_model)
    ]
    yield win
    del testers
    win.families.jobs.shutdown()
    win.nway.jobs.cancel()
    win.jobs.shutdown()


def open_and_scan(qtbot, win: MainWindow, folder: Path) -> None:
    with qtbot.waitSignal(win.families.scanned, timeout=30000):
        win.open_folder(str(folder))


def row_of(win: MainWindow, name: str) -> int:
    rows = win.documents.rows
    return next(i for i, r in enumerate(rows) if r.relpath.endswith(name))


def cell(win: MainWindow, name: str, column: int, role=Qt.ItemDataRole.DisplayRole):
    return win.documents.index(row_of(win, name), column).data(role)


def test_samples_show_one_family_with_the_engines_original(qtbot, window, samples) -> None:
    open_and_scan(qtbot, window, samples)
    family = scan_folder(samples).families[0]
    original = next(p for p in (CONDENSED, FULL) if p.name == family.original)
    other = FULL if original is CONDENSED else CONDENSED
    assert cell(window, original.name, FAMILY_COLUMN) == "\u2605 1"
    assert cell(window, other.name, FAMILY_COLUMN) == "1"
    assert cell(window, UNRELATED.name, FAMILY_COLUMN) == ""
    tip = cell(window, original.name, FAMILY_COLUMN, Qt.ItemDataRole.ToolTipRole)
    assert ORIGINAL_TIP.split(":")[0] in tip and "2 versions" in tip
    assert cell(window, other.name, CLOSEST) == original.name
    shown = cell(window, other.name, SIMILARITY)  # the scan's estimate, marked as one
    assert shown.startswith("\u2248") and shown.endswith("%")
    assert 50 < int(shown[1:-1]) < 80
    assert cell(window, UNRELATED.name, CLOSEST) == ""  # shares nothing with anyone
    assert window.families.status.label.text() == "1 story family (2 versions), 1 document alone"
    # Sorting by family keeps the family together, the original first, the loner last.
    window.document_view.sortByColumn(FAMILY_COLUMN, Qt.SortOrder.AscendingOrder)
    names = [os.path.basename(r.relpath) for r in window.documents.rows]
    assert names == [original.name, other.name, UNRELATED.name]
    # The family columns stand right after the name.
    header = window.document_view.horizontalHeader()
    assert [header.logicalIndex(v) for v in range(4)] == [0, FAMILY, FAMILY + 1, FAMILY + 2]


def test_group_by_family_shows_a_tree_and_is_remembered(qtbot, window, samples) -> None:
    open_and_scan(qtbot, window, samples)
    original = index_scan(scan_folder(samples)).families[0][0]
    window.families.group_action.trigger()
    tree, model = window.families.tree, window.families.tree_model
    assert tree.isVisible() and not window.document_view.isVisible()
    assert window.context.settings.group_by_family
    assert model.rowCount() == 2
    node = model.index(0, 0)
    # The node names the story by its likely original's first words.
    assert model.data(node).startswith("this is the moment when al-qaeda linked")
    assert model.data(node).endswith("\u2026 (2 versions)") and model.rowCount(node) == 2
    assert "Story family 1: this is the moment" in model.data(node, Qt.ItemDataRole.ToolTipRole)
    assert model.path_at(model.index(0, 0, node)) == original
    assert model.data(model.index(0, 0, node)).startswith("\u2605 ")
    assert model.path_at(model.index(1, 0)).endswith(UNRELATED.name)
    assert tree.isExpanded(node)
    # Selecting the family node selects its versions; Enter compares them.
    tree.selectionModel().select(
        node, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    )
    assert window.document_view.selected_paths()[0] == original
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        QTest.keyClick(tree, Qt.Key.Key_Return)
    assert window.pair is not None and set(window.pair) == set(model.families[0])
    # A new window starts grouped.
    second = make_window(qtbot)
    assert second.families.group_action.isChecked() and not second.document_view.isVisible()
    second.jobs.shutdown()


def test_matrix_has_a_cell_per_pair_and_a_click_opens_the_pair(qtbot, window, samples) -> None:
    open_and_scan(qtbot, window, samples)
    with qtbot.waitSignal(window.families.matrix_shown, timeout=30000):
        window.families.matrix_action.trigger()
    page = window.families.page
    assert window.stack.currentWidget() is page
    canvas = page.canvas
    data = canvas.data
    assert data is not None and len(data.values) == 3
    assert all(len(row) == 3 for row in data.values)
    i, j = (next(k for k, n in enumerate(data.names) if n == p.name) for p in (CONDENSED, FULL))
    estimate = f"\u2248{data.values[i][j]:.0%}"  # the scan's figure, marked as an estimate
    assert cell(window, CONDENSED.name, SIMILARITY) == estimate
    canvas.grab()
    assert canvas.painted_cells == 9
    center = canvas.cell_rect(i, j).center()
    assert canvas.tooltip_at(center).split("\n")[0] == (
        f"{CONDENSED.name} \u2194 {FULL.name}: {estimate}"
    )
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert window.stack.currentWidget() is window.view
    assert set(window.pair or ()) == {str(samples / CONDENSED.name), str(samples / FULL.name)}
    # Once compared, the cell shows the comparison's similarity, the status line's.
    measured = f"{window.result.comparison.stats.similarity:.0%}"
    assert f"Similarity {measured}" in window.summary_label.text()
    assert canvas.tooltip_at(center).split("\n")[0] == (
        f"{CONDENSED.name} \u2194 {FULL.name}: {measured}"
    )


def test_compare_versions_bases_on_the_likely_original(qtbot, window, tmp_path) -> None:
    folder = tmp_path / "versions"
    folder.mkdir()
    for sample in (CONDENSED, FULL):
        shutil.copy(sample, folder / sample.name)
    (folder / "variant.txt").write_text(variant_text("<b>strong</b>"), encoding="utf-8")
    open_and_scan(qtbot, window, folder)
    (family,) = window.families.index.families
    assert len(family) == 3
    window.document_view.selectAll()
    with qtbot.waitSignal(window.nway.shown, timeout=60000):
        window.actions.compare_versions.trigger()
    # The scan's likely original (the version holding the most of the others) is
    # the base, taken as it is: only its two comparisons were made, not every pair
    # that ``default_base`` would have needed to choose one.
    assert window.nway.view.model.nway.base.path == family[0]
    assert len(window.nway.known) == 2
    assert window.nway.view.base_box.currentText() == os.path.basename(family[0])


def test_a_new_folder_cancels_a_scan_in_progress(qtbot, window, samples, tmp_path) -> None:
    slow = tmp_path / "slow"
    slow.mkdir()
    shutil.copy(FULL, slow / FULL.name)
    started, cancelled = threading.Event(), threading.Event()

    def scan(root, options, progress, should_cancel):  # type: ignore[no-untyped-def]
        if os.path.basename(root) != "slow":
            return scan_folder(root, options, progress, should_cancel)
        started.set()
        progress(0, 1)
        for _ in range(1000):  # at most 10 s
            if should_cancel():
                cancelled.set()
                break
            time.sleep(0.01)
        return scan_folder(root, options)  # a result that must be dropped

    window.families.jobs.scan_function = scan
    with qtbot.waitSignal(window.folder_loaded, timeout=20000):
        window.open_folder(str(slow))
    assert started.wait(10)
    qtbot.waitUntil(lambda: window.families.status.progress.isVisible(), timeout=5000)
    assert window.families.status.cancel.isVisible()
    open_and_scan(qtbot, window, samples)
    assert cancelled.wait(10)
    assert window.families.index is not None and window.families.index.root == str(samples)
    assert len(window.families.index.families) == 1
    # Cancel in the status bar stops a scan.
    started.clear()
    cancelled.clear()
    with qtbot.waitSignal(window.folder_loaded, timeout=20000):
        window.open_folder(str(slow))
    assert started.wait(10)
    qtbot.waitUntil(lambda: window.families.status.cancel.isVisible(), timeout=5000)
    QTest.mouseClick(window.families.status.cancel, Qt.MouseButton.LeftButton)
    assert cancelled.wait(10)
    assert not window.families.status.progress.isVisible()
    assert window.families.index is None


def test_a_folder_with_unreadable_files_still_groups_the_rest(
    qtbot, window, samples, monkeypatch
) -> None:
    (samples / "locked.txt").write_text("Locked away.\n", encoding="utf-8")
    (samples / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    real_open = os.open

    def locked_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fsdecode(path).endswith("locked.txt"):
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", locked_open)
    open_and_scan(qtbot, window, samples)
    index = window.families.index
    assert index is not None and index.errors == 2
    assert len(index.families) == 1 and len(index.families[0]) == 2
    assert "2 not scanned" in window.families.status.label.text()
    assert cell(window, "locked.txt", FAMILY_COLUMN) == ""
    assert "ermission" in cell(window, "locked.txt", COLUMNS.index("Problem"))
    window.families.group_action.trigger()
    model = window.families.tree_model
    alone = [model.path_at(model.index(r, 0)) for r in range(1, model.rowCount())]
    assert [os.path.basename(p or "") for p in alone] == [
        "002_693b2ff662c8dfe1.txt",
        "locked.txt",
        "photo.txt",
    ]


def test_base_for_picks_the_original_of_the_selected_family(samples) -> None:
    index = index_scan(scan_folder(samples))
    original, other = index.families[0]
    unrelated = str(samples / UNRELATED.name)
    assert base_for(index, [unrelated, other, original]) == 2
    assert base_for(index, [other, unrelated]) is None  # one member only
    assert base_for(None, [other, original]) is None


def test_matrix_above_the_limit_shows_families_only_or_refuses(samples) -> None:
    result = scan_folder(samples)
    families_only = matrix_for(result, limit=2)
    assert not isinstance(families_only, str)
    assert sorted(families_only.names) == [CONDENSED.name, FULL.name]
    assert "only the 2 that belong to story families" in families_only.note
    refused = matrix_for(result, limit=1)
    assert isinstance(refused, str) and "at most 1" in refused


def test_a_large_matrix_paints_only_the_visible_cells(qtbot, window, tmp_path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    rng = random.Random(7)
    words = [f"word{k}" for k in range(3000)]
    for k in range(200):
        text = " ".join(rng.choice(words) for _ in range(60))
        (folder / f"doc{k:03}.txt").write_text(text + ".\n", encoding="utf-8")
    open_and_scan(qtbot, window, folder)
    with qtbot.waitSignal(window.families.matrix_shown, timeout=60000):
        window.families.show_matrix()
    canvas = window.families.page.canvas
    assert canvas.data is not None and len(canvas.data.names) == 200
    canvas.grab()
    assert 0 < canvas.painted_cells < 200 * 200 // 4
    canvas.verticalScrollBar().setValue(canvas.verticalScrollBar().maximum())
    assert canvas.cell_at(canvas.cell_rect(199, 0).center()) == (199, 0)


def test_saved_scan_results_show_their_families_without_a_scan(qtbot, window, tmp_path) -> None:
    """File > Open Scan Results: the folder of a saved scan (here or from a cluster) is
    listed and the saved families fill the columns, the tree and the status."""
    from core.families.scan_report import scan_to_json
    from tests.family_folders import build_folder

    root = tmp_path / "archive"
    build_folder(root)
    saved = scan_folder(root)
    results = tmp_path / "families.json"
    results.write_text(scan_to_json(saved), encoding="utf-8")
    assert "open_results_action" in dir(window.families)
    assert window.families.open_results_action in window.menus.file_menu.actions()

    def no_scan(*_args, **_kwargs):
        raise AssertionError("the folder was scanned again")

    window.families.jobs.scan_function = no_scan
    with qtbot.waitSignal(window.families.scanned, timeout=30000):
        window.families.open_results(str(results))
    assert window.listing.folder == str(root)
    assert window.listing.recursive.isChecked()  # the scan reached into sub-folders
    shown = window.families.result
    assert shown is not None and shown.families == saved.families
    original = saved.families[0].original
    assert cell(window, original, FAMILY_COLUMN).startswith("\u2605")
    assert "story famil" in window.families.status.label.text()
    # The matrix needs fingerprints, which saved results do not hold: it scans for them.
    window.families.jobs.scan_function = scan_folder
    with qtbot.waitSignal(window.families.matrix_shown, timeout=30000):
        window.families.show_matrix()
    assert window.families.result is not None and window.families.result.fingerprints


def test_saved_scan_results_that_cannot_be_shown_say_why(qtbot, window, tmp_path) -> None:
    bad = tmp_path / "notes.json"
    bad.write_text('{"format": "redline-comparison"}', encoding="utf-8")
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(
        '{"format": "redline-scan", "version": 1, "root": "s3://bucket/news", '
        '"documents": [], "families": [], "errors": []}',
        encoding="utf-8",
    )
    for path, reason in ((bad, "not a Redline scan"), (elsewhere, "is not on this computer")):
        window.families.open_results(str(path))
        qtbot.waitUntil(lambda r=reason: r in window.statusBar().currentMessage(), timeout=10000)
        message = window.statusBar().currentMessage()
        assert message.startswith("Scan results not opened") and "\n" not in message
        assert window.listing.folder is None


def test_the_matrix_page_fits_a_window_1024_pixels_wide(qtbot, samples: Path) -> None:
    """Its top row (title, order, colour scale, back) must not widen the window, in a
    larger font either."""
    win = make_window(qtbot)
    font = win.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    win.setFont(font)
    win.resize(1024, 700)
    open_and_scan(qtbot, win, samples)
    with qtbot.waitSignal(win.families.matrix_shown, timeout=30000):
        win.families.show_matrix()
    QApplication.processEvents()
    assert win.minimumSizeHint().width() <= 1024
    assert win.width() <= 1024
