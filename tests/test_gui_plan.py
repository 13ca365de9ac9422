"""UTF-16 conversion, row layout and pane highlights with hand-built comparisons."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from core.engine.position_map import position_map
from core.engine.rows import build_rows
from core.model import Block, CompareOptions, Comparison, Document, Op, Stats
from gui.common.styles import STYLE_PROPERTY
from gui.common.utf16 import Utf16Index, display_text, utf16_length
from gui.compare.changes import summarize_changes
from gui.compare.plan import ViewOptions, build_plan
from gui.compare.result import CompareRequest, CompareResult
from gui.compare.view import CompareView

STATS = Stats(0.5, 1, 1, 1, 0, 0, 0)


def test_utf16_round_trip_with_emoji() -> None:
    text = "a😀b𝄞😀c"
    index = Utf16Index(text)
    assert [index.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 8, 9]
    for i in range(len(text) + 1):
        assert index.to_code_point(index.to_utf16(i)) == i
    assert utf16_length(text) == 9


def test_display_text_keeps_length() -> None:
    raw = "a\r\nb\rc\x1cd\u202e\u2029e\x00"
    shown = display_text(raw)
    assert len(shown) == len(raw)
    assert "\n" not in shown and "\r" not in shown and "\u202e" not in shown


def _comparison(old: str, new: str, blocks: list[Block]) -> Comparison:
    return Comparison(
        Document("old.txt", old), Document("new.txt", new), CompareOptions(), STATS, tuple(blocks)
    )


def _emoji_comparison() -> Comparison:
    old = "😀 big dog ran.\nGone now."
    new = "😀 small dog ran.\n🎉 Fresh line."
    blocks = [
        Block(
            "changed",
            (0, 14),
            (0, 16),
            (
                Op("equal", (0, 1), (0, 1)),
                Op("delete", (2, 5), None),
                Op("insert", None, (2, 7)),
                Op("equal", (6, 14), (8, 16), exact=True),
            ),
        ),
        Block("deleted", (15, 24), None, (Op("delete", (15, 24), None),)),
        Block("inserted", None, (17, 30), (Op("insert", None, (17, 30)),)),
    ]
    return _comparison(old, new, blocks)


def test_rows_pair_anchors_and_gaps() -> None:
    rows = build_rows(_emoji_comparison().blocks)
    assert [(r.kind, r.old, r.new) for r in rows] == [("aligned", (0,), (0,)), ("gap", (1,), (2,))]


def test_crossing_blocks_become_gaps() -> None:
    blocks = [
        Block("equal", (10, 20), (0, 10), ()),
        Block("equal", (0, 9), (11, 20), ()),
    ]
    rows = build_rows(blocks)
    assert sum(r.kind == "aligned" for r in rows) == 1


def test_collapse_unchanged_runs() -> None:
    blocks = [Block("equal", (i * 3, i * 3 + 2), (i * 3, i * 3 + 2), ()) for i in range(4)]
    blocks.insert(2, Block("inserted", None, (5, 6), ()))
    rows = build_rows(blocks, only_changed=True)
    assert [r.kind for r in rows] == ["collapsed", "gap", "collapsed"]
    assert rows[0].hidden == (0, 1)
    expanded = build_rows(blocks, only_changed=True, expanded=frozenset({0}))
    assert [r.kind for r in expanded] == ["aligned", "aligned", "gap", "collapsed"]


def highlighted(pane, index: Utf16Index) -> dict[str, set[int]]:
    """Code points of the document under each highlight style in ``pane``."""
    found: dict[str, set[int]] = {}
    block = pane.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            style = fragment.charFormat().property(STYLE_PROPERTY)
            if style:
                for pos in range(fragment.position(), fragment.position() + fragment.length()):
                    offset = pane.offset_at(pos)
                    if offset is not None:
                        found.setdefault(style, set()).add(offset)
            it += 1
        block = block.next()
    return found


def show(qtbot, comparison: Comparison, options: ViewOptions | None = None) -> CompareView:
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    plan = build_plan(comparison, options or ViewOptions())
    view.show_result(
        CompareResult(
            CompareRequest("a", "b"), plan, summarize_changes(plan), position_map(comparison)
        )
    )
    return view


def test_highlights_do_not_drift_after_emoji(qtbot) -> None:
    comparison = _emoji_comparison()
    view = show(qtbot, comparison)
    old = highlighted(view.old_pane, view.result.plan.old_index)
    new = highlighted(view.new_pane, view.result.plan.new_index)
    assert old["word_deleted"] == set(range(2, 5))
    assert old["deleted"] == set(range(15, 24))
    assert new["word_inserted"] == set(range(2, 7))
    assert new["inserted"] == set(range(17, 30))
    cursor = QTextCursor(view.new_pane.document())
    pos = view.new_pane.position_of(0, 2)
    cursor.setPosition(pos)
    cursor.setPosition(view.new_pane.position_of(0, 7), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "small"


def test_trivial_differences_can_be_hidden(qtbot) -> None:
    old, new = "Eight - minute video", "eight-minute video"
    comparison = _comparison(
        old,
        new,
        [
            Block(
                "equal",
                (0, 20),
                (0, 18),
                (Op("equal", (0, 14), (0, 12), exact=False), Op("equal", (15, 20), (13, 18))),
            )
        ],
    )
    shown = show(qtbot, comparison)
    assert highlighted(shown.old_pane, shown.result.plan.old_index)["trivial"] == set(range(14))
    hidden = show(qtbot, comparison, ViewOptions(show_trivial=False))
    assert highlighted(hidden.old_pane, hidden.result.plan.old_index) == {}


def test_hover_counterpart(qtbot) -> None:
    view = show(qtbot, _emoji_comparison())
    pos = view.old_pane.position_of(0, 7)  # inside "dog"
    assert view.counterpart(view.old_pane, "old", pos) == (0, 8, 16)


@pytest.mark.parametrize("width", [900, 500])
def test_rows_aligned_in_both_panes(qtbot, width: int) -> None:
    view = show(qtbot, _emoji_comparison())
    view.resize(width, 400)
    qtbot.waitUntil(lambda: view.old_pane.viewport().width() < width)
    view.align()
    assert view.old_pane.row_tops() == pytest.approx(view.new_pane.row_tops(), abs=1)


def test_dark_palette_switches_colours(qtbot) -> None:
    from PySide6.QtGui import QColor, QPalette

    from gui.common.styles import DARK

    view = show(qtbot, _emoji_comparison())
    palette = view.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    view.setPalette(palette)
    assert view.colours is DARK
    assert view.old_pane.row_tops() == pytest.approx(view.new_pane.row_tops(), abs=1)


def test_punctuation_only_blocks_are_minor_and_marked() -> None:
    old, new = "a cat sat\nthe dog ran", "a cat sat .\nthe cat ran"
    blocks = [
        Block(
            "changed", (0, 9), (0, 11), (Op("equal", (0, 9), (0, 9)), Op("insert", None, (9, 11)))
        ),
        Block(
            "changed",
            (10, 21),
            (12, 23),
            (
                Op("equal", (10, 14), (12, 16)),
                Op("delete", (14, 17), None),
                Op("insert", None, (16, 19)),
                Op("equal", (17, 21), (19, 23)),
            ),
        ),
    ]
    comparison = _comparison(old, new, blocks)
    plan = build_plan(comparison, ViewOptions())
    assert plan.minor == frozenset({0})
    assert plan.new.marks == ("punctuation", "changed")
    changes = summarize_changes(plan)
    assert [c.minor for c in changes] == [True, False]
    assert (changes[0].deleted_words, changes[0].inserted_words) == (0, 0)


def test_partial_plan_is_a_prefix_of_the_full_plan() -> None:
    text = "".join(f"Sentence {i} is here. " for i in range(30))
    changed = text.replace("Sentence 7 ", "Phrase 7 ")
    from core.engine.compare import compare
    from core.text.document import document_from_text

    comparison = compare(document_from_text(text), document_from_text(changed))
    full = build_plan(comparison, ViewOptions())
    assert len(full.rows) > 3
    part = build_plan(comparison, ViewOptions(), limit=3)
    assert part.partial and not full.partial and len(part.rows) == 3
    for side in ("old", "new"):
        p, f = getattr(part, side), getattr(full, side)
        assert f.text.startswith(p.text)
        assert f.blocks[: len(p.blocks)] == p.blocks
        assert f.highlights[: len(p.highlights)] == p.highlights
    assert full.twins[:3] == part.twins


@pytest.mark.parametrize("preview", [False, True])
def test_builder_in_small_slices_keeps_rows_aligned(qtbot, monkeypatch, preview: bool) -> None:
    import gui.compare.view_builder

    monkeypatch.setattr(gui.compare.view_builder, "SLICE_SECONDS", 0.0)
    monkeypatch.setattr(gui.compare.view_builder, "RUN_CHARS", 10)
    old = "".join(f"Line {i} says little. " + ("Extra words. " if i % 3 else "") for i in range(40))
    new = old.replace("Line 5 ", "Row 5 and more words to wrap ").replace("Line 20 ", "")
    from core.engine.compare import compare
    from core.text.document import document_from_text

    comparison = compare(document_from_text(old), document_from_text(new))
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    full = build_plan(comparison, ViewOptions())
    result = CompareResult(
        CompareRequest("a", "b"), full, summarize_changes(full), position_map(comparison)
    )
    if preview:
        part = build_plan(comparison, ViewOptions(), limit=4)
        view.show_result(CompareResult(result.request, part, (), None))
        assert view.builder.busy
        qtbot.waitUntil(lambda: len(view.new_pane.tops) == 4)
    with qtbot.waitSignal(view.build_finished, timeout=10000):
        view.show_result(result)
    assert len(view.old_pane.tops) == len(full.rows)
    assert view.old_pane.row_tops() == pytest.approx(view.new_pane.row_tops(), abs=0.01)
    assert view.old_pane.document().size().height() == pytest.approx(
        view.new_pane.document().size().height()
    )
    assert view.old_pane.toPlainText() == full.old.text + "\n"
    assert view.new_pane.toPlainText() == full.new.text + "\n"
    assert all(link is not None for link in view.decorations.links)
