"""The pair's own panels are put away while another page takes the pairwise view's place.

The change list and the annotations (docks), the status bar's summary of the
comparison and the reload bar all speak of the pair in the pairwise view. While the
N-way grid or the similarity matrix is the page shown, they would show the last
pair's changes and counts beside a page that says something else (an editor saw the
grid above the last pair's change list, its similarity in the status bar). So they
are hidden then, and the actions that would show them again or act on the hidden
pair (the docks' View items, their Go To keys, Next/Previous Change, Swap Sides...)
are disabled. When the pairwise view (or the empty state standing for it) is shown
again, after *Back to Comparison* or a cell opened as a pair, each comes back as it
was: a dock the editor had closed stays closed, the tab that was raised is raised.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QStackedWidget, QWidget


class PairPanels(QObject):
    """Hides ``docks`` and ``widgets`` (and disables ``actions``) while ``stack``
    shows a page other than ``pair_pages``."""

    def __init__(
        self,
        stack: QStackedWidget,
        pair_pages: Sequence[QWidget],
        docks: Sequence[QDockWidget],
        widgets: Sequence[QWidget],
        actions: Sequence[QAction],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.stack, self.pair_pages = stack, tuple(pair_pages)
        self.docks, self.widgets, self.actions = tuple(docks), tuple(widgets), tuple(actions)
        self.away = False
        self._shown: list[QWidget] = []  # what was on show when put away
        self._raised: list[QDockWidget] = []  # the docks whose tab was the one raised
        self._enabled: list[bool] = []
        stack.currentChanged.connect(self._on_stack_current_changed)
        self._on_stack_current_changed(stack.currentIndex())

    def _on_stack_current_changed(self, _index: int) -> None:
        if self.stack.currentWidget() in self.pair_pages:
            self.bring_back()
        else:
            self.put_away()

    def put_away(self) -> None:
        """Hide the pair's panels and disable its actions (remembering their state)."""
        if self.away:
            return
        self.away = True
        self._shown = [w for w in (*self.docks, *self.widgets) if not w.isHidden()]
        # A dock behind another's tab is "visible" to Qt; only the raised one is on screen.
        self._raised = [d for d in self.docks if d.isVisible() and not d.visibleRegion().isEmpty()]
        self._enabled = [action.isEnabled() for action in self.actions]
        for widget in self._shown:
            widget.hide()
        for dock in self.docks:  # (so that Ctrl+Tab passes them by)
            dock.setEnabled(False)
        for action in self.actions:
            action.setEnabled(False)

    def bring_back(self) -> None:
        """Show again what was on show, as it was; enable the actions as they were."""
        if not self.away:
            return
        self.away = False
        for dock in self.docks:
            dock.setEnabled(True)
        for widget in self._shown:
            widget.show()
        for dock in self._raised:
            dock.raise_()
        for action, enabled in zip(self.actions, self._enabled):
            action.setEnabled(enabled)
        self._shown, self._raised, self._enabled = [], [], []
