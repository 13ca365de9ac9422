"""The engine in a child process gives the same comparison as in this process."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from core.errors import CancelledError, LoadError
from core.flags.detect import flag_comparison
from core.model import CompareOptions, Comparison
from gui.common import engine_process
from gui.common.engine_process import (
    BATCH,
    EngineRequest,
    compare_and_flag,
    compare_anywhere,
    compare_in_child,
    load_and_compare,
)

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"
OLD, NEW = SAMPLES / "000_a1d9523b8511cf93.txt", SAMPLES / "001_a1bb97b7d4cec672.txt"


def test_child_result_equals_in_process_result(tmp_path: Path) -> None:
    # Enough blocks for several batches.
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(OLD.read_text(encoding="utf-8") * 40, encoding="utf-8")
    new.write_text(NEW.read_text(encoding="utf-8") * 40, encoding="utf-8")
    request = EngineRequest(str(old), str(new), CompareOptions())
    here = load_and_compare(request)
    there = compare_in_child(request, lambda: False)
    assert len(here.blocks) > BATCH
    assert there.blocks == here.blocks
    assert (there.old, there.new, there.stats) == (here.old, here.new, here.stats)
    assert compare_anywhere(request, lambda: False).blocks == here.blocks


def test_rows_and_blocks_come_in_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.model import SentenceRow

    old, new = _big_pair(tmp_path)
    request = EngineRequest(str(old), str(new), CompareOptions())
    here = load_and_compare(request)
    assert len(here.rows) > BATCH
    loads = engine_process.pickle.loads
    most: list[int] = []

    def counting(data: bytes) -> object:
        message = loads(data)
        parts = message if isinstance(message, tuple) else (message,)
        nested = [p for part in parts if isinstance(part, tuple) for p in part]
        rows = [
            p
            for p in (message, *parts, *nested)
            if isinstance(p, tuple) and p and isinstance(p[0], SentenceRow)
        ]
        most.append(max((len(r) for r in rows), default=0))
        return message

    monkeypatch.setattr(engine_process.pickle, "loads", counting)  # in this process only
    there = compare_in_child(request, lambda: False)
    assert there.rows == here.rows and there.blocks == here.blocks
    assert 0 < max(most) <= BATCH  # never all the rows in one message


def test_the_comparison_crosses_the_pipe_without_the_dataclasses_own_pickling(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Frozen slotted dataclasses unpickle through ``__setstate__``, which reads
    # ``dataclasses.fields`` again for every object (0.27 s for the 1 MB heavy pair's
    # blocks and rows in the window's process); by class and fields it is 0.17 s.
    import dataclasses
    import pickle

    here = load_and_compare(EngineRequest(str(OLD), str(NEW), CompareOptions()))
    data = engine_process.dumps((here.rows, here.blocks, here.stats))
    calls: list[object] = []
    fields = dataclasses.fields
    monkeypatch.setattr(dataclasses, "fields", lambda c: calls.append(c) or fields(c))
    rows, blocks, stats = pickle.loads(data)
    assert (rows, blocks, stats) == (here.rows, here.blocks, here.stats)
    assert any(block.ops for block in blocks)
    assert len(calls) <= 1  # the one ``Stats``, not one per row, block and op


def test_child_reports_load_errors_in_one_line(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    request = EngineRequest(str(binary), str(NEW), CompareOptions())
    with pytest.raises(LoadError) as caught:
        compare_in_child(request, lambda: False)
    assert "PNG" in caught.value.reason
    as_text = EngineRequest(str(binary), str(NEW), CompareOptions(), old_as_text=True)
    assert compare_in_child(as_text, lambda: False).old.path == str(binary)


def test_cancel_kills_the_child(tmp_path: Path) -> None:
    request = EngineRequest(str(OLD), str(NEW), CompareOptions())
    started = time.perf_counter()
    with pytest.raises(CancelledError):
        compare_in_child(request, lambda: True)
    assert time.perf_counter() - started < 5


def _big_pair(tmp_path: Path) -> tuple[Path, Path]:
    """A pair over ``IN_PROCESS_BYTES``: compared in a child process."""
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD.read_text(encoding="utf-8") * 60, encoding="utf-8")
    new.write_text(NEW.read_text(encoding="utf-8") * 60, encoding="utf-8")
    assert old.stat().st_size + new.stat().st_size > engine_process.IN_PROCESS_BYTES
    return old, new


def test_the_child_started_early_is_taken_over_by_its_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = _big_pair(tmp_path)
    assert engine_process.start_early(str(old), str(new), CompareOptions())
    assert engine_process.early_pending()
    early = engine_process._early[0]

    def no_second_child(request: EngineRequest, context: object = None) -> None:
        raise AssertionError("a second child was started")

    monkeypatch.setattr(engine_process, "start_child", no_second_child)
    request = EngineRequest(str(old.resolve()), str(new.resolve()), CompareOptions())
    shown: list[Comparison] = []
    flags = compare_and_flag(request, lambda: False, lambda c, mapping: shown.append(c))
    here = load_and_compare(request)
    assert shown[0].blocks == here.blocks
    assert flags == flag_comparison(here)
    assert not engine_process.early_pending()
    assert early.process.exitcode is not None  # ended and joined


def test_a_child_started_early_for_other_options_is_stopped(tmp_path: Path) -> None:
    old, new = _big_pair(tmp_path)
    assert engine_process.start_early(str(old), str(new), CompareOptions(ignore_case=False))
    early = engine_process._early[0]
    request = EngineRequest(str(old.resolve()), str(new.resolve()), CompareOptions())
    there = compare_in_child(request, lambda: False)
    assert there.options == CompareOptions()
    assert there.blocks == load_and_compare(request).blocks
    assert not engine_process.early_pending()
    assert early.process.exitcode is not None


def test_small_pairs_start_no_early_child() -> None:
    assert not engine_process.start_early(str(OLD), str(NEW), CompareOptions())
    assert not engine_process.early_pending()


def test_the_window_starts_comparing_the_two_files_named_before_qt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.paths import app_paths
    from core.settings import Settings, save_settings
    from gui.shell import app

    save_settings(app_paths().settings_file, Settings(ignore_case=False))
    calls: list[tuple[str, str, CompareOptions]] = []
    monkeypatch.setattr(engine_process, "start_early", lambda *args: calls.append(args))
    app.compare_early([str(tmp_path), str(OLD), "missing.txt", str(NEW), str(OLD)])
    assert calls == [(str(OLD), str(NEW), CompareOptions(ignore_case=False))]
    app.compare_early([str(tmp_path), str(OLD)])
    assert len(calls) == 1


def test_the_child_makes_the_scroll_map_while_the_comparison_is_laid_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.engine.position_map import position_map

    old, new = _big_pair(tmp_path)
    request = EngineRequest(str(old), str(new), CompareOptions())
    expected = position_map(load_and_compare(request))

    def not_here(comparison: Comparison) -> None:
        raise AssertionError("the scroll map was made in the window's process")

    monkeypatch.setattr(engine_process, "position_map", not_here)
    maps = []
    flags = compare_and_flag(request, lambda: False, lambda c, mapping: maps.append(mapping()))
    assert flags and len(maps) == 1
    assert maps[0] == expected


def test_the_window_takes_over_the_comparison_started_before_it(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gui.common.context import AppContext
    from gui.shell import app
    from gui.shell.main_window import MainWindow

    old, new = _big_pair(tmp_path)
    app.compare_early([str(old), str(new)])  # as ``redline open OLD NEW`` does
    assert engine_process.early_pending()

    def no_second_child(request: EngineRequest, context: object = None) -> None:
        raise AssertionError("the window started a second comparison")

    monkeypatch.setattr(engine_process, "start_child", no_second_child)
    window = MainWindow(AppContext())
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.comparison_shown, timeout=60000):
            window.open_files([str(old), str(new)])
        assert window.result is not None and window.result.flags is not None
        assert window.result.comparison.old.path == str(old)
        assert not engine_process.early_pending()
    finally:
        window.jobs.shutdown()


def test_the_child_takes_the_units_and_names_counted_beside_it_and_flags_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.engine import aside
    from core.engine.compare import UNITS_JOB

    added = (
        "\n\nThe report was written by Maria {0} for the council."
        "\n\nOfficials said Maria {0} had checked every figure."
    )
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD.read_text(encoding="utf-8") * 40 + added.format("Keller"), encoding="utf-8")
    new.write_text(NEW.read_text(encoding="utf-8") * 40 + added.format("Brenner"), encoding="utf-8")
    request = EngineRequest(str(old), str(new), CompareOptions(), flags=True)
    here = flag_comparison(load_and_compare(request))
    assert [f.kind for f in here].count("name") == 2
    # The child counts the new side and the names aside (a pair this long, on a
    # machine that forks).
    started: list[tuple[bool, list[str]]] = []
    original = aside.start

    def recording(old: str, new: str, jobs: list[aside.Job]) -> bool:
        started.append((original(old, new, jobs), [name for name, _ in jobs]))
        return started[-1][0]

    monkeypatch.setattr(aside, "start", recording)
    # Most of the flags are checked in a child of their own while the rows are sent.
    from core.flags import detect

    shared = aside.shared
    ahead: list[int] = []

    def recording_shared(work, count):  # type: ignore[no-untyped-def]
        ahead.append(1)
        return shared(work, count)

    monkeypatch.setattr(aside, "shared", recording_shared)
    monkeypatch.setattr(detect, "AHEAD_CHANGES", 2)
    connection = _Recorder()
    engine_process.serve(connection, request)  # in this process: the same code the child runs
    forks = aside.worth_it(len(old.read_text()) + len(new.read_text()))
    assert started == ([(True, [UNITS_JOB, "names", "quotes", "url starts"])] if forks else [])
    assert ahead == ([1] if forks else [])
    assert connection.flags() == here
    assert aside._pending is None and detect._ahead is None


class _Recorder:
    """A pipe end that keeps what ``serve`` sends."""

    def __init__(self) -> None:
        self.sent: list[bytes] = []

    def send_bytes(self, data: bytes) -> None:
        self.sent.append(data)

    def send(self, message: object) -> None:
        raise AssertionError(f"serve failed: {message!r}")

    def close(self) -> None:
        pass

    def flags(self) -> object:
        return engine_process.pickle.loads(self.sent[-1])


def test_the_engines_stages_come_before_its_result_from_the_child_and_here(
    tmp_path: Path,
) -> None:
    from core.engine.progress import STAGES

    old, new = _big_pair(tmp_path)
    request = EngineRequest(str(old), str(new), CompareOptions())
    seen: list[tuple[str, float]] = []
    there = compare_in_child(request, lambda: False, progress=lambda s, d: seen.append((s, d)))
    assert seen == list(STAGES.items())
    assert there == load_and_compare(request) and there.rows == load_and_compare(request).rows
    small = EngineRequest(str(OLD), str(NEW), CompareOptions())
    stages: list[str] = []
    compare_and_flag(small, lambda: False, lambda c, mapping: None, lambda s, d: stages.append(s))
    assert stages == list(STAGES)
    # Cancelling once the child has said where it is still kills it.
    started = time.perf_counter()
    seen.clear()
    with pytest.raises(CancelledError):
        compare_in_child(request, lambda: bool(seen), progress=lambda s, d: seen.append((s, d)))
    assert len(seen) < len(STAGES) and time.perf_counter() - started < 10
