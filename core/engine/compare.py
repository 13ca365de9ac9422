"""The comparison entry point: two documents in, a frozen ``Comparison`` out.

Pipeline (each stage a function of its inputs): tokenize both texts (units with
raw spans and normalized keys) -> align the key sequences (unique anchors, exact
LCS in the gaps, confetti dropped: ``word_cleanup``) -> cut into sentence blocks -> word diff inside
changed blocks (diff-match-patch on whole words) -> move detection -> ops with
code-point spans and ``exact`` flags -> statistics.
"""

from __future__ import annotations

import time
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from itertools import accumulate, chain, compress, count, filterfalse, repeat
from operator import add, itemgetter
from typing import TypeVar, cast

from core.engine import aside
from core.engine.anchors import align
from core.engine.blocks import (
    Code,
    Draft,
    codes_from_runs,
    cut_points,
    drafts_from_cuts,
    fold_orphans,
    gap_codes,
    merge_wordless,
    sentence_opener,
    split_across_sentences,
    unit_boundaries,
)
from core.engine.dmp_adapter import AlphabetOverflow, diff_runs
from core.engine.lcs import equal_runs
from core.engine.line_anchors import with_line_anchors
from core.engine.made import new_block, new_op
from core.engine.merges import joined_moves
from core.engine.moves import apply_moves, find_moves, rejoin_unused, split_long_ends
from core.engine.opspans import FINAL_MARKS, OpsMaker, ops_maker
from core.engine.paragraph_anchors import ParagraphAnchors, find_paragraph_anchors, gaps
from core.engine.progress import ALIGNING, MARKING, MOVING, PAIRING, READING, Progress, report
from core.engine.segment import segment, wrap_width
from core.engine.sentence_rows import sentence_rows
from core.engine.sequences import running_totals_of
from core.engine.slide import compact_runs, realign_stops, slide_edits
from core.engine.stats import compute_stats
from core.engine.swaps import uncross
from core.engine.tokens import (
    CONTRACT_JOINERS,
    CONTRACT_WORD,
    Tokens,
    attach_punctuation,
    int_array,
    non_ascii,
    spanning_words,
    tokenize,
)
from core.engine.unit_packing import numbered
from core.engine.word_cleanup import (
    PHRASE,
    drop_confetti,
    function_ids,
    shares_enough,
    word_counts,
)
from core.errors import CancelledError
from core.gcpause import collector_paused
from core.model import Block, CompareOptions, Comparison, Document, Span

# Blocks up to this many cells (old units x new units) get diff-match-patch's word
# diff (word-level cleanup); larger ones keep the alignment's own (exact) runs.
WORD_DIFF_CELLS = 60_000
# Pairs this long (code points, both texts) first set unchanged paragraphs aside
# (core.engine.paragraph_anchors); shorter ones keep sentence-sized equal blocks throughout.
ANCHOR_MIN_CHARS = 200_000
# No unit key can contain NUL twice in a row (NUL is punctuation, one unit per mark).
_PARAGRAPH_KEY = "\x00\x00paragraph-"
_JOINER = "\n\n"
_QUOTE_KEYS = frozenset(('"', "'", "\u00ab", "\u00bb"))  # (normalized: curly are straight)
UNITS_JOB = "units"  # the new side's units, counted aside (``core.engine.aside``)

T = TypeVar("T")

Cancel = Callable[[], bool] | None


def compare(
    old: Document,
    new: Document,
    options: CompareOptions | None = None,
    should_cancel: Cancel = None,
    progress: Progress = None,
) -> Comparison:
    """Compare two documents.

    Args:
        old: the earlier (or reference) version.
        new: the later version.
        options: what counts as a difference; defaults to ``CompareOptions()``.
        should_cancel: polled during the work; returning True stops it.
        progress: called as each stage begins, with its name and the share of the
            work done (``core.engine.progress``); it changes nothing in the result.

    Returns:
        The frozen comparison: blocks in the order of the new document, their word
        ops, statistics and whether any part is approximate.

    Raises:
        CancelledError: ``should_cancel`` returned True.
    """
    with collector_paused():
        return _compare(old, new, options or CompareOptions(), should_cancel, progress)


