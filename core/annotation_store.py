"""The annotation database: every edit committed at once, nothing ever lost.

Annotations live in one SQLite file (standard-library ``sqlite3``) in the user data
folder. Each change is its own ``BEGIN IMMEDIATE`` ... ``COMMIT`` transaction in
WAL mode with ``synchronous=FULL``: once a method returns, the change survives a
crash, ``kill -9`` or a power cut, and an interrupted write leaves the old state.
A second running instance waits for the write lock (``busy_timeout``) instead of
failing, and never sees half a change.

Threads: the store holds ONE connection opened with ``check_same_thread=False``,
and every method takes the store's lock, so the GUI thread and worker threads may
share one store; calls are short (one small transaction each).

A pair of documents is keyed by the two absolute real paths (``os.path.realpath``,
stored as bytes so names that are not valid UTF-8 round-trip). The pair also keeps
the documents' last seen content hashes, so ``annotations_for`` finds the notes of
a pair whose files were moved.

A database that cannot be used (a directory or another file in its place, not a
database, damaged, truncated, someone else's tables) is set aside as
``annotations.sqlite3.corrupt-<time>`` with its WAL, a fresh database is started,
and ``recovered_message`` says so in one line for the GUI.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
import time
import uuid as uuid_module
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Any

from core.annotation_schema import SCHEMA_VERSION, TABLES, migrate, table_names, user_version
from core.annotations import Anchor, Annotation, Status
from core.errors import AnnotationMissingError, AnnotationStoreError
from core.model import Document
from core.names import printable_path
from core.paths import app_paths
from core.reanchor import reanchor

DB_NAME = "annotations.sqlite3"
BUSY_TIMEOUT_MS = 10_000
"""How long a second instance waits for the write lock before giving up."""
_SIDECARS = ("-wal", "-shm", "-journal")
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_SIDES = ("old", "new")
_ANCHOR_FIELDS = ("path", "sha256", "start", "end", "quote", "prefix", "suffix")
_ANCHOR_COLUMNS = [f"{side}_{field}" for side in _SIDES for field in _ANCHOR_FIELDS]
_COLUMNS = ["id", "uuid", "note", "tag", "status", "created", "modified", "orphaned"]
_SELECT = "SELECT " + ", ".join(f"a.{c}" for c in _COLUMNS + _ANCHOR_COLUMNS)
_EDITABLE = ["note", "tag", "status", "orphaned", *_ANCHOR_COLUMNS]


class _Unusable(Exception):
    """The file at the database path cannot be used; ``what`` completes a sentence."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def path_bytes(path: str) -> bytes:
    """A path as stored: its bytes (surrogate-escaped names round-trip)."""
    try:
        return os.fsencode(path)
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogatepass")


def real_path(path: str) -> str:
    """The absolute real path of ``path`` (links resolved), the pair key's half."""
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return os.path.abspath(path)


def pair_key(old_path: str, new_path: str) -> tuple[bytes, bytes]:
    """The stored key of a pair: both real paths, in order, as bytes."""
    return path_bytes(real_path(old_path)), path_bytes(real_path(new_path))


