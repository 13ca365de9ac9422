"""The application's icon and desktop identity, as the window system sees them."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QIcon

from core.paths import resources_dir
from gui.shell.desktop import APP_ID


def application_icon() -> QIcon:
    """Redline's own SVG icon (``resources/redline.svg``)."""
    return QIcon(str(resources_dir() / f"{APP_ID}.svg"))


def use_application_icon(app: QGuiApplication) -> None:
    """Give every window the icon, and tell the desktop which entry it belongs to
    (Wayland matches windows to ``redline.desktop`` by this name)."""
    app.setWindowIcon(application_icon())
    app.setDesktopFileName(APP_ID)
