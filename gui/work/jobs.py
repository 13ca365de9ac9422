"""Background work: comparisons and folder loading in a QThreadPool, never on the GUI thread.

``Jobs`` lives on the GUI thread and starts one-shot runnables, each with an
immutable request, a job id and a cancel flag. A comparison reports each stage as it
begins (``compare_progress``: the engine's, then laying out and the flags, with the
share of the job done). Runnables report through the signals
of a ``JobSignals`` dispatcher owned by the GUI thread (queued to it). A new job of a
kind cancels the previous one, and results whose id is no longer current are dropped
by ``Jobs`` before anyone sees them.

While a comparison runs, Python's cyclic garbage collector is paused: a large
comparison allocates millions of objects, and each full collection walks all of
them while holding the interpreter lock, which froze the window for 100-400 ms at
a time. Afterwards the surviving objects are frozen out of future collections
(``gc.freeze``; they hold no reference cycles and are freed by reference counting).
"""

from __future__ import annotations

import gc
import itertools
import threading
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThreadPool, Signal

from core.errors import CancelledError, LoadError
from core.model import CompareOptions
from gui.common.engine_process import compare_and_flag, early_pending, warm_up
from gui.common.runnable import Runnable
from gui.compare.result import CompareRequest
from gui.work.loading import FlaggingEngine, FolderRequest, run_compare, run_folder


class JobSignals(QObject):
    """Signals emitted by runnables from worker threads (delivered queued)."""

    compare_progress = Signal(int, str, float)
    compare_preview = Signal(int, object)
    compare_finished = Signal(int, object)
    compare_failed = Signal(int, str)
    folder_rows = Signal(int, str, object)
    folder_finished = Signal(int, str, bool, str)


@dataclass
class _Job:
    job_id: int
    cancel: threading.Event


class Jobs(QObject):
    """Starts, cancels and filters background jobs; re-emits only current results."""

    compare_progress = Signal(str, float)  # a stage begins; the share of the job done
    compare_preview = Signal(object)
    compare_finished = Signal(object)
    compare_failed = Signal(str)
    folder_rows = Signal(object)
    folder_finished = Signal(bool, str)

    def __init__(
        self,
        pool: QThreadPool,
        parent: QObject | None = None,
        engine: FlaggingEngine | None = None,
    ) -> None:
        super().__init__(parent)
        self.pool = pool
        self.engine: FlaggingEngine = engine or compare_and_flag
        # With a child already comparing (``early_pending``) the fork server would only
        # take a core from it: it starts once that comparison is done.
        self._warm_up_later = engine is None and early_pending()
        if engine is None and not self._warm_up_later:
            pool.start(Runnable(warm_up))
        self._ids = itertools.count(1)
        self._current: dict[str, _Job] = {}
        self._gc_paused = 0
        self.signals = JobSignals(self)
        self.signals.compare_progress.connect(self._on_signals_compare_progress)
        self.signals.compare_preview.connect(self._on_signals_compare_preview)
        self.signals.compare_finished.connect(self._on_signals_compare_finished)
        self.signals.compare_failed.connect(self._on_signals_compare_failed)
        self.signals.folder_rows.connect(self._on_signals_folder_rows)
        self.signals.folder_finished.connect(self._on_signals_folder_finished)

    def _new_job(self, kind: str) -> _Job:
        self.cancel(kind)
        job = _Job(next(self._ids), threading.Event())
        self._current[kind] = job
        return job

    def cancel(self, kind: str) -> None:
        """Cancel the running job of ``kind`` (``compare`` or ``folder``), if any."""
        job = self._current.pop(kind, None)
        if job is not None:
            job.cancel.set()

    def busy(self, kind: str) -> bool:
        """Whether a job of ``kind`` is running."""
        return kind in self._current

    def _pause_gc(self) -> None:
        self._gc_paused += 1
        gc.disable()

    def _resume_gc(self) -> None:
        self._gc_paused = max(self._gc_paused - 1, 0)
        if not self._gc_paused:
            gc.freeze()
            gc.enable()

    def start_compare(self, request: CompareRequest) -> int:
        """Compare in the background; a previous comparison is cancelled."""
        job = self._new_job("compare")
        signals = self.signals
        self._pause_gc()

        def preview(result: object) -> None:
            signals.compare_preview.emit(job.job_id, result)

        def progress(stage: str, share: float) -> None:
            signals.compare_progress.emit(job.job_id, stage, share)

        def work() -> None:
            try:
                result = run_compare(request, job.cancel.is_set, preview, self.engine, progress)
            except CancelledError:
                signals.compare_failed.emit(job.job_id, "")
                return
            except LoadError as exc:
                signals.compare_failed.emit(job.job_id, str(exc))
                return
            except Exception as exc:
                signals.compare_failed.emit(job.job_id, f"Comparison failed: {exc}")
                return
            signals.compare_finished.emit(job.job_id, result)

        self.pool.start(Runnable(work))
        return job.job_id

    def start_folder(self, request: FolderRequest, kind: str = "folder") -> int:
        """List and load a folder (or files) in the background, in batches of rows.

        ``kind`` "row" reloads single rows without cancelling a folder listing.
        """
        job = self._new_job(kind)
        signals = self.signals

        def emit_rows(rows: object) -> None:
            signals.folder_rows.emit(job.job_id, kind, rows)

        def work() -> None:
            try:
                message = run_folder(request, emit_rows, job.cancel.is_set)
            except CancelledError:
                signals.folder_finished.emit(job.job_id, kind, True, "Loading cancelled")
                return
            except Exception as exc:
                message = f"Could not list {request.root}: {exc}"
            signals.folder_finished.emit(job.job_id, kind, job.cancel.is_set(), message)

        self.pool.start(Runnable(work))
        return job.job_id

    def _is_current(self, kind: str, job_id: int, finished: bool) -> bool:
        job = self._current.get(kind)
        if job is None or job.job_id != job_id:
            return False
        if finished:
            del self._current[kind]
        return True

    def _on_signals_compare_progress(self, job_id: int, stage: str, share: float) -> None:
        if self._is_current("compare", job_id, False):
            self.compare_progress.emit(stage, share)

    def _on_signals_compare_preview(self, job_id: int, result: object) -> None:
        if self._is_current("compare", job_id, False):
            self.compare_preview.emit(result)

    def _on_signals_compare_finished(self, job_id: int, result: object) -> None:
        self._resume_gc()
        if self._warm_up_later:
            self._warm_up_later = False
            self.pool.start(Runnable(warm_up))
        if self._is_current("compare", job_id, True):
            self.compare_finished.emit(result)

    def _on_signals_compare_failed(self, job_id: int, message: str) -> None:
        self._resume_gc()
        if self._is_current("compare", job_id, True) and message:
            self.compare_failed.emit(message)

    def _on_signals_folder_rows(self, job_id: int, kind: str, rows: object) -> None:
        if self._is_current(kind, job_id, False):
            self.folder_rows.emit(rows)

    def _on_signals_folder_finished(
        self, job_id: int, kind: str, cancelled: bool, message: str
    ) -> None:
        if self._is_current(kind, job_id, True) and kind == "folder":
            self.folder_finished.emit(cancelled, message)

    def shutdown(self) -> None:
        """Cancel everything and wait for the workers (on exit and in test fixtures)."""
        for kind in list(self._current):
            self.cancel(kind)
        self.pool.waitForDone()


def now() -> float:
    """Monotonic seconds (one clock for all timings shown)."""
    return time.perf_counter()


__all__ = ["CompareOptions", "CompareRequest", "FolderRequest", "Jobs", "now"]
