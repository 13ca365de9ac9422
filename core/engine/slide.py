"""Sliding one-sided edits onto sentence boundaries.

When a deleted (or inserted) stretch of text is bordered by repeated words, several
alignments are equally good: ``' this [is all new ... camera . ' this] region``
against ``' this region``. Like git's diff sliders, the edit is shifted within its
freedom so that it starts or ends where a sentence does, which is how an editor
reads the change: a whole sentence dropped, not its tail plus the next one's head.
"""

from __future__ import annotations

from collections.abc import Sequence, Set

from core.engine.lcs import Run


def slide_edits(
    runs: Sequence[Run],
    a: Sequence[int],
    b: Sequence[int],
    old_bounds: set[int],
    new_bounds: set[int],
    only_whole: bool = False,
) -> list[Run]:
    """Return runs with one-sided gaps slid onto sentence boundaries where possible.

    With ``only_whole``, a gap slides only when that makes the run before or after it
    whole sentences on both sides (``7`` matched and its ``.`` taken by the run after
    a long insertion: the slide gives the run ``7 .``, which then stays matched).
    """
    out = list(runs)
    for k in range(1, len(out)):
        pi, pj, pn = out[k - 1]
        ni, nj, nn = out[k]
        gap_a, gap_b = ni - (pi + pn), nj - (pj + pn)
        if gap_a > 0 and gap_b == 0:
            shift = _best_shift(a, pi + pn, ni, pn, nn, old_bounds)
        elif gap_b > 0 and gap_a == 0:
            shift = _best_shift(b, pj + pn, nj, pn, nn, new_bounds)
        else:
            continue
        before, after = (pi, pj, pn + shift), (ni + shift, nj + shift, nn - shift)
        if only_whole and not any(
            whole_sentences(*run, len(a), len(b), old_bounds, new_bounds) for run in (before, after)
        ):
            continue
        if shift:
            out[k - 1], out[k] = before, after
    return [r for r in out if r[2] > 0]


def whole_sentences(
    i: int, j: int, n: int, n_a: int, n_b: int, old_starts: Set[int], new_starts: Set[int]
) -> bool:
    """Whether the run ``(i, j, n)`` starts and ends at sentence bounds on both sides."""
    return (
        n > 0
        and (i == 0 or i in old_starts)
        and (j == 0 or j in new_starts)
        and (i + n == n_a or i + n in old_starts)
        and (j + n == n_b or j + n in new_starts)
    )


def _best_shift(
    seq: Sequence[int], g1: int, g2: int, before: int, after: int, bounds: set[int]
) -> int:
    """Shift (negative: left) that puts gap ``[g1, g2)`` on a boundary, or 0."""
    if g1 in bounds or g2 in bounds:
        return 0
    left = 0
    while left < before and seq[g1 - left - 1] == seq[g2 - left - 1]:
        left += 1
        if g1 - left in bounds or g2 - left in bounds:
            return -left
    right = 0
    while right < after and seq[g1 + right] == seq[g2 + right]:
        right += 1
        if g1 + right in bounds or g2 + right in bounds:
            return right
    return 0


def compact_runs(runs: Sequence[Run], a: Sequence[int], b: Sequence[int]) -> list[Run]:
    """Merge a run into the next one when a one-sided gap lets it slide there whole.

    An LCS may take ``the`` from an earlier sentence and ``commentary is`` from a
    later one; sliding the gap between them turns the pair into one run
    ``the commentary is``, which cleanup then keeps as the clause it is.
    """
    out: list[Run] = []
    for run in runs:
        ni, nj, nn = run
        while out:
            pi, pj, pn = out[-1]
            gap_a, gap_b = ni - (pi + pn), nj - (pj + pn)
            if gap_a > 0 and gap_b == 0:
                seq, start = a, ni
            elif gap_b > 0 and gap_a == 0:
                seq, start = b, nj
            else:
                break
            gap = gap_a or gap_b
            # The previous run fits just before the next one if the tokens there match.
            if pn > gap or any(seq[start - pn + k] != seq[start - gap - pn + k] for k in range(pn)):
                break
            out.pop()
            ni, nj, nn = ni - pn, nj - pn, nn + pn
        out.append((ni, nj, nn))
    return out


