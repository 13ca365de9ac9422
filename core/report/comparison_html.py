"""The annotated comparison report as one self-contained HTML page.

Title, a summary of how much and then of what was cut and added (each cut and added
sentence and each changed figure or name, linked to its row: ``core.report.summary``),
both documents (name, path, encoding, size, sha256, modification time), the
options and statistics, a legend, the two versions side by side in the window's
aligned rows, numbered (``#row-12``), and highlight scheme, moved text
linked both ways (``#move-3-old`` <-> ``#move-3-new``), annotations as numbered
marks linked to their notes and back, and the notes that could not be placed.

The page has no script and no external resource, and forbids both with a
Content-Security-Policy; every piece of document text, file name and note is
escaped. The ``pdf`` variant is the same markup with a stylesheet Qt's
``QTextDocument`` understands (``core.report.css``); ``gui.reports.pdf`` prints it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from html import escape
from typing import Literal

from core import __version__
from core.engine.rows import Row
from core.engine.tokens import count_words
from core.figures import percent_text, similarity_text
from core.flags.detect import Flag, FlagKind, flag_comparison
from core.model import Comparison, Document
from core.notes.annotation import STATUS_LABELS, Anchor, Annotation, Side
from core.report import pdf_rows
from core.report.blocks import KIND_NAMES, SYMBOLS, block_html, block_mark, framed, visible
from core.report.context import DEFAULT_CONTEXT
from core.report.css import PDF, SCREEN
from core.report.flags import (
    FlaggedBlock,
    badges_html,
    flagged_list_html,
    full_list_html,
    legend_html,
    listed_first,
    number_flags,
    summary_item,
)
from core.report.layout import SIDES, Note, ReportLayout, build_layout
from core.report.summary import cut_and_added_html, linked_rows
from core.report.whole import WholeSentences, whole_sentences
from core.text.names import printable_path

Variant = Literal["screen", "pdf"]
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "script-src 'none'; object-src 'none'; form-action 'none'; base-uri 'none'"
)


def _name(doc: Document) -> str:
    return escape(printable_path(os.path.basename(doc.path) or doc.path))


def time_html(seconds: float) -> str:
    """A timestamp in ``<time>`` (the golden test normalizes exactly these)."""
    if not seconds:
        return '<span class="dim">unknown</span>'
    stamp = time.strftime("%Y-%m-%d %H:%M:%S %z", time.localtime(seconds))
    iso = time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(seconds))
    return f'<time datetime="{iso}">{stamp}</time>'


def encoding_html(doc: Document) -> str:
    """A document's encoding and what is uncertain about its decoding (escaped)."""
    parts = [escape(doc.encoding)]
    if doc.confidence < 0.99:
        parts.append(f"guessed, {doc.confidence:.0%} sure")
        if doc.encoding_guess is not None and doc.encoding_guess.runner_up:
            parts.append(f"next best {escape(doc.encoding_guess.runner_up)}")
    if doc.bom:
        parts.append("with BOM")
    if doc.decode_warning is not None:
        parts.append(f"{doc.decode_warning.count} byte(s) undecodable, shown as \ufffd")
    if doc.source_kind == "html":
        parts.append("text of a web page")
    return ", ".join(parts)


def _documents(result: Comparison) -> str:
    old, new = result.old, result.new

    def row(label: str, a: str, b: str, cls: str = "") -> str:
        c = f' class="{cls}"' if cls else ""
        return f"<tr><th>{label}</th><td{c}>{a}</td><td{c}>{b}</td></tr>"

    counts = (result.stats.old_words, result.stats.new_words)  # count_words of each text
    words = (f"{n:,} words, {d.length:,} characters" for n, d in zip(counts, (old, new)))
    return (
        '<table class="meta" width="100%" cellspacing="0" cellpadding="3">'
        "<thead><tr><th></th><th>Old version</th><th>New version</th></tr></thead><tbody>"
        + row("Name", _name(old), _name(new))
        + row("Path", escape(printable_path(old.path)), escape(printable_path(new.path)))
        + row("Encoding", encoding_html(old), encoding_html(new))
        + row("Size", f"{old.size:,} bytes", f"{new.size:,} bytes")
        + row("Text", *words)
        + row("SHA-256", escape(old.sha256), escape(new.sha256), "hash")
        + row("Modified", time_html(old.mtime), time_html(new.mtime))
        + "</tbody></table>"
    )


