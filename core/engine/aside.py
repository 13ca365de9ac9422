"""Work on two long texts counted on the other core while this process compares them.

Some of a one-shot comparison's work depends on the two texts alone: the new
version's units, the names of both (``core.flags.names.names_aside``). A
single-threaded process (the command line, the window's engine child: a fork copies
one thread only) ``allow``s it for two texts, with jobs of its own; the engine then
``launch``es one child once it has found the unchanged paragraphs (the child has them
in memory), with the new side's units first. The child does the jobs in order and
sends each result back through a pipe as soon as it is ready (a pickled frame);
``take`` collects one by name. Whatever goes wrong (no ``fork``, one core, a child
that fails or sends nothing) leaves the work to be done in the process, as without
this module: ``take`` then answers None.

Once the comparison's blocks are built (``built``), work on them can be ``shared``
with a second child: each does pieces from one end until they meet.

May import: the standard library only (``core.flags`` and the command line use it).
"""

from __future__ import annotations

import atexit
import contextlib
import mmap
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import BinaryIO, TypeVar, cast

MIN_CHARS = 200_000
"""Texts shorter than this (both together) are left to the process: a fork and a
pickle cost more than they save."""

WAIT_SECONDS = 120.0
"""How long ``take`` waits for a result at most (a 5 MB pair's jobs take about two
seconds)."""

Job = tuple[str, Callable[[str, str], object]]
"""A name, and what to count from the old and the new text (its result is pickled)."""

T = TypeVar("T")

_FRAME_HEADER = 8  # a chunk: its length (8 bytes, little-endian), then its bytes
# A frame (one result): its pickle in chunks as the pickler writes them (up to 64 KB
# of opcodes, or one long bytes object: an array's items), then a chunk of length 0.

REGION_BYTES_PER_CHAR = 8
"""The memory the units child shares with this process, in bytes per code point of
both texts (and 1 MB more): its results are pickled there, and only a word of where
each lies crosses the pipe. A 1 MB text's units are 4 MB of pickle: through the pipe
(1 MB at most here) the child waited for this process to read them, which it does
only once its own side's units are done and its modules loaded (17 ms from the
units counted to their last byte sent, on the path to the result; 5 ms pickled into
the region). Only what is written is memory; a result that does not fit is sent
through the pipe."""

# A frame that says a result lies in the shared region: (this, start, end).
_IN_REGION = "\x00in the region"


@dataclass
class _Child:
    old: str
    new: str
    read: int
    pid: int
    jobs: frozenset[str]
    names: set[str]  # the jobs whose results were not taken (nor given up) yet
    received: dict[str, object] = field(default_factory=dict)
    region: mmap.mmap | None = None  # memory shared with the child (its results)


_pending: _Child | None = None
_allowed: tuple[str, str, tuple[Job, ...]] | None = None  # texts and the caller's jobs
_single_threaded_for: tuple[str, str] | None = None  # the texts ``allow`` was called for
# What the caller starts once the comparison's blocks are built (``built``).
_when_built: tuple[str, str, Callable[[object], None]] | None = None
# What the caller needs later, done the first time ``take`` would wait (``allow``).
_meanwhile: Callable[[], None] | None = None


