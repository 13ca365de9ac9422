"""Move detection: text deleted in one place and inserted, maybe edited, at another.

Candidates are the sides of blocks with nothing in common with their counterpart
(whole deleted or inserted sentences, and pure replacements). An inverted index on
their tokens proposes pairs; the LCS similarity of a pair decides; pairs are taken
best first, so a sentence goes to its true counterpart before a near-duplicate twin.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass, replace
from itertools import chain, compress, repeat
from operator import itemgetter

from core.engine.blocks import Code, Draft, kind_of, one_sided
from core.engine.lcs import contained, equal_runs, lcs_length, similarity, similarity_of
from core.engine.sequences import running_totals_of
from core.errors import CancelledError

# A move must carry at least this many words on the old side.
MIN_MOVE_WORDS = 4
# ... and share this share of its tokens in order with its counterpart ...
MIN_MOVE_SIMILARITY = 0.5
# ... and at least this many words in order: shared punctuation ("6.7% (1999 est.)"
# against "0.4% (2001)") or a phrase of two words ("copying, distribution") is no
# evidence that text moved.
MIN_SHARED_MOVE_WORDS = 3
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
    """Draft ``old_draft``'s old side moved to draft ``new_draft``'s new side; with
    the old side of ``old_joined`` or the new side of ``new_joined`` next to them when
    not -1 (a sentence joined to the moved one: ``core.engine.merges``)."""

    old_draft: int
    new_draft: int
    score: float
    old_joined: int = -1
    new_joined: int = -1

    @property
    def old_drafts(self) -> range:
        """The drafts whose old sides moved, in order."""
        return _spanned(self.old_draft, self.old_joined)

    @property
    def new_drafts(self) -> range:
        """The drafts whose new sides the move took, in order."""
        return _spanned(self.new_draft, self.new_joined)


def _spanned(own: int, joined: int) -> range:
    return range(own, own + 1) if joined < 0 else range(min(own, joined), max(own, joined) + 1)


def find_moves(
    drafts: Sequence[Draft],
    a: Sequence[int],
    b: Sequence[int],
    words_a: Sequence[int],
    words_b: Sequence[int],
    should_cancel: Callable[[], bool] | None = None,
    quote_ids: frozenset[int] = frozenset(),
    function: frozenset[int] | None = None,
    hints: Set[tuple[int, int]] = frozenset(),
    stand_ins: Set[int] = frozenset(),
    totals: tuple[Sequence[int], Sequence[int]] | None = None,
) -> list[MovePair]:
    """Pair unmatched old sides with unmatched new sides that say the same thing
    (``quote_ids``: the ids of quotation marks, for ``_held``; ``function``: the ids of
    function words, for ``_reworded``; ``hints``: where sentences that changed places
    start, old and new, paired at ``MIN_REWORDED_SIMILARITY``: ``core.engine.swaps``;
    ``stand_ins``: sides cut off from a stand-in (``split_long_ends``), paired only
    with a side that holds them or that they hold, nearly whole and in order;
    ``totals``: the running totals of ``words_a`` and ``words_b``, when the caller has
    them)."""
    olds, news, own = _candidates(drafts, a, b, words_a, words_b, totals)
    if not olds or not news:
        return []
    hinted = _hinted(drafts, olds, news, hints)
    too_common = min(MAX_TOKEN_HITS, max(2, int(len(news) * COMMON_TOKEN_SHARE)))
    old_spans = [(drafts[k].a1, drafts[k].a2) for k in olds]
    new_spans = [(drafts[k].b1, drafts[k].b2) for k in news]
    # Only tokens in few candidates vote; each pair proposed comes with its LCS.
    voted, lengths = scored(
        a, b, olds, old_spans, news, new_spans, too_common, PROPOSALS_PER_CANDIDATE, len(drafts)
    )
    new_ids = {k: b[lo:hi] for k, (lo, hi) in zip(news, new_spans)}
    bags = _Bags(drafts, a, b, words_a, words_b, function)
    found: list[tuple[float, int, int]] = []
    widened: dict[tuple[int, int], int] = {}  # (old, new) -> the changed draft joined
    widening = _Widening(drafts, a, b, {*olds, *news})
    for n, k in enumerate(olds):
        if should_cancel is not None and n % 256 == 0 and should_cancel():
            raise CancelledError("comparison cancelled")
        lo, hi = old_spans[n]
        ids = a[lo:hi]
        proposed, common = voted[n], lengths[n]
        if k in hinted and hinted[k] not in proposed:
            proposed.append(hinted[k])
            common.append(lcs_length(ids, new_ids[hinted[k]]))
        for m, shared in zip(proposed, common):
            score = similarity_of(shared, hi - lo, len(new_ids[m]))
            if hinted.get(k) == m:
                good = score >= MIN_REWORDED_SIMILARITY
            elif k in own or m in own:
                floor = max(own.get(k, 0.0), own.get(m, 0.0))
                good = score >= max(LINKED_MOVE_SIMILARITY, floor + BETTER_BY)
            else:
                good = score >= MIN_MOVE_SIMILARITY or (
                    score >= MIN_REWORDED_SIMILARITY
                    and (
                        _held(ids, new_ids[m], quote_ids)
                        or bags.reworded(k, m)
                        or _split_off(
                            ids,
                            new_ids[m],
                            abs(k - m),
                            _word_counts(drafts, k, m, (words_a, words_b)),
                        )
                    )
                )
            if good and (k in stand_ins or m in stand_ins):
                good = contained(ids, new_ids[m]) >= SPLIT_SHARE
            if good and _words_agree(drafts[k], drafts[m], a, b, words_a, words_b):
                found.append((score, k, m))
            elif (wide := widening.score(k, m, ids, words_a, words_b)) is not None:
                found.append((wide, k, m))
                widened[(k, m)] = m - 1
    return [
        replace(p, new_joined=widened[(p.old_draft, p.new_draft)])
        if (p.old_draft, p.new_draft) in widened
        else p
        for p in best_first(found)
    ]


def scored_in_python(
    a: Sequence[int],
    b: Sequence[int],
    olds: Sequence[int],
    old_spans: Sequence[tuple[int, int]],
    news: Sequence[int],
    new_spans: Sequence[tuple[int, int]],
    too_common: int,
    limit: int,
    size: int,
) -> tuple[list[list[int]], list[list[int]]]:
    """For each old side ``olds[n]`` (its ids ``a[lo:hi]``, ``old_spans[n]``), the new
    sides (``news``, their ids in ``b`` at ``new_spans``) it proposes for a move
    (``proposals_in_python``: the ids held by ``too_common`` new sides or fewer vote),
    and the LCS's length of each pair. (``move_votes.c`` on the compiled path: the
    same lists.)"""
    index: dict[int, list[int]] = defaultdict(list)
    for k, (lo, hi) in zip(news, new_spans):
        for t in set(b[lo:hi]):
            index[t].append(k)
    voters = {t: hits for t, hits in index.items() if len(hits) <= too_common}
    voted = proposals_in_python(a, old_spans, olds, voters, limit, size)
    new_at = dict(zip(news, new_spans))
    lengths = [
        [lcs_length(a[lo:hi], b[new_at[m][0] : new_at[m][1]]) for m in found]
        for (lo, hi), found in zip(old_spans, voted)
    ]
    return voted, lengths


def proposals_in_python(
    a: Sequence[int],
    spans: Sequence[tuple[int, int]],
    olds: Sequence[int],
    voters: dict[int, list[int]],
    limit: int,
    size: int,
) -> list[list[int]]:
    """For each old side ``olds[n]`` (its ids ``a[lo:hi]``, ``spans[n]``), the ``limit``
    new sides its distinct ids vote for most (``voters``: the new sides holding each
    id that votes), itself aside; ties in the order their first vote came. (``size``:
    how many drafts there are. ``move_votes.c`` on the compiled path: the same lists.)"""
    found: list[list[int]] = []
    for k, (lo, hi) in zip(olds, spans):
        # Counted in C, each candidate in the order its first vote came.
        votes = Counter(chain.from_iterable(map(voters.get, set(a[lo:hi]), repeat(()))))
        # Deleting a key keeps the others in the order they came: the ties below fall
        # as they would had it never been counted.
        votes.pop(k, None)
        # The most voted first, ties in the order they came (what ``most_common``
        # gives, sorted in C).
        ranked = sorted(votes.items(), key=itemgetter(1), reverse=True)
        found.append([m for m, _ in ranked[:limit]])
    return found


def _scored_in_c(
    a: Sequence[int],
    b: Sequence[int],
    olds: Sequence[int],
    old_spans: Sequence[tuple[int, int]],
    news: Sequence[int],
    new_spans: Sequence[tuple[int, int]],
    too_common: int,
    limit: int,
    size: int,
) -> tuple[list[list[int]], list[list[int]]]:
    """``scored_in_python`` by ``move_votes.c`` (for lists of ids that are C integers)."""
    args = (olds, old_spans, news, new_spans, too_common, limit, size)
    if isinstance(a, list) and isinstance(b, list):
        found = scored_c(a, b, *args)
        if found is not None:
            return found
    return scored_in_python(a, b, *args)


try:
    # The compiled path's (``move_votes.c``, built by ``make native``): the index in
    # a C table, the votes counted in an array indexed by draft, each old side's LCS
    # masks built once for its proposals.
    from core.engine.move_votes import scored as scored_c

    scored = _scored_in_c
except ImportError:
    scored = scored_in_python


class _Widening:
    """Old draft ``k`` paired with inserted draft ``m``'s new side together with the
    changed draft just before it, when ``k`` is what that sentence says and the old
    side the alignment gave it is not: a sentence moved and reworded whose first words
    the alignment tied by chance to a short sentence in its place ("XZ Utils supports
    multithreaded compression." against "The .xz format supports multiple compression
    algorithms, called filters, ...", the old sentence of that name cut two sentences
    up). Each ``m``'s sentence, and how like it its own old side is, counted once."""

    def __init__(
        self,
        drafts: Sequence[Draft],
        a: Sequence[int],
        b: Sequence[int],
        candidates: Set[int],
    ) -> None:
        self._drafts = drafts
        self._a = a
        self._b = b
        self._candidates = candidates
        self._sentences: dict[int, tuple[Sequence[int], float] | None] = {}

    def _sentence(self, m: int) -> tuple[Sequence[int], float] | None:
        """Draft ``m``'s new side joined to the changed draft before it, and that
        draft's old side's similarity to the two; None when ``m`` is no such tail."""
        if m in self._sentences:
            return self._sentences[m]
        found: tuple[Sequence[int], float] | None = None
        if m > 0 and m - 1 not in self._candidates:
            before, tail = self._drafts[m - 1], self._drafts[m]
            if before.kind == "changed" and before.b2 == tail.b1 and tail.a1 == tail.a2:
                sentence = self._b[before.b1 : tail.b2]
                found = (sentence, similarity(self._a[before.a1 : before.a2], sentence))
        self._sentences[m] = found
        return found

    def score(
        self, k: int, m: int, ids: Sequence[int], words_a: Sequence[int], words_b: Sequence[int]
    ) -> float | None:
        """The similarity of old draft ``k`` (its ids ``ids``) to inserted draft ``m``'s
        sentence, when it is more like it than its own old side is; None when not."""
        joined = self._sentence(m)
        if joined is None:
            return None
        sentence, own = joined
        score = similarity(ids, sentence)
        if score < max(MIN_MOVE_SIMILARITY, own + BETTER_BY):
            return None
        old = self._drafts[k]
        whole = Draft("changed", old.a1, old.a2, self._drafts[m - 1].b1, self._drafts[m].b2)
        return score if _words_agree(old, whole, self._a, self._b, words_a, words_b) else None


