"""Which rows a "changes only" report shows: the changed rows and ``context`` rows
of unchanged text on either side of each, the rest folded into runs.

Shared by every format (HTML and PDF through ``core.report.layout``, the terminal
text, the JSON's ``context`` field) so that "row 12" and "rows 13-40 folded" mean the
same rows in each. Rows are the comparison's rows of whole sentences, so the context
is counted in sentences, as dwdiff's ``-C N`` counts lines.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only: the command line's parser reads DEFAULT_CONTEXT
    from core.engine.rows import Row
    from core.model import Comparison

DEFAULT_CONTEXT = 1
"""Sentences of context around each change when only changes are shown."""

Fold = tuple[int, int]
"""A run of rows folded away: first index, index after the last."""


def visible_rows(
    changed: Sequence[bool], context: int, keep: Set[int] = frozenset()
) -> list[int | Fold]:
    """The rows shown in order, each an index, with the folded runs between them.

    Args:
        changed: per row, whether it holds a change.
        context: unchanged rows shown before and after each changed row.
        keep: rows shown whatever they hold (an annotation's mark stands there).

    Returns:
        Row indices and ``(start, end)`` folds, in row order; linear in the rows.
    """
    n = len(changed)
    shown = [False] * n
    last_change = -(context + 1)
    for k in range(n):
        if changed[k]:
            last_change = k
        shown[k] = changed[k] or k in keep or k - last_change <= context
    next_change = n + context + 1
    for k in range(n - 1, -1, -1):
        if changed[k]:
            next_change = k
        elif next_change - k <= context:
            shown[k] = True
    out: list[int | Fold] = []
    k = 0
    while k < n:
        if shown[k]:
            out.append(k)
            k += 1
            continue
        start = k
        while k < n and not shown[k]:
            k += 1
        out.append((start, k))
    return out


def changed_rows(result: Comparison, rows: Sequence[Row]) -> list[bool]:
    """Per layout row (``core.engine.rows``, unfolded), whether it holds a change: a
    gap, a moved block, or a block that is not equal."""
    return [
        row.kind != "aligned"
        or bool(row.moved)
        or any(result.blocks[i].kind != "equal" for i in (*row.old, *row.new))
        for row in rows
    ]


def folded_runs(result: Comparison, rows: Sequence[Row], context: int) -> list[Fold]:
    """The runs of ``rows`` a changes-only report folds, with ``context`` rows kept."""
    items = visible_rows(changed_rows(result, rows), context)
    return [item for item in items if isinstance(item, tuple)]
