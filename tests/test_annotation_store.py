"""The annotation database: round trips, durability, two processes, corruption, migration."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from core.engine.compare import compare
from core.errors import AnnotationMissingError, AnnotationStoreError
from core.notes import database as annotation_db
from core.notes import schema as annotation_schema
from core.notes.annotation import DEFAULT_TAGS, Annotation, make_anchor
from core.notes.schema import SCHEMA_VERSION, migrate, user_version
from core.notes.store import AnnotationStore, annotations_for
from core.paths import app_paths
from core.text.document import load_document
from tests.conftest import FULL, REPO

TEXT = "The mayor said the budget was cut by 5 percent. The council met on Monday."


def _note(note: str = "a note", quote_text: str = TEXT, start: int = 4, end: int = 9) -> Annotation:
    return Annotation(
        id=0,
        note=note,
        tag="Typo",
        status="open",
        old=make_anchor("old.txt", "aa", quote_text, start, end),
        new=make_anchor("new.txt", "bb", quote_text, start, end),
        created=0.0,
        modified=0.0,
    )


@pytest.fixture
def store(tmp_path: Path):
    with AnnotationStore(tmp_path / "annotations.sqlite3") as opened:
        yield opened


# -- round trips -------------------------------------------------------------

EVERY_PLANE = "".join(chr(plane << 16 | 0x41) for plane in range(17)) + "é中😀𝔘𠀀"
NOTES = {
    "one megabyte": "x" * (1 << 20),
    "a character from every Unicode plane": EVERY_PLANE,
    "markup": '<script>alert(1)</script> "><img src=x onerror=alert(1)> {{ }} &amp;',
    "NUL and controls": "before\0after\x1c\x1d\x1e\r\n\u2028\u202e",
    "empty": "",
}


@pytest.mark.parametrize("name", NOTES)
def test_note_round_trips_exactly(store: AnnotationStore, name: str) -> None:
    added = store.add("old.txt", "new.txt", _note(NOTES[name]))
    path = store.path
    store.close()
    with AnnotationStore(path) as reopened:
        (back,) = reopened.pair_annotations("old.txt", "new.txt")
    assert back == added
    assert back.note == NOTES[name]


def test_astral_quotes_and_context_round_trip(store: AnnotationStore) -> None:
    text = "😀 before " + EVERY_PLANE + " after 🂡"
    start = text.index(EVERY_PLANE)
    added = store.add("o", "n", _note("n", text, start, start + len(EVERY_PLANE)))
    (back,) = store.pair_annotations("o", "n")
    assert back.old is not None and back.old.quote == EVERY_PLANE
    assert back == added


def test_lone_surrogate_becomes_replacement_character(store: AnnotationStore) -> None:
    # Decided: SQLite stores UTF-8, which cannot hold a lone surrogate.
    added = store.add("o", "n", _note("half \ud83d of an emoji"))
    (back,) = store.pair_annotations("o", "n")
    assert back.note == "half \ufffd of an emoji"
    assert back.id == added.id


def test_path_that_is_not_utf8_round_trips(store: AnnotationStore, tmp_path: Path) -> None:
    old = os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt")
    annotation = replace(_note(), old=replace(_note().old, path=old))  # type: ignore[arg-type]
    store.add(old, "new.txt", annotation)
    (back,) = store.pair_annotations(old, "new.txt")
    assert back.old is not None and back.old.path == old


def test_add_update_delete_restore(store: AnnotationStore) -> None:
    first = store.add("old.txt", "new.txt", _note("first"))
    second = store.add("old.txt", "new.txt", _note("second"))
    assert first.id and second.id != first.id and first.uuid and first.uuid != second.uuid
    assert first.created > 0 and first.modified == first.created
    assert [a.note for a in store.pair_annotations("old.txt", "new.txt")] == ["first", "second"]

    edited = store.update(replace(first, note="edited", status="accepted", tag=None))
    assert edited.modified > first.modified
    assert store.get(first.id) == edited

    deleted = store.delete(first.id)
    assert deleted == edited
    assert [a.id for a in store.pair_annotations("old.txt", "new.txt")] == [second.id]
    third = store.add("old.txt", "new.txt", _note("third"))
    assert third.id > second.id  # ids are never reused: undo can put the old one back

    restored = store.restore("old.txt", "new.txt", deleted)
    assert restored == deleted
    assert [a.id for a in store.pair_annotations("old.txt", "new.txt")] == [
        first.id,
        second.id,
        third.id,
    ]
    store.restore("old.txt", "new.txt", deleted)  # a second undo leaves one copy
    assert len(store.pair_annotations("old.txt", "new.txt")) == 3


def test_missing_annotation_is_a_typed_error(store: AnnotationStore) -> None:
    added = store.add("o", "n", _note())
    store.delete(added.id)
    with pytest.raises(AnnotationMissingError, match=str(added.id)):
        store.update(added)
    with pytest.raises(AnnotationMissingError):
        store.delete(added.id)


def test_pairs_are_keyed_by_real_path(store: AnnotationStore, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a")
    os.symlink(tmp_path / "a.txt", tmp_path / "link.txt")
    store.add(str(tmp_path / "a.txt"), "n", _note())
    assert len(store.pair_annotations(str(tmp_path / "link.txt"), "n")) == 1
    assert store.pair_annotations("n", str(tmp_path / "a.txt")) == []  # order matters


def test_tags_default_editable_and_kept_on_annotations(store: AnnotationStore) -> None:
    assert store.tags() == list(DEFAULT_TAGS)
    added = store.add("o", "n", _note())  # tag "Typo"
    store.set_tags([" Legal ", "Legal", "", "Numbers 😀", "Typo"])
    store.set_tags(["Legal", "Numbers 😀"])
    path = store.path
    store.close()
    with AnnotationStore(path) as reopened:
        assert reopened.tags() == ["Legal", "Numbers 😀"]
        assert reopened.get(added.id) == added  # its tag is no longer listed, still kept
        reopened.set_tags([])
        assert reopened.tags() == []


def test_open_default_uses_the_user_data_folder() -> None:
    with AnnotationStore.open_default() as opened:
        assert opened.path == app_paths().data / "annotations.sqlite3"
        mode = opened._connection().execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
    assert (app_paths().data / "annotations.sqlite3").is_file()


def test_closed_store_refuses_with_a_typed_error(store: AnnotationStore) -> None:
    store.close()
    store.close()
    with pytest.raises(AnnotationStoreError, match="closed"):
        store.tags()


class _DiskFull:
    """A connection whose data writes fail as on a full disk."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    @property
    def in_transaction(self) -> bool:
        return self._conn.in_transaction

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        if sql.startswith(("INSERT", "UPDATE")):
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, params)