def _compare(
    old: Document,
    new: Document,
    options: CompareOptions,
    should_cancel: Cancel,
    progress: Progress,
) -> Comparison:
    started = time.perf_counter()
    report(progress, READING)
    anchors, widths = _anchors(old.text, new.text)
    counts = _paragraph_words(old.text, new.text, anchors) if anchors else ([], [])
    new_side = partial(_side_units, new.text, options, anchors, 1, counts, widths)
    # The new side's units counted on the other core meanwhile, when the caller allows.
    aside.launch(old.text, new.text, [(UNITS_JOB, lambda _old, _new: new_side())])
    ta, old_bounds, old_fixed = _side_units(old.text, options, anchors, 0, counts, widths)
    # Each key's id, in the order keys first occur, old then new (the old side's while
    # the new side may still be on its way), and how often each id is a word.
    table: dict[str, int] = {}
    a = ids_of_keys(ta.keys, table)
    # (what the old side alone gives, made while the new side's may be on its way: the
    # sentence starts, looked up, the running totals of its units' words, and its words
    # that span units: a regular expression over the whole text without spaces)
    old_set, old_totals = set(old_bounds), running_totals_of(ta.words)
    old_spanning = spanning_words(old.text, ta)
    tb, new_bounds, new_fixed = _taken(aside.take(old.text, new.text, UNITS_JOB)) or new_side()
    fixed = list(zip(old_fixed, new_fixed))
    _check(should_cancel)
    b = numbered(tb.keys, table, ids_of_keys)  # (through the child's packing, as it came)
    tally = word_tally(a, ta.words, b, tb.words, len(table))
    report(progress, ALIGNING)
    alignment = align(a, b, should_cancel, fixed)
    _check(should_cancel)
    keys = list(table)
    function = function_ids(keys, tally)
    # Over the whole document, confetti and short chance matches between long edits
    # go (so unrelated sentences are not tied together, and moves and pairs are
    # found); word marks inside a pair come from the word diff of its block.
    new_set = set(new_bounds)
    runs = drop_confetti(
        slide_edits(compact_runs(alignment.runs, a, b), a, b, old_set, new_set, only_whole=True),
        a,
        len(a),
        len(b),
        ta.words,
        function,
        stray_words=PHRASE,
        sentences=(old_set, new_set),
    )
    # (A key made of final marks starts with one: most keys are turned away in one test.)
    stops = frozenset(
        n for k, n in table.items() if k and k[0] in FINAL_MARKS and set(k) <= FINAL_MARKS
    )
    runs = realign_stops(runs, a, b, stops, old_set, new_set)
    runs = slide_edits(runs, a, b, old_set, new_set)
    cuts = cut_points(runs, len(a), len(b), old_bounds, new_bounds)

    word_codes: Callable[[int, int, int, int], list[Code]]
    word_codes = partial(_word_codes, a, b, ta.words, function)

    # Blocks the alignment linked get their word diff now; pure replacements only
    # after move detection, which looks for them (a sentence moved and another put in
    # its place share words by chance, and must not be tied together first).
    drafts = [
        _refine(d, word_codes, a, ta.words, function) if d.has_equal else d
        for d in drafts_from_cuts(runs, cuts, alignment.approximate)
    ]
    opening = (
        sentence_opener(old_set, ta.starts, ta.ends),
        sentence_opener(new_set, tb.starts, tb.ends),
    )
    drafts = merge_wordless(drafts, ta.words, tb.words, opening)
    refine = partial(_refine, word_codes=word_codes, a=a, words_a=ta.words, function=function)
    drafts, hints = uncross(drafts, a, b, ta.words, (old_bounds, new_bounds), refine, function)
    _check(should_cancel)
    report(progress, MOVING)
    cut, origin, stand_ins = split_long_ends(drafts, ta.words, tb.words, (a, b))
    quote_ids = frozenset(n for k, n in table.items() if k in _QUOTE_KEYS)
    # (the running totals of the units' words: the moves' and, where the contract counts
    # words as the engine weighs them, the statistics', 1.8 ms a side to make)
    totals = (old_totals, running_totals_of(tb.words))
    pairs = find_moves(
        cut, a, b, ta.words, tb.words, should_cancel, quote_ids, function, hints, stand_ins, totals
    )
    drafts, pairs = rejoin_unused(cut, origin, drafts, pairs)
    pairs = joined_moves(drafts, pairs, (a, b), (ta.words, tb.words))
    drafts = fold_orphans(apply_moves(drafts, pairs, word_codes), ta.words, tb.words)
    drafts = [d if d.has_equal else _refine(d, word_codes, a, ta.words, function) for d in drafts]
    drafts = split_across_sentences(drafts, (old_set, new_set), (a, b), (ta.words, tb.words))
    _check(should_cancel)
    report(progress, MARKING)
    spanning = (old_spanning, spanning_words(new.text, tb))
    same_weights = ta.counted is None and tb.counted is None  # (contract_words is words)
    stats = compute_stats(
        drafts, ta.contract_words, tb.contract_words, spanning, totals if same_weights else None
    )
    approximate = bool(alignment.approximate)
    # What only the alignment needed goes before the blocks are built (peak memory).
    del a, b, word_codes, refine, table, keys, alignment, runs, cuts, cut, origin, pairs, totals
    del old_totals
    paragraphs = set(fixed)
    make_ops = ops_maker(old.text, new.text, ta, tb, (frozenset(old_bounds), frozenset(new_bounds)))
    blocks = tuple(
        _paragraph_block(d, ta, tb)
        if d.kind == "equal" and (d.a1, d.b1) in paragraphs and d.a2 - d.a1 == 1
        else _block(d, ta, tb, make_ops)
        for d in drafts
    )
    del make_ops  # (it holds the units' offsets)
    del drafts
    # Work on the blocks may start beside the rows (the flags, in a child).
    aside.built(
        old.text,
        new.text,
        partial(Comparison, old, new, options, stats, blocks, approximate),
    )
    report(progress, PAIRING)
    rows = sentence_rows(
        blocks, [ta.starts[k] for k in old_bounds], [tb.starts[k] for k in new_bounds]
    )
    return Comparison(
        old=old,
        new=new,
        options=options,
        stats=stats,
        blocks=blocks,
        approximate=approximate,
        elapsed=time.perf_counter() - started,
        rows=rows,
    )


