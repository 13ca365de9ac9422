"""A long span is shown in pieces Qt lays out quickly, built over several slices."""

from __future__ import annotations

import itertools

from PySide6.QtGui import QTextCursor
from test_gui_plan import _comparison, highlighted

from core.engine.position_map import position_map
from core.model import Block, Op
from gui.common.utf16 import Utf16Index
from gui.compare.changes import summarize_changes
from gui.compare.plan import PIECE_CHARS, RUN_CHARS, ViewOptions, build_plan, piece_cuts
from gui.compare.result import CompareRequest, CompareResult
from gui.compare.view import CompareView
from gui.compare.view_builder import RUN_CHARS as ROW_CHARS


def test_piece_cuts_bound_runs_and_pieces() -> None:
    assert piece_cuts("short text", 0, 10) == []
    quotes = '"' * (5 * RUN_CHARS + 7)
    assert piece_cuts(quotes, 0, len(quotes)) == [RUN_CHARS * k for k in range(1, 6)]
    prose = "word " * (3 * PIECE_CHARS // 5)
    cuts = piece_cuts(prose, 0, len(prose))
    bounds = [0, *cuts, len(prose)]
    assert all(0 < b - a <= PIECE_CHARS for a, b in itertools.pairwise(bounds))
    assert all(prose[c - 1] == " " for c in cuts)  # prose is cut between words
    mixed = "a b " + "x" * (2 * RUN_CHARS + 3) + " tail"
    cuts = piece_cuts(mixed, 0, len(mixed))
    bounds = [0, *cuts, len(mixed)]
    assert max(len(mixed[a:b].split(" ")[-1]) for a, b in itertools.pairwise(bounds)) <= RUN_CHARS


def _huge(qtbot, monkeypatch, old: str, new: str, blocks: list[Block]) -> CompareView:
    comparison = _comparison(old, new, blocks)
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    plan = build_plan(comparison, ViewOptions())
    result = CompareResult(
        CompareRequest("a", "b"), plan, summarize_changes(plan), position_map(comparison)
    )
    inserted: list[int] = []  # characters inserted per edit, on either side
    monkeypatch.setattr(QTextCursor, "insertText", _counting(QTextCursor.insertText, inserted))
    with qtbot.waitSignal(view.build_finished, timeout=60000):
        view.show_result(result)
    view.inserted = inserted  # type: ignore[attr-defined]
    return view


def _counting(insert, inserted: list[int]):
    def counted(cursor, text, *args):
        inserted.append(len(text))
        return insert(cursor, text, *args)

    return counted


def test_a_huge_row_without_spaces_is_built_in_pieces_over_slices(qtbot, monkeypatch) -> None:
    n = 60 * RUN_CHARS  # 120,000 quotes: one Qt block would take seconds to lay out
    old = '"' * n
    new = '"' * (n // 2) + "word" + '"' * (n // 2)
    ops = (
        Op("equal", (0, n // 2), (0, n // 2)),
        Op("insert", None, (n // 2, n // 2 + 4)),
        Op("equal", (n // 2, n), (n // 2 + 4, n + 4)),
    )
    view = _huge(qtbot, monkeypatch, old, new, [Block("changed", (0, n), (0, n + 4), ops)])
    for pane in (view.old_pane, view.new_pane):
        block = pane.document().begin()
        while block.isValid():
            assert block.length() <= RUN_CHARS + 1
            block = block.next()
        assert pane.toPlainText().replace("\n", "") == pane.text
    assert max(view.inserted) <= ROW_CHARS + RUN_CHARS  # one short edit per step
    assert highlighted(view.new_pane, Utf16Index(new)) == {
        "word_inserted": set(range(n // 2, n // 2 + 4))
    }
    old_height = view.old_pane.heights[0]
    new_height = view.new_pane.heights[0]
    assert abs(old_height - new_height) < 30  # one line at most: "word" is 4 more chars
    # Counterpart and copy map through the pieces to the document's offsets.
    position = view.new_pane.position_of(0, n // 2 + 2)
    assert view.new_pane.offset_at(position) == n // 2 + 2
    cursor = view.new_pane.textCursor()
    cursor.setPosition(view.new_pane.position_of(0, n // 2 - 3))
    cursor.setPosition(view.new_pane.position_of(0, n // 2 + 7), cursor.MoveMode.KeepAnchor)
    view.new_pane.setTextCursor(cursor)
    assert view.new_pane.createMimeDataFromSelection().text() == new[n // 2 - 3 : n // 2 + 7]
