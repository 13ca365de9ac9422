"""The change list: one entry per changed block, in the order the view shows them.

Pure (no Qt); computed in the worker with the plan. Each change knows the rows where
its two sides stand (they differ for moved text), a short excerpt of each side,
its word counts and whether it is minor (punctuation only, see ``gui.compare.plan``).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.engine.tokens import count_words
from core.model import Block, BlockKind
from gui.common.utf16 import display_text
from gui.compare.plan import ViewPlan

EXCERPT = 60


@dataclass(frozen=True, slots=True)
class Change:
    """One row of the change list.

    Attributes:
        block: index of the comparison block.
        kind: the block's kind (never ``equal``).
        old_row / new_row: rows showing the old / new side, -1 if none.
        old_excerpt / new_excerpt: start of each side, on one line.
        deleted_words / inserted_words / moved_words: word counts of the change.
        minor: only punctuation changed (no word deleted or inserted).
    """

    block: int
    kind: BlockKind
    old_row: int
    new_row: int
    old_excerpt: str
    new_excerpt: str
    deleted_words: int
    inserted_words: int
    moved_words: int
    minor: bool = False

    @property
    def row(self) -> int:
        """The row the change is listed at (its new side when it has one)."""
        return self.new_row if self.new_row >= 0 else self.old_row


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis; control,
    zero-width and bidi characters shown as marks (a U+202E must not reverse the row)."""
    line = " ".join(display_text(text).split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "\u2026"


def summarize_changes(plan: ViewPlan) -> tuple[Change, ...]:
    """The changes of ``plan`` in the order of the rows they are listed at."""
    old_row: dict[int, int] = {}
    new_row: dict[int, int] = {}
    for r, row in enumerate(plan.rows):
        for b in row.old:
            old_row[b] = r
        for b in row.new:
            new_row[b] = r
    comparison = plan.comparison
    changes = []
    for i, block in enumerate(comparison.blocks):
        if block.kind == "equal":
            continue
        changes.append(_change(i, block, old_row.get(i, -1), new_row.get(i, -1), plan))
    return tuple(sorted(changes, key=lambda c: (c.row, c.block)))


def _change(i: int, block: Block, old_row: int, new_row: int, plan: ViewPlan) -> Change:
    old_text = plan.comparison.old.text
    new_text = plan.comparison.new.text
    deleted = inserted = moved = 0
    for op in block.ops:
        if op.op == "delete" and op.old:
            deleted += count_words(old_text[op.old[0] : op.old[1]])
        elif op.op == "insert" and op.new:
            inserted += count_words(new_text[op.new[0] : op.new[1]])
        elif block.kind == "moved" and op.old:
            moved += count_words(old_text[op.old[0] : op.old[1]])
    return Change(
        i,
        block.kind,
        old_row,
        new_row,
        excerpt(old_text[block.old[0] : block.old[1]]) if block.old else "",
        excerpt(new_text[block.new[0] : block.new[1]]) if block.new else "",
        deleted,
        inserted,
        moved,
        i in plan.minor,
    )
