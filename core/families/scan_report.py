"""Folder scan reports: the JSON of ``scan-json.md`` (version 1) and a plain-text listing.

Paths are the scan's relative paths (``/`` separators, made printable by the folder
walk), so every name stays on one line, whatever bytes, markup, quotes or newlines
it holds. In the JSON, a name that had to be made printable also has its exact
bytes in hexadecimal (``path_bytes``, ``root_bytes``).
"""

from __future__ import annotations

import json
import os

from core.families.scan import ScannedDocument, ScanResult
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
