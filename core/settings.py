"""Typed user settings, persisted as JSON with an atomic write.

A missing file gives the defaults. A corrupt file (not JSON, not an object) is set
aside as ``settings.json.corrupt-<time>`` and the defaults are used; a field of the
wrong type falls back to its default. Both cases return a one-line message for the
user instead of failing.
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.atomic import atomic_write_text

MAX_RECENT = 10
FONT_SIZE_MIN = 6
FONT_SIZE_MAX = 40
THEMES = ("system", "light", "dark")


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything Redline remembers between runs.

    Attributes:
        recent_folders: most recent first; the first one is reopened on start.
        recursive: walk sub-folders when opening a folder.
        ignore_case: compare with case folded (case differences become trivial).
        show_trivial: show trivial differences dimmed (else not marked at all).
        only_changed: collapse unchanged sentences to a one-line bar.
        hide_punctuation: leave punctuation-only changes out of the change list and
            of next/previous (they stay highlighted).
        only_flagged: list only the changes holding a risky-edit flag.
        font_size: point size of the comparison panes; 0 means the system default.
        window_geometry: opaque window geometry (base64), empty if none.
        window_state: opaque dock and toolbar state (base64), empty if none.
        opened_before: False until the first start has opened the sample folder.
        group_by_family: show the document list as a tree of story families.
        theme: the window's colours: ``system``, ``light`` or ``dark``.
        line_breaks: show the documents' own line breaks in the panes (else single
            line breaks of hard-wrapped text read as spaces).
        document_list_width: the document list's width in pixels as the user dragged
            it; 0 (not dragged) gives it a share of the window.
    """

    recent_folders: tuple[str, ...] = ()
    recursive: bool = True
    ignore_case: bool = True
    show_trivial: bool = True
    only_changed: bool = False
    hide_punctuation: bool = False
    only_flagged: bool = False
    font_size: int = 0
    window_geometry: str = ""
    window_state: str = ""
    opened_before: bool = False
    group_by_family: bool = False
    theme: str = "system"
    line_breaks: bool = False
    document_list_width: int = 0


@dataclass(frozen=True, slots=True)
class LoadedSettings:
    """The settings read from disk and, if something was wrong, a message."""

    settings: Settings
    message: str | None = None
    problems: tuple[str, ...] = field(default=())


def with_recent_folder(settings: Settings, folder: str) -> Settings:
    """Return ``settings`` with ``folder`` first in the recent list (no duplicates)."""
    rest = tuple(f for f in settings.recent_folders if f != folder)
    return dataclasses.replace(settings, recent_folders=((folder, *rest))[:MAX_RECENT])


def load_settings(path: Path) -> LoadedSettings:
    """Read settings from ``path``; never raises for a missing or corrupt file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except (OSError, UnicodeDecodeError) as exc:
        return _set_aside(path, f"could not be read ({_reason(exc)})")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        return _set_aside(path, "is not valid JSON")
    if not isinstance(data, dict):
        return _set_aside(path, "does not hold a settings object")
    settings, problems = _from_dict(data)
    if problems:
        message = f"Settings file {path}: ignored invalid values for {', '.join(problems)}"
        return LoadedSettings(settings, message, problems)
    return LoadedSettings(settings)


def save_settings(path: Path, settings: Settings) -> None:
    """Write ``settings`` to ``path`` atomically.

    Folder names that are not valid UTF-8 reach Python as lone surrogates
    (``surrogateescape``); ``ensure_ascii`` writes them as ``\\udcXX`` escapes,
    which read back to the same name, where a UTF-8 file could not hold them.

    Raises:
        OSError: the file could not be written; the previous file is intact.
    """
    data = dataclasses.asdict(settings)
    data["recent_folders"] = list(settings.recent_folders)
    atomic_write_text(path, json.dumps(data, indent=2, ensure_ascii=True) + "\n")


def _from_dict(data: dict[str, Any]) -> tuple[Settings, tuple[str, ...]]:
    defaults = Settings()
    values: dict[str, Any] = {}
    problems: list[str] = []
    for f in dataclasses.fields(Settings):
        if f.name not in data:
            continue
        value = _checked(f.name, data[f.name], getattr(defaults, f.name))
        if value is None:
            problems.append(f.name)
        else:
            values[f.name] = value
    return dataclasses.replace(defaults, **values), tuple(problems)


def _checked(name: str, value: Any, default: Any) -> Any:
    """Return ``value`` converted to the type of ``default``, or None if it does not fit."""
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            return None
        if name == "font_size" and value != 0:
            return min(max(value, FONT_SIZE_MIN), FONT_SIZE_MAX)
        return value
    if name == "theme":
        return value if value in THEMES else None
    if isinstance(default, str):
        return value if isinstance(value, str) else None
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)[:MAX_RECENT]
    return None


def _set_aside(path: Path, what: str) -> LoadedSettings:
    aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        os.replace(path, aside)
        where = f"; it was set aside as {aside.name}"
    except OSError:
        where = ""
    message = f"Settings file {path} {what}{where}. Default settings are used."
    return LoadedSettings(Settings(), message)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return type(exc).__name__
