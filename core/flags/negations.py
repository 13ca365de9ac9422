"""Negations: the ``negation`` flag (see ``core.flags.detect``).

The number of negations of the changed words, on truly paired sentences only, not in
headings, and not when the negation went to a piece of sentence next door.
"""

from __future__ import annotations

import re
from collections import Counter

from core.flags.pooled import (
    Context,
    Flag,
    Pooled,
    Word,
    make_flag,
    span_words,
)

_NEGATIONS = frozenset(
    "not no nay never nor neither none nobody nothing nowhere cannot without".split()
)


MIN_SHARED_NEGATION = 0.51


CUT_SHARE = 0.7


def _is_negation(word: str) -> bool:
    """A negation, or a word that negates by itself (``lack``, ``non-existent``), so that
    ``doesn't exist`` -> ``is non-existent`` keeps one each."""
    folded = word.casefold().replace("\u2019", "'")
    return (
        folded in _NEGATIONS
        or folded.endswith("n't")
        or folded.startswith("lack")
        or (folded.startswith("non") and folded[3:].lstrip("-") in _NON)
    )


_NON = frozenset("existent existant essential trivial violent profit".split())


def check_negation(pool: Pooled, context: Context) -> Flag | None:
    old = [w for w in pool.old_words if _is_negation(w.text) and not _number_sign(w, context.old)]
    new = [w for w in pool.new_words if _is_negation(w.text) and not _number_sign(w, context.new)]
    if len(old) == len(new):
        return None
    if pool.shared < MIN_SHARED_NEGATION:
        return None  # not truly paired
    old_names, new_names = context.names
    if old_names.in_heading(pool.old_span[0]) or new_names.in_heading(pool.new_span[0]):
        return None  # a heading (``NO WARRANTY`` -> ``Disclaimer of Warranty``)
    lacking, other = (
        (pool.new_text, pool.old_text) if len(old) > len(new) else (pool.old_text, pool.new_text)
    )
    if lacking.rstrip().endswith(":") and len(lacking) < CUT_SHARE * len(other):
        return None  # cut short before a list: the negation went to the next sentences
    if len(old) > len(new):
        near = span_words(context.new, pool.new_near)
    else:
        near = span_words(context.old, pool.old_near)
    if any(_is_negation(w.text) for w in near):
        return None  # the sentences are cut otherwise: the negation stands in a neighbour
    if len(old) > len(new):  # name only the negations that went
        return make_flag("negation", pool, _surplus(old, new), [])
    return make_flag("negation", pool, [], _surplus(new, old))


def _number_sign(word: Word, text: str) -> bool:
    """``no.`` abbreviating number (``patent no. 395782``)."""
    return word.text.casefold() == "no" and bool(
        re.match(r"\.\s*\d", text[word.end : word.end + 4])
    )


def _surplus(more: list[Word], fewer: list[Word]) -> list[Word]:
    left = Counter(w.text.casefold() for w in fewer)
    out = []
    for word in more:
        if left[word.text.casefold()]:
            left[word.text.casefold()] -= 1
        else:
            out.append(word)
    return out
