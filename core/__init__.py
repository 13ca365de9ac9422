"""Redline's comparison engine: loading, segmentation, alignment, word diff, reports.

Pure Python: never imports Qt. Usable from the command line (``redline compare``).
``__version__`` is the one place the version is written: the package metadata takes
it from here (``[tool.hatch.version]`` in ``pyproject.toml``).
"""

from __future__ import annotations

import os
import sys
from types import ModuleType

__version__ = "0.1.0"
DISTRIBUTION = "redline"


class _InspectWhenAsked(ModuleType):
    """``inspect``, imported the first time one of its names is asked for."""

    def __getattr__(self, name: str) -> object:
        import importlib

        return getattr(importlib.import_module("inspect"), name)


def import_dataclasses() -> None:
    """Import ``dataclasses`` without ``inspect``, unless either is imported already.

    ``dataclasses`` imports ``inspect`` (and with it ``ast``, ``dis``, ``tokenize``,
    ``linecache``: 8 ms of every start of ``redline`` on Python 3.11) only to write the
    signature of a class that has no docstring into its ``__doc__``; every class of
    Redline's has one. It gets a stand-in that imports the real module when it is first
    asked for anything (a class without a docstring, a Python whose ``dataclasses``
    uses ``inspect`` more), and ``sys.modules`` is left as it was found: every other
    ``import inspect`` gets the real one.
    """
    if "dataclasses" in sys.modules or "inspect" in sys.modules:
        return
    stand_in = _InspectWhenAsked("inspect")
    sys.modules["inspect"] = stand_in
    try:
        import dataclasses  # noqa: F401
    finally:
        if sys.modules.get("inspect") is stand_in:
            del sys.modules["inspect"]


import_dataclasses()  # (before any module of Redline's defines a class with it)


def installed_version() -> str:
    """The version in the installed package's metadata (what ``redline --version``
    and About say), or ``__version__`` when run from a checkout that was never
    installed.

    The metadata is read from the first ``redline-*.dist-info`` (or ``.egg-info``)
    folder on ``sys.path``, where ``importlib.metadata`` finds it too: importing that
    (email, zipfile, pathlib, ...) cost 30-60 ms of each ``redline --version``. It
    answers for any other kind of installation (a zip file).
    """
    found = _dist_info_version(sys.path)
    if found is not None:
        return found
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return __version__


def _dist_info_version(folders: list[str]) -> str | None:
    """The version in the first metadata folder of this distribution in ``folders``,
    looked for in the order ``importlib.metadata`` looks (None when there is none)."""
    for folder in folders:
        try:
            names = os.listdir(folder or ".")
        except OSError:  # not a folder (a zip file), or gone
            continue
        for name in names:
            metadata = _metadata_file(name)
            if metadata is not None:
                version = _metadata_version(os.path.join(folder, name, metadata))
                if version is not None:
                    return version
    return None


def _metadata_file(name: str) -> str | None:
    """The metadata file's name when a folder name is this distribution's
    ``.dist-info`` or ``.egg-info`` (project names compared normalized, as
    ``importlib.metadata`` does: case, ``-``, ``_`` and ``.``), else None."""
    stem, dot, kind = name.rpartition(".")
    if not dot or kind not in ("dist-info", "egg-info"):
        return None
    project = stem.partition("-")[0].lower().replace("_", "-").replace(".", "-")
    if project != DISTRIBUTION:
        return None
    return "METADATA" if kind == "dist-info" else "PKG-INFO"


def _metadata_version(path: str) -> str | None:
    """The ``Version:`` header of a METADATA file (None when unreadable or missing)."""
    try:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if not line.strip():
                    break  # the headers end at the first empty line
                key, _, value = line.partition(":")
                if key.strip().lower() == "version":
                    return value.strip()
    except (OSError, UnicodeDecodeError):
        return None
    return None