def _hinted(
    drafts: Sequence[Draft], olds: Sequence[int], news: Sequence[int], hints: Set[tuple[int, int]]
) -> dict[int, int]:
    """The candidates ``hints`` pair (old draft -> new draft): a hint's old side starts
    the old draft, its new side the new one."""
    if not hints:
        return {}
    new_at = {drafts[m].b1: m for m in news if drafts[m].b2 > drafts[m].b1}
    paired = dict(hints)
    out: dict[int, int] = {}
    for k in olds:
        new_start = paired.get(drafts[k].a1)
        if new_start is not None and new_start in new_at:
            out[k] = new_at[new_start]
    return out


# A sentence moved and reworded, its phrases put in another order ("This marks the
# fourth evacuation for 2013 at Paris' famous landmark" -> "Sunday's closure marks the
# fifth evacuation for 2013 at Paris' famous landmark"), shares too little in order to
# count as moved: its content words, each once, share at least MIN_REWORDED_WORDS words
# and REWORDED_SHARE of them (Dice), or MANY_REWORDED_WORDS and MANY_REWORDED_SHARE
# (GPL 3's "The GNU General Public License is a free, copyleft license for software"
# shares six of its words, 0.6, with GPL 2's "(Some other Free Software Foundation
# software is covered by the GNU Lesser General Public License instead.)").
MIN_REWORDED_WORDS = 6
REWORDED_SHARE = 0.65
MANY_REWORDED_WORDS = 8
MANY_REWORDED_SHARE = 0.6
# (such a pair, and a quotation lifted out of a sentence at most three times as long,
# still shares this much in order: the bags and containments are counted for few pairs)
MIN_REWORDED_SIMILARITY = 0.3


