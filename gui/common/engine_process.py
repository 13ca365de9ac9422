"""Loading and comparing in a child process, so the engine never holds the window's GIL.

The engine spends long stretches in single C calls (a regular-expression split of a
whole text, building lists of a million offsets). In the window's own process such a
call holds the interpreter lock for its whole length, and the GUI thread needs that
lock for every Qt call into a Python override: a repaint then waits for several of
them in a row (a 1 MB pair froze the window for 0.4-0.6 s). In a child process the
engine runs on its own core; the worker thread only waits on a pipe, the lock
released, and unpickles the result in pieces (the documents, then the rows and the
blocks in batches), so no single step holds the lock for long.

The window also wants the risk flags (``core.flags``), a quarter of a comparison's
time, and the panes' scroll map (``core.engine.position_map``, 0.1-0.2 s on a 1 MB
pair). ``compare_and_flag`` has the child make both after sending the comparison,
the map first: the window's worker lays the comparison out meanwhile (``use``), on
the other core, and takes the map when it is done with the rest. In
the window's process that work would take turns with the GUI thread for the lock:
Qt's layout holds it too, so every second of Python there is a second more before
the panes are filled.

The child tells the engine's stages as each begins (``core.engine.progress``), before
the comparison, and the worker passes them on to the window's status bar.

No Qt here: the child imports only ``core``. Children are forked from a small
fork server started once (``forkserver``, so starting one costs milliseconds and
the window's threads are never forked), or spawned where that is not available.
Cancelling kills the child.

``start_early`` starts the child of a pair named on the command line before the
window's process imports Qt (``gui.shell.app``): it compares while Qt loads and the
window is built, and the window's first comparison takes it over when it asks for
the same request (``_take_started``). With nothing but the main thread running yet,
that child is forked from the launcher directly.

As with any ``multiprocessing`` child, the program's main script is imported again in
the child: entry points must keep their work under ``if __name__ == "__main__":``
(``redline``, pytest and the benchmark do).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection
from typing import Any

from core.engine.position_map import PositionMap, position_map
from core.engine.progress import Progress
from core.errors import CancelledError, LoadError
from core.flags.detect import Flag
from core.model import CompareOptions, Comparison

# What the window's worker does with a comparison as soon as it has it; the second
# argument gives the comparison's scroll map (made meanwhile by the child, if any).
Use = Callable[[Comparison, Callable[[], PositionMap]], None]

BATCH = 1000  # rows or blocks per message: unpickling one takes a few milliseconds
POLL_SECONDS = 0.05
# Below this (both files together) comparing takes a few tens of milliseconds and
# holds the lock only briefly: a child process would cost more than it saves.
IN_PROCESS_BYTES = 256 * 1024
PROGRESS = "progress"  # a message of the engine's stage, before the comparison


@dataclass(frozen=True, slots=True)
class EngineRequest:
    """What the child loads and compares (plain data: it crosses the pipe)."""

    old_path: str
    new_path: str
    options: CompareOptions
    old_encoding: str | None = None
    new_encoding: str | None = None
    old_as_text: bool = False
    new_as_text: bool = False
    flags: bool = False  # the child also flags the comparison (``compare_and_flag``)


@dataclass(frozen=True, slots=True)
class Started:
    """A child process at work on ``request``; its results come through ``receiver``."""

    request: EngineRequest
    process: Any
    receiver: Connection


def dumps(value: object) -> bytes:
    """``value`` pickled for the pipe (ops, blocks and rows by their fields:
    ``core.model``)."""
    return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


_early: list[Started] = []  # the child ``start_early`` started, until taken or dropped
_early_lock = threading.Lock()


def load_and_compare(
    request: EngineRequest,
    should_cancel: Callable[[], bool] = lambda: False,
    before_compare: Callable[[str, str], object] | None = None,
    progress: Progress = None,
) -> Comparison:
    """Load both documents and compare them (in whichever process calls this);
    ``before_compare`` is given both texts once they are loaded, ``progress`` the
    engine's stages (``core.engine.progress``)."""
    from core.engine.compare import compare
    from core.engine.heap import keep_big_blocks_mapped
    from core.text.document import load_document

    old = load_document(
        request.old_path,
        encoding=request.old_encoding,
        any_suffix=request.old_as_text,
        allow_binary=request.old_as_text,
    )
    new = load_document(
        request.new_path,
        encoding=request.new_encoding,
        any_suffix=request.new_as_text,
        allow_binary=request.new_as_text,
    )
    keep_big_blocks_mapped(len(old.text) + len(new.text))
    if before_compare is not None:
        before_compare(old.text, new.text)
    return compare(old, new, request.options, should_cancel, progress)


