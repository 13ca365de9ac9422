"""Atomic file writes: readers see the old file or the new one, never a partial one.

The bytes go to a temporary file in the target's folder (so ``os.replace`` is a
rename on one file system), are flushed and fsynced, then replace the target. On any
failure the temporary file is removed and the previous target is left intact.

A process killed mid-write (kill -9, a power cut) leaves its temporary file
(``.<name>.<8 random characters>.tmp``) behind. A writer holds an exclusive
``flock`` on its temporary file until it has been renamed, so after a successful
save the leftovers of that pattern beside the target that nobody holds (the lock
dies with its process) and that are a few seconds old are removed. Another writer
of the same target at that moment holds its lock, and is left alone.

Permissions are those of a plain write: a new file gets ``0666`` less the umask (a
report on a shared drive is readable by the group when the umask says so), a
replaced file keeps its mode (``mkstemp`` alone would make every save private).
"""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pathlib costs 3 ms at start-up, and only names a type here
    from collections.abc import Iterable
    from pathlib import Path

# A temporary file younger than this may be one a writer has just created and not
# yet locked: left alone.
STALE_AFTER = 5.0
# Without flock, only leftovers this old are taken for dead.
UNLOCKABLE_STALE_AFTER = 3600.0


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (``atomic_write_parts`` of one part)."""
    atomic_write_parts(path, (data,))


def atomic_write_parts(path: Path, parts: Iterable[bytes]) -> None:
    """Write ``parts`` to ``path`` atomically, creating the parent folder if needed.

    The parts are written as they come (a report made piece by piece is never held
    whole in memory); readers see the file only once the last one is written.

    Stale temporary files of an earlier interrupted save of ``path`` are removed
    once this save has succeeded.

    Args:
        path: the target file.
        parts: the complete new contents, in order.

    Raises:
        OSError: the folder could not be created or written (disk full, read-only);
            the previous file is unchanged and no temporary file is left.
    """
    import tempfile  # ~4 ms to import: only when a file is written, not at start-up

    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as tmp:
            locked = _lock(tmp.fileno(), blocking=True)
            for part in parts:
                tmp.write(part)
            tmp.flush()
            os.fsync(tmp.fileno())
            if locked:  # renamed while still held, so no cleaner takes it meanwhile
                os.replace(tmp_name, path)
        if not locked:
            os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_folder(path.parent)
    remove_stale_temporaries(path)


def _mode_for(path: Path) -> int:
    """The mode a write of ``path`` should leave: the file's own, else 0666 less the umask."""
    import stat

    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    """The process's umask, read without changing it where the system tells it
    (Linux ``/proc``); elsewhere set and restored at once."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    old = os.umask(0o022)
    os.umask(old)
    return old


def _lock(fd: int, *, blocking: bool) -> bool:
    """Take an exclusive ``flock`` on ``fd``; False where that cannot be had."""
    try:
        import fcntl
    except ImportError:  # Windows: no flock
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def remove_stale_temporaries(path: Path, *, min_age: float = STALE_AFTER) -> list[str]:
    """Remove the temporary files an interrupted save of ``path`` left beside it.

    Only names of this module's pattern (``.<name>.<8 characters>.tmp``), regular
    files, at least ``min_age`` seconds old, that no writer holds locked. Where
    ``flock`` is missing, those over an hour old.

    Returns:
        The names removed.
    """
    import re
    import stat
    import time

    pattern = re.compile(rf"\.{re.escape(path.name)}\.[a-z0-9_]{{8}}\.tmp")
    removed: list[str] = []
    now = time.time()
    try:
        entries = [e for e in os.scandir(path.parent) if pattern.fullmatch(e.name)]
    except OSError:
        return removed
    for entry in entries:
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < min_age:
                continue
            fd = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            try:
                free = _lock(fd, blocking=False)
                if free or (now - info.st_mtime > UNLOCKABLE_STALE_AFTER and not _can_lock()):
                    os.unlink(entry.path)
                    removed.append(entry.name)
            finally:
                os.close(fd)
    return removed


def _can_lock() -> bool:
    try:
        import fcntl  # noqa: F401
    except ImportError:
        return False
    return True


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically (see ``atomic_write_bytes``)."""
    atomic_write_bytes(path, text.encode("utf-8"))


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows opening a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
