"""Quotations changed: the ``quote`` flag (see ``core.flags.detect``; where quotations
stand: ``core.flags.quotes``).

A quoted word of a change that the other side of that change does not have, nor
another case of it in a quoted term of a few words (``«бомбового циклона»``, declined
as the sentence needs; not in quoted speech, where every word counts).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from core.engine.tokens import compiled
from core.flags.name_changes import other_case
from core.flags.pooled import (
    APOSTROPHES,
    WORD,
    Context,
    Flag,
    Pooled,
    Word,
    make_flag,
)
from core.flags.quotes import Quotations
from core.flags.spellings import one_spelling


def check_quote(pool: Pooled, context: Context) -> Flag | None:
    old_quotes, new_quotes = context.quotes
    old = _quoted(pool.old_words, old_quotes)
    new = _quoted(pool.new_words, new_quotes)
    if not old and not new:
        return None
    touched = {w.change for w in (*old, *new)}
    # A quoted word changed when the other side of its change does not have it.
    old_side = Counter(_quoted_key(w, context) for w in pool.old_words if w.change in touched)
    new_side = Counter(_quoted_key(w, context) for w in pool.new_words if w.change in touched)
    gone = [w for w in old if _quoted_key(w, context) not in new_side]
    came = [w for w in new if _quoted_key(w, context) not in old_side]
    # A quoted term declined otherwise (``«бомбового циклона»`` -> ``«Бомбовый
    # циклон»``); in quoted speech every word counts ("Пробач мене" -> "Пробач мені").
    if gone and came and not all(w.text.isascii() for w in (*gone, *came)):
        gone, came = (
            [w for w in gone if not _declined(w, came, old_quotes)],
            [w for w in came if not _declined(w, gone, new_quotes)],
        )
    if not gone and not came:
        return None  # the quoted words did not change (only marks or their order)
    flag = make_flag("quote", pool, gone, came)
    return replace(flag, explanation=flag.explanation + " inside a quote")


def _declined(word: Word, others: list[Word], quotes: Quotations) -> bool:
    """Whether ``word`` is another case of one of ``others`` inside a quoted term (at
    most ``TERM_WORDS`` words between the marks, and no punctuation of speech)."""
    inside = quotes.interior(word.start)
    if inside is None or inside[1] - inside[0] > TERM_CHARS:
        return False
    if len(WORD.findall(quotes.text, *inside)) > TERM_WORDS:
        return False
    if compiled(_SPEECH_MARKS).search(quotes.text, *inside):
        return False  # ("Боб, це ти?" is speech)
    return any(other_case(word.text, other.text) for other in others)


_SPEECH_MARKS = r"[,.!?;:\u2026]"


TERM_WORDS = 3
TERM_CHARS = 80  # (longer is no term: looked at before its words are counted)


def _quoted(words: tuple[Word, ...], quotes: Quotations) -> list[Word]:
    """The ``words`` inside a quotation (none when their paragraph holds none)."""
    if not words or quotes.none_in(min(w.start for w in words), max(w.end for w in words)):
        return []
    return [w for w in words if quotes.overlaps((w.start, w.end))]


def _quoted_key(word: Word, context: Context) -> str:
    """A quoted word as compared: ``can’t`` = ``can't`` = ``cannot``; a word in lower
    case in British or American spelling alike (``labour`` = ``labor``)."""
    key = APOSTROPHES.sub("'", context.key(word.text))
    if key.islower():
        key = one_spelling(key)
    return "can't" if key.casefold() == "cannot" else key