def test_failed_write_is_a_clear_error_and_changes_nothing(store: AnnotationStore) -> None:
    kept = store.add("o", "n", _note("kept"))
    real = store._conn
    assert real is not None
    store._conn = _DiskFull(real)  # type: ignore[assignment]
    with pytest.raises(AnnotationStoreError, match="disk is full") as error:
        store.update(replace(kept, note="lost?"))
    assert "annotations.sqlite3" in str(error.value)
    with pytest.raises(AnnotationStoreError):
        store.add("o", "n", _note("never stored"))
    store._conn = real
    assert not real.in_transaction
    assert store.pair_annotations("o", "n") == [kept]


def test_worker_threads_share_the_store(store: AnnotationStore) -> None:
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(20):
                store.add("o", "n", _note(f"{n}-{i}"))
                store.pair_annotations("o", "n")
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(store.pair_annotations("o", "n")) == 80


# -- processes ---------------------------------------------------------------

_WRITER = """
import sys, time
from pathlib import Path
from core.notes.store import AnnotationStore
from core.notes.annotation import Annotation, make_anchor

db, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
start_flag = Path(sys.argv[4]) if len(sys.argv) > 4 else None
while start_flag is not None and not start_flag.exists():
    time.sleep(0.005)
store = AnnotationStore(db)
anchor = make_anchor("old.txt", "aa", "some quoted text here", 5, 11)
i = 0
while count < 0 or i < count:
    note = Annotation(0, f"{name} {i} " + "y" * 3000, None, "open", anchor, None, 0.0, 0.0)
    added = store.add("old.txt", "new.txt", note)
    print(added.id, flush=True)
    i += 1
store.close()
"""


