"""Scroll sync between the panes: the core position map plus a re-entrancy guard.

Rows start at the same height in both panes, so the row under the top edge is the
same on both sides. Inside a row the top line's document offset is mapped to the
other text with ``core.engine.position_map`` and turned into pixels; in a row's padding
(or where the mapping leaves the row) the other pane moves proportionally, so the
next row starts together again. Line numbers are never used.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from core.engine.position_map import PositionMap
from gui.compare.pane import DiffPane


class ScrollSync(QObject):
    """Keeps the two panes' vertical scroll positions in correspondence."""

    def __init__(self, old_pane: DiffPane, new_pane: DiffPane) -> None:
        super().__init__(old_pane)
        self.old_pane, self.new_pane = old_pane, new_pane
        self.mapping: PositionMap | None = None
        self._busy = False
        old_pane.verticalScrollBar().valueChanged.connect(self._on_old_scroll_value_changed)
        new_pane.verticalScrollBar().valueChanged.connect(self._on_new_scroll_value_changed)

    def _on_old_scroll_value_changed(self, value: int) -> None:
        if self.mapping is not None:
            self.follow(self.old_pane, self.new_pane, value, self.mapping.old_to_new)

    def _on_new_scroll_value_changed(self, value: int) -> None:
        if self.mapping is not None:
            self.follow(self.new_pane, self.old_pane, value, self.mapping.new_to_old)

    def follow(
        self, source: DiffPane, target: DiffPane, value: int, to_other: Callable[[int], int]
    ) -> None:
        """Scroll ``target`` to correspond to ``source`` scrolled to ``value``."""
        if self._busy or source.plan is None or target.plan is None:
            return
        self._busy = True
        try:
            target.verticalScrollBar().setValue(round(target_y(source, target, value, to_other)))
        finally:
            self._busy = False


def target_y(source: DiffPane, target: DiffPane, y: float, to_other: Callable[[int], int]) -> float:
    """The document y of ``target`` that corresponds to document ``y`` of ``source``."""
    tops = source.row_tops()
    if not tops:
        return y
    row = source.row_at(y)
    top = tops[row]
    end = tops[row + 1] if row + 1 < len(tops) else source.document().size().height()
    height = max(end - top, 1.0)
    d = y - top
    own, other = source.content_height(row), target.content_height(row)
    if own <= 0 or other <= 0:
        return top + d
    if d >= own:
        if height - own <= 0:
            return top + d
        return top + other + (d - own) * (height - other) / (height - own)
    mapped = _mapped_y(source, target, row, y, to_other)
    if mapped is None:
        return top + d * other / own
    return min(max(mapped, top), top + other)


def _mapped_y(
    source: DiffPane, target: DiffPane, row: int, y: float, to_other: Callable[[int], int]
) -> float | None:
    position = source.position_at_y(y)
    offset = source.offset_at(position)
    if offset is None or target.plan is None:
        return None
    wanted = to_other(offset)
    first, last = target.plan.row_first[row], target.plan.row_last[row]
    for number in range(first, last + 1):
        span = target.plan.blocks[number].span
        if span is not None and span[0] <= wanted <= span[1]:
            target_line = target.y_of_position(target.position_of(number, wanted))
            return target_line + (y - source.y_of_position(position))
    return None
