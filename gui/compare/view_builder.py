"""Filling both panes row by row on the GUI thread, in short slices, each row laid out once.

Qt lays a block out again whenever its format changes, so padding rows after a first
layout (measure, then set margins) cost two full layouts. Here each pane starts with
an empty document and rows are appended in order. Once a row is laid out in both
panes its two heights are known, so the padding that makes the next row start at the
same height goes into that next row's top margin as it is inserted: every block is
laid out exactly once. Rows whose two sides show the same text (``ViewPlan.twins``)
are equally tall at the same width, so runs of them are inserted in one edit block
without measuring.

Text is always inserted into an empty trailing block: Qt drops the layout of the
block where a change starts, and that block is then the empty one, never the last
row. The work runs from a zero-timer in slices of about ``SLICE_SECONDS``, so the
window keeps painting and answering; the first slice fills the visible part (unless
that takes over ``FIRST_SCREEN_SECONDS``: the next slices finish it).
"""

from __future__ import annotations

import re
import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from gui.common.styles import Colours
from gui.compare.pane import DiffPane
from gui.compare.plan import PanePlan, ViewPlan

SLICE_SECONDS = 0.025
# The first slice fills the visible rows whatever they take, up to this: when the
# worker is still laying out the rest it holds the interpreter lock half the time.
FIRST_SCREEN_SECONDS = 0.06
RUN_CHARS = 20_000  # at most this much text per edit block (~5 ms of layout)
# Every character whose bidirectional class is R or AL (Unicode 14, checked by a test),
# in a few wider ranges. Without one, Qt's own rule finds every block left-to-right.
RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def left_to_right_only(doc: QTextDocument, text: str) -> None:
    """Tell ``doc`` its blocks run left to right when ``text`` (all it will hold) has
    no right-to-left letter: Qt otherwise works it out again for every block it lays
    out or moves, on every edit (its position, its fragments, its first letters),
    5-10 % of building a 1 MB pane."""
    if RIGHT_TO_LEFT.search(text) is None:
        option = doc.defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.LeftToRight)
        doc.setDefaultTextOption(option)


