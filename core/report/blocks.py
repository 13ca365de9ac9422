"""One block of one side of a report as escaped HTML: highlights, move links, marks.

Styles follow the window (``gui/compare/plan.py``): a sentence only on one side is
``del``/``ins`` (struck through / underlined), changed words inside an aligned
sentence are ``wdel``/``wins`` (darker, struck / underlined), trivial differences
``triv`` (dimmed, dotted underline), moved text ``mov`` (its own colour, wavy
underline, and a numbered arrow linking to the other side). Annotated text is
``ann`` and is followed by its numbered mark, which links to the note.

Every character of document text goes through ``html.escape`` after control,
zero-width and bidi characters were made visible: nothing in a document can
become markup or reorder what a reader sees.
"""

from __future__ import annotations

import re
from html import escape

from core.engine.stats import punctuation_only
from core.model import Block, Comparison, Span
from core.notes.annotation import Side
from core.report.layout import Mark, ReportLayout

# Margin symbols of each kind of change, in the window (``gui/compare/margin_marks.py``) and the
# reports alike, so colour is never the only cue.
SYMBOLS = {
    "deleted": "\u2212",
    "inserted": "+",
    "changed": "~",
    "moved": "\u21c4",
    "punctuation": "\u00b7",
}
KIND_NAMES = {
    "deleted": "only in old",
    "inserted": "only in new",
    "changed": "changed",
    "moved": "moved",
    "punctuation": "punctuation only",
}


def _visible_table() -> dict[int, str]:
    table = {c: chr(0x2400 + c) for c in range(0x20) if chr(c) not in "\t\r\n"}
    table[0x7F] = "\u2421"
    for c in (0x0B, 0x0C, 0x85, 0x2028, 0x2029):
        table[c] = "\n"
    for c in [*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF]:
        table[c] = "\u00b7"
    table[0x061C] = "\u00b7"
    return table


_VISIBLE = _visible_table()
_SPECIAL = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_VISIBLE)) + "\r]")


def visible(text: str) -> str:
    """``text`` escaped for HTML, with invisible and control characters shown as symbols.

    Line breaks of any kind become ``\\n`` (the report keeps them with ``pre-wrap``);
    a zero-width or bidi control character becomes a middle dot.
    """
    if _SPECIAL.search(text):
        text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_VISIBLE)
    return escape(text, quote=True)


_OPENING_QUOTES = '"\u201c\u201e\u00ab'


def framed(html: str, plain: str) -> str:
    """``html`` (what ``plain`` shows) between curly quotes, unless ``plain`` opens with
    a double quotation mark of its own: ``\u201c"They told us," he said.\u201d`` read
    as two quotes; it is shown as written (an opening single mark nests as usual:
    ``\u201c' this region has been freed ...\u201d``)."""
    if plain.lstrip()[:1] in _OPENING_QUOTES:
        return html
    return f"\u201c{html}\u201d"


def block_mark(block: Block, result: Comparison, moved: bool) -> str:
    """The margin kind of a block: ``deleted``, ``inserted``, ``changed``, ``moved``,
    ``punctuation`` or ``""`` (unchanged). ``moved``: an equal or changed block that
    crossed the others (``Row.moved``), shown as moved."""
    if block.kind in ("deleted", "inserted", "moved"):
        return block.kind
    if moved:
        return "moved"
    if block.kind == "changed":
        minor = punctuation_only(block, result.old.text, result.new.text)
        return "punctuation" if minor else "changed"
    return ""


def _op_ranges(block: Block, side: Side, text: str) -> list[tuple[int, int, str]]:
    """Word-level classes; same-class runs separated only by whitespace are joined."""
    own, cls = ("delete", "wdel") if side == "old" else ("insert", "wins")
    out: list[tuple[int, int, str]] = []
    for op in block.ops:
        span = op.old if side == "old" else op.new
        if span is None or span[0] == span[1]:
            continue
        if op.op == own:
            style = cls
        elif op.op == "equal" and not op.exact:
            style = "triv"
        else:
            continue
        if out and out[-1][2] == style and not text[out[-1][1] : span[0]].strip():
            out[-1] = (out[-1][0], span[1], style)
        else:
            out.append((span[0], span[1], style))
    return out


