"""``dataclasses`` imported without ``inspect``, which it imports for one call.

``dataclasses`` imports ``inspect`` (and with it ``ast``, ``dis``, ``tokenize``,
``linecache``: 4-5 ms of every start of ``redline`` on Python 3.11) only to write the
signature of a class that has no docstring into its ``__doc__``; every class of
Redline's has one. ``import_dataclasses`` imports it with a stand-in for ``inspect``
that imports the real module when it is first asked for anything (a class without a
docstring, a Python whose ``dataclasses`` uses ``inspect`` more), and leaves
``sys.modules`` as it found it, so every other ``import inspect`` gets the real one.

May import: the standard library only (``core`` runs it first).
"""

from __future__ import annotations

import sys
from types import ModuleType


class _InspectWhenAsked(ModuleType):
    """``inspect``, imported the first time one of its names is asked for."""

    def __getattr__(self, name: str) -> object:
        import importlib

        return getattr(importlib.import_module("inspect"), name)


def import_dataclasses() -> None:
    """Import ``dataclasses`` with ``inspect`` left until it is needed, unless either is
    imported already."""
    if "dataclasses" in sys.modules or "inspect" in sys.modules:
        return
    stand_in = _InspectWhenAsked("inspect")
    sys.modules["inspect"] = stand_in
    try:
        import dataclasses  # noqa: F401
    finally:
        if sys.modules.get("inspect") is stand_in:
            del sys.modules["inspect"]