def _share(part: int, whole: int) -> str:
    """A share as a whole percentage, written like every figure (``core.figures``)."""
    if not whole:
        return "0%"
    share = part / whole
    return percent_text(share) if share >= 0.01 or not part else "under 1%"


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def _whole(n: int, verb: str) -> str:
    return f", including {_plural(n, 'sentence')} {verb} entirely" if n else ""


FLAGS_OFF = "<b>Flagged:</b> not shown: risky-edit flags are turned off for this report."


def _summary(
    result: Comparison,
    layout: ReportLayout,
    flags: Sequence[Flag],
    show_flags: bool,
    whole: WholeSentences,
) -> str:
    s = result.stats
    # Counted by rows, the numbered sentences the reader sees (a sentence paired in two
    # blocks, as when the other version joined it to the next one, is one).
    marks = [block_mark(b, result, False) for b in result.blocks]
    changed = minor = 0
    for row in layout.rows:
        kinds = {marks[i] for i in (*row.old, *row.new)}
        if "changed" in kinds:
            changed += 1
        elif "punctuation" in kinds:
            minor += 1
    items = [
        f"<b>Cut:</b> {_plural(s.deleted_words, 'word')} "
        f"({_share(s.deleted_words, s.old_words)} of the old version)"
        f"{_whole(sum(n for *_, n in whole['old'].values()), 'cut')}.",
        f"<b>Added:</b> {_plural(s.inserted_words, 'word')} "
        f"({_share(s.inserted_words, s.new_words)} of the new version)"
        f"{_whole(sum(n for *_, n in whole['new'].values()), 'added')}.",
        f"<b>Changed:</b> {_plural(changed, 'sentence')} reworded"
        + (f", {minor:,} more in punctuation only." if minor else "."),
        f"<b>Moved:</b> {_plural(len(layout.moves), 'passage')} "
        f"({_plural(s.moved_words, 'word')}).",
        f"<b>Similarity:</b> {similarity_text(s.similarity)} (the share of words common "
        "to both versions).",
        summary_item(result, flags) if show_flags else FLAGS_OFF,
    ]
    if result.identical:
        items.insert(0, "<b>The two versions say the same thing</b> (trivial differences only).")
    warn = ""
    if result.approximate or any(b.approximate for b in result.blocks):
        warn = (
            '<p class="warn">Approximate: part of this comparison used a bounded diff; '
            "a long passage may show as rewritten although some words are common.</p>"
        )
    return '<ul class="summary">' + "".join(f"<li>{i}</li>" for i in items) + "</ul>" + warn


def _shown_text(context: int | None) -> str:
    if context is None:
        return "every sentence"
    return f"changed sentences only, with {_plural(context, 'sentence')} of context"


def _options(result: Comparison, context: int | None, reflow: bool) -> str:
    o, s = result.options, result.stats
    rows = [
        ("Case", "differences are trivial" if o.ignore_case else "differences count"),
        (
            "Punctuation",
            "differences are trivial" if o.ignore_punctuation else "differences count",
        ),
        ("Shown", _shown_text(context)),
        ("Line breaks", "hard-wrapped lines joined (reflowed)" if reflow else "as in the files"),
        ("Words", f"old {s.old_words:,}, new {s.new_words:,}, common {s.common_words:,}"),
        (
            "Edits",
            f"{s.deleted_words:,} deleted, {s.inserted_words:,} inserted, "
            f"{s.moved_words:,} moved (words)",
        ),
        ("Similarity", similarity_text(s.similarity)),
    ]
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return f'<table class="meta opts" cellspacing="0" cellpadding="3">{body}</table>'


