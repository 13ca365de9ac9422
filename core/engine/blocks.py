"""Cutting an alignment into blocks: runs of sentences of old against new.

A block boundary needs a place where both texts can be cut together: a point inside
or at the edge of an equal run (a sync point) where either text starts a sentence,
or a sentence boundary inside a replaced gap, paired in order with the other side's.
Because cuts come from both texts' sentences, one text stored as a single line and
the other as one sentence per line still give sentence-against-sentence blocks, and
re-wrapping either text changes nothing.

Drafts hold unit ranges and unit opcodes; ``core.engine.opspans`` turns them into spans.
"""

from __future__ import annotations

import itertools
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass, field
from typing import cast

from core.engine.lcs import Run

Code = tuple[str, int, int, int, int]


@dataclass(slots=True)
class Draft:
    """A block in unit coordinates: old units ``[a1, a2)``, new units ``[b1, b2)``."""

    kind: str
    a1: int
    a2: int
    b1: int
    b2: int
    codes: list[Code] = field(default_factory=list)
    approximate: bool = False

    @property
    def has_equal(self) -> bool:
        # (a loop, not any(): asked of every draft two or three times, of a few codes
        # each; half the time of a map of itemgetter on the pure path)
        for code in self.codes:  # noqa: SIM110
            if code[0] == "equal":
                return True
        return False


def boundaries_in_python(unit_starts: Sequence[int], sentence_starts: Sequence[int]) -> list[int]:
    """Unit indices at which a sentence starts (never 0 or the end). (``unit_place.c``'s
    ``boundaries`` on the compiled path, for starts in an ``array("q")``: the same
    indices, without an integer made for each probe.)"""
    n = len(unit_starts)
    found = {bisect_left(unit_starts, s) for s in sentence_starts}
    return sorted(k for k in found if 0 < k < n)


def unit_boundaries(unit_starts: Sequence[int], sentence_starts: Sequence[int]) -> list[int]:
    """Unit indices at which a sentence starts (never 0 or the end)."""
    if (
        boundaries_in_c is not None
        and isinstance(unit_starts, array)
        and unit_starts.typecode == "q"
    ):
        return boundaries_in_c(unit_starts, sentence_starts)
    return boundaries_in_python(unit_starts, sentence_starts)


boundaries_in_c: Callable[[Sequence[int], Sequence[int]], list[int]] | None
try:
    # The compiled path's (``unit_place.c``, built by ``make native``).
    from core.engine.unit_place import boundaries as boundaries_in_c
except ImportError:
    boundaries_in_c = None