_SideUnits = tuple[Tokens, list[int], list[int]]


def _taken(found: object) -> _SideUnits | None:
    """The new side's units counted aside, when that is what came back."""
    if isinstance(found, tuple) and len(found) == 3 and isinstance(found[0], Tokens):
        return cast(_SideUnits, found)
    return None


def _side_units(
    text: str,
    options: CompareOptions,
    anchors: ParagraphAnchors | None,
    side: int,
    counts: tuple[list[int], list[int]],
    widths: tuple[int, int | None],
) -> _SideUnits:
    """The units of one side's ``text`` (side 0: old, 1: new), the unit indices where
    its sentences start, and the indices of its units that are unchanged paragraphs."""
    if anchors is None:
        wide = non_ascii(text)  # (found once for both)
        units = _units(text, options, wide)
        return units, unit_boundaries(units.starts, segment(text, None, wide).sentence_starts), []
    spans = (anchors.old, anchors.new)[side]
    width = widths[side]
    if width is None:  # (not needed to find the anchors: measured with the units)
        width = wrap_width(text)
    return _anchored_units(text, spans, counts[side], width, options)


def _anchors(old: str, new: str) -> tuple[ParagraphAnchors | None, tuple[int, int | None]]:
    """Unchanged paragraphs (and, in texts not hard-wrapped, long runs of unchanged
    lines) to skip, for texts long enough to be worth it; and the widths the two
    texts are hard-wrapped at (0: not wrapped). The new text's is None where the old
    one is wrapped: it decides nothing here, and is measured with the new side's
    units, on the other core when they are counted there (2 ms of a 1 MB text)."""
    if len(old) + len(new) < ANCHOR_MIN_CHARS:
        return None, (0, 0)
    found = find_paragraph_anchors(old, new)
    old_width = wrap_width(old)
    new_width = None if old_width else wrap_width(new)
    if not old_width and not new_width:
        found = with_line_anchors(old, new, found)
    return (found if len(found) else None), (old_width, new_width)


