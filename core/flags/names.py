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
over the text (``tally``; the paragraphs two versions share are tallied once for both,
``SharedParagraphs``); only distinct words are looked at one by one. A heading is told
by its line alone, when asked.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat

from core.engine import aside
from core.engine.tokens import compiled, has_wide, paragraph_stretches
from core.flags.job_names import NAMES_JOB

_WORD = r"\w+(?:['\u2019\-\u2010\u2011]\w+)*"
# Capitalized function words (headline style, "I") are never taken for names.
NOT_NAMES = frozenset(
    "i i'm i've i'll i'd a an the and or but of in on at to for from by with as is "
    "are was were be been it its this that these those he she they we you his her "
    "their our my your him them us me who what when where why how if then than so "
    "not no never nor ви вас вам вами ваш ваша ваше ваші вашого вашої вашим вы ты ти "
    "він вона воно вони я мы ми "
    # German nouns of measure after a figure ("7,5 Prozent", "1,5 Mrd. Euro")
    "prozent prozentpunkte mio mrd millionen milliarden euro dollar franken grad "
    # Titles before a name: "Maria Lvova-Belova" -> "Mme Lvova-Belova" names no one new
    "mr mrs ms mme mmes mlle m dr prof sir dame herr frau sr sra srta maj cpl pte sgt lt "
    "capt col gen det insp supt atty rev hon".split()
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
)  # both branches start with the quotation mark: ``_definitions`` tries it there


def _definitions(text: str) -> Iterator[re.Match[str]]:
    """``_DEFINITION.finditer(text)``, the expression tried only where a quotation mark
    stands: ``str.find`` finds them many times quicker than the expression's own scan
    for its first character, a class (7 ms in 1 MB of prose)."""
    marks: list[int] = []
    for mark in '"\u201c':
        at = text.find(mark)
        while at >= 0:
            marks.append(at)
            at = text.find(mark, at + 1)
    marks.sort()
    end = 0
    for at in marks:
        if at >= end:
            found = _DEFINITION.match(text, at)
            if found is not None:
                end = found.end()
                yield found


_APOSTROPHE = re.compile("[\u2019\u02bc]")
# Capitals of Latin, Greek and Cyrillic (mixed-case ranges are sorted out by isupper).
_CAPITALS = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u0391-\u03a9\u0400-\u042f\u0490"
# In mid-sentence: after a word, a comma, a semicolon or "%" and one space; in text
# without spaces, right after a Han character or kana (官员Hans Kluge说). The pattern
# starts with the capital (a class the engine can skip to) and looks behind only there.
# Each look-behind ends on that capital, already matched: ``_JUST_MATCHED`` (any
# character) stands for it, since every copy of the class of capitals costs about
# 0.2 ms to compile at start-up (the determiners' pattern held 25 of them: 4.5 ms).
_JUST_MATCHED = "."
_HAN_KANA = "\u3040-\u30ff\u4e00-\u9fff"
_HAN_KANA_CHAR = f"[{_HAN_KANA}]"
_LETTERS = rf"[^\W{_HAN_KANA}]"  # (a name after a Han character ends before the next)
_CAPITALISED_MID = re.compile(
    rf"[{_CAPITALS}](?<=[\w,;%] {_JUST_MATCHED})\w*(?:['\u2019\-\u2010\u2011]\w+)*"
)
# ... and in text without spaces, also right after a Han character or kana (compiled
# when first used, for such texts only: its classes take milliseconds to compile).
_CAPITALISED_MID_WIDE = (
    rf"[{_CAPITALS}](?:(?<=[\w,;%] {_JUST_MATCHED})|(?<=[{_HAN_KANA}]{_JUST_MATCHED}))"
    rf"{_LETTERS}*(?:['\u2019\-\u2010\u2011]{_LETTERS}+)*"
)


def _capitalised_mid(text: str) -> re.Pattern[str]:
    """The pattern of capitalised words in mid-sentence that ``text`` needs."""
    return compiled(_CAPITALISED_MID_WIDE) if has_wide(text) else _CAPITALISED_MID


