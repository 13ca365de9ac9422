"""Many versions against one base: which base sentences each version keeps.

The N-way grid is built from ordinary pairwise comparisons ``compare(base, other)``,
one per other version, and reuses their block structure: nothing is aligned again.
For every base sentence (``core.engine.segment``) and every version the grid holds a cell:

- ``kept``: every word of the sentence lies in ``equal`` ops (moved text and trivial
  differences included) and no word was inserted inside it;
- ``edited``: at least ``EDITED_SHARE`` (half) of its words lie in ``equal`` ops;
- ``reworded``: less than that, but the comparison pairs the sentence with text of
  the version: some of its words are kept, or a run of ops that deletes part of it
  inserts words of the version in its place (inside a ``changed`` or ``moved``
  block);
- ``missing``: no counterpart at all (deleted, in a ``deleted`` block or by ops
  that put nothing in its place).

A sentence without words (``***``) is judged on its punctuation units instead.
Each cell also carries the version's wording: the span of that version's text that
the sentence's ops map to (equal ops clipped to the sentence, the words inserted
inside it and, for a reworded sentence, the version's sentences standing in its
place in the block), or None when the version has nothing in its place; and the
parts of the base sentence the version drops (its ``delete`` ops, clipped).

Where the sentence stands in a rewrite is found by position: its share of the
run of ops' old side maps to the same share of the new side, widened to the
version's whole sentences there (``core.engine.segment``). This is a stand-in for
whole-sentence rows of the comparison; it is linear in the texts.

Comparisons are independent: ``build_nway`` runs them in sequence (cancellable,
with progress), and a caller with a worker pool runs them itself and hands them to
``nway_from_comparisons``. ``default_base`` picks the base when the user did not.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import Literal

from core.engine.compare import compare
from core.engine.segment import segment
from core.engine.tokens import Tokens, attach_punctuation, count_words, tokenize
from core.errors import CancelledError
from core.model import Block, CompareOptions, Comparison, Document, Span

Status = Literal["kept", "edited", "reworded", "missing"]
STATUSES: tuple[Status, ...] = ("kept", "edited", "reworded", "missing")
# A sentence is "edited" (not "reworded") when at least this share of its words is kept.
EDITED_SHARE = 0.5
# Wording pieces further apart than this (in the version's text, beyond the sentence's
# own length) are not joined: a sentence half moved away shows its larger half.
_WORDING_GAP = 200

Progress = Callable[[int, int], None] | None
Cancel = Callable[[], bool] | None
ComparePair = Callable[[Document, Document], Comparison]


@dataclass(frozen=True, slots=True)
class Cell:
    """One version's fate of one base sentence.

    Attributes:
        status: ``kept``, ``edited``, ``reworded`` or ``missing``.
        span: the version's wording as a span of that version's text, or None.
        kept_words: how many of the sentence's words lie in ``equal`` ops.
        dropped: the parts of the base sentence the version deletes (base spans, in
            order, clipped to the sentence).
    """

    status: Status
    span: Span | None
    kept_words: int = 0
    dropped: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class SentenceRow:
    """One base sentence and its cells, one per version (in ``NWay.versions`` order).

    Attributes:
        base: the sentence's span in the base text, without surrounding whitespace.
        words: how many words the sentence holds.
        cells: one cell per version.
    """

    base: Span
    words: int
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class VersionSummary:
    """How much of the base one version keeps, and what it adds.

    Attributes:
        comparison: ``compare(base, version)``; ``comparison.new`` is the version.
        kept_share: share of the base's words kept (in equal ops, moved included).
        added_words: words the version inserts.
        similarity: the comparison's similarity (``comparison-json.md``).
        kept: base sentences kept as they are.
        edited: base sentences kept with changes (at least half their words).
        reworded: base sentences said in other words (under half their words kept).
        missing: base sentences with no counterpart in the version.
    """

    comparison: Comparison
    kept_share: float
    added_words: int
    similarity: float
    kept: int
    edited: int
    reworded: int
    missing: int

    @property
    def document(self) -> Document:
        """The version."""
        return self.comparison.new


@dataclass(frozen=True, slots=True)
class NWay:
    """The survival grid of a base document across several versions."""

    base: Document
    versions: tuple[VersionSummary, ...]
    sentences: tuple[SentenceRow, ...]

    @property
    def identical(self) -> bool:
        """True when every version says what the base says (trivial differences only)."""
        return all(v.comparison.identical for v in self.versions)


def build_nway(
    base: Document,
    others: Sequence[Document],
    options: CompareOptions | None = None,
    progress: Progress = None,
    should_cancel: Cancel = None,
) -> NWay:
    """Compare ``base`` with each of ``others`` in sequence and build the grid.

    Args:
        base: the version whose sentences form the rows.
        others: the other versions (the columns, in this order).
        options: what counts as a difference; defaults to ``CompareOptions()``.
        progress: called with (comparisons done, comparisons in all).
        should_cancel: polled between and during the comparisons.

    Returns:
        The grid.

    Raises:
        CancelledError: ``should_cancel`` returned True.
    """
    comparisons: list[Comparison] = []
    for done, other in enumerate(others):
        if progress is not None:
            progress(done, len(others))
        _check(should_cancel)
        comparisons.append(compare(base, other, options, should_cancel))
    if progress is not None:
        progress(len(others), len(others))
    return nway_from_comparisons(comparisons, should_cancel)


def nway_from_comparisons(comparisons: Sequence[Comparison], should_cancel: Cancel = None) -> NWay:
    """Build the grid from comparisons that all have the same base as ``old``.

    Args:
        comparisons: ``compare(base, version)`` for each version, in column order.
        should_cancel: polled once per version.

    Returns:
        The grid.

    Raises:
        ValueError: no comparison was given, or they do not share one base text.
    """
    if not comparisons:
        raise ValueError("an N-way grid needs at least one other version")
    base = comparisons[0].old
    if any(c.old.text != base.text for c in comparisons):
        raise ValueError("the comparisons do not share one base text")
    grid = _BaseGrid.of(base.text, comparisons[0].options)
    columns: list[tuple[Cell, ...]] = []
    summaries: list[VersionSummary] = []
    for comparison in comparisons:
        _check(should_cancel)
        cells = _Column(grid, comparison).cells()
        columns.append(cells)
        summaries.append(_summary(comparison, cells))
    # A row's words are the contract's (a Han clause is one word); the statuses weigh
    # each Han or kana character as a word (``grid.sentence_words``).
    rows = tuple(
        SentenceRow(span, count_words(base.text[span[0] : span[1]]), tuple(c[k] for c in columns))
        for k, span in enumerate(grid.sentences)
    )
    return NWay(base, tuple(summaries), rows)


def sort_by_similarity(nway: NWay) -> NWay:
    """The same grid with the versions (and every row's cells) most similar first."""
    order = sorted(range(len(nway.versions)), key=lambda i: -nway.versions[i].similarity)
    return _reordered(nway, order)


def _reordered(nway: NWay, order: Sequence[int]) -> NWay:
    rows = tuple(replace(r, cells=tuple(r.cells[i] for i in order)) for r in nway.sentences)
    return NWay(nway.base, tuple(nway.versions[i] for i in order), rows)


def kept_shares(
    count: int, comparisons: Mapping[tuple[int, int], Comparison]
) -> list[list[float | None]]:
    """``share[i][j]``: the share of document ``i``'s words that document ``j`` keeps.

    Args:
        count: how many documents there are.
        comparisons: ``compare(documents[i], documents[j])`` keyed by ``(i, j)``;
            one direction per pair is enough (common words count the same on
            both sides but for joined dashes).

    Returns:
        A ``count`` x ``count`` matrix; None where no comparison covers the pair.
    """
    share: list[list[float | None]] = [[None] * count for _ in range(count)]
    for (i, j), c in comparisons.items():
        s = c.stats
        share[i][j] = s.common_words / s.old_words if s.old_words else 1.0
        share[j][i] = s.common_words / s.new_words if s.new_words else 1.0
    return share


def default_base(
    documents: Sequence[Document], comparisons: Mapping[tuple[int, int], Comparison]
) -> int:
    """The index of the version to use as base when the user has not chosen one.

    When story families cannot name the likely original, the base is the version
    that covers the others best: the highest mean, over the other versions, of the
    share of *their* words found in it (ties: the longer text, then the earlier
    index). That is the fullest original, the wire copy an editor starts from; a
    version condensed from it keeps only its own words, all found in the others, and
    would have scored best had the shares been taken the other way round.

    Args:
        documents: the versions.
        comparisons: pairwise comparisons keyed by index pairs (see ``kept_shares``).

    Returns:
        An index into ``documents`` (0 when there is nothing to judge by).
    """
    share = kept_shares(len(documents), comparisons)

    def score(i: int) -> tuple[float, int, int]:
        # share[j][i]: the share of version j's words that version i holds.
        known = [v for j, row in enumerate(share) if j != i and (v := row[i]) is not None]
        mean = sum(known) / len(known) if known else 0.0
        return (round(mean, 9), len(documents[i].text), -i)

    return max(range(len(documents)), key=score) if documents else 0


def pairs_needed(count: int, base: int | None) -> list[tuple[int, int]]:
    """The comparisons an N-way grid of ``count`` documents needs, as index pairs.

    With no base chosen yet: one per unordered pair (for ``default_base``); the
    base's own comparisons with it as ``old`` are then added by the caller.
    """
    if base is None:
        return [(i, j) for i in range(count) for j in range(i + 1, count)]
    return [(base, j) for j in range(count) if j != base]


def _check(should_cancel: Cancel) -> None:
    if should_cancel is not None and should_cancel():
        raise CancelledError("comparison cancelled")


def _units(text: str, options: CompareOptions) -> Tokens:
    """The units ``core.engine.compare`` works on (their edges are the ops' edges)."""
    tokens = tokenize(text, fold_case=options.ignore_case)
    return attach_punctuation(tokens) if options.ignore_punctuation else tokens


@dataclass(frozen=True, slots=True)
class _BaseGrid:
    """The base's sentences and units, shared by every column.

    Units ``range_starts[k]`` to ``range_ends[k]`` belong to sentence ``k``; the
    ranges tile all units, since the sentences (trimmed tiles of the text) hold
    every visible character.
    """

    text: str
    options: CompareOptions
    units: Tokens
    sentences: tuple[Span, ...]
    sentence_starts: tuple[int, ...]
    range_starts: tuple[int, ...]
    range_ends: tuple[int, ...]
    word_sums: tuple[int, ...]

    @classmethod
    def of(cls, text: str, options: CompareOptions) -> _BaseGrid:
        units = _units(text, options)
        sentences = _trimmed_sentences(text)
        firsts = tuple(s for s, _ in sentences)
        starts = tuple(bisect_left(units.starts, s) for s in firsts)
        # len(units.words), not len(units): Tokens.starts carries one extra entry.
        ends = (*starts[1:], len(units.words)) if starts else ()
        sums = tuple(accumulate(units.words, initial=0))
        return cls(text, options, units, tuple(sentences), firsts, starts, ends, sums)

    def sentence_words(self, k: int) -> int:
        return self.word_sums[self.range_ends[k]] - self.word_sums[self.range_starts[k]]

    def sentence_units(self, k: int) -> int:
        return self.range_ends[k] - self.range_starts[k]

    def sentence_at(self, position: int) -> int:
        """The sentence holding the character at ``position`` (or the one before it)."""
        return max(bisect_right(self.sentence_starts, position) - 1, 0)

    def unit_range(self, span: Span) -> tuple[int, int]:
        """The units inside a span whose edges are unit edges (an op's span)."""
        starts = self.units.starts
        return bisect_left(starts, span[0]), bisect_left(starts, span[1])

    def sentences_over(self, lo: int, hi: int) -> range:
        """The sentences whose units meet the unit range ``[lo, hi)``."""
        return range(bisect_right(self.range_ends, lo), bisect_left(self.range_starts, hi))


@dataclass(frozen=True, slots=True)
class _Piece:
    """A part of a version's text that one base sentence maps to."""

    start: int
    end: int
    kept_words: int


class _Column:
    """The cells of one version: kept words, inserted words, pairing and wording per
    sentence."""

    def __init__(self, grid: _BaseGrid, comparison: Comparison) -> None:
        count = len(grid.sentences)
        self.grid = grid
        self.new_text = comparison.new.text
        self.kept_words = [0] * count
        self.kept_units = [0] * count
        self.inserted = [False] * count
        self.paired = [False] * count
        self.dropped: dict[int, list[Span]] = {}
        self.pieces: dict[int, list[_Piece]] = {}
        self._version: tuple[list[int], list[int], list[float]] | None = None
        # Runs of non-equal ops that delete base text and insert the version's:
        # (old start, old end, new start, new end) of each.
        self.hunks: list[tuple[int, int, int, int]] = []
        for block in comparison.blocks:
            if block.old is not None:
                self._block(block)
        for hunk in self.hunks:
            self._rewording(hunk)

    def _sentences_in(self, span: Span) -> range:
        """The base sentences that share a character with ``span``."""
        grid = self.grid
        first, last = grid.sentence_at(span[0]), grid.sentence_at(span[1] - 1)
        if grid.sentences and grid.sentences[first][1] <= span[0]:
            first += 1
        return range(first, last + 1)

    def _block(self, block: Block) -> None:
        ops = block.ops
        previous_end: int | None = None
        deleted: list[Span] = []
        inserted: list[Span] = []
        for n, op in enumerate(ops):
            if op.op == "equal":
                self._hunk(deleted, inserted)
                deleted, inserted = [], []
            if op.old is not None:
                if op.op == "equal" and op.new is not None:
                    self._equal(op.old, op.new)
                else:
                    self._drop(op.old)
                    deleted.append(op.old)
                previous_end = op.old[1]
                continue
            if op.new is None or not count_words(self.new_text[op.new[0] : op.new[1]]):
                continue
            inserted.append(op.new)
            following = next((o.old[0] for o in ops[n + 1 :] if o.old is not None), None)
            k = self._insert_sentence(previous_end, following)
            if k is not None:
                self.inserted[k] = True
                self.pieces.setdefault(k, []).append(_Piece(op.new[0], op.new[1], 0))
        self._hunk(deleted, inserted)

    def _hunk(self, deleted: list[Span], inserted: list[Span]) -> None:
        """A run of ops replacing base text with words of the version: the base
        sentences it deletes from are paired with that version text."""
        if not deleted or not inserted:
            return
        for old in deleted:
            for k in self._sentences_in(old):
                self.paired[k] = True
        self.hunks.append((deleted[0][0], deleted[-1][1], inserted[0][0], inserted[-1][1]))

    def _drop(self, old: Span) -> None:
        for k in self._sentences_in(old):
            s, e = self.grid.sentences[k]
            start, end = max(s, old[0]), min(e, old[1])
            if start < end:
                self.dropped.setdefault(k, []).append((start, end))

    def _insert_sentence(self, previous_end: int | None, following: int | None) -> int | None:
        """The base sentence inserted words belong to: the one they stand inside; between
        two sentences, the following one (a lead-in is more common than a tail after
        the full stop, which stands before it)."""
        grid = self.grid
        if previous_end is None:
            return None if following is None else grid.sentence_at(following)
        k = grid.sentence_at(previous_end - 1)
        if following is not None and previous_end >= grid.sentences[k][1]:
            return grid.sentence_at(following)
        return k

    def _equal(self, old: Span, new: Span) -> None:
        grid = self.grid
        u1, u2 = grid.unit_range(old)
        new_units: Tokens | None = None
        for k in grid.sentences_over(u1, u2):
            lo, hi = max(u1, grid.range_starts[k]), min(u2, grid.range_ends[k])
            self.kept_words[k] += grid.word_sums[hi] - grid.word_sums[lo]
            self.kept_units[k] += hi - lo
            start, end = new
            if (lo, hi) != (u1, u2):
                # The op crosses a sentence edge: its units pair one to one, so the
                # version's units of this op give the clipped span.
                if new_units is None:
                    new_units = _units(self.new_text[start:end], grid.options)
                if len(new_units.words) == u2 - u1:
                    start, end = (
                        new[0] + new_units.starts[lo - u1],
                        new[0] + new_units.ends[hi - 1 - u1],
                    )
            self.pieces.setdefault(k, []).append(_Piece(start, end, hi - lo))

    def _rewording(self, hunk: tuple[int, int, int, int]) -> None:
        """Give each reworded sentence of a hunk the version's sentences that stand in
        its place: its share of the hunk's old side, mapped onto the new side,
        widened to whole sentences of the version (clipped to the hunk)."""
        bs, be, ns, ne = hunk
        scale = (ne - ns) / (be - bs)
        for k in self._sentences_in((bs, be)):
            if self._status(k) != "reworded":
                continue
            s, e = self.grid.sentences[k]
            x, y = ns + (max(s, bs) - bs) * scale, ns + (min(e, be) - bs) * scale
            start, end = self._version_sentences_at(x, y)
            start, end = max(start, ns), min(end, ne)
            if start < end:
                self.pieces.setdefault(k, []).append(_Piece(start, end, 0))

    def _version_sentences_at(self, x: float, y: float) -> Span:
        """The version's sentences whose middles lie in ``[x, y]`` (or the one holding
        the middle of ``[x, y]``), as one span."""
        if self._version is None:
            spans = _trimmed_sentences(self.new_text)
            self._version = (
                [s for s, _ in spans],
                [e for _, e in spans],
                [(s + e) / 2 for s, e in spans],
            )
        starts, ends, middles = self._version
        if not starts:
            return 0, len(self.new_text)
        lo, hi = bisect_left(middles, x), bisect_right(middles, y)
        if lo < hi:
            return starts[lo], ends[hi - 1]
        i = min(max(bisect_right(starts, (x + y) / 2) - 1, 0), len(starts) - 1)
        return starts[i], ends[i]

    def cells(self) -> tuple[Cell, ...]:
        return tuple(self._cell(k) for k in range(len(self.grid.sentences)))

    def _cell(self, k: int) -> Cell:
        status = self._status(k)
        span = None if status == "missing" else self._wording(k)
        if status == "reworded" and span is not None:
            span = self._whole_sentences(span)
        return Cell(status, span, self.kept_words[k], tuple(self.dropped.get(k, ())))

    def _whole_sentences(self, span: Span) -> Span:
        """``span`` widened to the version's whole sentences it meets."""
        self._version_sentences_at(span[0], span[0])  # makes self._version
        assert self._version is not None
        starts, ends, _ = self._version
        if not starts:
            return span
        first = max(bisect_right(starts, span[0]) - 1, 0)
        last = max(bisect_right(starts, span[1] - 1) - 1, 0)
        return min(span[0], starts[first]), max(span[1], ends[last])

    def _status(self, k: int) -> Status:
        total = self.grid.sentence_words(k)
        kept = self.kept_words[k]
        if not total:  # no word at all ("***"): judge the punctuation units
            total, kept = self.grid.sentence_units(k), self.kept_units[k]
        if kept >= total and not self.inserted[k]:
            return "kept"
        if kept and kept >= EDITED_SHARE * total:
            return "edited"
        return "reworded" if kept or self.paired[k] else "missing"

    def _wording(self, k: int) -> Span | None:
        pieces = sorted(self.pieces.get(k, ()), key=lambda p: p.start)
        if not pieces:
            return None
        s, e = self.grid.sentences[k]
        gap = (e - s) + _WORDING_GAP
        clusters: list[list[_Piece]] = [[pieces[0]]]
        for piece in pieces[1:]:
            if piece.start - max(p.end for p in clusters[-1]) > gap:
                clusters.append([piece])
            else:
                clusters[-1].append(piece)
        best = max(clusters, key=lambda c: sum(p.kept_words for p in c))
        return min(p.start for p in best), max(p.end for p in best)


def _trimmed_sentences(text: str) -> list[Span]:
    """The sentences of ``text`` (``core.engine.segment``) without the whitespace
    around them; sentences of whitespace only are left out."""
    sentences: list[Span] = []
    for s, e in segment(text).sentences:
        piece = text[s:e]
        start = s + len(piece) - len(piece.lstrip())
        end = s + len(piece.rstrip())
        if end > start:
            sentences.append((start, end))
    return sentences


def _summary(comparison: Comparison, cells: Sequence[Cell]) -> VersionSummary:
    s = comparison.stats
    share = s.common_words / s.old_words if s.old_words else 1.0
    statuses = [c.status for c in cells]
    return VersionSummary(
        comparison=comparison,
        kept_share=share,
        added_words=s.inserted_words,
        similarity=s.similarity,
        kept=statuses.count("kept"),
        edited=statuses.count("edited"),
        reworded=statuses.count("reworded"),
        missing=statuses.count("missing"),
    )
