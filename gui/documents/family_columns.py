"""The story-family columns of the document list: Family, Closest, Similarity.

The Family column shows the family's number, ★ before it on the likely original,
on a pale colour of its own (sorted by family, the members form a band); documents
alone leave it empty and sort after every family. Shared by the flat list and the
family tree.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtGui import QColor

from core import figures
from gui.common.plain import shown_path
from gui.documents.family_index import ORIGINAL_TIP, DocFamily

FAMILY_COLUMNS = ("Family", "Closest", "Similarity")
STAR = "\u2605"
_GOLDEN = 0.618033988749895
# A family member this dissimilar to its closest match was joined by its key words.
REWRITTEN_BELOW = 0.25


def family_colour(family: int) -> QColor:
    """A pale colour of its own for each family (hues spread by the golden ratio)."""
    return QColor.fromHsvF((family * _GOLDEN) % 1.0, 0.28, 0.98)


def family_text(info: DocFamily | None) -> str:
    """``★ 3`` for the likely original of family 3, ``3`` for another member."""
    if info is None or info.family is None:
        return ""
    return f"{STAR} {info.number}" if info.original else str(info.number)


def closest_text(info: DocFamily | None) -> str:
    """The closest document's file name."""
    if info is None or info.closest_name is None:
        return ""
    return shown_path(os.path.basename(info.closest_name) or info.closest_name)


def similarity_text(info: DocFamily | None) -> str:
    """The similarity with the closest document, ``≈71%``: estimated by the folder
    scan (``core.figures``; the pair's comparison gives the exact figure)."""
    if info is None or info.similarity is None:
        return ""
    return figures.similarity_text(info.similarity, estimate=True)


def display(info: DocFamily | None, column: int) -> str:
    """The text of family column ``column`` (0: Family, 1: Closest, 2: Similarity)."""
    return (family_text, closest_text, similarity_text)[column](info)


def sort_key(info: DocFamily | None, column: int, name: str) -> Any:
    """Sort key: by family, members together (original first), documents alone last."""
    if column == 0:
        if info is None or info.family is None:
            return (1, 0, True, name)
        return (0, info.family, not info.original, name)
    if column == 1:
        return (info is None or info.closest_name is None, closest_text(info).lower(), name)
    similarity = info.similarity if info is not None else None
    return (similarity is None, similarity or 0.0, name)


def tip(info: DocFamily | None, column: int) -> str | None:
    """The tooltip of a family cell, or None to use the row's."""
    if info is None:
        return None
    if column == 0 and info.family is not None:
        head = f"Story family {info.number}: {info.size} versions"
        return f"{head}\n{ORIGINAL_TIP}" if info.original else head
    if column in (1, 2) and info.closest_name is not None:
        text = f"Closest: {shown_path(info.closest_name)}\nSimilarity: {similarity_text(info)}"
        if info.family is not None and (info.similarity or 0.0) < REWRITTEN_BELOW:
            text += "\nIn its family by shared names, figures and key words (rewritten)"
        return text
    return None


def background(info: DocFamily | None, column: int) -> QColor | None:
    """The family's colour behind its Family cell."""
    if column == 0 and info is not None and info.family is not None:
        return family_colour(info.family)
    return None
