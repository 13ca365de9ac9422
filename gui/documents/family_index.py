"""Which story family each listed document belongs to, as plain data (no Qt).

``index_scan`` turns ``core.families.scan.ScanResult`` into what the document list and the
family tree need, keyed by absolute path as the list is: each document's family,
whether it is the likely original, its closest match and their similarity, and each
family's headline (its likely original's first words).
``base_for`` picks the base of *Compare Versions* (the family's likely original).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from core.errors import RedlineError
from core.families.scan import ScanResult
from core.text.document import load_document
from gui.common.utf16 import display_text

# A document alone whose closest match is under this (0.00 as shown) has none.
NOTHING_SHARED = 0.005
ORIGINAL_TIP = (
    "Likely original: of its family, the version that holds the most of what the other versions say"
)


HEADLINE_CHARS = 60  # a family node shows its story by this much of its first line


@dataclass(frozen=True, slots=True)
class DocFamily:
    """One listed document's place in the scan.

    Attributes:
        family: the family's id (``core.families.scan.Family.id``), None when alone.
        number: the family's number as shown (id + 1), 0 when alone.
        original: the likely original of its family.
        size: how many versions its family has (1 when alone).
        closest: absolute path of its most similar document, or None (also for a
            document alone that shares nothing with it: similarity under 0.005).
        closest_name: that document's path relative to the folder, or None.
        similarity: their similarity (comparison contract scale), or None.
    """

    family: int | None
    number: int
    original: bool
    size: int
    closest: str | None
    closest_name: str | None
    similarity: float | None


@dataclass(frozen=True, slots=True)
class FamilyIndex:
    """A scan as the window uses it: per path, and the families' member paths."""

    root: str
    by_path: Mapping[str, DocFamily]
    families: tuple[tuple[str, ...], ...]  # absolute paths, the likely original first
    errors: int = 0
    headlines: tuple[str, ...] = ()  # per family: its likely original's first words

    def summary(self) -> str:
        """``2 story families (5 versions), 3 documents alone``."""
        versions = sum(len(f) for f in self.families)
        alone = len(self.by_path) - versions
        count = len(self.families)
        text = f"{count:,} story {'family' if count == 1 else 'families'}"
        if count:
            text += f" ({versions:,} versions)"
        text += f", {alone:,} {'document' if alone == 1 else 'documents'} alone"
        if self.errors:
            text += f", {self.errors:,} not scanned"
        return text


def index_scan(result: ScanResult, read_headlines: bool = False) -> FamilyIndex:
    """The window's view of ``result``; with ``read_headlines``, each family's likely
    original is read for its first words (worker threads only)."""
    path_of = {d.relpath: d.path for d in result.documents}
    families = {f.id: f for f in result.families}
    by_path: dict[str, DocFamily] = {}
    for doc in result.documents:
        family = families.get(doc.family) if doc.family is not None else None
        # A rewritten version shares its family's names and figures, hardly a phrase:
        # its closest match is worth naming even at a similarity of 0.00.
        related = doc.family is not None or (doc.similarity or 0.0) >= NOTHING_SHARED
        by_path[doc.path] = DocFamily(
            family=doc.family,
            number=doc.family + 1 if doc.family is not None else 0,
            original=family is not None and family.original == doc.relpath,
            size=len(family.members) if family is not None else 1,
            closest=path_of.get(doc.closest) if related and doc.closest is not None else None,
            closest_name=doc.closest if related else None,
            similarity=doc.similarity if related else None,
        )
    members = tuple(
        tuple(path_of[m] for m in (f.original, *(m for m in f.members if m != f.original)))
        for f in result.families
    )
    headlines = tuple(headline(f[0]) for f in members) if read_headlines else ()
    return FamilyIndex(result.root, by_path, members, len(result.errors), headlines)


def headline(path: str, limit: int = HEADLINE_CHARS) -> str:
    """The first line of the document that holds a word, cut to ``limit`` characters
    at a word ("" if it cannot be read)."""
    try:
        text = load_document(path).text
    except RedlineError:
        return ""
    for line in text[: limit * 40].splitlines():
        words = " ".join(display_text(line).split())
        if any(c.isalnum() for c in words):
            if len(words) <= limit:
                return words
            cut = (
                words[: limit - 1].rsplit(" ", 1)[0] if " " in words[:limit] else words[: limit - 1]
            )
            return cut + "\u2026"
    return ""


def base_for(index: FamilyIndex | None, paths: Sequence[str]) -> int | None:
    """The index in ``paths`` of the base for comparing them as versions, or None.

    The base is the likely original of the family most of the selected documents
    belong to (at least two), when it is selected; otherwise None (``core.nway.grid``'s
    ``default_base`` decides).
    """
    if index is None:
        return None
    counts = Counter(
        info.family
        for info in (index.by_path.get(p) for p in paths)
        if info is not None and info.family is not None
    )
    for family, count in counts.most_common():
        original = index.families[family][0]
        if count >= 2 and original in paths:
            return list(paths).index(original)
    return None
