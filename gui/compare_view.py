"""The comparison view: two aligned panes, link map, overview strip and legend.

Shows a ``CompareResult`` computed off the GUI thread: the panes insert their plans,
then every row is padded to the taller side so corresponding blocks start at the
same height, again after every re-wrap. Navigation, change selection and the
hover/click counterpart live here; scroll sync is delegated to ``ScrollSync``.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QGridLayout, QLabel, QTextEdit, QWidget

from core.model import Document
from gui.changes import Change
from gui.legend import Legend
from gui.link_map import Link, LinkMap
from gui.loading import CompareResult
from gui.overview import Mark, OverviewStrip
from gui.pane import DiffPane
from gui.plain import shown_path
from gui.scroll_sync import ScrollSync
from gui.styles import Colours, char_formats, colours_for

ROW_GAP = 0.45  # blank space between rows, in line heights


class CompareView(QWidget):
    """Both documents side by side, kept aligned and in sync."""

    current_change_changed = Signal(int)
    expand_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.old_pane, self.new_pane = DiffPane("old", self), DiffPane("new", self)
        self.old_pane.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.new_pane.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.link_map, self.overview, self.legend = LinkMap(self), OverviewStrip(self), Legend(self)
        self.old_title, self.new_title = QLabel(self), QLabel(self)
        for title in (self.old_title, self.new_title):
            title.setTextFormat(Qt.TextFormat.PlainText)
            title.setObjectName("pane_title")
        self._build_layout()
        self.sync = ScrollSync(self.old_pane, self.new_pane)
        self.result: CompareResult | None = None
        self.changes: tuple[Change, ...] = ()
        self.current = -1
        self._numbers: tuple[dict[int, int], dict[int, int]] = ({}, {})
        self._colours: Colours = colours_for(self.palette())
        self._formats: dict[str, QTextCharFormat] = char_formats(self._colours)
        self._align_timer = QTimer(self, singleShot=True, interval=0)
        self._align_timer.timeout.connect(self._on_align_timer_timeout)
        self._widths = (0, 0)
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
            pane.bar_clicked.connect(self._on_pane_bar_clicked)
        self.old_pane.position_hovered.connect(self._on_old_pane_position_hovered)
        self.new_pane.position_hovered.connect(self._on_new_pane_position_hovered)
        self.old_pane.position_clicked.connect(self._on_old_pane_position_clicked)
        self.new_pane.position_clicked.connect(self._on_new_pane_position_clicked)
        self.overview.jump_requested.connect(self._on_overview_jump_requested)

    # -- showing ------------------------------------------------------------------

    def show_result(self, result: CompareResult, keep_scroll: bool = False) -> None:
        """Show a laid-out comparison (on the GUI thread: insert, format, align)."""
        scroll = self.new_pane.verticalScrollBar().value()
        self.result, self.changes, self.current = result, result.changes, -1
        plan = result.plan
        self.sync.mapping = None
        self.old_pane.show_plan(plan.old, plan.old_index, self._formats, self._colours)
        self.new_pane.show_plan(plan.new, plan.new_index, self._formats, self._colours)
        self._numbers = (
            {b.block: n for n, b in enumerate(plan.old.blocks) if b.block >= 0},
            {b.block: n for n, b in enumerate(plan.new.blocks) if b.block >= 0},
        )
        self._set_titles(plan.comparison.old, plan.comparison.new)
        self.align()
        self.sync.mapping = result.mapping
        self.new_pane.verticalScrollBar().setValue(scroll if keep_scroll else 0)
        self.sync.follow(
            self.new_pane,
            self.old_pane,
            self.new_pane.verticalScrollBar().value(),
            result.mapping.new_to_old,
        )

    def _set_titles(self, old: Document, new: Document) -> None:
        for title, doc, side in ((self.old_title, old, "Old"), (self.new_title, new, "New")):
            name = shown_path(os.path.basename(doc.path) or doc.path)
            title.setText(f"{side}: {name}  ({doc.encoding})")
            title.setToolTip(shown_path(doc.path))

    def set_pane_font(self, point_size: int) -> None:
        """Change the panes' font size (0: the application default) and re-align."""
        for pane in (self.old_pane, self.new_pane):
            font = self.font()
            if point_size > 0:
                font.setPointSize(point_size)
            pane.setFont(font)
            pane.document().setDefaultFont(font)
        self._align_timer.start()

    def changeEvent(self, event: QEvent) -> None:
        """Follow the system's light or dark palette."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            colours = colours_for(self.palette())
            if colours != self._colours:
                self._colours, self._formats = colours, char_formats(colours)
                self.legend.apply_formats(self._formats)
                if self.result is not None:
                    self.show_result(self.result, keep_scroll=True)

    # -- alignment ----------------------------------------------------------------

    def align(self) -> None:
        """Pad every row so both sides have the same height (after any re-wrap)."""
        if self.result is None:
            return
        old_heights = self.old_pane.natural_row_heights()
        new_heights = self.new_pane.natural_row_heights()
        gap = round(self.old_pane.fontMetrics().height() * ROW_GAP)
        tallest = [max(a, b) for a, b in zip(old_heights, new_heights, strict=True)]
        self.old_pane.set_row_paddings(
            [t - a + gap for t, a in zip(tallest, old_heights, strict=True)], gap
        )
        self.new_pane.set_row_paddings(
            [t - b + gap for t, b in zip(tallest, new_heights, strict=True)], gap
        )
        self._widths = (self.old_pane.viewport().width(), self.new_pane.viewport().width())
        self._update_decorations()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.result is not None:
            widths = (self.old_pane.viewport().width(), self.new_pane.viewport().width())
            if widths != self._widths:
                self._align_timer.start()
        return super().eventFilter(watched, event)

    def _on_align_timer_timeout(self) -> None:
        self.align()

    def _update_decorations(self) -> None:
        links, marks = [], []
        for i, change in enumerate(self.changes):
            old_top, old_bottom = self._extent(self.old_pane, 0, change, change.old_row)
            new_top, new_bottom = self._extent(self.new_pane, 1, change, change.new_row)
            links.append(
                Link(change.kind, old_top, old_bottom, new_top, new_bottom, i == self.current)
            )
            row_top = min(old_top, new_top) if change.kind != "moved" else new_top
            marks.append(
                Mark(
                    change.kind,
                    row_top,
                    max(old_bottom, new_bottom) if change.kind != "moved" else new_bottom,
                )
            )
        self.link_map.set_links(links, self._colours)
        self.overview.set_marks(marks, self.new_pane.document().size().height(), self._colours)
        self._on_pane_scrolled()

    def _extent(self, pane: DiffPane, side: int, change: Change, row: int) -> tuple[float, float]:
        number = self._numbers[side].get(change.block)
        if number is not None:
            return pane.block_extent(number)
        if row < 0:
            row = change.row
        top = pane.row_tops()[row] if row < len(pane.row_tops()) else 0.0
        return top, top

    def _on_pane_scrolled(self) -> None:
        old_value = self.old_pane.verticalScrollBar().value()
        new_value = self.new_pane.verticalScrollBar().value()
        self.link_map.set_scroll(old_value, new_value)
        self.overview.set_view(new_value, self.new_pane.viewport().height())

    # -- navigation ----------------------------------------------------------------

    def go_to_change(self, index: int) -> None:
        """Scroll both panes to change ``index`` and select both of its sides."""
        if not 0 <= index < len(self.changes):
            return
        change = self.changes[index]
        self.current = index
        third = self.new_pane.viewport().height() // 4
        if change.new_row >= 0:
            self._scroll_to(self.new_pane, change.new_row, third)
        if change.kind == "moved" or change.new_row < 0:
            self._scroll_to(self.old_pane, change.old_row, third, follow=change.new_row < 0)
        self._select_block(self.old_pane, 0, change.block)
        self._select_block(self.new_pane, 1, change.block)
        self._update_decorations()
        self.current_change_changed.emit(index)

    def _scroll_to(self, pane: DiffPane, row: int, margin: int, follow: bool = True) -> None:
        y = round(pane.row_tops()[row]) - margin
        if follow:
            pane.verticalScrollBar().setValue(max(y, 0))
        else:
            self.sync.mapping, mapping = None, self.sync.mapping
            pane.verticalScrollBar().setValue(max(y, 0))
            self.sync.mapping = mapping

    def _select_block(self, pane: DiffPane, side: int, block: int) -> None:
        number = self._numbers[side].get(block)
        cursor = QTextCursor(pane.document())
        if number is not None:
            qt_block = pane.document().findBlockByNumber(number)
            cursor.setPosition(qt_block.position())
            cursor.setPosition(
                qt_block.position() + qt_block.length() - 1, QTextCursor.MoveMode.KeepAnchor
            )
        pane.setTextCursor(cursor)

    def next_change(self) -> None:
        """Go to the change after the current one (or the first below the top)."""
        self.go_to_change(self._neighbour(+1))

    def previous_change(self) -> None:
        """Go to the change before the current one."""
        self.go_to_change(self._neighbour(-1))

    def _neighbour(self, step: int) -> int:
        if not self.changes:
            return -1
        if self.current >= 0:
            return min(max(self.current + step, 0), len(self.changes) - 1)
        return 0 if step > 0 else len(self.changes) - 1

    # -- hover and click -------------------------------------------------------------

    def _on_old_pane_position_hovered(self, position: int) -> None:
        self._show_counterpart(self.old_pane, self.new_pane, "old", position)

    def _on_new_pane_position_hovered(self, position: int) -> None:
        self._show_counterpart(self.new_pane, self.old_pane, "new", position)

    def _on_old_pane_position_clicked(self, position: int) -> None:
        self._select_counterpart(self.old_pane, self.new_pane, "old", position)

    def _on_new_pane_position_clicked(self, position: int) -> None:
        self._select_counterpart(self.new_pane, self.old_pane, "new", position)

    def counterpart(
        self, source: DiffPane, side: str, position: int
    ) -> tuple[int, int, int] | None:
        """(block, start, end) in the other document for pane ``position``, if any."""
        pane_block = source.pane_block_at(position) if position >= 0 else None
        offset = source.offset_at(position) if pane_block is not None else None
        if pane_block is None or offset is None or self.result is None:
            return None
        block = self.result.comparison.blocks[pane_block.block]
        for op in block.ops:
            here, there = (op.old, op.new) if side == "old" else (op.new, op.old)
            if op.op == "equal" and here and there and here[0] <= offset < here[1]:
                return pane_block.block, there[0], there[1]
        other = block.new if side == "old" else block.old
        return (pane_block.block, other[0], other[1]) if other else None

    def _counterpart_cursor(
        self, source: DiffPane, target: DiffPane, side: str, position: int
    ) -> QTextCursor | None:
        found = self.counterpart(source, side, position)
        number = self._numbers[1 if side == "old" else 0].get(found[0]) if found else None
        if found is None or number is None:
            return None
        cursor = QTextCursor(target.document())
        cursor.setPosition(target.position_of(number, found[1]))
        cursor.setPosition(target.position_of(number, found[2]), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _show_counterpart(
        self, source: DiffPane, target: DiffPane, side: str, position: int
    ) -> None:
        cursor = self._counterpart_cursor(source, target, side, position)
        selections = []
        if cursor is not None:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor  # type: ignore[attr-defined]
            selection.format.setBackground(QColor(self._colours.counterpart))  # type: ignore[attr-defined]
            selection.format.setProperty(
                QTextCharFormat.Property.OutlinePen, QColor(self._colours.current)
            )  # type: ignore[attr-defined]
            selections.append(selection)
        target.setExtraSelections(selections)
        source.setExtraSelections([])

    def _select_counterpart(
        self, source: DiffPane, target: DiffPane, side: str, position: int
    ) -> None:
        cursor = self._counterpart_cursor(source, target, side, position)
        if cursor is not None:
            target.setTextCursor(cursor)
            target.ensureCursorVisible()
        pane_block = source.pane_block_at(position)
        if pane_block is not None:
            for i, change in enumerate(self.changes):
                if change.block == pane_block.block:
                    self.current = i
                    self._update_decorations()
                    self.current_change_changed.emit(i)
                    break

    def _on_pane_bar_clicked(self, row: int) -> None:
        if self.result is not None:
            self.expand_requested.emit(self.result.plan.rows[row].group)

    def _on_overview_jump_requested(self, y: float) -> None:
        self.new_pane.verticalScrollBar().setValue(round(y - self.new_pane.viewport().height() / 2))