def realign_stops(
    runs: Sequence[Run],
    a: Sequence[int],
    b: Sequence[int],
    stops: frozenset[int],
    old_bounds: set[int],
    new_bounds: set[int],
) -> list[Run]:
    """Match a lone full stop with the end of the sentence it belongs to.

    When a sentence is rewritten and the next one dropped (``[... crane .  A brass
    band played until noon] .`` against ``[... town's fault] .``), the only match is
    the stop, and an alignment may take the dropped sentence's stop rather than the
    rewritten one's: the dropped sentence then loses its stop and the rewrite gains
    the other sentence. A match of one sentence-final mark that follows a replaced gap
    moves to the stop ending the sentence of that gap which pairs with the other
    side's, counted from the gap's start (sentences pair in order, as blocks do).

    A stop that follows the run before it directly on one side only (the Nepal story:
    ``... a republic .`` against ``... a republic after ten years ... troops . The
    Maoist rebels ... supervision .``, the last sentence moved up from further on)
    moves to the stop that ends the sentence that run ended in on the other side:
    the sentence it ends is that one's twin.
    """
    out: list[Run] = []
    moved: Run | None
    for i, j, n in runs:
        pi, pj = (out[-1][0] + out[-1][2], out[-1][1] + out[-1][2]) if out else (0, 0)
        ends_old = i + 1 in old_bounds or i + 1 == len(a)
        if a[i] not in stops or not ends_old or (i == pi and j == pj):
            out.append((i, j, n))
            continue
        if i == pi or j == pj:
            moved = _to_own_stop((i, j), (pi, pj), (a, b), stops, (old_bounds, new_bounds))
            if moved is None:
                out.append((i, j, n))
                continue
            if out and moved[:2] == (pi, pj):  # (right after the run before: one run)
                last = out.pop()
                moved = (last[0], last[1], last[2] + 1)
            out.append(moved)
            if n > 1:
                out.append((i + 1, j + 1, n - 1))
            continue
        old_ends = [u for u in range(pi, i) if a[u] in stops and u + 1 in old_bounds]
        new_ends = [u for u in range(pj, j) if b[u] in stops and u + 1 in new_bounds]
        moved = None
        if len(old_ends) > len(new_ends):
            moved = (old_ends[len(new_ends)], j, 1)
        elif len(new_ends) > len(old_ends):
            moved = (i, new_ends[len(old_ends)], 1)
        if moved is None or a[moved[0]] != b[moved[1]]:
            out.append((i, j, n))
            continue
        out.append(moved)
        if n > 1:
            out.append((i + 1, j + 1, n - 1))
    return out


def _to_own_stop(
    at: tuple[int, int],
    before: tuple[int, int],
    units: tuple[Sequence[int], Sequence[int]],
    stops: frozenset[int],
    bounds: tuple[set[int], set[int]],
) -> Run | None:
    """The match of the stop at ``at`` moved to the stop ending, on the side with a
    gap since the run before (which ended at ``before``), the sentence that run ended
    in; None when that sentence has no such stop in the gap, or another mark."""
    side = 1 if at[0] == before[0] else 0  # the side with the gap
    found = _sentence_end(units[side], before[side], at[side], stops, bounds[side])
    if found is None or units[side][found] != units[1 - side][at[1 - side]]:
        return None
    return (at[0], found, 1) if side else (found, at[1], 1)


def _sentence_end(
    units: Sequence[int], gap: int, at: int, stops: frozenset[int], bounds: set[int]
) -> int | None:
    """The sentence-final mark in ``[gap, at)`` that ends the sentence ``gap`` is
    inside of, or None (a sentence starts first, or none ends there)."""
    for u in range(gap, at):
        if u in bounds:
            return None
        if units[u] in stops and u + 1 in bounds:
            return u
    return None
