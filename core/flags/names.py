"""Which words of one document are names, and which of its lines are headings.

A word is a name of a document when it stands capitalised in mid-sentence there (after
a word, a comma, a semicolon or ``%`` and a space; not after ``<said ...>, ``, where
speech opens as a sentence does: ``And God said, Let there be light``) at least once
outside headings, and is never spelled in lower case nor after a determiner
(``this License``, ``any Contributor``) anywhere in that document, nor defined by it
(``"Covered Code" means``; acronyms stay names: ``"GNU GPL" refers to``). Headings are
ALL-CAPS lines (a ``BREAKING NEWS`` kicker, a licence's disclaimer) and short
title-case lines. An ALL-CAPS word longer than ``MAX_ACRONYM`` is emphasis, and
capitalised function words and pronouns (``The``, ``I``, ``Ви``) are never names.
Scripts without capitals have no names, nor has a document in all lower case
(``has_no_capitals`` tells, so a report can say why). A few regular-expression passes
over the text; only distinct words are looked at one by one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from core.engine.tokens import paragraph_stretches

_WORD = re.compile(r"\w+(?:['\u2019\-\u2010\u2011]\w+)*")
# Capitalized function words (headline style, "I") are never taken for names.
NOT_NAMES = frozenset(
    "i i'm i've i'll i'd a an the and or but of in on at to for from by with as is "
    "are was were be been it its this that these those he she they we you his her "
    "their our my your him them us me who what when where why how if then than so "
    "not no never nor ви вас вам вами ваш ваша ваше ваші вашого вашої вашим вы ты ти "
    "він вона воно вони я мы ми".split()
)
SPEECH_OPENERS = (
    "said saith say says saying spake spoke answered answering cried asked called quoth "
    "replied wrote".split()
)
MAX_ACRONYM = 5
# A term a text defines is none of its names: ``"Covered Code" means``, ``An
# "Application" is``, ``is also called the "Linked Version"``.
_DEFINITION = re.compile(
    r"[\"\u201c]((?:[A-Z][\w-]*\s?){1,4})[\"\u201d]"
    r"(?=\s*(?:\([^)]{0,30}\)\s*)?(?:\w+\s+){0,4}?(?:means|mean|is|refers|shall)\b)"
    r"|[\"\u201c](?<=called the [\"\u201c])((?:[A-Z][\w-]*\s?){1,4})[\"\u201d]"
)  # both branches start with the quotation mark: the engine skips to those
_APOSTROPHE = re.compile("[\u2019\u02bc]")
# Capitals of Latin, Greek and Cyrillic (mixed-case ranges are sorted out by isupper).
_CAPITALS = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u0391-\u03a9\u0400-\u042f\u0490"
# In mid-sentence: after a word, a comma, a semicolon or "%" and one space. The pattern
# starts with the capital (a class the engine can skip to) and looks behind only there.
_CAPITALISED_MID = re.compile(
    rf"[{_CAPITALS}](?<=[\w,;%] [{_CAPITALS}])\w*(?:['\u2019\-\u2010\u2011]\w+)*"
)
DETERMINERS = "a an this these those any such each every your its our".split()
# (Every determiner's last letter before the space first: a cheap look that fails for
# most capitals, before the determiners themselves are looked for.)
_DETERMINER_ENDS = "".join(
    sorted({d[-1] for d in DETERMINERS} | {d[-1].upper() for d in DETERMINERS})
)
_AFTER_DETERMINER = re.compile(
    rf"[{_CAPITALS}](?<=[{_DETERMINER_ENDS}] [{_CAPITALS}])(?:"
    + "|".join(
        f"(?<=(?<!\\w){d[0]}{d[1:]} [{_CAPITALS}])|(?<=(?<!\\w){d[0].upper()}{d[1:]} [{_CAPITALS}])"
        for d in DETERMINERS
    )
    + r")\w*(?:['\u2019\-\u2010\u2011]\w+)*"
)
# A capital after a comma that follows a speech verb (within four words) opens speech,
# as a sentence does: ``he said unto them, Go``.
_AFTER_COMMA = re.compile(rf"[{_CAPITALS}](?<=, [{_CAPITALS}])\w*(?:['\u2019\-\u2010\u2011]\w+)*")
_SPEECH_BEFORE = re.compile(
    rf"(?<!\w)(?:{'|'.join(SPEECH_OPENERS)})(?: +[\w'\u2019]+){{0,3}}$", re.IGNORECASE
)
# Lines without a word of three letters or more in lower case: headings if short or
# ALL-CAPS (``_heading``).
_NO_LOWER_WORD_LINE = re.compile(
    "(?m)^(?![^\\n]*?(?<![\\w'\u2019])"
    "[a-z\u00df-\u00f6\u00f8-\u00ff\u03b1-\u03c9\u0430-\u045f\u0491]\\w{2,})[^\\n]*\\S[^\\n]*$"
)
_EDGES = "\"'()[]{}<>.,;:!?*_/\\|`~\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb\u2014\u2013\u2026"
# A word of three letters or more in lower case: the line is no heading.
_LOWER_WORD = re.compile(
    "(?<![\\w'\u2019])[a-z\u00df-\u00f6\u00f8-\u00ff\u03b1-\u03c9\u0430-\u045f\u0491]\\w{2,}"
)
MAX_TITLE_WORDS = 12


def has_no_capitals(text: str) -> bool:
    """Whether ``text`` has lower-case letters but not one capital (so its names
    cannot be told)."""
    return text.lower() == text and text.upper() != text


class Names:
    """The names of one document (``is_name``) and its heading lines (``in_heading``):
    a few regular-expression passes over the text (the names' only when first asked);
    only distinct words are looked at one by one."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._headings: list[int] = []  # start, end, start, end ... of heading lines
        for line in _NO_LOWER_WORD_LINE.finditer(text):
            if _heading(line.group()):
                self._headings += [line.start(), line.end()]
        self._names: frozenset[str] | None = None

    @property
    def names(self) -> frozenset[str]:
        """The names (folded), found when first asked."""
        if self._names is None:
            self._names = self._vocabulary(self.text)
        return self._names

    def _vocabulary(self, text: str) -> frozenset[str]:
        # Occurrences are counted by regular expressions; only distinct words are
        # looked at one by one: in mid-sentence somewhere, less those in headings and
        # those opening speech after a comma (``he said unto them, Go``).
        total = Counter(_CAPITALISED_MID.findall(text))
        for start, end in zip(self._headings[::2], self._headings[1::2]):
            total.subtract(_CAPITALISED_MID.findall(text, start, end))
        total.subtract(
            m.group()
            for m in _AFTER_COMMA.finditer(text)
            if _SPEECH_BEFORE.search(text, max(0, m.start() - 40), m.start() - 2)
        )
        capital_mid = {
            w.casefold()
            for w, n in total.items()
            if n > 0 and w[0].isupper() and (len(w) <= MAX_ACRONYM or not w.isupper())
        }
        # Capitalised after a determiner somewhere: a defined term or a common noun.
        common = {w.casefold() for w in _AFTER_DETERMINER.findall(text)}
        # Spelled in lower case somewhere: the candidate as a token by white space,
        # its edges' punctuation taken off (distinct tokens: quicker than every word).
        # A stretch of paragraphs at a time: the tokens never all exist at once.
        tokens: set[str] = set()
        for start, end in paragraph_stretches(text):
            tokens.update(text[start:end].split())
        spelled = {token.strip(_EDGES) for token in tokens}
        lower = {w for w in capital_mid if w in spelled} | common
        defined = {
            w.casefold().removesuffix("s")
            for m in _DEFINITION.finditer(text)
            for w in _WORD.findall(m.group(1) or m.group(2))
            if not w.isupper()
        }
        return frozenset(
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


def _heading(line: str) -> bool:
    """An ALL-CAPS line, or a short title-case line: no word of three letters or more
    in lower case (``Genesis 1``, ``Terms And Conditions``, ``NO WARRANTY``)."""
    words = len(line.split())
    if words < 2 or _LOWER_WORD.search(line):
        return False
    return words <= MAX_TITLE_WORDS or line.upper() == line
