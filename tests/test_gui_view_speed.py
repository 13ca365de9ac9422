"""The comparison view stays cheap on heavily edited long pairs: the overview strip
paints runs of pixel rows once, the link map draws only links with an end in view
and cuts them at its edges, the decorations repaint seldom while the panes are
built, and the flags are computed by the engine's child process."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF

from core.engine.position_map import position_map
from core.flags.detect import flag_comparison
from core.model import CompareOptions, Comparison
from gui.common.engine_process import (
    IN_PROCESS_BYTES,
    EngineRequest,
    compare_and_flag,
    load_and_compare,
)
from gui.common.styles import colours_for
from gui.compare import view as view_module
from gui.compare.link_map import MARGIN, Link, LinkMap, band_path, visible_segment
from gui.compare.overview import MIN_MARK, Mark, OverviewStrip, mark_runs
from gui.compare.result import CompareRequest
from gui.compare.view import CompareView
from gui.work.loading import run_compare

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"
OLD, NEW = SAMPLES / "000_a1d9523b8511cf93.txt", SAMPLES / "001_a1bb97b7d4cec672.txt"


def test_thousands_of_marks_become_at_most_two_runs_per_pixel_row() -> None:
    marks: list[Mark | None] = [None]
    kinds = ("deleted", "inserted", "changed", "moved")
    marks += [Mark(kinds[i % 4], i * 10.0, i * 10.0 + 4, i % 7 == 0) for i in range(10_000)]
    runs = mark_runs(marks, scale=100 / 100_000, height=100)
    assert len(runs) <= 2 * 100
    assert all(0 <= run.top < run.bottom <= 100 for run in runs)
    assert {run.minor for run in runs} == {False, True}


def test_mark_runs_place_each_mark_and_merge_neighbours() -> None:
    marks = [
        Mark("deleted", 0, 10),
        Mark("deleted", 10, 20),  # touches the first: one run
        Mark("inserted", 50, 50.5),  # shorter than a pixel: drawn MIN_MARK tall
        Mark("moved", 99, 120, minor=True),  # past the end: cut at the strip's end
    ]
    assert [(r.kind, r.minor, r.top, r.bottom) for r in mark_runs(marks, 1.0, 100)] == [
        ("deleted", False, 0, 20),
        ("inserted", False, 50, 50 + MIN_MARK),
        ("moved", True, 99, 100),
    ]


def test_scrolling_repaints_the_frame_not_the_marks(qtbot) -> None:
    strip = OverviewStrip()
    qtbot.addWidget(strip)
    strip.resize(18, 400)
    marks: list[Mark | None] = [Mark("deleted", i * 50.0, i * 50.0 + 20) for i in range(2000)]
    strip.set_marks(marks, 100_000, colours_for(strip.palette()))
    strip.grab()
    for top in range(0, 5000, 500):
        strip.set_view(top, 800)
        strip.grab()
    assert strip.renders == 1
    strip.set_marks(marks[:10], 100_000, colours_for(strip.palette()))
    strip.grab()
    assert strip.renders == 2


def test_a_line_to_text_far_away_is_cut_at_the_strip() -> None:
    segment = visible_segment(-400_000.0, 300.0, 44.0, 600.0)
    assert segment is not None
    start, end = segment
    assert start.y() == -MARGIN and 0 < start.x() < 44
    assert (end.x(), end.y()) == (44.0, 300.0)
    # The cut point lies on the original line.
    slope = (300.0 + 400_000.0) / 44.0
    assert abs(start.y() - (-400_000.0 + slope * start.x())) < 1e-6
    assert visible_segment(-5000.0, -4000.0, 44.0, 600.0) is None
    assert visible_segment(10.0, 20.0, 44.0, 600.0) == (QPointF(0, 10), QPointF(44, 20))


def test_a_band_to_text_far_away_stays_within_the_strip() -> None:
    path = band_path((100.0, 120.0, 400_000.0, 400_040.0), 44.0, 600.0)
    box = path.boundingRect()
    assert box.top() >= -MARGIN and box.bottom() <= 600 + MARGIN
    near = band_path((100.0, 120.0, 110.0, 130.0), 44.0, 600.0).boundingRect()
    assert (near.top(), near.bottom()) == (100.0, 130.0)


def test_only_links_with_an_end_in_view_are_drawn(qtbot, monkeypatch) -> None:
    links = LinkMap()
    qtbot.addWidget(links)
    links.resize(44, 300)
    # Every change 30 px below the last, in both panes; the old pane shows a moved
    # change's other side 30,000 px down, the new pane the top.
    rows: list[Link | None] = [
        Link("changed", i * 30.0, i * 30.0 + 20, i * 30.0, i * 30.0 + 20) for i in range(2000)
    ]
    links.set_links(rows, colours_for(links.palette()))
    links.set_scroll(30_000, 0)
    drawn: list[Link] = []
    monkeypatch.setattr(LinkMap, "_draw", lambda self, painter, link, ys, width: drawn.append(link))
    links.grab()
    assert 0 < len(drawn) <= 22  # ten rows in view on each side (and the edges)
    for link in drawn:
        assert link.old_bottom >= 30_000 or link.new_top <= 300


def test_a_paint_looks_only_at_the_links_near_the_view(qtbot, monkeypatch) -> None:
    links = LinkMap()
    qtbot.addWidget(links)
    links.resize(44, 300)
    # 10,000 changes 30 px apart; every 50th is tall (600 px); one moved change's
    # old side is 250,000 px down, opposite the new pane's top.
    rows: list[Link | None] = [
        Link("changed", i * 30.0, i * 30.0 + (600 if i % 50 == 0 else 20), i * 30.0, i * 30.0 + 20)
        for i in range(10_000)
    ]
    rows[7] = Link("moved", 250_000.0, 250_020.0, 210.0, 230.0)
    rows[9] = None  # not built yet
    links.set_links(rows, colours_for(links.palette()))
    drawn: list[Link] = []
    monkeypatch.setattr(LinkMap, "_draw", lambda self, painter, link, ys, width: drawn.append(link))
    for old_scroll, new_scroll in ((0, 0), (150_000, 150_000), (249_900, 0), (299_000, 299_000)):
        links.set_scroll(old_scroll, new_scroll)
        near = links.links_near_view()
        assert len(near) <= 60  # not 10,000
        drawn.clear()
        links.grab()
        expected = [  # every link with an end in view, in list order
            link
            for link in rows
            if link is not None
            and (
                not (link.old_bottom < old_scroll or link.old_top > old_scroll + 300)
                or not (link.new_bottom < new_scroll or link.new_top > new_scroll + 300)
            )
        ]
        assert drawn == expected and drawn


def _pair(tmp_path: Path, copies: int) -> tuple[str, str]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old_text, new_text = OLD.read_text(encoding="utf-8"), NEW.read_text(encoding="utf-8")
    old.write_text(
        "".join(f"Part {i}.\n\n" + old_text.replace(" the ", f" the {i} ") for i in range(copies)),
        encoding="utf-8",
    )
    new.write_text(
        "".join(f"Part {i}.\n\n" + new_text for i in range(copies)),
        encoding="utf-8",
    )
    return str(old), str(new)


@pytest.mark.parametrize("copies", [2, 40])  # in this process; in a child (> 256 KB)
def test_flags_come_with_the_comparison_handed_over_first(tmp_path: Path, copies: int) -> None:
    old, new = _pair(tmp_path, copies)
    request = EngineRequest(old, new, CompareOptions())
    size = Path(old).stat().st_size + Path(new).stat().st_size
    assert (size > IN_PROCESS_BYTES) == (copies > 2)
    handed: list[Comparison] = []
    flags = compare_and_flag(request, lambda: False, lambda c, mapping: handed.append(c))
    here = load_and_compare(request)
    assert [c.blocks for c in handed] == [here.blocks]
    assert flags == flag_comparison(here) and flags


def test_decorations_repaint_seldom_while_the_panes_are_built(
    qtbot, monkeypatch, tmp_path: Path
) -> None:
    result = run_compare(CompareRequest(*_pair(tmp_path, 12)), lambda: False)
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    pushes: list[float] = []
    set_marks = OverviewStrip.set_marks
    monkeypatch.setattr(
        OverviewStrip,
        "set_marks",
        lambda strip, marks, total, colours: (
            pushes.append(total),
            set_marks(strip, marks, total, colours),
        ),
    )
    monkeypatch.setattr(view_module.time, "monotonic", lambda: 1000.0)  # time stands still
    monkeypatch.setattr(
        view_module.ViewBuilder, "_slice", _short_slices(view_module.ViewBuilder._slice)
    )
    slices: list[int] = []
    view.builder.progressed.connect(slices.append)
    with qtbot.waitSignal(view.build_finished, timeout=60000):
        view.show_result(result)
    assert len(slices) > 5
    # Until the first screen is shown, then as the last row is built (the last
    # slice and the end of the build), never in between.
    first_screen = next(i for i, built in enumerate(slices) if built) + 1
    assert len(pushes) <= first_screen + 2 < len(slices)
    assert pushes[-1] == view.new_pane.document().size().height()
    assert all(mark is not None for mark in view.overview.marks)


def _short_slices(slice_):  # type: ignore[no-untyped-def]
    def short(builder, budget: float = 0.001) -> None:  # type: ignore[no-untyped-def]
        slice_(builder, budget=min(budget, 0.001))

    return short


def test_the_panes_fill_while_the_flags_are_still_being_computed(
    qtbot, monkeypatch, tmp_path: Path
) -> None:
    from gui.common.context import AppContext
    from gui.compare.view_builder import ViewBuilder
    from gui.shell.main_window import MainWindow

    old, new = _pair(tmp_path, 12)
    window = MainWindow(AppContext())
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(300)  # the panes' width settles (a later width would build again)
    release = threading.Event()

    def slow_flags(request, should_cancel, use, progress=None):  # type: ignore[no-untyped-def]
        comparison = load_and_compare(request, should_cancel, progress=progress)
        use(comparison, lambda: position_map(comparison))
        release.wait(30)  # the child's flags, still coming
        return flag_comparison(comparison)

    window.jobs.engine = slow_flags
    starts: list[object] = []
    start = ViewBuilder.start
    monkeypatch.setattr(
        ViewBuilder,
        "start",
        lambda builder, plan, *a: (starts.append(plan), start(builder, plan, *a)),
    )
    shown: list[float] = []
    window.comparison_shown.connect(shown.append)
    view = window.view

    def all_rows_built() -> bool:
        full = view.result is not None and not view.result.plan.partial
        return full and len(view.new_pane.tops) == len(view.result.plan.rows)

    window.compare(old, new)
    try:
        qtbot.waitUntil(lambda: all_rows_built() and not view.builder.busy, timeout=10000)
        assert not shown and window.changes_view.changes_model.rowCount() == 0  # no flags yet
        builds = len(starts)
        with qtbot.waitSignal(window.comparison_shown, timeout=30000):
            release.set()
    finally:
        release.set()
    assert len(starts) == builds  # the result with flags changed nothing shown
    assert window.changes_view.changes_model.rowCount() > 0 and window.result.flags
    window.jobs.shutdown()


def test_the_strips_repaint_only_when_the_panes_moved(qtbot, monkeypatch) -> None:
    # The view reports the scroll positions after every slice of rows it builds.
    links, strip = LinkMap(), OverviewStrip()
    for widget in (links, strip):
        qtbot.addWidget(widget)
    repaints: list[object] = []
    for cls in (LinkMap, OverviewStrip):
        monkeypatch.setattr(cls, "update", lambda widget: repaints.append(widget))
    for _ in range(20):
        links.set_scroll(0, 0)
        strip.set_view(0.0, 0.0)
    assert repaints == []
    links.set_scroll(40, 40)
    strip.set_view(40.0, 500.0)
    assert repaints == [links, strip]


def test_the_first_slice_fills_the_screen_but_not_for_long(qtbot, monkeypatch, tmp_path) -> None:
    from gui.compare import view_builder

    result = run_compare(CompareRequest(*_pair(tmp_path, 4)), lambda: False)
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    view.show_result(result)  # an unhurried first slice: the screen is filled
    height = view.new_pane.viewport().height()
    assert view.new_pane.tops[-1] >= height
    clock = iter(range(10**6))  # each reading of the clock 10 ms later: slow rows
    monkeypatch.setattr(view_builder.time, "perf_counter", lambda: next(clock) / 100)
    view.result = None
    view.show_result(result)
    assert view.new_pane.tops[-1] < height  # stopped after FIRST_SCREEN_SECONDS
    assert view.builder.built <= view_builder.FIRST_SCREEN_SECONDS * 100 + 1
    with qtbot.waitSignal(view.build_finished, timeout=30000):
        pass
    assert len(view.new_pane.tops) == len(result.plan.rows)


def test_a_new_document_replaces_ours_without_asking_for_its_parent(qtbot, monkeypatch) -> None:
    # parent() of Qt's own first document builds every QtCore enum (50-90 ms, once).
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QTextDocument

    from gui.compare.pane import DiffPane

    pane = DiffPane("new")
    qtbot.addWidget(pane)
    qt_own = pane.document()

    def no_parent(doc: QTextDocument) -> None:
        raise AssertionError("parent() asked")

    monkeypatch.setattr(QTextDocument, "parent", no_parent)
    first = pane.new_document(300)
    gone: list[bool] = []
    first.destroyed.connect(lambda: gone.append(True))
    second = pane.new_document(300)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert gone == [True]  # ours is deleted once replaced
    assert pane.document() is second and qt_own is not first


def test_the_right_to_left_letters_are_all_in_the_pattern() -> None:
    import unicodedata

    from gui.compare.view_builder import RIGHT_TO_LEFT

    for code in range(0x20000):  # the planes that hold every R and AL letter
        if unicodedata.bidirectional(chr(code)) in ("R", "AL"):
            assert RIGHT_TO_LEFT.match(chr(code)), hex(code)
    assert RIGHT_TO_LEFT.match("\U00010900")  # Phoenician, beyond the planes scanned


def _built(qtbot, old: Path, new: Path) -> CompareView:
    result = run_compare(CompareRequest(str(old), str(new)), lambda: False)
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    view.show_result(result)
    view.finish()
    return view


def test_panes_without_right_to_left_letters_are_told_so_and_lay_out_the_same(
    qtbot, monkeypatch, tmp_path: Path
) -> None:
    # Qt works a block's direction out again each time it lays it out or moves it
    # (every edit moves up to 2,000 pixels of rows): told once, it need not.
    from PySide6.QtCore import Qt

    from gui.compare import view_builder

    old, new = _pair(tmp_path, 4)
    view = _built(qtbot, Path(old), Path(new))
    for pane in (view.old_pane, view.new_pane):
        direction = pane.document().defaultTextOption().textDirection()
        assert direction == Qt.LayoutDirection.LeftToRight
    told = (list(view.old_pane.tops), list(view.new_pane.tops))
    monkeypatch.setattr(view_builder, "left_to_right_only", lambda doc, text: None)
    auto = _built(qtbot, Path(old), Path(new))
    assert auto.new_pane.document().defaultTextOption().textDirection() == (
        Qt.LayoutDirection.LayoutDirectionAuto
    )
    assert (auto.old_pane.tops, auto.new_pane.tops) == told


def test_a_pane_with_hebrew_keeps_working_its_directions_out(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("The minister spoke.\n\nHe left at noon.\n", encoding="utf-8")
    new.write_text(
        "The minister spoke.\n\n\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd.\n",
        encoding="utf-8",
    )
    view = _built(qtbot, old, new)
    left = Qt.LayoutDirection.LeftToRight
    assert view.old_pane.document().defaultTextOption().textDirection() == left
    doc = view.new_pane.document()
    assert doc.defaultTextOption().textDirection() == Qt.LayoutDirection.LayoutDirectionAuto
    directions = {doc.findBlockByNumber(n).textDirection() for n in range(doc.blockCount())}
    assert Qt.LayoutDirection.RightToLeft in directions and left in directions
