"""Folder scan reports: the JSON of ``scan-json.md`` (version 1) and a plain-text listing.

Paths are the scan's relative paths (``/`` separators, made printable by the folder
walk), so every name stays on one line, whatever bytes, markup, quotes or newlines
it holds. In the JSON, a name that had to be made printable also has its exact
bytes in hexadecimal (``path_bytes``, ``root_bytes``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping

from core.errors import RedlineError
from core.families.scan import Family, ScanError, ScannedDocument, ScanResult, ScanStats
from core.figures import similarity_text
from core.text.names import path_fields, printable_path

SCAN_FORMAT = "redline-scan"
SCAN_VERSION = 1


def _relpath_fields(doc: ScannedDocument, root: str) -> dict[str, str]:
    """``path`` (printable) and, when that is not the name itself, ``path_bytes``."""
    exact = os.path.relpath(doc.path, root).replace(os.sep, "/")
    fields = path_fields(exact)
    return fields if "path_bytes" in fields else {"path": doc.relpath}


def document_entry(doc: ScannedDocument, root: str) -> dict[str, object]:
    """A document of the contract's ``documents``."""
    return {
        **_relpath_fields(doc, root),
        "words": doc.words,
        "encoding": doc.encoding,
        "family": doc.family,
        "closest": doc.closest,
        "similarity": doc.similarity,
    }


def family_entry(family: Family) -> dict[str, object]:
    """A family of the contract's ``families``."""
    return {"id": family.id, "members": list(family.members), "original": family.original}


def error_entry(error: ScanError) -> dict[str, object]:
    """A file of the contract's ``errors``."""
    return {"path": error.relpath, "reason": error.reason}


def scan_to_dict(result: ScanResult) -> dict[str, object]:
    """The scan as the contract's JSON object (plain dicts and lists)."""
    return {
        "format": SCAN_FORMAT,
        "version": SCAN_VERSION,
        **path_fields(result.root, "root"),
        "documents": [document_entry(d, result.root) for d in result.documents],
        "families": [family_entry(f) for f in result.families],
        "errors": [error_entry(e) for e in result.errors],
    }


def json_item(entry: dict[str, object]) -> str:
    """One entry as ``scan_to_json`` writes it inside a list."""
    return json.dumps(entry, ensure_ascii=False)


def json_parts(
    root: str, documents: Iterable[str], families: Iterable[str], errors: Iterable[str]
) -> Iterator[str]:
    """``scan_to_json``'s text in pieces, from its lists' items (``json_item``), for a
    report written as it is made. An element may hold several items joined by
    ``", "`` (an empty one is skipped)."""
    head = json.dumps(
        {"format": SCAN_FORMAT, "version": SCAN_VERSION, **path_fields(root, "root")},
        ensure_ascii=False,
    )
    opening = f"{head[:-1]}, "
    for key, items in (("documents", documents), ("families", families), ("errors", errors)):
        yield f'{opening}"{key}": ['
        yield from _comma_joined(items)
        opening = "], "
    yield "]}\n"


def _comma_joined(items: Iterable[str]) -> Iterator[str]:
    first = True
    for item in items:
        if item:
            yield item if first else f", {item}"
            first = False


def scan_to_json(result: ScanResult) -> str:
    """The scan as one JSON object (``scan-json.md``), ending in a newline."""
    return "".join(
        json_parts(
            result.root,
            (json_item(document_entry(d, result.root)) for d in result.documents),
            (json_item(family_entry(f)) for f in result.families),
            (json_item(error_entry(e)) for e in result.errors),
        )
    )


def _closest(doc: ScannedDocument) -> str:
    if doc.closest is None or doc.similarity is None:
        return "no similar document"
    return f"closest {doc.closest} ({similarity_text(doc.similarity, estimate=True)})"


def text_header(root: str, documents: int, families: int, errors: int) -> str:
    """The listing's first line."""
    return (
        f"{printable_path(root)}: {documents} document{'s' * (documents != 1)}, "
        f"{families} famil{'ies' if families != 1 else 'y'}, {errors} error(s)"
    )


