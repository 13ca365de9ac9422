"""Side-by-side rows: which spans of old and new stand next to each other.

Shared by the window (``gui.compare.plan``) and the reports (``core.report.comparison_html``).

Pure (no Qt). Equal and changed blocks whose order agrees in both texts are
*anchors*: each gets a row of its own, so its two sides start at the same height.
Everything else (deleted, inserted, moved, and anchors that would cross) is placed in
a *gap* row between anchors, by its own offset: old-only spans stacked on the left,
new-only spans on the right. With "only changed", runs of unchanged anchors fold into
one *collapsed* row unless the user expanded that run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from core.engine.sequences import longest_increasing
from core.model import Block

RowKind = Literal["aligned", "gap", "collapsed"]


@dataclass(frozen=True, slots=True)
class Row:
    """One band of the side-by-side view.

    Attributes:
        kind: ``aligned`` (one anchor block), ``gap`` (one-sided spans), ``collapsed``.
        old: indices of the blocks whose old span is shown on the left, in order.
        new: indices of the blocks whose new span is shown on the right, in order.
        hidden: for a collapsed row, the unchanged blocks it stands for.
        group: for a collapsed row, the id of its run (its first block's index).
    """

    kind: RowKind
    old: tuple[int, ...] = ()
    new: tuple[int, ...] = ()
    hidden: tuple[int, ...] = ()
    group: int = -1


def anchor_blocks(blocks: Sequence[Block]) -> tuple[int, ...]:
    """Indices of the equal/changed blocks that form the longest order-agreeing chain."""
    candidates = [
        i
        for i, b in enumerate(blocks)
        if b.kind in ("equal", "changed") and b.old is not None and b.new is not None
    ]
    starts = [blocks[i].old[0] for i in candidates]  # type: ignore[index]
    return tuple(candidates[k] for k in longest_increasing(starts))


def build_rows(
    blocks: Sequence[Block], *, only_changed: bool = False, expanded: frozenset[int] = frozenset()
) -> tuple[Row, ...]:
    """Lay out ``blocks`` (engine order) as side-by-side rows (see the module doc)."""
    anchors = anchor_blocks(blocks)
    anchored = set(anchors)
    old_only = sorted(
        (b.old[0], i) for i, b in enumerate(blocks) if b.old is not None and i not in anchored
    )
    new_only = sorted(
        (b.new[0], i) for i, b in enumerate(blocks) if b.new is not None and i not in anchored
    )
    rows: list[Row] = []
    oi = ni = 0
    for a in anchors:
        old_start, new_start = blocks[a].old[0], blocks[a].new[0]  # type: ignore[index]
        oj, nj = oi, ni
        while oj < len(old_only) and old_only[oj][0] < old_start:
            oj += 1
        while nj < len(new_only) and new_only[nj][0] < new_start:
            nj += 1
        if oj > oi or nj > ni:
            rows.append(_gap(old_only[oi:oj], new_only[ni:nj]))
        oi, ni = oj, nj
        rows.append(Row("aligned", (a,), (a,)))
    if oi < len(old_only) or ni < len(new_only):
        rows.append(_gap(old_only[oi:], new_only[ni:]))
    if only_changed:
        return _collapse(rows, blocks, expanded)
    return tuple(rows)


def _gap(old: list[tuple[int, int]], new: list[tuple[int, int]]) -> Row:
    return Row("gap", tuple(i for _, i in old), tuple(i for _, i in new))


def _collapse(
    rows: list[Row], blocks: Sequence[Block], expanded: frozenset[int]
) -> tuple[Row, ...]:
    result: list[Row] = []
    run: list[Row] = []

    def flush() -> None:
        if run and run[0].old[0] not in expanded:
            hidden = tuple(r.old[0] for r in run)
            result.append(Row("collapsed", hidden=hidden, group=hidden[0]))
        else:
            result.extend(run)
        run.clear()

    for row in rows:
        if row.kind == "aligned" and blocks[row.old[0]].kind == "equal":
            run.append(row)
        else:
            flush()
            result.append(row)
    flush()
    return tuple(result)