def _legend(show_flags: bool) -> str:
    samples = [
        ("del", "sentence only in the old version", "struck through"),
        ("ins", "sentence only in the new version", "underlined"),
        ("wdel", "words changed (old)", "struck through, darker"),
        ("wins", "words changed (new)", "underlined, darker"),
        ("triv", "trivial difference (case, quotes, spacing)", "dimmed, dotted underline"),
        ("mov", "moved text", "wavy underline and a \u21c4 link to its other place"),
        ("ann", "annotated text", "followed by its note number [1]"),
    ]
    cells = "".join(
        f'<tr><td><span class="{c}">sample text</span></td><td>{what}</td>'
        f'<td class="dim">{cue}</td></tr>'
        for c, what, cue in samples
    )
    marks = " &nbsp; ".join(
        f'<span class="k-{k}"><span class="sym">{SYMBOLS[k]}</span></span> {KIND_NAMES[k]}'
        for k in SYMBOLS
    )
    return (
        f'<table class="legend" cellspacing="0" cellpadding="2">{cells}</table>'
        f'<p class="sub">Margin marks: {marks}</p>{legend_html() if show_flags else ""}'
    )


def _gap(space: str) -> str:
    """The whitespace between two blocks of a row as the report shows it (``space``
    already reflowed): its line breaks kept (two at most: a paragraph break), else
    one space."""
    pieces = space.splitlines(keepends=True)
    breaks = sum(1 for p in pieces if p != p.rstrip("\r\n\x85\u2028\u2029"))
    return "\n" * min(breaks, 2) if breaks else " "


def _cell_html(
    result: Comparison,
    layout: ReportLayout,
    row: Row,
    side: Side,
    flagged: dict[int, FlaggedBlock],
    first: set[tuple[int, FlagKind]],
) -> str:
    shown = row.old if side == "old" else row.new
    if not shown:
        return ""
    moved = set(row.moved)
    if len(shown) == 1:
        i = shown[0]
        badges = badges_html(flagged.get(i), first) if side == "new" else ""
        return block_html(result, layout, i, side, i in moved, badges)
    text = result.old.text if side == "old" else result.new.text
    kinds = {block_mark(result.blocks[i], result, i in moved) for i in shown} - {""}
    kind = kinds.pop() if len(kinds) == 1 else ("changed" if kinds else "")
    head = f'<span class="sym" title="{KIND_NAMES[kind]}">{SYMBOLS[kind]}</span> ' if kind else ""
    parts: list[str] = []
    end = -1
    for i in shown:
        block = result.blocks[i]
        span = block.old if side == "old" else block.new
        assert span is not None
        if 0 <= end < span[0]:
            gap = text[end : span[0]]
            parts.append(
                escape(gap) if gap.strip() else _gap(layout.shown(side, text, end, span[0]))
            )
        parts.append(block_html(result, layout, i, side, i in moved, "", inline=True))
        end = span[1]
    if side == "new":  # the flags of the row's sentences, before its text
        head += "".join(badges_html(flagged.get(i), first) for i in shown)
    return f'<div class="b k-{kind or "equal"}">{head}{"".join(parts)}</div>'


def _row_kind(result: Comparison, row: Row) -> str:
    kinds = {result.blocks[i].kind for i in (*row.old, *row.new)}
    return kinds.pop() if len(kinds) == 1 else "changed"


def _fold(result: Comparison, row: Row, first: int, rows: int) -> str:
    """The line of a fold of unchanged sentences (without its row)."""
    n = len(row.hidden)
    words = sum(
        count_words(result.new.text[b.new[0] : b.new[1]])
        for b in (result.blocks[i] for i in row.hidden)
        if b.new is not None
    )
    noun = "sentence" if n == 1 else "sentences"
    numbers = f"row {first}" if rows == 1 else f"rows {first}\u2013{first + rows - 1}"
    return f"\u2026 {n:,} unchanged {noun} ({_plural(words, 'word')}, {numbers}) \u2026"