class _Bags:
    """The content words of the candidates' sides, as bags, counted when first asked."""

    def __init__(
        self,
        drafts: Sequence[Draft],
        a: Sequence[int],
        b: Sequence[int],
        words_a: Sequence[int],
        words_b: Sequence[int],
        function: frozenset[int] | None,
    ) -> None:
        self._sides = ((a, words_a), (b, words_b))
        self._drafts = drafts
        self._function = function
        self._bags: dict[tuple[int, int], frozenset[int]] = {}

    def _bag(self, side: int, k: int) -> frozenset[int]:
        found = self._bags.get((side, k))
        if found is None:
            ids, words = self._sides[side]
            d = self._drafts[k]
            lo, hi = (d.a1, d.a2) if side == 0 else (d.b1, d.b2)
            found = frozenset(compress(ids[lo:hi], words[lo:hi])) - (self._function or set())
            self._bags[side, k] = found
        return found

    def reworded(self, k: int, m: int) -> bool:
        """Whether draft ``k``'s old side and draft ``m``'s new side share enough
        content words in any order (each word once)."""
        if self._function is None:
            return False
        old, new = self._bag(0, k), self._bag(1, m)
        shared = len(old & new)
        if shared < MIN_REWORDED_WORDS:
            return False
        share = MANY_REWORDED_SHARE if shared >= MANY_REWORDED_WORDS else REWORDED_SHARE
        return 2 * shared >= share * (len(old) + len(new))


