"""Background jobs of story families: scanning a folder, and building its matrix.

One job of each kind at a time: a new scan cancels the running one (and the matrix
of the old folder), and results whose id is stale are dropped before anyone sees
them. The scan function can be replaced (tests use a slow one to cancel).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThreadPool, Signal

from core.errors import CancelledError, RedlineError
from core.families.scan import ScanOptions, ScanResult, scan_folder
from core.families.scan_report import scan_from_json
from gui.common.runnable import Runnable
from gui.documents.family_index import FamilyIndex, index_scan
from gui.families.data import matrix_for

ScanFunction = Callable[..., ScanResult]
SCAN, MATRIX = "scan", "matrix"


@dataclass(frozen=True, slots=True)
class ScanOutcome:
    """A finished scan and the window's view of it."""

    result: ScanResult
    index: FamilyIndex
    loaded: str = ""  # the scan's JSON file, when read from one instead of scanning


class _Signals(QObject):
    progress = Signal(int, int, int)
    finished = Signal(str, int, object)
    failed = Signal(str, int, str)


class FamilyJobs(QObject):
    """Runs the scan and matrix jobs; re-emits only the current job's results."""

    scan_progress = Signal(int, int)
    scan_finished = Signal(object)
    matrix_finished = Signal(object)
    failed = Signal(str, str)

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        self.scan_function: ScanFunction = scan_folder
        self._ids = itertools.count(1)
        self._current: dict[str, tuple[int, threading.Event]] = {}
        self._signals = _Signals(self)
        self._signals.progress.connect(self._on_signals_progress)
        self._signals.finished.connect(self._on_signals_finished)
        self._signals.failed.connect(self._on_signals_failed)

    def busy(self, kind: str) -> bool:
        """Whether a job of ``kind`` (``scan`` or ``matrix``) is running."""
        return kind in self._current

    def cancel(self, kind: str) -> bool:
        """Cancel the job of ``kind``; True if one was running."""
        job = self._current.pop(kind, None)
        if job is not None:
            job[1].set()
        return job is not None

    def _start(
        self, kind: str, work: Callable[[int, threading.Event], object], loading: bool = False
    ) -> None:
        self.cancel(kind)
        job_id, cancel = next(self._ids), threading.Event()
        self._current[kind] = (job_id, cancel)
        signals = self._signals

        def run() -> None:
            try:
                outcome = work(job_id, cancel)
            except CancelledError:
                signals.failed.emit(kind, job_id, "")
                return
            except RedlineError as exc:
                prefix = "Scan results not opened" if loading else "Story families not found"
                signals.failed.emit(kind, job_id, f"{prefix}: {exc}")
                return
            except Exception as exc:  # one line in the window, never a traceback
                signals.failed.emit(kind, job_id, f"Finding story families failed: {exc}")
                return
            signals.finished.emit(kind, job_id, outcome)

        self.pool.start(Runnable(run))

    def start_scan(self, root: str, recursive: bool) -> None:
        """Fingerprint and group the documents of ``root`` (cancels a running scan)."""
        self.cancel(MATRIX)
        scan, progress = self.scan_function, self._signals.progress
        options = ScanOptions(recursive=recursive)

        def work(job_id: int, cancel: threading.Event) -> ScanOutcome:
            def report(done: int, total: int) -> None:
                progress.emit(job_id, done, total)

            result = scan(root, options, report, cancel.is_set)
            return ScanOutcome(result, index_scan(result, read_headlines=True))

        self._start(SCAN, work)

    def start_loaded(self, path: str) -> None:
        """Read a scan's JSON (``redline scan --format json``, on a cluster or here) as
        this job's result, instead of scanning (cancels a running scan)."""
        self.cancel(MATRIX)

        def work(_job_id: int, _cancel: threading.Event) -> ScanOutcome:
            try:
                with open(path, "rb") as file:
                    data = file.read()
            except OSError as exc:
                raise RedlineError(f"{path}: {exc.strerror or exc}") from None
            try:
                result = scan_from_json(data.decode("utf-8"))
            except UnicodeDecodeError:
                raise RedlineError(f"{path}: not a Redline scan (not UTF-8 text)") from None
            except RedlineError as exc:
                raise RedlineError(f"{path}: {exc}") from None
            return ScanOutcome(result, index_scan(result, read_headlines=True), loaded=path)

        self._start(SCAN, work, loading=True)

    def start_matrix(self, result: ScanResult) -> None:
        """Build the similarity matrix of a scan (``MatrixData`` or a refusal)."""
        self._start(MATRIX, lambda _id, cancel: matrix_for(result, should_cancel=cancel.is_set))

    def _is_current(self, kind: str, job_id: int, finished: bool) -> bool:
        job = self._current.get(kind)
        if job is None or job[0] != job_id:
            return False
        if finished:
            del self._current[kind]
        return True

    def _on_signals_progress(self, job_id: int, done: int, total: int) -> None:
        if self._is_current(SCAN, job_id, False):
            self.scan_progress.emit(done, total)

    def _on_signals_finished(self, kind: str, job_id: int, outcome: object) -> None:
        if self._is_current(kind, job_id, True):
            (self.scan_finished if kind == SCAN else self.matrix_finished).emit(outcome)

    def _on_signals_failed(self, kind: str, job_id: int, message: str) -> None:
        if self._is_current(kind, job_id, True) and message:
            self.failed.emit(kind, message)

    def shutdown(self) -> None:
        """Cancel both jobs (the window waits for the pool on exit)."""
        self.cancel(SCAN)
        self.cancel(MATRIX)