def _paragraph_words(old: str, new: str, anchors: ParagraphAnchors) -> tuple[list[int], list[int]]:
    """Contract words of each unchanged paragraph, in old and in new.

    Twins are counted once, unless one has a line broken after a hyphen: then the
    other is counted again (``eight-`` at a line end and ``minute`` on the next line
    are two words in the count, ``eight-minute`` one).
    """
    old_counts = words_in_spans(old, anchors.old)
    broken = list(compress(anchors.new, anchors.hyphen_breaks))
    recounted = iter(words_in_spans(new, broken) if broken else ())
    new_counts = [
        next(recounted) if hyphen_break else count
        for count, hyphen_break in zip(old_counts, anchors.hyphen_breaks)
    ]
    return old_counts, new_counts


def ids_in_python(keys: Sequence[str], table: dict[str, int]) -> list[int]:
    """Each key's id in ``table``, the keys not in it yet numbered on (from
    ``len(table)``) in the order they first occur; ``table`` grows. (``key_ids.c`` on the
    compiled path: the same ids in one pass.)"""
    table.update(zip(filterfalse(table.__contains__, dict.fromkeys(keys)), count(len(table))))
    return list(map(table.__getitem__, keys))


ids_of_keys: Callable[[Sequence[str], dict[str, int]], list[int]]
try:
    # The compiled path's (``key_ids.c``, built by ``make native``).
    from core.engine.key_ids import ids_of as ids_of_keys
except ImportError:
    ids_of_keys = ids_in_python


def word_tally_in_python(
    a: Sequence[int], words_a: Sequence[int], b: Sequence[int], words_b: Sequence[int], size: int
) -> Iterable[tuple[int, int]]:
    """How often each id of both sides is a word (its unit's weight true), as ``(id,
    count)`` for ``function_ids``: the ids of ``a`` and ``b`` below ``size``.
    (``key_ids.c``'s ``word_counts`` on the compiled path: every id's count, zeros too,
    which ``function_ids`` reads alike.)"""
    tally = word_counts(a, words_a)
    tally.update(word_counts(b, words_b))
    return tally.items()


def _word_tally_in_c(
    a: Sequence[int], words_a: Sequence[int], b: Sequence[int], words_b: Sequence[int], size: int
) -> Iterable[tuple[int, int]]:
    return enumerate(counted_words(a, words_a, b, words_b, size))


word_tally: Callable[
    [Sequence[int], Sequence[int], Sequence[int], Sequence[int], int], Iterable[tuple[int, int]]
]
try:
    # The compiled path's (``key_ids.c``): counted in one pass into an array.
    from core.engine.key_ids import word_counts as counted_words

    word_tally = _word_tally_in_c
except ImportError:
    word_tally = word_tally_in_python


def words_in_python(text: str, spans: Sequence[Span]) -> list[int]:
    """The contract words (``CONTRACT_WORD``) in each of ``text``'s ``spans``
    (``paragraph_scan.c``'s ``words_in`` on the compiled path; the same counts)."""
    return [len(CONTRACT_WORD.findall(text, start, end)) for start, end in spans]