# A quotation lifted out of a long sentence into a short one of its own (a quote taken
# to the lead) is a move too, though the two share less than ``MIN_MOVE_SIMILARITY``:
# the shorter holds a quotation mark and at least MIN_HELD_UNITS units, at least
# HELD_SHARE of them stand in order in the longer, at most HELD_LENGTHS times as long.
MIN_HELD_UNITS = 14
HELD_SHARE = 0.7
HELD_LENGTHS = 3


def _held(a: Sequence[int], b: Sequence[int], quote_ids: frozenset[int]) -> bool:
    """Whether the shorter of ``a`` and ``b`` is a quotation the longer holds."""
    short_ids, long_ids = sorted((a, b), key=len)
    short, long = len(short_ids), len(long_ids)
    if short < MIN_HELD_UNITS or long > HELD_LENGTHS * short or quote_ids.isdisjoint(short_ids):
        return False
    return contained(a, b) >= HELD_SHARE


STAND_IN_WORDS = 2
"""A phrase moved away and a pronoun left in its place ("inspect the levee near Port
Allen" -> "inspect it"): a long stretch replaced by this many words or fewer at a
changed sentence's end (or start) is cut off for move detection
(``split_long_ends``), and paired only with a side that holds it or that it holds
(``SPLIT_SHARE`` of the shorter, in order)."""

