"""The link map's links and the overview strip's marks, added as rows get built.

Changes are listed in row order, so each build step adds the changes of the rows it
built; a moved change waits until both of its rows exist. Minor (punctuation-only)
changes are drawn faint. Entries stay at their change's index, so marking the
current change replaces two entries.
"""

from __future__ import annotations

import dataclasses

from gui.common.styles import Colours
from gui.compare.changes import Change
from gui.compare.link_map import Link, LinkMap
from gui.compare.overview import Mark, OverviewStrip
from gui.compare.pane import DiffPane


def is_built(change: Change, built: int) -> bool:
    """Whether both rows of ``change`` are among the first ``built`` rows."""
    return max(change.old_row, change.new_row) < built


class Decorations:
    """Feeds the link map and the overview strip from the panes' geometry."""

    def __init__(self, panes: tuple[DiffPane, DiffPane], links: LinkMap, strip: OverviewStrip):
        self.panes, self.link_map, self.overview = panes, links, strip
        self.changes: tuple[Change, ...] = ()
        self.links: list[Link | None] = []
        self.marks: list[Mark | None] = []
        self.current = -1
        self._next = 0
        self._waiting: list[int] = []

    def reset(self, changes: tuple[Change, ...], current: int = -1) -> None:
        """Start over for ``changes`` (nothing built yet)."""
        self.changes, self.current = changes, current
        self.links, self.marks = [None] * len(changes), [None] * len(changes)
        self._next, self._waiting = 0, []

    def add_built(self, built: int) -> None:
        """Add the entries of the changes whose rows are built."""
        waiting = []
        for i in self._waiting:
            if is_built(self.changes[i], built):
                self._add(i)
            else:
                waiting.append(i)
        while self._next < len(self.changes) and self.changes[self._next].row < built:
            i = self._next
            if is_built(self.changes[i], built):
                self._add(i)
            else:
                waiting.append(i)
            self._next += 1
        self._waiting = waiting

    def _add(self, i: int) -> None:
        change = self.changes[i]
        old_top, old_bottom = self._extent(self.panes[0], change, change.old_row)
        new_top, new_bottom = self._extent(self.panes[1], change, change.new_row)
        current = i == self.current
        self.links[i] = Link(
            change.kind, old_top, old_bottom, new_top, new_bottom, current, change.minor
        )
        moved = change.kind == "moved"
        self.marks[i] = Mark(
            change.kind,
            new_top if moved else min(old_top, new_top),
            new_bottom if moved else max(old_bottom, new_bottom),
            change.minor,
        )

    @staticmethod
    def _extent(pane: DiffPane, change: Change, row: int) -> tuple[float, float]:
        assert pane.plan is not None
        number = pane.plan.numbers.get(change.block)
        if number is not None:
            return pane.block_extent(number)
        top = pane.tops[row if row >= 0 else change.row]
        return top, top

    def set_current(self, index: int) -> None:
        """Draw change ``index`` as the current one."""
        for i, current in ((self.current, False), (index, True)):
            link = self.links[i] if 0 <= i < len(self.links) else None
            if link is not None:
                self.links[i] = dataclasses.replace(link, current=current)
        self.current = index

    def push(self, colours: Colours, total_height: float) -> None:
        """Hand the entries to the widgets (they repaint)."""
        self.link_map.set_links(self.links, colours)
        self.overview.set_marks(self.marks, total_height, colours)
