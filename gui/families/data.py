"""The similarity matrix of a folder scan, as plain data (no Qt).

``matrix_for`` builds the similarity matrix of a folder, in family order; what each
listed document's family is (``index_scan``) is ``gui.documents.family_index``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from core.families.matrix import Cancel, similarity_values
from core.families.scan import ScanResult

# Above this many documents the matrix shows the members of families only.
MATRIX_LIMIT = 500


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
