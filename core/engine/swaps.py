"""Sentences of a paragraph that changed places, cut apart so the move shows.

The whole-text alignment is monotone: where a paragraph's sentences change order and
their words change too, no sentence is left equal to cut at, and the paragraph
becomes a run of changed blocks whose word diffs thread the two orders together
("Rund 60.000 Helfer suchen" deleted in one place and inserted in another, a moved
clause marked inside a deletion). An editor reads two sentences that changed places.

Here the sentences of such a run (between equal blocks) are paired by their
similarity, best pair first (the measure and floor of ``core.engine.moves``); when one
sentence is left over on each side, those two at a lower floor if they share content
words (two sentences that changed places, one reworded more than the other: "The men were,
according to Sara Faden, charged and made to pay $5000 bail." against "Four
photographers were made to pay $500 bail each, Sara Faden said."). When the
pairs cross, and the sentences of a crossing pair were left mostly unaligned on both
sides (else their words went with another sentence: a merge, a split), the run is cut
along the heaviest chain of pairs in order: each pair of the chain becomes a changed
block, with the sentences in no pair that the alignment tied to it; the sentences of
the other pairs become whole deleted and inserted sentences, which move detection then
pairs as moved (``uncross`` gives them as hints: a pair left over is moved at the
lower floor too).
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence, Set

from core.engine.blocks import Draft, gap_codes, kind_of
from core.engine.lcs import equal_runs, similarity
from core.engine.moves import (
    MIN_MOVE_SIMILARITY,
    MIN_MOVE_WORDS,
    MIN_REWORDED_SIMILARITY,
    MIN_SHARED_MOVE_WORDS,
)

# Blocks with more sentences than this on a side are left as they are (the pairing
# costs the product of the two counts).
MAX_SENTENCES = 8

# The one sentence of each side left over once the others are paired: at least
# ``MIN_REWORDED_SIMILARITY`` similar (not ``MIN_MOVE_SIMILARITY``), and sharing this
# many content words (function words aside; each once).
MIN_LEFTOVER_WORDS = 4

_Range = tuple[int, int]
Hints = set[tuple[int, int]]
"""Where a sentence cut out as moved starts on each side: (old unit, new unit)."""


def uncross(
    drafts: list[Draft],
    a: Sequence[int],
    b: Sequence[int],
    words_a: Sequence[int],
    sentence_starts: tuple[Sequence[int], Sequence[int]],
    refine: Callable[[Draft], Draft],
    function: Set[int] = frozenset(),
) -> tuple[list[Draft], Hints]:
    """``drafts`` with each run of changed blocks whose sentences swapped places cut
    into sentence groups in order and whole deleted and inserted sentences; and the
    pairs of those cut out as moved (``Hints``), for ``core.engine.moves.find_moves``."""
    out: list[Draft] = []
    hints: Hints = set()
    for region in _regions(drafts):
        first, last = region[0], region[-1]
        if first.kind == "equal" or first.approximate:
            out.extend(region)
            continue
        olds = _sentences(first.a1, last.a2, sentence_starts[0])
        news = _sentences(first.b1, last.b2, sentence_starts[1]) if olds else []
        if not news:
            out.extend(region)
            continue
        loose = (_loose(region, olds, 1), _loose(region, news, 3))
        if not (any(loose[0]) and any(loose[1])):
            # Sentences that changed places leave one of each text mostly unaligned.
            out.extend(region)
            continue
        pairs = _pairs(olds, news, (a, b), words_a, function)
        if _in_order(pairs):
            out.extend(region)
            continue
        # A pair that crosses must also share ``MIN_SHARED_MOVE_WORDS`` words in order.
        pairs = [
            (i, j)
            for i, j in pairs
            if _shared_words(olds[i], news[j], a, b, words_a) >= MIN_SHARED_MOVE_WORDS
        ]
        chain = _chain(pairs, olds, words_a)
        # A sentence moves only when the alignment left it mostly unaligned on both
        # sides (else its words went with another sentence: a merge, a split).
        pairs = [p for p in pairs if p in chain or (loose[0][p[0]] and loose[1][p[1]])]
        if len(chain) == len(pairs):
            out.extend(region)
            continue
        links = _links(region, olds, news)
        chain = _with_links(chain, pairs, links)
        out.extend(_cut(first, last, chain, pairs, links, olds, news, refine))
        hints.update((olds[i][0], news[j][0]) for i, j in pairs if (i, j) not in chain)
    return out, hints


def _with_links(
    chain: list[tuple[int, int]],
    pairs: Sequence[tuple[int, int]],
    links: tuple[Sequence[int | None], Sequence[int | None]],
) -> list[tuple[int, int]]:
    """The chain with the sentences in no pair that the alignment tied to each other
    (each the other's best link), where they fit its order."""
    paired_old = {i for i, _ in pairs}
    paired_new = {j for _, j in pairs}
    out = list(chain)
    for i, j in enumerate(links[0]):
        if j is None or i in paired_old or j in paired_new or links[1][j] != i:
            continue
        before = [p for p in out if p[0] < i]
        after = [p for p in out if p[0] > i]
        if all(p[1] < j for p in before) and all(p[1] > j for p in after):
            out = [*before, (i, j), *after]
    return out
    return out


def _regions(drafts: list[Draft]) -> list[list[Draft]]:
    """The drafts in runs: each equal or approximate draft alone, and the changed,
    deleted and inserted drafts between them together."""
    runs: list[list[Draft]] = []
    for d in drafts:
        prev = runs[-1][-1] if runs else None
        if prev is not None and _open(prev) and _open(d):
            runs[-1].append(d)
        else:
            runs.append([d])
    return runs


def _open(d: Draft) -> bool:
    return d.kind != "equal" and not d.approximate


def _starts(starts: Sequence[int], k: int) -> bool:
    """Whether a sentence starts at unit ``k`` (``starts`` sorted)."""
    n = bisect_left(starts, k)
    return n < len(starts) and starts[n] == k


def _sentences(lo: int, hi: int, starts: Sequence[int]) -> list[_Range]:
    """The unit ranges of the sentences (or sentence pieces) in ``[lo, hi)``
    (``starts`` sorted); none unless there are 2 to ``MAX_SENTENCES``."""
    first, last = bisect_right(starts, lo), bisect_left(starts, hi)
    if not 1 <= last - first < MAX_SENTENCES:
        return []
    edges = [lo, *starts[first:last], hi]
    return list(itertools.pairwise(edges))


def _pairs(
    olds: Sequence[_Range],
    news: Sequence[_Range],
    ids: tuple[Sequence[int], Sequence[int]],
    words_a: Sequence[int],
    function: Set[int],
) -> list[tuple[int, int]]:
    """Old and new sentences paired best first, each once, sorted: a pair's sentences
    are at least ``MIN_MOVE_SIMILARITY`` similar and the old one has ``MIN_MOVE_WORDS``
    words (what a move needs); then, when one sentence of each side is left over, those
    two at ``MIN_REWORDED_SIMILARITY`` if they share ``MIN_LEFTOVER_WORDS`` content words."""
    a, b = ids
    scored: list[tuple[float, int, int]] = []
    for i, (a1, a2) in enumerate(olds):
        if sum(words_a[a1:a2]) < MIN_MOVE_WORDS:
            continue
        for j, (b1, b2) in enumerate(news):
            score = similarity(a[a1:a2], b[b1:b2])
            if score >= MIN_REWORDED_SIMILARITY:
                scored.append((score, i, j))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for score, i, j in scored:
        if score >= MIN_MOVE_SIMILARITY and i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j))
    if pairs and len(olds) - len(pairs) == 1 and len(news) - len(pairs) == 1:
        # One sentence left over on each side: the other of the two that changed
        # places, when it is similar enough and shares content words.
        i = next(k for k in range(len(olds)) if k not in used_old)
        j = next(k for k in range(len(news)) if k not in used_new)
        if any(s[1:] == (i, j) for s in scored) and _share_content(
            olds[i], news[j], (a, b), words_a, function
        ):
            pairs.append((i, j))
    pairs.sort()
    return pairs


