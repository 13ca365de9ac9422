"""Where Redline keeps its files: the only module that knows platformdirs locations.

Config (settings, recent folders), data and cache folders come from platformdirs,
unless ``REDLINE_HOME`` is set (tests and portable installs): then all three live
under it as ``config/``, ``data/`` and ``cache/``. Bundled resources (the icon, the
sample folder, the desktop entry) are the ``resources`` package's files, found with
``importlib.resources`` (a top-level folder in the repository, inside the ``redline``
package in the wheel).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "redline"
HOME_ENV = "REDLINE_HOME"
SETTINGS_FILE = "settings.json"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The folders Redline reads and writes its own files in (never documents).

    Attributes:
        config: settings and recent folders.
        data: user data (annotations, saved state).
        cache: anything that can be rebuilt.
        resources: bundled, read-only resources (icons, stylesheets, samples).
    """

    config: Path
    data: Path
    cache: Path
    resources: Path

    @property
    def settings_file(self) -> Path:
        """The JSON file the settings are stored in."""
        return self.config / SETTINGS_FILE

    @property
    def samples(self) -> Path:
        """The bundled sample folder opened on first start."""
        return self.resources / "samples"


def resources_dir() -> Path:
    """The bundled ``resources`` folder: a real folder on disk (Qt and the file
    manager open its files by path, so Redline is never run from a zip)."""
    import importlib.resources  # ~25 ms of imports the engine commands never need

    return Path(str(importlib.resources.files("resources")))


def app_paths(environ: dict[str, str] | None = None) -> AppPaths:
    """Return Redline's folders, honouring ``REDLINE_HOME`` when it is set.

    Args:
        environ: the environment to read (``os.environ`` when None).

    Returns:
        The folders; they are not created here (writers create them on demand).
    """
    env = os.environ if environ is None else environ
    home = env.get(HOME_ENV, "")
    if home:
        base = Path(home)
        return AppPaths(base / "config", base / "data", base / "cache", resources_dir())
    return AppPaths(
        config=platformdirs.user_config_path(APP_NAME, appauthor=False),
        data=platformdirs.user_data_path(APP_NAME, appauthor=False),
        cache=platformdirs.user_cache_path(APP_NAME, appauthor=False),
        resources=resources_dir(),
    )
