"""The annotation database's schema, its version and the migrations between versions.

The version lives in SQLite's ``user_version``. Each migration takes the database
from version ``n - 1`` to ``n`` and runs, with the version bump, inside the
caller's ``BEGIN IMMEDIATE`` transaction: a migration interrupted by a crash
leaves the database at its old version, never half-migrated.

History:
    1: pairs, annotations (no uuid, no orphaned flag), tags.
    2: annotations get a stable ``uuid`` (unique per pair; existing rows get a
       fresh one) and an ``orphaned`` flag.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable

from core.annotations import DEFAULT_TAGS

SCHEMA_VERSION = 2
TABLES = frozenset({"pairs", "annotations", "tags"})

_ANCHOR_COLUMNS = """
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
    modified REAL NOT NULL,{_ANCHOR_COLUMNS.format(side="old")},{_ANCHOR_COLUMNS.format(side="new")}
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
