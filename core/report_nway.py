"""Reports of an N-way grid (``core.nway``): a terminal grid, JSON, one HTML page.

The JSON follows ``docs/nway-json.md`` (format ``redline-nway``, version 1). The
HTML page is self-contained: inline CSS, a Content-Security-Policy that forbids
scripts, no script, every piece of document text and every file name escaped.
Each cell shows a symbol as well as a colour, its version's wording is the cell's
``title`` (hover) and is listed again under the grid, so it can be read in print.
"""

from __future__ import annotations

import json
import re
from html import escape
from typing import Any

from core.gcpause import collector_paused
from core.model import Document, Span
from core.names import printable_path
from core.nway import NWay, Status, VersionSummary
from core.tokens import count_words

FORMAT = "redline-nway"
VERSION = 1
SYMBOLS: dict[Status, str] = {"kept": "=", "changed": "~", "missing": "\u00b7"}
MEANINGS: dict[Status, str] = {
    "kept": "kept as is",
    "changed": "kept with changes",
    "missing": "missing",
}
SNIPPET = 72
TITLE_CHARS = 600
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
        "path": doc.path,
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


# -- HTML ---------------------------------------------------------------------------

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:1.5em;color:#1d1d1f}
h1{font-size:1.3em;margin:0 0 .3em} h2{font-size:1.1em;margin:1.4em 0 .4em}
table{border-collapse:collapse} th,td{padding:.25em .5em;vertical-align:top;text-align:left}
.summary td,.summary th{border-bottom:1px solid #e3e3e3} .num{text-align:right;color:#666}
.grid{width:100%} .grid td{border-top:1px solid #eee}
.grid td.text{white-space:pre-wrap;overflow-wrap:anywhere;width:100%}
.grid th.v{text-align:center;min-width:1.8em}
.c{text-align:center;font-weight:bold;font-family:ui-monospace,monospace;min-width:1.8em}
.c a{color:inherit;text-decoration:none;display:block}
.kept{background:#d3f5d3;color:#14501a} .changed{background:#ffe9a8;color:#6a4a00}
.missing{background:#ffd7d5;color:#8a1c14}
.legend span{display:inline-block;margin-right:1em;padding:0 .4em;border-radius:3px}
.wording li{margin:.2em 0;white-space:pre-wrap;overflow-wrap:anywhere}
.status{font-size:.8em;color:#555}
@media print{body{margin:0;font-size:10pt} thead{display:table-header-group}
 .c{-webkit-print-color-adjust:exact;print-color-adjust:exact} a{color:inherit}}
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'"


def _attr(text: str) -> str:
    return escape(text, quote=True)


def _name(doc: Document) -> str:
    return _attr(printable_path(doc.path))


def _title(text: str) -> str:
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1] + "\u2026"


def _summary_rows(nway: NWay) -> str:
    rows = []
    for i, v in enumerate(nway.versions):
        label = version_label(i)
        approx = " (approximate)" if v.comparison.approximate else ""
        rows.append(
            f'<tr><th><a href="#version-{label}">{label}</a></th>'
            f'<td><a href="#version-{label}">{_name(v.document)}</a>{approx}</td>'
            f"<td>{_attr(v.document.encoding)}</td>"
            f'<td class="num">{v.similarity:.2f}</td><td class="num">{_share(v.kept_share)}</td>'
            f'<td class="num">{v.added_words:,}</td><td class="num">{v.kept}</td>'
            f'<td class="num">{v.changed}</td><td class="num">{v.missing}</td></tr>'
        )
    return "\n".join(rows)


def _cell(nway: NWay, version: int, row: int) -> str:
    cell = nway.sentences[row].cells[version]
    label = version_label(version)
    said = wording(nway, version, row)
    title = f"{label}: {MEANINGS[cell.status]}" + (f"\n{_title(said)}" if said else "")
    symbol = SYMBOLS[cell.status]
    if cell.status != "kept" and said:
        symbol = f'<a href="#{label}-{row + 1}">{symbol}</a>'
    return f'<td class="c {cell.status}" title="{_attr(title)}">{symbol}</td>'


def _grid_rows(nway: NWay) -> str:
    text = nway.base.text
    rows = []
    for k, row in enumerate(nway.sentences):
        cells = "".join(_cell(nway, i, k) for i in range(len(nway.versions)))
        body = _attr(text[row.base[0] : row.base[1]])
        number = f'<td class="num">{k + 1}</td>'
        rows.append(f'<tr id="s{k + 1}">{number}{cells}<td class="text">{body}</td></tr>')
    return "\n".join(rows)


def _wording_lists(nway: NWay) -> str:
    """Per version, the wording of every sentence it does not keep as is (for print)."""
    parts = []
    for i, v in enumerate(nway.versions):
        label = version_label(i)
        items = []
        for k, row in enumerate(nway.sentences):
            status = row.cells[i].status
            said = wording(nway, i, k)
            if status == "kept" or said is None:
                continue
            items.append(
                f'<li id="{label}-{k + 1}" value="{k + 1}"><span class="status">'
                f'<a href="#s{k + 1}">{SYMBOLS[status]} {MEANINGS[status]}</a></span> '
                f"{_attr(said)}</li>"
            )
        missing = [
            str(k + 1)
            for k, r in enumerate(nway.sentences)
            if r.cells[i].status == "missing" and r.cells[i].span is None
        ]
        gone = f"<p>Missing entirely: sentences {', '.join(missing)}.</p>" if missing else ""
        listing = (
            f'<ol class="wording">{"".join(items)}</ol>'
            if items
            else "<p>Every other sentence is kept as is.</p>"
        )
        parts.append(f'<h2 id="version-{label}">{label}: {_name(v.document)}</h2>{gone}{listing}')
    return "\n".join(parts)


def render_nway_html(nway: NWay) -> str:
    """One self-contained HTML page: summary, legend, the grid, the wording lists."""
    base = _name(nway.base)
    heads = "".join(
        f'<th class="v" title="{_name(v.document)}">'
        f'<a href="#version-{version_label(i)}">{version_label(i)}</a></th>'
        for i, v in enumerate(nway.versions)
    )
    legend = "".join(f'<span class="{s}">{SYMBOLS[s]} {MEANINGS[s]}</span>' for s in SYMBOLS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<title>Redline: {len(nway.versions)} versions of {base}</title>
<style>{_CSS}</style></head><body>
<h1>{base} and {len(nway.versions)} other versions</h1>
<p>Base: {base} ({_attr(nway.base.encoding)}), {len(nway.sentences):,} sentences,
{count_words(nway.base.text):,} words. One row per base sentence, one cell per version.</p>
<table class="summary"><thead><tr><th></th><th>Version</th><th>Encoding</th>
<th>Similarity</th><th>Keeps of base</th><th>Adds words</th><th>Kept</th><th>Changed</th>
<th>Missing</th></tr></thead><tbody>
{_summary_rows(nway)}
</tbody></table>
<p class="legend">{legend} &middot; hover a cell for that version's wording;
a ~ or &middot; cell links to it below.</p>
<table class="grid"><thead><tr><th class="num">#</th>{heads}<th>Base sentence</th></tr></thead>
<tbody>
{_grid_rows(nway)}
</tbody></table>
{_wording_lists(nway)}
</body></html>
"""