def allow(
    old: str,
    new: str,
    jobs: Sequence[Job] = (),
    when_built: Callable[[object], None] | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> bool:
    """Let ``launch`` fork a child for ``old`` and ``new`` (the caller runs one
    thread), which then does ``jobs`` too; when it is worth it here. Returns whether.

    ``when_built`` is called with the comparison of these texts once its blocks are
    built, before its rows (``built``): work on the blocks can start beside the rows.

    ``meanwhile`` is done once, the first time ``take`` would wait for the child's
    result (never, if none is late): what the caller needs later anyway (the modules
    of its report, loaded while this process would only wait, and before a flags
    child is forked, which then has them too).
    """
    global _allowed, _single_threaded_for, _when_built, _meanwhile
    _single_threaded_for = (old, new)
    _allowed = (old, new, tuple(jobs)) if worth_it(len(old) + len(new)) else None
    _when_built = (old, new, when_built) if _allowed is not None and when_built else None
    _meanwhile = meanwhile if _allowed is not None else None
    return _allowed is not None


def built(old: str, new: str, comparison: Callable[[], object]) -> None:
    """The engine's word that the comparison of ``old`` and ``new`` has its blocks
    (``comparison()`` makes it, its rows still empty): what the caller gave ``allow``
    as ``when_built`` for these texts starts now, once."""
    global _when_built
    hook, _when_built = _when_built, None
    if hook is not None and hook[0] is old and hook[1] is new:
        hook[2](comparison())


def launch(old: str, new: str, first: Sequence[Job]) -> bool:
    """Fork the child ``allow`` let for these two texts: ``first``, then the jobs given
    there. Returns whether a child was started (False: not allowed for these texts)."""
    global _allowed
    allowed, _allowed = _allowed, None
    if allowed is None or allowed[0] is not old or allowed[1] is not new:
        return False
    return start(old, new, [*first, *allowed[2]])


def worth_it(chars: int) -> bool:
    """Whether texts of ``chars`` code points (both together) are worth a child here."""
    return (
        chars >= MIN_CHARS
        and hasattr(os, "fork")
        and sys.platform.startswith("linux")
        and usable_cpus() > 1
    )


def usable_cpus() -> int:
    """The processors this process may run on: its affinity's (``taskset``, a
    container's ``cpuset``), not the machine's count. On one of them a child would
    only take turns with this process, and cost its fork and its results' pickles."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # (no affinity here: the machine's count)
        return os.cpu_count() or 1


def start(old: str, new: str, jobs: Sequence[Job]) -> bool:
    """Do ``jobs`` for ``old`` and ``new`` in a forked child, when it is worth it here.

    Returns whether a child was started (``take`` then collects its results).
    """
    global _pending
    if not jobs or not worth_it(len(old) + len(new)):
        return False
    stop()  # a child counting for other texts is of no more use
    reap(wait=False)
    region = _shared_region(REGION_BYTES_PER_CHAR * (len(old) + len(new)) + (1 << 20))
    forked = _fork(partial(_serve, old=old, new=new, jobs=jobs, region=region))
    if forked is None:
        _closed(region)
        return False
    names = {name for name, _ in jobs}
    _pending = _Child(old, new, forked[1], forked[0], frozenset(names), names, region=region)
    return True


def _shared_region(size: int) -> mmap.mmap | None:
    """Anonymous memory of ``size`` bytes that a child forked next shares with this
    process (``REGION_BYTES_PER_CHAR``), or None where there is none."""
    try:
        return mmap.mmap(-1, size)  # (MAP_SHARED | MAP_ANONYMOUS)
    except (OSError, ValueError, OverflowError):
        return None


def _closed(region: mmap.mmap | None) -> None:
    """``region`` given back (nothing of it is in use: what was read was copied)."""
    if region is not None:
        with contextlib.suppress(BufferError, OSError):
            region.close()


def _fork(work: Callable[[int, int], None]) -> tuple[int, int] | None:
    """A child that runs ``work`` (the pipe's write end, this process's id) with its
    standard streams on the null device, then leaves without any clean-up. Returns
    its id and the pipe's read end, or None when no child could be forked."""
    read, write = os.pipe()
    _widen(read)
    parent = os.getpid()
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid == 0:
        code = 1
        try:
            os.close(read)
            _let_go_of_standard_streams()
            work(write, parent)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def _serve(
    fd: int,
    parent: int,
    *,
    old: str,
    new: str,
    jobs: Sequence[Job],
    region: mmap.mmap | None = None,
) -> None:
    at = 0  # (where the next result goes in the shared region)
    with os.fdopen(fd, "wb") as out:
        for k, (name, job) in enumerate(jobs):
            # (through ctypes, after the first result: its import is 3 ms)
            if k == 1 or "ctypes" in sys.modules or set_parent_death_signal is not None:
                _leave_with(parent)
            found = (name, job(old, new))  # each result sent as soon as it is ready
            end = _placed(region, at, found) if region is not None else None
            if end is None:
                _write_frame(out, found)
            else:
                _write_frame(out, (_IN_REGION, at, end))
                at = end


def _placed(region: mmap.mmap, at: int, found: object) -> int | None:
    """``found`` pickled into ``region`` from ``at``: where it ends, or None when it
    does not fit there (then it goes through the pipe)."""
    import pickle

    region.seek(at)
    try:
        pickle.Pickler(region, protocol=pickle.HIGHEST_PROTOCOL).dump(found)
    except ValueError:  # (mmap's write: "data out of range")
        return None
    return region.tell()


_left_with: int | None = None


def _leave_with(parent: int) -> None:
    """Have the system stop this child when ``parent`` goes (a window's engine child
    killed on cancel: what it counts here is of no more use), once."""
    global _left_with
    if _left_with == parent:
        return
    _left_with = parent
    with contextlib.suppress(OSError, AttributeError, ImportError):
        import signal

        if set_parent_death_signal is not None:
            set_parent_death_signal(int(signal.SIGKILL))
        else:
            import ctypes

            ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL))
    if os.getppid() != parent:  # gone before that was set
        os._exit(1)


