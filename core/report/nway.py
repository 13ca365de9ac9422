"""Reports of an N-way grid (``core.nway.grid``): a terminal grid and JSON.

The JSON follows ``docs/nway-json.md`` (format ``redline-nway``, version 2). The
HTML and PDF page is ``core.report.nway_html``; the symbols, meanings and labels
here are shared with it and with the window.
"""

from __future__ import annotations

import json
import re
from typing import Any

from core.engine.tokens import count_words
from core.figures import percent_text, similarity_text
from core.gcpause import collector_paused
from core.model import Comparison, Document, Span
from core.nway.grid import NWay, Status, VersionSummary
from core.text.names import path_fields, printable_path

FORMAT = "redline-nway"
VERSION = 2
SYMBOLS: dict[Status, str] = {"kept": "=", "edited": "~", "reworded": "*", "missing": "\u00b7"}
MEANINGS: dict[Status, str] = {
    "kept": "kept as is",
    "edited": "edited",
    "reworded": "reworded",
    "missing": "missing",
}
# What each status means, in a sentence (legends, tooltips, reports).
EXPLAINED: dict[Status, str] = {
    "kept": "every word kept, nothing added",
    "edited": "at least half its words kept",
    "reworded": "said in other words: under half its words kept, the version's "
    "wording stands in its place",
    "missing": "no counterpart in the version",
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
    return percent_text(value)


def dropped_text(nway: NWay, version: int, row: int) -> str:
    """The base words a version drops from a sentence, pieces joined by `` … ``."""
    text = nway.base.text
    return " \u2026 ".join(flat(text[s:e]) for s, e in nway.sentences[row].cells[version].dropped)


def added_spans(comparison: Comparison, span: Span) -> list[Span]:
    """The version's words inside ``span`` that are not in the base (insert ops)."""
    out: list[Span] = []
    for block in comparison.blocks:
        if block.new is None or block.new[1] <= span[0] or block.new[0] >= span[1]:
            continue
        for op in block.ops:
            if op.op == "insert" and op.new is not None:
                s, e = max(op.new[0], span[0]), min(op.new[1], span[1])
                if s < e:
                    out.append((s, e))
    return sorted(out)


def added_text(nway: NWay, version: int, row: int) -> str:
    """The words a version puts in its wording of a base sentence, pieces joined by
    `` … `` (punctuation alone left out)."""
    span = nway.sentences[row].cells[version].span
    if span is None:
        return ""
    v = nway.versions[version]
    text = v.document.text
    pieces = (flat(text[s:e]) for s, e in added_spans(v.comparison, span))
    return " \u2026 ".join(p for p in pieces if count_words(p))  # (not a lone "." or ",")


def status_counts(v: VersionSummary) -> str:
    """``3 kept, 4 edited, 20 reworded, 2 missing`` (sentences of the base)."""
    return f"{v.kept} kept, {v.edited} edited, {v.reworded} reworded, {v.missing} missing"


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
        edited=v.edited,
        reworded=v.reworded,
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
                "cells": [
                    {
                        "status": c.status,
                        "span": _span(c.span),
                        "kept_words": c.kept_words,
                        "dropped": [[a, b] for a, b in c.dropped],
                    }
                    for c in row.cells
                ],
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


# Terminal colours of the cells (``--color``): kept green, edited yellow, reworded
# magenta, missing red; the lines under a sentence dim.
CELL_COLOURS: dict[Status, str] = {"kept": "32", "edited": "33", "reworded": "35", "missing": "31"}


def render_nway_text(nway: NWay, *, colour: bool = False) -> str:
    """The grid for a terminal: a header naming the versions, then one line per
    base sentence (a cell per version, then the start of the sentence), and under
    it, per version that rewords it, that version's wording, and per version that
    edits it, the base words it drops. ``colour`` paints the cells (ANSI)."""

    def paint(code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if colour else text

    base = nway.base
    lines = [
        f"Base: {_visible(base.path)} ({len(nway.sentences)} sentences, "
        f"{count_words(base.text):,} words)"
    ]
    for i, v in enumerate(nway.versions):
        lines.append(
            f"  {version_label(i)}  {_visible(v.document.path)}: similarity "
            f"{similarity_text(v.similarity)}, keeps {_share(v.kept_share)} of the base's "
            f"words, adds {v.added_words:,} words ({status_counts(v)})"
        )
    lines.append("Cells: " + "   ".join(f"{SYMBOLS[s]} {MEANINGS[s]}" for s in SYMBOLS))
    lines.append("")
    width = len(nway.versions)
    header = "".join(version_label(i)[0] for i in range(width))
    lines.append(f"{header}  sentence")
    pad = " " * width
    for k, row in enumerate(nway.sentences):
        cells = "".join(paint(CELL_COLOURS[c.status], SYMBOLS[c.status]) for c in row.cells)
        lines.append(f"{cells}  {_visible(_snippet(base.text[row.base[0] : row.base[1]]))}")
        for i, cell in enumerate(row.cells):
            label = version_label(i)
            if cell.status == "reworded":
                said = wording(nway, i, k) or ""
                lines.append(paint("2", f"{pad}    {label} says: {_visible(_snippet(said))}"))
            elif cell.status == "edited":
                if cell.dropped:
                    gone = _visible(_snippet(dropped_text(nway, i, k)))
                    lines.append(paint("2", f"{pad}    {label} drops: {gone}"))
                if put := added_text(nway, i, k):
                    lines.append(paint("2", f"{pad}    {label} adds: {_visible(_snippet(put))}"))
    return "\n".join(lines) + "\n"
