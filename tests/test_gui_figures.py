"""One pair, one similarity: the status line, the N-way header, the matrix tooltip and
the reports print the same figure, and flag counts say what they count (Qt offscreen,
real engine)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CONDENSED, FULL, SAMPLES, UNRELATED
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_gui_families import make_window, open_and_scan
from test_gui_nway import choose_base
from test_report_html import Page

from core.families.scan import scan_folder
from core.families.scan_report import scan_to_text
from core.figures import flag_count_text, percent_text, similarity_text
from core.report.comparison_html import render_report
from core.report.nway import render_nway_text
from core.report.nway_html import render_nway_html
from core.report.render_text import render_text


@pytest.fixture
def pair_folder(tmp_path: Path) -> Path:
    root = tmp_path / "pair"
    root.mkdir()
    for sample in (CONDENSED, FULL, UNRELATED):  # N-way needs three
        shutil.copy(sample, root / sample.name)
    return root


@pytest.fixture
def window(qtbot):
    win = make_window(qtbot)
    yield win
    win.families.jobs.shutdown()
    win.nway.jobs.cancel()
    win.jobs.shutdown()


def test_one_pair_shows_one_similarity_everywhere(qtbot, window, pair_folder: Path) -> None:
    open_and_scan(qtbot, window, pair_folder)
    with qtbot.waitSignal(window.families.matrix_shown, timeout=30000):
        window.families.matrix_action.trigger()
    canvas = window.families.page.canvas
    data = canvas.data
    assert data is not None
    i, j = (next(k for k, n in enumerate(data.names) if n == p.name) for p in (CONDENSED, FULL))
    center = canvas.cell_rect(i, j).center()
    # Before any comparison the matrix shows the scan's estimate, marked as one.
    estimate = canvas.tooltip_at(center).split("\n")[0].split(": ")[1]
    assert estimate.startswith("\u2248")

    # The N-way grid with the condensed article as base.
    window.document_view.selectAll()
    with qtbot.waitSignal(window.nway.shown, timeout=60000):
        window.actions.compare_versions.trigger()
    choose_base(qtbot, window, CONDENSED.name)
    nway = window.nway.view.model.nway
    assert nway is not None and len(nway.versions) == 2
    column = next(c for c, v in enumerate(nway.versions) if v.document.path.endswith(FULL.name))
    figure = similarity_text(nway.versions[column].comparison.stats.similarity)
    header = window.nway.view.model.headerData(
        column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
    )
    assert header.split("\n")[1] == figure
    assert f"similarity {figure}," in window.nway.view.summary.text()
    # The N-way comparisons reach the matrix: no estimate any more.
    assert canvas.tooltip_at(center).split("\n")[0].endswith(f": {figure}")

    # The pairwise comparison of the same pair, opened from the matrix.
    window.families.show_matrix()
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert window.pair == (str(pair_folder / CONDENSED.name), str(pair_folder / FULL.name))
    comparison = window.result.comparison
    assert similarity_text(comparison.stats.similarity) == figure
    assert window.summary_label.text().startswith(f"Similarity {figure}  \u2022")
    assert canvas.tooltip_at(center).split("\n")[0].endswith(f": {figure}")

    # The reports of the pair and of the grid.
    html = render_report(comparison)
    assert f"Similarity: {figure} (the share" in " ".join(Page(html).shown().split())
    assert f"<th>Similarity</th><td>{figure}</td>" in html
    assert render_text(comparison).splitlines()[2].startswith(f"similarity {figure};")
    assert f"similarity {figure}," in render_nway_text(nway)
    assert f'<td class="n">{figure}</td>' in render_nway_html(nway)


def test_flag_counts_read_the_same_in_the_status_line_list_and_report(
    qtbot, window, tmp_path: Path
) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(
        "The mayor said the bridge cost 20 million. It rained on Monday. "
        "The council did approve the plan. Shops stayed open late.\n",
        encoding="utf-8",
    )
    new.write_text(
        "The mayor claimed the bridge cost 27 million. It rained on Monday. "
        "The council did not approve the plan. Shops stayed open late.\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        window.compare(str(old), str(new))
    result = window.result
    flags, comparison = result.flags, result.comparison
    changes = sum(1 for b in comparison.blocks if b.kind != "equal")
    flagged = len({f.block for f in flags})
    assert len(flags) >= 3 and flagged == 2 and changes == 2  # figure, attribution, negation
    counted = flag_count_text(len(flags), flagged, changes)
    assert counted == f"{len(flags)} flags in 2 of 2 changes"
    assert f"\u2022  {counted}: " in window.summary_label.toolTip()
    assert f"\u2022  {len(flags)} flags" in window.summary_label.text()
    assert window.change_panel.count_label.text() == counted
    shown = " ".join(Page(render_report(comparison, flags=flags)).shown().split())
    assert f"Flagged: {counted}, to check first" in shown


def test_one_percentage_format() -> None:
    assert (
        similarity_text(0.4149) == "41%" and similarity_text(0.4151, estimate=True) == "\u224842%"
    )
    assert percent_text(0.05) == "5%" and percent_text(1.0) == "100%"
    # Three words changed in two million: not "100%", which reads as "no change".
    assert percent_text(0.9999985) == ">99%" and percent_text(0.000002) == "<1%"
    assert percent_text(0.0) == "0%" and similarity_text(0.9999, estimate=True) == "\u2248100%"
    assert flag_count_text(0, 0, 1) == "no flags in 1 change"
    assert flag_count_text(1, 1, 25) == "1 flag in 1 of 25 changes"
    assert flag_count_text(19, 13, 25) == "19 flags in 13 of 25 changes"


def test_the_scan_listing_marks_its_similarity_as_an_estimate() -> None:
    result = scan_folder(str(SAMPLES))
    doc = next(d for d in result.documents if d.relpath == CONDENSED.name)
    assert doc.similarity is not None
    estimate = similarity_text(doc.similarity, estimate=True)
    assert f"closest {FULL.name} ({estimate})" in scan_to_text(result)
    assert estimate.startswith("\u2248")
