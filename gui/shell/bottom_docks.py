"""The docks under the panes (Changes, with Annotations tabbed behind it) never take
the panes' height for nothing.

- While the pair shown has no notes, the Annotations dock is put away (its tab
  too), unless it is the tab being looked at. It comes back behind Changes with the
  pair's first note; Alt+5 and View > Annotations show it at any time.
- When the window is made lower, the docks keep at most ``MAX_SHARE`` of its height:
  Qt keeps a dock's height as the window shrinks, so at 1024x700 the panes were left
  320 px while the docks kept 200. When it grows again (or is maximized) they get
  back the height they had, as far as the share allows; Qt would leave them low.
  Moving the separator in between makes the height chosen the one kept.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

MAX_SHARE = 0.24  # of the window's height, for the docks under the panes
SLACK = 4  # pixels: a dock this near the height it was left at was not moved by hand


class BottomDocks(QObject):
    """Puts the empty Annotations dock away and keeps the bottom docks low."""

    def __init__(
        self,
        window: QMainWindow,
        changes: QDockWidget,
        notes: QDockWidget,
        notes_model: QAbstractItemModel,
    ) -> None:
        super().__init__(window)
        self.window, self.changes, self.notes, self.model = window, changes, notes, notes_model
        # Hidden by us, not closed by the user. A saved layout does not tell which, so
        # a dock hidden at start comes back with notes too.
        self.put_away = notes.isHidden()
        self._height = -1
        self._wanted = 0  # the docks' height before they were kept low (0: none)
        self._left = 0  # the height they were left at
        for signal in (notes_model.modelReset, notes_model.rowsInserted, notes_model.rowsRemoved):
            signal.connect(self._on_notes_changed)
        window.installEventFilter(self)
        self._on_notes_changed()

    def _on_notes_changed(self, *_args: object) -> None:
        if self.model.rowCount() == 0:
            if not self.notes.isHidden() and not self._looked_at():
                self.put_away = True
                self.notes.hide()
        elif self.put_away:
            self.put_away = False
            self.notes.show()  # Qt makes a dock shown again its group's current tab
            if self.window.tabifiedDockWidgets(self.notes):
                QTimer.singleShot(0, self.changes.raise_)  # back behind Changes, as it was

    def _looked_at(self) -> bool:
        """Whether the notes dock is on screen (its tab raised) or has the focus. A dock
        behind another's tab counts as visible in Qt; it only has nothing on screen."""
        panel, focus = self.notes.widget(), self.window.focusWidget()
        on_screen = panel.isVisible() and not panel.visibleRegion().isEmpty()
        return on_screen or (focus is not None and panel.isAncestorOf(focus))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize:
            height = self.window.height()
            if height != self._height:
                QTimer.singleShot(0, self._fit)
            self._height = height
        return False

    def _docks(self) -> list[QDockWidget]:
        return [
            dock
            for dock in (self.changes, self.notes)
            if dock.isVisible()
            and not dock.isFloating()
            and self.window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
        ]

    def _fit(self) -> None:
        """The bottom docks at most ``MAX_SHARE`` of the window's height, and back up
        to the height they had before when the window grows."""
        docks = self._docks()
        if not docks:
            return
        height = max(dock.height() for dock in docks)
        if self._wanted and abs(height - self._left) > SLACK:
            self._wanted = 0  # the separator was moved: that height is kept
        most = int(self.window.height() * MAX_SHARE)
        if height > most:
            self._wanted = max(self._wanted, height)
            self._resize(docks, most)
        elif self._wanted and height < min(self._wanted, most):
            self._resize(docks, min(self._wanted, most))
            if self._left >= self._wanted:
                self._wanted = 0

    def _resize(self, docks: list[QDockWidget], height: int) -> None:
        self.window.resizeDocks(docks[:1], [height], Qt.Orientation.Vertical)
        self._left = height