PR_SET_PDEATHSIG = 1  # prctl's option (linux/prctl.h)

set_parent_death_signal: Callable[[int], bool] | None
try:
    # The compiled path's (``parent_death.c``, built by ``make native``): prctl without
    # importing ctypes.
    from core.engine.parent_death import set_parent_death_signal
except ImportError:
    set_parent_death_signal = None


def _let_go_of_standard_streams() -> None:
    """The child's standard streams to the null device: it writes nothing there, and
    must not keep the caller's pipes open (a caller reading ``redline``'s output waits
    for every holder to close it)."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)


def stop() -> None:
    """The child stopped and reaped: when every result wanted was taken, and a child
    whose results were not is stopped, not waited for (at exit, and when another pair
    is started)."""
    global _pending
    if _pending is None:
        return
    child, _pending = _pending, None
    os.close(child.read)
    _end(child.pid)
    _closed(child.region)


def _end(pid: int) -> None:
    """Child ``pid`` stopped and reaped (it may have left already)."""
    import signal

    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


# Children stopped but not waited for (``_let_go``): reaped once gone.
_unreaped: list[int] = []


def _let_go(pid: int) -> None:
    """Child ``pid`` stopped, reaped now if it is gone already, else once it is
    (``reap``): a child leaving gives its memory back to the system first, 4-5 ms for
    the flags child of a 1 MB pair, which the caller need not wait for."""
    import signal

    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
    _unreaped.append(pid)
    reap(wait=False)


def reap(wait: bool = True) -> None:
    """Reap the children stopped by ``_let_go``: those gone, or (``wait``) all."""
    for pid in list(_unreaped):
        try:
            done = os.waitpid(pid, 0 if wait else os.WNOHANG)[0]
        except ChildProcessError:
            done = pid  # (reaped already)
        if done:
            _unreaped.remove(pid)


atexit.register(stop)
atexit.register(reap)


def take(old: str, new: str, name: str, wait: bool = True) -> object | None:
    """The result of job ``name`` a child counted for exactly these two texts, or None
    (no child started for them with that job, or it failed: count it here). Without
    ``wait``, only a result already sent: else the job is given up (its result
    dropped when it comes) and left to the caller."""
    global _meanwhile
    child = _pending
    if child is None or child.old is not old or child.new is not new:
        return None
    if name not in child.names:
        return None  # never asked of it, taken already or given up
    while name not in child.received:
        if not wait and not _sent(child.read):
            child.names.discard(name)
            if not child.names:
                _stopped()  # (nothing more of use is coming)
            return None
        if _meanwhile is not None and not _sent(child.read):
            work, _meanwhile = _meanwhile, None
            _prepared(work)  # (the result is late: this process would only wait)
            continue
        if not _receive(child):
            _stopped()  # failed, stuck or cut short: whatever is left is counted here
            return None
    child.names.discard(name)
    found = child.received.pop(name)
    if not child.names:
        _stopped()  # every result wanted is here (the child may still do one given up)
    return found


def _stopped() -> None:
    """``stop``, with nothing left to do while a result is late (``take``)."""
    global _meanwhile
    _meanwhile = None
    stop()


def _prepared(work: Callable[[], None]) -> None:
    """The caller's ``meanwhile``, and what this module needs once its child is done
    (``signal``, to stop it): loaded while a result is late. A module that fails to
    load here is left to fail where it is needed, as without this."""
    import signal  # noqa: F401  (``_end``, ``_let_go``)

    with contextlib.suppress(ImportError):
        work()


def _receive(child: _Child) -> bool:
    """Read the child's next frame into ``child.received``; False when none comes."""
    found = _loaded(child.read)
    if isinstance(found, tuple) and len(found) == 3 and found[0] == _IN_REGION:
        found = _from_region(child.region, found[1], found[2])
    if not (isinstance(found, tuple) and len(found) == 2 and found[0] in child.jobs):
        return False
    if found[0] in child.names:  # (else given up: dropped)
        child.received[found[0]] = found[1]
    return True


