"""File > Save Report on the N-way page saves the N-way report (HTML, PDF, JSON)."""

# The fixtures ``folder`` and ``window`` come from test_gui_nway (imported by name).
# ruff: noqa: F811

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from conftest import CONDENSED, FULL
from PySide6.QtWidgets import QCheckBox, QFileDialog
from test_gui_nway import VARIANT, folder, select_all_and_compare_versions, window  # noqa: F401

import gui.reports.nway_save as nway_report_save
from gui.common.context import AppContext
from gui.reports.nway_save import NWayReportRequest
from gui.shell.main_window import MainWindow


def choose(monkeypatch, target: Path, name_filter: str, seen: list[QFileDialog]) -> None:
    """The Save Report dialog answers with ``target`` in the format of ``name_filter``."""

    def accept(dialog: QFileDialog) -> int:
        seen.append(dialog)
        dialog.selectNameFilter(name_filter)
        dialog.selectFile(str(target))
        return 1

    monkeypatch.setattr(QFileDialog, "exec", accept)


def save_from_menu(qtbot, win: MainWindow) -> tuple[bool, str]:
    with qtbot.waitSignal(win.menus.reports.finished, timeout=60000) as blocker:
        win.actions.save_report.trigger()
    ok, message = blocker.args
    return ok, message


def test_ctrl_s_on_the_nway_page_saves_the_nway_report(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    select_all_and_compare_versions(qtbot, window)
    assert window.nway.visible
    target = tmp_path / "desk" / "three versions"
    target.parent.mkdir()
    seen: list[QFileDialog] = []
    choose(monkeypatch, target, "HTML report (*.html *.htm)", seen)
    ok, message = save_from_menu(qtbot, window)
    assert ok, message
    saved = target.with_name("three versions.html")
    assert message == f"Report saved: {saved}"
    html = saved.read_text(encoding="utf-8")
    assert "Versions report: " in html and "Comparison report" not in html
    for name in (CONDENSED.name, FULL.name, VARIANT):
        assert name in html
    # The N-way dialog has no "changed sentences only" box (the grid has no folding).
    assert not any("Changed sentences only" in b.text() for b in seen[0].findChildren(QCheckBox))
    assert sorted(p.name for p in saved.parent.iterdir()) == ["three versions.html"]


@pytest.mark.parametrize(("fmt", "check"), [("pdf", b"%PDF-"), ("json", b'{"format":')])
def test_nway_report_is_built_and_written_off_the_gui_thread(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch, fmt: str, check: bytes
) -> None:
    select_all_and_compare_versions(qtbot, window)
    threads: list[threading.Thread] = []
    real = nway_report_save.save_report

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(nway_report_save, "save_report", recording)
    target = tmp_path / f"grid.{fmt}"
    request = NWayReportRequest(window.nway.outcome.nway, target, fmt, "letter")
    with qtbot.waitSignal(window.menus.reports.finished, timeout=60000) as blocker:
        assert window.menus.reports.nway.save(request)
    assert blocker.args[0], blocker.args[1]
    assert threads and threads[0] is not threading.main_thread()
    data = target.read_bytes()
    assert data.startswith(check)
    if fmt == "json":
        assert json.loads(data)["format"] == "redline-nway"


def test_nway_report_over_a_compared_document_is_refused(
    qtbot,
    window: MainWindow,
    folder: Path,
) -> None:
    select_all_and_compare_versions(qtbot, window)
    victim = folder / VARIANT
    before = (victim.read_bytes(), os.stat(victim).st_mtime_ns)
    request = NWayReportRequest(window.nway.outcome.nway, victim, "html")
    assert not window.menus.reports.nway.save(request)
    assert "refusing to overwrite a compared document" in window.statusBar().currentMessage()
    assert (victim.read_bytes(), os.stat(victim).st_mtime_ns) == before


def test_failed_nway_save_keeps_the_earlier_report(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    select_all_and_compare_versions(qtbot, window)
    target = tmp_path / "out" / "grid.html"
    target.parent.mkdir()
    target.write_text("earlier report", encoding="utf-8")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    request = NWayReportRequest(window.nway.outcome.nway, target)
    with qtbot.waitSignal(window.menus.reports.finished, timeout=60000) as blocker:
        assert window.menus.reports.nway.save(request)
    monkeypatch.undo()
    ok, message = blocker.args
    assert not ok and "grid.html" in message and "No space left" in message
    assert target.read_text(encoding="utf-8") == "earlier report"
    assert [p.name for p in target.parent.iterdir()] == ["grid.html"]  # no temporary file


def test_back_on_the_pair_page_ctrl_s_saves_the_pairwise_report(
    qtbot,
    window: MainWindow,
    folder: Path,
    tmp_path: Path,
    monkeypatch,
) -> None:
    select_all_and_compare_versions(qtbot, window)
    window.nway.show_pair_page()
    with qtbot.waitSignal(window.jobs.compare_finished, timeout=30000):
        window.compare(str(folder / CONDENSED.name), str(folder / FULL.name))
    assert not window.nway.visible
    choose(monkeypatch, tmp_path / "pair.html", "HTML report (*.html *.htm)", [])
    ok, message = save_from_menu(qtbot, window)
    assert ok, message
    html = (tmp_path / "pair.html").read_text(encoding="utf-8")
    assert "Comparison report: " in html and "Versions report" not in html


def test_nway_page_without_a_grid_says_so(qtbot) -> None:
    win = MainWindow(AppContext())
    qtbot.addWidget(win)
    win.nway.show_page()
    win.actions.save_report.trigger()
    assert "Compare three or more versions first" in win.statusBar().currentMessage()
    win.jobs.shutdown()
