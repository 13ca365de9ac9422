"""Which words of one document are names.

A word is a name of a document when it stands capitalised in mid-sentence there (after
a word, a comma, a semicolon or ``%`` and a space) at least once, and never in lower
case nor after a determiner (``this License``, ``any Contributor``) anywhere in that
document, nor defined by it (``"Covered Code" means``; acronyms stay names: ``"GNU GPL"
refers to``); scripts without capitals have no names; occurrences in an ALL-CAPS line
(a ``BREAKING NEWS`` kicker, a licence's disclaimer) or a title-case line (a heading)
count neither way. So ``Paris`` is a name, ``Let`` in
``And God said, Let there be light`` is none
when the text also has ``let``, and a document in all lower case has no names at all
(``has_no_capitals`` tells, so a report can say why). Capitalised function words (``The``,
``I``, headline style) are never names. One pass over the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

_WORD = re.compile(r"\w+(?:['\u2019\-\u2010\u2011]\w+)*")
_LINE = re.compile(r"[^\n]+")
# Capitalized function words (headline style, "I") are never taken for names.
NOT_NAMES = frozenset(
    "i i'm i've i'll i'd a an the and or but of in on at to for from by with as is "
    "are was were be been it its this that these those he she they we you his her "
    "their our my your him them us me who what when where why how if then than so "
    "not no never nor ви вас вам вами ваш ваша ваше ваші вашого вашої вашим вы ты ти "
    "він вона воно вони я мы ми".split()
)
SPEECH_OPENERS = frozenset(
    "said saith say says saying spake spoke answered answering cried asked called quoth "
    "replied wrote".split()
)
MAX_ACRONYM = 5
# A term a text defines is none of its names: ``"Covered Code" means``, ``An
# "Application" is``, ``is also called the "Linked Version"``.
_DEFINITION = re.compile(
    r"[\"\u201c]((?:[A-Z][\w-]*\s?){1,4})[\"\u201d]"
    r"(?=\s*(?:\([^)]{0,30}\)\s*)?(?:\w+\s+){0,4}?(?:means|mean|is|refers|shall)\b)"
    r"|(?<=called the )[\"\u201c]((?:[A-Z][\w-]*\s?){1,4})[\"\u201d]"
)
_APOSTROPHE = re.compile(
    "[\u2019\u02bc]"
)  # an ALL-CAPS word longer than this is emphasis, not an acronym
_MID = ",;%"
# A capitalised word after one of these somewhere is a defined term or a common noun
# (``this License``, ``any Contributor``), not a name.
DETERMINERS = frozenset("a an this these those any such each every your its our".split())
MAX_TITLE_WORDS = 12
CAPS_SHARE = 0.8


def has_no_capitals(text: str) -> bool:
    """Whether ``text`` has lower-case letters but not one capital (so its names
    cannot be told)."""
    return not any(c.isupper() for c in text) and any(c.islower() for c in text)


class Names:
    """The names of one document (``is_name``), found in one pass over its lines."""

    def __init__(self, text: str) -> None:
        capital_mid: Counter[str] = Counter()
        lower: set[str] = set()
        previous = ""
        self._headings: list[int] = []  # start, end, start, end ... of heading lines
        for line in _LINE.finditer(text):
            words = list(_WORD.finditer(text, line.start(), line.end()))
            if not words:
                continue
            if _heading(words):
                self._headings += [line.start(), line.end()]
                continue
            for m in words:
                word = m.group()
                folded = word.casefold()
                if word[0].islower() or (word[0].isupper() and previous in DETERMINERS):
                    lower.add(folded)
                elif (
                    word[0].isupper()
                    and (len(word) <= MAX_ACRONYM or not word.isupper())
                    and _mid_sentence(text, m.start())
                ):
                    capital_mid[folded] += 1
                previous = folded
        defined = {
            w.casefold().removesuffix("s")
            for m in _DEFINITION.finditer(text)
            for w in _WORD.findall(m.group(1) or m.group(2))
            if not w.isupper()
        }
        self.names = frozenset(
            w
            for w in capital_mid
            if w not in lower
            and w.removesuffix("s") not in defined
            and _APOSTROPHE.sub("'", w) not in NOT_NAMES
        )

    def is_name(self, word: str) -> bool:
        """Whether ``word`` (any case) is a name of this document."""
        return word.casefold() in self.names

    def in_heading(self, pos: int) -> bool:
        """Whether ``pos`` stands in an ALL-CAPS or title-case line (its names are not
        told: every word there is capitalised)."""
        return bisect_right(self._headings, pos) % 2 == 1


def _heading(words: list[re.Match[str]]) -> bool:
    """An ALL-CAPS line, or a short title-case line: every word of three letters or
    more capitalised (``Genesis 1``, ``Terms And Conditions``)."""
    if len(words) < 2:
        return False
    letters = [c for m in words for c in m.group() if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) >= CAPS_SHARE * len(letters):
        return True
    long = [m.group() for m in words if len(m.group()) >= 3 and m.group()[0].isalpha()]
    return len(words) <= MAX_TITLE_WORDS and bool(long) and all(w[0].isupper() for w in long)


def _mid_sentence(text: str, start: int) -> bool:
    if start < 2 or text[start - 1] != " ":
        return False
    before = text[start - 2]
    if before == ",":  # ``he said unto them, Go``: speech opens, as a sentence does
        words = _WORD.findall(text, max(0, start - 40), start - 2)[-4:]
        return not any(w.casefold() in SPEECH_OPENERS for w in words)
    return before.isalnum() or before in _MID
