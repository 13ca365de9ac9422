"""Risky-edit flags (``core.flags.detect``) in the comparison report: badges, counts, the lists.

Each flagged block is numbered in reading order (the report's rows). Its new side
shows one badge per kind, a text label on the window's colour for that kind
(``core.report.css.FLAG_COLOURS``), so colour is never the only cue. Right after the
summary, "Flagged changes" lists the flags grouped by kind, most severe first (figures,
negations, names, attributions, quotations: the order of ``FLAG_KINDS``), each kind in
reading order, at most ``MAX_LISTED`` of them; "and N more" links to the full list at
the end of the report. Each badge links to its flag's entry (the first list's when it
is there, else the full list's), which says what changed and links back to the text
(``#flag-3-number`` <-> ``#flag-3-text``). The summary counts the flags by kind, and
says when names cannot be told (a document without capitals). Every explanation and
quoted text is escaped.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from core.engine.rows import Row
from core.figures import flags_text
from core.flags.detect import (
    FLAG_KINDS,
    FLAG_LABELS,
    Flag,
    FlagKind,
    flag_label,
    flags_by_block,
    has_no_capitals,
)
from core.model import Comparison, Span
from core.notes.annotation import Side
from core.report.blocks import framed, visible
from core.text.names import printable_path

CONTEXT_CHARS = 160
MAX_LISTED = 50
HEADINGS: dict[FlagKind, str] = {
    "number": "Figures",
    "negation": "Negations",
    "name": "Names",
    "attribution": "Attributions and hedges",
    "quote": "Quotations",
}
MEANINGS: dict[FlagKind, str] = {
    "number": "a figure changed",
    "negation": "a negation added or removed",
    "name": "a name changed",
    "attribution": "who said it, or how sure it is, changed",
    "quote": "words changed inside a quotation",
}


@dataclass(frozen=True, slots=True)
class FlaggedBlock:
    """One flagged block of the report.

    Attributes:
        number: its number in the report (reading order, from 1).
        block: index of the block in the comparison.
        flags: its flags, one per kind, in the order of ``FLAG_KINDS``.
        row: the number of the row that shows it (None: no row does).
    """

    number: int
    block: int
    flags: tuple[Flag, ...]
    row: int | None = None


def number_flags(
    flags: Sequence[Flag],
    rows: Sequence[Row],
    row_number: Callable[[int], int] = lambda k: k + 1,
) -> dict[int, FlaggedBlock]:
    """Number the flagged blocks in the order their new side appears in ``rows``;
    ``row_number`` gives the number shown for the row at an index.

    Returns:
        Block index -> its flagged entry (in reading order).
    """
    grouped = flags_by_block(flags)
    row_of: dict[int, int] = {}
    for k, row in enumerate(rows):
        for i in (*row.new, *row.old):
            if i in grouped:
                row_of.setdefault(i, row_number(k))
    order = [i for row in rows for i in row.new if i in grouped]
    order += sorted(set(grouped) - set(order))  # not shown in a row: listed last
    return {
        block: FlaggedBlock(n, block, grouped[block], row_of.get(block))
        for n, block in enumerate(dict.fromkeys(order), start=1)
    }


def badge(kind: FlagKind, href: str = "", title: str = "", label: str = "") -> str:
    """One labelled badge (a link when ``href`` is given): its kind's label, or
    ``label`` ("Hedge": ``flag_label``)."""
    tip = f' title="{escape(title, quote=True)}"' if title else ""
    label = f"\u00a0{label or FLAG_LABELS[kind]}\u00a0"
    if href:
        return f'<a class="flag f-{kind}" href="{href}"{tip}>{label}</a>'
    return f'<span class="flag f-{kind}"{tip}>{label}</span>'


def entries(flagged: dict[int, FlaggedBlock]) -> list[tuple[FlaggedBlock, Flag]]:
    """Every flag with its block, grouped by kind (most severe first), each kind in
    reading order: the order of the lists."""
    order = {kind: i for i, kind in enumerate(FLAG_KINDS)}
    pairs = [(item, flag) for item in flagged.values() for flag in item.flags]
    return sorted(pairs, key=lambda p: (order[p[1].kind], p[0].number))


def entry_id(item: FlaggedBlock, flag: Flag, full: bool) -> str:
    """The id of a flag's entry in the first list, or (``full``) in the full list."""
    return f"flag-{'all-' if full else ''}{item.number}-{flag.kind}"