def _from_region(region: mmap.mmap | None, start: object, end: object) -> object:
    """The result the child pickled into ``region`` from ``start`` to ``end``; None
    when it is not there whole."""
    import pickle

    if not (isinstance(start, int) and isinstance(end, int) and region is not None):
        return None
    if not 0 <= start < end <= len(region):
        return None
    with memoryview(region) as whole:
        part = whole[start:end]
        try:
            return pickle.loads(part)
        except (pickle.UnpicklingError, *_BAD_PICKLE):
            return None
        finally:
            part.release()
            _let_go_of_pages(region, start, end)


def _let_go_of_pages(region: mmap.mmap, start: int, end: int) -> None:
    """The pages of ``region`` from ``start`` to ``end`` (rounded out to whole pages)
    no more in this process's memory: the result read there is copied, and a 5 MB
    text's units, 20 MB of pickle, kept the process's peak 18 MB higher. The memory
    is shared, so what the child writes on the same pages stays there to be read."""
    page = mmap.PAGESIZE
    low, high = start - start % page, min(len(region), end + (-end) % page)
    with contextlib.suppress(OSError, ValueError, AttributeError):
        region.madvise(mmap.MADV_DONTNEED, low, high - low)


def _sent(fd: int) -> bool:
    """Whether the child has begun to send something (a frame is read whole)."""
    import select

    return bool(select.select([fd], [], [], 0)[0])


# What unpickling a cut or foreign frame raises, besides ``pickle.UnpicklingError``.
_BAD_PICKLE = (EOFError, ValueError, TypeError, AttributeError, ImportError, IndexError)


def _loaded(fd: int) -> object:
    """The next frame on ``fd`` unpickled as its chunks come (the child still pickling
    the rest: a 1 MB text's units, 4 MB, cross in the time the child takes to pickle
    them); None when none comes whole or it does not load (every frame holds a
    tuple)."""
    import pickle  # (loaded only with a child)

    chunks = _Chunks(fd)
    try:
        found = pickle.Unpickler(chunks).load()
        return found if chunks.ended() else None
    except (pickle.UnpicklingError, *_BAD_PICKLE):
        return None


class _Chunks:
    """One frame read from ``fd`` as a file, for ``pickle.Unpickler``: each chunk read
    when the unpickler gets to it, within ``WAIT_SECONDS`` for the whole frame."""

    def __init__(self, fd: int) -> None:
        import time

        self._fd = fd
        self._deadline = time.monotonic() + WAIT_SECONDS
        self._buffer = b""
        self._at = 0
        self._over = False

    def _more(self) -> bool:
        """The next chunk added to what is left unread; False at the frame's end.
        Raises EOFError when the pipe ends or stays silent first."""
        if self._over:
            return False
        header = _read(self._fd, _FRAME_HEADER, self._deadline)
        if header is None:
            raise EOFError("the child's frame was cut short")
        size = int.from_bytes(header, "little")
        if size == 0:
            self._over = True
            return False
        chunk = _read(self._fd, size, self._deadline)
        if chunk is None:
            raise EOFError("the child's frame was cut short")
        left = self._buffer[self._at :]
        self._buffer = left + chunk if left else chunk
        self._at = 0
        return True

    def read(self, size: int = -1) -> bytes:
        while (size < 0 or len(self._buffer) - self._at < size) and self._more():
            pass
        end = len(self._buffer) if size < 0 else self._at + size
        out = self._buffer[self._at : end]
        self._at += len(out)
        return out

    def readinto(self, target: bytearray | memoryview) -> int:
        data = self.read(len(target))
        target[: len(data)] = data
        return len(data)

    def readline(self) -> bytes:
        while True:
            newline = self._buffer.find(b"\n", self._at)
            if newline >= 0:
                return self.read(newline + 1 - self._at)
            if not self._more():
                return self.read()

    def ended(self) -> bool:
        """Whether the frame ends where its pickle did (its last chunk read)."""
        return self._at == len(self._buffer) and not self._more()


