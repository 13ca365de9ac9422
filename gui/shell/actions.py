"""The window's actions (menu items, toolbar buttons, shortcuts), built in one place."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QStyle, QWidget

SP = QStyle.StandardPixmap
AS_TEXT_TIP = "Read the selected files as text although they look binary or unsupported"
MINOR_TIP = "Leave changes of punctuation only out of the list and of next/previous"
FLAGGED_TIP = (
    "List and step through only the changes of figures, negations, names, attribution or "
    "quoted words"
)


@dataclass
class Actions:
    """Every action of the main window."""

    open_folder: QAction
    open_files: QAction
    recursive: QAction
    reload: QAction
    save_report: QAction
    quit: QAction
    compare: QAction
    compare_with: QAction
    compare_versions: QAction
    swap: QAction
    old_encoding: QAction
    new_encoding: QAction
    open_as_text: QAction
    next_change: QAction
    previous_change: QAction
    ignore_case: QAction
    show_trivial: QAction
    line_breaks: QAction
    only_changed: QAction
    hide_punctuation: QAction
    only_flagged: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    cancel: QAction


# Drawn toolbar glyphs: a mid blue reads on the light and the dark bar alike (the
# style's own arrows are black, lost on the dark bar).
GLYPH_COLOUR = "#3f7fd6"


def glyph_icon(kind: str, size: int = 32) -> QIcon:
    """An icon drawn in ``GLYPH_COLOUR``: ``up`` or ``down`` (a triangle), ``more`` (»),
    ``matrix`` (a heat map: three by three cells, darker on the diagonal)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(GLYPH_COLOUR)
    s = float(size)
    if kind == "matrix":
        cell = s * 0.26
        for row in range(3):
            for column in range(3):
                colour.setAlphaF(1.0 if row == column else 0.45)
                x, y = s * 0.1 + column * s * 0.28, s * 0.1 + row * s * 0.28
                painter.fillRect(QRectF(x, y, cell, cell), colour)
    elif kind == "more":
        pen = QPen(colour, s / 9)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        for x in (0.22, 0.52):
            points = [QPointF(s * x, s * 0.25), QPointF(s * (x + 0.22), s * 0.5)]
            points.append(QPointF(s * x, s * 0.75))
            painter.drawPolyline(points)
    else:
        tip, base = (0.22, 0.74) if kind == "up" else (0.78, 0.26)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(
            [QPointF(s * 0.5, s * tip), QPointF(s * 0.12, s * base), QPointF(s * 0.88, s * base)]
        )
    painter.end()
    return QIcon(pixmap)


def _action(
    parent: QWidget,
    text: str,
    keys: list[str] | None = None,
    icon: SP | QIcon | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, parent)
    if keys:
        action.setShortcuts([QKeySequence(k) for k in keys])
    if isinstance(icon, QIcon):
        action.setIcon(icon)
    elif icon is not None:
        action.setIcon(QApplication.style().standardIcon(icon))
    shortcut = f" ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setToolTip((tip or text.replace("&", "").rstrip(".\u2026")) + (shortcut if keys else ""))
    return action


def _toggle(parent: QWidget, text: str, checked: bool, tip: str) -> QAction:
    action = _action(parent, text, tip=tip)
    action.setCheckable(True)
    action.setChecked(checked)
    return action


def build_actions(parent: QWidget) -> Actions:
    """Create the actions (unconnected; the window connects them)."""
    return Actions(
        open_folder=_action(parent, "&Open Folder\u2026", ["Ctrl+O"], SP.SP_DirOpenIcon),
        open_files=_action(parent, "Open &Files\u2026", ["Ctrl+Shift+O"], SP.SP_FileIcon),
        recursive=_toggle(parent, "Include &Sub-folders", True, "List documents in sub-folders"),
        reload=_action(
            parent,
            "Refres&h",
            ["F5"],
            SP.SP_BrowserReload,
            "Read the folder and the documents compared again",
        ),
        save_report=_action(
            parent,
            "Save &Report\u2026",
            ["Ctrl+S"],
            SP.SP_DialogSaveButton,
            "Save the comparison as an HTML, PDF or JSON report",
        ),
        quit=_action(parent, "&Quit", ["Ctrl+Q"]),
        compare=_action(
            parent,
            "&Compare",
            ["Ctrl+Return"],
            SP.SP_DialogApplyButton,
            "Compare the two selected documents",
        ),
        compare_with=_action(parent, "Compare &With\u2026", ["Ctrl+Shift+Return"]),
        compare_versions=_action(
            parent,
            "Compare &Versions",
            ["Ctrl+Shift+N"],
            None,
            "Which sentences of one version three or more selected documents keep",
        ),
        swap=_action(parent, "&Swap Sides", ["Ctrl+Shift+X"], None, "Swap old and new"),
        old_encoding=_action(parent, "Reopen &Old With Encoding\u2026"),
        new_encoding=_action(parent, "Reopen &New With Encoding\u2026"),
        open_as_text=_action(parent, "Open as &Text Anyway", tip=AS_TEXT_TIP),
        next_change=_action(parent, "&Next Change", ["F7", "Alt+Down"], glyph_icon("down")),
        previous_change=_action(
            parent, "&Previous Change", ["Shift+F7", "Alt+Up"], glyph_icon("up")
        ),
        ignore_case=_toggle(parent, "Ignore &Case", True, "Case differences are trivial"),
        show_trivial=_toggle(
            parent, "Show &Trivial Differences", True, "Mark trivial differences, dimmed"
        ),
        only_changed=_toggle(
            parent, "Only C&hanged Sentences", False, "Collapse unchanged sentences to one line"
        ),
        line_breaks=_toggle(
            parent,
            "Show Original Line &Breaks",
            False,
            "Keep the documents' own line breaks (else hard-wrapped lines read as paragraphs)",
        ),
        hide_punctuation=_toggle(parent, "Hide P&unctuation-Only Changes", False, MINOR_TIP),
        only_flagged=_toggle(parent, "Show Only &Flagged Changes", False, FLAGGED_TIP),
        zoom_in=_action(parent, "&Larger Text", ["Ctrl++", "Ctrl+="]),
        zoom_out=_action(parent, "&Smaller Text", ["Ctrl+-"]),
        zoom_reset=_action(parent, "&Default Text Size", ["Ctrl+0"]),
        cancel=_action(parent, "Cancel", ["Escape"], SP.SP_DialogCancelButton, "Stop loading"),
    )


def icon_for(style: SP) -> QIcon:
    """A standard icon of the current style."""
    return QApplication.style().standardIcon(style)
