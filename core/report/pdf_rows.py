"""The PDF report's side-by-side rows: markup that ``gui.reports.pdf`` lays out itself.

Qt's ``QTextDocument`` lays every cell of a table out twice (once at unlimited width,
for the column widths) and its table code is slow beside plain blocks: the rows of the
1 MB pair took 1.75 s to lay out as tables and 0.43 s as blocks. So the report's
``pdf`` variant gives its rows not as a table but as a run of blocks between markers,
which the PDF renderer lays out once and places in columns itself, paginating row by
row (a row that does not fit moves to the next page; a row taller than a page breaks
between lines), with the column header on top of every page::

    <!--redline:rows 1 2 . 4 5-->   the rows' numbers ("." for a fold)
    <div class="po ph">Old: …</div><div class="pw ph">New: …</div>   the header
    per row: the old cell's blocks (class OLD), then the new cell's (class NEW),
             or a fold's (class FOLD, spanning both columns)
    <!--/redline:rows-->

Every cell has at least one block (an empty cell is one block holding only EMPTY); a
cell's text with line breaks has several. The renderer gives the classes their
margins (the columns) from the page width and tells a row's cells apart by them. A
row the summary links to has its ``<a name="row-N">`` at the start of a cell with text.

May import: nothing (constants and small builders shared by both sides).
"""

from __future__ import annotations

import re

ROWS_START = "<!--redline:rows "
ROWS_END = "<!--/redline:rows-->"
FOLD_NUMBER = "."
EMPTY = "\u200b"  # never a cell's text: ``visible`` shows zero-width characters as dots
OLD, NEW, FOLD, HEADER = "po", "pw", "pf", "ph"
PADDING = 5  # px around a cell's text (the table's cellpadding before)


def cell(column: str, inner: str) -> str:
    """A cell of ``column`` (OLD or NEW) holding ``inner`` (blocks or inline markup);
    an empty one when ``inner`` is empty."""
    return f'<div class="{column}">{inner or EMPTY}</div>'


def rows_markup(numbers: list[str], cells: list[str]) -> str:
    """The rows section: each row's number (FOLD_NUMBER for a fold) and the cells (the
    header's two, then every row's, in order)."""
    return f"{ROWS_START}{' '.join(numbers)}-->" + "\n".join(cells) + ROWS_END


def split_rows(html: str) -> tuple[str, list[str], str, str] | None:
    """``html`` cut at its rows section: the part before, the row numbers, the cells'
    markup and the part after; None without a rows section."""
    start = html.find(ROWS_START)
    end = html.find(ROWS_END, start)
    if start < 0 or end < 0:
        return None
    numbers_end = html.index("-->", start)
    numbers = html[start + len(ROWS_START) : numbers_end].split()
    return html[:start], numbers, html[numbers_end + 3 : end], html[end + len(ROWS_END) :]


# Qt's PDF writer makes a link's target only of an ``<a name>``, never of an ``id``, and
# drops a name that is empty or on an ``<a href>`` when a link follows it: every ``id``
# becomes a name holding a zero-width space (inline, so no line is added; the rows'
# empty ``<a name>`` before their text are left as they are: they work).
_A_WITH_ID = re.compile(r'<a\b([^>]*?) id="([^"]+)"([^>]*>)')
_ROW_WITH_ID = re.compile(r'<tr\b([^>]*?) id="([^"]+)"([^>]*>\s*<t[dh]\b[^>]*>)')
_OTHER_WITH_ID = re.compile(r'<(h[1-6]|span|p|div|td|th|li)\b([^>]*?) id="([^"]+)"([^>]*>)')


def named_anchors(html: str) -> str:
    """``html`` with each element's ``id`` given as an ``<a name>`` at its start (before
    an ``<a>``; in a table row's first cell), so the PDF's links to them have
    somewhere to go."""
    html = _A_WITH_ID.sub(f'<a name="\\2">{EMPTY}</a><a\\1\\3', html)
    html = _ROW_WITH_ID.sub(f'<tr\\1\\3<a name="\\2">{EMPTY}</a>', html)
    return _OTHER_WITH_ID.sub(f'<\\1\\2\\4<a name="\\3">{EMPTY}</a>', html)