def _writer(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-c", _WRITER, *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_sigkill_while_writing_loses_nothing_committed(tmp_path: Path) -> None:
    db = tmp_path / "annotations.sqlite3"
    child = _writer(str(db), "killed", "-1")
    assert child.stdout is not None
    printed: list[int] = []
    deadline = time.monotonic() + 60
    while len(printed) < 150 and time.monotonic() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        printed.append(int(line))
    child.send_signal(signal.SIGKILL)
    # Read through the same buffered stream: readline() may have read ahead, and
    # communicate() would read the pipe beneath it and miss those lines.
    rest = child.stdout.read()
    errors = child.stderr.read() if child.stderr is not None else ""
    child.wait(timeout=30)
    # Only whole lines were committed and printed; a torn last line is not an id.
    printed += [int(line) for line in rest.split("\n")[:-1] if line]
    assert child.returncode == -signal.SIGKILL, errors
    assert len(printed) >= 150, errors
    with AnnotationStore(db) as reopened:
        assert reopened.recovered_message is None
        stored = {a.id for a in reopened.pair_annotations("old.txt", "new.txt")}
    assert set(printed) <= stored
    assert len(stored) - len(printed) <= 1  # at most the one committed but not printed


def test_two_processes_adding_at_once(tmp_path: Path) -> None:
    db = tmp_path / "annotations.sqlite3"  # created by whichever starts first
    flag = tmp_path / "go"
    children = [_writer(str(db), name, "120", str(flag)) for name in ("first", "second")]
    flag.touch()
    outputs = [child.communicate(timeout=120) for child in children]
    for child, (_, errors) in zip(children, outputs):
        assert child.returncode == 0, errors
        assert errors == ""
    ids = [int(line) for out, _ in outputs for line in out.split()]
    with AnnotationStore(db) as reopened:
        stored = reopened.pair_annotations("old.txt", "new.txt")
    assert sorted(a.id for a in stored) == sorted(ids)
    assert len(set(ids)) == 240
    assert sum(a.note.startswith("second ") for a in stored) == 120


# -- corrupt or foreign saved state ------------------------------------------


def _filled_db(path: Path, count: int = 50) -> None:
    with AnnotationStore(path) as filling:
        for i in range(count):
            filling.add("o", "n", _note(f"note {i} " + "z" * 2000))


def _truncate(path: Path) -> None:
    _filled_db(path)
    with open(path, "r+b") as stream:
        stream.truncate(path.stat().st_size // 2)


def _garbage_header(path: Path) -> None:
    _filled_db(path)
    with open(path, "r+b") as stream:
        stream.write(b"this is not sqlite")


BROKEN = {
    "text file": (lambda p: p.write_text("not a database at all\n" * 100), "not a usable database"),
    "JSON (wrong type)": (lambda p: p.write_text('{"annotations": []}'), "not a usable database"),
    "truncated": (_truncate, "damaged|not a usable"),
    "garbage header": (_garbage_header, "not a usable database"),
    "directory": (lambda p: (p.mkdir(), (p / "x").write_text("x")), "is not a file"),
    "another program's database": (
        lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.commit(),
        "not a Redline annotation database",
    ),
}


@pytest.mark.parametrize("name", BROKEN)
def test_unusable_database_is_set_aside_with_a_message(tmp_path: Path, name: str) -> None:
    db = tmp_path / "annotations.sqlite3"
    make_broken, reason = BROKEN[name]
    make_broken(db)
    with AnnotationStore(db) as store:
        message = store.recovered_message
        assert message is not None
        assert str(db) in message and "set aside as annotations.sqlite3.corrupt-" in message
        assert re.search(reason, message)
        assert store.tags() == list(DEFAULT_TAGS)
        store.add("o", "n", _note("fresh"))
    asides = list(tmp_path.glob("annotations.sqlite3.corrupt-*"))
    assert [p.name for p in asides if not p.name.endswith(("-wal", "-shm"))]
    with AnnotationStore(db) as again:
        assert again.recovered_message is None
        assert [a.note for a in again.pair_annotations("o", "n")] == ["fresh"]


def test_wal_goes_aside_with_its_damaged_database(tmp_path: Path) -> None:
    db = tmp_path / "annotations.sqlite3"
    _filled_db(db)
    writer = AnnotationStore(db)
    writer._connection().execute("PRAGMA wal_autocheckpoint = 0")
    writer.add("o", "n", _note("only in the WAL"))
    shutil.copyfile(db, tmp_path / "main")
    shutil.copyfile(f"{db}-wal", tmp_path / "wal")
    writer.close()
    for name in ("annotations.sqlite3-wal", "annotations.sqlite3-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    main = (tmp_path / "main").read_bytes()
    db.write_bytes(main[: len(main) // 2])
    shutil.copyfile(tmp_path / "wal", f"{db}-wal")

    with AnnotationStore(db) as store:
        assert store.recovered_message is not None
        assert store.pair_annotations("o", "n") == []
    (wal,) = tmp_path.glob("annotations.sqlite3.corrupt-*-wal")
    assert wal.read_bytes() == (tmp_path / "wal").read_bytes()  # the commits it held
    assert not list(tmp_path.glob("*.opening-*"))


def test_set_aside_failure_is_a_typed_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "annotations.sqlite3"
    db.write_text("not a database")

    def refuse(*args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(annotation_db.os, "replace", refuse)
    with pytest.raises(AnnotationStoreError, match=r"could not be set aside \(Permission denied"):
        AnnotationStore(db)
    assert db.read_text() == "not a database"


def test_folder_that_cannot_be_created_is_a_typed_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(AnnotationStoreError, match="Read-only file system"):
        AnnotationStore(tmp_path / "data" / "annotations.sqlite3")


def test_database_from_a_newer_version_is_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / "annotations.sqlite3"
    _filled_db(db, 3)
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(AnnotationStoreError, match="newer Redline"):
        AnnotationStore(db)
    assert list(tmp_path.glob("*.corrupt-*")) == []


# -- migrations --------------------------------------------------------------


def _version_1_database(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    migrate(conn, target=1)
    conn.execute(
        "INSERT INTO pairs (old_path, new_path) VALUES (?, ?)", (b"/a/old.txt", b"/a/new.txt")
    )
    for i in range(3):
        conn.execute(
            "INSERT INTO annotations (pair_id, note, tag, status, created, modified, "
            "old_path, old_sha256, old_start, old_end, old_quote, old_prefix, old_suffix) "
            "VALUES (1, ?, 'Style', 'open', ?, ?, ?, 'aa', 0, 3, 'The', '', ' mayor')",
            (f"legacy {i}", 10.0 + i, 10.0 + i, b"/a/old.txt"),
        )
    conn.execute("UPDATE tags SET name = 'House style' WHERE name = 'Style'")
    conn.execute("COMMIT")
    conn.close()


def test_migration_from_version_1_keeps_every_row(tmp_path: Path) -> None:
    db = tmp_path / "annotations.sqlite3"
    _version_1_database(db)
    with AnnotationStore(db) as store:
        assert store.recovered_message is None
        assert user_version(store._connection()) == SCHEMA_VERSION
        notes = store.pair_annotations("/a/old.txt", "/a/new.txt")
        assert [a.note for a in notes] == ["legacy 0", "legacy 1", "legacy 2"]
        assert all(a.uuid and not a.orphaned and a.new is None for a in notes)
        assert len({a.uuid for a in notes}) == 3
        assert notes[0].old is not None and notes[0].old.quote == "The"
        assert "House style" in store.tags()


def test_version_0_database_is_created_from_scratch(tmp_path: Path) -> None:
    db = tmp_path / "annotations.sqlite3"
    sqlite3.connect(db).close()  # an empty file: version 0, no tables
    with AnnotationStore(db) as store:
        assert store.recovered_message is None
        assert store.tags() == list(DEFAULT_TAGS)


def test_failed_migration_leaves_the_old_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "annotations.sqlite3"
    _version_1_database(db)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE annotations ADD COLUMN uuid TEXT")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setitem(annotation_schema.MIGRATIONS, 2, broken)
    with pytest.raises(AnnotationStoreError, match="disk I/O error"):
        AnnotationStore(db)
    conn = sqlite3.connect(db)
    assert user_version(conn) == 1
    assert "uuid" not in [row[1] for row in conn.execute("PRAGMA table_info(annotations)")]
    conn.close()


# -- annotations_for: documents changed, moved, copied -----------------------


def _pair(folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    old, new = folder / "old.txt", folder / "new.txt"
    shutil.copyfile(FULL, old)
    new.write_text(FULL.read_text(encoding="utf-8").replace("victory", "win"), encoding="utf-8")
    return old, new


def _annotate(
    store: AnnotationStore, old_path: Path, new_path: Path, quote: str, note: str
) -> Annotation:
    old, new = load_document(old_path), load_document(new_path)
    a, b = old.text.index(quote), new.text.index(quote)
    annotation = Annotation(
        0, note, None, "open",
        make_anchor(old.path, old.sha256, old.text, a, a + len(quote)),
        make_anchor(new.path, new.sha256, new.text, b, b + len(quote)),
        0.0, 0.0,
    )  # fmt: skip
    return store.add(old.path, new.path, annotation)


KEPT = "the man , whose face is not shown in the video"
DOOMED = "the syrian observatory for human rights said at least 20 air strikes hit the city"


def test_edited_document_reanchors_and_orphans_survive_a_reload(
    store: AnnotationStore, tmp_path: Path
) -> None:
    old_path, new_path = _pair(tmp_path / "docs")
    kept = _annotate(store, old_path, new_path, KEPT, "kept")
    doomed = _annotate(store, old_path, new_path, DOOMED, "doomed")
    text = new_path.read_text(encoding="utf-8")
    new_path.write_text("Editor's note: updated. " + text.replace(DOOMED, ""), encoding="utf-8")

    old, new = load_document(old_path), load_document(new_path)
    placed = annotations_for(old, new, store)
    assert [a.note for a in placed] == ["kept", "doomed"]
    assert not placed[0].orphaned and placed[0].new is not None
    assert new.text[placed[0].new.start : placed[0].new.end] == KEPT
    assert placed[1].orphaned and placed[1].new == doomed.new
    assert store.get(kept.id) == placed[0]  # written back, modified untouched
    assert placed[0].modified == kept.modified

    path = store.path
    store.close()
    with AnnotationStore(path) as reopened:
        again = annotations_for(load_document(old_path), load_document(new_path), reopened)
    assert again[1].orphaned and again[1].new is not None and again[1].new.quote == DOOMED

    # The editor puts the sentence back: the orphan is placed again.
    new_path.write_text(text, encoding="utf-8")
    with AnnotationStore(path) as reopened:
        back = annotations_for(load_document(old_path), load_document(new_path), reopened)
        assert not back[1].orphaned and back[1].new is not None
        assert back[1].new.start == text.index(DOOMED)
        assert reopened.get(doomed.id) == back[1]


def test_moved_files_take_their_annotations_along(store: AnnotationStore, tmp_path: Path) -> None:
    old_path, new_path = _pair(tmp_path / "before")
    _annotate(store, old_path, new_path, KEPT, "travels")
    (tmp_path / "before").rename(tmp_path / "after")
    old, new = load_document(tmp_path / "after/old.txt"), load_document(tmp_path / "after/new.txt")
    placed = annotations_for(old, new, store)
    assert [a.note for a in placed] == ["travels"]
    assert placed[0].old is not None and placed[0].old.path == old.path
    assert store.pair_annotations(str(old_path), str(new_path)) == []
    assert [a.note for a in store.pair_annotations(old.path, new.path)] == ["travels"]


def test_copied_files_get_a_copy_of_the_annotations(store: AnnotationStore, tmp_path: Path) -> None:
    old_path, new_path = _pair(tmp_path / "original")
    first = _annotate(store, old_path, new_path, KEPT, "shared")
    shutil.copytree(tmp_path / "original", tmp_path / "copy")
    old, new = load_document(tmp_path / "copy/old.txt"), load_document(tmp_path / "copy/new.txt")
    (copied,) = annotations_for(old, new, store)
    assert copied.note == "shared" and copied.uuid == first.uuid and copied.id != first.id
    store.update(replace(copied, note="edited in the copy"))
    assert [a.note for a in store.pair_annotations(str(old_path), str(new_path))] == ["shared"]


def test_background_reanchoring_never_overwrites_a_user_edit(
    store: AnnotationStore, tmp_path: Path
) -> None:
    added = store.add("o", "n", _note("original"))
    edited = store.update(replace(added, note="edited meanwhile"))
    stale = replace(added, orphaned=True)  # computed from the row before the edit
    assert store.save_placements([stale]) == 0
    assert store.get(added.id) == edited


def test_annotations_for_opens_the_default_store(tmp_path: Path) -> None:
    old_path, new_path = _pair(tmp_path / "docs")
    with AnnotationStore.open_default() as store:
        _annotate(store, old_path, new_path, KEPT, "default")
    placed = annotations_for(load_document(old_path), load_document(new_path))
    assert [a.note for a in placed] == ["default"]


def test_approximate_placement_keeps_the_quote_and_is_not_rewritten(
    store: AnnotationStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 14: a fuzzy placement is shown as such; the stored quote never changes."""
    from core.report.comparison_html import render_report
    from core.report.comparison_json import comparison_to_json

    old_path, new_path = _pair(tmp_path / "docs")
    kept = _annotate(store, old_path, new_path, KEPT, "kept")
    edited = KEPT.replace("is not shown", "is never shown")
    new_path.write_text(
        new_path.read_text(encoding="utf-8").replace(KEPT, edited), encoding="utf-8"
    )
    old, new = load_document(old_path), load_document(new_path)
    placed = annotations_for(old, new, store)[0]
    assert placed.new is not None and placed.new.approximate and placed.new.quote == KEPT
    assert new.text[placed.new.start : placed.new.end] == edited
    stored = store.get(kept.id)
    assert (
        stored.new is not None and stored.new.quote == KEPT and stored.new.start == placed.new.start
    )

    writes: list[object] = []
    monkeypatch.setattr(store, "save_placements", writes.append)
    again = annotations_for(old, new, store)[0]
    assert again.new is not None and again.new.approximate and writes == []

    result = compare(old, new)
    page = render_report(result, [again])
    assert "(placed approximately)" in page and "Could not be placed" not in page
    data = json.loads(comparison_to_json(result, [again]))
    assert data["annotations"][0]["new"]["placed_approximately"] is True
    assert "placed_approximately" not in data["annotations"][0]["old"]
