"""The N-way report (``core.nway.grid``) as one self-contained HTML page, for browsers or Qt.

Laid out like the pairwise report (``core.report.comparison_html``): a title and date, a
summary, the documents (name, path, encoding, size, sha256, modification time), the
options, each version's statistics, a legend, then the grid (one row per base
sentence, one cell per version with a symbol as well as a colour) and, per version,
every base sentence it does not keep as is: the base sentence with the words the
version drops struck through, and the version's own wording with its new words
highlighted. A cell that is not "kept" links there; on screen the cell's ``title``
shows the version's wording on hover too.

The page has no script and no external resource and forbids both with the
pairwise report's Content-Security-Policy; every file name and every piece of
document text is escaped (control and bidi characters made visible). The ``pdf``
variant is the same markup with a stylesheet Qt's ``QTextDocument`` understands
(tables and colours, no flex, grid or sticky headers; ``core.report.css``);
``gui.reports.pdf`` prints it.
"""

from __future__ import annotations

import os
import re
import time
from html import escape

from core import __version__
from core.engine.tokens import count_words
from core.figures import percent_text, similarity_text
from core.model import Comparison, Document, Span
from core.nway.grid import NWay, Status
from core.report.blocks import visible
from core.report.comparison_html import CSP, Variant, encoding_html, time_html
from core.report.css import NWAY_PDF, NWAY_SCREEN
from core.report.nway import EXPLAINED, MEANINGS, SYMBOLS, added_spans, version_label, wording
from core.text.names import printable_path, visible_text

TITLE_CHARS = 600
_SPACE = re.compile(r"\s+")


def _name(doc: Document) -> str:
    return escape(printable_path(os.path.basename(doc.path) or doc.path))


def _attr(text: str) -> str:
    """Text for an attribute: escaped, and no raw NUL or other control in it."""
    return escape(visible_text(text), quote=True)


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def _summary(nway: NWay) -> str:
    rows = nway.sentences
    everywhere = sum(all(c.status == "kept" for c in r.cells) for r in rows)
    somewhere = sum(any(c.status == "missing" for c in r.cells) for r in rows)
    reworded = sum(any(c.status == "reworded" for c in r.cells) for r in rows)
    n = len(nway.versions)
    items = [
        f"<b>Base:</b> {_name(nway.base)}, {_plural(len(rows), 'sentence')}, "
        f"{_plural(count_words(nway.base.text), 'word')}; compared with "
        f"{_plural(n, 'other version')}.",
        f"<b>Kept as is by every version:</b> {_plural(everywhere, 'sentence')}.",
        f"<b>Reworded by at least one version:</b> {_plural(reworded, 'sentence')}.",
        f"<b>Missing from at least one version:</b> {_plural(somewhere, 'sentence')}.",
    ]
    if nway.versions:
        best = max(range(n), key=lambda i: nway.versions[i].similarity)
        v = nway.versions[best]
        items.append(
            f"<b>Closest to the base:</b> {version_label(best)}, {_name(v.document)} "
            f"(similarity {similarity_text(v.similarity)})."
        )
    if nway.identical:
        items.insert(0, "<b>Every version says what the base says</b> (trivial differences only).")
    approximate = [
        version_label(i) for i, v in enumerate(nway.versions) if v.comparison.approximate
    ]
    warn = ""
    if approximate:
        warn = (
            f'<p class="warn">Approximate: the comparison with {", ".join(approximate)} used a '
            "bounded diff; a long passage may show as rewritten although some words are common.</p>"
        )
    return '<ul class="summary">' + "".join(f"<li>{i}</li>" for i in items) + "</ul>" + warn


def _documents(nway: NWay) -> str:
    docs = [("Base", nway.base)] + [
        (version_label(i), v.document) for i, v in enumerate(nway.versions)
    ]
    rows = "".join(
        f'<tr><th id="doc-{label}" width="6%">{label}</th><td width="34%"><b>{_name(doc)}</b>'
        f'<br><span class="dim">{escape(printable_path(doc.path))}</span></td>'
        f'<td width="20%">{encoding_html(doc)}<br>{doc.size:,} bytes, '
        f"{_plural(count_words(doc.text), 'word')}</td>"
        f'<td class="hash" width="24%">{escape(doc.sha256)}</td>'
        f'<td width="16%">{time_html(doc.mtime)}</td></tr>'
        for label, doc in docs
    )
    return (
        '<table class="meta docs" width="100%" cellspacing="0" cellpadding="3"><thead><tr><th></th>'
        "<th>Document</th><th>Encoding, size</th><th>SHA-256</th><th>Modified</th></tr>"
        f"</thead><tbody>{rows}</tbody></table>"
    )