def _words_in_c(text: str, spans: Sequence[Span]) -> list[int]:
    return words_in(text, spans, CONTRACT_JOINERS)


words_in_spans: Callable[[str, Sequence[Span]], list[int]]
try:
    # The compiled path's (``paragraph_scan.c``): counted in one walk, no list of words.
    from core.engine.paragraph_scan import words_in

    words_in_spans = _words_in_c
except ImportError:
    words_in_spans = words_in_python


def _anchored_units(
    text: str, anchors: tuple[Span, ...], counts: list[int], width: int, options: CompareOptions
) -> tuple[Tokens, list[int], list[int]]:
    """Units of the text between unchanged paragraphs, each paragraph one unit.

    The text between the paragraphs is joined with blank lines (a paragraph break,
    which no unit or sentence crosses) so one pass of the tokenizer and of the
    segmenter does it all; offsets are then moved back to the text's. Each
    paragraph becomes a single unit whose key no word can have and whose word count
    is the paragraph's: alignment pairs it with its twin, and it ends up as one
    ``equal`` block. Returns the units, the unit indices where sentences start, and
    the indices of the paragraph units.
    """
    regions = gaps(anchors, len(text))
    joined_starts = list(accumulate((r2 - r1 + len(_JOINER) for r1, r2 in regions), initial=0))
    joined = _JOINER.join(text[r1:r2] for r1, r2 in regions)
    wide = non_ascii(joined)  # (found once for both)
    part = _units(joined, options, wide)
    # Sentences as the whole text has them: whether single line breaks end sentences
    # depends on how the whole text is wrapped, not on the part left between anchors.
    sentences = segment(joined, width, wide).sentence_starts
    bounds = unit_boundaries(part.starts, sentences)
    del joined  # (a copy of the text: gone before the units are rebuilt)
    # Each region's units, and its shift back to the text.
    first_unit = [bisect_left(part.starts, joined_starts[k + 1]) for k in range(len(anchors))]
    edges = [0, *first_unit, len(part.starts)]
    shifts = [r1 - joined_starts[k] for k, (r1, _) in enumerate(regions)]
    starts, ends = placed_offsets(part.starts, part.ends, edges, shifts, anchors)
    # Each paragraph's unit follows the units of the regions up to it.
    paragraph_units = list(map(add, first_unit, range(len(anchors))))
    paragraph_keys = list(map(_PARAGRAPH_KEY.__add__, map(str, range(len(anchors)))))
    keys = cast(tuple[str, ...], interleaved(part.keys, paragraph_keys, edges))
    words = cast(tuple[int, ...], interleaved(part.words, counts, edges))
    # Each paragraph's unit counts its contract words as its word weight does.
    counted = (
        None
        if part.counted is None
        else cast(tuple[int, ...], interleaved(part.counted, counts, edges))
    )
    del part
    tokens = Tokens(starts, ends, keys, words, counted)
    return tokens, sentence_cuts(bounds, first_unit, paragraph_units, len(starts)), paragraph_units