DETERMINERS = (
    "a an this these those any such each every your its our "
    # German articles and the prepositions joined to one: German writes every noun
    # capitalised, and a noun stands after one ("die Polizei", "am Montag").
    "der die das den dem des ein eine einen einem einer eines kein keine am im vom zum zur beim"
).split()
# (Every determiner's last letter before the space first: a cheap look that fails for
# most capitals, before the determiners themselves are looked for.)
_DETERMINER_ENDS = "".join(
    sorted({d[-1] for d in DETERMINERS} | {d[-1].upper() for d in DETERMINERS})
)
# The determiners, lower case and capitalised, by length: a look-behind has a fixed
# width, so there is one per length (5 instead of 24: quicker to compile and to scan).
_DETERMINER_FORMS = [form for d in DETERMINERS for form in (d, d[0].upper() + d[1:])]
_DETERMINERS_BY_LENGTH = {
    n: [form for form in _DETERMINER_FORMS if len(form) == n]
    for n in {len(form) for form in _DETERMINER_FORMS}
}
_AFTER_DETERMINER = re.compile(
    rf"[{_CAPITALS}](?<=[{_DETERMINER_ENDS}] {_JUST_MATCHED})(?:"
    + "|".join(
        f"(?<=(?<!\\w)(?:{'|'.join(forms)}) {_JUST_MATCHED})"
        for _, forms in sorted(_DETERMINERS_BY_LENGTH.items())
    )
    + r")\w*(?:['\u2019\-\u2010\u2011]\w+)*"
)
# A name's particle before an article is no article: "von der Leyen", "van der Berg".
# The pattern starts with the article (a literal the engine skips to) and looks behind
# for the particle only there: begun with the particle, it was tried at every word of
# the text ("der " stands in "under" and "order": 16 ms a megabyte of English).
_AFTER_PARTICLE = re.compile(
    r"de[rnm] (?:(?<=(?<!\w)(?:von|van|vom|ter) de. )|(?<=(?<!\w)zu de. ))"
    rf"([{_CAPITALS}]\w*)"
)
# A capital after a comma that follows a speech verb (within four words) opens speech,
# as a sentence does: ``he said unto them, Go``.
_AFTER_COMMA = re.compile(rf"[{_CAPITALS}](?<=, {_JUST_MATCHED})\w*(?:['\u2019\-\u2010\u2011]\w+)*")
_SPEECH_BEFORE = re.compile(
    rf"(?<!\w)(?:{'|'.join(SPEECH_OPENERS)})(?: +[\w'\u2019]+){{0,3}}$", re.IGNORECASE
)
# Lines without a word of three letters or more in lower case: headings if short or
# ALL-CAPS (``_heading``).
_NO_LOWER_WORD = (
    "(?![^\\n]*?(?<![\\w'\u2019])"
    "[a-z\u00df-\u00f6\u00f8-\u00ff\u03b1-\u03c9\u0430-\u045f\u0491]\\w{2,})[^\\n]*\\S[^\\n]*$"
)
_NO_LOWER_WORD_LINE = re.compile("(?m)^" + _NO_LOWER_WORD)
# The same after a line break (the engine skips to those): the lines after the first.
_NO_LOWER_WORD_NEXT_LINE = re.compile("(?m)\n(" + _NO_LOWER_WORD + ")")
# The agency of a wire dateline is a name ("NEW ORLEANS, March 3 (Reuters) - ...",
# "WASHINGTON (AP) — ..."): it stands only in brackets and opening sentences, where a
# capital says nothing. The pattern starts with the bracket (a literal the engine
# skips to); the line's opening, a place in capitals, is checked for the few found.
_DATELINE_AGENCY = re.compile(
    r"\(([A-Z][\w&.'\u2019-]*(?: [A-Z][\w&.'\u2019-]*){0,3})\) ?(?:-{1,2}|\u2013|\u2014) "
)
_DATELINE_PLACE = re.compile(r"[A-Z][A-Z .'\u2019-]{1,40}(?:,[^\n()]{1,40})? $")
_EDGES = "\"'()[]{}<>.,;:!?*_/\\|`~\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb\u2014\u2013\u2026"
# A word of three letters or more in lower case: the line is no heading.
_LOWER_WORD = (
    "(?<![\\w'\u2019])[a-z\u00df-\u00f6\u00f8-\u00ff\u03b1-\u03c9\u0430-\u045f\u0491]\\w{2,}"
)
MAX_TITLE_WORDS = 12
# A people's adjective after a determiner is a name all the same ("a Canadian Leopard
# tank", "an Israeli strike"): folded, five letters or more, a people's ending (not
# German's "die Polizei", "der Besuch").
_DEMONYM = re.compile(r"^\w{3,}(?:can|ian|ean|ese|ish|man|[^e]i)$")


