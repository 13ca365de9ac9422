"""The application context passed to every window: settings, paths, thread pool."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QThreadPool

from core.paths import AppPaths, app_paths
from core.settings import Settings, load_settings, save_settings


class AppContext:
    """What the GUI shares: settings (saved on change), paths, background pool."""

    def __init__(self, paths: AppPaths | None = None, pool: QThreadPool | None = None) -> None:
        self.paths = paths or app_paths()
        loaded = load_settings(self.paths.settings_file)
        self.settings: Settings = loaded.settings
        self.startup_message = loaded.message
        self.pool = pool or QThreadPool()
        self.save_error: str | None = None

    def update_settings(self, **changes: Any) -> None:
        """Change settings and write them atomically; a failure is kept as a message."""
        self.settings = dataclasses.replace(self.settings, **changes)
        self.save()

    def save(self) -> None:
        """Write the settings now (errors are remembered, never raised)."""
        try:
            save_settings(self.paths.settings_file, self.settings)
            self.save_error = None
        except OSError as exc:
            self.save_error = f"Settings could not be saved: {exc.strerror or exc}"
