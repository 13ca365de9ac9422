"""Colours and text formats of the comparison, for light and dark palettes.

Colour is never the only cue: deleted text is struck through, inserted text is
underlined, trivial differences get a dotted underline, moved text a wavy one.
Each format carries its style name in ``STYLE_PROPERTY`` so tests (and hover code)
can read back what a range shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QBrush, QColor, QPalette, QTextCharFormat, QTextFormat

STYLE_PROPERTY = QTextFormat.Property.UserProperty + 1
STYLES = ("deleted", "inserted", "word_deleted", "word_inserted", "trivial", "moved")


@dataclass(frozen=True, slots=True)
class Colours:
    """The colours of one palette (light or dark)."""

    deleted: str
    word_deleted: str
    inserted: str
    word_inserted: str
    moved: str
    trivial_text: str
    placeholder: str
    bar: str
    bar_text: str
    current: str
    counterpart: str


LIGHT = Colours(
    deleted="#fbe3e3",
    word_deleted="#f2a7a7",
    inserted="#e0f4e0",
    word_inserted="#9fdb9f",
    moved="#dfe6fb",
    trivial_text="#7a7a7a",
    placeholder="#f3f3f3",
    bar="#ececec",
    bar_text="#555555",
    current="#f0c040",
    counterpart="#fff3b0",
)
DARK = Colours(
    deleted="#4a2a2c",
    word_deleted="#8a3a3e",
    inserted="#263f2a",
    word_inserted="#3d7a45",
    moved="#2c3557",
    trivial_text="#a0a0a0",
    placeholder="#2b2b2b",
    bar="#333333",
    bar_text="#bbbbbb",
    current="#c8a030",
    counterpart="#5a5020",
)


def colours_for(palette: QPalette) -> Colours:
    """Dark colours when the palette's base (text background) is dark."""
    return DARK if palette.color(QPalette.ColorRole.Base).lightness() < 128 else LIGHT


def dark_palette() -> QPalette:
    """A dark application palette (``redline open --dark``)."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2d2d2d"),
        (roles.WindowText, "#e6e6e6"),
        (roles.Base, "#1f1f1f"),
        (roles.AlternateBase, "#2a2a2a"),
        (roles.Text, "#e6e6e6"),
        (roles.Button, "#353535"),
        (roles.ButtonText, "#e6e6e6"),
        (roles.Highlight, "#3d6fb4"),
        (roles.HighlightedText, "#ffffff"),
        (roles.ToolTipBase, "#353535"),
        (roles.ToolTipText, "#e6e6e6"),
        (roles.PlaceholderText, "#8a8a8a"),
        (roles.Mid, "#444444"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def char_formats(colours: Colours) -> dict[str, QTextCharFormat]:
    """One character format per highlight style."""
    formats: dict[str, QTextCharFormat] = {}
    for style in STYLES:
        fmt = QTextCharFormat()
        fmt.setProperty(STYLE_PROPERTY, style)
        formats[style] = fmt
    formats["deleted"].setBackground(QBrush(QColor(colours.deleted)))
    formats["deleted"].setFontStrikeOut(True)
    formats["word_deleted"].setBackground(QBrush(QColor(colours.word_deleted)))
    formats["word_deleted"].setFontStrikeOut(True)
    formats["inserted"].setBackground(QBrush(QColor(colours.inserted)))
    formats["inserted"].setFontUnderline(True)
    formats["word_inserted"].setBackground(QBrush(QColor(colours.word_inserted)))
    formats["word_inserted"].setFontUnderline(True)
    formats["trivial"].setForeground(QBrush(QColor(colours.trivial_text)))
    formats["trivial"].setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    formats["moved"].setBackground(QBrush(QColor(colours.moved)))
    formats["moved"].setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    return formats


# Plain-language legend entries: style, label, the non-colour cue.
LEGEND = (
    ("deleted", "only in old", "struck through"),
    ("inserted", "only in new", "underlined"),
    ("word_deleted", "changed words (old)", "struck, darker"),
    ("word_inserted", "changed words (new)", "underlined, darker"),
    ("trivial", "trivial difference", "dimmed, dotted"),
    ("moved", "moved", "wavy underline"),
)
