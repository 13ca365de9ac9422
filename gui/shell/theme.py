"""View > Theme: the system's colours, or Redline's light or dark palette (remembered).

The system theme is the style and palette the application started with; Light and
Dark use the Fusion style with a fixed palette, so they look the same everywhere.
In the dark palette a checked toolbar button gets the selection colour: Fusion's
own checked shade is barely darker than the bar.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QStyleFactory

from gui.common.context import AppContext
from gui.common.styles import dark_palette

LABELS = {"system": "&System", "light": "&Light", "dark": "&Dark"}
DARK_CHECKED = (
    "QToolBar QToolButton:checked { background-color: #3d6fb4; color: #ffffff;"
    " border: 1px solid #7aa3dc; border-radius: 3px; }"
)


class Themes(QObject):
    """The Theme menu under ``menu``; applies and remembers the choice in ``context``."""

    def __init__(self, context: AppContext, menu: QMenu, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.app = app
        self.system_style = app.style().name()
        self.system_palette = QPalette(app.palette())
        self.system_sheet = app.styleSheet()
        self.group = QActionGroup(self)
        self.actions: dict[str, QAction] = {}
        for theme, label in LABELS.items():
            action = menu.addAction(label)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, t=theme: self.choose(t))
            self.group.addAction(action)
            self.actions[theme] = action
        self.current = "system"
        self.apply(context.settings.theme)

    def choose(self, theme: str) -> None:
        """Apply ``theme`` and remember it."""
        self.apply(theme)
        self.context.update_settings(theme=theme)

    def apply(self, theme: str) -> None:
        """Apply ``theme`` (``system``, ``light`` or ``dark``) for this run."""
        theme = theme if theme in LABELS else "system"
        self.actions[theme].setChecked(True)
        if theme == self.current:
            return
        self.current = theme
        if theme == "system":
            self.app.setStyle(QStyleFactory.create(self.system_style) or self.system_style)
            self.app.setPalette(self.system_palette)
            self.app.setStyleSheet(self.system_sheet)
            return
        self.app.setStyle("Fusion")
        palette = dark_palette() if theme == "dark" else self.app.style().standardPalette()
        self.app.setPalette(palette)
        self.app.setStyleSheet(self.system_sheet + (DARK_CHECKED if theme == "dark" else ""))