def cut_points(
    runs: Sequence[Run], n_old: int, n_new: int, old_bounds: list[int], new_bounds: list[int]
) -> list[tuple[int, int]]:
    """Monotone cut points ``(old unit, new unit)``, from (0, 0) to the ends."""
    old_set, new_set = set(old_bounds), set(new_bounds)
    # Each cut (i, j) as the number i * width + j, which sort as the pairs do (ints sort
    # and compare faster than pairs: a 1 MB pair every paragraph of which was edited
    # has 40,000 cuts, many twice, before they are sorted).
    width = n_new + 1
    keys: list[int] = [0]
    prev_i = prev_j = 0
    # The bounds at and after the start of each run and after its end, found by
    # walking the bounds once (the runs go forward on both sides), not by bisecting
    # four times per run: (lo, hi) as bisect_left(bounds, start), bisect_right(bounds,
    # end); the gap before a run holds the bounds between the last run's hi and its lo.
    old_count, new_count = len(old_bounds), len(new_bounds)
    old_lo = new_lo = 0
    old_hi = bisect_right(old_bounds, 0)  # (the first gap's: after the start)
    new_hi = bisect_right(new_bounds, 0)
    for i, j, n in (*runs, (n_old, n_new, 0)):
        while old_lo < old_count and old_bounds[old_lo] < i:
            old_lo += 1
        while new_lo < new_count and new_bounds[new_lo] < j:
            new_lo += 1
        inner_old, inner_new = old_bounds[old_hi:old_lo], new_bounds[new_hi:new_lo]
        if inner_old or inner_new:
            for p, q in _gap_cuts(prev_i, i, prev_j, j, inner_old, inner_new, old_set, new_set):
                keys.append(p * width + q)
        old_hi, new_hi = max(old_hi, old_lo), max(new_hi, new_lo)
        while old_hi < old_count and old_bounds[old_hi] <= i + n:
            old_hi += 1
        while new_hi < new_count and new_bounds[new_hi] <= j + n:
            new_hi += 1
        # (the sentence starts inside the equal run, on either side: (p, p + j - i))
        shift = j - i
        for p in old_bounds[old_lo:old_hi]:
            keys.append(p * width + p + shift)
        for q in new_bounds[new_lo:new_hi]:
            keys.append((q - shift) * width + q)
        prev_i, prev_j = i + n, j + n
    keys.append(n_old * width + n_new)
    keys.sort()
    out: list[tuple[int, int]] = []
    last = last_j = -1
    for key in keys:
        j = key % width
        if key != last and j >= last_j:  # (a cut before the last one's new side: none)
            out.append((key // width, j))
            last, last_j = key, j
    old_set.update((0, n_old))  # (the gaps are cut: the ends join the sentence starts)
    new_set.update((0, n_new))
    return _without_slivers(out, old_set, new_set)


def _without_slivers(
    cuts: list[tuple[int, int]], old_set: set[int], new_set: set[int]
) -> list[tuple[int, int]]:
    """Leave out a cut that starts a sentence in one text only where a cut beside it,
    at the same place in the other text, starts one in both: "Not all of them were
    rescued." -> "All of them were rescued." cut the old sentence after "Not" (where
    the new one starts) as well as before it, and "Not" stood as a deleted block of its
    own, which no flag looks at. The sentence is one changed block."""
    both = [(i in old_set) and (j in new_set) for i, j in cuts]
    out: list[tuple[int, int]] = []
    for k, (i, j) in enumerate(cuts):
        # (the piece between the two cuts lies on one side, inside a sentence there)
        if not both[k] and any(
            both[m]
            and ((cuts[m][1] == j and i not in old_set) or (cuts[m][0] == i and j not in new_set))
            and abs(cuts[m][0] - i) + abs(cuts[m][1] - j) <= MAX_OPENER_UNITS
            for m in (k - 1, k + 1)
            if 0 <= m < len(cuts)
        ):
            continue
        out.append((i, j))
    return out


# The longest piece opening a sentence that goes with the sentence it opens ("According
# to Greek media reports released on Tuesday ,"); a longer one is a sentence of its own
# (and may be found moved).
MAX_OPENER_UNITS = 12


def _gap_cuts(
    a1: int,
    a2: int,
    b1: int,
    b2: int,
    inner_old: list[int],
    inner_new: list[int],
    old_set: set[int],
    new_set: set[int],
) -> list[tuple[int, int]]:
    """Cuts inside a replaced gap (``inner_old`` and ``inner_new``: the sentence starts
    strictly inside it, on each side): tails with tails, heads with heads, whole
    sentences in order, the extras of the longer side on their own."""
    if not inner_old and not inner_new:
        return []
    old_edges = [a1, *inner_old, a2]
    new_edges = [b1, *inner_new, b2]
    lo_o = lo_n = 0
    hi_o, hi_n = len(old_edges) - 2, len(new_edges) - 2
    pairs: list[tuple[int | None, int | None]] = []
    starts_cut = (a1 == 0 and b1 == 0) or a1 in old_set or b1 in new_set
    if not starts_cut:
        pairs.append((0, 0))
        lo_o = lo_n = 1
    ends_cut = a2 in old_set or b2 in new_set
    trail = not ends_cut and hi_o >= lo_o and hi_n >= lo_n
    if trail:
        hi_o -= 1
        hi_n -= 1
    middle_old = list(range(lo_o, hi_o + 1))
    middle_new = list(range(lo_n, hi_n + 1))
    common = min(len(middle_old), len(middle_new))
    pairs.extend(zip(middle_old[:common], middle_new[:common]))
    pairs.extend((o, None) for o in middle_old[common:])
    pairs.extend((None, m) for m in middle_new[common:])
    cuts: list[tuple[int, int]] = []
    pos_o, pos_n = a1, b1
    for o, m in pairs:
        if o is not None:
            pos_o = old_edges[o + 1]
        if m is not None:
            pos_n = new_edges[m + 1]
        # Where the gap ends inside a sentence on both sides, its last piece goes on
        # with the equal run after it: no cut there.
        if pos_o in old_set or pos_n in new_set:
            cuts.append((pos_o, pos_n))
    return cuts


def drafts_in_python(
    runs: Sequence[Run], cuts: Sequence[tuple[int, int]], approximate: Sequence[tuple[int, int]]
) -> list[Draft]:
    """One draft per pair of consecutive cuts, with its unit opcodes. (``unit_place.c``'s
    ``drafts`` on the compiled path: the same drafts, without a Python frame a code.)"""
    run_starts = [r[0] for r in runs]
    # The approximate ranges are disjoint gaps of the alignment: sorted, the last one
    # starting before a draft's end is the only one that can reach into it.
    ranges = sorted(approximate)
    range_starts = [lo for lo, _ in ranges]
    drafts: list[Draft] = []
    for (p, q), (p2, q2) in itertools.pairwise(cuts):
        if p == p2 and q == q2:
            continue
        codes = _codes_in(runs, run_starts, p, p2, q, q2)
        kind = kind_of(codes, p, p2, q, q2)
        last = bisect_left(range_starts, p2) - 1
        approx = last >= 0 and ranges[last][1] > p
        drafts.append(Draft(kind, p, p2, q, q2, codes, approx))
    return drafts


def _drafts_in_c(
    runs: Sequence[Run], cuts: Sequence[tuple[int, int]], approximate: Sequence[tuple[int, int]]
) -> list[Draft]:
    return cast(list[Draft], make_drafts(list(runs), list(cuts), sorted(approximate), Draft))


drafts_from_cuts: Callable[
    [Sequence[Run], Sequence[tuple[int, int]], Sequence[tuple[int, int]]], list[Draft]
]
try:
    # The compiled path's (``unit_place.c``): 13 ms of a heavily edited 1 MB pair's
    # drafts in Python, on the way from the alignment to the blocks.
    from core.engine.unit_place import drafts as make_drafts

    drafts_from_cuts = _drafts_in_c
except ImportError:
    drafts_from_cuts = drafts_in_python


def kind_of(codes: Sequence[Code], a1: int, a2: int, b1: int, b2: int) -> str:
    """The block kind that unit ranges and their opcodes make."""
    if a1 == a2:
        return "inserted"
    if b1 == b2:
        return "deleted"
    return "equal" if all(c[0] == "equal" for c in codes) else "changed"


def merge_wordless(
    drafts: list[Draft],
    words_a: Sequence[int],
    words_b: Sequence[int],
    opening: tuple[Callable[[int, int], bool], Callable[[int, int], bool]],
) -> list[Draft]:
    """Fold one-sided drafts without a word (a stray full stop) into a neighbour.

    A sentence that lost only its final full stop is one changed block, not an
    equal block followed by a deleted ".". A piece that opens a sentence (a quote
    mark put around it) goes with the sentence it opens, not with the one before:
    ``opening`` says, per side, whether the units ``[i, j)`` do (``sentence_opener``).
    """
    out: list[Draft] = []
    pending: Draft | None = None
    for d in drafts:
        wordless = d.kind in ("deleted", "inserted") and not (
            any(words_a[d.a1 : d.a2]) or any(words_b[d.b1 : d.b2])
        )
        opens = wordless and (
            opening[0](d.a1, d.a2) if d.kind == "deleted" else opening[1](d.b1, d.b2)
        )
        if wordless and out and not opens and pending is None:
            out[-1] = _joined(out[-1], d)
        elif wordless:
            pending = d if pending is None else _joined(pending, d)
        else:
            out.append(d if pending is None else _joined(pending, d))
            pending = None
    if pending is not None:
        out[-1:] = [_joined(out[-1], pending)] if out else [pending]
    return out


def fold_orphans(
    drafts: list[Draft], words_a: Sequence[int], words_b: Sequence[int]
) -> list[Draft]:
    """Fold into the draft before it a one-sided draft without a word that only moves
    left stranded: a sentence paired in a replaced gap with the other side's lone "."
    and then taken away as moved leaves that "." as a block of its own. It joins the
    draft whose text it ends (which has text on its side) when nothing but moved drafts
    stands between them on the side it lacks (its place there is then the previous
    draft's end)."""
    moved_a = {k for d in drafts if d.kind == "moved" for k in range(d.a1, d.a2)}
    moved_b = {k for d in drafts if d.kind == "moved" for k in range(d.b1, d.b2)}
    out: list[Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if prev is None or prev.kind == "moved" or d.kind not in ("inserted", "deleted"):
            out.append(d)
            continue
        if d.kind == "inserted":
            fits = prev.b1 < prev.b2 == d.b1 and prev.a2 <= d.a1 and not any(words_b[d.b1 : d.b2])
            fits = fits and all(k in moved_a for k in range(prev.a2, d.a1))
            code: Code = ("insert", prev.a2, prev.a2, d.b1, d.b2)
        else:
            fits = prev.a1 < prev.a2 == d.a1 and prev.b2 <= d.b1 and not any(words_a[d.a1 : d.a2])
            fits = fits and all(k in moved_b for k in range(prev.b2, d.b1))
            code = ("delete", d.a1, d.a2, prev.b2, prev.b2)
        if not fits:
            out.append(d)
            continue
        a2, b2 = (prev.a2, d.b2) if d.kind == "inserted" else (d.a2, prev.b2)
        codes = [*prev.codes, code]
        out[-1] = Draft(
            kind_of(codes, prev.a1, a2, prev.b1, b2),
            prev.a1,
            a2,
            prev.b1,
            b2,
            codes,
            prev.approximate or d.approximate,
        )
    return out


def one_sided(code: Code) -> Draft:
    """The draft of one ``delete`` or ``insert`` code alone."""
    tag, i1, i2, j1, j2 = code
    return Draft("deleted" if tag == "delete" else "inserted", i1, i2, j1, j2, [code])


def split_across_sentences(
    drafts: list[Draft],
    bounds: tuple[Set[int], Set[int]],
    ids: tuple[Sequence[int], Sequence[int]],
    words: tuple[Sequence[int], Sequence[int]],
) -> list[Draft]:
    """Each pure replacement whose two sides stand in different sentences, as two drafts:
    what was cut, and what was put in.

    A kicker put in above a lead rewritten from its first word ("The GNU coreutils
    project released ..." -> "CORRECTED VERSION" and a blank line, then "GNU coreutils
    9.1, released ...") replaces "The" by "CORRECTED VERSION": the kicker's row then
    holds the lead too, as if it stood in the lead's first word. Split, the kicker is a
    row of its own. So with one side whole sentences and the other a piece of one; and
    with the end of a sentence replaced by the start of the next ('..., the developers
    wrote in the release notes for version 252.' -> '." They said'), which glued two
    rows into one. Only where the two sides share no word (a clause reworded, its
    sentence cut otherwise, stays against its counterpart) and each has one.
    ``bounds``: the unit indices where sentences start, old and new; ``ids`` and
    ``words``: each side's unit ids and words."""
    out: list[Draft] = []
    sizes = len(ids[0]), len(ids[1])
    for d in drafts:
        kinds = [c[0] for c in d.codes]
        if d.kind != "changed" or d.approximate or kinds != ["delete", "insert"]:
            out.append(d)
            continue
        old_at = _at_bounds(d.a1, d.a2, bounds[0], sizes[0])
        new_at = _at_bounds(d.b1, d.b2, bounds[1], sizes[1])
        worded = any(words[0][d.a1 : d.a2]), any(words[1][d.b1 : d.b2])
        order = _apart(old_at, new_at, worded)
        if order is None or _share_words(d, ids, words):
            out.append(d)
            continue
        # (what comes second stands after the other's end on the other side)
        cut_at, put_at = (d.b1, d.a2) if order == "cut" else (d.b2, d.a1)
        cut = one_sided(("delete", d.a1, d.a2, cut_at, cut_at))
        put = one_sided(("insert", put_at, put_at, d.b1, d.b2))
        out.extend((cut, put) if order == "cut" else (put, cut))
    return out


def _at_bounds(lo: int, hi: int, starts: Set[int], size: int) -> tuple[bool, bool]:
    """Whether units ``[lo, hi)`` start a sentence, and whether they end one."""
    return lo == 0 or lo in starts, hi == size or hi in starts


def _apart(old: tuple[bool, bool], new: tuple[bool, bool], worded: tuple[bool, bool]) -> str | None:
    """Whether a replacement's two sides (each: starts a sentence, ends one; ``worded``:
    each has a word) stand in different sentences, and which comes first: "cut" (the
    old side), "put" (the new side), or None (the same sentence, both whole, or a whole
    side without a word, or a piece of a sentence without one: ``..`` put in)."""
    old_whole, new_whole = all(old) and worded[0], all(new) and worded[1]
    if new_whole and not old_whole:
        return "put"
    if old_whole and not new_whole:
        return "cut"
    if not all(worded):
        return None
    if old == (False, True) and new == (True, False):
        return "cut"  # the end of a sentence cut, the start of the next put in
    if new == (False, True) and old == (True, False):
        return "put"
    return None


def _share_words(
    d: Draft, ids: tuple[Sequence[int], Sequence[int]], words: tuple[Sequence[int], Sequence[int]]
) -> bool:
    """Whether the two sides of ``d`` have a word in common."""
    old = {ids[0][k] for k in range(d.a1, d.a2) if words[0][k]}
    return any(ids[1][k] in old for k in range(d.b1, d.b2) if words[1][k])


def sentence_opener(
    sentence_starts: Set[int], starts: Sequence[int], ends: Sequence[int]
) -> Callable[[int, int], bool]:
    """Whether units ``[i, j)`` open a sentence: they start one and touch the word
    after them (``"The``, ``(The``), unlike a full stop or a ``:-)`` set apart."""

    def opens(i: int, j: int) -> bool:
        return i in sentence_starts and j < len(starts) and ends[j - 1] == starts[j]

    return opens


def _joined(first: Draft, second: Draft) -> Draft:
    codes = first.codes + second.codes
    kind = kind_of(codes, first.a1, second.a2, first.b1, second.b2)
    return Draft(
        kind,
        first.a1,
        second.a2,
        first.b1,
        second.b2,
        codes,
        first.approximate or second.approximate,
    )


def _codes_in(
    runs: Sequence[Run], run_starts: list[int], p: int, p2: int, q: int, q2: int
) -> list[Code]:
    codes: list[Code] = []
    i, j = p, q
    k = max(0, bisect_right(run_starts, p) - 1)
    while k < len(runs) and runs[k][0] < p2:
        ri, rj, n = runs[k]
        k += 1
        lo = max(ri, p)
        hi = min(ri + n, p2)
        if hi <= lo:
            continue
        lo_j = rj + lo - ri
        if lo_j < q or lo_j >= q2:
            continue
        codes.extend(gap_codes(i, lo, j, lo_j))
        codes.append(("equal", lo, hi, lo_j, lo_j + hi - lo))
        i, j = hi, lo_j + hi - lo
    codes.extend(gap_codes(i, p2, j, q2))
    return codes


def gap_codes(i1: int, i2: int, j1: int, j2: int) -> list[Code]:
    """Delete-then-insert opcodes for a replaced gap (either part may be empty)."""
    out: list[Code] = []
    if i2 > i1:
        out.append(("delete", i1, i2, j1, j1))
    if j2 > j1:
        out.append(("insert", i2, i2, j1, j2))
    return out


def codes_from_runs(runs: Sequence[Run], a1: int, a2: int, b1: int, b2: int) -> list[Code]:
    """Opcodes for the unit ranges ``[a1, a2)`` and ``[b1, b2)`` from equal runs."""
    codes: list[Code] = []
    i, j = a1, b1
    for ri, rj, n in runs:
        codes.extend(gap_codes(i, ri, j, rj))
        codes.append(("equal", ri, ri + n, rj, rj + n))
        i, j = ri + n, rj + n
    codes.extend(gap_codes(i, a2, j, b2))
    return codes
