"""A long comparison shows how far it has come: the stage and a percentage beside the
status bar's progress bar (it was a busy bar with no figure), and Cancel still stops it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CONDENSED, FULL

from core.engine.progress import STAGES
from gui.common.context import AppContext
from gui.common.engine_process import IN_PROCESS_BYTES, compare_and_flag
from gui.compare.result import CompareRequest
from gui.shell.main_window import MainWindow
from gui.work.loading import FLAGGING, LAYING_OUT, run_compare

SHOWN = re.compile(r"^(?P<stage>[A-Z][a-z ]+)\u2026 (?P<percent>\d{1,2}) %$")


@pytest.fixture
def long_pair(tmp_path: Path) -> tuple[str, str]:
    """A pair compared in the engine's child process (over ``IN_PROCESS_BYTES``)."""
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(
        "".join(f"Part {i}.\n\n" + FULL.read_text(encoding="utf-8") for i in range(60)),
        encoding="utf-8",
    )
    new.write_text(
        "".join(f"Part {i}.\n\n" + CONDENSED.read_text(encoding="utf-8") for i in range(90)),
        encoding="utf-8",
    )
    assert old.stat().st_size + new.stat().st_size > IN_PROCESS_BYTES
    return str(old), str(new)


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    win = MainWindow(AppContext())
    qtbot.addWidget(win)
    win.resize(1024, 700)
    win.show()
    yield win
    win.jobs.shutdown()


def test_the_job_reports_the_engines_stages_then_its_own(long_pair: tuple[str, str]) -> None:
    seen: list[tuple[str, float]] = []
    request = CompareRequest(*long_pair)
    run_compare(request, lambda: False, None, compare_and_flag, lambda s, d: seen.append((s, d)))
    stages = [stage for stage, _ in seen]
    assert stages == [*STAGES, LAYING_OUT, FLAGGING]
    shares = [share for _, share in seen]
    assert shares == sorted(set(shares)) and shares[0] == 0.0 and shares[-1] < 1.0


def test_the_status_bar_shows_the_stage_and_percentage(
    qtbot, window: MainWindow, long_pair: tuple[str, str]
) -> None:
    shown: list[tuple[str, int, int, bool]] = []
    bar = window.progress

    def record(_stage: str, _share: float) -> None:  # after the window has shown it
        shown.append((window.progress_label.text(), bar.value(), bar.maximum(), bar.isVisible()))

    window.jobs.compare_progress.connect(record)
    with qtbot.waitSignal(window.comparison_shown, timeout=60000):
        window.compare(*long_pair)
    matches = [SHOWN.match(text) for text, *_ in shown]
    assert all(matches), [text for text, *_ in shown]
    stages = [m.group("stage") for m in matches if m]
    assert stages[:2] == ["Reading the words", "Aligning"] and "Laying out the panes" in stages
    percents = [int(m.group("percent")) for m in matches if m]
    assert percents == sorted(percents) and percents[0] == 0 and percents[-1] < 100
    assert [value for _, value, *_ in shown] == percents  # the bar fills as the text says
    assert all(maximum == 100 and visible for *_, maximum, visible in shown)
    assert not bar.isVisible() and window.progress_label.text() == ""


def test_cancel_stops_a_comparison_that_reports_progress(
    qtbot, window: MainWindow, long_pair: tuple[str, str]
) -> None:
    stages: list[str] = []
    window.jobs.compare_progress.connect(lambda stage, _share: stages.append(stage))
    finished: list[object] = []
    window.jobs.compare_finished.connect(finished.append)
    window.compare(*long_pair)
    assert window.progress.isVisible() and window.progress.maximum() == 0  # busy until told
    qtbot.waitUntil(lambda: bool(stages), timeout=30000)
    window.actions.cancel.trigger()
    assert not window.jobs.busy("compare")
    assert not window.progress.isVisible() and window.progress_label.text() == ""
    count = len(stages)
    qtbot.wait(1500)  # longer than the comparison takes: nothing more comes of it
    assert not finished and len(stages) == count
    with qtbot.waitSignal(window.comparison_shown, timeout=60000):  # and the next one runs
        window.compare(*long_pair)
    assert window.result is not None and not window.progress.isVisible()
