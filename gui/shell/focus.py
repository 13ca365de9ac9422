"""Reaching every part of the window from the keyboard.

View > Go To holds one key per region: the document list (Ctrl+L, Alt+1), the old
and new panes (Alt+2, Alt+3), the changes (Alt+4) and the annotations (Alt+5);
Ctrl+Tab and Ctrl+Shift+Tab step through the regions in that order. Tab leaves the
tables and the panes (it never moves from cell to cell), so Tab also walks the
regions. A hidden dock is shown and raised when its region is reached.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QMenu,
    QTextEdit,
    QWidget,
)


@dataclass(frozen=True)
class Region:
    """One part of the window the keys reach: what to focus, the dock holding it."""

    name: str
    keys: tuple[str, ...]
    widget: Callable[[], QWidget]  # the widget shown now (the family tree or the list)
    dock: QDockWidget | None = None


class FocusKeys(QObject):
    """The Go To actions of ``window`` over ``regions`` (in Ctrl+Tab order)."""

    def __init__(self, window: QWidget, regions: list[Region], menu: QMenu) -> None:
        super().__init__(window)
        self.regions = regions
        self.actions: list[QAction] = []
        for region in regions:
            action = self._action(window, f"Go to {region.name}", region.keys)
            action.triggered.connect(lambda _=False, r=region: self.focus(r))
            self.actions.append(action)
        self.next_action = self._action(window, "Next Part of the Window", ("Ctrl+Tab",))
        self.previous_action = self._action(
            window, "Previous Part of the Window", ("Ctrl+Shift+Tab", "Ctrl+Backtab")
        )
        self.next_action.triggered.connect(lambda: self.step(+1))
        self.previous_action.triggered.connect(lambda: self.step(-1))
        menu.addActions([*self.actions, self.next_action, self.previous_action])
        widgets = [region.widget() for region in regions]
        for widget in widgets:
            leave_with_tab(widget)
        for first, second in pairwise(widgets):
            QWidget.setTabOrder(first, second)

    @staticmethod
    def _action(window: QWidget, text: str, keys: tuple[str, ...]) -> QAction:
        action = QAction(text, window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(action)
        return action

    def focus(self, region: Region) -> None:
        """Give ``region`` the keyboard focus (showing its dock if hidden)."""
        if region.dock is not None:
            region.dock.show()
            region.dock.raise_()
        widget = region.widget()
        leave_with_tab(widget)
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def action_for(self, name: str) -> QAction:
        """The Go To action of the region called ``name``."""
        return self.actions[[region.name for region in self.regions].index(name)]

    def focus_documents(self) -> None:
        """Focus the first region (the document list)."""
        self.focus(self.regions[0])

    def current(self) -> int:
        """Index of the region holding the focus, -1 if none does."""
        focused = QApplication.focusWidget()
        for i, region in enumerate(self.regions):
            if focused is not None and region.widget().isAncestorOf(focused):
                return i  # (a widget counts as its own ancestor)
        return -1

    def step(self, direction: int) -> None:
        """Focus the next (+1) or previous (-1) region that can be shown."""
        start = self.current()
        count = len(self.regions)
        for k in range(1, count + 1):
            region = self.regions[(start + direction * k) % count]
            if region.widget().isEnabled() and (
                region.dock is not None or region.widget().isVisibleTo(region.widget().window())
            ):
                self.focus(region)
                return


def leave_with_tab(widget: QWidget) -> None:
    """Tab moves the focus out of ``widget`` instead of inside it."""
    if isinstance(widget, QAbstractItemView):
        widget.setTabKeyNavigation(False)
    elif isinstance(widget, QTextEdit):
        widget.setTabChangesFocus(True)
    if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