# A clause of a sentence cut that stands as a sentence of its own close by ("In 2020
# Toroansi was one of two women ...; the other was Ruby Mirinka." cut, "The other was
# Ruby Miriam." put in two blocks before): the shorter has MIN_SPLIT_WORDS words or
# more, SPLIT_SHARE of its units stand in order in the longer, at most SPLIT_LENGTHS
# times as long, the two at most SPLIT_DRAFTS drafts apart.
MIN_SPLIT_WORDS = 5
SPLIT_SHARE = 0.8
SPLIT_LENGTHS = 4
SPLIT_DRAFTS = 4


def _split_off(a: Sequence[int], b: Sequence[int], apart: int, words: tuple[int, int]) -> bool:
    """Whether the shorter of ``a`` and ``b`` (``words``: their words) is a clause of the
    longer split off as a sentence close by (``apart``: drafts between them)."""
    if apart > SPLIT_DRAFTS or min(words) < MIN_SPLIT_WORDS:
        return False
    short, long = sorted((len(a), len(b)))
    return long <= SPLIT_LENGTHS * short and contained(a, b) >= SPLIT_SHARE


def _word_counts(
    drafts: Sequence[Draft], k: int, m: int, words: tuple[Sequence[int], Sequence[int]]
) -> tuple[int, int]:
    """The words of draft ``k``'s old side and draft ``m``'s new side."""
    old, new = drafts[k], drafts[m]
    return sum(words[0][old.a1 : old.a2]), sum(words[1][new.b1 : new.b2])


def _words_agree(
    old: Draft,
    new: Draft,
    a: Sequence[int],
    b: Sequence[int],
    words_a: Sequence[int],
    words_b: Sequence[int],
) -> bool:
    """Whether ``old``'s old side and ``new``'s new side share at least
    ``MIN_SHARED_MOVE_WORDS`` words in order, punctuation left out (a unit counts
    its words: ``hamster - cricetulus`` is one unit of two)."""
    old_words = words_a[old.a1 : old.a2]
    weights = [w for w in old_words if w]
    old_ids = list(compress(a[old.a1 : old.a2], old_words))
    new_ids = list(compress(b[new.b1 : new.b2], words_b[new.b1 : new.b2]))
    shared = sum(sum(weights[i : i + n]) for i, _, n in equal_runs(old_ids, new_ids))
    return shared >= MIN_SHARED_MOVE_WORDS


def best_first(scored: list[tuple[float, int, int]]) -> list[MovePair]:
    """The pairs ``(score, old draft, new draft)`` taken best first, each draft's side
    once (a sentence goes to its true counterpart before a near-duplicate twin)."""
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


_Candidates = tuple[list[int], list[int], dict[int, float]]


