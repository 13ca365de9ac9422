"""Risky-edit flags (``core.flags.detect``) in the comparison report: badges, counts, the list.

Each flagged block is numbered in reading order (the report's rows). Its new side
shows one badge per kind, a text label on the window's colour for that kind
(``core.report.css.FLAG_COLOURS``), so colour is never the only cue; each badge
links to the block's entry in the "Flagged changes" list, which says what changed
and links back to the text (``#flag-3`` <-> ``#flag-3-text``). The summary counts
the flags by kind. Every explanation and quoted text is escaped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from core.engine.rows import Row
from core.figures import flags_text
from core.flags.detect import FLAG_KINDS, FLAG_LABELS, Flag, FlagKind, flags_by_block
from core.model import Comparison, Span
from core.notes.annotation import Side
from core.report.blocks import visible

CONTEXT_CHARS = 160
MEANINGS: dict[FlagKind, str] = {
    "number": "a figure changed",
    "negation": "a negation added or removed",
    "name": "a name changed",
    "attribution": "who said it, or how, changed",
    "quote": "words changed inside a quotation",
}


@dataclass(frozen=True, slots=True)
class FlaggedBlock:
    """One flagged block of the report.

    Attributes:
        number: its number in the report (reading order, from 1).
        block: index of the block in the comparison.
        flags: its flags, one per kind, in the order of ``FLAG_KINDS``.
    """

    number: int
    block: int
    flags: tuple[Flag, ...]


def number_flags(flags: Sequence[Flag], rows: Sequence[Row]) -> dict[int, FlaggedBlock]:
    """Number the flagged blocks in the order their new side appears in ``rows``.

    Returns:
        Block index -> its flagged entry (in reading order).
    """
    grouped = flags_by_block(flags)
    order = [i for row in rows for i in row.new if i in grouped]
    order += sorted(set(grouped) - set(order))  # not shown in a row: listed last
    return {
        block: FlaggedBlock(n, block, grouped[block])
        for n, block in enumerate(dict.fromkeys(order), start=1)
    }


def badge(kind: FlagKind, href: str = "", title: str = "") -> str:
    """One labelled badge (a link when ``href`` is given)."""
    tip = f' title="{escape(title, quote=True)}"' if title else ""
    label = f"\u00a0{FLAG_LABELS[kind]}\u00a0"
    if href:
        return f'<a class="flag f-{kind}" href="{href}"{tip}>{label}</a>'
    return f'<span class="flag f-{kind}"{tip}>{label}</span>'


def badges_html(item: FlaggedBlock | None) -> str:
    """The badges shown in the text of a flagged block (empty for none)."""
    if item is None:
        return ""
    links = " ".join(
        badge(f.kind, f"#flag-{item.number}", f"{FLAG_LABELS[f.kind]}: {f.explanation}")
        for f in item.flags
    )
    return f'<span class="flags" id="flag-{item.number}-text">{links}</span> '


def _counts(flags: Sequence[Flag]) -> Counter[FlagKind]:
    return Counter(f.kind for f in flags)


def summary_item(result: Comparison, flags: Sequence[Flag]) -> str:
    """The summary's line: how many flags, in how many of the changes, by kind
    (``core.figures.flags_text``, the window's wording)."""
    counted = flags_text(result, flags)
    if not flags:
        return (
            f"<b>Flagged:</b> {counted}; no aligned change touches a figure, a negation, "
            "a name, an attribution or a quotation."
        )
    counts = _counts(flags)
    kinds = ", ".join(f"{badge(k)} {counts[k]:,}" for k in FLAG_KINDS if counts[k])
    return (
        f"<b>Flagged:</b> {counted}, to check first ({kinds}); "
        'see <a href="#flagged">Flagged changes</a>.'
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


def _context(result: Comparison, item: FlaggedBlock) -> str:
    """The flagged words in their sentence (the new version's, or the old one's when
    only words were removed), shortened around them, the changed words highlighted."""
    side: Side = "new" if any(f.new for f in item.flags) else "old"
    block = result.blocks[item.block]
    span = block.new if side == "new" else block.old
    spans = sorted({s for f in item.flags for s in (f.new if side == "new" else f.old)})
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
    return (
        f'<div class="quote"><span class="dim">{side}:</span> '
        f"\u201c{before}{''.join(parts)}{after}\u201d</div>"
    )


def _entry(result: Comparison, item: FlaggedBlock) -> str:
    lines = "".join(
        f'<div class="flag-line">{badge(f.kind)} {visible(f.explanation)}</div>' for f in item.flags
    )
    back = f'<a class="back" href="#flag-{item.number}-text">\u21a9 see it in the text</a>'
    return (
        f'<tr id="flag-{item.number}"><td class="num">[{item.number}]</td>'
        f"<td>{lines}{_context(result, item)}<div>{back}</div></td></tr>"
    )


def flagged_list_html(result: Comparison, flagged: dict[int, FlaggedBlock]) -> str:
    """The "Flagged changes" section (empty when nothing is flagged)."""
    if not flagged:
        return ""
    rows = "\n".join(_entry(result, item) for item in flagged.values())
    return (
        f'<h2 id="flagged">Flagged changes ({len(flagged):,})</h2>\n'
        '<p class="sub">Changes to figures, negations, names, attributions and quotations, '
        "in reading order: check these against the sources first.</p>\n"
        '<table class="notes flagged" width="100%" cellspacing="0" cellpadding="3">'
        f"{rows}</table>\n"
    )
