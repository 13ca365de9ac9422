"""Word-level cleanup of an alignment: drop confetti, never hide shared words.

diff-match-patch's semantic cleanup was made for characters: it dissolves any
equality shorter than the edits around it, which at word level hides whole shared
phrases ("this pattern of rising" between two rewritten clauses). Here the rule is
the editor's: an equal run between two edits is dropped (made part of the edit) only
when it is *confetti*: punctuation alone, or one function word with at most its
punctuation ("the", "of ,"). An equal run of two or more words, or one holding a
content word, always stays.

Function words: a short English list, any word of at most two letters, and the
words that are very frequent in the two texts (so Ukrainian "що" or German "und"
count without a list per language).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence, Set
from itertools import compress

from core.engine.lcs import Run
from core.engine.slide import whole_sentences

FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet for of in on at to by from with as into onto upon
    about over under after before than then that this these those there here which who whom
    whose what when where while if is are was were be been being am do does did has have had
    it its he she they them him her his their our we us you your i me my not no
    will would shall should can could may might must also just very""".split()
)
# A word this frequent in the two texts (share of all words) counts as a function word.
FREQUENT_SHARE = 0.015
FREQUENT_MIN = 4
# Confetti is dropped only between edits of at least MIN_EDIT units on each side, one
# of them BIG_EDIT units or more (measured on ua-gec and iterater-r3 with
# bench/real_quality.py): a comma or "the" between two short substitutions stays, as
# human revisers mark it kept.
MIN_EDIT = 2
BIG_EDIT = 3
# A match standing alone between edits each STRAY times its length (and at least
# STRAY_MIN units) is chance, not a shared phrase: "said" or "the man" found in two
# unrelated sentences (one word inside a sentence pair; under PHRASE words over a
# whole document). Inside a pair, two words or more always stay.
PHRASE = 3
UNRELATED_WORDS = 8
STRAY = 3
STRAY_MIN = 6


def function_ids(keys: Sequence[str], counts: Iterable[tuple[int, int]]) -> frozenset[int]:
    """The ids (indices into ``keys``) of function words.

    Args:
        keys: the key of each token id.
        counts: ``(id, occurrences)`` over both texts, word units only.
    """
    tally = dict(counts)
    total = sum(tally.values())
    floor = max(FREQUENT_MIN, FREQUENT_SHARE * total)
    found = set()
    for k, key in enumerate(keys):
        word = key.casefold()
        if (
            word in FUNCTION_WORDS
            or (len(word) <= 2 and word.isalpha())
            or (tally.get(k, 0) >= floor and k in tally)
        ):
            found.add(k)
    return frozenset(found)


def word_counts(ids: Sequence[int], words: Sequence[int]) -> Counter[int]:
    """How often each id occurs as a word (not punctuation) in ``ids``."""
    return Counter(compress(ids, words))


def is_confetti(
    a: Sequence[int], i: int, n: int, words_a: Sequence[int], function: frozenset[int]
) -> bool:
    """Whether the equal run ``a[i:i+n]`` is punctuation or one function word."""
    words = [a[k] for k in range(i, i + n) if words_a[k]]
    if not words:
        return True
    return len(words) == 1 and sum(words_a[i : i + n]) == 1 and words[0] in function


def drop_confetti(
    runs: Sequence[Run],
    a: Sequence[int],
    n_a: int,
    n_b: int,
    words_a: Sequence[int],
    function: frozenset[int],
    lo_a: int = 0,
    lo_b: int = 0,
    stray_words: int = 2,
    sentences: tuple[Set[int], Set[int]] | None = None,
) -> list[Run]:
    """``runs`` without the confetti runs that stand between two edits, and without
    the chance matches of fewer than ``stray_words`` words between long edits.

    Args:
        runs: equal runs ``(i, j, n)`` in order, inside ``[lo_a, n_a)`` x ``[lo_b, n_b)``.
        a: token ids of the old text (indexed like the runs).
        n_a, n_b: where the ranges end.
        words_a: contract words per old unit.
        function: ids of function words.
        lo_a, lo_b: where the ranges start.
        stray_words: inside a sentence pair, 2 (two words in common always show);
            over a whole document, ``PHRASE`` (a short match between long edits must
            not tie two unrelated sentences together: the pair is found again, and its
            shared words marked, by the word diff of the block it lands in).
        sentences: the units at which a sentence starts, old and new. A run that is
            one or more whole sentences on both sides ("7.", a heading) is no chance
            match and always stays.
    """
    kept: list[Run] = []
    prev_a, prev_b = lo_a, lo_b
    for k, (i, j, n) in enumerate(runs):
        before = max(i - prev_a, j - prev_b)
        if k + 1 < len(runs):
            next_a, next_b = runs[k + 1][0], runs[k + 1][1]
        else:
            next_a, next_b = n_a, n_b
        after = max(next_a - i - n, next_b - j - n)
        if sentences is not None and whole_sentences(i, j, n, n_a, n_b, *sentences):
            kept.append((i, j, n))
            prev_a, prev_b = i + n, j + n
            continue
        between_edits = min(before, after) >= MIN_EDIT and max(before, after) >= BIG_EDIT
        if between_edits and is_confetti(a, i, n, words_a, function):
            continue
        stray = _stray(i, j, n, prev_a, prev_b, next_a, next_b)
        if stray and sum(words_a[i : i + n]) < stray_words:
            continue
        kept.append((i, j, n))
        prev_a, prev_b = i + n, j + n
    return kept


def _stray(i: int, j: int, n: int, prev_a: int, prev_b: int, next_a: int, next_b: int) -> bool:
    before = max(i - prev_a, j - prev_b)
    after = max(next_a - i - n, next_b - j - n)
    floor = max(STRAY * n, STRAY_MIN)
    return before >= floor and after >= floor


def shares_enough(
    codes: Sequence[tuple[str, int, int, int, int]],
    a: Sequence[int],
    words_a: Sequence[int],
    function: frozenset[int],
) -> bool:
    """Whether two ranges with these opcodes are one sentence rewritten, not two
    unrelated ones: they share a content word, or a run of ``PHRASE`` words. Ranges
    of fewer than ``UNRELATED_WORDS`` words on a side are too short to tell."""
    if sum(words_a[codes[0][1] : codes[-1][2]]) < UNRELATED_WORDS if codes else True:
        return True
    for tag, i1, i2, _, _ in codes:
        if tag != "equal":
            continue
        if sum(words_a[i1:i2]) >= PHRASE:
            return True
        if any(words_a[k] and a[k] not in function for k in range(i1, i2)):
            return True
    return False
