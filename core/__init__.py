"""Redline's comparison engine: loading, segmentation, alignment, word diff, reports.

Pure Python: never imports Qt. Usable from the command line (``redline compare``).
``__version__`` is the one place the version is written: the package metadata takes
it from here (``[tool.hatch.version]`` in ``pyproject.toml``).
"""

from __future__ import annotations

__version__ = "0.1.0"
DISTRIBUTION = "redline"


def installed_version() -> str:
    """The version in the installed package's metadata (what ``redline --version``
    and About say), or ``__version__`` when run from a checkout that was never
    installed. Read on demand: ``importlib.metadata`` costs ~30 ms of imports."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return __version__