def has_no_capitals(text: str) -> bool:
    """Whether ``text`` has lower-case letters but not one capital (so its names
    cannot be told)."""
    return text.lower() == text and text.upper() != text


# A German text (its commonest words), and a noun in it: after an article, a count or
# a quantity, past up to two adjectives in lower case (their endings) ("mit 34 Jahren", "rund 80.000
# Menschen", "elf Kinder", "am folgenden Tag", "die meisten Passagiere"; a desk reader,
# session 17, saw these flagged as names).
_GERMAN = re.compile(
    r"(?<!\w)(?:der|das|und|nicht|ist|sind|wurde|wurden|mit|für|auf|dem|eine|hat|er|sie|sich|"
    r"auch|nach|bei|als|aus|am|im|vom|zum|zur|des|ums|beim|Der|Die|Das|Er|Sie|Es|Im|Am|"
    r"Nach|Bei|Beim)(?!\w)"
)
GERMAN_WORDS = 4  # (of them, distinct, in the first GERMAN_READ characters)
GERMAN_READ = 20_000
_GERMAN_NOUN = (
    r"(?<![\w.,])(?i:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein|keine|"
    r"am|im|vom|zum|zur|beim|alle|allen|viele|vielen|mehrere|einige|wenige|rund|"
    r"zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|hundert|tausend|"
    r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})*(?:,\d+)?) (?:[a-zäöüß][\w-]*(?:e|en|er|es|em) ){0,2}"
    r"([A-ZÄÖÜ][\w-]*)"
)


@dataclass(slots=True)
class Tally:
    """What the names of a document are told by, counted over some of its paragraphs:
    the capitalised words in mid-sentence (by spelling, less those in headings and
    those opening speech after a comma), the words capitalised after a determiner
    (folded) and the tokens by white space (their edges' punctuation taken off).
    Every one is found inside one paragraph, so the tallies of a document's
    paragraphs add up to the tally of the document."""

    capitalised: Counter[str]
    after_determiner: set[str]
    spelled: set[str]


def tally(text: str) -> Tally:
    """The ``Tally`` of ``text`` (whole paragraphs): a few regular-expression passes;
    only distinct words are looked at one by one."""
    mid = _capitalised_mid(text)
    capitalised = Counter(mid.findall(text))
    for start, end in _no_lower_word_lines(text):
        if _heading(text[start:end]):
            capitalised.subtract(mid.findall(text, start, end))
    capitalised.subtract(
        m.group()
        for m in _AFTER_COMMA.finditer(text)
        if _SPEECH_BEFORE.search(text, max(0, m.start() - 40), m.start() - 2)
    )
    capitalised.update(_dateline_agencies(text))
    after_determiner = {w.casefold() for w in _AFTER_DETERMINER.findall(text)}
    if len(set(_GERMAN.findall(text, 0, GERMAN_READ))) >= GERMAN_WORDS:  # (German:
        # every noun capitalised)
        after_determiner.update(w.casefold() for w in compiled(_GERMAN_NOUN).findall(text))
    if "der " in text or "den " in text or "dem " in text:  # ("Ursula von der Leyen")
        after_determiner -= {w.casefold() for w in _AFTER_PARTICLE.findall(text)}
    return Tally(capitalised, after_determiner, spelled_words(text))


def spelled_in_python(text: str) -> set[str]:
    """The tokens of ``text`` by white space, their edges' punctuation (``_EDGES``)
    stripped. (``spelled_words.c`` on the compiled path: each token hashed where it
    stands, a string made only for the first of each spelling.)"""
    # Distinct tokens are quicker to strip than every word. A stretch of paragraphs
    # at a time: the tokens never all exist at once.
    tokens: set[str] = set()
    for start, end in paragraph_stretches(text):
        tokens.update(text[start:end].split())
    return set(map(str.strip, tokens, repeat(_EDGES)))  # (each stripped in C)


