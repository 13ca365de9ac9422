"""The comparison entry point: two documents in, a frozen ``Comparison`` out.

Pipeline (each stage a function of its inputs): tokenize both texts (units with
raw spans and normalized keys) -> align the key sequences (unique anchors, exact
LCS in the gaps, semantic cleanup) -> cut into sentence blocks -> word diff inside
changed blocks (diff-match-patch on whole words) -> move detection -> ops with
code-point spans and ``exact`` flags -> statistics.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from core.anchors import align
from core.blocks import (
    Code,
    Draft,
    codes_from_runs,
    cut_points,
    drafts_from_cuts,
    merge_wordless,
    unit_boundaries,
)
from core.cleanup import cleanup
from core.dmp_adapter import AlphabetOverflow, diff_runs
from core.errors import CancelledError
from core.gcpause import collector_paused
from core.lcs import equal_runs
from core.model import Block, CompareOptions, Comparison, Document
from core.moves import apply_moves, find_moves
from core.opspans import build_ops
from core.segment import segment
from core.slide import compact_runs, slide_edits
from core.stats import compute_stats
from core.tokens import Tokens, attach_punctuation, tokenize

# Blocks up to this many cells (old units x new units) get diff-match-patch's word
# diff with semantic cleanup; larger ones keep the alignment's own (exact) runs.
WORD_DIFF_CELLS = 60_000

Cancel = Callable[[], bool] | None


def compare(
    old: Document,
    new: Document,
    options: CompareOptions | None = None,
    should_cancel: Cancel = None,
) -> Comparison:
    """Compare two documents.

    Args:
        old: the earlier (or reference) version.
        new: the later version.
        options: what counts as a difference; defaults to ``CompareOptions()``.
        should_cancel: polled during the work; returning True stops it.

    Returns:
        The frozen comparison: blocks in the order of the new document, their word
        ops, statistics and whether any part is approximate.

    Raises:
        CancelledError: ``should_cancel`` returned True.
    """
    with collector_paused():
        return _compare(old, new, options or CompareOptions(), should_cancel)


def _compare(
    old: Document, new: Document, options: CompareOptions, should_cancel: Cancel
) -> Comparison:
    started = time.perf_counter()
    ta = _units(old.text, options)
    tb = _units(new.text, options)
    _check(should_cancel)
    table = {k: n for n, k in enumerate(dict.fromkeys(ta.keys + tb.keys))}
    a = list(map(table.__getitem__, ta.keys))
    b = list(map(table.__getitem__, tb.keys))
    alignment = align(a, b, should_cancel)
    _check(should_cancel)
    old_bounds = unit_boundaries(ta.starts, segment(old.text).sentence_starts)
    new_bounds = unit_boundaries(tb.starts, segment(new.text).sentence_starts)
    runs = cleanup(a, b, compact_runs(alignment.runs, a, b), ta.words)
    runs = slide_edits(runs, a, b, set(old_bounds), set(new_bounds))
    cuts = cut_points(runs, len(a), len(b), old_bounds, new_bounds)
    drafts = [_refine(d, a, b) for d in drafts_from_cuts(runs, cuts, alignment.approximate)]
    drafts = merge_wordless(drafts, ta.words, tb.words)
    _check(should_cancel)
    pairs = find_moves(drafts, a, b, ta.words, tb.words, should_cancel)
    drafts = apply_moves(drafts, pairs, lambda a1, a2, b1, b2: _word_codes(a, b, a1, a2, b1, b2))
    _check(should_cancel)
    blocks = tuple(_block(d, old.text, new.text, ta, tb) for d in drafts)
    return Comparison(
        old=old,
        new=new,
        options=options,
        stats=compute_stats(drafts, ta.words, tb.words),
        blocks=blocks,
        approximate=bool(alignment.approximate),
        elapsed=time.perf_counter() - started,
    )


def _units(text: str, options: CompareOptions) -> Tokens:
    tokens = tokenize(text, fold_case=options.ignore_case)
    return attach_punctuation(tokens) if options.ignore_punctuation else tokens


def _check(should_cancel: Cancel) -> None:
    if should_cancel is not None and should_cancel():
        raise CancelledError("comparison cancelled")


def _word_codes(
    a: Sequence[int], b: Sequence[int], a1: int, a2: int, b1: int, b2: int
) -> list[Code]:
    """Word opcodes for two unit ranges: diff-match-patch when small, else LCS runs."""
    sub_a, sub_b = a[a1:a2], b[b1:b2]
    if (a2 - a1) * (b2 - b1) <= WORD_DIFF_CELLS:
        try:
            return codes_from_runs(
                diff_runs(sub_a, sub_b, a_offset=a1, b_offset=b1), a1, a2, b1, b2
            )
        except AlphabetOverflow:
            pass
    return codes_from_runs(equal_runs(sub_a, sub_b, a1, b1), a1, a2, b1, b2)


def _refine(d: Draft, a: Sequence[int], b: Sequence[int]) -> Draft:
    """Word diff of a changed block that has something in common."""
    if d.kind != "changed" or not d.has_equal or d.approximate:
        return d
    if (d.a2 - d.a1) * (d.b2 - d.b1) > WORD_DIFF_CELLS:
        return d
    codes = _word_codes(a, b, d.a1, d.a2, d.b1, d.b2)
    kind = "equal" if all(c[0] == "equal" for c in codes) else "changed"
    return Draft(kind, d.a1, d.a2, d.b1, d.b2, codes, d.approximate)


def _block(d: Draft, old: str, new: str, ta: Tokens, tb: Tokens) -> Block:
    old_span = (ta.starts[d.a1], ta.ends[d.a2 - 1]) if d.a2 > d.a1 else None
    new_span = (tb.starts[d.b1], tb.ends[d.b2 - 1]) if d.b2 > d.b1 else None
    ops = build_ops(d.codes, old, new, ta, tb)
    return Block(d.kind, old_span, new_span, ops, d.approximate)  # type: ignore[arg-type]