def _base_class(block: Block, side: Side, moved: bool) -> str:
    if block.kind in ("deleted", "inserted"):
        return "del" if side == "old" else "ins"
    if block.kind == "moved" or moved:
        return "mov"
    return ""


def mark_html(number: int, side: Side) -> str:
    """An annotation's numbered mark: it links to the note, which links back to it."""
    return (
        f'<sup class="am"><a class="am" id="ann-{number}-{side}" '
        f'href="#note-{number}" title="note {number}">[{number}]</a></sup>'
    )


def _mark_point(mark: Mark, span: Span) -> int:
    """Where a mark stands in ``span``: after the annotated text, clipped into the span."""
    return min(max(mark.span[1], span[0]), span[1])


def _text_html(
    text: str,
    span: Span,
    base: str,
    ranges: list[tuple[int, int, str]],
    marks: list[Mark],
    side: Side,
    host: int,
    layout: ReportLayout,
) -> str:
    """The span's text cut at every style and mark boundary, each piece wrapped once.

    ``marks`` overlap the span (their text is highlighted); those hosted by block
    ``host`` also put their numbered mark after their text.
    """
    start, end = span
    if not ranges and not marks:  # most blocks: one piece (a fifth of the page's time)
        piece = visible(layout.shown(side, text, start, end))
        return f'<span class="{base}">{piece}</span>' if base else piece
    cuts = {start, end}
    for s, e, _ in ranges:
        cuts.update((max(s, start), min(e, end)))
    for m in marks:
        cuts.update(p for p in (*m.span, _mark_point(m, span)) if start <= p <= end)
    points = sorted(cuts)
    annotated = [m.span for m in marks if m.span[0] < m.span[1]]
    parts: list[str] = []
    for i, p in enumerate(points):
        parts.extend(
            mark_html(m.number, side) for m in marks if m.host == host and _mark_point(m, span) == p
        )
        if i + 1 == len(points):
            break
        q = points[i + 1]
        classes = [base] if base else []
        classes += [c for s, e, c in ranges if s <= p and q <= e]
        if any(s <= p and q <= e for s, e in annotated):
            classes.append("ann")
        piece = visible(layout.shown(side, text, p, q))
        parts.append(f'<span class="{" ".join(classes)}">{piece}</span>' if classes else piece)
    return "".join(parts)


def block_html(
    result: Comparison,
    layout: ReportLayout,
    index: int,
    side: Side,
    moved: bool,
    badges: str = "",
    inline: bool = False,
) -> str:
    """One block's text on ``side``, with its margin symbol, move link and marks;
    ``badges`` (markup: ``core.report.flags``) goes after the margin symbol.

    ``inline``: the block is one part of a row's sentences: no margin symbol and no
    box of its own (the row's side has them), so the sentence reads on.
    """
    block = result.blocks[index]
    span = block.old if side == "old" else block.new
    assert span is not None
    text = result.old.text if side == "old" else result.new.text
    kind = block_mark(block, result, moved)
    head = ""
    if kind and not inline:
        head = f'<span class="sym" title="{KIND_NAMES[kind]}">{SYMBOLS[kind]}</span> '
    move = layout.moves.get(index)
    if move is not None:
        other = "new" if side == "old" else "old"
        head += (
            f'<a class="mv" id="move-{move}-{side}" href="#move-{move}-{other}" '
            f'title="moved: see the {other} version">\u21c4{move}\u2192{other}</a> '
        )
    head += badges
    marks = layout.marks_for(side, index, span)
    ranges = [] if block.kind in ("deleted", "inserted") else _op_ranges(block, side, text)
    base = _base_class(block, side, moved)
    body = _text_html(text, span, base, ranges, marks, side, index, layout)
    if inline:
        return f"{head}{body}"
    return f'<div class="b k-{kind or "equal"}">{head}{body}</div>'
