"""Exporting and importing annotations as JSON."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest

from core import atomic
from core.errors import AnnotationImportError
from core.model import Document
from core.notes.annotation import Annotation, make_anchor
from core.notes.exchange import (
    AnnotationExportError,
    annotation_to_dict,
    export_annotations,
    import_annotations,
    import_into_store,
    read_annotations_file,
    write_annotations_file,
)
from core.notes.store import AnnotationStore, annotations_for
from core.text.document import load_document
from tests.conftest import CONDENSED, FULL

QUOTES = (
    "the man , whose face is not shown in the video",
    "the syrian observatory for human rights said",
    "jisr al-shughour",
)
NOTES = ("<script>alert(1)</script> check", "astral 😀𝔘𠀀 and NUL \0 kept", "")


def _documents(folder: Path) -> tuple[Document, Document]:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FULL, folder / "old.txt")
    shutil.copyfile(CONDENSED, folder / "new.txt")
    return load_document(folder / "old.txt"), load_document(folder / "new.txt")


def _annotated(store: AnnotationStore, old: Document, new: Document) -> list[Annotation]:
    added = []
    for i, (quote, note) in enumerate(zip(QUOTES, NOTES)):
        a = old.text.index(quote)
        b = new.text.find(quote)
        annotation = Annotation(
            0, note, "Legal risk" if i else None, ("open", "accepted", "needs-check")[i],
            make_anchor(old.path, old.sha256, old.text, a, a + len(quote)),
            make_anchor(new.path, new.sha256, new.text, b, b + len(quote)) if b >= 0 else None,
            0.0, 0.0,
        )  # fmt: skip
        added.append(store.add(old.path, new.path, annotation))
    return added


def _essence(a: Annotation) -> tuple[object, ...]:
    return (
        a.uuid,
        a.note,
        a.tag,
        a.status,
        a.created,
        a.old.quote if a.old else None,
        a.new.quote if a.new else None,
    )


def test_export_then_import_into_another_store_at_other_paths(tmp_path: Path) -> None:
    old, new = _documents(tmp_path / "mine")
    with AnnotationStore(tmp_path / "mine.sqlite3") as mine:
        exported = export_annotations(_annotated(mine, old, new), old, new)

    # The colleague's copies live elsewhere, and one got a new first paragraph.
    theirs_old, _ = _documents(tmp_path / "colleague" / "files")
    edited = tmp_path / "colleague" / "files" / "new.txt"
    edited.write_text("Updated at noon.\n\n" + new.text, encoding="utf-8")
    theirs_new = load_document(edited)
    with AnnotationStore(tmp_path / "theirs.sqlite3") as theirs:
        result = import_into_store(
            import_annotations(exported, "notes.json"), theirs_old, theirs_new, theirs
        )
        assert result.already_present == 0
        again = import_into_store(
            import_annotations(exported, "notes.json"), theirs_old, theirs_new, theirs
        )
        assert (again.added, again.already_present) == ((), 3)
        stored = annotations_for(theirs_old, theirs_new, theirs)

    with AnnotationStore(tmp_path / "mine.sqlite3") as mine:
        originals = mine.pair_annotations(old.path, new.path)
    assert [_essence(a) for a in stored] == [_essence(a) for a in originals]
    for a in stored:
        assert not a.orphaned
        assert a.old is not None and a.old.path == theirs_old.path
        assert theirs_old.text[a.old.start : a.old.end] == a.old.quote
        if a.new is not None:
            assert theirs_new.text[a.new.start : a.new.end] == a.new.quote
            assert a.new.sha256 == theirs_new.sha256


def test_import_of_a_quote_that_is_gone_is_kept_orphaned(tmp_path: Path) -> None:
    old, new = _documents(tmp_path / "a")
    with AnnotationStore(tmp_path / "a.sqlite3") as store:
        exported = export_annotations(_annotated(store, old, new), old, new)
    other_old = Document(path=str(tmp_path / "x.txt"), text="Nothing in common here.", sha256="x")
    with AnnotationStore(tmp_path / "b.sqlite3") as store:
        result = import_into_store(import_annotations(exported, "n.json"), other_old, new, store)
        assert len(result.added) == 3 and all(a.orphaned for a in result.added)
        assert [
            a.old.quote for a in store.pair_annotations(other_old.path, new.path) if a.old
        ] == list(QUOTES)


def test_exported_text_keeps_markup_and_astral_characters_literally(tmp_path: Path) -> None:
    old, new = _documents(tmp_path / "d")
    with AnnotationStore(tmp_path / "s.sqlite3") as store:
        text = export_annotations(_annotated(store, old, new), old, new)
    text.encode("utf-8")  # always writable as UTF-8
    data = json.loads(text)
    assert data["format"] == "redline-annotations" and data["version"] == 1
    assert [a["note"] for a in data["annotations"]] == list(NOTES)
    assert "😀𝔘𠀀" in text and "<script>" in text


def test_annotation_to_dict_has_the_report_fields() -> None:
    text = "abc 😀 def"
    a = Annotation(
        3, "n", "Typo", "rejected", make_anchor("o\udce9.txt", "h", text, 4, 5), None, 1.0, 2.0,
        uuid="u",
    )  # fmt: skip
    out = annotation_to_dict(a)
    assert out["note"] == "n" and out["tag"] == "Typo" and out["status"] == "rejected"
    assert out["old"]["quote"] == "😀" and (out["old"]["start"], out["old"]["end"]) == (4, 5)
    assert out["old"]["path"] == "o\\xe9.txt"  # not valid UTF-8: shown escaped
    assert out["new"] is None and out["uuid"] == "u"
    json.dumps(out, ensure_ascii=False).encode("utf-8")


def test_file_without_uuids_still_imports_only_once(tmp_path: Path) -> None:
    old, new = _documents(tmp_path / "d")
    with AnnotationStore(tmp_path / "s.sqlite3") as store:
        data = json.loads(export_annotations(_annotated(store, old, new), old, new))
    for item in data["annotations"]:
        del item["uuid"]
    text = json.dumps(data)
    with AnnotationStore(tmp_path / "other.sqlite3") as store:
        first = import_into_store(import_annotations(text, "n.json"), old, new, store)
        second = import_into_store(import_annotations(text, "n.json"), old, new, store)
    assert len(first.added) == 3 and second.already_present == 3 and second.added == ()


_VALID_ITEM = {
    "note": "n",
    "tag": None,
    "status": "open",
    "created": 1.0,
    "modified": 1.0,
    "old": {"path": "o", "sha256": "h", "start": 0, "end": 1, "quote": "a"},
    "new": None,
}


def _file(**changes: object) -> str:
    item = {**_VALID_ITEM, **changes}
    return json.dumps({"format": "redline-annotations", "version": 1, "annotations": [item]})


BAD = {
    "not JSON": ("{not json", "is not valid JSON"),
    "empty": ("", "is not valid JSON"),
    "a list": ("[]", "is not a Redline annotations file"),
    "another format": ('{"format": "redline-comparison", "version": 1}', "not a Redline"),
    "newer version": (
        '{"format": "redline-annotations", "version": 99, "annotations": []}',
        "newer Redline",
    ),
    "version as text": ('{"format": "redline-annotations", "version": "1"}', "version"),
    "annotations not a list": (
        '{"format": "redline-annotations", "version": 1, "annotations": {}}',
        "'annotations' is not a list",
    ),
    "note is a number": (_file(note=5), "annotation 1: 'note' is not str"),
    "unknown status": (_file(status="done"), "unknown status 'done'"),
    "no anchor": (_file(old=None), "has no anchor"),
    "start is true": (
        _file(old={**_VALID_ITEM["old"], "start": True}),  # type: ignore[dict-item]
        "'start' is not int",
    ),
    "span backwards": (
        _file(old={**_VALID_ITEM["old"], "start": 5, "end": 2}),  # type: ignore[dict-item]
        "not a valid span",
    ),
    "anchor is a string": (_file(old="here"), "old anchor: is not an object"),
    "created is text": (_file(created="yesterday"), "'created' is not a number"),
    "deeply nested": ("[" * 100_000 + "]" * 100_000, "is not valid JSON"),
}


@pytest.mark.parametrize("name", BAD)
def test_bad_file_is_a_typed_error_naming_the_file(name: str) -> None:
    text, reason = BAD[name]
    with pytest.raises(AnnotationImportError) as error:
        import_annotations(text, "colleague's notes.json")
    message = str(error.value)
    assert message.startswith("colleague's notes.json: ")
    assert reason in message
    assert "\n" not in message


def test_valid_minimal_file_imports() -> None:
    (a,) = import_annotations(_file(), "n.json")
    assert (a.id, a.note, a.old.quote if a.old else None) == (0, "n", "a")
    assert a.uuid  # derived, stable
    assert import_annotations(_file(), "n.json")[0].uuid == a.uuid


def test_read_file_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(AnnotationImportError, match=r"missing\.json: No such file"):
        read_annotations_file(tmp_path / "missing.json")
    with pytest.raises(AnnotationImportError, match="Is a directory"):
        read_annotations_file(tmp_path)
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{"note": "caf\xe9"}')
    with pytest.raises(AnnotationImportError, match=r"latin\.json: is not UTF-8"):
        read_annotations_file(latin)


def test_write_and_read_back_a_file(tmp_path: Path) -> None:
    old, new = _documents(tmp_path / "d")
    target = tmp_path / "out" / "notes.json"
    with AnnotationStore(tmp_path / "s.sqlite3") as store:
        stored = _annotated(store, old, new)
    write_annotations_file(target, stored, old, new)
    assert [_essence(a) for a in read_annotations_file(target)] == [_essence(a) for a in stored]


def test_write_refuses_a_compared_document(tmp_path: Path) -> None:
    old, new = _documents(tmp_path / "d")
    before = Path(new.path).read_bytes()
    with pytest.raises(AnnotationExportError, match="is one of the compared documents"):
        write_annotations_file(new.path, [], old, new)
    assert Path(new.path).read_bytes() == before


def test_full_disk_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = _documents(tmp_path / "d")
    target = tmp_path / "notes.json"
    target.write_text("previous")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(AnnotationExportError, match=r"notes\.json: No space left on device"):
        write_annotations_file(target, [], old, new)
    assert target.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d", "notes.json"]
