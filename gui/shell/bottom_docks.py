"""The docks under the panes (Changes, with Annotations tabbed behind it) never take
the panes' height for nothing.

- While the pair shown has no notes, the Annotations dock is put away (its tab
  too), unless it is the tab being looked at. It comes back behind Changes with the
  pair's first note; Alt+5 and View > Annotations show it at any time.
- When the window is made lower, the docks keep at most ``MAX_SHARE`` of its height:
  Qt keeps a dock's height as the window shrinks, so at 1024x700 the panes were left
  320 px while the docks kept 200.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

MAX_SHARE = 0.24  # of the window's height, for the docks under the panes


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
            if height < self._height or self._height < 0:
                QTimer.singleShot(0, self._keep_low)
            self._height = height
        return False

    def _keep_low(self) -> None:
        """The bottom docks at most ``MAX_SHARE`` of the window's height."""
        most = int(self.window.height() * MAX_SHARE)
        docks = [
            dock
            for dock in (self.changes, self.notes)
            if dock.isVisible()
            and not dock.isFloating()
            and self.window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
        ]
        if docks and max(dock.height() for dock in docks) > most:
            self.window.resizeDocks(docks[:1], [most], Qt.Orientation.Vertical)