def listed_first(flagged: dict[int, FlaggedBlock]) -> set[tuple[int, FlagKind]]:
    """(block number, kind) of the flags the first list shows (the first ``MAX_LISTED``)."""
    return {(item.number, flag.kind) for item, flag in entries(flagged)[:MAX_LISTED]}


def badges_html(item: FlaggedBlock | None, first: set[tuple[int, FlagKind]]) -> str:
    """The badges shown in the text of a flagged block (empty for none); each links to
    its entry in the first list when it is there (``first``), else in the full list."""
    if item is None:
        return ""
    links = " ".join(
        badge(
            f.kind,
            "#" + entry_id(item, f, (item.number, f.kind) not in first),
            f"{flag_label(f)}: {f.explanation}",
            flag_label(f),
        )
        for f in item.flags
    )
    return f'<span class="flags" id="flag-{item.number}-text">{links}</span> '


def _counts(flags: Sequence[Flag]) -> Counter[FlagKind]:
    return Counter(f.kind for f in flags)


def summary_item(result: Comparison, flags: Sequence[Flag]) -> str:
    """The summary's line: how many flags, in how many of the changes, by kind
    (``core.figures.flags_text``, the window's wording); and whether names could be
    told."""
    counted = flags_text(result, flags)
    if not flags:
        line = (
            f"<b>Flagged:</b> {counted}; no aligned change touches a figure, a negation, "
            "a name, an attribution or a quotation."
        )
    else:
        counts = _counts(flags)
        kinds = ", ".join(f"{badge(k)} {counts[k]:,}" for k in FLAG_KINDS if counts[k])
        line = (
            f"<b>Flagged:</b> {counted}, to check first ({kinds}); "
            'see <a href="#flagged">Flagged changes</a>.'
        )
    return line + names_note(result)


def names_note(result: Comparison) -> str:
    """ " Names cannot be told ..." when a document has no capitals (else empty)."""
    lower = [d for d in (result.old, result.new) if has_no_capitals(d.text)]
    if not lower:
        return ""
    if len(lower) == 2:
        which = "neither document has capitals"
    else:
        name = os.path.basename(lower[0].path) or lower[0].path
        which = f"{escape(printable_path(name))} has no capitals"
    return (
        f" Names cannot be told in all-lower-case text: {which}, so no name change "
        "is flagged there."
    )


def legend_html() -> str:
    """The legend's line naming every badge."""
    items = " &nbsp; ".join(f"{badge(k)} {MEANINGS[k]}" for k in FLAG_KINDS)
    return f'<p class="sub">Flags (check these first): {items}</p>'


def _clip(text: str, lo: int, hi: int, span: Span) -> tuple[int, int]:
    """``lo``..``hi`` widened or narrowed to whole words, inside ``span``."""
    lo, hi = max(lo, span[0]), min(hi, span[1])
    if lo > span[0]:
        cut = text.find(" ", lo, hi)
        lo = cut + 1 if cut >= 0 else lo
    if hi < span[1]:
        cut = text.rfind(" ", lo, hi)
        hi = cut if cut > lo else hi
    return lo, hi


def _contexts(result: Comparison, item: FlaggedBlock, flag: Flag) -> str:
    """The flagged words in their sentences: the old version's where words were
    removed or replaced (``"One" -> "Two"`` shows the "One"), then the new one's."""
    sides: list[Side] = []
    if flag.old:
        sides.append("old")
    if flag.new or not sides:
        sides.append("new")
    return "".join(_context(result, item, flag, side) for side in sides)


