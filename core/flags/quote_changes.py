"""Quotations changed: the ``quote`` flag (see ``core.flags.detect``; where quotations
stand: ``core.flags.quotes``).

A quoted word of a change that the other side of that change does not have.
"""

from __future__ import annotations

from collections import Counter

from core.flags.pooled import (
    APOSTROPHES,
    Context,
    Flag,
    Pooled,
    Word,
    make_flag,
)


def check_quote(pool: Pooled, context: Context) -> Flag | None:
    old_quotes, new_quotes = context.quotes
    old = [w for w in pool.old_words if old_quotes.overlaps((w.start, w.end))]
    new = [w for w in pool.new_words if new_quotes.overlaps((w.start, w.end))]
    if not old and not new:
        return None
    touched = {w.change for w in (*old, *new)}
    # A quoted word changed when the other side of its change does not have it.
    old_side = Counter(_quoted_key(w, context) for w in pool.old_words if w.change in touched)
    new_side = Counter(_quoted_key(w, context) for w in pool.new_words if w.change in touched)
    gone = [w for w in old if _quoted_key(w, context) not in new_side]
    came = [w for w in new if _quoted_key(w, context) not in old_side]
    if not gone and not came:
        return None  # the quoted words did not change (only marks or their order)
    flag = make_flag("quote", pool, gone, came)
    return Flag(flag.kind, flag.block, flag.old, flag.new, flag.explanation + " inside a quote")


def _quoted_key(word: Word, context: Context) -> str:
    """A quoted word as compared: ``can’t`` = ``can't`` = ``cannot``."""
    key = APOSTROPHES.sub("'", context.key(word.text))
    return "can't" if key.casefold() == "cannot" else key