def _share_content(
    old: _Range,
    new: _Range,
    ids: tuple[Sequence[int], Sequence[int]],
    words_a: Sequence[int],
    function: Set[int],
) -> bool:
    """Whether the two sentences share ``MIN_LEFTOVER_WORDS`` content words (each once;
    punctuation and ``function`` words aside)."""
    (a1, a2), (b1, b2) = old, new
    content = {t for t, w in zip(ids[0][a1:a2], words_a[a1:a2], strict=True) if w} - function
    return len(content.intersection(ids[1][b1:b2])) >= MIN_LEFTOVER_WORDS


def _loose(region: Sequence[Draft], ranges: Sequence[_Range], at: int) -> list[bool]:
    """For each sentence of one side (its ranges; ``at``: where the codes hold that
    side's start), whether at most half its units are in the region's equal codes."""
    equal = sorted((int(c[at]), int(c[at + 1])) for d in region for c in d.codes if c[0] == "equal")
    k = 0
    out: list[bool] = []
    for lo, hi in ranges:
        linked = 0
        while k < len(equal) and equal[k][1] <= lo:
            k += 1
        m = k
        while m < len(equal) and equal[m][0] < hi:
            linked += min(hi, equal[m][1]) - max(lo, equal[m][0])
            m += 1
        out.append(2 * linked <= hi - lo)
    return out


def _in_order(pairs: Sequence[tuple[int, int]]) -> bool:
    """Whether the pairs (sorted by old sentence) are in order in new too."""
    return all(p[1] < q[1] for p, q in itertools.pairwise(pairs))


def _shared_words(
    old: _Range, new: _Range, a: Sequence[int], b: Sequence[int], words_a: Sequence[int]
) -> int:
    """Words (punctuation left out) the two ranges share in order."""
    (a1, a2), (b1, b2) = old, new
    return sum(sum(words_a[i : i + n]) for i, _, n in equal_runs(a[a1:a2], b[b1:b2], a1, b1))