def _context(result: Comparison, item: FlaggedBlock, flag: Flag, side: Side) -> str:
    """The flagged words in the sentence of ``side``, shortened around them, the
    changed words highlighted."""
    block = result.blocks[item.block]
    span = block.new if side == "new" else block.old
    spans = sorted(set(flag.new if side == "new" else flag.old))
    if span is None or not spans:
        return ""
    text = result.new.text if side == "new" else result.old.text
    first, last = spans[0][0], min(spans[-1][1], spans[0][0] + CONTEXT_CHARS)
    lo, hi = _clip(text, first - CONTEXT_CHARS // 3, last + CONTEXT_CHARS // 2, span)
    cls = "wins" if side == "new" else "wdel"
    parts, at = [], lo
    for s, e in spans:
        s, e = max(s, at), min(e, hi)
        if s >= e:
            continue
        parts += [visible(text[at:s]), f'<span class="{cls}">{visible(text[s:e])}</span>']
        at = e
    parts.append(visible(text[at:hi]))
    before = "\u2026" if lo > span[0] else ""
    after = "\u2026" if hi < span[1] else ""
    shown = framed(before + "".join(parts) + after, before + text[lo:hi])
    return f'<div class="quote"><span class="dim">{side}:</span> {shown}</div>'


def _entry(result: Comparison, item: FlaggedBlock, flag: Flag, full: bool) -> str:
    line = (
        f'<div class="flag-line">{badge(flag.kind, label=flag_label(flag))} '
        f"{visible(flag.explanation)}</div>"
    )
    where = f" (row {item.row})" if item.row is not None else ""
    back = f'<a class="back" href="#flag-{item.number}-text">\u21a9 see it in the text{where}</a>'
    # Named by its row, as the summary's lists name it (a number of its own, in
    # reading order under headings by kind, read [2], [4], [1], [3] beside the notes'
    # [1], [2]: an editor took them for one numbering).
    row = f"row&nbsp;{item.row}" if item.row is not None else ""
    return (
        f'<tr id="{entry_id(item, flag, full)}"><td class="num">{row}</td>'
        f"<td>{line}{_contexts(result, item, flag)}<div>{back}</div></td></tr>"
    )


def _grouped(result: Comparison, listed: list[tuple[FlaggedBlock, Flag]], full: bool) -> str:
    """The entries under one heading per kind, in the order given."""
    out: list[str] = []
    for kind in FLAG_KINDS:
        mine = [(item, flag) for item, flag in listed if flag.kind == kind]
        if not mine:
            continue
        rows = "\n".join(_entry(result, item, flag, full) for item, flag in mine)
        out.append(
            f'<p class="flag-kind"><b>{HEADINGS[kind]}</b> {badge(kind)} {len(mine):,}</p>\n'
            '<table class="notes flagged" width="100%" cellspacing="0" cellpadding="3">'
            f"{rows}</table>\n"
        )
    return "".join(out)


def flagged_list_html(result: Comparison, flagged: dict[int, FlaggedBlock]) -> str:
    """The "Flagged changes" section that follows the summary: at most ``MAX_LISTED``
    flags, grouped by kind (empty when nothing is flagged)."""
    if not flagged:
        return ""
    listed = entries(flagged)
    more = len(listed) - MAX_LISTED
    tail = (
        f'<p class="more">\u2026 and {more:,} more: see <a href="#flagged-all">all '
        f"{len(listed):,} flagged changes</a> at the end of the report.</p>\n"
        if more > 0
        else ""
    )
    return (
        f'<h2 id="flagged">Flagged changes ({len(listed):,})</h2>\n'
        '<p class="sub">Changes to figures, negations, names, attributions and quotations, '
        "most severe first: check these against the sources first.</p>\n"
        + _grouped(result, listed[:MAX_LISTED], full=False)
        + tail
    )


def full_list_html(result: Comparison, flagged: dict[int, FlaggedBlock]) -> str:
    """The full list at the end of the report, when the first one is cut (else empty)."""
    listed = entries(flagged)
    if len(listed) <= MAX_LISTED:
        return ""
    return f'<h2 id="flagged-all">All flagged changes ({len(listed):,})</h2>\n' + _grouped(
        result, listed, full=True
    )