def _count_aside(request: EngineRequest, old: str, new: str) -> None:
    """What depends on the texts alone, counted on the other core while the child
    compares them (``core.engine.aside``; long texts only; the child runs one thread,
    so it may fork): the new side's units, and what the flags can have counted there
    when they are shown; then most of the flags, checked in a child of its own while
    the rows and blocks are sent (``core.flags.detect.flags_ahead``)."""
    from core.flags.aside_jobs import allow_aside

    allow_aside(old, new, request.flags)


def _send_progress(conn: Connection, stage: str, done: float) -> None:
    """One of the engine's stages, sent before the result (``_receive`` passes it on)."""
    conn.send_bytes(dumps((PROGRESS, stage, done)))


def serve(conn: Connection, request: EngineRequest) -> None:
    """The child: compare (telling each stage of the engine as it begins), then send
    the result in pieces (or the error)."""
    try:
        comparison = load_and_compare(
            request,
            before_compare=partial(_count_aside, request),
            progress=partial(_send_progress, conn),
        )
    except LoadError as exc:
        conn.send(("error", exc.path, exc.reason))
        return
    except Exception as exc:  # shown as one line, never a traceback
        conn.send(("failed", f"{type(exc).__name__}: {exc}", ""))
        return
    rows, blocks = comparison.rows, comparison.blocks
    head = (comparison.old, comparison.new, comparison.options, comparison.stats)
    counts = (len(rows), len(blocks))
    conn.send_bytes(dumps((head, comparison.approximate, comparison.elapsed, counts)))
    for items in (rows, blocks):  # in batches: unpickling all rows at once took 40-170 ms
        for start in range(0, len(items), BATCH):
            conn.send_bytes(dumps(items[start : start + BATCH]))
    if request.flags:
        from core.flags.detect import flag_comparison

        try:
            conn.send_bytes(dumps(position_map(comparison)))
            flags = flag_comparison(comparison)
        except Exception as exc:  # shown as one line, never a traceback
            conn.send(("failed", f"{type(exc).__name__}: {exc}", ""))
            return
        conn.send_bytes(dumps(flags))
    conn.close()


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(
            [
                "core.engine.compare",
                "core.flags.detect",
                "core.text.document",
                "gui.common.engine_process",
            ]
        )
        return context
    return multiprocessing.get_context("spawn")


def start_child(request: EngineRequest, context: Any = None) -> Started:
    """A child process comparing ``request`` (flagging too if ``request.flags``)."""
    context = context or _context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=serve, args=(sender, request), daemon=True)
    process.start()
    sender.close()
    return Started(request, process, receiver)


def start_early(old_path: str, new_path: str, options: CompareOptions) -> bool:
    """Start comparing a pair named on the command line now, before Qt is imported
    (only this thread runs, so the child is forked from here); False if the pair is
    small enough to compare in the window's process."""
    request = EngineRequest(os.path.abspath(old_path), os.path.abspath(new_path), options)
    if _in_process(request):
        return False
    alone = threading.active_count() == 1  # else forking could copy a held lock
    fork = alone and "fork" in multiprocessing.get_all_start_methods()
    started = start_child(
        _with_flags(request), multiprocessing.get_context("fork") if fork else None
    )
    with _early_lock:
        _early.append(started)
    return True


def early_pending() -> bool:
    """Whether a child ``start_early`` started waits to be taken over."""
    with _early_lock:
        return bool(_early)


def _take_started(request: EngineRequest) -> Started:
    """The early child if it works on ``request`` (another one is killed), else a new one."""
    with _early_lock:
        early = _early.pop() if _early else None
    if early is not None:
        if early.request == request:
            return early
        _stop(early)
    return start_child(request)


def _stop(started: Started) -> None:
    started.receiver.close()
    if started.process.is_alive():
        started.process.kill()
    started.process.join()


def warm_up() -> None:
    """Start the fork server now, so the first comparison does not wait for it."""
    context = _context()
    if context.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def compare_anywhere(request: EngineRequest, should_cancel: Callable[[], bool]) -> Comparison:
    """Compare small files in this process, larger ones in a child process."""
    if _in_process(request):
        return load_and_compare(request, should_cancel)
    return compare_in_child(request, should_cancel)


def _in_process(request: EngineRequest) -> bool:
    """Whether the pair is small enough to compare in this process."""
    total = 0
    for path in (request.old_path, request.new_path):
        with contextlib.suppress(OSError, ValueError):  # loading reports it
            total += os.stat(path).st_size
    return total <= IN_PROCESS_BYTES