def _chain(
    pairs: Sequence[tuple[int, int]], olds: Sequence[_Range], words_a: Sequence[int]
) -> list[tuple[int, int]]:
    """The pairs (sorted by old sentence) in order on both sides that carry the most
    old words: the sentences that stay; the others moved."""
    weight = [sum(words_a[olds[i][0] : olds[i][1]]) for i, _ in pairs]
    best = weight[:]
    back = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        for m in range(k):
            if pairs[m][1] < j and best[m] + weight[k] > best[k]:
                best[k] = best[m] + weight[k]
                back[k] = m
    if not pairs:
        return []
    k = max(range(len(pairs)), key=lambda n: (best[n], -n))
    chain: list[tuple[int, int]] = []
    while k >= 0:
        chain.append(pairs[k])
        k = back[k]
    return chain[::-1]


def _links(
    region: Sequence[Draft], olds: Sequence[_Range], news: Sequence[_Range]
) -> tuple[list[int | None], list[int | None]]:
    """For each sentence, the sentence of the other text the region's word alignment
    tied most of its units to (None: none)."""
    old_starts = [lo for lo, _ in olds]
    new_starts = [lo for lo, _ in news]
    counts: Counter[tuple[int, int]] = Counter()
    for d in region:
        for tag, i1, i2, j1, _ in d.codes:
            if tag == "equal":
                for k in range(i2 - i1):
                    s = bisect_right(old_starts, i1 + k) - 1
                    t = bisect_right(new_starts, j1 + k) - 1
                    counts[s, t] += 1
    old_link: list[int | None] = [None] * len(olds)
    new_link: list[int | None] = [None] * len(news)
    best_old = [0] * len(olds)
    best_new = [0] * len(news)
    for (s, t), n in sorted(counts.items()):
        if n > best_old[s]:
            best_old[s], old_link[s] = n, t
        if n > best_new[t]:
            best_new[t], new_link[t] = n, s
    return old_link, new_link


_MOVER = -1
_LONE = -2


def _labels(
    count: int,
    chain_side: Sequence[int],
    paired: Set[int],
    links: Sequence[int | None],
    other_group: dict[int, int],
) -> list[int]:
    """Each sentence of one side: the chain group it goes with, ``_MOVER`` (paired off
    the chain) or ``_LONE``. A sentence in no pair goes with the group of the sentence
    it was aligned with when it stands next to that group's run; else alone."""
    labels = [_LONE] * count
    for g, k in enumerate(chain_side):
        labels[k] = g
    for k in range(count):
        if labels[k] != _LONE:
            continue
        if k in paired:
            labels[k] = _MOVER
        else:
            link = links[k]
            labels[k] = other_group.get(link, _LONE) if link is not None else _LONE
    # A group's run is the sentences of its label touching its chain sentence.
    for g, c in enumerate(chain_side):
        lo = c
        while lo > 0 and labels[lo - 1] == g:
            lo -= 1
        hi = c
        while hi + 1 < count and labels[hi + 1] == g:
            hi += 1
        for k in range(count):
            if labels[k] == g and not lo <= k <= hi:
                labels[k] = _LONE
    return labels


def _cut(
    first: Draft,
    last: Draft,
    chain: Sequence[tuple[int, int]],
    pairs: Sequence[tuple[int, int]],
    links: tuple[Sequence[int | None], Sequence[int | None]],
    olds: Sequence[_Range],
    news: Sequence[_Range],
    refine: Callable[[Draft], Draft],
) -> list[Draft]:
    """The region from ``first`` to ``last`` cut along ``chain``: before each group,
    the old sentences and then the new ones outside any group, each whole; then the
    group (its chain pair and the sentences that go with it), its word diff made
    again."""
    old_group = {i: g for g, (i, _) in enumerate(chain)}
    new_group = {j: g for g, (_, j) in enumerate(chain)}
    old_labels = _labels(
        len(olds), [i for i, _ in chain], {i for i, _ in pairs}, links[0], new_group
    )
    new_labels = _labels(
        len(news), [j for _, j in chain], {j for _, j in pairs}, links[1], old_group
    )
    out: list[Draft] = []
    io = jn = 0
    for g in [*range(len(chain)), len(chain)]:
        at_b = news[jn][0] if jn < len(news) else last.b2
        while io < len(olds) and old_labels[io] != g:
            a1, a2 = olds[io]
            out.append(Draft("deleted", a1, a2, at_b, at_b, gap_codes(a1, a2, at_b, at_b)))
            io += 1
        at_a = olds[io][0] if io < len(olds) else last.a2
        while jn < len(news) and new_labels[jn] != g:
            b1, b2 = news[jn]
            out.append(Draft("inserted", at_a, at_a, b1, b2, gap_codes(at_a, at_a, b1, b2)))
            jn += 1
        if g == len(chain):
            break
        a1, b1 = olds[io][0], news[jn][0]
        while io < len(olds) and old_labels[io] == g:
            io += 1
        while jn < len(news) and new_labels[jn] == g:
            jn += 1
        a2, b2 = olds[io - 1][1], news[jn - 1][1]
        codes = gap_codes(a1, a2, b1, b2)
        out.append(refine(Draft(kind_of(codes, a1, a2, b1, b2), a1, a2, b1, b2, codes)))
    return out
