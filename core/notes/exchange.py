"""Annotations as JSON: export a comparison's notes, import a colleague's.

The file is one object::

    {"format": "redline-annotations", "version": 1,
     "old": {"path": "...", "sha256": "..."}, "new": {...},
     "annotations": [{"uuid": "...", "note": "...", "tag": "Typo" | null,
                      "status": "open", "orphaned": false,
                      "created": 1718000000.0, "modified": 1718000000.0,
                      "old": {"path", "sha256", "start", "end", "quote",
                              "prefix", "suffix"} | null,
                      "new": {...} | null}, ...]}

Offsets are code points, as everywhere in Redline. Paths are informational (made
printable): an import re-anchors every note by its quote in the documents the
importer has open, wherever they are. Each annotation's ``uuid`` makes a second
import of the same file add nothing. Text is kept literally (markup included);
escaping is each report's job.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.atomic import atomic_write_text
from core.errors import AnnotationImportError, LoadError
from core.model import Document
from core.notes.annotation import STATUSES, Anchor, Annotation, Status
from core.notes.reanchor import reanchor
from core.notes.schema import clean_text
from core.notes.store import AnnotationStore, real_path
from core.text.names import printable_path

FORMAT = "redline-annotations"
VERSION = 1
MAX_FILE_BYTES = 256 * 1024 * 1024
_UUID_NAMESPACE = uuid.UUID("8f3c2f3e-6a55-4f7e-9a52-3d1c2b0e7a10")


class AnnotationExportError(LoadError):
    """An annotations file could not be written (the previous file is intact)."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did.

    Attributes:
        added: the annotations stored, with their ids (re-anchored; some orphaned).
        already_present: annotations skipped because the pair holds their uuid.
    """

    added: tuple[Annotation, ...]
    already_present: int


def _anchor_dict(anchor: Anchor | None) -> dict[str, Any] | None:
    if anchor is None:
        return None
    return {
        "path": printable_path(anchor.path),
        "sha256": anchor.sha256,
        "start": anchor.start,
        "end": anchor.end,
        "quote": clean_text(anchor.quote),
        "prefix": clean_text(anchor.prefix),
        "suffix": clean_text(anchor.suffix),
    }


def annotation_to_dict(a: Annotation) -> dict[str, Any]:
    """One annotation as a JSON-ready dict (note, tag, status, anchors, times, uuid)."""
    return {
        "uuid": a.uuid,
        "note": clean_text(a.note),
        "tag": None if a.tag is None else clean_text(a.tag),
        "status": a.status,
        "orphaned": a.orphaned,
        "created": a.created,
        "modified": a.modified,
        "old": _anchor_dict(a.old),
        "new": _anchor_dict(a.new),
    }


def export_annotations(annotations: Sequence[Annotation], old: Document, new: Document) -> str:
    """The JSON text of a comparison's annotations (UTF-8 safe, ends with a newline)."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "old": {"path": printable_path(old.path), "sha256": old.sha256},
        "new": {"path": printable_path(new.path), "sha256": new.sha256},
        "annotations": [annotation_to_dict(a) for a in annotations],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


