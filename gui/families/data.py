"""What the window shows of a folder scan, as plain data (no Qt).

``index_scan`` turns ``core.families.scan.ScanResult`` into what the document list and the
family tree need, keyed by absolute path as the list is: each document's family,
whether it is the likely original, its closest match and their similarity.
``base_for`` picks the base of *Compare Versions* (the family's likely original);
``matrix_for`` builds the similarity matrix of a folder, in family order.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from core.families.matrix import Cancel, similarity_values
from core.families.scan import ScanResult

# Above this many documents the matrix shows the members of families only.
MATRIX_LIMIT = 500
# A document alone whose closest match is under this (0.00 as shown) has none.
NOTHING_SHARED = 0.005
ORIGINAL_TIP = (
    "Likely original: of its family, the version that holds the most of what the other versions say"
)


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


def index_scan(result: ScanResult) -> FamilyIndex:
    """The window's view of ``result``."""
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
    return FamilyIndex(result.root, by_path, members, len(result.errors))


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


@dataclass(frozen=True, slots=True)
class MatrixData:
    """A similarity matrix ready to paint.

    Attributes:
        paths: absolute paths, in the order shown.
        names: paths relative to the folder, same order.
        families: each document's family id, or None.
        originals: which documents are likely originals.
        values: ``values[i][j]`` the similarity of documents i and j (1 on the diagonal;
            exact word similarity, estimated from the fingerprints under about 0.06).
        note: a line for the user about what is shown (empty when everything is).
    """

    paths: tuple[str, ...]
    names: tuple[str, ...]
    families: tuple[int | None, ...]
    originals: tuple[bool, ...]
    values: tuple[tuple[float, ...], ...]
    note: str = ""

    def ordered(self, by_family: bool) -> MatrixData:
        """The same matrix in family order (as built) or by name."""
        if by_family:
            return self
        order = sorted(range(len(self.names)), key=lambda i: self.names[i].lower())
        return dataclasses.replace(
            self,
            paths=tuple(self.paths[i] for i in order),
            names=tuple(self.names[i] for i in order),
            families=tuple(self.families[i] for i in order),
            originals=tuple(self.originals[i] for i in order),
            values=tuple(tuple(self.values[i][j] for j in order) for i in order),
        )

    def blocks(self) -> list[tuple[int, int]]:
        """Runs ``(first, last)`` of consecutive members of one family (to outline)."""
        runs: list[tuple[int, int]] = []
        start = 0
        for i in range(1, len(self.families) + 1):
            if i == len(self.families) or self.families[i] != self.families[start]:
                if self.families[start] is not None and i - start > 1:
                    runs.append((start, i - 1))
                start = i
        return runs


def family_order(result: ScanResult) -> list[int]:
    """Indices of ``result.documents``: each family (original first), then the rest."""
    position = {d.relpath: i for i, d in enumerate(result.documents)}
    order: list[int] = []
    for family in result.families:
        rest = sorted(m for m in family.members if m != family.original)
        order += [position[m] for m in (family.original, *rest)]
    placed = set(order)
    alone = [i for i in range(len(result.documents)) if i not in placed]
    return order + sorted(alone, key=lambda i: result.documents[i].relpath.lower())


def matrix_for(
    result: ScanResult, limit: int = MATRIX_LIMIT, should_cancel: Cancel = None
) -> MatrixData | str:
    """The similarity matrix of a scanned folder, or why it is not shown.

    Up to ``limit`` documents every document is shown; above, only the members of
    families, if they are no more than ``limit``; else a message refusing.
    """
    order = family_order(result)
    note = ""
    if len(order) > limit:
        members = sum(len(f.members) for f in result.families)
        if members > limit:
            return (
                f"Too many documents for a similarity matrix: {len(order):,} documents, "
                f"{members:,} of them in story families (at most {limit:,}). "
                "Open a smaller folder or a sub-folder."
            )
        order = order[:members]
        note = (
            f"{len(result.documents):,} documents: only the {members:,} that belong "
            f"to story families are shown (at most {limit:,})"
        )
    docs = [result.documents[i] for i in order]
    values = similarity_values([result.fingerprints[i] for i in order], should_cancel)
    # Each closest match's similarity as the scan computed it (the list shows it).
    at = {d.relpath: k for k, d in enumerate(docs)}
    for k, doc in enumerate(docs):
        other = at.get(doc.closest) if doc.closest is not None else None
        if other is not None and doc.similarity is not None:
            values[k][other] = values[other][k] = doc.similarity
    originals = {f.original for f in result.families}
    return MatrixData(
        paths=tuple(d.path for d in docs),
        names=tuple(d.relpath for d in docs),
        families=tuple(d.family for d in docs),
        originals=tuple(d.relpath in originals for d in docs),
        values=tuple(tuple(row) for row in values),
        note=note,
    )