def _candidates(
    drafts: Sequence[Draft],
    a: Sequence[int],
    b: Sequence[int],
    words_a: Sequence[int],
    words_b: Sequence[int],
    totals: tuple[Sequence[int], Sequence[int]] | None = None,
) -> _Candidates:
    """The drafts whose old side may have moved, those whose new side may be where
    one moved to, and for a linked draft among them the similarity its two sides
    have with each other (their own pairing)."""
    olds: list[int] = []
    news: list[int] = []
    own: dict[int, float] = {}
    totals_a, totals_b = totals or (running_totals_of(words_a), running_totals_of(words_b))
    for k, d in enumerate(drafts):
        old_words = totals_a[d.a2] - totals_a[d.a1]
        new_words = totals_b[d.b2] - totals_b[d.b1]
        # (An equal draft's codes are all equal and tile it: it shares all its words.)
        shared = (
            old_words
            if d.kind == "equal"
            else sum(totals_a[c[2]] - totals_a[c[1]] for c in d.codes if c[0] == "equal")
        )
        linked = shared > MAX_SHARED_SHARE * max(old_words, new_words, 1)
        if linked and shared <= MAX_LINKED_SHARE * min(old_words, new_words):
            own[k] = similarity(a[d.a1 : d.a2], b[d.b1 : d.b2])
        elif linked:
            continue
        if old_words >= MIN_MOVE_WORDS:
            olds.append(k)
        if new_words:
            news.append(k)
    return olds, news, own


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
    moved_from = {k: p for p in pairs for k in p.old_drafts}
    moved_to = {k: p for p in pairs for k in p.new_drafts}
    out: list[Draft] = []
    for k, d in enumerate(drafts):
        keep_old = k not in moved_from
        keep_new = k not in moved_to
        if k in moved_to:
            if keep_old and d.a2 > d.a1:
                out.append(_one_sided(d, old=True))
            pair = moved_to[k]
            if k != pair.new_drafts[0]:
                continue  # (a sentence joined to the moved one: the move holds it)
            olds, news = pair.old_drafts, pair.new_drafts
            a1, a2 = drafts[olds[0]].a1, drafts[olds[-1]].a2
            b1, b2 = d.b1, drafts[news[-1]].b2
            codes = word_diff(a1, a2, b1, b2)
            approximate = any(drafts[j].approximate for j in olds)
            out.append(Draft("moved", a1, a2, b1, b2, codes, approximate))
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


def split_long_ends(
    drafts: Sequence[Draft],
    words_a: Sequence[int],
    words_b: Sequence[int],
    ids: tuple[Sequence[int], Sequence[int]] | None = None,
) -> tuple[list[Draft], list[int], frozenset[int]]:
    """Drafts with a long one-sided end cut off as a draft of its own, for move detection.

    A sentence moved next to a sentence without a full stop merges with it ("… of
    Mosul the video, which shows …"): the moved text is then the inserted tail of a
    changed block, which ``find_moves`` would not see. Each changed draft whose last
    (else first) opcode inserts or deletes ``MIN_MOVE_WORDS`` words or more is cut in
    two; so is one whose last (else first) two opcodes replace ``MIN_MOVE_WORDS`` words
    or more by ``STAND_IN_WORDS`` or fewer (a phrase moved away, a pronoun in its
    place), the long side cut off. Returns the drafts; for each, the index of the draft
    it was cut from (-1 for one left whole): ``rejoin_unused`` puts back the cuts no
    move used; and the indices of the sides cut off from a stand-in
    (``find_moves``'s ``stand_ins``).
    """
    out: list[Draft] = []
    origin: list[int] = []
    stand_ins: set[int] = set()
    for k, d in enumerate(drafts):
        parts = _cut_ends(d, words_a, words_b, ids) if ids is not None else []
        parts = parts or _cut_end(d, words_a, words_b, stand_ins, len(out))
        out.extend(parts)
        origin.extend([k if len(parts) > 1 else -1] * len(parts))
    return out, origin, frozenset(stand_ins)