def _options(nway: NWay) -> str:
    if not nway.versions:
        return ""
    o = nway.versions[0].comparison.options
    case = "trivial" if o.ignore_case else "count"
    punctuation = "trivial" if o.ignore_punctuation else "count"
    return (
        f'<p class="sub">Options: case differences {case}, punctuation differences '
        f"{punctuation}. A sentence is edited when at least half its words are kept, "
        "reworded when fewer are kept but the comparison pairs it with the version's text, "
        "missing when the version has nothing in its place.</p>"
    )


def _versions(nway: NWay) -> str:
    heads = "".join(
        f'<th class="n">{h}</th>'
        for h in (
            "Similarity",
            "Base words kept",
            "Words added",
            "Kept",
            "Edited",
            "Reworded",
            "Missing",
        )
    )
    rows = "".join(
        f'<tr><th><a href="#version-{version_label(i)}">{version_label(i)}</a></th>'
        f'<td class="name">{_name(v.document)}'
        f"{' (approximate)' if v.comparison.approximate else ''}</td>"
        f'<td class="n">{similarity_text(v.similarity)}</td>'
        f'<td class="n">{percent_text(v.kept_share)}</td>'
        f'<td class="n">{v.added_words:,}</td><td class="n">{v.kept:,}</td>'
        f'<td class="n">{v.edited:,}</td><td class="n">{v.reworded:,}</td>'
        f'<td class="n">{v.missing:,}</td></tr>'
        for i, v in enumerate(nway.versions)
    )
    return (
        '<table class="meta versions" cellspacing="0" cellpadding="3"><thead><tr><th></th>'
        f"<th>Version</th>{heads}</tr></thead><tbody>{rows}</tbody></table>"
    )


def _status(status: Status) -> str:
    """A status as a coloured label with its symbol (never colour alone)."""
    words = f"{SYMBOLS[status]} {MEANINGS[status]}".replace(" ", "\u00a0")
    return f'<span class="cell {status}">\u00a0{words}\u00a0</span>'


def _legend(variant: Variant) -> str:
    cells = " &nbsp; ".join(_status(s) for s in SYMBOLS)
    meanings = "; ".join(f"<b>{MEANINGS[s]}</b>: {EXPLAINED[s]}" for s in SYMBOLS)
    hover = "; hovering a cell shows it too" if variant == "screen" else ""
    return (
        f'<p class="legend">{cells}</p><p class="sub">{meanings}.</p>'
        '<p class="sub">One row per sentence of the base, one column per version (the '
        "letters above). A cell that is not = links to the sentence in that version, "
        f"listed under the grid{hover}: the base sentence with the words the version drops "
        '<span class="wdel">struck through</span>, then the version\'s wording with the words '
        'it changed or added <span class="wins">highlighted</span>.</p>'
    )


def _clipped(text: str) -> str:
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1] + "\u2026"


def _cell(nway: NWay, version: int, row: int, variant: Variant) -> str:
    cell = nway.sentences[row].cells[version]
    label = version_label(version)
    said = wording(nway, version, row)
    symbol = SYMBOLS[cell.status]
    if cell.status != "kept":
        symbol = f'<a href="#{label}-{row + 1}">{symbol}</a>'
    title = ""
    if variant == "screen":
        tip = f"{label}: {MEANINGS[cell.status]}" + (f"\n{_clipped(said)}" if said else "")
        title = f' title="{_attr(tip)}"'
    return f'<td class="c {cell.status}" width="26"{title}>{symbol}</td>'


def _grid(nway: NWay, variant: Variant) -> str:
    heads = "".join(
        f'<th class="v" width="26" title="{_name(v.document)}">'
        f'<a href="#version-{version_label(i)}">{version_label(i)}</a></th>'
        for i, v in enumerate(nway.versions)
    )
    text = nway.base.text
    rows = []
    for k, row in enumerate(nway.sentences):
        cells = "".join(_cell(nway, i, k, variant) for i in range(len(nway.versions)))
        body = visible(text[row.base[0] : row.base[1]])
        rows.append(
            f'<tr id="s{k + 1}"><td class="num" width="30">{k + 1}</td>{cells}'
            f'<td class="text">{body}</td></tr>'
        )
    return (
        '<table class="grid" width="100%" cellspacing="0" cellpadding="4">'
        f'<thead><tr><th class="num" width="30">#</th>{heads}<th>Base sentence</th></tr>'
        "</thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table>"
    )


