"""Opening the annotation database: connect, check, WAL, migrate, or set it aside.

A database that cannot be used (a directory or another file in its place, not a
database, damaged, truncated, someone else's tables) is renamed
``<name>.corrupt-<time>`` together with its WAL, a fresh database is started, and
the caller gets a one-line message naming both files. A database written by a
newer Redline is left untouched and refused.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from core.errors import AnnotationStoreError
from core.notes.schema import SCHEMA_VERSION, TABLES, migrate, table_names, user_version
from core.text.names import printable_path

BUSY_TIMEOUT_MS = 10_000
"""How long a second instance waits for the write lock before giving up."""
_SIDECARS = ("-wal", "-shm", "-journal")
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


@dataclass(frozen=True, slots=True)
class OpenedDatabase:
    """A ready connection, and the message to show if a bad file was set aside."""

    conn: sqlite3.Connection
    recovered_message: str | None


class _Unusable(Exception):
    """The file at the database path cannot be used; ``what`` completes a sentence."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def os_reason(error: BaseException) -> str:
    """A short reason for an error, without a path."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


def _is_corruption(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(error)
    return "malformed" in text or "not a database" in text


def _prepare(conn: sqlite3.Connection, shown: str) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    check = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
    if check != ["ok"]:
        raise _Unusable(f"is damaged ({check[0] if check else 'no check result'})")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    # Version and tables are read under the write lock, in one transaction: a second
    # instance creating the schema at this moment is either done or not started,
    # never seen half-way (tables present but version still 0 would look foreign).
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = user_version(conn)
        if version > SCHEMA_VERSION:
            raise AnnotationStoreError(
                shown,
                f"was written by a newer Redline (schema {version}; this one reads up to "
                f"{SCHEMA_VERSION}); it was left untouched",
            )
        if version == 0 and table_names(conn):
            raise _Unusable("is not a Redline annotation database")
        if version < SCHEMA_VERSION:
            migrate(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    if not TABLES.issubset(table_names(conn)):
        raise _Unusable("lacks the annotation tables")


def _connect(path: Path, shown: str) -> sqlite3.Connection:
    """Open and prepare, retrying while another instance holds a lock.

    Switching a database to WAL while another process is creating it can fail at
    once with "database is locked" (SQLite does not wait there): try again until
    the usual busy timeout is spent.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return _connect_once(path, shown)
        except _Locked:
            if time.monotonic() > deadline:
                raise AnnotationStoreError(
                    shown, "could not be opened (database is locked by another program)"
                ) from None
            time.sleep(0.02)


class _Locked(Exception):
    """Another connection held a lock SQLite did not wait for."""


def _connect_once(path: Path, shown: str) -> sqlite3.Connection:
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise _Unusable("is not a file")
    try:
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as error:
        raise AnnotationStoreError(shown, f"could not be opened ({error})") from None
    try:
        _prepare(conn, shown)
    except sqlite3.OperationalError as error:
        conn.close()
        if _is_corruption(error):
            raise _Unusable(f"is not a usable database ({error})") from None
        if "locked" in str(error) or "busy" in str(error):
            raise _Locked from None
        raise AnnotationStoreError(shown, f"could not be opened ({error})") from None
    except sqlite3.DatabaseError as error:
        conn.close()
        if _is_corruption(error):
            raise _Unusable(f"is not a usable database ({error})") from None
        raise AnnotationStoreError(shown, f"could not be opened ({error})") from None
    except BaseException:
        conn.close()
        raise
    return conn


def _copy_wal(path: Path) -> Path | None:
    wal = Path(f"{path}-wal")
    copy = Path(f"{path}-wal.opening-{os.getpid()}")
    try:
        if wal.is_file() and wal.stat().st_size > 0:
            shutil.copyfile(wal, copy)
            return copy
    except OSError:
        pass  # no copy: opening proceeds as it would have anyway
    return None


def _set_aside(path: Path, shown: str, what: str, wal_copy: Path | None) -> str:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while aside.exists() or aside.is_symlink():
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    try:
        os.replace(path, aside)
        for suffix in _SIDECARS:
            sidecar = Path(f"{path}{suffix}")
            if sidecar.exists():
                # A stale WAL must never be replayed into the fresh database.
                os.replace(sidecar, Path(f"{aside}{suffix}"))
        if wal_copy is not None and not Path(f"{aside}-wal").exists():
            os.replace(wal_copy, Path(f"{aside}-wal"))
    except OSError as error:
        raise AnnotationStoreError(
            shown, f"{what}, and it could not be set aside ({os_reason(error)})"
        ) from None
    return (
        f"The annotation database {shown} {what}; it was set aside as "
        f"{aside.name} and a new, empty one was started."
    )


def open_database(path: Path) -> OpenedDatabase:
    """Open or create the database at ``path``, ready for use (WAL, migrated).

    Raises:
        AnnotationStoreError: the folder cannot be created, the database is locked
            beyond the timeout, written by a newer Redline, or unusable and could
            not be set aside.
    """
    shown = printable_path(str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise AnnotationStoreError(
            shown, f"its folder could not be created ({os_reason(error)})"
        ) from None
    # SQLite deletes the WAL when a connection to an unusable file closes: keep a
    # copy, so the commits it may hold are set aside with the database.
    wal_copy = _copy_wal(path)
    try:
        return OpenedDatabase(_connect(path, shown), None)
    except _Unusable as unusable:
        message = _set_aside(path, shown, unusable.what, wal_copy)
    finally:
        if wal_copy is not None and wal_copy.exists():
            wal_copy.unlink()
    try:
        return OpenedDatabase(_connect(path, shown), message)
    except _Unusable as unusable:
        raise AnnotationStoreError(shown, unusable.what) from None