def compare_and_flag(
    request: EngineRequest,
    should_cancel: Callable[[], bool],
    use: Use,
    progress: Progress = None,
) -> tuple[Flag, ...]:
    """Compare (small files here, larger ones in a child), hand the comparison to
    ``use`` at once, and return its flags, which a child computes while ``use`` runs
    (and its scroll map, which ``use`` asks for). ``progress`` is told the engine's
    stages as they begin.

    Raises:
        as ``compare_in_child``, and whatever ``use`` raises.
    """
    from core.flags.detect import flag_comparison

    if _in_process(request):
        comparison = load_and_compare(request, should_cancel, progress=progress)
        use(comparison, lambda: position_map(comparison))
        return flag_comparison(comparison)
    flags: list[tuple[Flag, ...]] = []
    compare_in_child(_with_flags(request), should_cancel, use, flags.append, progress)
    return flags[0]


def _with_flags(request: EngineRequest) -> EngineRequest:
    return EngineRequest(
        request.old_path,
        request.new_path,
        request.options,
        request.old_encoding,
        request.new_encoding,
        request.old_as_text,
        request.new_as_text,
        flags=True,
    )


def compare_in_child(
    request: EngineRequest,
    should_cancel: Callable[[], bool],
    use: Use | None = None,
    flagged: Callable[[tuple[Flag, ...]], None] | None = None,
    progress: Progress = None,
) -> Comparison:
    """Load and compare in a child process; wait (lock released) and rebuild the result.

    ``progress`` is told the engine's stages as the child begins them. With
    ``request.flags``, ``use`` gets the comparison while the child makes its scroll
    map and flags it (the map as ``use`` asks for it), and ``flagged`` the flags once
    they arrive.

    Raises:
        LoadError: a document could not be loaded (the child's one-line reason).
        CancelledError: ``should_cancel`` returned True (the child is killed).
        RuntimeError: the child failed or died.
    """
    started = _take_started(request)
    receiver, process = started.receiver, started.process
    try:
        head, approximate, elapsed, (row_count, count) = _receive(
            receiver, process, should_cancel, progress
        )
        rows = _receive_batches(receiver, process, should_cancel, row_count)
        blocks = _receive_batches(receiver, process, should_cancel, count)
        old, new, options, stats = head
        comparison = Comparison(old, new, options, stats, blocks, approximate, elapsed, rows)
        mapped: list[PositionMap] = []

        def mapping() -> PositionMap:
            if not request.flags:
                return position_map(comparison)
            if not mapped:
                mapped.append(_receive(receiver, process, should_cancel))
            return mapped[0]

        if use is not None:
            use(comparison, mapping)
        if request.flags and flagged is not None:
            mapping()  # the next message is the flags
            flagged(_receive(receiver, process, should_cancel))
    finally:
        _stop(started)
    return comparison


def _receive_batches(
    receiver: Connection, process: Any, should_cancel: Callable[[], bool], count: int
) -> tuple[Any, ...]:
    """``count`` items sent in batches of ``BATCH`` (one batch unpickled at a time, so
    that the GUI thread gets the interpreter lock in between)."""
    items: list[Any] = []
    while len(items) < count:
        _wait(receiver, process, should_cancel)
        items.extend(pickle.loads(receiver.recv_bytes()))
    return tuple(items)


def _receive(
    receiver: Connection,
    process: Any,
    should_cancel: Callable[[], bool],
    progress: Progress = None,
) -> Any:
    """The next message but the engine's stages, which go to ``progress``."""
    while True:
        _wait(receiver, process, should_cancel)
        message = pickle.loads(receiver.recv_bytes())
        if not (isinstance(message, tuple) and message and message[0] == PROGRESS):
            break
        if progress is not None:
            progress(message[1], message[2])
    if isinstance(message, tuple) and message and message[0] == "error":
        raise LoadError(message[1], message[2])
    if isinstance(message, tuple) and message and message[0] == "failed":
        raise RuntimeError(message[1])
    return message


def _wait(receiver: Connection, process: Any, should_cancel: Callable[[], bool]) -> None:
    while True:
        if should_cancel():
            process.kill()
            raise CancelledError("comparison cancelled")
        if receiver.poll(POLL_SECONDS):
            return
        if not process.is_alive() and not receiver.poll():
            raise RuntimeError(f"the comparison process ended unexpectedly ({process.exitcode})")
