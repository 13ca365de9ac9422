"""The annotation database's schema, its migrations, and rows <-> ``Annotation``.

The version lives in SQLite's ``user_version``. Each migration takes the database
from version ``n - 1`` to ``n`` and runs, with the version bump, inside the
caller's ``BEGIN IMMEDIATE`` transaction: a migration interrupted by a crash
leaves the database at its old version, never half-migrated.

History:
    1: pairs, annotations (no uuid, no orphaned flag), tags.
    2: annotations get a stable ``uuid`` (unique per pair; existing rows get a
       fresh one) and an ``orphaned`` flag; pairs record the hashes their
       annotations were last re-anchored against (``placed_*_sha256``).

Paths are stored as bytes (names that are not valid UTF-8 round-trip); text as
UTF-8, where a lone surrogate cannot go: it is stored as U+FFFD.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from core.notes.annotation import DEFAULT_TAGS, Anchor, Annotation, Status

SCHEMA_VERSION = 2
TABLES = frozenset({"pairs", "annotations", "tags"})

_ANCHOR_DDL = """
    {side}_path BLOB,
    {side}_sha256 TEXT,
    {side}_start INTEGER,
    {side}_end INTEGER,
    {side}_quote TEXT,
    {side}_prefix TEXT,
    {side}_suffix TEXT"""

_V1 = f"""
CREATE TABLE pairs (
    id INTEGER PRIMARY KEY,
    old_path BLOB NOT NULL,
    new_path BLOB NOT NULL,
    old_sha256 TEXT NOT NULL DEFAULT '',
    new_sha256 TEXT NOT NULL DEFAULT '',
    UNIQUE (old_path, new_path)
);
CREATE INDEX pairs_by_hash ON pairs (old_sha256, new_sha256);
CREATE TABLE annotations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    pair_id INTEGER NOT NULL REFERENCES pairs (id),
    note TEXT NOT NULL,
    tag TEXT,
    status TEXT NOT NULL,
    created REAL NOT NULL,
    modified REAL NOT NULL,{_ANCHOR_DDL.format(side="old")},{_ANCHOR_DDL.format(side="new")}
);
CREATE INDEX annotations_by_pair ON annotations (pair_id, created, id);
CREATE TABLE tags (
    position INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
"""


def _to_v1(conn: sqlite3.Connection) -> None:
    for statement in _V1.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.executemany(
        "INSERT INTO tags (position, name) VALUES (?, ?)", list(enumerate(DEFAULT_TAGS))
    )


def _to_v2(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE annotations ADD COLUMN uuid TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE annotations ADD COLUMN orphaned INTEGER NOT NULL DEFAULT 0")
    ids = [row[0] for row in conn.execute("SELECT id FROM annotations")]
    conn.executemany(
        "UPDATE annotations SET uuid = ? WHERE id = ?", [(str(uuid.uuid4()), i) for i in ids]
    )
    conn.execute("CREATE UNIQUE INDEX annotations_by_uuid ON annotations (pair_id, uuid)")
    for side in ("old", "new"):
        conn.execute(f"ALTER TABLE pairs ADD COLUMN placed_{side}_sha256 TEXT NOT NULL DEFAULT ''")


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _to_v1, 2: _to_v2}
"""Migration to version ``n`` from version ``n - 1``."""


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database (0 for a new one)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def table_names(conn: sqlite3.Connection) -> set[str]:
    """The tables present (SQLite's own ``sqlite_*`` tables left out)."""
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {str(name) for (name,) in rows if not str(name).startswith("sqlite_")}


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the database up to ``target``, inside the caller's transaction.

    Args:
        conn: a connection with a write transaction open.
        target: the version wanted.

    Returns:
        The version the database was at before.
    """
    start = user_version(conn)
    for version in range(start + 1, target + 1):
        MIGRATIONS[version](conn)
        # PRAGMA takes no parameters; version is an int from our own table.
        conn.execute(f"PRAGMA user_version = {int(version)}")
    return start


SIDES = ("old", "new")
ANCHOR_FIELDS = ("path", "sha256", "start", "end", "quote", "prefix", "suffix")
ANCHOR_COLUMNS = [f"{side}_{field}" for side in SIDES for field in ANCHOR_FIELDS]
COLUMNS = ["id", "uuid", "note", "tag", "status", "created", "modified", "orphaned"]
SELECT = "SELECT " + ", ".join(f"a.{c}" for c in COLUMNS + ANCHOR_COLUMNS)
"""Every annotation column, for ``annotation_from``; the table is aliased ``a``."""
EDITABLE = ["note", "tag", "status", "orphaned", *ANCHOR_COLUMNS]
"""The columns ``editable_values`` gives values for, in order."""


def path_bytes(path: str) -> bytes:
    """A path as stored: its bytes (surrogate-escaped names round-trip)."""
    try:
        return os.fsencode(path)
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogatepass")


def clean_text(text: str) -> str:
    """``text`` as SQLite and UTF-8 take it: a lone surrogate becomes U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def anchor_values(anchor: Anchor | None) -> list[Any]:
    """Values for one side's anchor columns (all None for no anchor)."""
    if anchor is None:
        return [None] * len(ANCHOR_FIELDS)
    return [
        path_bytes(anchor.path),
        anchor.sha256,
        anchor.start,
        anchor.end,
        clean_text(anchor.quote),
        clean_text(anchor.prefix),
        clean_text(anchor.suffix),
    ]


def anchor_from(values: Sequence[Any]) -> Anchor | None:
    """One side's anchor from its column values."""
    path, sha256, start, end, quote, prefix, suffix = values
    if path is None:
        return None
    return Anchor(os.fsdecode(path), sha256, start, end, quote, prefix, suffix)


def annotation_from(row: Sequence[Any]) -> Annotation:
    """An annotation from a row selected with ``SELECT``."""
    n, k = len(COLUMNS), len(ANCHOR_FIELDS)
    ident, uid, note, tag, status, created, modified, orphaned = row[:n]
    status_value: Status = status
    return Annotation(
        id=ident,
        note=note,
        tag=tag,
        status=status_value,
        old=anchor_from(row[n : n + k]),
        new=anchor_from(row[n + k : n + 2 * k]),
        created=created,
        modified=modified,
        orphaned=bool(orphaned),
        uuid=uid,
    )


def editable_values(annotation: Annotation) -> list[Any]:
    """Values for the ``EDITABLE`` columns."""
    return [
        clean_text(annotation.note),
        None if annotation.tag is None else clean_text(annotation.tag),
        annotation.status,
        int(annotation.orphaned),
        *anchor_values(annotation.old),
        *anchor_values(annotation.new),
    ]
