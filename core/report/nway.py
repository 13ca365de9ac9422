"""Reports of an N-way grid (``core.nway.grid``): a terminal grid and JSON.

The JSON follows ``docs/nway-json.md`` (format ``redline-nway``, version 1). The
HTML and PDF page is ``core.report.nway_html``; the symbols, meanings and labels
here are shared with it and with the window.
"""

from __future__ import annotations

import json
import re
from typing import Any

from core.engine.tokens import count_words
from core.gcpause import collector_paused
from core.model import Document, Span
from core.nway.grid import NWay, Status, VersionSummary
from core.text.names import path_fields, printable_path

FORMAT = "redline-nway"
VERSION = 1
SYMBOLS: dict[Status, str] = {"kept": "=", "changed": "~", "missing": "\u00b7"}
MEANINGS: dict[Status, str] = {
    "kept": "kept as is",
    "changed": "kept with changes",
    "missing": "missing",
}
SNIPPET = 72
_SPACE = re.compile(r"\s+")


def version_label(index: int) -> str:
    """The short column label of a version: A to Z, then V27, V28, ..."""
    return chr(ord("A") + index) if index < 26 else f"V{index + 1}"


def flat(text: str) -> str:
    """Whitespace runs as single spaces, no line breaks (for one-line displays)."""
    return _SPACE.sub(" ", text).strip()


def wording(nway: NWay, version: int, row: int) -> str | None:
    """A version's wording of a base sentence, whitespace collapsed, or None."""
    span = nway.sentences[row].cells[version].span
    if span is None:
        return None
    return flat(nway.versions[version].document.text[span[0] : span[1]])


def _share(value: float) -> str:
    return f"{value:.0%}"


# -- JSON ---------------------------------------------------------------------------


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else [span[0], span[1]]


def _document(doc: Document) -> dict[str, Any]:
    return {
        **path_fields(doc.path),
        "encoding": doc.encoding,
        "sha256": doc.sha256,
        "length": doc.length,
    }


def _version(v: VersionSummary) -> dict[str, Any]:
    out = _document(v.document)
    out.update(
        similarity=v.similarity,
        kept_share=round(v.kept_share, 4),
        added_words=v.added_words,
        kept=v.kept,
        changed=v.changed,
        missing=v.missing,
        approximate=v.comparison.approximate,
    )
    return out


def nway_to_dict(nway: NWay) -> dict[str, Any]:
    """The ``redline-nway`` object (``docs/nway-json.md``)."""
    options = nway.versions[0].comparison.options if nway.versions else None
    base = _document(nway.base)
    base["words"] = count_words(nway.base.text)
    return {
        "format": FORMAT,
        "version": VERSION,
        "base": base,
        "options": {
            "ignore_case": options.ignore_case if options else True,
            "ignore_punctuation": options.ignore_punctuation if options else False,
        },
        "versions": [_version(v) for v in nway.versions],
        "sentences": [
            {
                "base": _span(row.base),
                "words": row.words,
                "cells": [{"status": c.status, "span": _span(c.span)} for c in row.cells],
            }
            for row in nway.sentences
        ],
    }


def render_nway_json(nway: NWay) -> str:
    """The ``redline-nway`` JSON text (compact; non-ASCII kept as is)."""
    with collector_paused():
        return json.dumps(nway_to_dict(nway), ensure_ascii=False, separators=(",", ":")) + "\n"


# -- text ---------------------------------------------------------------------------


def _visible(text: str) -> str:
    """One line a terminal shows as it is (controls and bidi overrides escaped)."""
    return printable_path(text)


def _snippet(text: str, width: int = SNIPPET) -> str:
    line = flat(text)
    return line if len(line) <= width else line[: width - 1] + "\u2026"


def render_nway_text(nway: NWay) -> str:
    """The grid for a terminal: a header naming the versions, then one line per
    base sentence (a cell per version, then the start of the sentence)."""
    base = nway.base
    lines = [
        f"Base: {_visible(base.path)} ({len(nway.sentences)} sentences, "
        f"{count_words(base.text):,} words)"
    ]
    for i, v in enumerate(nway.versions):
        lines.append(
            f"  {version_label(i)}  {_visible(v.document.path)}: similarity {v.similarity:.2f}, "
            f"keeps {_share(v.kept_share)} of the base's words, adds {v.added_words:,} words "
            f"({v.kept} kept, {v.changed} changed, {v.missing} missing)"
        )
    lines.append("Cells: " + "   ".join(f"{SYMBOLS[s]} {MEANINGS[s]}" for s in SYMBOLS) + "")
    lines.append("")
    width = len(nway.versions)
    header = "".join(version_label(i)[0] for i in range(width))
    lines.append(f"{header}  sentence")
    for row in nway.sentences:
        cells = "".join(SYMBOLS[c.status] for c in row.cells)
        lines.append(f"{cells}  {_visible(_snippet(base.text[row.base[0] : row.base[1]]))}")
    return "\n".join(lines) + "\n"
