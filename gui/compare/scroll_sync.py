"""Scroll sync between the panes: equal scroll positions, with a re-entrancy guard.

``gui.compare.view_builder`` pads every row so that it starts at the same height in
both panes and both documents end at the same height. Corresponding text therefore
stands at the same document y on both sides, and the panes stay aligned exactly when
both are scrolled to the same value: no mapping inside a row, so nothing can drift
(a mapping that let the shorter side of a tall row lag behind left the unchanged
sentences below it hundreds of pixels apart). Line numbers are never used.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from core.engine.position_map import PositionMap
from gui.compare.pane import DiffPane


class ScrollSync(QObject):
    """Keeps the two panes scrolled to the same position.

    Sync is on while ``mapping`` (the comparison's position map) is set; callers
    clear it for a moment to scroll one pane on its own (a moved change).
    """

    def __init__(self, old_pane: DiffPane, new_pane: DiffPane) -> None:
        super().__init__(old_pane)
        self.old_pane, self.new_pane = old_pane, new_pane
        self.mapping: PositionMap | None = None
        self._busy = False
        old_pane.verticalScrollBar().valueChanged.connect(self._on_old_scroll_value_changed)
        new_pane.verticalScrollBar().valueChanged.connect(self._on_new_scroll_value_changed)

    def _on_old_scroll_value_changed(self, value: int) -> None:
        if self.mapping is not None:
            self.follow(self.old_pane, self.new_pane, value)

    def _on_new_scroll_value_changed(self, value: int) -> None:
        if self.mapping is not None:
            self.follow(self.new_pane, self.old_pane, value)

    def follow(self, source: DiffPane, target: DiffPane, value: int) -> None:
        """Scroll ``target`` to correspond to ``source`` scrolled to ``value``."""
        if self._busy or source.plan is None or target.plan is None:
            return
        self._busy = True
        try:
            target.verticalScrollBar().setValue(value)
        finally:
            self._busy = False
