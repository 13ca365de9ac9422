"""Shared fixtures: Qt offscreen before any QApplication, user dirs in tmp_path."""

from __future__ import annotations

import os
import types
from pathlib import Path

import pytest
from hypothesis import settings

# CI replays the same examples every run (reproducible); local runs keep exploring.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "resources" / "samples"
FULL = SAMPLES / "001_a1bb97b7d4cec672.txt"
CONDENSED = SAMPLES / "000_a1d9523b8511cf93.txt"
UNRELATED = SAMPLES / "002_693b2ff662c8dfe1.txt"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Redirect every platformdirs location (config, data, cache) to a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("REDLINE_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    yield


_APP = None


def _patch_or_skip_compiled() -> None:
    """On the compiled path (``make test-native``), a test that patches a function of a
    compiled module to spy on the engine's own calls is skipped with the reason: the
    compiled callers call the function directly, past the patch. The pure run (``make
    test``) runs it; every test that does not spy runs on both paths."""
    from core.engine import native

    if not native.status()[0]:
        return
    suffix = native.extension_suffix()
    setattr_ = pytest.MonkeyPatch.setattr

    def patch(self, target, *args, **kwargs):  # type: ignore[no-untyped-def]
        name = args[0] if args else kwargs.get("name")
        if (
            isinstance(target, types.ModuleType)
            and isinstance(name, str)
            and (getattr(target, "__file__", None) or "").endswith(suffix)
            and callable(getattr(target, name, None))
        ):
            pytest.skip(f"spies on {target.__name__}.{name}, which compiled callers call directly")
        return setattr_(self, target, *args, **kwargs)

    pytest.MonkeyPatch.setattr = patch  # type: ignore[method-assign]


_patch_or_skip_compiled()


def pytest_collection_modifyitems(session: pytest.Session, items: list[pytest.Item]) -> None:
    """Make the QApplication before any test when a widget test will run: a report test
    run first makes a bare QGuiApplication for its PDF (``gui.reports.pdf``), and a
    widget made under it aborts the process (a subset such as ``test_report_nway.py
    test_gui_nway.py`` did)."""
    global _APP
    widgets = any(
        "qtbot" in getattr(item, "fixturenames", ()) or item.path.name.startswith("test_gui")
        for item in items
    )
    if widgets and _APP is None:
        from PySide6.QtWidgets import QApplication

        _APP = QApplication.instance() or QApplication(["pytest"])
