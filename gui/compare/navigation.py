"""Moving between changes: next/previous (skipping hidden minor ones) and showing one.

Showing a change scrolls the pane(s) holding it to a quarter of the height and
puts both panes' cursors at its block (the view frames it). The scroll of a moved
change's old side does not drag the new pane along.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtGui import QTextCursor

from gui.compare.changes import Change
from gui.compare.pane import DiffPane
from gui.compare.scroll_sync import ScrollSync


def neighbour(
    changes: Sequence[Change],
    current: int,
    step: int,
    hide_minor: bool,
    flagged: Collection[int] | None = None,
) -> int:
    """The change next/previous (``step`` +1/-1) from ``current`` that navigation stops at.

    With ``hide_minor`` punctuation-only changes are skipped; with ``flagged`` (the
    blocks holding a risky-edit flag) every change of another block. At either end
    the current change stays; with none current, the first (or last) is taken.
    """
    shown = [
        i
        for i, c in enumerate(changes)
        if not (hide_minor and c.minor) and (flagged is None or c.block in flagged)
    ]
    if not shown:
        return -1
    if current < 0:
        return shown[0] if step > 0 else shown[-1]
    ahead = [i for i in shown if (i > current if step > 0 else i < current)]
    if ahead:
        return ahead[0] if step > 0 else ahead[-1]
    if current in shown:
        return current
    return shown[-1] if step > 0 else shown[0]


def show_change(change: Change, old_pane: DiffPane, new_pane: DiffPane, sync: ScrollSync) -> None:
    """Put both cursors at ``change``'s block and scroll to it (its rows are built).

    The cursors first: a text cursor scrolls its pane to itself, and the scroll sync
    drags the other pane along; the scroll to the change has the last word."""
    _place_cursor(old_pane, change.block)
    _place_cursor(new_pane, change.block)
    third = new_pane.viewport().height() // 4
    if change.new_row >= 0:
        _scroll_to(new_pane, change.new_row, third, sync, follow=True)
    if change.kind == "moved" or change.new_row < 0:
        _scroll_to(old_pane, change.old_row, third, sync, follow=change.new_row < 0)


def _scroll_to(pane: DiffPane, row: int, margin: int, sync: ScrollSync, follow: bool) -> None:
    y = max(round(pane.row_tops()[row]) - margin, 0)
    if follow:
        pane.verticalScrollBar().setValue(y)
        return
    sync.mapping, mapping = None, sync.mapping
    pane.verticalScrollBar().setValue(y)
    sync.mapping = mapping


def _place_cursor(pane: DiffPane, block: int) -> None:
    """Put the text cursor at the start of ``block`` without selecting it (the view
    frames the current change; Ctrl+M then annotates both its sides)."""
    assert pane.plan is not None
    number = pane.plan.numbers.get(block)
    if number is None:  # no text of the block on this side: the cursor stays, unselected
        cursor = pane.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            pane.setTextCursor(cursor)
        return
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.document().findBlockByNumber(number).position())
    pane.setTextCursor(cursor)
