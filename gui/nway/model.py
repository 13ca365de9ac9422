"""The N-way grid as a table model: one row per base sentence, one column per version,
then the sentence itself.

A cell shows its status as a symbol (``=`` ``~`` ``*`` ``·``) on a coloured
background, so colour is never the only cue; its tooltip is that version's wording
and, for an edited sentence, the base words it drops. A version's column header
shows the pair's similarity (``core.figures``), the same figure as the status line
and the reports. The view asks only for the rows it paints, so a 1 MB base (ten
thousand rows) costs nothing until scrolled to. Long sentences are cut for display
(the tooltip and the detail pane show them whole).
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette

from core.figures import percent_text, similarity_text
from core.nway.grid import NWay, Status
from core.report.nway import (
    EXPLAINED,
    MEANINGS,
    SYMBOLS,
    dropped_text,
    flat,
    status_counts,
    version_label,
    wording,
)
from gui.common.plain import shown_path, tooltip
from gui.common.table_model import AnyIndex

SHOWN_CHARS = 400  # of a sentence, in its row
TIP_CHARS = 1500
LIGHT: dict[Status, tuple[str, str]] = {
    "kept": ("#cfeecf", "#14501a"),
    "edited": ("#ffe3a0", "#6a4a00"),
    "reworded": ("#e4d8f6", "#4a2a7a"),
    "missing": ("#f8c9c6", "#8a1c14"),
}
DARK: dict[Status, tuple[str, str]] = {
    "kept": ("#28492c", "#c8f0c8"),
    "edited": ("#5a4a1c", "#ffe6a8"),
    "reworded": ("#3e2f5a", "#e6dcff"),
    "missing": ("#5a2a2c", "#ffd0cc"),
}


def cut(text: str, limit: int) -> str:
    """``text`` with whitespace collapsed, cut to ``limit`` characters."""
    line = flat(text[: limit * 4])
    return line if len(line) <= limit else line[: limit - 1] + "\u2026"


NAME_CHARS = 14  # a version column's label (the whole path is in its tooltip)
LINE_NAME_CHARS = 40  # a version's name in a line of text (summary, detail, tooltips)


class NWayModel(QAbstractTableModel):
    """Rows of base sentences; columns: the versions (cells), then the sentence."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.nway: NWay | None = None
        self.colours = LIGHT
        self._bold = QFont()
        self._bold.setBold(True)

    def set_nway(self, nway: NWay | None) -> None:
        """Show ``nway`` (None: nothing)."""
        self.beginResetModel()
        self.nway = nway
        self.endResetModel()

    def set_palette(self, palette: QPalette) -> None:
        """Dark cell colours on a dark palette."""
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        self.colours = DARK if dark else LIGHT

    @property
    def version_count(self) -> int:
        """How many version columns there are."""
        return len(self.nway.versions) if self.nway else 0

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.nway is None else len(self.nway.sentences)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.nway is None else self.version_count + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if self.nway is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if section >= self.version_count:
            return "Base sentence" if role == Qt.ItemDataRole.DisplayRole else None
        version = self.nway.versions[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{version_name(self.nway, section)}\n{similarity_text(version.similarity)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(version_tip(self.nway, section))
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        nway = self.nway
        if nway is None or not index.isValid() or index.row() >= len(nway.sentences):
            return None
        row, column = index.row(), index.column()
        if column >= self.version_count:
            return self._sentence_data(row, role)
        status = nway.sentences[row].cells[column].status
        if role == Qt.ItemDataRole.DisplayRole:
            return SYMBOLS[status]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(cell_tip(nway, column, row))
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(self.colours[status][0]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(self.colours[status][1]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{version_name(self.nway, column, LINE_NAME_CHARS)}: {MEANINGS[status]}"
        return None

    def _sentence_data(self, row: int, role: int) -> Any:
        assert self.nway is not None
        s, e = self.nway.sentences[row].base
        if role == Qt.ItemDataRole.DisplayRole:
            return cut(self.nway.base.text[s:e], SHOWN_CHARS)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(cut(self.nway.base.text[s:e], TIP_CHARS))
        return None


def version_name(nway: NWay, version: int, limit: int = NAME_CHARS) -> str:
    """A version's column label: its file name without the extension, shortened in
    the middle to ``limit`` characters."""
    stem = os.path.splitext(os.path.basename(nway.versions[version].document.path))[0]
    name = shown_path(stem) or version_label(version)
    if len(name) <= limit:
        return name
    half = (limit - 1) // 2
    return name[:half] + "\u2026" + name[len(name) - (limit - 1 - half) :]


def version_tip(nway: NWay, version: int) -> str:
    """A version's path and summary, in plain words."""
    v = nway.versions[version]
    return (
        f"{shown_path(v.document.path)}\n"
        f"similarity {similarity_text(v.similarity)}, keeps {percent_text(v.kept_share)} of the "
        f"base's words, adds {v.added_words:,} words\n"
        f"sentences: {status_counts(v)}"
    )


def cell_tip(nway: NWay, version: int, row: int) -> str:
    """The tooltip of a cell: the version, the status, that version's wording and the
    base words it drops (for an edited sentence)."""
    status = nway.sentences[row].cells[version].status
    said = wording(nway, version, row)
    name = version_name(nway, version, LINE_NAME_CHARS)
    text = cut(said, TIP_CHARS) if said else "(nothing in its place)"
    lines = [
        f"{name}: {MEANINGS[status]} ({EXPLAINED[status]})",
        f"{name} says: {text}" if said else text,
    ]
    gone = dropped_text(nway, version, row)
    if gone and status == "edited":  # reworded: most of the sentence; missing: all
        lines.append(f"drops: {cut(gone, TIP_CHARS)}")
    lines.append("Click to compare")
    return "\n".join(lines)
