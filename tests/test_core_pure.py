"""The engine runs without Qt: every core module imports with PySide6 blocked."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import core

REPO = Path(__file__).resolve().parent.parent

_BLOCK_QT = """
import importlib, importlib.abc, sys

class BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "gui"):
            raise ImportError(f"core imported {name}")
        return None

sys.meta_path.insert(0, BlockQt())
for name in sys.argv[1:]:
    importlib.import_module(name)
"""


def test_every_core_module_imports_with_qt_blocked() -> None:
    modules = [info.name for info in pkgutil.walk_packages(core.__path__, "core.")]
    assert "core.text.document" in modules
    # A fresh interpreter: in this one another test may already have imported Qt.
    result = subprocess.run(
        [sys.executable, "-c", _BLOCK_QT, "core", *modules],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
