"""Hover and click in one pane show the corresponding text in the other.

Over an equal op the counterpart is that op's text on the other side, elsewhere the
whole other side of the block. Hovering outlines it; clicking selects it, scrolls
to it and makes its change the current one. Text selected in one pane (a drag, a
double-click on a word) clears the other pane's selection: the first click of a
double-click had selected the counterpart there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from core.model import Comparison
from gui.common.styles import Colours
from gui.compare.pane import DiffPane


def counterpart(comparison: Comparison | None, source: DiffPane, side: str, position: int):  # type: ignore[no-untyped-def]
    """(block, start, end) in the other document for pane ``position``, or None."""
    pane_block = source.pane_block_at(position) if position >= 0 else None
    offset = source.offset_at(position) if pane_block is not None else None
    if pane_block is None or offset is None or comparison is None:
        return None
    index = pane_block.block_at(comparison.blocks, side, offset)  # type: ignore[arg-type]
    block = comparison.blocks[index]
    for op in block.ops:
        here, there = (op.old, op.new) if side == "old" else (op.new, op.old)
        if op.op == "equal" and here and there and here[0] <= offset < here[1]:
            return index, there[0], there[1]
    other = block.new if side == "old" else block.old
    return (index, other[0], other[1]) if other else None


class Counterparts(QObject):
    """Connects both panes' hover and click signals to the other pane.

    ``comparison`` and ``colours`` give what is shown now; ``make_current`` makes a
    block's change the current one (the view's navigation).
    """

    def __init__(
        self,
        old_pane: DiffPane,
        new_pane: DiffPane,
        comparison: Callable[[], Comparison | None],
        colours: Callable[[], Colours],
        make_current: Callable[[int], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.old_pane, self.new_pane = old_pane, new_pane
        self.comparison, self.colours, self.make_current = comparison, colours, make_current
        old, new = old_pane, new_pane
        old.position_hovered.connect(self._on_old_pane_position_hovered)
        new.position_hovered.connect(self._on_new_pane_position_hovered)
        old.position_clicked.connect(self._on_old_pane_position_clicked)
        new.position_clicked.connect(self._on_new_pane_position_clicked)
        old.selectionChanged.connect(self._on_old_pane_selection_changed)
        new.selectionChanged.connect(self._on_new_pane_selection_changed)

    def _on_old_pane_selection_changed(self) -> None:
        _clear_if_selected(self.old_pane, self.new_pane)

    def _on_new_pane_selection_changed(self) -> None:
        _clear_if_selected(self.new_pane, self.old_pane)

    def _on_old_pane_position_hovered(self, position: int) -> None:
        self._show(self.old_pane, self.new_pane, "old", position)

    def _on_new_pane_position_hovered(self, position: int) -> None:
        self._show(self.new_pane, self.old_pane, "new", position)

    def _on_old_pane_position_clicked(self, position: int) -> None:
        self._select(self.old_pane, self.new_pane, "old", position)

    def _on_new_pane_position_clicked(self, position: int) -> None:
        self._select(self.new_pane, self.old_pane, "new", position)

    def _cursor(
        self, source: DiffPane, target: DiffPane, side: str, position: int
    ) -> QTextCursor | None:
        found = counterpart(self.comparison(), source, side, position)
        if found is None or target.plan is None:
            return None
        number = target.plan.numbers.get(found[0])
        if number is None or number >= len(target.plan.blocks):
            return None
        if target.document().blockCount() <= number + 1:
            return None  # not built yet
        cursor = QTextCursor(target.document())
        cursor.setPosition(target.position_of(number, found[1]))
        cursor.setPosition(target.position_of(number, found[2]), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _show(self, source: DiffPane, target: DiffPane, side: str, position: int) -> None:
        cursor = self._cursor(source, target, side, position)
        selections = []
        if cursor is not None:
            colours = self.colours()
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor  # type: ignore[attr-defined]
            selection.format.setBackground(QColor(colours.counterpart))  # type: ignore[attr-defined]
            selection.format.setProperty(  # type: ignore[attr-defined]
                QTextCharFormat.Property.OutlinePen, QColor(colours.current)
            )
            selections.append(selection)
        target.setExtraSelections(selections)
        source.setExtraSelections([])

    def _select(self, source: DiffPane, target: DiffPane, side: str, position: int) -> None:
        cursor = self._cursor(source, target, side, position)
        if cursor is not None:
            target.setTextCursor(cursor)
            target.ensureCursorVisible()
        found = counterpart(self.comparison(), source, side, position)
        if found is not None:
            self.make_current(found[0])


def _clear_if_selected(source: DiffPane, other: DiffPane) -> None:
    """Clear ``other``'s selection once ``source`` has one."""
    if source.textCursor().hasSelection() and other.textCursor().hasSelection():
        cursor = other.textCursor()
        cursor.clearSelection()
        other.setTextCursor(cursor)