def _highlighted(comparison: Comparison, span: Span) -> str:
    """The version's wording of a sentence, its own words highlighted, whitespace flat."""
    text = comparison.new.text
    parts: list[str] = []
    at = span[0]
    for s, e in added_spans(comparison, span):
        parts += [_flat(text[at:s]), f'<span class="wins">{_flat(text[s:e])}</span>']
        at = e
    parts.append(_flat(text[at : span[1]]))
    return "".join(parts).strip()


def _flat(text: str) -> str:
    """Escaped, whitespace runs as single spaces (kept at the ends: pieces are joined)."""
    return visible(_SPACE.sub(" ", text))


def _struck(text: str, span: Span, dropped: tuple[Span, ...]) -> str:
    """A base sentence with the parts a version drops struck through, whitespace flat."""
    parts: list[str] = []
    at = span[0]
    for s, e in dropped:
        parts += [_flat(text[at:s]), f'<span class="wdel">{_flat(text[s:e])}</span>']
        at = e
    parts.append(_flat(text[at : span[1]]))
    return "".join(parts).strip()


def _wording_lists(nway: NWay) -> str:
    """Per version, every sentence it does not keep as is: the base with the words the
    version drops struck through, and the version's wording, its new words highlighted."""
    parts = []
    base = _name(nway.base)
    for i, v in enumerate(nway.versions):
        label = version_label(i)
        items = []
        for k, row in enumerate(nway.sentences):
            cell = row.cells[i]
            if cell.status == "kept":
                continue
            said = (
                _highlighted(v.comparison, cell.span)
                if cell.span is not None
                else '<span class="dim">(nothing in its place)</span>'
            )
            items.append(
                f'<tr id="{label}-{k + 1}"><td class="num" width="30">'
                f'<a href="#s{k + 1}">{k + 1}</a></td>'
                f'<td class="st" width="150">{_status(cell.status)}</td>'
                f'<td class="said"><span class="who">Base ({base}):</span> '
                f"{_struck(nway.base.text, row.base, cell.dropped)}<br>"
                f'<span class="who">{label}:</span> {said}</td></tr>'
            )
        gone = [str(k + 1) for k, r in enumerate(nway.sentences) if r.cells[i].status == "missing"]
        missing = f"<p>Missing entirely: sentences {', '.join(gone)}.</p>" if gone else ""
        listing = (
            '<table class="wording" width="100%" cellspacing="0" cellpadding="3">'
            + "".join(items)
            + "</table>"
            if items
            else "<p>Every sentence is kept as is.</p>"
        )
        parts.append(
            f'<h2 id="version-{label}">{label}: {_name(v.document)}</h2>{missing}{listing}'
        )
    return "\n".join(parts)


def render_nway_html(
    nway: NWay, *, variant: Variant = "screen", generated: float | None = None
) -> str:
    """The N-way report page.

    Args:
        nway: the grid.
        variant: ``screen`` for browsers (and their printing), ``pdf`` for Qt.
        generated: the time shown as the report's date (default: now).

    Returns:
        A complete HTML document (no script, no external resource).
    """
    base, n = _name(nway.base), len(nway.versions)
    sheet = NWAY_PDF if variant == "pdf" else NWAY_SCREEN
    stamp = time_html(time.time() if generated is None else generated)
    others = _plural(n, "other version")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f'<meta name="generator" content="Redline {escape(__version__)}">\n'
        f"<title>Redline versions report: {base} and {others}</title>\n"
        f"<style>{sheet}</style></head>\n"
        f"<body>\n<h1>Versions report: {base} and {others}</h1>\n"
        f'<p class="sub">Made by Redline {escape(__version__)} on {stamp}</p>\n'
        f"<h2>Summary</h2>\n{_summary(nway)}\n"
        f"<h2>Documents</h2>\n{_documents(nway)}\n{_options(nway)}\n"
        f"<h2>The versions against the base</h2>\n{_versions(nway)}\n"
        f"<h2>Legend</h2>\n{_legend(variant)}\n"
        f'<h2 id="grid">Sentences of the base, version by version</h2>\n{_grid(nway, variant)}\n'
        f"{_wording_lists(nway)}\n</body></html>\n"
    )