def clean_text(text: str) -> str:
    """``text`` as SQLite and UTF-8 take it: a lone surrogate becomes U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def _anchor_values(anchor: Anchor | None) -> list[Any]:
    if anchor is None:
        return [None] * len(_ANCHOR_FIELDS)
    return [
        path_bytes(anchor.path),
        anchor.sha256,
        anchor.start,
        anchor.end,
        clean_text(anchor.quote),
        clean_text(anchor.prefix),
        clean_text(anchor.suffix),
    ]


def _anchor_from(values: Sequence[Any]) -> Anchor | None:
    path, sha256, start, end, quote, prefix, suffix = values
    if path is None:
        return None
    return Anchor(os.fsdecode(path), sha256, start, end, quote, prefix, suffix)


def _annotation_from(row: Sequence[Any]) -> Annotation:
    n, k = len(_COLUMNS), len(_ANCHOR_FIELDS)
    ident, uid, note, tag, status, created, modified, orphaned = row[:n]
    status_value: Status = status
    return Annotation(
        id=ident,
        note=note,
        tag=tag,
        status=status_value,
        old=_anchor_from(row[n : n + k]),
        new=_anchor_from(row[n + k : n + 2 * k]),
        created=created,
        modified=modified,
        orphaned=bool(orphaned),
        uuid=uid,
    )


def _editable_values(annotation: Annotation) -> list[Any]:
    return [
        clean_text(annotation.note),
        None if annotation.tag is None else clean_text(annotation.tag),
        annotation.status,
        int(annotation.orphaned),
        *_anchor_values(annotation.old),
        *_anchor_values(annotation.new),
    ]


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


def _is_corruption(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(error)
    return "malformed" in text or "not a database" in text


class AnnotationStore:
    """The annotations of every compared pair, in one SQLite database.

    Attributes:
        path: the database file.
        recovered_message: one line for the user when an unusable database was set
            aside at opening (it names the file and where it went), else None.
    """

    def __init__(self, db_path: Path) -> None:
        """Open or create the database, switch to WAL and migrate it.

        Raises:
            AnnotationStoreError: the folder cannot be created, the database is
                locked beyond the timeout, written by a newer Redline, or unusable
                and could not be set aside.
        """
        self.path = Path(db_path)
        self.recovered_message: str | None = None
        self._shown = printable_path(str(self.path))
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = self._open()

    @classmethod
    def open_default(cls) -> AnnotationStore:
        """The store in the user data folder (``app_paths().data``)."""
        return cls(app_paths().data / DB_NAME)

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (everything is committed already); idempotent."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # -- opening ---------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise AnnotationStoreError(
                self._shown, f"its folder could not be created ({_reason(error)})"
            ) from None
        # SQLite deletes the WAL when a connection to an unusable file closes: keep
        # a copy, so the commits it may hold are set aside with the database.
        wal_copy = self._copy_wal()
        try:
            return self._connect()
        except _Unusable as unusable:
            self._set_aside(unusable.what, wal_copy)
        finally:
            if wal_copy is not None and wal_copy.exists():
                wal_copy.unlink()
        try:
            return self._connect()
        except _Unusable as unusable:
            raise AnnotationStoreError(self._shown, unusable.what) from None

    def _copy_wal(self) -> Path | None:
        wal = Path(f"{self.path}-wal")
        copy = Path(f"{self.path}-wal.opening-{os.getpid()}")
        try:
            if wal.is_file() and wal.stat().st_size > 0:
                shutil.copyfile(wal, copy)
                return copy
        except OSError:
            pass  # no copy: opening proceeds as it would have anyway
        return None

    def _connect(self) -> sqlite3.Connection:
        if self.path.is_symlink() or (self.path.exists() and not self.path.is_file()):
            raise _Unusable("is not a file")
        try:
            conn = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                check_same_thread=False,
            )  # fmt: skip
        except sqlite3.Error as error:
            raise AnnotationStoreError(self._shown, f"could not be opened ({error})") from None
        try:
            self._prepare(conn)
        except sqlite3.DatabaseError as error:
            conn.close()
            if _is_corruption(error):
                raise _Unusable(f"is not a usable database ({error})") from None
            raise AnnotationStoreError(self._shown, f"could not be opened ({error})") from None
        except BaseException:
            conn.close()
            raise
        return conn

    def _prepare(self, conn: sqlite3.Connection) -> None:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        check = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
        if check != ["ok"]:
            raise _Unusable(f"is damaged ({check[0] if check else 'no check result'})")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        version = user_version(conn)
        if version > SCHEMA_VERSION:
            raise AnnotationStoreError(
                self._shown,
                f"was written by a newer Redline (schema {version}; this one reads up to "
                f"{SCHEMA_VERSION}); it was left untouched",
            )
        if version == 0 and table_names(conn):
            raise _Unusable("is not a Redline annotation database")
        if version < SCHEMA_VERSION:
            conn.execute("BEGIN IMMEDIATE")
            try:
                migrate(conn)  # re-reads the version: another instance may have migrated
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        if not TABLES.issubset(table_names(conn)):
            raise _Unusable("lacks the annotation tables")

    def _set_aside(self, what: str, wal_copy: Path | None = None) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while aside.exists() or aside.is_symlink():
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
            n += 1
        try:
            os.replace(self.path, aside)
            for suffix in _SIDECARS:
                sidecar = Path(f"{self.path}{suffix}")
                if sidecar.exists():
                    # A stale WAL must never be replayed into the fresh database.
                    os.replace(sidecar, Path(f"{aside}{suffix}"))
            if wal_copy is not None and not Path(f"{aside}-wal").exists():
                os.replace(wal_copy, Path(f"{aside}-wal"))
        except OSError as error:
            raise AnnotationStoreError(
                self._shown, f"{what}, and it could not be set aside ({_reason(error)})"
            ) from None
        self.recovered_message = (
            f"The annotation database {self._shown} {what}; it was set aside as "
            f"{aside.name} and a new, empty one was started."
        )

    # -- plumbing --------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise AnnotationStoreError(self._shown, "the annotation store is closed")
        return self._conn

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed on success, rolled back on any error."""
        with self._lock:
            conn = self._connection()
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise AnnotationStoreError(self._shown, f"could not be written ({error})") from None
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as error:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(error, sqlite3.Error):
                    raise AnnotationStoreError(
                        self._shown, f"could not be written ({error})"
                    ) from None
                raise

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            try:
                return self._connection().execute(sql, params).fetchall()
            except sqlite3.Error as error:
                raise AnnotationStoreError(self._shown, f"could not be read ({error})") from None

    @staticmethod
    def _pair_id(
        conn: sqlite3.Connection, old_path: str, new_path: str, create: bool
    ) -> int | None:
        key = pair_key(old_path, new_path)
        row = conn.execute(
            "SELECT id FROM pairs WHERE old_path = ? AND new_path = ?", key
        ).fetchone()
        if row is not None:
            return int(row[0])
        if not create:
            return None
        cursor = conn.execute("INSERT INTO pairs (old_path, new_path) VALUES (?, ?)", key)
        return int(cursor.lastrowid or 0)

    @staticmethod
    def _note_hashes(conn: sqlite3.Connection, pair_id: int, annotation: Annotation) -> None:
        for side, anchor in (("old", annotation.old), ("new", annotation.new)):
            if anchor is not None and anchor.sha256:
                conn.execute(
                    f"UPDATE pairs SET {side}_sha256 = ? WHERE id = ?", (anchor.sha256, pair_id)
                )

    def _insert(
        self, conn: sqlite3.Connection, pair_id: int, annotation: Annotation, keep_id: bool
    ) -> Annotation:
        now = time.time()
        created = annotation.created or now
        stored = replace(
            annotation,
            uuid=annotation.uuid or str(uuid_module.uuid4()),
            created=created,
            modified=annotation.modified or created,
        )
        columns = ["pair_id", "uuid", "created", "modified", *_EDITABLE]
        values = [pair_id, stored.uuid, stored.created, stored.modified]
        values += _editable_values(stored)
        if keep_id and stored.id:
            columns.insert(0, "id")
            values.insert(0, stored.id)
        verb = "INSERT OR REPLACE" if keep_id else "INSERT"
        marks = ", ".join("?" * len(columns))
        cursor = conn.execute(
            f"{verb} INTO annotations ({', '.join(columns)}) VALUES ({marks})", values
        )
        self._note_hashes(conn, pair_id, stored)
        return replace(stored, id=int(cursor.lastrowid or stored.id))

    # -- the API ---------------------------------------------------------------

    def pair_annotations(self, old_path: str, new_path: str) -> list[Annotation]:
        """The pair's annotations as stored (not re-anchored), in creation order."""
        rows = self._read(
            f"{_SELECT} FROM annotations a JOIN pairs p ON a.pair_id = p.id "
            "WHERE p.old_path = ? AND p.new_path = ? ORDER BY a.created, a.id",
            pair_key(old_path, new_path),
        )
        return [_annotation_from(row) for row in rows]

    def get(self, annotation_id: int) -> Annotation | None:
        """One annotation by id, or None."""
        rows = self._read(f"{_SELECT} FROM annotations a WHERE a.id = ?", (annotation_id,))
        return _annotation_from(rows[0]) if rows else None

    def add(self, old_path: str, new_path: str, annotation: Annotation) -> Annotation:
        """Store a new annotation of the pair; committed when this returns.

        Returns:
            The annotation with its new ``id``, a ``uuid`` (kept if it had one) and
            ``created``/``modified`` set to now when they were 0.

        Raises:
            AnnotationStoreError: it could not be written (disk full, read-only,
                locked too long, or its uuid is already stored for this pair).
        """
        with self._transaction() as conn:
            pair_id = self._pair_id(conn, old_path, new_path, create=True)
            assert pair_id is not None
            return self._insert(conn, pair_id, annotation, keep_id=False)

    def update(self, annotation: Annotation) -> Annotation:
        """Write the note, tag, status, anchors and orphaned flag; bump ``modified``.

        Raises:
            AnnotationMissingError: no annotation with that id (deleted elsewhere).
            AnnotationStoreError: it could not be written.
        """
        modified = max(time.time(), annotation.modified + 1e-6)
        updated = replace(annotation, modified=modified)
        assignments = ", ".join(f"{c} = ?" for c in [*_EDITABLE, "modified"])
        with self._transaction() as conn:
            cursor = conn.execute(
                f"UPDATE annotations SET {assignments} WHERE id = ?",
                [*_editable_values(updated), modified, annotation.id],
            )
            if cursor.rowcount == 0:
                raise self._missing(annotation.id)
            pair_id = conn.execute(
                "SELECT pair_id FROM annotations WHERE id = ?", (annotation.id,)
            ).fetchone()[0]
            self._note_hashes(conn, pair_id, updated)
        return updated

    def delete(self, annotation_id: int) -> Annotation:
        """Delete one annotation and return it as it was (for undo with ``restore``).

        Raises:
            AnnotationMissingError: no annotation with that id.
        """
        with self._transaction() as conn:
            row = conn.execute(
                f"{_SELECT} FROM annotations a WHERE a.id = ?", (annotation_id,)
            ).fetchone()
            if row is None:
                raise self._missing(annotation_id)
            conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
        return _annotation_from(row)

    def restore(self, old_path: str, new_path: str, annotation: Annotation) -> Annotation:
        """Put back a deleted annotation with its id, uuid and times (undo of delete).

        Ids are never reused (``AUTOINCREMENT``), so the id is free; restoring twice
        leaves one copy.
        """
        with self._transaction() as conn:
            pair_id = self._pair_id(conn, old_path, new_path, create=True)
            assert pair_id is not None
            return self._insert(conn, pair_id, annotation, keep_id=True)

    def merge(
        self, old_path: str, new_path: str, annotations: Sequence[Annotation]
    ) -> list[Annotation]:
        """Add those annotations whose uuid the pair does not hold yet, all or none.

        Returns:
            The ones added, with their new ids (an empty list on a repeated import).
        """
        added: list[Annotation] = []
        with self._transaction() as conn:
            pair_id = self._pair_id(conn, old_path, new_path, create=True)
            assert pair_id is not None
            known = {u for (u,) in conn.execute(
                "SELECT uuid FROM annotations WHERE pair_id = ?", (pair_id,)
            )}  # fmt: skip
            for annotation in annotations:
                if annotation.uuid and annotation.uuid in known:
                    continue
                stored = self._insert(conn, pair_id, replace(annotation, id=0), keep_id=False)
                known.add(stored.uuid)
                added.append(stored)
        return added

    def save_placements(self, annotations: Sequence[Annotation]) -> int:
        """Write re-anchored anchors and orphaned flags, leaving ``modified`` alone.

        A row edited since it was read (its ``modified`` differs) is left as it is:
        the user's edit wins over a background re-anchoring.

        Returns:
            How many rows were written.
        """
        columns = ["orphaned", *_ANCHOR_COLUMNS]
        assignments = ", ".join(f"{c} = ?" for c in columns)
        written = 0
        with self._transaction() as conn:
            for a in annotations:
                values = [int(a.orphaned), *_anchor_values(a.old), *_anchor_values(a.new)]
                cursor = conn.execute(
                    f"UPDATE annotations SET {assignments} WHERE id = ? AND modified = ?",
                    [*values, a.id, a.modified],
                )
                written += cursor.rowcount
        return written

    def set_pair_hashes(self, old_path: str, new_path: str, old_sha: str, new_sha: str) -> None:
        """Record the documents' current hashes for a stored pair (no-op otherwise)."""
        with self._transaction() as conn:
            conn.execute(
                "UPDATE pairs SET old_sha256 = ?, new_sha256 = ? "
                "WHERE old_path = ? AND new_path = ?",
                (old_sha, new_sha, *pair_key(old_path, new_path)),
            )

    def pairs_with_hashes(self, old_sha: str, new_sha: str) -> list[tuple[str, str]]:
        """Stored pairs (real paths) last seen with these hashes, most recent first."""
        rows = self._read(
            "SELECT p.old_path, p.new_path FROM pairs p JOIN annotations a "
            "ON a.pair_id = p.id WHERE p.old_sha256 = ? AND p.new_sha256 = ? "
            "GROUP BY p.id ORDER BY max(a.modified) DESC",
            (old_sha, new_sha),
        )
        return [(os.fsdecode(old), os.fsdecode(new)) for old, new in rows]

    def move_pair(self, old_path: str, new_path: str, to_old: str, to_new: str) -> None:
        """Re-key a pair's annotations to other paths (its files were moved)."""
        with self._transaction() as conn:
            source = self._pair_id(conn, old_path, new_path, create=False)
            target = self._pair_id(conn, to_old, to_new, create=True)
            if source is None or source == target:
                return
            conn.execute("UPDATE annotations SET pair_id = ? WHERE pair_id = ?", (target, source))
            hashes = conn.execute(
                "SELECT old_sha256, new_sha256 FROM pairs WHERE id = ?", (source,)
            ).fetchone()
            conn.execute(
                "UPDATE pairs SET old_sha256 = ?, new_sha256 = ? WHERE id = ?", (*hashes, target)
            )

    def tags(self) -> list[str]:
        """The editable tag list, in the user's order (``DEFAULT_TAGS`` at first)."""
        return [str(name) for (name,) in self._read("SELECT name FROM tags ORDER BY position")]

    def set_tags(self, tags: Sequence[str]) -> None:
        """Replace the tag list: names are stripped, empty ones and repeats dropped.

        Annotations keep a tag that is no longer in the list.
        """
        names: list[str] = []
        for tag in tags:
            name = clean_text(tag).strip()
            if name and name not in names:
                names.append(name)
        with self._transaction() as conn:
            conn.execute("DELETE FROM tags")
            conn.executemany("INSERT INTO tags (position, name) VALUES (?, ?)", enumerate(names))

    def _missing(self, annotation_id: int) -> AnnotationMissingError:
        return AnnotationMissingError(
            self._shown, f"annotation {annotation_id} is no longer stored (deleted elsewhere?)"
        )


