"""Risky edits: the changes editors must check first, flagged by kind.

Works from a finished ``Comparison`` only. In every block that has both an old and a
new side, each maximal run of ``delete``/``insert`` ops between two ``equal`` ops is
one *change*. The words of all changes of a block are pooled by side (deleted words
against inserted words), and the block gets a flag of a kind when they differ in:

- ``number``: figures (``20`` -> ``27``, ``four-year`` -> ``five-year``, ``50,000``,
  ``12%``, ``$5``, weekdays and months): digits, and number words that are quantities
  (``one`` as a pronoun, ``one of``, ``one by one`` is none; an ordinal needs a
  determiner: ``the first day``, not ``was first pioneered``; Ukrainian number words
  count: ``2`` -> ``двоє`` is no change), compared as multisets, and no flag when the
  two sentences hold the same figures by value (``threescore and fourteen`` =
  ``seventy-four``, ``nineteenth`` = ``19th``, ``ten`` = ``10``, ``£3.5bn`` =
  ``£3.5 billion``, ``5 per cent`` = ``5%``), nor when a figure cut here stands in
  the words put in beside (a clause split off as a sentence of its own). A month is
  a figure before a number (``Nov 10``), and a date is no name. List markers (``3 -``,
  ``(2)``), digits in URLs, image sizes and HTML entities are no figures;
- ``negation``: the number of negations (``not``, ``no``, ``never``, ``n't``, ``lack``,
  ``non-existent`` ...; ``didn't`` -> ``did not`` keeps one each; ``no.`` before a
  number is none); in French, German, Spanish, Portuguese, Italian (``ne ... pas``,
  ``nicht``, ``não``), Russian and Ukrainian (``не``, ``ні``) and Chinese (``不``,
  ``没有``, ``未``: ``core.flags.negations``). Only on sentences truly paired (more
  than ``MIN_SHARED_NEGATION`` of their content words shared), not in headings;
- ``name``: the names (``core.flags.names``: capitalised in mid-sentence, consistently,
  in their own document, not defined terms, not in headings). A name that stands
  anywhere in the other sentence, as a name or a plain word, case folded when the
  comparison ignores case, with a possessive, a people's ending (``Moabitish`` /
  ``Moabite``) or another case ending in an inflected language (``Марта`` /
  ``Марти``), is no change;
- ``attribution``: the attribution verbs of the two whole sentences by lemma
  (``said`` -> ``claimed``, ``said`` -> ``according to``; ``says``, ``saith``,
  ``spake``, ``told`` and ``said`` are one verb), or the speaker next to an unchanged
  verb (``Smith said`` -> ``Jones said``). ``that is to say``, ``said to have been``,
  ``the alleged X`` and verbs like ``add`` or ``note`` outside a reporting context (a
  quotation, ``that``, a colon, or ``, he added.``) are none;
- ``quote``: words inside quotation marks (``core.flags.quotes``) changed: a quoted
  word of a change that the other side of that change does not have.

A flag needs a real counterpart: a block whose two sentences share less than
``MIN_SHARED`` of their content words (a mis-paired heading, an unrelated sentence) gets
none; and a word that stands in a sentence added or removed right next to the block
(the two versions cut their sentences otherwise there) is not taken as removed or
added. Only words count: a change of punctuation alone is no flag. Trivial differences
are ``equal`` ops and never flag; nor does moved text that is unchanged (a moved block,
or two or more words deleted in one place and inserted as they were in another, or a
run of three or more cut in one change and put in by another close by). Whole
sentences added or removed (``inserted``/``deleted`` blocks) are not aligned pairs and
get no flag: they are shown as such already. Explanations quote whole words of each
side, only those that differ (``"20" → "27"``, ``added "not"``), never punctuation;
when one of a flag's changes replaces words, each change on its own (``added "Nov,
10"; "0.2" → "0.3"``).

Each kind has its module (``figures``, which reads with ``figure_words``, ``negations``,
``name_changes``, ``attribution``, ``quote_changes``); ``pooled`` holds what they
share. Linear in the size of the text: a few regular-expression passes over each text
for the names (only when a capitalised word changed), the paragraphs around the
changes for the quotations, and each changed sentence's words.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from itertools import chain, groupby
from operator import itemgetter

from core.engine import aside
from core.engine.made import maker_of
from core.engine.tokens import compiled, found_where
from core.flags.attribution import check_attribution
from core.flags.figure_words import take_url_starts
from core.flags.figures import check_number
from core.flags.hedges import is_hedge
from core.flags.name_changes import check_name
from core.flags.names import has_no_capitals
from core.flags.negations import check_negation
from core.flags.pooled import (
    FLAG_KINDS,
    FLAG_LABELS,
    WORD,
    Beside,
    Change,
    Context,
    Flag,
    FlagKind,
    Pooled,
    Word,
    contained_content,
    content_words,
    flag_label,
    holds_sign,
    shared_content,
)
from core.flags.quote_changes import check_quote
from core.gcpause import collector_paused
from core.model import Block, Comparison, Op, Span

__all__ = [
    "FLAG_KINDS",
    "FLAG_LABELS",
    "Flag",
    "FlagKind",
    "flag_comparison",
    "flag_label",
    "flags_by_block",
    "has_no_capitals",
    "shared_content",
]


MIN_MOVED_WORDS = 2


MIN_SHARED = 0.3
# The share of a clause's content words that must be found again in a neighbour's
# changed words for it to count as moved there.
MIN_CLAUSE_SHARE = 0.5


# Whether a block shares enough (``MIN_SHARED``) is asked only of blocks that got a
# flag, after the checks (most get none), but first of a rewrite (``_rewrite``):
# checking its words costs more than telling its share, and it is often no counterpart.
EAGER_SHARE_WORDS = 8
EAGER_SHARE_CHARS = 2000


def flag_comparison(comparison: Comparison) -> tuple[Flag, ...]:
    """Flag the risky changes of ``comparison``.

    Args:
        comparison: a finished comparison.

    Returns:
        The flags sorted by block, then by kind (in the order of ``FLAG_KINDS``):
        at most one flag of a kind per block, holding every change of that kind.
    """
    with collector_paused():  # (many small objects, no reference cycles)
        return _flags(comparison)


SPLIT_CHANGES = 1000
"""Blocks with changes from which a single-threaded process that did not begin its
flags ahead checks them from both ends with a forked child (``_from_both_ends``)."""


AHEAD_CHANGES = 200
"""Blocks with changes from which they are checked from both ends, the child
beginning while the process makes the rows and writes or sends the blocks
(``flags_ahead``: the command line and the window's engine child)."""

AHEAD_PIECE = 25
"""Blocks with changes checked at a time, the child's and this process's pieces
(``core.engine.aside.shared``: the child from the first on, this process from the
last down, until they meet)."""

_Groups = list[tuple[int, tuple[Change, ...]]]
# Begun by ``flags_ahead``: the blocks, their context and groups, and their flags
# checked from both ends (None: no child).
_ahead: tuple[tuple[Block, ...], Context, _Groups, Callable[[], list[Flag]] | None] | None
_ahead = None


def flags_ahead(comparison: object) -> None:
    """Begin flagging ``comparison``, whose blocks are built and rows not yet
    (``core.engine.aside.allow``'s ``when_built``): from ``AHEAD_CHANGES`` blocks with
    changes, a forked child checks them piece by piece from the first while this
    process goes on; ``flag_comparison`` of the finished comparison checks pieces
    from the last until it meets the child's. The same flags as without."""
    global _ahead
    if not isinstance(comparison, Comparison):
        return
    old_text, new_text = comparison.old.text, comparison.new.text
    if not aside.may_fork(old_text, new_text):
        return
    with collector_paused():
        context = Context(old_text, new_text, comparison.options.ignore_case)
        groups = _groups(comparison, context)
        forked = len(groups) >= AHEAD_CHANGES
        both_ends = _from_both_ends(comparison, context, groups) if forked else None
    _ahead = (comparison.blocks, context, groups, both_ends)


def _from_both_ends(
    comparison: Comparison, context: Context, groups: _Groups
) -> Callable[[], list[Flag]]:
    """The flags of ``groups`` checked in pieces by a child forked now, from the first
    on; the callable returned checks pieces here from the last down until it meets
    the child's, and gives them all in order (``core.engine.aside.shared``)."""
    _ = context.names, context.quotes  # found once, before the fork, for both
    take_url_starts(context.old, context.new)
    pieces = [groups[k : k + AHEAD_PIECE] for k in range(0, len(groups), AHEAD_PIECE)]

    def piece(k: int) -> list[Flag]:
        return _checked(comparison, context, pieces[k])

    meet = aside.shared(piece, len(pieces))
    return lambda: list(chain.from_iterable(meet(piece)))


def _groups(comparison: Comparison, context: Context) -> _Groups:
    """The changes of each block with changes, by block (what ``_unmoved`` leaves)."""
    changes: list[Change] = []
    for index, block in enumerate(comparison.blocks):
        if block.kind != "equal" and block.old is not None and block.new is not None:
            _add_changes(changes, index, block, context)
    return [(i, tuple(g)) for i, g in groupby(_unmoved(changes), key=itemgetter(0))]


def _flags(comparison: Comparison) -> tuple[Flag, ...]:
    global _ahead
    ahead, _ahead = _ahead, None
    old_text, new_text = comparison.old.text, comparison.new.text
    if ahead is not None and ahead[0] is comparison.blocks:  # (begun by ``flags_ahead``)
        _, context, groups, both_ends = ahead
    else:
        context = Context(old_text, new_text, comparison.options.ignore_case)
        groups = _groups(comparison, context)
        many = len(groups) >= SPLIT_CHANGES and aside.may_fork(old_text, new_text)
        both_ends = _from_both_ends(comparison, context, groups) if many else None
    if both_ends is not None:
        return tuple(both_ends())
    return tuple(_checked(comparison, context, groups))


def _checked(
    comparison: Comparison, context: Context, groups: Sequence[tuple[int, tuple[Change, ...]]]
) -> list[Flag]:
    """The flags of the blocks of ``groups`` (each block's changes)."""
    padding = Block("equal", None, None, ())  # the first and last blocks' outer neighbour
    blocks = comparison.blocks
    flags: list[Flag] = []
    for index, changed in groups:
        block = blocks[index]
        assert block.old is not None and block.new is not None
        words = (_renumbered(changed, True), _renumbered(changed, False))
        near = (_next_to(blocks, index, -1, padding), _next_to(blocks, index, 1, padding))
        pooled = Pooled(
            index,
            changed,
            words,
            (block.old, block.new),
            (context.old[slice(*block.old)], context.new[slice(*block.new)]),
            partial(_near, words, near, context),
            partial(_rest, blocks, index, context),
            partial(_next_door_words, near, context),
        )
        if _rewrite(pooled) and _share(pooled, block) < MIN_SHARED:
            continue  # often no counterpart: told before the checks
        found = [f for check in _CHECKS if (f := check(pooled, context)) is not None]
        if found and _share(pooled, block) >= MIN_SHARED:  # (else not the real counterpart)
            flags.extend(found)
    return flags


def _share(pool: Pooled, block: Block) -> float:
    """How far the two sides of ``pool`` are counterparts: the content words they share
    (``Pooled.shared``); for a moved block, also the share of the shorter side's that
    the longer holds (a clause split off and moved: ``contained_content``)."""
    if block.kind != "moved" or pool.shared >= MIN_SHARED:
        return pool.shared
    return max(pool.shared, contained_content(pool.old_text, pool.new_text))


def _next_to(blocks: tuple[Block, ...], index: int, step: int, padding: Block) -> Block:
    """The block next to block ``index`` (before it: ``step`` -1), past at most
    ``NEARBY_BLOCKS`` - 1 equal ones: a clause split off as a sentence of its own may
    follow an unchanged sentence ("..., while the Netherlands won" -> "... . The
    Netherlands won ... . Belgian Nafissatou Thiam set a world record.")."""
    first: Block | None = None  # (else the nearest, equal, block; asked twice a block)
    for k in range(index + step, index + step * (NEARBY_BLOCKS + 1), step):
        if not 0 <= k < len(blocks):
            break
        if blocks[k].kind != "equal":
            return blocks[k]
        if first is None:
            first = blocks[k]
    return padding if first is None else first


def _neighbours(blocks: tuple[Block, ...], index: int, step: int, count: int) -> Iterator[Block]:
    """Up to ``count`` blocks from block ``index`` on, before it (``step`` -1) or after."""
    for k in range(index + step, index + step * (count + 1), step):
        if not 0 <= k < len(blocks):
            return
        yield blocks[k]


def _rewrite(pool: Pooled) -> bool:
    """More than ``EAGER_SHARE_WORDS`` words changed, or a block of more than
    ``EAGER_SHARE_CHARS`` characters (a paragraph of quote marks, one long line)."""
    if len(pool.old_words) + len(pool.new_words) > EAGER_SHARE_WORDS:
        return True
    return len(pool.old_text) + len(pool.new_text) > EAGER_SHARE_CHARS


def flags_by_block(flags: Sequence[Flag]) -> dict[int, tuple[Flag, ...]]:
    """Group flags by the index of their block (order kept)."""
    out: dict[int, list[Flag]] = {}
    for flag in flags:
        out.setdefault(flag.block, []).append(flag)
    return {block: tuple(group) for block, group in out.items()}


def _changes(index: int, block: Block, context: Context) -> list[Change]:
    """The changes of block ``index``: each run of ops between equal ones that changes
    words (or a currency or per cent sign)."""
    out: list[Change] = []
    _add_changes(out, index, block, context)
    return out


def _add_changes(out: list[Change], index: int, block: Block, context: Context) -> None:
    # (a loop, not a generator: a 1 MB pair's 3,000 groups, found before the flags
    # child is forked, 15.3-16.6 -> 13.5-14.5 ms)
    ops = block.ops
    last = len(ops)
    start = 0
    while start < last:
        if ops[start].op == "equal":
            start += 1
            continue
        end = start + 1
        while end < last and ops[end].op != "equal":
            end += 1
        run = ops[start:end]
        start = end
        old = tuple([o.old for o in run if o.op == "delete" and o.old])
        new = tuple([o.new for o in run if o.op == "insert" and o.new])
        old_words = _words(context.old, old)
        new_words = _words(context.new, new)
        # (a sign changed alone, "$21 million" -> "\u20ac21 million", is a change too)
        if old_words or new_words or holds_sign(context.old, old) or holds_sign(context.new, new):
            out.append(_new_change(index, old, new, old_words, new_words))


def _unmoved(changes: list[Change]) -> list[Change]:
    """Leave out words that only moved: ``_same_words``, then ``_moved_nearby``, then
    ``_same_words`` again for what the runs moved nearby leave ("He said" cut, "he
    said in a televised address" put in next door, and "in a televised address" cut
    with the sentence before)."""
    return _same_words(_moved_nearby(_same_words(changes)))


def _same_words(changes: list[Change]) -> list[Change]:
    """Leave out a change that deletes exactly the words (case aside, two or more)
    that another change inserts. A single word may not move (``did not say he would
    go`` -> ``did say he would not go`` is no move). Of several such deletions, the
    one in the insertion's block goes with it, else the nearest: "Nieder said" moved to
    the head of its sentence is that sentence's own, not the one cut from the next."""
    deleted: dict[tuple[str, ...], tuple[list[int], list[int]]] = {}
    for i, change in enumerate(changes):
        if not change.new and len(change.old_words) >= MIN_MOVED_WORDS:
            found = deleted.setdefault(_folded(change.old_words), ([], []))
            found[0].append(i)
            found[1].append(change.block)  # (in order: the changes are)
    moved: set[int] = set()
    for i, change in enumerate(changes):
        partners = deleted.get(_folded(change.new_words)) if not change.old else None
        if partners and partners[0] and not is_hedge(_folded(change.new_words)):
            # (a hedge did move)
            at = _nearest(partners[1], change.block)
            moved.update((i, partners[0].pop(at)))
            del partners[1][at]
    return [c for i, c in enumerate(changes) if i not in moved]


def _nearest(blocks: list[int], block: int) -> int:
    """The index in ``blocks`` (sorted) of the last one equal to ``block``, else of the
    nearest (the later of two as near)."""
    after = bisect_right(blocks, block)
    if after and blocks[after - 1] == block:
        return after - 1
    if after == len(blocks):
        return after - 1
    if after and block - blocks[after - 1] < blocks[after] - block:
        return after - 1
    return after


# A run of this many words cut in one change and put in by another, within
# NEARBY_BLOCKS blocks, only moved (an attribution between two quotes that swapped
# places); changes of more words than MAX_NEARBY_WORDS are not searched.
MIN_NEARBY_RUN = 3
NEARBY_BLOCKS = 2
MAX_NEARBY_WORDS = 24


def _moved_nearby(changes: list[Change]) -> list[Change]:
    """Leave out of a pure deletion and a pure insertion close by the longest run of
    words they share (``MIN_NEARBY_RUN`` or more): "Senate Majority Leader Chuck
    Schumer said, adding that" cut and "Senate Majority Leader Chuck Schumer said"
    put in next door leaves "adding that" cut. A change with no word left goes. A
    pronoun in place of the words cut, or put in place of, counts as none ("Prime
    Minister Nouri al-Maliki" -> "he" here, "He" -> "Prime Minister Nouri al-Maliki"
    there); a name in their place does not (two speakers swapped)."""
    inserts: dict[int, list[int]] = {}
    for i, change in enumerate(changes):
        if (
            _pronouns(change.old_words)
            and MIN_NEARBY_RUN <= len(change.new_words) <= MAX_NEARBY_WORDS
        ):
            inserts.setdefault(change.block, []).append(i)
    if not inserts:
        return changes
    out = list(changes)
    for i, change in enumerate(changes):
        words = change.old_words
        if not _pronouns(change.new_words) or not MIN_NEARBY_RUN <= len(words) <= MAX_NEARBY_WORDS:
            continue
        for block in range(change.block - NEARBY_BLOCKS, change.block + NEARBY_BLOCKS + 1):
            for j in inserts.get(block, ()):
                a, b = out[i], out[j]
                cut, put = _folded(a.old_words), _folded(b.new_words)
                if len(set(cut).intersection(put)) < MIN_NEARBY_RUN:
                    continue  # (most pairs: no run to look for)
                at, bt, n = _longest_run(cut, put)
                if n >= MIN_NEARBY_RUN:
                    out[i] = a._replace(old_words=a.old_words[:at] + a.old_words[at + n :])
                    out[j] = b._replace(new_words=b.new_words[:bt] + b.new_words[bt + n :])
    return [c for c in out if c.old_words or c.new_words]


# A speaker's name and the pronoun standing for it may swap places: "He said ..." ->
# "Prime Minister Nouri al-Maliki said ..." next to "... al-Maliki said" -> "... he said".
_PRONOUNS = frozenset("he she they it him her them his hers their its we us our i me my".split())


def _pronouns(words: tuple[Word, ...]) -> bool:
    """Whether ``words`` are none, or pronouns only."""
    return all(w.text.casefold() in _PRONOUNS for w in words)


def _longest_run(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[int, int, int]:
    """The longest run of words ``a`` and ``b`` share: (start in a, start in b, length).
    (``difflib``'s ``find_longest_match`` would do; importing it costs every start.)"""
    best = (0, 0, 0)
    previous = [0] * (len(b) + 1)
    for i, word in enumerate(a):
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b):
            if word == other:
                current[j + 1] = previous[j] + 1
                if current[j + 1] > best[2]:
                    best = (i + 1 - current[j + 1], j + 1 - current[j + 1], current[j + 1])
        previous = current
    return best


def _folded(words: tuple[Word, ...]) -> tuple[str, ...]:
    return tuple(w.text.casefold() for w in words)


def _belongs(text: str, span: Span, changed: str) -> bool:
    """A sentence added or removed next to a pair holds what the pair's other side
    changed: a piece of a sentence (``_cut``), or a sentence that shares the changed
    words (the two versions cut their sentences otherwise here)."""
    return _cut(text, span) or shared_content(text[span[0] : span[1]], changed) >= MIN_SHARED


def _cut(text: str, span: Span) -> bool:
    """A piece of a sentence: the sentences of the two versions are cut otherwise here
    (``You shall not`` inserted after ``shall not eat of it.``)."""
    kept = text[span[0] : span[1]].rstrip()  # (what ``\s`` is: ``str.isspace``)
    return not kept or kept[-1] not in '.!?"\u201d\u2019)'


def _beside(blocks: tuple[Block, ...], index: int, side: int, step: int) -> Span | None:
    """The ``side`` span (0 old, 1 new) of the changed block before (``step`` -1) or
    after (+1) block ``index`` that has that side, past at most ``NEARBY_BLOCKS`` blocks
    that lack it ("A Canadian Forces statement said Cpl." cut between the two pieces of
    a new sentence); None if there is none."""
    for block in _neighbours(blocks, index, step, NEARBY_BLOCKS + 1):
        span = (block.old, block.new)[side]
        if span is not None:
            return span if block.kind == "changed" else None
    return None


def _near(
    words: tuple[tuple[Word, ...], tuple[Word, ...]],
    near: tuple[Block, Block],
    context: Context,
) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """The sentences removed (old) and added (new) next to a pool that hold what its
    other side changed (``_belongs``)."""
    old_words, new_words = words
    old_near: list[Span] = []
    new_near: list[Span] = []
    put = " ".join(w.text for w in new_words)
    taken = " ".join(w.text for w in old_words)
    for b in near:
        if b.old and b.kind == "deleted":
            if _belongs(context.old, b.old, put):
                old_near.append(b.old)
        elif b.new and b.kind == "inserted":
            if _belongs(context.new, b.new, taken):
                new_near.append(b.new)
        elif b.kind in ("changed", "moved"):
            # A clause taken out of the sentence next door and put in this one (two
            # sentences that changed places, words moved between them).
            assert b.old is not None and b.new is not None  # (both sides: changed or moved)
            kept_new, kept_old = context.new[slice(*b.new)], context.old[slice(*b.old)]
            old_near += _clauses(b.ops, "delete", (context.old, kept_new), put, len(new_words))
            new_near += _clauses(b.ops, "insert", (context.new, kept_old), taken, len(old_words))
    return tuple(old_near), tuple(new_near)


def _next_door_words(near: tuple[Block, Block], context: Context) -> Beside:
    """The words the changed or moved blocks ``near`` a pool cut and put in."""
    out = []
    for b in near:
        if b.kind in ("changed", "moved") and b.old is not None and b.new is not None:
            changes = _changes(-1, b, context)  # (the block's index is not needed)
            out.append(
                (
                    tuple(w for c in changes for w in c.old_words),
                    tuple(w for c in changes for w in c.new_words),
                )
            )
    return tuple(out)


def _clauses(
    ops: Sequence[Op], kind: str, texts: tuple[str, str], changed: str, words: int
) -> list[Span]:
    """The spans of the ``kind`` ops of a neighbour (cut: ``delete``, put in:
    ``insert``) that hold at least three content words, at least ``MIN_CLAUSE_SHARE``
    of them, and two or more, in ``changed`` (the pool's other side's ``words``
    changed words), not counting the words the neighbour's other side had already:
    "up until 1989" put before a sentence whose "1989" became "1987" is no clause
    moved, nor is "The developers said" put in a sentence that was "described by its
    developers" where the next one cut "the developers said" (only "said" is new there).
    ``texts``: the text of the ops' side, and the neighbour's other side."""
    if words < 2:
        return []
    text = texts[0]
    had: set[str] | None = None
    out: list[Span] = []
    found: set[str] | None = None
    for op in ops:
        span = op.old if kind == "delete" else op.new
        if op.op != kind or span is None or span[1] - span[0] < MIN_CLAUSE_CHARS:
            continue
        piece = content_words(text[span[0] : span[1]])
        if len(piece) < 3:
            continue
        if found is None:
            found = content_words(changed)
        shared = piece & found
        if len(shared) >= max(2, MIN_CLAUSE_SHARE * len(piece)):
            if had is None:
                had = content_words(texts[1])
            if len(shared - had) >= 2:
                out.append(span)
    return out


# (three content words of two letters or more, spaced: "ab cd ef")
MIN_CLAUSE_CHARS = 8


def _rest(
    blocks: tuple[Block, ...], index: int, context: Context
) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """The rest of a sentence block ``index`` shares with a changed block next to it,
    old and new: the block before ends inside the sentence, or this one does (one
    sentence of the new text, joined from two, is paired in two blocks)."""
    rest: list[tuple[Span, ...]] = []
    for side, text in enumerate((context.old, context.new)):
        before, after = _beside(blocks, index, side, -1), _beside(blocks, index, side, 1)
        own = (blocks[index].old, blocks[index].new)[side]
        found: list[Span] = []
        if before is not None and _cut(text, before):
            # the sentence runs on into the pool: the piece of it after the last stop
            # (at most REST_CHARS of it: a verse without stops runs on for lines)
            ends = list(compiled(_SENTENCE_END).finditer(text, *before))
            start = max(ends[-1].end() if ends else before[0], before[1] - REST_CHARS)
            found.append((start, before[1]))
        if after is not None and own is not None and _cut(text, own):
            # the pool's sentence runs on after it: up to the first stop
            end = compiled(_SENTENCE_END).search(text, *after)
            found.append((after[0], min(end.end() if end else after[1], after[0] + REST_CHARS)))
        rest.append(tuple(found))
    return rest[0], rest[1]


# How much of the rest of a sentence shared with a block next door is looked at.
REST_CHARS = 80
_SENTENCE_END = '[.!?]["\u201d\u2019)]*\\s'


def _renumbered(changes: tuple[Change, ...], old: bool) -> tuple[Word, ...]:
    """The words of one side of ``changes``, each with the index of its change (the
    first change's words are already numbered 0)."""
    return tuple(
        w if i == 0 else _new_word(w.text, w.start, w.end, i)
        for i, c in enumerate(changes)
        for w in (c.old_words if old else c.new_words)
    )


def _words(text: str, spans: tuple[Span, ...]) -> tuple[Word, ...]:
    """The words (``WORD``) of ``spans``: a span of letters and digits alone, as most
    changes are, is one word; the others are searched."""
    out: list[Word] = []
    for s, e in spans:
        piece = text[s:e]
        if piece.isalnum():  # (what the expression's last branch takes whole)
            out.append(_new_word(piece, s, e, 0))
            continue
        out.extend(
            _new_word(word, at, at + len(word), 0) for at, word in found_where(WORD, text, s, e)
        )
    return tuple(out)


# Made in C on the compiled path (``core.engine.made``): a named tuple's ``__new__`` is
# Python, 0.3 us a word, 11,000 words and changes for a 1 MB pair before the fork.
_new_word: Callable[[str, int, int, int], Word] = maker_of(Word)
_new_change: Callable[
    [int, tuple[Span, ...], tuple[Span, ...], tuple[Word, ...], tuple[Word, ...]], Change
] = maker_of(Change)

_CHECKS: tuple[Callable[[Pooled, Context], Flag | None], ...] = (
    check_number,
    check_negation,
    check_name,
    check_attribution,
    check_quote,
)
