"""Atomic file writes: readers see the old file or the new one, never a partial one.

The bytes go to a temporary file in the target's folder (so ``os.replace`` is a
rename on one file system), are flushed and fsynced, then replace the target. On any
failure the temporary file is removed and the previous target is left intact.
"""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pathlib costs 3 ms at start-up, and only names a type here
    from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, creating the parent folder if needed.

    Args:
        path: the target file.
        data: the complete new contents.

    Raises:
        OSError: the folder could not be created or written (disk full, read-only);
            the previous file is unchanged and no temporary file is left.
    """
    import tempfile  # ~4 ms to import: only when a file is written, not at start-up

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_folder(path.parent)


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
