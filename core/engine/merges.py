"""Two sentences joined into one that moved: the move takes both.

``core.engine.moves`` pairs one draft with one. An editor who joins two sentences and
moves the result elsewhere ("The school was forced to close ... in 1983. The school
buildings were occupied for military purposes during this time." -> "The school was
forced to close ... in 1985, and its buildings were occupied for military purposes.",
two sentences earlier) leaves the second sentence deleted on its own, though its
words stand in the moved one: the report lists it as cut, and the figure changed in
the moved pair is read against half of what was said. The same holds the other way
round, a sentence split in two and one half moved.

A move's side is widened by the draft next to it on that side (before or after it)
when that draft holds that side only (a deleted sentence beside the old side, an
inserted one beside the new side), no move uses it, the two are contiguous, and it
brings the pair at least ``MIN_JOINED_WORDS`` words of its own in order, in a run of
at least ``MIN_JOINED_RUN``, and at least ``MIN_JOINED_SHARE`` of its words (or,
reworded between them, more words and ``MOST_JOINED_SHARE`` of them), without making
the pair less similar.

May import: ``core.engine`` and the standard library.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from core.engine.blocks import Draft
from core.engine.lcs import equal_runs, similarity
from core.engine.moves import MovePair

MIN_JOINED_WORDS = 3
"""Words the joined sentence brings to the pair in order, at least ..."""

MIN_JOINED_RUN = 3
"""... of which this many in one run (three words in a row are no chance) ..."""

MIN_JOINED_SHARE = 0.4
"""... and this share of its words at least (a joined sentence loses some: "during
this time" is dropped when the clause is folded in)."""

MOST_JOINED_SHARE = 0.6
"""With no run of ``MIN_JOINED_RUN``, more than ``MIN_JOINED_WORDS`` words and this
share of them (a joined sentence reworded between its words)."""


def joined_moves(
    drafts: Sequence[Draft],
    pairs: Sequence[MovePair],
    ids: tuple[Sequence[int], Sequence[int]],
    words: tuple[Sequence[int], Sequence[int]],
) -> list[MovePair]:
    """``pairs`` with each move widened by a sentence joined to it on one side
    (``MovePair.old_joined``, ``MovePair.new_joined``), at most one per side.

    ``ids`` and ``words``: the old and new units' ids and word counts."""
    used = {k for p in pairs for k in (*p.old_drafts, *p.new_drafts)}
    out: list[MovePair] = []
    for pair in pairs:
        for old in (True, False):
            if (pair.old_joined if old else pair.new_joined) >= 0:
                continue  # (joined already: ``core.engine.moves``)
            joined = _joined(drafts, pair, old, used, ids, words)
            if joined is not None:
                used.add(joined)
                pair = replace(pair, old_joined=joined) if old else replace(pair, new_joined=joined)
        out.append(pair)
    return out


def _joined(
    drafts: Sequence[Draft],
    pair: MovePair,
    old: bool,
    used: set[int],
    ids: tuple[Sequence[int], Sequence[int]],
    words: tuple[Sequence[int], Sequence[int]],
) -> int | None:
    """The draft next to ``pair``'s old side (``old``) or new side that was joined to
    it, or None."""
    own = pair.old_draft if old else pair.new_draft
    for step in (1, -1):
        k = own + step
        if not 0 <= k < len(drafts) or k in used:
            continue
        near, at = drafts[k], drafts[own]
        if old:
            one_sided, contiguous = (
                near.b1 == near.b2,
                (near.a1 == at.a2 if step == 1 else near.a2 == at.a1),
            )
        else:
            one_sided, contiguous = (
                near.a1 == near.a2,
                (near.b1 == at.b2 if step == 1 else near.b2 == at.b1),
            )
        if one_sided and contiguous and _brings(drafts, pair, k, old, step, ids, words):
            return k
    return None


def _brings(
    drafts: Sequence[Draft],
    pair: MovePair,
    k: int,
    old: bool,
    step: int,
    ids: tuple[Sequence[int], Sequence[int]],
    words: tuple[Sequence[int], Sequence[int]],
) -> bool:
    """Whether draft ``k``, joined to ``pair``'s old side (``old``) or new side on the
    ``step`` side, brings the pair enough words of its own in order."""
    source, target = drafts[pair.old_draft], drafts[pair.new_draft]
    lo, hi = (source.a1, source.a2) if old else (target.b1, target.b2)
    near = drafts[k]
    k_lo, k_hi = (near.a1, near.a2) if old else (near.b1, near.b2)
    side_ids, side_words = (ids[0], words[0]) if old else (ids[1], words[1])
    own_words = sum(side_words[k_lo:k_hi])
    if own_words < MIN_JOINED_WORDS:
        return False
    w_lo, w_hi = min(lo, k_lo), max(hi, k_hi)
    other = ids[1][target.b1 : target.b2] if old else ids[0][source.a1 : source.a2]
    widened = side_ids[w_lo:w_hi]
    if similarity(widened, other) < similarity(side_ids[lo:hi], other):
        return False
    # The words of ``k``'s units that the widened side holds in order with the other.
    runs = [
        sum(side_words[max(i, k_lo) : min(i + n, k_hi)])
        for i, _, n in equal_runs(widened, other, w_lo)
        if i < k_hi and i + n > k_lo
    ]
    brought = sum(runs)
    if brought < MIN_JOINED_WORDS or brought < MIN_JOINED_SHARE * own_words:
        return False
    # three words in a row; or, reworded between them ("The primary filter is
    # currently LZMA2." -> "..., of which the primary one is currently LZMA"), most
    # of its words
    return max(runs, default=0) >= MIN_JOINED_RUN or (
        brought > MIN_JOINED_WORDS and brought >= MOST_JOINED_SHARE * own_words
    )