def family_lines(family: Family, by_path: Mapping[str, ScannedDocument]) -> list[str]:
    """A family in the listing: its likely original first, then the others."""
    # Counted from 1 for people; the JSON ids stay as the scan contract has them.
    lines = ["", f"family {family.id + 1} ({len(family.members)} versions)"]
    ordered = [family.original] + [m for m in family.members if m != family.original]
    for path in ordered:
        doc = by_path[path]
        mark = "original" if path == family.original else "version "
        lines.append(f"  {mark}  {path}  {doc.words} words, {_closest(doc)}")
    return lines


def alone_line(doc: ScannedDocument) -> str:
    """A document in no family, in the listing."""
    return f"  {doc.relpath}  {doc.words} words, {_closest(doc)}"


def error_line(error: ScanError) -> str:
    """A file not read, in the listing."""
    return f"  {error.relpath}: {error.reason}"


def text_parts(
    header: str, families: Iterable[str], alone: Iterable[str], errors: Iterable[str]
) -> Iterator[str]:
    """``scan_to_text``'s text in pieces, for a listing written as it is made. Each
    element is one or more whole lines, each ending in a newline (an empty one is
    skipped); a section's title comes before its first line, and only then."""
    yield f"{header}\n"
    yield from families
    for title, lines in (("in no family", alone), ("not read", errors)):
        titled = False
        for line in lines:
            if line and not titled:
                yield f"\n{title}\n"
                titled = True
            yield line


def scan_to_text(result: ScanResult) -> str:
    """A listing: families with their likely original first, then the others, then errors."""
    by_path = {d.relpath: d for d in result.documents}
    header = text_header(
        result.root, len(result.documents), len(result.families), len(result.errors)
    )
    return "".join(
        text_parts(
            header,
            (_lines(family_lines(f, by_path)) for f in result.families),
            (_lines([alone_line(d)]) for d in result.documents if d.family is None),
            (_lines([error_line(e)]) for e in result.errors),
        )
    )


def _lines(lines: Iterable[str]) -> str:
    return "".join(f"{line}\n" for line in lines)


def scan_from_json(text: str) -> ScanResult:
    """A scan read back from its JSON (``scan_to_json``, or ``redline scan --cluster``),
    to be shown in the window without scanning again. It has no fingerprints.

    Raises:
        RedlineError: not a scan of this contract (one line saying why).
    """
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise RedlineError(f"not JSON ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != SCAN_FORMAT:
        raise RedlineError("not a Redline scan (its format is not \u201credline-scan\u201d)")
    if data.get("version") != SCAN_VERSION:
        raise RedlineError(f"a scan of version {data.get('version')!r}, not {SCAN_VERSION}")
    try:
        root = _exact(data, "root")
        documents = tuple(_document(d, root) for d in data["documents"])
        families = tuple(
            Family(int(f["id"]), tuple(str(m) for m in f["members"]), str(f["original"]))
            for f in data["families"]
        )
        errors = tuple(ScanError(str(e["path"]), str(e["reason"])) for e in data["errors"])
    except (KeyError, TypeError, ValueError) as exc:
        raise RedlineError(f"a scan with a malformed entry ({type(exc).__name__}: {exc})") from None
    return ScanResult(root, documents, families, errors, ScanStats(0, 0, 0))


def _exact(entry: dict[str, object], key: str) -> str:
    """The exact name of ``entry[key]``: from ``key_bytes`` when the name was made printable."""
    raw = entry.get(f"{key}_bytes")
    if raw is None:
        value = entry[key]
        if not isinstance(value, str):
            raise TypeError(f"{key} is not a string")
        return value
    return os.fsdecode(bytes.fromhex(str(raw)))


def _number(value: object, name: str) -> float | None:
    """A similarity (the contract writes 1 for 1.0), or None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} is not a number")
    return float(value)


def _family(value: object) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise TypeError("family is not a number")
    return value


def _document(entry: dict[str, object], root: str) -> ScannedDocument:
    words, closest = entry["words"], entry.get("closest")
    if isinstance(words, bool) or not isinstance(words, int):
        raise TypeError("words is not a number")
    if closest is not None and not isinstance(closest, str):
        raise TypeError("closest is not a path")
    return ScannedDocument(
        path=os.path.join(root, *_exact(entry, "path").split("/")),
        relpath=str(entry["path"]),
        words=words,
        encoding=str(entry["encoding"]),
        family=_family(entry.get("family")),
        closest=closest,
        similarity=_number(entry.get("similarity"), "similarity"),
    )
