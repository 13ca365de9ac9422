"""What was cut and added, listed for an editor before the side-by-side text.

Each sentence only in the old version (quoted, linked to its row), each sentence
only in the new version, and each changed figure or name (from the risky-edit
flags, ``core.flags.detect``), in reading order. The counts of the summary say how
much; this says what. Every quoted word is escaped (``core.report.blocks.visible``).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from core.flags.detect import Flag, flag_label
from core.model import Comparison
from core.notes.annotation import Side
from core.report.blocks import framed, visible
from core.report.layout import ReportLayout
from core.report.whole import LISTED, WholeSentences

# A quoted passage longer than this (a whole cut paragraph) is shortened in the list;
# its row shows all of it.
QUOTE_CHARS = 400
LISTED_FLAG_KINDS = ("number", "name")


def block_rows(layout: ReportLayout) -> dict[Side, dict[int, int]]:
    """Per side, the number of the row showing each block."""
    where: dict[Side, dict[int, int]] = {"old": {}, "new": {}}
    for k, row in enumerate(layout.rows):
        number = layout.row_number(k)
        for i in row.old:
            where["old"].setdefault(i, number)
        for i in row.new:
            where["new"].setdefault(i, number)
    return where


def _quote(layout: ReportLayout, side: Side, text: str, start: int, end: int) -> str:
    shown = " ".join(layout.shown(side, text, start, end).split())
    if len(shown) > QUOTE_CHARS:
        cut = shown.rfind(" ", 0, QUOTE_CHARS)
        shown = shown[: cut if cut > 0 else QUOTE_CHARS] + " \u2026"
    return framed(visible(shown), shown)


def _row_link(number: int | None) -> str:
    if number is None:
        return ""
    return f'<a class="rowref" href="#row-{number}">row {number}</a> '


def _items(
    result: Comparison,
    layout: ReportLayout,
    rows: dict[Side, dict[int, int]],
    whole: WholeSentences,
    side: Side,
) -> list[str]:
    """The whole sentences of ``side``'s listed blocks (``core.report.whole``) as list
    items, by row."""
    where = rows[side]
    text = result.old.text if side == "old" else result.new.text
    found = sorted((where.get(i, 0), start, end, i) for i, (start, end, _) in whole[side].items())
    return [
        f"<li>{_row_link(where.get(i))}{_quote(layout, side, text, start, end)}</li>"
        for _, start, end, i in found
    ]


def _flag_items(where: dict[Side, dict[int, int]], flags: Sequence[Flag]) -> list[str]:
    """Changed figures and names, by row: the flag's own explanation."""
    found = []
    for flag in flags:
        if flag.kind in LISTED_FLAG_KINDS:
            number = where["new"].get(flag.block, where["old"].get(flag.block))
            found.append((number or 0, flag_label(flag), flag.explanation, number))
    found.sort(key=lambda item: item[0])
    return [
        f"<li>{_row_link(number)}<b>{escape(label)}:</b> {visible(explanation)}</li>"
        for _, label, explanation, number in found
    ]


def linked_rows(layout: ReportLayout, flags: Sequence[Flag], whole: WholeSentences) -> set[int]:
    """The numbers of the rows the lists link to (the PDF gives only those an anchor:
    Qt's PDF writer takes twice as long with one on every row of a 1 MB pair)."""
    rows = block_rows(layout)
    linked = {rows[side][i] for side, _ in LISTED for i in whole[side] if i in rows[side]}
    for flag in flags:
        if flag.kind in LISTED_FLAG_KINDS:
            number = rows["new"].get(flag.block, rows["old"].get(flag.block))
            if number is not None:
                linked.add(number)
    return linked


def cut_and_added_html(
    result: Comparison, layout: ReportLayout, flags: Sequence[Flag], whole: WholeSentences
) -> str:
    """The lists of cut sentences, added sentences (``whole``: the blocks holding whole
    sentences) and changed figures and names (a part with nothing to list says so in
    one line)."""
    rows = block_rows(layout)
    parts = [
        (
            "cut",
            "Sentences cut",
            "no sentence is only in the old version",
            _items(result, layout, rows, whole, "old"),
        ),
        (
            "added",
            "Sentences added",
            "no sentence is only in the new version",
            _items(result, layout, rows, whole, "new"),
        ),
        ("figures", "Changed figures and names", "none flagged", _flag_items(rows, flags)),
    ]
    out = []
    for key, title, what, items in parts:
        if items:
            out.append(f'<h3 id="list-{key}">{title} ({len(items):,})</h3>')
            out.append(f'<ol class="changes">{"".join(items)}</ol>')
        else:  # one line, so that an empty list takes no room from the others
            out.append(f'<p class="sub" id="list-{key}"><b>{title}:</b> none ({what}).</p>')
    return "\n".join(out)