class _ChunkWriter:
    """A pipe as the file ``pickle.Pickler`` writes to: each write one chunk, sent at
    once (the parent unpickles it while the rest is pickled)."""

    def __init__(self, out: BinaryIO) -> None:
        self._out = out

    def write(self, data: bytes | memoryview) -> int:
        size = len(data)
        if size:
            self._out.write(size.to_bytes(_FRAME_HEADER, "little"))
            self._out.write(data)
            self._out.flush()
        return size


def _write_frame(out: BinaryIO, found: object) -> None:
    """``found`` pickled into ``out`` in chunks, then the frame's end, flushed."""
    import pickle

    pickle.Pickler(_ChunkWriter(out), protocol=pickle.HIGHEST_PROTOCOL).dump(found)
    out.write((0).to_bytes(_FRAME_HEADER, "little"))
    out.flush()


def _read(fd: int, size: int, deadline: float) -> bytes | None:
    """Exactly ``size`` bytes from ``fd``, or None at its end or after ``deadline``
    (``time.monotonic``'s)."""
    import select
    import time

    chunks: list[bytes] = []
    while size > 0:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def may_fork(old: str, new: str) -> bool:
    """Whether work on ``old`` and ``new`` may be forked (``shared``): the caller said
    it runs one thread when it ``allow``ed work aside for these two texts, and a child
    helps here (Linux, two cores or more)."""
    texts = _single_threaded_for
    return texts is not None and texts[0] is old and texts[1] is new and worth_it(MIN_CHARS)


def shared(work: Callable[[int], T], count: int) -> Callable[[Callable[[int], T]], list[T]]:
    """Pieces ``0 .. count - 1`` of some work, done by a forked child from the first
    on while the caller goes on (when ``may_fork``). The callable returned does the
    pieces left here, from the last down (with ``here``), until it meets the child's,
    and gives every piece's result in order: how much each does follows from how
    fast each goes. A child that cannot be started or fails leaves its pieces here.
    """
    forked = _fork(partial(_send_pieces, work, count))
    if forked is None:
        return lambda here: [here(k) for k in range(count)]
    pid, read = forked

    def meet(here: Callable[[int], T]) -> list[T]:
        import select

        got: dict[int, T] = {}
        sent = 0  # the pieces below it came from the child; -1: it is gone
        k = count - 1
        while k >= sent >= 0:
            while sent >= 0 and select.select([read], [], [], 0)[0]:
                sent = _receive_piece(read, got, sent)  # (what it sent meanwhile)
            if k == sent:  # the child is at this piece: wait for it
                sent = _receive_piece(read, got, sent)
            elif k > sent:
                got[k] = here(k)
                k -= 1
        while k >= 0 and k not in got:  # (the child gone: the rest done here)
            got[k] = here(k)
            k -= 1
        _let_go(pid)
        os.close(read)
        return [got[n] for n in range(count)]

    return meet


def _receive_piece(fd: int, got: dict[int, T], piece: int) -> int:
    """The child's next frame, piece ``piece``, into ``got``; the next piece expected,
    or -1 when none comes whole (the child failed or is stuck)."""
    found = _loaded(fd)
    if not (isinstance(found, tuple) and len(found) == 2 and found[0] == piece):
        return -1
    got.setdefault(piece, cast(T, found[1]))  # (one done here too is the same)
    return piece + 1


def _widen(fd: int) -> None:
    """The pipe of ``fd`` holding up to 1 MB, where the system lets it (Linux's
    ``F_SETPIPE_SZ``): a child sending pieces while the caller is busy elsewhere
    would wait once 64 KB are sent, and a result of megabytes (the new side's units
    of a 1 MB text: 3.8 MB) crossed 64 KB at a time, a switch between the processes
    each time (4 ms of the 25 the units take to cross)."""
    import fcntl

    with contextlib.suppress(OSError):
        fcntl.fcntl(fd, 1031, 1 << 20)  # F_SETPIPE_SZ (linux/fcntl.h)


def _send_pieces(work: Callable[[int], object], count: int, fd: int, parent: int) -> None:
    _leave_with(parent)
    with os.fdopen(fd, "wb") as out:
        for k in range(count):
            _write_frame(out, (k, work(k)))