def _cut_ends(
    d: Draft,
    words_a: Sequence[int],
    words_b: Sequence[int],
    ids: tuple[Sequence[int], Sequence[int]],
) -> list[Draft]:
    """A clause moved inside its sentence: ``d`` cut in three when it opens by cutting
    (or putting in) ``MIN_MOVE_WORDS`` words or more and ends by putting in (or cutting)
    words ``MIN_MOVE_SIMILARITY`` similar to them ("The council approved the budget
    after a debate." -> "After a debate, the council approved the budget."); else
    none."""
    if d.kind != "changed" or not d.has_equal or len(d.codes) < 3 or d.approximate:
        return []
    first, last = d.codes[0], d.codes[-1]
    if last[0] == "equal" and not any(words_a[last[1] : last[2]]) and len(d.codes) > 3:
        last = d.codes[-2]  # (the sentence's own final mark)
    kinds = {first[0], last[0]}
    if kinds != {"delete", "insert"}:
        return []
    cut, put = (first, last) if first[0] == "delete" else (last, first)
    if sum(words_a[cut[1] : cut[2]]) < MIN_MOVE_WORDS or sum(words_b[put[3] : put[4]]) < (
        MIN_MOVE_WORDS
    ):
        return []
    a, b = ids
    if similarity(a[cut[1] : cut[2]], b[put[3] : put[4]]) < MIN_MOVE_SIMILARITY:
        return []
    head, tail = d.codes.index(first), d.codes.index(last)
    middle = d.codes[head + 1 : tail]
    a1, a2 = middle[0][1], middle[-1][2]
    b1, b2 = middle[0][3], middle[-1][4]
    rest = d.codes[tail + 1 :]
    parts = [
        one_sided(first),
        Draft(kind_of(middle, a1, a2, b1, b2), a1, a2, b1, b2, list(middle)),
        one_sided(last),
    ]
    if rest:
        r = rest[0]
        parts.append(Draft("equal", r[1], rest[-1][2], r[3], rest[-1][4], list(rest)))
    return parts


def _cut_end(
    d: Draft, words_a: Sequence[int], words_b: Sequence[int], stand_ins: set[int], at: int
) -> list[Draft]:
    """``d`` with its long one-sided end cut off (``split_long_ends``); a side cut off
    from a stand-in is added to ``stand_ins`` (``at``: where ``d``'s parts start)."""
    if d.kind != "changed" or not d.has_equal or len(d.codes) < 2 or d.approximate:
        return [d]
    codes = d.codes
    # The sentence's own final mark may follow the long end: it stays a part of its own.
    last = codes[-1]
    stop = last[0] == "equal" and not any(words_a[last[1] : last[2]]) and len(codes) > 2
    body = codes[:-1] if stop else codes
    a2, b2 = (last[1], last[3]) if stop else (d.a2, d.b2)
    trail = [Draft("equal", last[1], last[2], last[3], last[4], [last])] if stop else []
    tag, i1, i2, j1, j2 = body[-1]
    if tag == "insert" and sum(words_b[j1:j2]) >= MIN_MOVE_WORDS:
        rest = body[:-1]
        return [
            Draft(kind_of(rest, d.a1, a2, d.b1, j1), d.a1, a2, d.b1, j1, rest),
            Draft("inserted", a2, a2, j1, j2, [body[-1]]),
            *trail,
        ]
    if tag == "delete" and sum(words_a[i1:i2]) >= MIN_MOVE_WORDS:
        rest = body[:-1]
        return [
            Draft(kind_of(rest, d.a1, i1, d.b1, b2), d.a1, i1, d.b1, b2, rest),
            Draft("deleted", i1, i2, b2, b2, [body[-1]]),
            *trail,
        ]
    cut = _replaced_end(body, words_a, words_b)
    if cut is not None:
        (_, i1, i2, _, _), (_, _, _, j1, j2) = cut
        # The short insert stays, where the cut began.
        rest = [*body[:-2], ("insert", i1, i1, j1, j2)]
        stand_ins.add(at + 1)
        return [
            Draft(kind_of(rest, d.a1, i1, d.b1, b2), d.a1, i1, d.b1, b2, rest),
            one_sided(("delete", i1, i2, b2, b2)),
            *trail,
        ]
    tag, i1, i2, j1, j2 = codes[0]
    if tag == "insert" and sum(words_b[j1:j2]) >= MIN_MOVE_WORDS:
        rest = codes[1:]
        return [
            Draft("inserted", d.a1, d.a1, j1, j2, [codes[0]]),
            Draft(kind_of(rest, d.a1, d.a2, j2, d.b2), d.a1, d.a2, j2, d.b2, rest),
        ]
    if tag == "delete" and sum(words_a[i1:i2]) >= MIN_MOVE_WORDS:
        rest = codes[1:]
        return [
            Draft("deleted", i1, i2, d.b1, d.b1, [codes[0]]),
            Draft(kind_of(rest, i2, d.a2, d.b1, d.b2), i2, d.a2, d.b1, d.b2, rest),
        ]
    put = _replaced_start(codes, words_a, words_b)
    if put is not None:
        (_, i1, i2, _, _), (_, _, _, j1, j2) = put
        # The short cut stays, after what was put in.
        rest = [("delete", i1, i2, j2, j2), *codes[2:]]
        stand_ins.add(at)
        return [
            one_sided(("insert", d.a1, d.a1, j1, j2)),
            Draft(kind_of(rest, d.a1, d.a2, j2, d.b2), d.a1, d.a2, j2, d.b2, rest),
        ]
    return [d]


