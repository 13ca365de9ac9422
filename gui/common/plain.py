"""Showing strings from documents and file names as plain text, everywhere.

Qt guesses rich text for labels, tooltips and message boxes when a string looks like
markup (``<b>x</b>.txt``). Tooltips cannot be told to be plain, so ``tooltip``
escapes the text inside a rich-text paragraph that shows it literally.
"""

from __future__ import annotations

import html

from core.text.names import printable_path


def tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally (markup escaped, newlines kept)."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


def shown_path(path: str) -> str:
    """A file name as one line of visible text (odd bytes and controls escaped)."""
    return printable_path(path)