def sentence_cuts(
    bounds: list[int], first_unit: list[int], paragraph_units: list[int], n: int
) -> list[int]:
    """Where a side's sentences start among its ``n`` units, paragraph units put in
    (``_anchored_units``), rising and distinct, neither 0 nor ``n``: the segmenter's
    ``bounds`` (rising) moved past the paragraph units before them (``first_unit``:
    where each paragraph's unit goes among the region's units, rising), and each
    paragraph unit's two edges. Two rising lists merged in one pass (a bisection a
    bound, a set and a sort took 3 ms of a 1 MB side)."""
    out: list[int] = []
    last = 0  # (nothing at or below it goes in: 0, or the last put in)
    moved = 0  # paragraph units before the bound looked at
    edges = 2 * len(paragraph_units)
    e = 0  # the next paragraph edge: unit e // 2, its start (even) or end (odd)
    for k in range(len(bounds) + 1):
        if k < len(bounds):
            while moved < len(first_unit) and first_unit[moved] <= bounds[k]:
                moved += 1
            at = bounds[k] + moved
        else:
            at = n  # (past the end: the paragraph edges left go in before it)
        while e < edges and (edge := paragraph_units[e // 2] + e % 2) < at:
            if last < edge:
                out.append(edge)
                last = edge
            e += 1
        if last < at < n:
            out.append(at)
            last = at
    return out


def interleaved_in_python(
    units: Sequence[object], paragraphs: Sequence[object], edges: Sequence[int]
) -> tuple[object, ...]:
    """The units of each region (``edges[k]`` to ``edges[k + 1]``), each followed by its
    paragraph's unit, then the last region's, as a tuple (``unit_place.c``'s
    ``interleaved`` on the compiled path)."""
    return tuple(_with_paragraphs(units, paragraphs, list(map(slice, edges, edges[1:]))))


interleaved: Callable[[Sequence[object], Sequence[object], Sequence[int]], tuple[object, ...]]
try:
    from core.engine.unit_place import interleaved
except ImportError:
    interleaved = interleaved_in_python


def _with_paragraphs(units: Sequence[T], paragraphs: Iterable[T], slices: list[slice]) -> list[T]:
    """The units of each region (``slices``) with each paragraph's unit put after its
    region: each region's slice copied at once (in C), not item by item."""
    out: list[T] = []
    # zip stops at the last paragraph: the run after it is added on its own.
    for region, paragraph in zip(slices, paragraphs):
        out += units[region]
        out.append(paragraph)
    out += units[slices[-1]]
    return out


def placed_in_python(
    starts: Sequence[int],
    ends: Sequence[int],
    edges: list[int],
    shifts: list[int],
    paragraphs: tuple[Span, ...],
) -> tuple[array[int], array[int]]:
    """The units' offsets moved back to the text, each paragraph's between the regions:
    region ``k`` holds the units ``edges[k]`` to ``edges[k + 1]``, shifted by
    ``shifts[k]``, and paragraph ``k`` follows it (``unit_place.c`` on the compiled
    path; ``tests/test_unit_place.py`` compares the two)."""
    moved = list(
        chain.from_iterable(
            repeat(shift, edges[k + 1] - edges[k]) for k, shift in enumerate(shifts)
        )
    )
    slices = list(map(slice, edges, edges[1:]))
    moved_starts = list(map(add, starts, moved))
    moved_ends = list(map(add, ends, moved))
    return (
        int_array(_with_paragraphs(moved_starts, map(itemgetter(0), paragraphs), slices)),
        int_array(_with_paragraphs(moved_ends, map(itemgetter(1), paragraphs), slices)),
    )


def _placed_in_c(
    starts: Sequence[int],
    ends: Sequence[int],
    edges: list[int],
    shifts: list[int],
    paragraphs: tuple[Span, ...],
) -> tuple[array[int], array[int]]:
    """``placed_in_python`` by ``unit_place.c`` where the offsets are int64 arrays."""
    if not (isinstance(starts, array) and isinstance(ends, array)):
        return placed_in_python(starts, ends, edges, shifts, paragraphs)
    placed_starts, placed_ends = placed(starts, ends, edges, shifts, paragraphs)
    return array("q", placed_starts), array("q", placed_ends)


placed_offsets: Callable[
    [Sequence[int], Sequence[int], list[int], list[int], tuple[Span, ...]],
    tuple[array[int], array[int]],
]
try:
    # The compiled path's (``unit_place.c``, built by ``make native``): both arrays
    # written in one pass, no integer objects made; the same offsets.
    from core.engine.unit_place import placed

    placed_offsets = _placed_in_c
except ImportError:
    placed_offsets = placed_in_python


def _units(text: str, options: CompareOptions, wide: set[str] | None = None) -> Tokens:
    tokens = tokenize(text, fold_case=options.ignore_case, wide=wide)
    return attach_punctuation(tokens) if options.ignore_punctuation else tokens


def _check(should_cancel: Cancel) -> None:
    if should_cancel is not None and should_cancel():
        raise CancelledError("comparison cancelled")


def _word_codes(
    a: Sequence[int],
    b: Sequence[int],
    words_a: Sequence[int],
    function: frozenset[int],
    a1: int,
    a2: int,
    b1: int,
    b2: int,
) -> list[Code]:
    """Word opcodes for two unit ranges: diff-match-patch when small, else LCS runs;
    confetti between edits dropped (``core.engine.word_cleanup``)."""
    sub_a, sub_b = a[a1:a2], b[b1:b2]
    runs: list[tuple[int, int, int]] | None = None
    if (a2 - a1) * (b2 - b1) <= WORD_DIFF_CELLS:
        # (a try, not contextlib.suppress: a context manager made for each of a
        # heavily edited 1 MB pair's 5,000 blocks was 3-4 ms)
        try:
            runs = diff_runs(sub_a, sub_b, a_offset=a1, b_offset=b1)
        except AlphabetOverflow:
            runs = None
    if runs is None:
        runs = equal_runs(sub_a, sub_b, a1, b1)
    runs = drop_confetti(runs, a, a2, b2, words_a, function, a1, b1)
    return codes_from_runs(runs, a1, a2, b1, b2)


def _refine(
    d: Draft,
    word_codes: Callable[[int, int, int, int], list[Code]],
    a: Sequence[int],
    words_a: Sequence[int],
    function: frozenset[int],
) -> Draft:
    """Word diff of a changed block (shared words are found even where the
    whole-text alignment linked none)."""
    if d.kind != "changed" or d.approximate:
        return d
    if (d.a2 - d.a1) * (d.b2 - d.b1) > WORD_DIFF_CELLS:
        return d
    codes = word_codes(d.a1, d.a2, d.b1, d.b2)
    if not shares_enough(codes, a, words_a, function):
        # Sentences sharing almost nothing ("the", a full stop): a whole replacement.
        return Draft("changed", d.a1, d.a2, d.b1, d.b2, gap_codes(d.a1, d.a2, d.b1, d.b2))
    kind = "equal" if all(c[0] == "equal" for c in codes) else "changed"
    return Draft(kind, d.a1, d.a2, d.b1, d.b2, codes, d.approximate)


def _paragraph_block(d: Draft, ta: Tokens, tb: Tokens) -> Block:
    """An unchanged paragraph's block: one ``equal`` op, exact (its twins were
    matched by their layout-free spelling, which is what ``exact`` compares)."""
    old_span = (ta.starts[d.a1], ta.ends[d.a1])
    new_span = (tb.starts[d.b1], tb.ends[d.b1])
    return new_block(
        "equal", old_span, new_span, (new_op("equal", old_span, new_span, True),), False
    )


def _block(d: Draft, ta: Tokens, tb: Tokens, make_ops: OpsMaker) -> Block:
    old_span = (ta.starts[d.a1], ta.ends[d.a2 - 1]) if d.a2 > d.a1 else None
    new_span = (tb.starts[d.b1], tb.ends[d.b2 - 1]) if d.b2 > d.b1 else None
    # Layout marks (a stop against a line break) only inside a sentence both sides hold.
    ops = make_ops(d.codes, d.a2 > d.a1 and d.b2 > d.b1)
    kind = d.kind
    if kind == "changed" and all(op.op == "equal" for op in ops):
        kind = "equal"  # what differed was layout (a full stop against a line break)
    return new_block(kind, old_span, new_span, ops, d.approximate)  # type: ignore[arg-type]
