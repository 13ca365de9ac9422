"""The application context passed to every window: settings, paths, thread pool, store."""

from __future__ import annotations

import dataclasses
import threading
from typing import Any

from PySide6.QtCore import QThreadPool

from core.notes.store import DB_NAME, AnnotationStore
from core.paths import AppPaths, app_paths
from core.settings import Settings, load_settings, save_settings


class AppContext:
    """What the GUI shares: settings (saved on change), paths, background pool and
    the annotation store (opened on first use, from any thread; closed on exit)."""

    def __init__(self, paths: AppPaths | None = None, pool: QThreadPool | None = None) -> None:
        self.paths = paths or app_paths()
        loaded = load_settings(self.paths.settings_file)
        self.settings: Settings = loaded.settings
        self.startup_message = loaded.message
        self.pool = pool or QThreadPool()
        self.save_error: str | None = None
        self._store: AnnotationStore | None = None
        self._store_lock = threading.Lock()
        self._store_notice: str | None = None

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

    def annotation_store(self) -> AnnotationStore:
        """The annotation store, opened on first use (thread-safe).

        Raises:
            AnnotationStoreError: it cannot be opened (the message names the file).
        """
        with self._store_lock:
            if self._store is None:
                self._store = AnnotationStore(self.paths.data / DB_NAME)
                self._store_notice = self._store.recovered_message
            return self._store

    def take_store_notice(self) -> str | None:
        """The store's "damaged database set aside" message, once (then None)."""
        with self._store_lock:
            notice, self._store_notice = self._store_notice, None
            return notice

    def close_store(self) -> None:
        """Close the annotation store if it is open (everything is committed already)."""
        with self._store_lock:
            if self._store is not None:
                self._store.close()
                self._store = None
