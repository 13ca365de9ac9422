"""Annotation store work off the GUI thread: one dedicated worker, jobs run in order.

Every store call commits (and fsyncs) before it returns, so it never runs on the GUI
thread. ``StoreWriter`` owns a ``QThreadPool`` of exactly one thread: jobs run in the
order they were submitted, so an edit queued after an add finds the row the add
wrote. The GUI knows an annotation by its ``uuid`` (given before it is stored); the
worker keeps the uuid -> row id map, so an edit or delete queued before the add
finished still reaches the right row. Results come back through queued signals;
``wait`` blocks until every queued write is committed (window close, tests).

A pair's annotations are loaded (and re-anchored, ``annotations_for``) as a job on
the same worker, with a job id: the GUI drops the result of a load that is no
longer current.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from core.errors import RedlineError
from core.model import Document
from core.notes.annotation import Annotation
from core.notes.store import AnnotationStore, annotations_for
from gui.common.runnable import Runnable

StoreWork = Callable[[AnnotationStore], Any]


@dataclass(frozen=True, slots=True)
class Loaded:
    """A pair's annotations as re-anchored to the current texts, and the tag list."""

    old_path: str
    new_path: str
    annotations: tuple[Annotation, ...]
    tags: tuple[str, ...]
    reversed_notes: int = 0  # with none here: those of the same files the other way round


class StoreWriter(QObject):
    """Runs store calls one after another on a dedicated thread.

    Signals:
        done(tag, result): a job finished; ``tag`` is what the caller passed.
        failed(message): a job failed (one line naming the store file).
        loaded(job_id, Loaded): a pair's annotations, for ``load`` job ``job_id``.
        notice(message): the store set aside a damaged database (shown once).
        pending_changed(count): jobs submitted and not yet reported back.
    """

    done = Signal(str, object)
    failed = Signal(str)
    loaded = Signal(int, object)
    notice = Signal(str)
    pending_changed = Signal(int)
    _finished = Signal(str, object, str)  # tag, result, error (worker -> GUI thread)
    _loaded = Signal(int, object, str)

    def __init__(
        self,
        open_store: Callable[[], AnnotationStore],
        take_notice: Callable[[], str | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.pool.setExpiryTimeout(-1)  # one thread for the writer's whole life
        self._open_store = open_store
        self._take_notice = take_notice
        self._ids: dict[str, int] = {}  # uuid -> row id; touched by the worker only
        self._load_ids = itertools.count(1)
        self.pending = 0
        self._finished.connect(self._on_finished)
        self._loaded.connect(self._on_loaded)

    # -- submitting (GUI thread) ---------------------------------------------------

    def _submit(self, run: Callable[[], None]) -> None:
        self.pending += 1
        self.pending_changed.emit(self.pending)
        self.pool.start(Runnable(run))

    def submit(self, tag: str, work: StoreWork) -> None:
        """Run ``work(store)`` after every job submitted before; report ``done``."""
        finished = self._finished

        def run() -> None:
            _reported(finished.emit, tag, "Annotation store", lambda: work(self._store()))

        self._submit(run)

    def load(self, old: Document, new: Document) -> int:
        """Load (and re-anchor) the pair's annotations; returns the job id."""
        job_id = next(self._load_ids)
        signal = self._loaded

        def load() -> Loaded:
            store = self._store()
            found = annotations_for(old, new, store)
            self._remember(found)
            other_way = 0 if found else len(store.pair_annotations(new.path, old.path))
            return Loaded(old.path, new.path, tuple(found), tuple(store.tags()), other_way)

        self._submit(lambda: _reported(signal.emit, job_id, "Annotations", load))
        return job_id

    def wait(self) -> None:
        """Block until every submitted job has committed (on close and in tests)."""
        self.pool.waitForDone()

    # -- the store calls (worker thread) ---------------------------------------------

    def _store(self) -> AnnotationStore:
        store = self._open_store()
        notice = self._take_notice()
        if notice:
            self.notice.emit(notice)
        return store

    def _remember(self, annotations: list[Annotation]) -> None:
        for a in annotations:
            self._ids[a.uuid] = a.id

    def resolved(self, annotation: Annotation) -> Annotation:
        """``annotation`` with the row id its uuid was stored under (worker thread)."""
        return replace(annotation, id=self._ids.get(annotation.uuid, annotation.id))

    def add(self, store: AnnotationStore, pair: tuple[str, str], a: Annotation) -> Annotation:
        """Store a new annotation (worker thread)."""
        stored = store.add(pair[0], pair[1], a)
        self._remember([stored])
        return stored

    def restore(self, store: AnnotationStore, pair: tuple[str, str], a: Annotation) -> Annotation:
        """Put a deleted annotation back with its id (worker thread)."""
        stored = store.restore(pair[0], pair[1], self.resolved(a))
        self._remember([stored])
        return stored

    def update(self, store: AnnotationStore, a: Annotation) -> Annotation:
        """Write an annotation's note, tag and status (worker thread)."""
        return store.update(self.resolved(a))

    def delete(self, store: AnnotationStore, a: Annotation) -> Annotation:
        """Delete an annotation (worker thread)."""
        return store.delete(self.resolved(a).id)

    # -- results (GUI thread) --------------------------------------------------------

    def _settle(self) -> None:
        self.pending = max(self.pending - 1, 0)
        self.pending_changed.emit(self.pending)

    def _on_finished(self, tag: str, result: object, error: str) -> None:
        self._settle()
        if error:
            self.failed.emit(error)
        else:
            self.done.emit(tag, result)

    def _on_loaded(self, job_id: int, loaded: object, error: str) -> None:
        self._settle()
        if error:
            self.failed.emit(error)
        else:
            self.loaded.emit(job_id, loaded)


def _reported(
    emit: Callable[..., None], key: object, label: str, work: Callable[[], object]
) -> None:
    """Run ``work`` and emit ``(key, result, "")``, or ``(key, None, reason)`` in one
    line when it fails (a bug of ours too: told, never a crash)."""
    try:
        result = work()
    except RedlineError as error:
        emit(key, None, str(error))
        return
    except Exception as error:
        emit(key, None, f"{label}: {type(error).__name__}: {error}")
        return
    emit(key, result, "")
