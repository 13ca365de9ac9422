"""Word statistics of a comparison, as the contract defines them."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import accumulate

from core.engine.blocks import Draft
from core.engine.sequences import running_totals_of
from core.engine.tokens import count_words
from core.model import Block, Span, Stats


def compute_stats(
    drafts: Sequence[Draft],
    words_a: Sequence[int],
    words_b: Sequence[int],
    spanning: tuple[Sequence[Span], Sequence[Span]] = ((), ()),
    totals: tuple[Sequence[int], Sequence[int]] | None = None,
) -> Stats:
    """Counts words in equal, delete and insert opcodes; moved words are the equal
    words of moved blocks (also counted as common).

    A word is counted in the unit it starts in (``words_a``, ``words_b``). A word
    that spans several units (text without spaces: ``公布了`` is one word, three
    units) lies inside equal ops only when all its units do and nothing was put in
    between them: ``spanning`` lists such words of old and of new as (first unit,
    last unit). An old one with a unit deleted or text inserted inside counts as
    deleted, not as common; a new one with a unit inserted or text deleted inside, as
    inserted.
    """
    # (Each op's words from the running totals of the units' words: two look-ups;
    # ``totals``: those of ``words_a`` and ``words_b``, when the caller has them.)
    totals_a, totals_b = totals or (running_totals_of(words_a), running_totals_of(words_b))
    common = deleted = inserted = moved = 0
    for d in drafts:
        for tag, i1, i2, j1, j2 in d.codes:
            if tag == "equal":
                n = totals_a[i2] - totals_a[i1]
                common += n
                if d.kind == "moved":
                    moved += n
            elif tag == "delete":
                deleted += totals_a[i2] - totals_a[i1]
            else:
                inserted += totals_b[j2] - totals_b[j1]
    old_spanning, new_spanning = spanning
    if old_spanning or new_spanning:
        cut, cut_moved = _cut_words(drafts, len(words_a), len(words_b), spanning)
        common -= cut
        deleted += cut
        moved -= cut_moved
        inserted += _cut_words(drafts, len(words_a), len(words_b), spanning, new_side=True)[0]
    old_words, new_words = totals_a[-1], totals_b[-1]
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


def _cut_words(
    drafts: Sequence[Draft],
    units_a: int,
    units_b: int,
    spanning: tuple[Sequence[Span], Sequence[Span]],
    new_side: bool = False,
) -> tuple[int, int]:
    """How many of one side's ``spanning`` words start in an equal op yet are cut: a
    unit of theirs deleted (old side) or inserted (new side), or the other side's
    text put in between two of their units. And how many of those start in a moved
    block (old side)."""
    size = units_b if new_side else units_a
    changed = bytearray(size)  # 1: the unit is deleted (inserted)
    put_before = bytearray(size + 1)  # 1: the other side's text stands before the unit
    in_moved = bytearray(size)  # 1: the unit is equal in a moved block
    mine, theirs = ("insert", "delete") if new_side else ("delete", "insert")
    for d in drafts:
        for tag, i1, i2, j1, j2 in d.codes:
            lo, hi = (j1, j2) if new_side else (i1, i2)
            if tag == mine:
                changed[lo:hi] = b"\1" * (hi - lo)
            elif tag == theirs:
                put_before[lo] = 1  # (an empty range of this side: where it stands)
            elif not new_side and d.kind == "moved":
                in_moved[lo:hi] = b"\1" * (hi - lo)
    changed_before = array("q", accumulate(changed, initial=0))
    put_until = array("q", accumulate(put_before, initial=0))
    cut = cut_moved = 0
    for first, last in spanning[1 if new_side else 0]:
        if changed[first]:
            continue  # counted as deleted (inserted) already
        if (
            changed_before[last + 1] - changed_before[first]
            or put_until[last + 1] - put_until[first + 1]
        ):
            cut += 1
            cut_moved += in_moved[first]
    return cut, cut_moved


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
