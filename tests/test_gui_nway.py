"""The N-way page in the window: cells as planted, hover, click to the pair, base picker."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import CONDENSED, FULL
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from test_nway import CUT, EDITED, PLANTED, variant_text

from core.engine.compare import compare
from core.model import CompareOptions
from core.text.document import load_document
from gui.common.context import AppContext
from gui.nway.job import NWayRequest, run_nway
from gui.nway.view import detail_text
from gui.shell.main_window import MainWindow

VARIANT = "variant.txt"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "versions"
    root.mkdir()
    for sample in (CONDENSED, FULL):
        shutil.copy(sample, root / sample.name)
    (root / VARIANT).write_text(variant_text("<b>strong</b>"), encoding="utf-8")
    return root


@pytest.fixture
def window(qtbot, folder: Path):
    win = MainWindow(AppContext())
    qtbot.addWidget(win)
    tester = QAbstractItemModelTester(
        win.nway.view.model, QAbstractItemModelTester.FailureReportingMode.Fatal
    )
    win.resize(1400, 900)
    win.show()
    # The story-family scan follows the listing; wait for it so the default base (the
    # family's likely original) does not depend on which finishes first.
    with qtbot.waitSignals([win.folder_loaded, win.families.scanned], timeout=30000):
        win.open_folder(str(folder))
    yield win
    del tester
    win.nway.jobs.cancel()
    win.jobs.shutdown()


def select_all_and_compare_versions(qtbot, win: MainWindow) -> None:
    win.document_view.selectAll()
    assert len(win.document_view.selected_paths()) == 3
    with qtbot.waitSignal(win.nway.shown, timeout=30000):
        win.actions.compare_versions.trigger()


def choose_base(qtbot, win: MainWindow, name: str) -> None:
    view = win.nway.view
    index = next(i for i, p in enumerate(view.paths) if p.endswith(name))
    with qtbot.waitSignal(win.nway.shown, timeout=30000):
        view.base_box.setCurrentIndex(index)
        view.base_box.activated.emit(index)


def test_grid_shows_planted_cells_and_default_base(qtbot, window: MainWindow) -> None:
    select_all_and_compare_versions(qtbot, window)
    view = window.nway.view
    assert window.stack.currentWidget() is view
    # The three are one story family; its likely original (the version holding the
    # most of what the others say) is the full article.
    assert view.base_box.currentText() == FULL.name
    choose_base(qtbot, window, CONDENSED.name)
    model = view.model
    assert model.nway is not None and model.nway.base.path.endswith(CONDENSED.name)
    assert model.rowCount() == 11 and model.columnCount() == 3
    column = next(c for c in range(2) if model.nway.versions[c].document.path.endswith(VARIANT))
    shown = [model.index(r, column).data() for r in range(11)]
    symbols = {"kept": "=", "edited": "~", "reworded": "*", "missing": "\u00b7"}
    assert shown == [symbols[PLANTED.get(k, "kept")] for k in range(11)]
    header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    similarity = model.nway.versions[column].comparison.stats.similarity
    assert header.split("\n")[1] == f"{similarity:.0%}"  # the pair's similarity
    assert header.split("\n")[0] == os.path.splitext(VARIANT)[0][:14]  # named, not "A"
    # Hover: the version's own wording, markup shown literally.
    tip = model.index(EDITED, column).data(Qt.ItemDataRole.ToolTipRole)
    assert "edited" in tip and "&lt;b&gt;strong&lt;/b&gt; accent" in tip
    assert "drops: british" in tip  # the base word the version drops
    assert "nothing in its place" in model.index(CUT, column).data(Qt.ItemDataRole.ToolTipRole)
    # The detail pane reads the current sentence with every version's wording.
    view.table.selectRow(EDITED)
    assert "<b>strong</b> accent" in view.detail.toPlainText()
    assert view.detail.toPlainText() == detail_text(model.nway, EDITED)


def test_click_opens_the_pair_and_back(qtbot, window: MainWindow) -> None:
    select_all_and_compare_versions(qtbot, window)
    choose_base(qtbot, window, CONDENSED.name)
    view = window.nway.view
    model = view.model
    column = next(c for c in range(2) if model.nway.versions[c].document.path.endswith(VARIANT))
    rect = view.table.visualRect(model.index(CUT, column))
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.view
    assert window.pair is not None
    assert window.pair[0].endswith(CONDENSED.name) and window.pair[1].endswith(VARIANT)
    window.actions.compare_versions.trigger()  # fewer than three selected: back to the grid
    window.document_view.clearSelection()
    window.actions.compare_versions.trigger()
    assert window.stack.currentWidget() is view
    view.back_button.click()
    assert window.stack.currentWidget() is window.view


def test_changing_base_recomputes_and_reuses(qtbot, window: MainWindow) -> None:
    select_all_and_compare_versions(qtbot, window)
    assert len(window.nway.known) == 2  # the family's original against the other two
    choose_base(qtbot, window, CONDENSED.name)
    view = window.nway.view
    assert view.model.nway.base.path.endswith(CONDENSED.name)
    assert len(window.nway.known) == 4  # 000 as old against both: two more
    assert {v.document.path.rsplit("/", 1)[1] for v in view.model.nway.versions} == {
        FULL.name,
        VARIANT,
    }
    choose_base(qtbot, window, FULL.name)
    assert view.model.nway.base.path.endswith(FULL.name)
    assert len(window.nway.known) == 4  # back to the first base: nothing recomputed
    # Sort by similarity puts the most similar version first.
    view.sort_box.setChecked(True)
    sims = [v.similarity for v in view.model.nway.versions]
    assert sims == sorted(sims, reverse=True)


def test_cancel_leaves_the_window_usable(qtbot, window: MainWindow) -> None:
    window.document_view.selectAll()
    window.actions.compare_versions.trigger()
    window.nway.view.cancel_button.click()
    assert not window.nway.jobs.busy and not window.nway.view.progress.isVisible()
    select_all_and_compare_versions(qtbot, window)
    assert window.nway.view.model.rowCount() > 0


def test_load_failure_is_one_line(qtbot, window: MainWindow, folder: Path) -> None:
    (folder / VARIANT).unlink()
    window.document_view.selectAll()
    messages: list[str] = []
    window.status_changed.connect(messages.append)
    window.actions.compare_versions.trigger()
    qtbot.waitUntil(lambda: any(VARIANT in m for m in messages), timeout=30000)
    message = next(m for m in messages if VARIANT in m)
    assert "\n" not in message and "Traceback" not in message
    assert not window.nway.view.progress.isVisible()


def test_run_nway_in_the_worker_matches_the_engine(folder: Path) -> None:
    paths = tuple(str(folder / n) for n in (CONDENSED.name, FULL.name, VARIANT))
    seen: list[tuple[int, int]] = []
    outcome = run_nway(NWayRequest(paths, 0), lambda: False, lambda d, t: seen.append((d, t)))
    assert outcome.base == 0 and seen[-1] == (2, 2)
    direct = compare(load_document(paths[0]), load_document(paths[2]), CompareOptions())
    assert outcome.nway.versions[1].comparison.blocks == direct.blocks


def test_summary_and_detail_name_versions_as_the_columns_do(qtbot, folder: Path) -> None:
    # Session 7 left the summary lines and the detail saying "A:", "B:" while the
    # columns were named; a long name is shortened in its middle, the path is in
    # the summary's tooltip.
    from gui.nway.view import NWayView

    long_name = "a-very-long-version-name-from-the-wire-desk-" + "x" * 60 + "-final.txt"
    shutil.copy(folder / VARIANT, folder / long_name)
    paths = tuple(str(folder / n) for n in (CONDENSED.name, FULL.name, long_name))
    nway = run_nway(NWayRequest(paths, 0), lambda: False).nway
    view = NWayView()
    qtbot.addWidget(view)
    view.show_nway(nway)
    lines = view.summary.text().split("\n")
    names = [line.split(" \u2014 ")[0] for line in lines]
    assert names[0] == os.path.splitext(FULL.name)[0]
    assert names[1].startswith("a-very-long-version") and names[1].endswith("x-final")
    assert "\u2026" in names[1] and len(names[1]) <= 40
    assert not any(line.startswith(("A:", "B:", "A ", "B ")) for line in lines)
    assert all("similarity" in line for line in lines)
    assert str(folder / long_name) in view.summary.toolTip()
    detail = detail_text(nway, 0)
    assert f"\n{names[1]}: " in detail and "\nA " not in detail and "\nB " not in detail


def test_the_summary_lines_never_widen_a_1024_window(qtbot, window: MainWindow) -> None:
    # One line per version, as long as its name and figures: unwrapped they held the
    # window at 1104 pixels under Xvfb (1126 here).
    window.resize(1024, 700)
    qtbot.wait(50)
    select_all_and_compare_versions(qtbot, window)
    qtbot.wait(50)
    assert window.width() == 1024
    summary = window.nway.view.summary
    assert summary.geometry().right() <= window.nway.view.width()


def test_the_legend_never_widens_a_1024_window_in_a_larger_font(qtbot, window: MainWindow) -> None:
    """The chips and the hint beside them wrap rather than hold the window wider (a
    reader with a larger system font included)."""
    font = window.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    window.setFont(font)
    window.resize(1024, 700)
    select_all_and_compare_versions(qtbot, window)
    qtbot.wait(50)
    assert window.minimumSizeHint().width() <= 1024
    assert window.width() == 1024


def test_the_legend_takes_the_cells_colours_when_the_theme_changes(
    qtbot,
    window: MainWindow,
) -> None:
    from PySide6.QtGui import QColor, QPalette

    from gui.nway.model import DARK, LIGHT

    view = window.nway.view
    kept = view.chips["kept"]
    assert LIGHT["kept"][0] in kept.styleSheet()
    dark = QPalette(view.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    view.setPalette(dark)
    assert view.model.colours is DARK
    assert DARK["kept"][0] in kept.styleSheet()