def _versions(
    result: Comparison,
    layout: ReportLayout,
    flagged: dict[int, FlaggedBlock],
    variant: Variant,
    targets: set[int],
) -> str:
    """The two versions side by side: a table on screen; in a PDF the rows of
    ``core.report.pdf_rows``, which ``gui.reports.pdf`` lays out itself."""
    first = listed_first(flagged)
    pdf = variant == "pdf"
    old, new = f"Old: {_name(result.old)}", f"New: {_name(result.new)}"
    rows: list[str] = []
    numbers: list[str] = []
    cells = [
        f'<div class="{pdf_rows.OLD} {pdf_rows.HEADER}">{old}</div>',
        f'<div class="{pdf_rows.NEW} {pdf_rows.HEADER}">{new}</div>',
    ]
    for k, row in enumerate(layout.rows):
        number = layout.row_number(k)
        if row.kind == "collapsed":
            after = layout.row_number(k + 1) if k + 1 < len(layout.rows) else None
            fold = _fold(result, row, number, (after or layout.row_count + 1) - number)
            if pdf:
                numbers.append(pdf_rows.FOLD_NUMBER)
                cells.append(f'<div class="{pdf_rows.FOLD}">{fold}</div>')
            else:
                rows.append(
                    f'<tr class="fold" id="row-{number}"><td class="rn"></td>'
                    f'<td colspan="2">{fold}</td></tr>'
                )
            continue
        old_html = _cell_html(result, layout, row, "old", flagged, first)
        new_html = _cell_html(result, layout, row, "new", flagged, first)
        if pdf:
            # Qt's PDF resolves a link only to an <a name>: one on each row linked to
            # (on every row: twice the time), in a cell with text.
            if number in targets:
                anchor = f'<a name="row-{number}"></a>'
                if new_html:
                    new_html = anchor + new_html
                else:
                    old_html = anchor + old_html
            numbers.append(str(number))
            cells.append(
                pdf_rows.cell(pdf_rows.OLD, old_html) + pdf_rows.cell(pdf_rows.NEW, new_html)
            )
            continue
        kind = "gap" if row.kind == "gap" else _row_kind(result, row)
        rows.append(
            f'<tr class="r-{kind}" id="row-{number}">'
            f'<td class="rn"><a href="#row-{number}">{number}</a></td>'
            + "".join(
                f'<td width="48%">{inner}</td>' if inner else '<td class="empty" width="48%"></td>'
                for inner in (old_html, new_html)
            )
            + "</tr>"
        )
    if pdf:
        return pdf_rows.rows_markup(numbers, cells)
    return (
        '<table class="cmp" width="100%" cellspacing="0" cellpadding="5">'
        '<thead><tr><th class="rn" width="4%">#</th>'
        f'<th width="48%">{old}</th><th width="48%">{new}</th></tr></thead>'
        "<tbody>\n" + "\n".join(rows) + "\n</tbody></table>"
    )


def _quote(side: Side, anchor: Anchor | None, note: Note) -> str:
    if anchor is None:
        return ""
    back = ""
    if side in note.sides:
        back = f' <a class="back" href="#ann-{note.number}-{side}">\u21a9 back to the text</a>'
    quote = (
        framed(visible(anchor.quote), anchor.quote)
        if anchor.quote
        else '\u201c<span class="dim">(an empty span)</span>\u201d'
    )
    approximate = ' <span class="dim">(placed approximately)</span>' if anchor.approximate else ""
    return f'<div class="quote"><span class="dim">{side}:</span> {quote}{approximate}{back}</div>'


def _note_row(note: Note) -> str:
    a = note.annotation
    tag = f'<span class="tag">{escape(a.tag)}</span> ' if a.tag else ""
    status = escape(STATUS_LABELS.get(a.status, a.status))
    dates = f"created {time_html(a.created)}"
    if a.modified and a.modified != a.created:
        dates += f", changed {time_html(a.modified)}"
    quotes = "".join(_quote(side, a.anchor(side), note) for side in SIDES)
    return (
        f'<tr id="note-{note.number}"><td class="num">[{note.number}]</td><td>'
        f'{tag}<span class="note-st">{status}</span> <span class="dim">{dates}</span>'
        f'<div class="note-text">{visible(a.note)}</div>{quotes}</td></tr>'
    )