def _spelled_in_c(text: str) -> set[str]:
    return spelled_in_c(text, _EDGES)


spelled_words: Callable[[str], set[str]]
try:
    # The compiled path's (``spelled_words.c``, built by ``make native``).
    from core.flags.spelled_words import spelled as spelled_in_c

    spelled_words = _spelled_in_c
except ImportError:
    spelled_words = spelled_in_python


def _dateline_agencies(text: str) -> Iterator[str]:
    """The words of the agencies named in ``text``'s wire datelines."""
    for m in _DATELINE_AGENCY.finditer(text):
        line = text.rfind("\n", 0, m.start()) + 1
        if _DATELINE_PLACE.fullmatch(text, line, m.start()):
            yield from m.group(1).split()


PARAGRAPH_BREAK = "\n\n"


class SharedParagraphs:
    """Two versions of a document cut at their blank lines (``PARAGRAPH_BREAK``): the
    paragraphs they share, tallied once for both, and each one's own. Cut there, a
    paragraph keeps what every pass of ``tally`` looks at around its words (a blank
    line before and after), so tallies of paragraphs add up exactly."""

    def __init__(self, old: str, new: str) -> None:
        self._texts = (old, new)
        self._tallies: dict[str, Tally] = {}
        self._parts: dict[str, str] | None = None

    def tallies(self, side: int) -> tuple[Tally, Tally]:
        """The tallies of the shared paragraphs and of the paragraphs of ``side`` (0:
        old, 1: new) alone; together, the tally of that whole version."""
        own = ("old", "new")[side]
        return self._tally("shared"), self._tally(own)

    def _tally(self, part: str) -> Tally:
        if part not in self._tallies:
            if self._parts is None:
                self._parts = _cut(*self._texts)
            self._tallies[part] = tally(self._parts.pop(part))
        return self._tallies[part]


def names_aside() -> aside.Job:
    """The job that finds both texts' names on the other core while the caller
    compares them (``core.engine.aside.allow``; single-threaded processes only), for
    ``pair_names`` of these two texts to take."""
    return NAMES_JOB, names_of


def names_of(old: str, new: str) -> tuple[frozenset[str], frozenset[str]]:
    """The names of ``old`` and of ``new`` (what ``pair_names`` finds)."""
    first, second = _counted_here(old, new)
    return first.names, second.names


def pair_names(old: str, new: str) -> tuple[Names, Names]:
    """The names of two versions of a document: found on the other core while they
    were compared (``names_aside``), or else here when first asked (the paragraphs
    they share tallied once)."""
    found = aside.take(old, new, NAMES_JOB)
    if (
        isinstance(found, tuple)
        and len(found) == 2
        and all(isinstance(names, frozenset) for names in found)
    ):
        return Names(old, names=found[0]), Names(new, names=found[1])
    return _counted_here(old, new)


def _counted_here(old: str, new: str) -> tuple[Names, Names]:
    shared = SharedParagraphs(old, new)
    return Names(old, lambda: shared.tallies(0)), Names(new, lambda: shared.tallies(1))


def _cut(old: str, new: str) -> dict[str, str]:
    """The paragraphs of ``old`` and ``new`` that both have (as many times as both have
    them), those of ``old`` alone and those of ``new`` alone, each set rejoined."""
    old_paragraphs, new_paragraphs = old.split(PARAGRAPH_BREAK), new.split(PARAGRAPH_BREAK)
    olds, news = set(old_paragraphs), set(new_paragraphs)
    if len(olds) == len(old_paragraphs) and len(news) == len(new_paragraphs):
        shared: Collection[str] = olds & news  # none twice in a version: sets (in C)
        old_only: Iterable[str] = olds - news
        new_only: Iterable[str] = news - olds
    else:
        old_only, shared, new_only = _cut_counted(old_paragraphs, new_paragraphs)
    if sum(map(len, shared)) < MIN_SHARED_SHARE * len(new):
        return {"shared": "", "old": old, "new": new}  # not worth rejoining
    return {
        "shared": PARAGRAPH_BREAK.join(shared),
        "old": PARAGRAPH_BREAK.join(old_only),
        "new": PARAGRAPH_BREAK.join(new_only),
    }


