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
and ``recovered_message`` says so in one line for the GUI (``core.notes.database``).
"""

from __future__ import annotations

import os
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

from core.errors import AnnotationMissingError, AnnotationStoreError
from core.model import Document
from core.notes.annotation import Annotation
from core.notes.database import open_database
from core.notes.reanchor import reanchor
from core.notes.schema import (
    ANCHOR_COLUMNS,
    EDITABLE,
    SELECT,
    anchor_values,
    annotation_from,
    clean_text,
    editable_values,
    path_bytes,
)
from core.paths import app_paths
from core.text.names import printable_path

DB_NAME = "annotations.sqlite3"


def real_path(path: str) -> str:
    """The absolute real path of ``path`` (links resolved), the pair key's half."""
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return os.path.abspath(path)


def pair_key(old_path: str, new_path: str) -> tuple[bytes, bytes]:
    """The stored key of a pair: both real paths, in order, as bytes."""
    return path_bytes(real_path(old_path)), path_bytes(real_path(new_path))


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
        self._shown = printable_path(str(self.path))
        self._lock = threading.RLock()
        opened = open_database(self.path)
        self.recovered_message: str | None = opened.recovered_message
        self._conn: sqlite3.Connection | None = opened.conn

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
        columns = ["pair_id", "uuid", "created", "modified", *EDITABLE]
        values = [pair_id, stored.uuid, stored.created, stored.modified]
        values += editable_values(stored)
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
            f"{SELECT} FROM annotations a JOIN pairs p ON a.pair_id = p.id "
            "WHERE p.old_path = ? AND p.new_path = ? ORDER BY a.created, a.id",
            pair_key(old_path, new_path),
        )
        return [annotation_from(row) for row in rows]

    def get(self, annotation_id: int) -> Annotation | None:
        """One annotation by id, or None."""
        rows = self._read(f"{SELECT} FROM annotations a WHERE a.id = ?", (annotation_id,))
        return annotation_from(rows[0]) if rows else None

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
        assignments = ", ".join(f"{c} = ?" for c in [*EDITABLE, "modified"])
        with self._transaction() as conn:
            cursor = conn.execute(
                f"UPDATE annotations SET {assignments} WHERE id = ?",
                [*editable_values(updated), modified, annotation.id],
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
                f"{SELECT} FROM annotations a WHERE a.id = ?", (annotation_id,)
            ).fetchone()
            if row is None:
                raise self._missing(annotation_id)
            conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
        return annotation_from(row)

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
        columns = ["orphaned", *ANCHOR_COLUMNS]
        assignments = ", ".join(f"{c} = ?" for c in columns)
        written = 0
        with self._transaction() as conn:
            for a in annotations:
                values = [int(a.orphaned), *anchor_values(a.old), *anchor_values(a.new)]
                cursor = conn.execute(
                    f"UPDATE annotations SET {assignments} WHERE id = ? AND modified = ?",
                    [*values, a.id, a.modified],
                )
                written += cursor.rowcount
        return written

    def set_pair_hashes(self, old_path: str, new_path: str, old_sha: str, new_sha: str) -> None:
        """Record that the pair's annotations were just placed in documents with these
        hashes (used to find moved files, and to skip re-searching orphans while
        neither document changed). A pair with nothing stored is left alone."""
        with self._transaction() as conn:
            conn.execute(
                "UPDATE pairs SET old_sha256 = ?, new_sha256 = ?, placed_old_sha256 = ?, "
                "placed_new_sha256 = ? WHERE old_path = ? AND new_path = ?",
                (old_sha, new_sha, old_sha, new_sha, *pair_key(old_path, new_path)),
            )

    def placed_hashes(self, old_path: str, new_path: str) -> tuple[str, str] | None:
        """The hashes last given to ``set_pair_hashes`` for the pair, if any."""
        rows = self._read(
            "SELECT placed_old_sha256, placed_new_sha256 FROM pairs "
            "WHERE old_path = ? AND new_path = ?",
            pair_key(old_path, new_path),
        )
        return (str(rows[0][0]), str(rows[0][1])) if rows else None

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
        # Orphans were searched for in these very texts already: searching again
        # (the slow, fuzzy part) could only fail again.
        settled = active.placed_hashes(old.path, new.path) == (old.sha256, new.sha256)
        placed = [a if a.orphaned and settled else reanchor(a, old, new) for a in stored]
        # Equality, not identity: an approximate placement found again where it was
        # is no change to write (``Anchor.approximate`` is not stored).
        changed = [p for p, a in zip(placed, stored) if p != a]
        if changed:
            active.save_placements(changed)
        if stored:
            active.set_pair_hashes(old.path, new.path, old.sha256, new.sha256)
        return placed
    finally:
        if own:
            active.close()
