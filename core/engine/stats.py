"""Word statistics of a comparison, as the contract defines them."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import accumulate

from core.engine.blocks import Draft
from core.engine.tokens import count_words
from core.model import Block, Stats


def compute_stats(drafts: Sequence[Draft], words_a: Sequence[int], words_b: Sequence[int]) -> Stats:
    """Counts words in equal, delete and insert opcodes; moved words are the equal
    words of moved blocks (also counted as common)."""
    pa = array("q", accumulate(words_a, initial=0))
    pb = array("q", accumulate(words_b, initial=0))
    common = deleted = inserted = moved = 0
    for d in drafts:
        for tag, i1, i2, j1, j2 in d.codes:
            if tag == "equal":
                n = pa[i2] - pa[i1]
                common += n
                if d.kind == "moved":
                    moved += n
            elif tag == "delete":
                deleted += pa[i2] - pa[i1]
            else:
                inserted += pb[j2] - pb[j1]
    old_words, new_words = pa[-1], pb[-1]
    total = old_words + new_words
    return Stats(
        similarity=round(2 * common / total, 4) if total else 0.0,
        old_words=old_words,
        new_words=new_words,
        common_words=common,
        deleted_words=deleted,
        inserted_words=inserted,
        moved_words=moved,
    )


def punctuation_only(block: Block, old: str, new: str) -> bool:
    """True for a changed block whose edits hold no word (only a full stop, a comma
    or a quote mark differs): shown as a minor change."""
    if block.kind != "changed":
        return False
    for op in block.ops:
        if op.op == "delete" and op.old and count_words(old[op.old[0] : op.old[1]]):
            return False
        if op.op == "insert" and op.new and count_words(new[op.new[0] : op.new[1]]):
            return False
    return True
