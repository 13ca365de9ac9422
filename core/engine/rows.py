"""Side-by-side rows: which spans of old and new stand next to each other.

Shared by the window (``gui.compare.plan``) and the reports (``core.report.comparison_html``).

Pure (no Qt). The rows are the comparison's rows of whole sentences
(``core.engine.sentence_rows``): a row holding an anchor (an equal or changed block
in order in both texts) is *aligned*, one holding only spans placed by their own
offset (deleted, inserted, moved) is a *gap*. With "only changed", runs of rows
with no change fold into one *collapsed* row unless the user expanded that run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from core.engine.sentence_rows import anchor_blocks, sentence_rows
from core.model import Block, Comparison, SentenceRow

RowKind = Literal["aligned", "gap", "collapsed"]


@dataclass(frozen=True, slots=True)
class Row:
    """One band of the side-by-side view.

    Attributes:
        kind: ``aligned`` (holds an anchor: both sides in their order), ``gap``
            (spans placed by their own offset only), ``collapsed``.
        old: indices of the blocks whose old span is shown on the left, in old order.
        new: indices of the blocks whose new span is shown on the right, in new order.
        hidden: for a collapsed row, the unchanged blocks it stands for.
        group: for a collapsed row, the id of its run (its first block's index).
        moved: the blocks of the row shown as moved (the engine's moved blocks and
            equal or changed blocks that crossed the anchors).
    """

    kind: RowKind
    old: tuple[int, ...] = ()
    new: tuple[int, ...] = ()
    hidden: tuple[int, ...] = ()
    group: int = -1
    moved: tuple[int, ...] = ()


def build_rows(
    blocks: Sequence[Block],
    *,
    sentences: Sequence[SentenceRow] | None = None,
    only_changed: bool = False,
    expanded: frozenset[int] = frozenset(),
) -> tuple[Row, ...]:
    """Lay out ``blocks`` (engine order) as side-by-side rows (see the module doc).

    Args:
        blocks: the comparison's blocks.
        sentences: the comparison's rows of whole sentences; None: every block edge
            may end a row.
        only_changed: fold runs of unchanged rows.
        expanded: collapsed runs (by group) to show open.
    """
    if sentences is None:
        sentences = sentence_rows(blocks)
    anchors = set(anchor_blocks(blocks))
    rows: list[Row] = []
    for sentence in sentences:
        members = sentence.blocks
        moved = tuple(
            i
            for i in members
            if blocks[i].kind == "moved"
            or (blocks[i].old is not None and blocks[i].new is not None and i not in anchors)
        )
        kind: RowKind = "aligned" if anchors.intersection(members) else "gap"
        rows.append(Row(kind, sentence.old_blocks, sentence.new_blocks, moved=moved))
    if only_changed:
        return _collapse(rows, blocks, expanded)
    return tuple(rows)


def comparison_rows(
    comparison: Comparison, *, only_changed: bool = False, expanded: frozenset[int] = frozenset()
) -> tuple[Row, ...]:
    """The layout rows of ``comparison`` (its rows of whole sentences)."""
    return build_rows(
        comparison.blocks,
        sentences=comparison.rows or None,
        only_changed=only_changed,
        expanded=expanded,
    )


def _collapse(
    rows: list[Row], blocks: Sequence[Block], expanded: frozenset[int]
) -> tuple[Row, ...]:
    result: list[Row] = []
    run: list[Row] = []

    def flush() -> None:
        if run and run[0].old[0] not in expanded:
            hidden = tuple(i for r in run for i in r.old)
            result.append(Row("collapsed", hidden=hidden, group=hidden[0]))
        else:
            result.extend(run)
        run.clear()

    for row in rows:
        if row.kind == "aligned" and not row.moved and _unchanged(row, blocks):
            run.append(row)
        else:
            flush()
            result.append(row)
    flush()
    return tuple(result)


def _unchanged(row: Row, blocks: Sequence[Block]) -> bool:
    return all(blocks[i].kind == "equal" for i in (*row.old, *row.new))
