"""The N-way grid in the background: pairwise comparisons in parallel, then the grid.

``run_nway`` (no Qt) loads and compares what the grid needs through the window's
engine (``gui.common.engine_process.compare_anywhere``: large pairs in child processes,
so several run at once on several cores), reusing comparisons already made. With
no base chosen it first compares every pair and lets ``core.nway.grid.default_base``
pick one. ``NWayJobs`` runs it on the thread pool with a job id and a cancel flag,
and drops results of a job that is no longer current.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QThreadPool, Signal

from core.engine.aside import usable_cpus
from core.errors import CancelledError, LoadError
from core.model import CompareOptions, Comparison
from core.nway.grid import NWay, default_base, nway_from_comparisons, pairs_needed
from gui.common.engine_process import EngineRequest, compare_anywhere
from gui.common.runnable import Runnable
from gui.work.loading import Engine

PairKey = tuple[str, str, CompareOptions]
MAX_WORKERS = 4


@dataclass(frozen=True, slots=True)
class NWayRequest:
    """What to compare (an immutable snapshot for the worker).

    ``base`` indexes ``paths``; None lets ``default_base`` choose. ``known`` holds
    comparisons already made, keyed by (old path, new path, options).
    """

    paths: tuple[str, ...]
    base: int | None = None
    options: CompareOptions = field(default_factory=CompareOptions)
    encodings: tuple[tuple[str, str], ...] = ()
    as_text: frozenset[str] = frozenset()
    known: Mapping[PairKey, Comparison] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class NWayOutcome:
    """The grid, the base chosen, and every comparison made (for the next request)."""

    request: NWayRequest
    base: int
    nway: NWay
    comparisons: Mapping[PairKey, Comparison]


def _engine_request(request: NWayRequest, old: str, new: str) -> EngineRequest:
    encodings = dict(request.encodings)
    return EngineRequest(
        old,
        new,
        request.options,
        encodings.get(old),
        encodings.get(new),
        old in request.as_text,
        new in request.as_text,
    )


def run_nway(
    request: NWayRequest,
    should_cancel: Callable[[], bool],
    progress: Callable[[int, int], None] | None = None,
    engine: Engine = compare_anywhere,
) -> NWayOutcome:
    """Compare what the grid needs (in parallel) and build it (in a worker thread).

    Raises:
        LoadError: a document could not be loaded.
        CancelledError: ``should_cancel`` returned True.
    """
    paths, options = request.paths, request.options
    done: dict[PairKey, Comparison] = dict(request.known)
    base = request.base
    offset = 0

    def phase(pairs: list[tuple[int, int]]) -> int:
        keys = [k for k in ((paths[i], paths[j], options) for i, j in pairs) if k not in done]

        def report(d: int, t: int) -> None:
            if progress is not None:
                progress(offset + d, offset + t)

        _compare_all(request, keys, done, should_cancel, report, engine)
        return len(keys)

    if base is None:
        every = pairs_needed(len(paths), None)
        offset = phase(every)
        found = {(i, j): done[(paths[i], paths[j], options)] for i, j in every}
        documents = [found[(0, 1)].old, *(found[(0, j)].new for j in range(1, len(paths)))]
        base = default_base(documents, found)
    phase(pairs_needed(len(paths), base))
    columns = [done[(paths[base], p, options)] for j, p in enumerate(paths) if j != base]
    nway = nway_from_comparisons(columns, should_cancel)
    return NWayOutcome(request, base, nway, done)


def _compare_all(
    request: NWayRequest,
    keys: list[PairKey],
    done: dict[PairKey, Comparison],
    should_cancel: Callable[[], bool],
    progress: Callable[[int, int], None],
    engine: Engine,
) -> None:
    """Run the comparisons ``keys`` on a few threads; large ones each in a child process."""
    if should_cancel():
        raise CancelledError("cancelled")
    if not keys:
        return
    failed = threading.Event()

    def cancelled() -> bool:
        return failed.is_set() or should_cancel()

    def one(key: PairKey) -> tuple[PairKey, Comparison]:
        return key, engine(_engine_request(request, key[0], key[1]), cancelled)

    workers = max(1, min(MAX_WORKERS, usable_cpus(), len(keys)))
    with ThreadPoolExecutor(workers, thread_name_prefix="nway") as pool:
        futures = [pool.submit(one, k) for k in keys]
        finished = 0
        progress(0, len(keys))
        pending = set(futures)
        while pending:
            ready, pending = wait(pending, return_when=FIRST_EXCEPTION)
            for future in ready:
                error = future.exception()
                if error is not None:
                    failed.set()
                    pool.shutdown(wait=True, cancel_futures=True)
                    raise error
                key, comparison = future.result()
                done[key] = comparison
                finished += 1
                progress(finished, len(keys))
    if should_cancel():
        raise CancelledError("cancelled")


class _NWaySignals(QObject):
    progress = Signal(int, int, int)
    finished = Signal(int, object)
    failed = Signal(int, str)


class NWayJobs(QObject):
    """Runs one N-way job at a time; a new one cancels the last; stale results dropped."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        self._ids = itertools.count(1)
        self._current: tuple[int, threading.Event] | None = None
        self._signals = _NWaySignals(self)
        self._signals.progress.connect(self._on_signals_progress)
        self._signals.finished.connect(self._on_signals_finished)
        self._signals.failed.connect(self._on_signals_failed)

    @property
    def busy(self) -> bool:
        """Whether a job is running."""
        return self._current is not None

    def start(self, request: NWayRequest) -> None:
        """Build the grid of ``request`` in the background (cancels a running one)."""
        self.cancel()
        job_id, cancel = next(self._ids), threading.Event()
        self._current = (job_id, cancel)
        signals = self._signals

        def work() -> None:
            try:
                outcome = run_nway(
                    request, cancel.is_set, lambda d, t: signals.progress.emit(job_id, d, t)
                )
            except CancelledError:
                signals.failed.emit(job_id, "")
                return
            except LoadError as exc:
                signals.failed.emit(job_id, str(exc))
                return
            except Exception as exc:  # one line in the window, never a traceback
                signals.failed.emit(job_id, f"Comparing versions failed: {exc}")
                return
            signals.finished.emit(job_id, outcome)

        self.pool.start(Runnable(work))

    def cancel(self) -> None:
        """Cancel the running job, if any."""
        if self._current is not None:
            self._current[1].set()
            self._current = None

    def _is_current(self, job_id: int, finished: bool) -> bool:
        if self._current is None or self._current[0] != job_id:
            return False
        if finished:
            self._current = None
        return True

    def _on_signals_progress(self, job_id: int, done: int, total: int) -> None:
        if self._is_current(job_id, False):
            self.progress.emit(done, total)

    def _on_signals_finished(self, job_id: int, outcome: object) -> None:
        if self._is_current(job_id, True):
            self.finished.emit(outcome)

    def _on_signals_failed(self, job_id: int, message: str) -> None:
        if self._is_current(job_id, True) and message:
            self.failed.emit(message)
