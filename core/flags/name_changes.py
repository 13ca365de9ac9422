"""Names changed: the ``name`` flag (see ``core.flags.detect``; which words are names:
``core.flags.names``).

A name of a changed word is no change when it stands anywhere in the other sentence (or
the piece of sentence next to it): the same word in any case when case is ignored, its
possessive, a people's ending, another case ending in an inflected language.
"""

from __future__ import annotations

import re

from core.flags.figures import is_figure
from core.flags.names import Names
from core.flags.pooled import (
    HYPHENS,
    WORD,
    Context,
    Flag,
    Pooled,
    Word,
    make_flag,
)
from core.model import Span


def check_name(pool: Pooled, context: Context) -> Flag | None:
    if not any(w.text[0].isupper() for w in (*pool.old_words, *pool.new_words)):
        return None  # a name is capitalised, or it is no name of its document
    old_names, new_names = context.names
    old = [w for w in pool.old_words if _named(w, old_names)]
    new = [w for w in pool.new_words if _named(w, new_names)]
    if not old and not new:
        return None
    # A name that stands anywhere in the other sentence (as a name or a plain word, or
    # another case of it in an inflected language) is no change: it was said twice, or
    # moved.
    # ... or stands in a sentence next to it that the other version cut otherwise.
    # ... or in the rest of its sentence, paired in a block next to it.
    old_spans = (pool.old_span, *pool.old_near, *pool.old_rest)
    new_spans = (pool.new_span, *pool.new_near, *pool.new_rest)
    old_all = _Spellings(_keys(context.old, old_spans, context))
    new_all = _Spellings(_keys(context.new, new_spans, context))
    gone = [w for w in old if not new_all.has(context.key(w.text))]
    came = [w for w in new if not old_all.has(context.key(w.text))]
    if not gone and not came:
        return None
    return make_flag("name", pool, gone, came)


def _keys(text: str, spans: tuple[Span, ...], context: Context) -> list[str]:
    """The words of ``spans`` as names are compared (``Context.key``)."""
    words = [w for start, end in spans for w in WORD.findall(text, start, end)]
    return [w.casefold() for w in words] if context.ignore_case else words


def _named(word: Word, names: Names) -> bool:
    # A date is a figure, not a name ("Monday", "Nov 10"): the figures flag it. A
    # letter alone is an initial or a piece of an abbreviation ("U.S." against "US").
    return (
        len(word.text) > 1
        and names.is_name(word.text)
        and not names.in_heading(word.start)
        and not is_figure(word, names.text)
    )


class _Spellings:
    """Words of one side, looked up as names: the same word, its possessive (``Smith's``),
    the same root with an ending that makes a people or an adjective of it (``Moabitish``,
    ``Moabite``), or, outside the Latin script, another case ending (``Марта``/``Марти``)."""

    def __init__(self, words: list[str]) -> None:
        self.words = {_bare(w) for w in words}
        for w in words:
            if HYPHENS.search(w):
                self.words.update(_bare(p) for p in HYPHENS.split(w) if p)
        self.stems: dict[str, list[str]] = {}
        for word in self.words:
            self.stems.setdefault(word[:3], []).append(word)

    def has(self, word: str) -> bool:
        parts = HYPHENS.split(word)
        if len(parts) > 1 and all(self.has(part) for part in parts if part):
            return True  # "Київ-Львів" against "Київ - Львів"
        word = _bare(word)
        if word in self.words:
            return True
        same = _same_root if _latin(word) else _inflected
        return any(same(word, other) for other in self.stems.get(word[:3], ()))


def _bare(word: str) -> str:
    """A name as compared: no possessive ``'s``, no hyphens (``Свят-вечір``)."""
    if word.endswith(("'s", "\u2019s")):
        word = word[:-2]
    if word.isalnum():
        return word  # no hyphen (most words)
    return word.replace("-", "").replace("\u2010", "").replace("\u2011", "")


def _same_root(a: str, b: str) -> bool:
    """``Moabitish`` and ``Moabite``, ``Paris`` and ``Parisian``: one root, at least
    ``MIN_ROOT`` letters, once a people's or an adjective's ending is taken off."""
    ra, rb = _ENDINGS.sub("", a), _ENDINGS.sub("", b)
    if min(len(ra), len(rb)) < MIN_ROOT:
        return False
    return ra.startswith(rb) or rb.startswith(ra)


_ENDINGS = re.compile(r"(?:ish|ites?|ians?|ese|ans?|es|s|e)$", re.IGNORECASE)


MIN_ROOT = 4


def _latin(word: str) -> bool:
    return word.isascii() or all(c < "\u0250" for c in word)


def _inflected(a: str, b: str) -> bool:
    """Two forms of one word in an inflected language: they differ only in the last
    letters (at most ``INFLECTION`` of the longer one, and at least three shared)."""
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common >= max(3, max(len(a), len(b)) - INFLECTION)


INFLECTION = 3