def _notes(layout: ReportLayout) -> str:
    placed = [n for n in layout.notes if n.sides]
    lost = [n for n in layout.notes if not n.sides]
    out = ""
    table = '<table class="notes" width="100%" cellspacing="0" cellpadding="3">'
    if placed:
        rows = "\n".join(_note_row(n) for n in placed)
        out += f'<h2 id="notes">Notes ({len(placed)})</h2>{table}{rows}</table>'
    if lost:
        rows = "\n".join(_note_row(n) for n in lost)
        out += (
            f'<h2 id="unplaced">Could not be placed ({len(lost)})</h2>'
            '<p class="sub">The text these notes were made on is no longer in the documents; '
            f"their quotes are kept here.</p>{table}{rows}</table>"
        )
    return out


def render_report(
    result: Comparison,
    annotations: Sequence[Annotation] = (),
    *,
    changes_only: bool = False,
    variant: Variant = "screen",
    generated: float | None = None,
    flags: Sequence[Flag] | None = None,
    show_flags: bool = True,
    context: int | None = None,
    original_line_breaks: bool = False,
) -> str:
    """The report page for ``result``.

    Args:
        result: the comparison.
        annotations: notes on this pair of documents (placed by their anchors).
        changes_only: fold runs of unchanged sentences into one line, but for
            ``context`` sentences around each change (default 1).
        variant: ``screen`` for browsers (and their printing), ``pdf`` for Qt.
        generated: the time shown as the report's date (default: now).
        flags: its risky-edit flags (default: ``core.flags.detect.flag_comparison``).
        show_flags: False leaves the flags out (no list, badges or legend line; the
            summary says they are turned off).
        context: sentences of context around each change; given, only changes are
            shown (``changes_only`` implied).
        original_line_breaks: keep every line break of the files; by default a
            single line break (hard-wrapped text) reads as a space.

    Returns:
        A complete HTML document (no script, no external resource).
    """
    layout = build_layout(
        result, annotations, changes_only, context=context, reflow=not original_line_breaks
    )
    if changes_only and context is None:
        context = DEFAULT_CONTEXT
    if not show_flags:
        flags = ()
    elif flags is None:
        flags = flag_comparison(result)
    flagged = number_flags(flags, layout.rows, layout.row_number)
    whole = whole_sentences(result)
    targets = linked_rows(layout, flags, whole) if variant == "pdf" else set()
    versions = _versions(result, layout, flagged, variant, targets)
    old, new = _name(result.old), _name(result.new)
    sheet = PDF if variant == "pdf" else SCREEN
    stamp = time_html(time.time() if generated is None else generated)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f'<meta name="generator" content="Redline {escape(__version__)}">\n'
        f"<title>Redline report: {old} \u2192 {new}</title>\n<style>{sheet}</style></head>\n"
        f"<body>\n<h1>Comparison report: {old} \u2192 {new}</h1>\n"
        f'<p class="sub">Made by Redline {escape(__version__)} on {stamp}'
        + (" \u00b7 changed sentences only" if context is not None else "")
        + "</p>\n"
        f'<h2 id="summary">Summary</h2>\n{_summary(result, layout, flags, show_flags, whole)}\n'
        f"{cut_and_added_html(result, layout, flags, whole)}\n"
        + flagged_list_html(result, flagged)
        + f"<h2>Documents</h2>\n{_documents(result)}\n"
        f"<h2>Options and statistics</h2>\n"
        f"{_options(result, context, not original_line_breaks)}\n"
        f"<h2>Legend</h2>\n{_legend(show_flags)}\n"
        f'<h2 id="versions">The two versions</h2>\n{versions}\n'
        f"{_notes(layout)}\n{full_list_html(result, flagged)}</body></html>\n"
    )
