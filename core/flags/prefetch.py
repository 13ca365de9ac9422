"""The names' tallies of two long texts, counted on the other core while the engine
compares them.

The names check needs a tally of both whole texts (``names.SharedParagraphs``): about
0.1 s per MB, a third of a one-shot ``redline compare`` of a lightly edited 1 MB pair.
It depends on the texts alone, not on the comparison, so a one-shot process can count
it in a forked child while it compares: ``start`` forks, the child sends the tallies
back through a pipe (pickled), and ``SharedParagraphs`` takes them instead of counting
(``take``). Whatever goes wrong (no ``fork``, one core, a child that fails or sends
nothing) leaves the tallies to be counted in the process, as without this module.

Only for single-threaded one-shot processes (the command line): a fork copies one
thread only, and the window's engine child keeps its own ways.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from collections.abc import Callable, Mapping

MIN_CHARS = 200_000
"""Texts shorter than this (both together) are tallied in the process: a fork and a
pickle cost more than they save."""

Tallies = Mapping[str, object]

_pending: tuple[str, str, int, int] | None = None  # old, new, read end, child pid


def start(old: str, new: str, tallies: Callable[[str, str], Tallies]) -> bool:
    """Count ``tallies(old, new)`` in a forked child, when it is worth it here.

    Returns whether a child was started (``take`` then collects its result).
    """
    global _pending
    if not _worth_it(len(old) + len(new)):
        return False
    _stop()  # a child counting for other texts is of no more use
    import pickle  # (here: a short comparison never loads what only the fork needs)

    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return False
    if pid == 0:  # the child: count, send, and leave without any clean-up
        code = 1
        try:
            os.close(read)
            _let_go_of_standard_streams()
            with os.fdopen(write, "wb") as out:
                pickle.dump(tallies(old, new), out, protocol=pickle.HIGHEST_PROTOCOL)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    _pending = (old, new, read, pid)
    return True


def _let_go_of_standard_streams() -> None:
    """The child's standard streams to the null device: it writes nothing there, and
    must not keep the caller's pipes open (a caller reading ``redline``'s output waits
    for every holder to close it)."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)


def _stop() -> None:
    """A child whose tallies were never taken is stopped, not waited for (at exit,
    and when another pair is started)."""
    global _pending
    if _pending is None:
        return
    import signal

    _, _, read, pid = _pending
    _pending = None
    os.close(read)
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


atexit.register(_stop)


def take(old: str, new: str) -> dict[str, object] | None:
    """The tallies a child counted for exactly these two texts, or None (none
    started for them, or the child failed: count them here)."""
    global _pending
    if _pending is None or _pending[0] is not old or _pending[1] is not new:
        return None
    _, _, read, pid = _pending
    _pending = None
    import pickle
    import signal

    try:
        data = _read_all(read, WAIT_SECONDS)
        if data is None:  # a child stuck (it should never be): stop it, count here
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        if data is None or status != 0 or not data:
            return None
        found = pickle.loads(data)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        return None
    return found if isinstance(found, dict) else None


WAIT_SECONDS = 120.0
"""How long ``take`` waits for the child's tallies at most (a 5 MB pair takes about
a second)."""


def _read_all(fd: int, seconds: float) -> bytes | None:
    """Everything until the end of the pipe, or None when it takes over ``seconds``."""
    import select
    import time

    chunks: list[bytes] = []
    deadline = time.monotonic() + seconds
    with os.fdopen(fd, "rb", buffering=0) as source:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([source], [], [], left)[0]:
                return None
            chunk = source.read(1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


def _worth_it(chars: int) -> bool:
    return (
        chars >= MIN_CHARS
        and hasattr(os, "fork")
        and sys.platform.startswith("linux")
        and (os.cpu_count() or 1) > 1
    )