def _stored_for(store: AnnotationStore, old: Document, new: Document) -> list[Annotation]:
    """The pair's annotations; found by content hash when its files moved or were copied."""
    stored = store.pair_annotations(old.path, new.path)
    if stored or not (old.sha256 and new.sha256):
        return stored
    for old_path, new_path in store.pairs_with_hashes(old.sha256, new.sha256):
        if os.path.exists(old_path) and os.path.exists(new_path):
            # Copies of the files: the notes are copied with them (same uuids).
            store.merge(old.path, new.path, store.pair_annotations(old_path, new_path))
        else:
            store.move_pair(old_path, new_path, old.path, new.path)
        return store.pair_annotations(old.path, new.path)
    return []


def annotations_for(
    old: Document, new: Document, store: AnnotationStore | None = None
) -> list[Annotation]:
    """Stored annotations of this pair, re-anchored to the current texts.

    Looked up by the documents' real paths; when nothing is stored there, by the
    two content hashes: if the files were moved the notes move with them, if they
    were copied the notes are copied. The re-anchored positions and orphaned flags
    are written back (``modified`` is left alone).

    Args:
        old: the old document as loaded now.
        new: the new document as loaded now.
        store: the store to use; None opens (and closes) the default one.

    Returns:
        The annotations in creation order; those that could not be placed have
        ``orphaned`` set and keep their last anchors and quotes.
    """
    own = store is None
    active = AnnotationStore.open_default() if store is None else store
    try:
        stored = _stored_for(active, old, new)
        placed = [reanchor(a, old, new) for a in stored]
        changed = [p for p, a in zip(placed, stored) if p is not a]
        if changed:
            active.save_placements(changed)
        if stored:
            active.set_pair_hashes(old.path, new.path, old.sha256, new.sha256)
        return placed
    finally:
        if own:
            active.close()