def _replaced_end(
    body: Sequence[Code], words_a: Sequence[int], words_b: Sequence[int]
) -> tuple[Code, Code] | None:
    """A replacement ending ``body`` of a long cut by a stand-in in a sentence that
    otherwise stays: the delete and insert codes, or None. (A replacement is a delete,
    then an insert: the long insert of the same words the other way round is the last
    code, cut off above; this makes the two ways round find the same move.)"""
    if len(body) < 2 or body[-1][0] != "insert" or body[-2][0] != "delete":
        return None
    cut, put = body[-2], body[-1]
    return (
        (cut, put)
        if _stands_in(body, words_a, words_a[cut[1] : cut[2]], words_b[put[3] : put[4]])
        else None
    )


def _replaced_start(
    codes: Sequence[Code], words_a: Sequence[int], words_b: Sequence[int]
) -> tuple[Code, Code] | None:
    """A replacement opening ``codes`` of a stand-in by a long insert in a sentence that
    otherwise stays: the delete and insert codes, or None (the mirror of
    ``_replaced_end``)."""
    if len(codes) < 3 or codes[0][0] != "delete" or codes[1][0] != "insert":
        return None
    cut, put = codes[0], codes[1]
    return (
        (cut, put)
        if _stands_in(codes, words_a, words_b[put[3] : put[4]], words_a[cut[1] : cut[2]])
        else None
    )


def _stands_in(
    codes: Sequence[Code], words_a: Sequence[int], long: Sequence[int], short: Sequence[int]
) -> bool:
    """Whether ``short`` (its units' words) stands in for ``long`` in a sentence whose
    other words stay (``codes``: its opcodes; ``words_a``: the old units' words): at
    most ``STAND_IN_WORDS`` for ``MIN_MOVE_WORDS`` or more, and no more words go than
    the sentence keeps (where most of it goes, the sentence as a whole is what may
    have moved)."""
    gone = sum(long)
    if sum(short) > STAND_IN_WORDS or gone < MIN_MOVE_WORDS:
        return False
    kept = sum(sum(words_a[c[1] : c[2]]) for c in codes if c[0] == "equal")
    return kept >= gone


def rejoin_unused(
    drafts: list[Draft], origin: list[int], original: Sequence[Draft], pairs: Sequence[MovePair]
) -> tuple[list[Draft], list[MovePair]]:
    """Put back whole the drafts whose cut parts no move uses; the pairs renumbered."""
    used = {k for p in pairs for k in (*p.old_drafts, *p.new_drafts)}
    keep_cut = {origin[k] for k in used if origin[k] >= 0}
    out: list[Draft] = []
    index: dict[int, int] = {}
    for k, d in enumerate(drafts):
        source = origin[k]
        if source >= 0 and source not in keep_cut:
            if k == 0 or origin[k - 1] != source:
                out.append(original[source])
            continue
        index[k] = len(out)
        out.append(d)
    return out, [
        MovePair(
            index[p.old_draft],
            index[p.new_draft],
            p.score,
            index[p.old_joined] if p.old_joined >= 0 else -1,
            index[p.new_joined] if p.new_joined >= 0 else -1,
        )
        for p in pairs
    ]
