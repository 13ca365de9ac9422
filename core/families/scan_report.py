"""Folder scan reports: the JSON of ``scan-json.md`` (version 1) and a plain-text listing.

Paths are the scan's relative paths (``/`` separators, made printable by the folder
walk), so every name stays on one line, whatever bytes, markup, quotes or newlines
it holds. In the JSON, a name that had to be made printable also has its exact
bytes in hexadecimal (``path_bytes``, ``root_bytes``).
"""

from __future__ import annotations

import json
import os

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


def scan_to_dict(result: ScanResult) -> dict[str, object]:
    """The scan as the contract's JSON object (plain dicts and lists)."""
    return {
        "format": SCAN_FORMAT,
        "version": SCAN_VERSION,
        **path_fields(result.root, "root"),
        "documents": [
            {
                **_relpath_fields(d, result.root),
                "words": d.words,
                "encoding": d.encoding,
                "family": d.family,
                "closest": d.closest,
                "similarity": d.similarity,
            }
            for d in result.documents
        ],
        "families": [
            {"id": f.id, "members": list(f.members), "original": f.original}
            for f in result.families
        ],
        "errors": [{"path": e.relpath, "reason": e.reason} for e in result.errors],
    }


def scan_to_json(result: ScanResult) -> str:
    """The scan as one JSON object (``scan-json.md``), ending in a newline."""
    return json.dumps(scan_to_dict(result), ensure_ascii=False) + "\n"


def _closest(doc: ScannedDocument) -> str:
    if doc.closest is None or doc.similarity is None:
        return "no similar document"
    return f"closest {doc.closest} ({similarity_text(doc.similarity, estimate=True)})"


def scan_to_text(result: ScanResult) -> str:
    """A listing: families with their likely original first, then the others, then errors."""
    by_path = {d.relpath: d for d in result.documents}
    n_docs, n_fams = len(result.documents), len(result.families)
    lines = [
        f"{printable_path(result.root)}: {n_docs} document{'s' * (n_docs != 1)}, "
        f"{n_fams} famil{'ies' if n_fams != 1 else 'y'}, {len(result.errors)} error(s)"
    ]
    for family in result.families:
        lines.append("")
        # Counted from 1 for people; the JSON ids stay as the scan contract has them.
        lines.append(f"family {family.id + 1} ({len(family.members)} versions)")
        ordered = [family.original] + [m for m in family.members if m != family.original]
        for path in ordered:
            doc = by_path[path]
            mark = "original" if path == family.original else "version "
            lines.append(f"  {mark}  {path}  {doc.words} words, {_closest(doc)}")
    alone = [d for d in result.documents if d.family is None]
    if alone:
        lines.append("")
        lines.append("in no family")
        lines += [f"  {d.relpath}  {d.words} words, {_closest(d)}" for d in alone]
    if result.errors:
        lines.append("")
        lines.append("not read")
        lines += [f"  {e.relpath}: {e.reason}" for e in result.errors]
    return "\n".join(lines) + "\n"


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