def _cut_counted(old: list[str], new: list[str]) -> tuple[list[str], list[str], list[str]]:
    """``_cut`` of paragraphs some of which a version has more than once."""
    left = Counter(old)
    shared: list[str] = []
    new_only: list[str] = []
    for paragraph in new:
        if left[paragraph] > 0:
            left[paragraph] -= 1
            shared.append(paragraph)
        else:
            new_only.append(paragraph)
    return list(left.elements()), shared, new_only


MIN_SHARED_SHARE = 0.2


class Names:
    """The names of one document (``is_name``) and its heading lines (``in_heading``).

    The names are given (``names``, found elsewhere) or found when first asked, from
    ``tallies`` (by default the tally of the whole text; ``SharedParagraphs`` gives
    those of two versions, the paragraphs they share tallied once). A heading is told
    by its line alone, when asked."""

    def __init__(
        self,
        text: str,
        tallies: Callable[[], Sequence[Tally]] | None = None,
        names: frozenset[str] | None = None,
    ) -> None:
        self.text = text
        self._tallies = tallies if tallies is not None else lambda: (tally(text),)
        self._names = names  # (None: found when first asked)
        # The lines looked at so far (sorted, each looked at once, so that a text of
        # one long line is not searched again for each word), and whether headings.
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._headings: list[bool] = []

    @property
    def names(self) -> frozenset[str]:
        """The names (folded), found when first asked."""
        if self._names is None:
            self._names = self._vocabulary(self._tallies())
        return self._names

    def _vocabulary(self, tallies: Sequence[Tally]) -> frozenset[str]:
        # In mid-sentence somewhere (less in headings and opening speech after a comma);
        # never spelled in lower case, nor after a determiner, nor defined.
        total = Counter(tallies[0].capitalised)
        for more in tallies[1:]:
            total.update(more.capitalised)
        capital_mid = {
            w.casefold()
            for w, n in total.items()
            if n > 0 and w[0].isupper() and (len(w) <= MAX_ACRONYM or not w.isupper())
        }
        lower = {
            w
            for w in set().union(*(t.after_determiner for t in tallies))
            if not _DEMONYM.search(w)  # ("a Canadian tank" -> "a German tank" names one)
        }
        for part in tallies:  # (the spelled words are many: looked up, not joined)
            lower |= capital_mid.intersection(part.spelled)
        defined = {
            w.casefold().removesuffix("s")
            for m in _definitions(self.text)
            for w in compiled(_WORD).findall(m.group(1) or m.group(2))
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
        if pos >= len(self.text) or self.text[pos] == "\n":
            return False  # on a line break: in no line
        i = bisect_right(self._starts, pos) - 1
        if i < 0 or pos >= self._ends[i]:  # a line not looked at yet
            start = self.text.rfind("\n", 0, pos) + 1
            end = self.text.find("\n", pos)
            end = len(self.text) if end < 0 else end
            line = _NO_LOWER_WORD_LINE.match(self.text, start, end)
            i += 1
            self._starts.insert(i, start)
            self._ends.insert(i, end)
            self._headings.insert(i, line is not None and _heading(line.group()))
        return self._headings[i]


def _no_lower_word_lines(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the lines of ``text`` without a word of three letters or more in
    lower case (``_NO_LOWER_WORD_LINE``, the lines after the first found from the
    line breaks before them)."""
    first = _NO_LOWER_WORD_LINE.match(text)
    if first is not None:
        yield first.span()
    for line in _NO_LOWER_WORD_NEXT_LINE.finditer(text):
        yield line.span(1)


def _heading(line: str) -> bool:
    """An ALL-CAPS line, or a short title-case line: no word of three letters or more
    in lower case (``Genesis 1``, ``Terms And Conditions``, ``NO WARRANTY``)."""
    words = len(line.split())
    if words < 2 or compiled(_LOWER_WORD).search(line) or compiled(_HAN_KANA_CHAR).search(line):
        return False  # (a line of Chinese or Japanese has no case to tell a heading by)
    if not any(map(str.isupper, line)):
        return False  # (nor has Korean, Arabic, Hebrew, Thai ...: no capital at all)
    return words <= MAX_TITLE_WORDS or line.upper() == line
