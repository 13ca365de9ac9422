"""What each pane shows: text, Qt blocks and highlight ranges, computed off the GUI thread.

Pure (no Qt). A ``PanePlan`` is the plain text of one pane (one Qt block per shown
span, joined by newlines), where each Qt block comes from, and the highlights as
UTF-16 ranges, so the GUI thread only inserts the text and applies formats. The
``ViewPlan`` also marks *twin* rows, whose two sides show the same text: laid out at
the same width they are equally tall, so the GUI need not measure them. Styles:

- ``deleted`` / ``inserted``: a whole span that exists on one side only.
- ``word_deleted`` / ``word_inserted``: words changed inside an aligned span.
- ``trivial``: an equal op whose raw texts differ (``exact`` false).
- ``moved``: a span that stands elsewhere in the other text.

Each Qt block also gets a margin mark kind (``MarkKind``), so change is never shown
by colour alone. A changed block whose deleted and inserted text holds no word
(``core.engine.stats.punctuation_only``: sample 001 ends sentences with " ." where 000
breaks the line) is *minor*: its mark is ``punctuation`` and the GUI draws it faint.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from core.engine.rows import Row, comparison_rows
from core.engine.stats import punctuation_only
from core.model import Block, Comparison, Op, Span
from core.report.layout import reflows
from gui.common.utf16 import Utf16Index, display_text

# Qt lays a paragraph out in one go, and a run without a break opportunity in time
# quadratic in its length (1 MB of quotes: minutes). A long span is shown as several
# Qt blocks ("pieces"): cut before a word once a piece reaches PIECE_CHARS, and every
# RUN_CHARS inside a run with no whitespace, so each piece lays out in milliseconds.
PIECE_CHARS = 20_000
RUN_CHARS = 1_000
_WORD = re.compile(r"\S+")

Side = Literal["old", "new"]
Style = Literal["deleted", "inserted", "word_deleted", "word_inserted", "trivial", "moved"]
BlockRole = Literal["text", "placeholder", "bar"]
MarkKind = Literal["", "deleted", "inserted", "changed", "moved", "punctuation"]


@dataclass(frozen=True, slots=True)
class ViewOptions:
    """How a comparison is shown (not how it is computed)."""

    show_trivial: bool = True
    only_changed: bool = False
    expanded: frozenset[int] = frozenset()
    line_breaks: bool = False  # the documents' own line breaks (else reflowed)


@dataclass(frozen=True, slots=True)
class PaneBlock:
    """One Qt block of a pane.

    Attributes:
        row: index of its row.
        role: ``text`` (a span of the document), ``placeholder`` (nothing on this
            side) or ``bar`` (collapsed unchanged text).
        block: index of the first comparison block shown, -1 for none.
        span: the document span shown (code points), None for none; for a bar,
            the span of the unchanged text it hides.
        members: every comparison block shown (a row's side holds whole sentences,
            which may be several blocks), in text order.
        continued: a later piece of a long span (see ``piece_cuts``).
        position: UTF-16 position of the Qt block's start in the pane.
        start: code-point index of the Qt block's start in ``PanePlan.text``.
    """

    row: int
    role: BlockRole
    block: int
    span: Span | None
    position: int
    start: int
    members: tuple[int, ...] = ()
    continued: bool = False

    def block_at(self, blocks: Sequence[Block], side: Side, offset: int) -> int:
        """The member block whose span on ``side`` holds ``offset`` (else the nearest before)."""
        found = self.block
        for i in self.members:
            span = blocks[i].old if side == "old" else blocks[i].new
            if span is not None and span[0] <= offset:
                found = i
        return found


@dataclass(frozen=True, slots=True)
class Highlight:
    """A styled range of a pane, in UTF-16 pane positions."""

    start: int
    end: int
    style: Style


@dataclass(frozen=True, slots=True)
class PanePlan:
    """Everything one pane needs to show its side.

    ``numbers`` maps a comparison block index to the Qt block number showing it.
    """

    side: Side
    text: str
    blocks: tuple[PaneBlock, ...]
    row_first: tuple[int, ...]
    row_last: tuple[int, ...]
    highlights: tuple[Highlight, ...]
    numbers: dict[int, int] = field(default_factory=dict, compare=False)
    marks: tuple[MarkKind, ...] = ()

    def last_piece(self, number: int) -> int:
        """The number of the last Qt block showing the same span as Qt block ``number``."""
        blocks = self.blocks
        while number + 1 < len(blocks) and blocks[number + 1].continued:
            number += 1
        return number

    def row_text(self, row: int) -> str:
        """The text of ``row`` (its Qt blocks joined by newlines)."""
        start = self.blocks[self.row_first[row]].start
        if row + 1 == len(self.row_first):
            return self.text[start:]
        return self.text[start : self.blocks[self.row_first[row + 1]].start - 1]


@dataclass(frozen=True, slots=True)
class ViewPlan:
    """Rows and both panes of a comparison shown with given options.

    A ``partial`` plan holds only the first rows; the full plan follows.
    """

    comparison: Comparison
    options: ViewOptions
    rows: tuple[Row, ...]
    old: PanePlan
    new: PanePlan
    old_index: Utf16Index
    new_index: Utf16Index
    twins: tuple[bool, ...] = ()
    partial: bool = False
    minor: frozenset[int] = frozenset()


def bar_text(hidden: int) -> str:
    """The label of a collapsed run of unchanged blocks."""
    noun = "sentence" if hidden == 1 else "sentences"
    return f"\u22ef {hidden} unchanged {noun} (click to show)"


def build_plan(
    comparison: Comparison,
    options: ViewOptions,
    indexes: tuple[Utf16Index, Utf16Index] | None = None,
    rows: tuple[Row, ...] | None = None,
    limit: int | None = None,
) -> ViewPlan:
    """Lay out ``comparison`` for the two panes (runs in a worker thread).

    With ``limit``, only the first ``limit`` rows are laid out: a *partial* plan that
    is the exact prefix of the full one, so the GUI can start showing it early.
    """
    old_index, new_index = indexes or (
        Utf16Index(comparison.old.text),
        Utf16Index(comparison.new.text),
    )
    if rows is None:
        rows = comparison_rows(
            comparison, only_changed=options.only_changed, expanded=options.expanded
        )
    partial = limit is not None and limit < len(rows)
    shown = rows[:limit] if partial else rows
    old_text, new_text = comparison.old.text, comparison.new.text
    minor = frozenset(
        i
        for row in shown
        for i in row.new
        if punctuation_only(comparison.blocks[i], old_text, new_text)
    )
    old = _pane_plan(comparison, shown, "old", old_index, options, minor)
    new = _pane_plan(comparison, shown, "new", new_index, options, minor)
    twins = tuple(
        row.kind == "collapsed" or (row.kind == "aligned" and old.row_text(r) == new.row_text(r))
        for r, row in enumerate(shown)
    )
    return ViewPlan(
        comparison, options, shown, old, new, old_index, new_index, twins, partial, minor
    )


class _PaneBuilder:
    def __init__(
        self,
        comparison: Comparison,
        side: Side,
        index: Utf16Index,
        minor: frozenset[int],
        line_breaks: bool = False,
    ) -> None:
        self.blocks = comparison.blocks
        self.minor = minor
        self.marks: list[MarkKind] = []
        self.side: Side = side
        self.doc = comparison.old.text if side == "old" else comparison.new.text
        # Same length as the document: slices match the spans. Only hard-wrapped text
        # is reflowed (elsewhere a single line break ends a sentence).
        shown = display_text(self.doc)
        self.shown = shown if line_breaks or not reflows(self.doc) else reflowed(shown)
        self.index = index
        self.parts: list[str] = []
        self.pane_blocks: list[PaneBlock] = []
        self.highlights: list[Highlight] = []
        self.position = 0
        self.start = 0

    def add(
        self,
        row: int,
        role: BlockRole,
        text: str,
        block: int,
        span: Span | None,
        mark: MarkKind = "",
        members: tuple[int, ...] = (),
        continued: bool = False,
    ) -> None:
        self.pane_blocks.append(
            PaneBlock(row, role, block, span, self.position, self.start, members, continued)
        )
        self.marks.append(mark)
        self.parts.append(text)
        self.position += len(text) + (self._extra_units(span) if role == "text" else 0) + 1
        self.start += len(text) + 1

    def _extra_units(self, span: Span | None) -> int:
        if span is None or not self.index.astral:
            return 0
        return self.index.to_utf16(span[1]) - self.index.to_utf16(span[0]) - (span[1] - span[0])

    def add_side(
        self, row: int, members: tuple[int, ...], show_trivial: bool, moved: set[int]
    ) -> None:
        """A row's side: its whole sentences, every block highlighted, as one Qt block
        (several pieces when long, see ``piece_cuts``)."""
        spans = [self._span_of(i) for i in members]
        span = (spans[0][0], spans[-1][1])
        marks = {_mark(self.blocks[i], i in moved, i in self.minor) for i in members}
        marks.discard("")
        mark: MarkKind = marks.pop() if len(marks) == 1 else ("changed" if marks else "")
        bounds = [span[0], *piece_cuts(self.shown, span[0], span[1]), span[1]]
        starts: list[int] = []  # pane position of each piece
        for k in range(len(bounds) - 1):
            starts.append(self.position)
            piece = (bounds[k], bounds[k + 1])
            self.add(
                row, "text", self.shown[piece[0] : piece[1]], members[0], piece,
                mark if k == 0 else "", members, continued=k > 0,
            )  # fmt: skip
        to_utf16 = self.index.to_utf16
        styles = [
            style
            for i in members
            for style in _span_styles(self.blocks[i], self.side, show_trivial, self.doc, i in moved)
        ]
        if len(starts) == 1:
            base = to_utf16(span[0])
            for s, e, style in styles:
                self.highlights.append(
                    Highlight(starts[0] + to_utf16(s) - base, starts[0] + to_utf16(e) - base, style)
                )
            return
        # Split each style at the cuts; per piece, in the styles' order (merge order).
        pieces: list[tuple[int, int, Highlight]] = []
        for order, (s, e, style) in enumerate(styles):
            k = bisect_right(bounds, s) - 1
            while k < len(starts) and bounds[k] < e:
                low, high = max(s, bounds[k]), min(e, bounds[k + 1])
                if low < high:
                    base = to_utf16(bounds[k])
                    pane = Highlight(
                        starts[k] + to_utf16(low) - base, starts[k] + to_utf16(high) - base, style
                    )
                    pieces.append((k, order, pane))
                k += 1
        pieces.sort(key=lambda item: (item[0], item[1]))
        self.highlights.extend(h for _k, _order, h in pieces)

    def _span_of(self, i: int) -> Span:
        span = self.blocks[i].old if self.side == "old" else self.blocks[i].new
        assert span is not None
        return span


# A paragraph break as a pane shows it: line separators with only blanks between.
_PARAGRAPH_BREAK = re.compile("\u2028(?:[ \t\u00a0\u200b]*\u2028)+")


def reflowed(shown: str) -> str:
    """``shown`` (``display_text``) with every single line break drawn as a space, so
    hard-wrapped prose reads as paragraphs; paragraph breaks (a blank line) stay, and
    the length is the same (offsets do not move). Linear."""
    if "\u2028" not in shown:
        return shown
    parts: list[str] = []
    end = 0
    for brk in _PARAGRAPH_BREAK.finditer(shown):
        parts.append(shown[end : brk.start()].replace("\u2028", " "))
        parts.append(brk.group())
        end = brk.end()
    parts.append(shown[end:].replace("\u2028", " "))
    return "".join(parts)


def piece_cuts(text: str, start: int, end: int) -> list[int]:
    """Where to cut ``text[start:end]`` into pieces Qt lays out quickly (none if short).

    Linear: short spans are not scanned; a long one is walked word by word.
    """
    if end - start <= RUN_CHARS:
        return []
    cuts: list[int] = []
    last = start  # where the current piece begins
    for word in _WORD.finditer(text, start, end):
        s, e = word.span()
        if e - last > PIECE_CHARS and s > last:
            cuts.append(s)
            last = s
        if e - s > RUN_CHARS:
            cut = max(s, last) + RUN_CHARS
            while cut < e:
                cuts.append(cut)
                cut += RUN_CHARS
            last = cuts[-1]
    return [c for c in cuts if start < c < end]


def _mark(block: Block, moved: bool, minor: bool) -> MarkKind:
    if block.kind in ("deleted", "inserted", "moved"):
        return block.kind  # type: ignore[return-value]
    if moved:
        return "moved"
    if block.kind == "changed":
        return "punctuation" if minor else "changed"
    return ""


def _pane_plan(
    comparison: Comparison,
    rows: tuple[Row, ...],
    side: Side,
    index: Utf16Index,
    options: ViewOptions,
    minor: frozenset[int],
) -> PanePlan:
    trivial = options.show_trivial
    builder = _PaneBuilder(comparison, side, index, minor, options.line_breaks)
    first: list[int] = []
    last: list[int] = []
    for r, row in enumerate(rows):
        first.append(len(builder.pane_blocks))
        shown = row.old if side == "old" else row.new
        if row.kind == "collapsed":
            builder.add(
                r, "bar", bar_text(len(row.hidden)), -1, _hidden_span(comparison, row, side)
            )
        elif not shown:
            builder.add(r, "placeholder", "", -1, None)
        else:
            builder.add_side(r, shown, trivial, set(row.moved))
        last.append(len(builder.pane_blocks) - 1)
    numbers: dict[int, int] = {}  # a block's first Qt block
    for n, b in enumerate(builder.pane_blocks):
        if not b.continued:
            numbers.update(dict.fromkeys(b.members, n))
    return PanePlan(
        side,
        "\n".join(builder.parts),
        tuple(builder.pane_blocks),
        tuple(first),
        tuple(last),
        tuple(builder.highlights),
        numbers,
        tuple(builder.marks),
    )


def _hidden_span(comparison: Comparison, row: Row, side: Side) -> Span | None:
    """The document span a collapsed row stands for on ``side`` (for copying)."""
    first, last = comparison.blocks[row.hidden[0]], comparison.blocks[row.hidden[-1]]
    start, end = (first.old, last.old) if side == "old" else (first.new, last.new)
    return (start[0], end[1]) if start and end else None


def _span_styles(
    block: Block, side: Side, show_trivial: bool, doc: str, moved: bool
) -> list[tuple[int, int, Style]]:
    """Styled code-point ranges of one block's span on ``side`` (base style first).

    An equal or changed block that crossed the others (``moved``) is styled as
    moved, like the blocks the engine itself calls moved.
    """
    span = block.old if side == "old" else block.new
    assert span is not None
    if block.kind == "deleted" or block.kind == "inserted":
        return [(span[0], span[1], "deleted" if side == "old" else "inserted")]
    styles: list[tuple[int, int, Style]] = []
    one_sided = block.old is None or block.new is None
    if block.kind == "moved" or (moved and block.kind in ("equal", "changed")):
        styles.append((span[0], span[1], "moved"))
    if one_sided:
        return styles
    styles.extend(_op_styles(block.ops, side, show_trivial, doc))
    return styles


def _op_styles(
    ops: tuple[Op, ...], side: Side, show_trivial: bool, doc: str
) -> list[tuple[int, int, Style]]:
    """Word-level styles; runs of same-style ops separated by whitespace are joined."""
    word: Style = "word_deleted" if side == "old" else "word_inserted"
    own = "delete" if side == "old" else "insert"
    out: list[tuple[int, int, Style]] = []
    for op in ops:
        span = op.old if side == "old" else op.new
        if span is None or span[0] == span[1]:
            continue
        if op.op == own:
            style: Style = word
        elif op.op == "equal" and not op.exact and show_trivial:
            style = "trivial"
        else:
            continue
        if out and out[-1][2] == style and not doc[out[-1][1] : span[0]].strip():
            out[-1] = (out[-1][0], span[1], style)
        else:
            out.append((span[0], span[1], style))
    return out