class PaneFiller:
    """Appends rows of one plan to one pane's document and reads their geometry."""

    def __init__(
        self,
        pane: DiffPane,
        plan: PanePlan,
        formats: dict[str, QTextCharFormat],
        colours: Colours,
        gap: float,
        width: int,
    ) -> None:
        self.pane, self.plan, self.formats = pane, plan, formats
        self.doc: QTextDocument = pane.new_document(width)
        left_to_right_only(self.doc, pane.text)
        self.layout = self.doc.documentLayout()
        self.scale = _margin_scale(self.doc)
        self.gap = gap
        self.base = QTextBlockFormat()
        self.base.setTopMargin(gap / self.scale)
        self.bar = QTextBlockFormat()
        self.bar.setBackground(QBrush(QColor(colours.bar)))
        self.bar.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.bar_chars = QTextCharFormat()
        self.bar_chars.setForeground(QBrush(QColor(colours.bar_text)))
        self.bar_chars.setFontItalic(True)
        self.plain = QTextCharFormat()
        self.joined = QTextBlockFormat()
        self.cursor = QTextCursor(self.doc)
        self.cursor.setBlockFormat(self.base)
        self.next_highlight = 0
        pane.set_hole_colour(colours.placeholder)

    def append(self, first: int, end: int, pad: float) -> None:
        """Insert rows ``first``..``end``-1; the first row's top margin is ``pad``."""
        plan = self.plan
        stop = plan.row_first[end] if end < len(plan.row_first) else len(plan.blocks)
        self.append_blocks(plan.row_first[first], stop, pad)

    def append_blocks(self, first: int, stop_block: int, pad: float | None) -> None:
        """Insert Qt blocks ``first``..``stop_block``-1 of the plan; ``pad`` is the top
        margin of ``first`` when it starts a row (None: it continues a long span)."""
        plan, cursor = self.plan, self.cursor
        position = plan.blocks[first].position
        text_start = plan.blocks[first].start
        if stop_block < len(plan.blocks):
            text = plan.text[text_start : plan.blocks[stop_block].start]
            stop = plan.blocks[stop_block].position
        else:
            text = plan.text[text_start:] + "\n"
            stop = 1 << 62
        cursor.beginEditBlock()
        cursor.insertText(text, self.plain)
        if pad is not None and abs(pad - self.gap) > 0.01:
            cursor.setPosition(position)
            fmt = QTextBlockFormat(self.base)
            fmt.setTopMargin(pad / self.scale)
            cursor.setBlockFormat(fmt)
        for number in range(first, stop_block):
            if plan.blocks[number].role == "bar":
                self._format_bar(plan.blocks[number].position)
            elif plan.blocks[number].continued:  # a later piece: no gap above it
                cursor.setPosition(plan.blocks[number].position)
                cursor.setBlockFormat(self.joined)
        highlights = plan.highlights
        i = self.next_highlight
        while i < len(highlights) and highlights[i].start < stop:
            h = highlights[i]
            cursor.setPosition(h.start)
            cursor.setPosition(h.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(self.formats[h.style])
            i += 1
        self.next_highlight = i
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.endEditBlock()

    def _format_bar(self, position: int) -> None:
        cursor = self.cursor
        cursor.setPosition(position)
        cursor.mergeBlockFormat(self.bar)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(self.bar_chars)

    def measure(self, first: int, end: int) -> tuple[list[float], list[float]]:
        """Tops and content heights of rows ``first``..``end``-1 (document pixels)."""
        plan, layout = self.plan, self.layout
        tops: list[float] = []
        heights: list[float] = []
        block = self.doc.findBlockByNumber(plan.row_first[first])
        number = plan.row_first[first]
        for row in range(first, end):
            rect = layout.blockBoundingRect(block)
            top = rect.top()
            last = plan.row_last[row]
            while number < last:
                block, number = block.next(), number + 1
                rect = layout.blockBoundingRect(block)
            tops.append(top)
            heights.append(rect.bottom() - top)
            block, number = block.next(), number + 1
        return tops, heights

    def finish(self, pad: float) -> None:
        """Give the trailing empty block the last row's padding (equal document heights)."""
        fmt = QTextBlockFormat(self.base)
        fmt.setTopMargin(pad / self.scale)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self.cursor.setBlockFormat(fmt)


def _margin_scale(doc: QTextDocument) -> float:
    """Qt scales block margins by the paint device's DPI over the default (screen) DPI."""
    device = doc.documentLayout().paintDevice()
    screen = QGuiApplication.primaryScreen()
    if device is None or screen is None or device.logicalDpiY() <= 0:
        return 1.0
    return device.logicalDpiY() / max(round(screen.logicalDotsPerInchY()), 1)


class ViewBuilder(QObject):
    """Fills both panes with a plan, slice by slice; reports progress.

    ``progressed`` carries the number of rows built so far; ``finished`` follows the
    last one. ``stop`` abandons a build (a newer plan or a re-wrap replaces it).
    """

    progressed = Signal(int)
    finished = Signal()  # every row of a full (not partial) plan is built

    def __init__(self, old_pane: DiffPane, new_pane: DiffPane, parent: QObject | None = None):
        super().__init__(parent)
        self.panes = (old_pane, new_pane)
        self.plan: ViewPlan | None = None
        self.fillers: tuple[PaneFiller, PaneFiller] | None = None
        self.built = 0
        self.pads = (0.0, 0.0)
        self.gap = 0.0
        self.longest_slice = 0.0  # seconds, for the benchmark
        self.next_blocks: list[int] | None = None  # a long row built piece by piece
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def busy(self) -> bool:
        """Whether rows remain to be built (or are still to come: a partial plan)."""
        return self.plan is not None and (self.built < len(self.plan.rows) or self.plan.partial)

    def extend(self, plan: ViewPlan) -> None:
        """Continue with the full plan whose first rows are the partial plan being built."""
        assert self.plan is not None and self.fillers is not None and self.plan.partial
        self.plan = plan
        old, new = self.fillers
        old.plan, new.plan = plan.old, plan.new
        self.panes[0].plan, self.panes[1].plan = plan.old, plan.new
        if not self._timer.isActive():
            self._timer.start()

    def start(
        self,
        plan: ViewPlan,
        formats: dict[str, QTextCharFormat],
        colours: Colours,
        gap: float,
        width: int,
    ) -> None:
        """Empty both panes and build ``plan`` into them at ``width`` (a first slice now)."""
        self._timer.stop()
        self.plan, self.gap, self.built = plan, gap, 0
        self.pads, self.longest_slice = (gap, gap), 0.0
        self.next_blocks = None
        old_pane, new_pane = self.panes
        comparison = plan.comparison
        old_pane.reset_geometry(plan.old, plan.old_index, comparison.old.text, gap)
        new_pane.reset_geometry(plan.new, plan.new_index, comparison.new.text, gap)
        self.fillers = (
            PaneFiller(old_pane, plan.old, formats, colours, gap, width),
            PaneFiller(new_pane, plan.new, formats, colours, gap, width),
        )
        self._slice()

    def stop(self) -> None:
        """Abandon the build (what is built stays shown)."""
        self._timer.stop()
        self.plan, self.fillers = None, None

    def run_to_end(self) -> None:
        """Build the remaining rows of the plan now (tests; small comparisons)."""
        while self.plan is not None and self.built < len(self.plan.rows):
            self._slice(budget=3600.0)

    def _on_timer_timeout(self) -> None:
        self._slice()

    def _slice(self, budget: float = SLICE_SECONDS) -> None:
        assert self.plan is not None and self.fillers is not None
        started = time.perf_counter()
        deadline = started + budget
        rows = len(self.plan.rows)
        height = max(pane.viewport().height() for pane in self.panes)
        first_screen = self.built == 0
        screen_deadline = started + FIRST_SCREEN_SECONDS
        while self.built < rows:
            self._step()
            tops = self.panes[1].tops
            now = time.perf_counter()
            filling = first_screen and tops and tops[-1] < height and now < screen_deadline
            if now > deadline and not filling:
                break
        done = self.built >= rows and not self.plan.partial
        if done:
            self.fillers[0].finish(self.pads[0])
            self.fillers[1].finish(self.pads[1])
        self.progressed.emit(self.built)
        self.longest_slice = max(self.longest_slice, time.perf_counter() - started)
        if self.built < rows:
            self._timer.start()
        elif done:
            self.finished.emit()

    def _step(self) -> None:
        """Build one run of twin rows, or one row measured in both panes."""
        assert self.plan is not None and self.fillers is not None
        plan, first = self.plan, self.built
        if self.next_blocks is not None or self._long(first):
            if self._step_pieces(first):
                self._measure(first, first + 1)
            return
        end = first + 1
        if plan.twins[first]:
            blocks, row_first = plan.new.blocks, plan.new.row_first
            limit, start = len(plan.rows), blocks[row_first[first]].start
            while (
                end < limit
                and plan.twins[end]
                and blocks[row_first[end]].start - start < RUN_CHARS
                and not self._long(end)
            ):
                end += 1
        old, new = self.fillers
        old.append(first, end, self.pads[0])
        new.append(first, end, self.pads[1])
        self._measure(first, end)

    def _long(self, row: int) -> bool:
        """Whether ``row`` holds more than one slice of text on a side."""
        assert self.plan is not None
        for pane in (self.plan.old, self.plan.new):
            start = pane.blocks[pane.row_first[row]].start
            end = (
                pane.blocks[pane.row_first[row + 1]].start
                if row + 1 < len(pane.row_first)
                else len(pane.text)
            )
            if end - start > RUN_CHARS:
                return True
        return False

    def _step_pieces(self, row: int) -> bool:
        """Insert the next slice of a long ``row``'s pieces on each side; True once the
        whole row is in both panes."""
        assert self.plan is not None and self.fillers is not None
        panes = (self.plan.old, self.plan.new)
        if self.next_blocks is None:
            self.next_blocks = [pane.row_first[row] for pane in panes]
        done = True
        for side, (pane, filler) in enumerate(zip(panes, self.fillers, strict=True)):
            first = self.next_blocks[side]
            stop = pane.row_first[row + 1] if row + 1 < len(pane.row_first) else len(pane.blocks)
            end, chars = first, 0
            while end < stop and chars < RUN_CHARS:
                after = pane.blocks[end + 1].start if end + 1 < len(pane.blocks) else len(pane.text)
                chars += after - pane.blocks[end].start
                end += 1
            if end > first:
                pad = self.pads[side] if first == pane.row_first[row] else None
                filler.append_blocks(first, end, pad)
            self.next_blocks[side] = end
            done = done and end >= stop
        if done:
            self.next_blocks = None
        return done

    def _measure(self, first: int, end: int) -> None:
        """Record the geometry of rows ``first``..``end``-1, now in both panes."""
        assert self.plan is not None and self.fillers is not None
        plan = self.plan
        old, new = self.fillers
        old_tops, old_heights = old.measure(first, end)
        if plan.twins[first]:
            new_tops, new_heights = old_tops, old_heights
        else:
            new_tops, new_heights = new.measure(first, end)
        for pane, tops, heights in (
            (self.panes[0], old_tops, old_heights),
            (self.panes[1], new_tops, new_heights),
        ):
            pane.tops.extend(tops)
            pane.heights.extend(heights)
            pane.tallest.extend(map(max, old_heights, new_heights))
        tallest = max(old_heights[-1], new_heights[-1])
        self.pads = (tallest - old_heights[-1] + self.gap, tallest - new_heights[-1] + self.gap)
        self.built = end