class _Reader:
    """Checks the parsed JSON field by field; errors name the file and the place."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> AnnotationImportError:
        return AnnotationImportError(self.source, f"{where}: {problem}")

    def field(
        self, obj: dict[str, Any], key: str, kind: type, where: str, null: bool = False
    ) -> Any:
        if key not in obj:
            raise self.fail(where, f"{key!r} is missing")
        value = obj[key]
        if value is None and null:
            return None
        # bool is an int in Python: a start of `true` is refused.
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            raise self.fail(where, f"{key!r} is not {kind.__name__}")
        return value

    def number(self, obj: dict[str, Any], key: str, where: str) -> float:
        value = obj.get(key, 0.0)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(where, f"{key!r} is not a number")
        return float(value)

    def anchor(self, value: Any, where: str) -> Anchor | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            raise self.fail(where, "is not an object")
        start = self.field(value, "start", int, where)
        end = self.field(value, "end", int, where)
        if not 0 <= start <= end:
            raise self.fail(where, f"span ({start}, {end}) is not a valid span")
        return Anchor(
            path=self.field(value, "path", str, where),
            sha256=self.field(value, "sha256", str, where),
            start=start,
            end=end,
            quote=self.field(value, "quote", str, where),
            prefix=value.get("prefix", "") if isinstance(value.get("prefix"), str) else "",
            suffix=value.get("suffix", "") if isinstance(value.get("suffix"), str) else "",
        )

    def annotation(self, value: Any, index: int) -> Annotation:
        where = f"annotation {index + 1}"
        if not isinstance(value, dict):
            raise self.fail(where, "is not an object")
        status = self.field(value, "status", str, where)
        if status not in STATUSES:
            raise self.fail(where, f"unknown status {status!r}")
        status_value: Status = status
        old = self.anchor(value.get("old"), f"{where}, old anchor")
        new = self.anchor(value.get("new"), f"{where}, new anchor")
        if old is None and new is None:
            raise self.fail(where, "has no anchor")
        note = self.field(value, "note", str, where)
        created = self.number(value, "created", where)
        uid = value.get("uuid")
        if not isinstance(uid, str) or not uid:
            # A stable stand-in, so importing the same file twice still adds nothing.
            quotes = "\0".join(a.quote if a else "" for a in (old, new))
            uid = str(uuid.uuid5(_UUID_NAMESPACE, f"{note}\0{quotes}\0{created!r}"))
        return Annotation(
            id=0,
            note=note,
            tag=self.field(value, "tag", str, where, null=True),
            status=status_value,
            old=old,
            new=new,
            created=created,
            modified=self.number(value, "modified", where) or created,
            orphaned=value.get("orphaned") is True,
            uuid=uid,
        )


def import_annotations(text: str, source: str) -> list[Annotation]:
    """Parse an exported annotations file.

    Args:
        text: the file's text.
        source: the file's name, used in error messages.

    Returns:
        The annotations, not stored (``id`` 0), as they were exported.

    Raises:
        AnnotationImportError: not JSON, not a Redline annotations file, a newer
            version, or a field of the wrong type; the message names ``source``.
    """
    reader = _Reader(source)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise AnnotationImportError(source, f"is not valid JSON ({error})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise AnnotationImportError(source, "is not a Redline annotations file")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise AnnotationImportError(source, "has no valid version number")
    if version > VERSION:
        raise AnnotationImportError(
            source, f"was written by a newer Redline (version {version}; this one reads {VERSION})"
        )
    items = data.get("annotations")
    if not isinstance(items, list):
        raise AnnotationImportError(source, "'annotations' is not a list")
    return [reader.annotation(item, i) for i, item in enumerate(items)]


def read_annotations_file(path: str | os.PathLike[str]) -> list[Annotation]:
    """Read and parse an annotations file (see ``import_annotations``).

    Raises:
        AnnotationImportError: it cannot be read, is too large, not UTF-8 or not valid.
    """
    shown = printable_path(os.fspath(path))
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise AnnotationImportError(shown, error.strerror or type(error).__name__) from None
    if len(data) > MAX_FILE_BYTES:
        raise AnnotationImportError(shown, f"is larger than {MAX_FILE_BYTES:,} bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise AnnotationImportError(shown, f"is not UTF-8 text (byte {error.start})") from None
    return import_annotations(text, shown)


def write_annotations_file(
    path: str | os.PathLike[str], annotations: Sequence[Annotation], old: Document, new: Document
) -> None:
    """Export to ``path`` atomically; never over one of the compared documents.

    Raises:
        AnnotationExportError: the target is a compared document, or the write
            failed (the previous file is left intact, no temporary file remains).
    """
    target = os.fspath(path)
    shown = printable_path(target)
    if real_path(target) in {real_path(old.path), real_path(new.path)}:
        raise AnnotationExportError(shown, "is one of the compared documents; not overwritten")
    try:
        atomic_write_text(Path(target), export_annotations(annotations, old, new))
    except OSError as error:
        raise AnnotationExportError(shown, error.strerror or type(error).__name__) from None


def import_into_store(
    annotations: Sequence[Annotation], old: Document, new: Document, store: AnnotationStore
) -> ImportResult:
    """Store imported annotations with this pair, re-anchored by quote to its texts.

    The documents may be at other paths than the exporter's; notes whose quote is
    not found are stored orphaned. Annotations whose uuid the pair already holds
    are skipped, so importing the same file twice adds nothing.
    """
    placed = [reanchor(a, old, new) for a in annotations]
    added = store.merge(old.path, new.path, placed)
    return ImportResult(tuple(added), len(placed) - len(added))
