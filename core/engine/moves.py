"""Move detection: text deleted in one place and inserted, maybe edited, at another.

Candidates are the sides of blocks with nothing in common with their counterpart
(whole deleted or inserted sentences, and pure replacements). An inverted index on
their tokens proposes pairs; the LCS similarity of a pair decides; pairs are taken
best first, so a sentence goes to its true counterpart before a near-duplicate twin.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from core.engine.blocks import Code, Draft
from core.engine.lcs import similarity
from core.errors import CancelledError

# A move must carry at least this many words on the old side.
MIN_MOVE_WORDS = 4
# ... and share this share of its tokens in order with its counterpart.
MIN_MOVE_SIMILARITY = 0.5
# A block whose sides share at most this share of their words is a replacement
# rather than an edit: its sides may be moves (a stray "the" or quote mark in
# common does not make two sentences counterparts) ...
MAX_SHARED_SHARE = 0.25
# ... and one sharing up to this share may still be two unrelated sentences linked
# by a few common words ("the man", "claiming"): its side moves when it is at least
# BETTER_BY more similar to text elsewhere than to its own counterpart, and at least
# LINKED_MOVE_SIMILARITY similar.
MAX_LINKED_SHARE = 0.5
BETTER_BY = 0.3
LINKED_MOVE_SIMILARITY = 0.7
# Tokens found in more candidates than this share are too common to propose pairs.
COMMON_TOKEN_SHARE = 0.2
# ... and in more candidates than this, whatever their share: keeps the proposals
# linear in the number of candidates on long documents.
MAX_TOKEN_HITS = 40
PROPOSALS_PER_CANDIDATE = 8


@dataclass(frozen=True, slots=True)
class MovePair:
    """Draft ``old_draft``'s old side moved to draft ``new_draft``'s new side."""

    old_draft: int
    new_draft: int
    score: float


def find_moves(
    drafts: Sequence[Draft],
    a: Sequence[int],
    b: Sequence[int],
    words_a: Sequence[int],
    words_b: Sequence[int],
    should_cancel: Callable[[], bool] | None = None,
) -> list[MovePair]:
    """Pair unmatched old sides with unmatched new sides that say the same thing."""
    olds: list[int] = []
    news: list[int] = []
    # The similarity a linked block's sides have with each other (their own pairing).
    own: dict[int, float] = {}
    for k, d in enumerate(drafts):
        shared = sum(sum(words_a[c[1] : c[2]]) for c in d.codes if c[0] == "equal")
        old_words = sum(words_a[d.a1 : d.a2])
        new_words = sum(words_b[d.b1 : d.b2])
        linked = shared > MAX_SHARED_SHARE * max(old_words, new_words, 1)
        if linked and shared <= MAX_LINKED_SHARE * min(old_words, new_words):
            own[k] = similarity(a[d.a1 : d.a2], b[d.b1 : d.b2])
        elif linked:
            continue
        if old_words >= MIN_MOVE_WORDS:
            olds.append(k)
        if new_words:
            news.append(k)
    if not olds or not news:
        return []
    index: dict[int, list[int]] = defaultdict(list)
    for k in news:
        for t in set(b[drafts[k].b1 : drafts[k].b2]):
            index[t].append(k)
    too_common = min(MAX_TOKEN_HITS, max(2, int(len(news) * COMMON_TOKEN_SHARE)))
    scored: list[tuple[float, int, int]] = []
    for n, k in enumerate(olds):
        if should_cancel is not None and n % 256 == 0 and should_cancel():
            raise CancelledError("comparison cancelled")
        ids = a[drafts[k].a1 : drafts[k].a2]
        votes: Counter[int] = Counter()
        for t in set(ids):
            hits = index.get(t, ())
            if len(hits) <= too_common:
                votes.update(m for m in hits if m != k)
        for m, _ in votes.most_common(PROPOSALS_PER_CANDIDATE):
            score = similarity(ids, b[drafts[m].b1 : drafts[m].b2])
            if k in own or m in own:
                floor = max(own.get(k, 0.0), own.get(m, 0.0))
                good = score >= max(LINKED_MOVE_SIMILARITY, floor + BETTER_BY)
            else:
                good = score >= MIN_MOVE_SIMILARITY
            if good:
                scored.append((score, k, m))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs: list[MovePair] = []
    for score, k, m in scored:
        if k not in used_old and m not in used_new:
            used_old.add(k)
            used_new.add(m)
            pairs.append(MovePair(k, m, score))
    return pairs


def apply_moves(
    drafts: list[Draft],
    pairs: Sequence[MovePair],
    word_diff: Callable[[int, int, int, int], list[Code]],
) -> list[Draft]:
    """Rebuild the draft list with moved blocks at their new places.

    The old side of a moved block leaves its draft (a pure replacement keeps its new
    side as an insertion); the moved block takes the place of its new side (keeping
    the old side of a pure replacement there as a deletion). Order stays that of the
    new document, with old-only drafts where they stood in the old one.
    """
    moved_from = {p.old_draft: p for p in pairs}
    moved_to = {p.new_draft: p for p in pairs}
    out: list[Draft] = []
    for k, d in enumerate(drafts):
        keep_old = k not in moved_from
        keep_new = k not in moved_to
        if k in moved_to:
            if keep_old and d.a2 > d.a1:
                out.append(_one_sided(d, old=True))
            src = drafts[moved_to[k].old_draft]
            codes = word_diff(src.a1, src.a2, d.b1, d.b2)
            out.append(Draft("moved", src.a1, src.a2, d.b1, d.b2, codes, src.approximate))
        elif not keep_old and keep_new and d.b2 > d.b1:
            out.append(_one_sided(d, old=False))
        elif keep_old:
            out.append(d)
    return out


def _one_sided(d: Draft, *, old: bool) -> Draft:
    if old:
        return Draft(
            "deleted", d.a1, d.a2, d.b1, d.b1, [("delete", d.a1, d.a2, d.b1, d.b1)], d.approximate
        )
    return Draft(
        "inserted", d.a2, d.a2, d.b1, d.b2, [("insert", d.a2, d.a2, d.b1, d.b2)], d.approximate
    )
