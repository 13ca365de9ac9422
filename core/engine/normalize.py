"""Normalization of tokens for matching: what makes two spellings "the same".

The contract (comparison-json.md) lists what an ``equal`` op may hide: runs of
whitespace, Unicode NFKC, curly versus straight quotes, the dash family, spacing
around punctuation and hyphens, and case unless case counts. Whitespace and spacing
never reach this module (tokens hold no whitespace, except joined spaced hyphens,
which ``tokens`` re-spells); it maps one raw token to its matching key.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES_SINGLE = "\u2018\u2019\u201a\u201b\u2032\u2035\u0060\u00b4\u02bc\u02bb"
_QUOTES_DOUBLE = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u2e3a\u2e3b"

# Format characters (Cf: zero-width spaces and joiners, bidi controls, soft hyphen,
# word joiner, BOM) never change what a word says; they are dropped from keys so
# that "wo\u200brd" matches "word" as a trivial difference, shown, never hidden.
_FORMAT_CHARS = (
    "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)

_TABLE: dict[int, str | None] = {}
_TABLE.update({ord(c): "'" for c in _QUOTES_SINGLE})
_TABLE.update({ord(c): '"' for c in _QUOTES_DOUBLE})
_TABLE.update({ord(c): "-" for c in _DASHES})
_TABLE.update({ord(c): None for c in _FORMAT_CHARS})

_DASH_RUN = re.compile("-{2,}")
DASH_CHARS = "-" + _DASHES
APOSTROPHES = "'\u2019"


def normalize_token(raw: str, *, fold_case: bool) -> str:
    """Return the matching key of one token.

    Args:
        raw: the token exactly as it stands in the document.
        fold_case: fold case (the default comparison ignores case).

    Returns:
        The key; never empty (a token made only of format characters keeps its
        raw spelling so it still has to be matched by itself).
    """
    if raw.isascii():
        key = raw.lower() if fold_case else raw
        if "`" in key:
            key = key.translate(_TABLE)
    else:
        key = unicodedata.normalize("NFKC", raw).translate(_TABLE)
        if fold_case:
            key = key.casefold()
    if "--" in key:
        key = _DASH_RUN.sub("-", key)
    return key or raw
