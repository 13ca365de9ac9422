"""The comparison view: two aligned panes, link map, overview strip and legend.

Shows a ``CompareResult`` computed off the GUI thread. ``ViewBuilder`` fills both
panes row by row in short slices (each row laid out once, padded so corresponding
rows start at the same height); the link map and overview strip grow with it, and
the first screen shows as soon as it is built. Both panes wrap at the same width;
when the panes are resized the view is rebuilt at the new width, keeping the row at
the top. Navigation lives here; scroll sync is ``ScrollSync``, hover and click
``Counterparts``.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QGridLayout, QStyle, QWidget

from core.model import Comparison, Document
from gui.common.elided import ElidedLabel
from gui.common.plain import shown_path
from gui.common.styles import Colours, char_formats, colours_for
from gui.compare.changes import Change
from gui.compare.counterpart import Counterparts, counterpart
from gui.compare.decorations import Decorations, is_built
from gui.compare.legend import Legend
from gui.compare.link_map import LinkMap
from gui.compare.navigation import neighbour, show_change
from gui.compare.overview import OverviewStrip
from gui.compare.pane import DiffPane, prose_font
from gui.compare.result import CompareResult
from gui.compare.scroll_sync import ScrollSync
from gui.compare.view_builder import ViewBuilder

ROW_GAP = 0.45  # blank space between rows, in line heights
REWRAP_MS = 120  # resizing settles before the panes are rebuilt at the new width
DECORATE_SECONDS = 0.3  # while building, the link map and overview repaint this often
LOW_CONFIDENCE = 0.5  # below this, the header warns that the encoding is a guess


def reading_warning(doc: Document, forced: bool) -> str:
    """Why the text shown may not be what the file says ("" when it is read cleanly)."""
    parts = []
    if not doc.text.strip():
        parts.append("empty: the file holds no text")  # (all of the other side "cut")
    if forced:
        parts.append("not a text file, read as text anyway")
    if doc.decode_warning is not None:
        count = doc.decode_warning.count
        parts.append(f"{count:,} undecodable byte{'s' if count != 1 else ''} replaced")
    if doc.confidence < LOW_CONFIDENCE:
        parts.append(f"encoding guessed ({doc.confidence:.0%} sure)")
    return "; ".join(parts)


class CompareView(QWidget):
    """Both documents side by side, kept aligned and in sync."""

    current_change_changed = Signal(int)
    no_change_beyond = Signal(int)  # +1: none after the current change, -1: none before
    expand_requested = Signal(int)
    first_screen_shown = Signal()
    build_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.old_pane, self.new_pane = DiffPane("old", self), DiffPane("new", self)
        self.old_pane.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.new_pane.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        bar = self.new_pane.verticalScrollBar()
        self.old_pane.place_margin(bar.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent))
        self.link_map, self.overview, self.legend = LinkMap(self), OverviewStrip(self), Legend(self)
        self.old_title, self.new_title = ElidedLabel(self), ElidedLabel(self)
        for title in (self.old_title, self.new_title):
            title.setObjectName("pane_title")
        self._build_layout()
        self.sync = ScrollSync(self.old_pane, self.new_pane)
        self.builder = ViewBuilder(self.old_pane, self.new_pane, self)
        self.counterparts = Counterparts(
            self.old_pane,
            self.new_pane,
            self._shown_comparison,
            lambda: self.colours,
            self.make_current,
            self,
        )
        self.decorations = Decorations((self.old_pane, self.new_pane), self.link_map, self.overview)
        self.result: CompareResult | None = None
        self.changes: tuple[Change, ...] = ()
        self.current = -1
        self.hide_minor = False
        self.only_flagged = False
        self.colours: Colours = colours_for(self.palette())
        self._formats: dict[str, QTextCharFormat] = char_formats(self.colours)
        self._rewrap_timer = QTimer(self, singleShot=True, interval=REWRAP_MS)
        self._rewrap_timer.timeout.connect(self._on_rewrap_timer_timeout)
        self._pending = -1
        self._restore: tuple[int, float] | None = None
        # The row on top when the font changed, until the panes are rebuilt at it.
        self._anchor: tuple[int, float] | None = None
        self._screen_shown = False
        self._decorated = 0.0  # time.monotonic() of the last push to the widgets
        self._connect()
        self.legend.apply_formats(self._formats)

    def _build_layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(0)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.legend, 0, 0, 1, 4)
        grid.addWidget(self.old_title, 1, 0)
        grid.addWidget(self.new_title, 1, 2, 1, 2)
        grid.addWidget(self.old_pane, 2, 0)
        grid.addWidget(self.link_map, 2, 1)
        grid.addWidget(self.new_pane, 2, 2)
        grid.addWidget(self.overview, 2, 3)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)

    def _connect(self) -> None:
        for pane in (self.old_pane, self.new_pane):
            pane.viewport().installEventFilter(self)
            pane.verticalScrollBar().valueChanged.connect(self._on_pane_scrolled)
            # (the user's own scrolling: wheel, keys, the bar; not ``setValue``)
            pane.verticalScrollBar().actionTriggered.connect(self._on_pane_scrolled_by_user)
            pane.bar_clicked.connect(self._on_pane_bar_clicked)
        self.overview.jump_requested.connect(self._on_overview_jump_requested)
        self.builder.progressed.connect(self._on_builder_progressed)
        self.builder.finished.connect(self._on_builder_finished)

    # -- showing ------------------------------------------------------------------

    def show_result(self, result: CompareResult, keep_scroll: bool = False) -> None:
        """Show a laid-out comparison; the panes fill in slices (see ``ViewBuilder``).

        The full result that follows a preview continues the build of the preview; the
        result with its flags that follows the same plan changes nothing shown.
        """
        shown = self.result
        if shown is not None and shown.plan is result.plan:  # only the flags are new
            self.result = result
            return
        if (
            shown is not None
            and shown.plan.partial
            and shown.request is result.request
            and self.builder.plan is shown.plan
        ):
            self.result, self.changes = result, result.changes
            self.decorations.reset(result.changes, self.current)
            self.builder.extend(result.plan)
            return
        top = self.new_pane.verticalScrollBar().value()
        self.result, self.changes, self.current = result, result.changes, -1
        self._anchor = None  # (a row of the plan shown before)
        for pane in (self.old_pane, self.new_pane):
            pane.set_current(-1, self.colours.current)
        self._set_titles(result)
        self._rebuild((0, float(top)) if keep_scroll else None)

    def clear(self) -> None:
        """Show nothing (another folder was opened: the pair shown is not in it)."""
        self.builder.stop()
        self._rewrap_timer.stop()
        self._anchor = None
        self.sync.mapping = None
        self.result, self.changes, self.current, self._pending = None, (), -1, -1
        for pane in (self.old_pane, self.new_pane):
            pane.plan = None
            pane.tops, pane.heights, pane.tallest = [], [], []
            pane.set_current(-1, self.colours.current)
            pane.new_document(pane.lineWrapColumnOrWidth())
            pane.margin.update()  # its marks were the last pair's
        for title in (self.old_title, self.new_title):
            title.setText("")
            title.setToolTip("")
        self.decorations.reset((), -1)
        self.decorations.push(self.colours, 0.0)

    def _rebuild(self, restore: tuple[int, float] | None, now: bool = False) -> None:
        """Build the panes again (new result, width, font or colours)."""
        if self.result is None:
            return
        self.sync.mapping = None
        self.decorations.reset(self.changes, self.current)
        self._pending = -1
        self._restore, self._screen_shown = restore, False
        gap = round(self.old_pane.fontMetrics().height() * ROW_GAP)
        for pane in (self.old_pane, self.new_pane):
            pane.margin.set_colours(self.colours)
        self.builder.start(self.result.plan, self._formats, self.colours, gap, self._width())
        if now:
            self.builder.run_to_end()

    def _width(self) -> int:
        return max(min(self.old_pane.viewport().width(), self.new_pane.viewport().width()), 50)

    def _set_titles(self, result: CompareResult) -> None:
        old, new = result.comparison.old, result.comparison.new
        as_text = (result.request.old_as_text, result.request.new_as_text)
        for title, doc, side, forced in (
            (self.old_title, old, "Old", as_text[0]),
            (self.new_title, new, "New", as_text[1]),
        ):
            name = shown_path(os.path.basename(doc.path) or doc.path)
            warning = reading_warning(doc, forced)
            title.setText(
                f"{side}: {name}  ({doc.encoding})" + (f"  \u26a0 {warning}" if warning else "")
            )
            title.setToolTip(shown_path(doc.path) + (f"\n\u26a0 {warning}" if warning else ""))
            title.setProperty("warning", bool(warning))
            title.setStyleSheet("QLabel { color: #c0392b; font-weight: bold; }" if warning else "")

    def set_pane_font(self, point_size: int) -> None:
        """Change the panes' font size (0: the application default) and rebuild, back at
        the row on top now: the old rows, laid out again in the new font (a long
        document a piece at a time, its scroll range shrinking under the bar), no longer
        show it by the time the panes are rebuilt."""
        if self._anchor is None:  # (else a zoom a moment ago: its row still counts)
            self._anchor = self._restore if self._restore is not None else self._top_row()
        for pane in (self.old_pane, self.new_pane):
            font = self.font()
            if point_size > 0:
                font.setPointSize(point_size)
            pane.setFont(font)
            pane.document().setDefaultFont(prose_font(font))
        self._rewrap_timer.start()

    def changeEvent(self, event: QEvent) -> None:
        """Follow the system's light or dark palette."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            colours = colours_for(self.palette())
            if colours != self.colours:
                self.colours, self._formats = colours, char_formats(colours)
                self.legend.apply_formats(self._formats)
                if self.result is not None:
                    self._rebuild(self._top_row())

    def align(self) -> None:
        """Rebuild at the current width now, to the end (tests; small comparisons)."""
        self._rebuild(self._top_row(), now=True)

    def finish(self) -> None:
        """Build what is left of the panes now."""
        self.builder.run_to_end()

    def _top_row(self) -> tuple[int, float] | None:
        if self.result is None or not self.new_pane.tops:
            return None
        y = self.new_pane.verticalScrollBar().value()
        row = self.new_pane.row_at(y)
        return row, y - self.new_pane.tops[row]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Resize
            and self.result is not None
            and self._width() != self.old_pane.lineWrapColumnOrWidth()
        ):
            self._rewrap_timer.start()
        return super().eventFilter(watched, event)

    def _on_rewrap_timer_timeout(self) -> None:
        anchor, self._anchor = self._anchor, None
        self._rebuild(anchor if anchor is not None else self._top_row())

    # -- building progress ----------------------------------------------------------

    def _on_builder_progressed(self, built: int) -> None:
        assert self.result is not None
        self._decorate(built)
        self._restore_scroll(built)
        if self._pending >= 0 and is_built(self.changes[self._pending], built):
            self.go_to_change(self._pending)
        bottom = self.new_pane.verticalScrollBar().value() + self.new_pane.viewport().height()
        if not self._screen_shown and (
            self.new_pane.built_height() >= bottom or not self.builder.busy
        ):
            self._screen_shown = True
            self.first_screen_shown.emit()
        if self._screen_shown and self.sync.mapping is None and self.result.mapping is not None:
            self.sync.mapping = self.result.mapping
            bar = self.new_pane.verticalScrollBar()
            self.sync.follow(self.new_pane, self.old_pane, bar.value())
        self._on_pane_scrolled()

    def _restore_scroll(self, built: int) -> None:
        """Scroll back to the row shown before a rebuild, once it is built."""
        if self._restore is None or self._restore[0] >= built:
            return
        row, offset = self._restore
        y = self.new_pane.tops[row] + offset
        if (
            self.builder.busy
            and self.new_pane.built_height() < y + self.new_pane.viewport().height()
        ):
            return
        self._restore = None
        self.new_pane.verticalScrollBar().setValue(round(y))

    def _on_builder_finished(self) -> None:
        self._decorate(len(self.result.plan.rows) if self.result else 0)
        self.build_finished.emit()

    # -- decorations ------------------------------------------------------------------

    def _decorate(self, built: int) -> None:
        """Add the links and overview marks of the changes built by now; while the
        rest is being built, the widgets repaint them at most every ``DECORATE_SECONDS``
        (the overview strip paints all its marks again each time)."""
        self.decorations.add_built(built)
        now = time.monotonic()
        if self.builder.busy and self._screen_shown and now - self._decorated < DECORATE_SECONDS:
            return
        self._decorated = now
        self.decorations.push(self.colours, self._estimated_height(built))

    def _estimated_height(self, built: int) -> float:
        """The new pane's full height; while building, extrapolated from the built part."""
        pane = self.new_pane
        if self.result is None or not self.builder.busy:
            return pane.document().size().height()
        plan = self.result.plan.new
        done = plan.blocks[plan.row_first[built]].start if built < len(plan.row_first) else 1
        return pane.built_height() * max(len(plan.text), 1) / max(done, 1)

    def _on_pane_scrolled_by_user(self, _action: int) -> None:
        # Scrolled during a rebuild: no jump back to the row shown before it.
        self._restore = None

    def _on_pane_scrolled(self) -> None:
        self.old_pane.margin.update()
        self.new_pane.margin.update()
        old_value = self.old_pane.verticalScrollBar().value()
        new_value = self.new_pane.verticalScrollBar().value()
        self.link_map.set_scroll(old_value, new_value)
        self.overview.set_view(new_value, self.new_pane.viewport().height())

    # -- navigation ----------------------------------------------------------------

    def go_to_change(self, index: int) -> None:
        """Scroll both panes to change ``index`` and select both of its sides."""
        if not 0 <= index < len(self.changes):
            return
        # Going to a change during a rebuild: no jump back to the row shown before it.
        self._restore = None
        change = self.changes[index]
        if not is_built(change, len(self.new_pane.tops)):
            self._pending = index  # shown once the builder gets there
            return
        self._pending = -1
        self._set_current(index)
        show_change(change, self.old_pane, self.new_pane, self.sync)
        self.current_change_changed.emit(index)

    def make_current(self, block: int) -> None:
        """Make the change of comparison block ``block`` the current one, if any."""
        for i, change in enumerate(self.changes):
            if change.block == block:
                self._set_current(i)
                self.current_change_changed.emit(i)
                break

    def _set_current(self, index: int) -> None:
        self.current = index
        block = self.changes[index].block if 0 <= index < len(self.changes) else -1
        for pane in (self.old_pane, self.new_pane):
            pane.set_current(block, self.colours.current)
        self.decorations.set_current(index)
        self.link_map.update()

    def next_change(self) -> None:
        """Go to the change after the current one (or the first)."""
        self._step(+1)

    def previous_change(self) -> None:
        """Go to the change before the current one."""
        self._step(-1)

    def _step(self, step: int) -> None:
        target = neighbour(
            self.changes, self.current, step, self.hide_minor, self._flagged_blocks()
        )
        at_end = target >= 0 and target == self.current
        self.go_to_change(target)
        if at_end:
            self.no_change_beyond.emit(step)  # (at the last one: said, not a silent key)

    def set_only_flagged(self, only: bool) -> None:
        """Step only through the changes holding a risky-edit flag (as the change list
        then shows only them); the others stay highlighted."""
        self.only_flagged = only

    def _flagged_blocks(self) -> frozenset[int] | None:
        if not self.only_flagged or self.result is None:
            return None
        return frozenset(flag.block for flag in self.result.flags)

    def set_hide_minor(self, hide: bool) -> None:
        """Skip punctuation-only changes in next/previous (they stay highlighted)."""
        self.hide_minor = hide

    def counterpart(self, source: DiffPane, side: str, position: int):  # type: ignore[no-untyped-def]
        """(block, start, end) in the other document for pane ``position``, if any."""
        return counterpart(self._shown_comparison(), source, side, position)

    def _shown_comparison(self) -> Comparison | None:
        return self.result.comparison if self.result is not None else None

    def _on_pane_bar_clicked(self, row: int) -> None:
        if self.result is not None:
            self.expand_requested.emit(self.result.plan.rows[row].group)

    def _on_overview_jump_requested(self, y: float) -> None:
        self._restore = None  # (as a scroll of the user's own)
        self.new_pane.verticalScrollBar().setValue(round(y - self.new_pane.viewport().height() / 2))
