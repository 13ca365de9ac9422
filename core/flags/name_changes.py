"""Names changed: the ``name`` flag (see ``core.flags.detect``; which words are names:
``core.flags.names``).

A name of a changed word is no change when it stands anywhere in the other sentence (or
the piece of sentence next to it): the same word in any case when case is ignored, its
possessive, a people's ending, another case ending in an inflected language.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import replace
from operator import attrgetter

from core.engine.lcs import word_similarity
from core.engine.tokens import compiled
from core.flags.figure_words import is_figure
from core.flags.han_names import check_han_names
from core.flags.names import NOT_NAMES, Names
from core.flags.pooled import (
    HYPHENS,
    WORD,
    Context,
    Flag,
    Pooled,
    Word,
    dateline_agency,
    dateline_words,
    in_dateline,
    is_initial,
    make_flag,
    neighbour,
)
from core.model import Span


def check_name(pool: Pooled, context: Context) -> Flag | None:
    if (found := check_han_names(pool, context)) is not None:
        return found
    if not any(w.text[0].isupper() for w in (*pool.old_words, *pool.new_words)):
        return None  # a name is capitalised, or it is no name of its document
    old_names, new_names = context.names
    old = [w for w in pool.old_words if _named(w, old_names) and not _money(w, context.old)]
    new = [w for w in pool.new_words if _named(w, new_names) and not _money(w, context.new)]
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
        # (a name opening a sentence is known from the other version: "Mussati was
        # driving" -> "Arnovich was driving")
        either = (
            [w for w in pool.old_words if w in old or _named_there(w, new_names)],
            [w for w in pool.new_words if w in new or _named_there(w, old_names)],
        )
        if swapped := _regrouped(old, new, pool, context):
            return make_flag("name", pool, *swapped)
        if turned := _turned_around(*either, pool):
            shown = [", ".join(w.text for w in words) for words in turned]
            flag = make_flag("name", pool, *turned)
            return replace(flag, explanation=f'"{shown[0]}" \u2192 "{shown[1]}"')
        if traded := _traded(*either, pool, context):
            shown = [", ".join(w.text for w in words) for words in traded]
            flag = make_flag("name", pool, *traded)
            return replace(flag, explanation=f'"{shown[0]}" \u2192 "{shown[1]}"')
        return None
    gone, came = _same_zone(gone, came)
    gone, came = _same_country(gone, came)
    gone, came = _acronyms(gone, came, pool)
    gone, came = _short_forms(gone, came, pool)
    gone = _head_kept(gone, pool.old_text, pool.old_span[0], pool.new_text)
    came = _head_kept(came, pool.new_text, pool.new_span[0], pool.old_text)
    gone, came = _first_names(gone, came, pool, new_all, old_all, context)
    # (a pronoun the other way, "he took" -> "Boaz took", says who: still flagged)
    gone = _for_pronoun(gone, pool.new_words, (context.new, pool.new_span[0]))
    gone = _attributive(gone, (context.old, pool.new_words), (context.new, pool.new_span[0]))
    came = _attributive(came, (context.new, pool.old_words), (context.old, pool.old_span[0]))
    # A place cut where the other version's dateline names it ("in Whitehall, London."
    # -> "in Whitehall", the story now datelined "LONDON, November 11 -"). Its agency
    # in brackets too, unless it stands in for another name: a source changed ("The New
    # York Times reported" -> "Reuters reported", both datelined "(Reuters)").
    both = bool(gone and came)
    if gone and (placed := _placed(context.new, both)):
        gone = [w for w in gone if w.text.casefold() not in placed]
    if came and (placed := _placed(context.old, both)):
        came = [w for w in came if w.text.casefold() not in placed]
    if gone or came:
        gone, came = _carried_next_door((gone, came), (old, new), pool, context)
    if not gone and not came:
        return None
    if bool(gone) != bool(came) and (
        named := _named_next_door(gone or came, bool(came), pool, context, (old_all, new_all))
    ):
        return named
    gone = _whole(gone, pool.old_words, context.old)
    came = _whole(came, pool.new_words, context.new)
    return make_flag("name", pool, gone, came)


def _named_next_door(
    names: list[Word],
    came: bool,
    pool: Pooled,
    context: Context,
    spellings: tuple[_Spellings, _Spellings],
) -> Flag | None:
    """A flag for ``names`` put in (``came``; else cut) where the sentence cut (put in)
    next door named another in their place ("according to ... Colin Watson." cut,
    "said ... Colin Watkins" put in), shown against it; None when none did."""
    side, other = (1, 0) if came else (0, 1)
    texts = (context.old, context.new)
    near_spans = (pool.old_near, pool.new_near)[other]
    near = _near_name(
        names,
        (texts[side], texts[other]),
        near_spans,
        context.names[other],
        (spellings[side], context.key),
    )
    if near is None:
        return None
    named = _whole(names, (pool.old_words, pool.new_words)[side], texts[side])
    flag = make_flag("name", pool, [] if came else named, named if came else [])
    here = " ".join(w.text for w in named)
    shown = (near, here) if came else (here, near)
    return replace(flag, explanation=f'"{shown[0]}" \u2192 "{shown[1]}"')


def _near_name(
    names: list[Word],
    texts: tuple[str, str],
    near: tuple[Span, ...],
    near_names: Names,
    here: tuple[_Spellings, Callable[[str], str]],
) -> str | None:
    """The name (whole) of the sentences ``near`` that the one name of ``names`` took
    the place of: a name there that the block does not have (``here``), after the same
    word (``Colin`` of ``Colin Watson``, ``maintainer``) or spelled nearly alike; None
    when there is not exactly one. ``texts``: the text of ``names`` and of ``near``."""
    if len(names) != 1 or not near:
        return None
    text, near_text = texts
    spellings, key = here
    name = names[0]
    before = neighbour(text, name.start, -1)
    found: list[str] = []
    for start, end in near:
        words = [Word(m.group(), *m.span(), -1) for m in WORD.finditer(near_text, start, end)]
        for w in words:
            if not _named(w, near_names) or spellings.has(key(w.text)):
                continue
            same_place = bool(before) and neighbour(near_text, w.start, -1) == before
            alike = word_similarity(w.text.casefold(), name.text.casefold())
            if same_place or alike >= _NEAR_ALIKE:
                found.append(_whole_text(w, words, near_text))
    return found[0] if len(set(found)) == 1 else None


_NEAR_ALIKE = 0.6


def _whole_text(word: Word, words: list[Word], text: str) -> str:
    """``word`` with the capitalised words of its name next to it, as text."""
    return " ".join(w.text for w in _whole([word], tuple(words), text))


def _placed(text: str, traded: bool) -> frozenset[str]:
    """The words of the dateline opening ``text`` that name no change: all of them, or
    (``traded``: names went and came) all but its agency's."""
    placed = dateline_words(text)
    return placed - dateline_agency(text) if traded and placed else placed


def _whole(names: list[Word], words: tuple[Word, ...], text: str) -> list[Word]:
    """``names`` with the capitalised words of their change that stand right next to
    them, a space between, to be shown as one name: ``New`` of ``New York Times``
    (``new`` is spelled so elsewhere: no name of the document), ``John`` of a sentence
    opening ``John Smith``. Not a function word or a title (``The``, ``Mr``), not a
    figure (``Monday``), not across a comma."""
    if not names:
        return names
    taken = set(names)
    at = {w.start: i for i, w in enumerate(words)}
    out: list[Word] = []
    for name in names:
        i = at.get(name.start)
        if i is None:
            continue
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(words) and _joins(words[j], words[j - step], text):
                if words[j] not in taken:
                    taken.add(words[j])
                    out.append(words[j])
                j += step
    return sorted((*names, *out), key=attrgetter("start")) if out else names


def _joins(word: Word, next_to: Word, text: str) -> bool:
    """Whether ``word`` belongs to the name ``next_to`` of its change stands in."""
    if word.change != next_to.change or not word.text[:1].isupper():
        return False
    if len(word.text) < 2 and not (is_initial(word.text) and text[word.end : word.end + 1] == "."):
        return False  # (a letter alone but an initial: "Thomas E. Dickey")
    lo, hi = sorted((word, next_to), key=attrgetter("start"))
    gap = text[lo.end : hi.start]
    if is_initial(lo.text) and gap[:1] == ".":
        gap = gap[1:]
    return (
        bool(gap)
        and gap.isspace()
        and "\n" not in gap
        and _bare(word.text).casefold() not in NOT_NAMES
        and not (
            _opens_sentence(text, word.start)
            and (word.text.casefold() in _ARTICLES or _spelled_lower(word, text))
        )
        and not is_figure(word, text)
    )


# Articles that open sentences in other languages ("La Première ministre ..."), which a
# short text may not spell in lower case.
_ARTICLES = frozenset("la le les l el los las il lo gli un une una uno der die das het een".split())
LOWER_LOOK = 20_000  # characters either side where a word opening a sentence is looked for


def _spelled_lower(word: Word, text: str) -> bool:
    """Whether ``word`` stands in lower case in ``text`` near it (``may`` for ``May``
    opening ``May Yahweh bless you``; not ``ben`` for ``Ben`` of ``Ben Bernanke``)."""
    lower = word.text.lower()
    if lower == word.text:
        return True
    return _stands_in(lower, text, word.start - LOWER_LOOK, word.end + LOWER_LOOK)


def _stands_in(word: str, text: str, start: int, end: int) -> bool:
    """Whether ``word`` stands whole in ``text`` from ``start`` to ``end``."""
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
    return pattern.search(text, max(0, start), max(0, end)) is not None


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a line, a quotation, what follows
    a colon, or the text (past brackets, dashes and the paragraph sign)."""
    i = start
    while i > 0 and (text[i - 1] in _OPENERS or text[i - 1] == " "):
        if text[i - 1] in _QUOTES_OPENING:
            return True  # ('said to the reapers, "May Yahweh be with you."')
        i -= 1
    if i == 0 or text[i - 1] in "!?:\n\u2029":
        return True
    if text[i - 1] != ".":
        return False
    # ... but not after a title's or an initial's point ("Maj. Eric Ruff", "J. Smith")
    before = _WORD_BEFORE.search(text, max(0, i - 12), i - 1)
    return before is None or (len(before.group()) > 1 and before.group().casefold() not in _TITLES)


_WORD_BEFORE = re.compile(r"\w+$")
_QUOTES_OPENING = "\"'\u2018\u201c\u201e\u00ab"
_OPENERS = "\"'([{\u00b6\u2018\u201c\u201e\u00ab\u2014\u2013-"


def _carried_next_door(
    changed: tuple[list[Word], list[Word]],
    named: tuple[list[Word], list[Word]],
    pool: Pooled,
    context: Context,
) -> tuple[list[Word], list[Word]]:
    """The names ``changed`` (gone, came) less those carried between this block and a
    changed block next to it: cut here and put in there, or cut there and put in here
    ("Pedro Castillo ist ... enthoben" -> "Der Präsident ist ... enthoben", "für seine
    Absetzung" -> "für die Absetzung von Pedro Castillo" next door). Where this block
    also puts in a name (of ``named``, its names cut and put in) that the other cuts,
    the two traded names ("A Palestinian attack ... an Israeli raid" -> "An Israeli
    attack ... a Palestinian raid"): no carry."""
    gone, came = changed
    cut_here = {context.key(w.text) for w in named[0]}
    put_here = {context.key(w.text) for w in named[1]}
    for cut, put in pool.beside:
        cut_keys = {context.key(w.text) for w in cut}
        put_keys = {context.key(w.text) for w in put}
        if put_here & cut_keys and cut_here & put_keys:
            continue
        gone = [w for w in gone if context.key(w.text) not in put_keys]
        came = [w for w in came if context.key(w.text) not in cut_keys]
    return gone, came


_PRONOUNS = frozenset(
    "he she they him her them his hers their theirs it its"
    " il elle ils elles lui er sie ihr ihm ihn él ella ellos ele ela eles".split()
)


def _for_pronoun(names: list[Word], other: tuple[Word, ...], where: tuple[str, int]) -> list[Word]:
    """``names`` but those the other version put a pronoun for, in the same change, once
    it has named them before (``On 19 July, Stander opened`` -> ``On 19 July she
    opened``, Stander named in an earlier sentence: the same person)."""
    if not names:
        return names
    pronouns = {w.change for w in other if w.text.casefold() in _PRONOUNS}
    if not pronouns:
        return names
    text, before = where
    return [
        w
        for w in names
        if w.change not in pronouns
        or not _stands_in(w.text, text, before - ANTECEDENT_REACH, before)
    ]


def _attributive(
    names: list[Word], side: tuple[str, tuple[Word, ...]], other: tuple[str, int]
) -> list[Word]:
    """``names`` but those cut (or put in) alone between an article and a noun, the
    change putting nothing in their place, that the other version names in the
    sentences before (``The Valgrind distribution includes`` -> ``The distribution
    includes``, the sentence before opening ``Valgrind, a framework ...``: the same
    thing, named once)."""
    if not names:
        return names
    text, others = side
    other_text, before = other
    replaced = {w.change for w in others}
    return [
        w
        for w in names
        if w.change in replaced
        or not _ARTICLE_BEFORE.search(text, max(0, w.start - 6), w.start)
        or not _NOUN_AFTER.match(text, w.end)
        or not _stands_in(w.text, other_text, before - ANTECEDENT_REACH, before)
    ]


_ARTICLE_BEFORE = re.compile(r"(?<!\w)(?:[Tt]he|[Tt]his|[Ii]ts) $")
_NOUN_AFTER = re.compile(r" [a-z]")


ANTECEDENT_REACH = 3000
"""How far before a pronoun's sentence its name is looked for (characters): a few
paragraphs, so a long text is searched once per such name at most this far."""


def _traded(
    old: list[Word], new: list[Word], pool: Pooled, context: Context
) -> tuple[list[Word], list[Word]] | None:
    """Names that traded places: each change puts one name in the place of another,
    and the names, taken together, are the same ("Milatović beats Đukanović" ->
    "Đukanović beats Milatović", "Mussati was driving ... Arnovich" swapped)."""
    olds: dict[int, list[Word]] = {}
    news: dict[int, list[Word]] = {}
    for words, by_change in ((old, olds), (new, news)):
        for word in words:
            by_change.setdefault(word.change, []).append(word)
    # (the names of one change as one: "Alain Aspect" -> "John Clauser")
    pairs: list[tuple[Word, Word]] = []
    for c in olds:
        o = _phrase(olds[c], pool.old_text, pool.old_span[0])
        n = _phrase(news[c], pool.new_text, pool.new_span[0]) if c in news else None
        if o is None or n is None:
            return None
        if context.key(o.text) != context.key(n.text):
            pairs.append((o, n))
    if len(pairs) < 2 or len(pairs) != len(olds) or len(pairs) != len(news):
        return None
    old_keys = sorted(context.key(o.text) for o, _ in pairs)
    if old_keys != sorted(context.key(n.text) for _, n in pairs):
        return None
    return [o for o, _ in pairs], [n for _, n in pairs]


def _phrase(words: list[Word], text: str, offset: int) -> Word | None:
    """The names of one change as one name, when they stand together (one space
    between each); None else."""
    first, last = words[0], words[-1]
    shown = text[first.start - offset : last.end - offset]
    if len(shown.split()) != len(words):
        return None
    return Word(shown, first.start, last.end, first.change)


_CAPITALISED = r"[A-Z\u00c0-\u00de][\w'\u2019-]+"
TURN_REACH = 120

# Words that join two names either way round: "A and B" is "B and A".
_SYMMETRIC = frozenset("and or & with plus nor et und y e i и і та".split())
MAX_TURNED_WORDS = 6


def _turned_around(
    old: list[Word], new: list[Word], pool: Pooled
) -> tuple[list[Word], list[Word]] | None:
    """Two names that changed sides of a word that is not symmetric: one name cut with
    the word on one side of the other name and put in on its other side ("Smith beat
    Jones" -> "Jones beat Smith", "from Calcutta to Bombay" -> "from Bombay to
    Calcutta"). "A and B" -> "B and A" is no change."""
    cut = {w.text: w for w in old}
    for word in new:
        before = cut.get(word.text)
        if before is None:
            continue
        taken = pool.changes[before.change].old_words
        put = pool.changes[word.change].new_words
        if word.change == before.change or max(len(taken), len(put)) > MAX_TURNED_WORDS:
            continue
        # The plain words cut with it are those put in with it (names of a list are no
        # joining word): "beat" both times, not "beat" against "were beaten by".
        joining = {w.text.casefold() for w in taken if not w.text[0].isupper()}
        if joining != {w.text.casefold() for w in put if not w.text[0].isupper()}:
            continue
        if not joining or joining <= _SYMMETRIC:
            continue
        other = _between(pool, before, word)
        if other is None:
            continue
        first, second = (before, other[0]) if before.start < other[0].start else (other[0], before)
        return [first, second], sorted([word, other[1]], key=attrgetter("start"))
    return None


def _between(pool: Pooled, cut: Word, put: Word) -> tuple[Word, Word] | None:
    """The name both sentences keep between a name's cut and its putting in (its words
    in old and in new, as words of the cut's change), or None."""
    old_text, new_text = pool.old_text, pool.new_text
    o0, n0 = pool.old_span[0], pool.new_span[0]
    # (looked for within TURN_REACH characters of the cut and of the putting in: a
    # sentence of capitals is not searched once per capital)
    lo = max(0, cut.start - o0 - TURN_REACH)
    hi = cut.end - o0 + TURN_REACH
    new_lo = max(0, put.start - n0 - TURN_REACH)
    new_hi = put.end - n0 + TURN_REACH
    for m in compiled(_CAPITALISED).finditer(old_text, lo, hi):
        start = m.start() + o0
        if start == cut.start:
            continue
        name = m.group()
        found = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)").search(new_text, new_lo, new_hi)
        if found is None:
            continue
        nstart = found.start() + n0
        # the kept name stands after the cut in old and before the putting in in new,
        # or before the cut in old and after the putting in in new
        if (start > cut.start) == (nstart < put.start):
            return (
                Word(name, start, start + len(name), cut.change),
                Word(name, nstart, nstart + len(name), put.change),
            )
    return None


def _regrouped(
    old: list[Word], new: list[Word], pool: Pooled, context: Context
) -> tuple[list[Word], list[Word]] | None:
    """Names that changed people: each changed name stands in the other sentence, but
    in another full name ("Dave Mussati Jr. and Steve Arnovich" -> "Dave Arnovich Jr.
    and Steve Mussati"); the full names of both sides hold the same words. Full names
    put in another order ("Steve Arnovich and Dave Mussati Jr.") are no change."""
    if not old or not new:
        return None
    old_runs = {_full_name(w, context.old, pool.old_span) for w in old}
    new_runs = {_full_name(w, context.new, pool.new_span) for w in new}
    if {r.text for r in old_runs} == {r.text for r in new_runs}:
        return None
    if any(len(r.text.split()) < 2 for r in (*old_runs, *new_runs)):
        return None  # (a name alone: nothing to tell a person by)
    old_words = sorted(w for r in old_runs for w in r.text.split())
    new_words = sorted(w for r in new_runs for w in r.text.split())
    if old_words != new_words:
        return None
    return sorted(old_runs, key=attrgetter("start")), sorted(new_runs, key=attrgetter("start"))


# A full name: capitalised words (and "Jr.", "Sr.") one space apart.
_NAME_RUN_WORD = r"[A-Z][\w'\u2019-]*\.?"


def _full_name(word: Word, text: str, span: Span) -> Word:
    """The run of capitalised words ``word`` stands in, within ``span``."""
    start, end = word.start, word.end
    while True:
        m = re.search(r"([A-Z][\w'\u2019-]*) $", text[max(span[0], start - 40) : start])
        if m is None:
            break
        start -= len(m.group())
    while True:
        m = (
            compiled(_NAME_RUN_WORD).match(text, end + 1, span[1])
            if text[end : end + 1] == " "
            else None
        )
        if m is None:
            break
        end = m.end()
    shown = (
        text[start:end].rstrip(".")
        if not text[start:end].endswith(("Jr.", "Sr."))
        else text[start:end]
    )
    return Word(shown, start, start + len(shown), word.change)


# A country and its people's adjective name one country ("The UK ceremony" -> "The
# British ceremony"); the adjective's own ending is told elsewhere ("Syria"/"Syrian").
_COUNTRIES = [
    "uk britain british briton britons",
    "us usa america american americans",
    "netherlands holland dutch",
    "switzerland swiss",
    "france french",
    "germany german germans",
    "spain spanish",
    "china chinese",
    "japan japanese",
    "turkey turkish türkiye",
    "greece greek greeks",
    "poland polish",
    "sweden swedish",
    "denmark danish",
    "norway norwegian",
    "finland finnish",
    "ireland irish",
    "israel israeli israelis",
    "pakistan pakistani",
    "nepal nepalese nepali",
    "thailand thai",
    "vietnam vietnamese",
    "philippines filipino philippine",
    "portugal portuguese",
    "belgium belgian belgians",
    "hungary hungarian hungarians",
    "iceland icelandic",
    "wales welsh",
    "scotland scottish scots",
    "england english",
    "peru peruvian peruvians",
    "argentina argentine argentinian argentines",
    "lebanon lebanese",
    "sudan sudanese",
    "congo congolese",
    "bangladesh bangladeshi bangladeshis",
    "iraq iraqi iraqis",
    "yemen yemeni yemenis",
    "kuwait kuwaiti kuwaitis",
    "qatar qatari qataris",
    "oman omani omanis",
    "madagascar malagasy",
    "cyprus cypriot cypriots",
    "malta maltese",
    "monaco monegasque",
]
_COUNTRY_OF = {w: k for k, line in enumerate(_COUNTRIES) for w in line.split()}


def _same_country(gone: list[Word], came: list[Word]) -> tuple[list[Word], list[Word]]:
    """Leave out a country cut and its people's adjective put in, or the reverse."""
    cut = {_COUNTRY_OF.get(w.text.casefold().replace(".", "")) for w in gone} - {None}
    put = {_COUNTRY_OF.get(w.text.casefold().replace(".", "")) for w in came} - {None}
    both = cut & put
    if not both:
        return gone, came
    return (
        [w for w in gone if _COUNTRY_OF.get(w.text.casefold().replace(".", "")) not in both],
        [w for w in came if _COUNTRY_OF.get(w.text.casefold().replace(".", "")) not in both],
    )


# Names of one clock: "12:00 UTC" -> "1200 GMT" names no other time.
_ONE_ZONE = frozenset(("UTC", "GMT", "Z"))


def _same_zone(gone: list[Word], came: list[Word]) -> tuple[list[Word], list[Word]]:
    """Leave out a time zone written as another name of the same clock."""
    if any(w.text in _ONE_ZONE for w in gone) and any(w.text in _ONE_ZONE for w in came):
        return [w for w in gone if w.text not in _ONE_ZONE], [
            w for w in came if w.text not in _ONE_ZONE
        ]
    return gone, came


def _first_names(
    gone: list[Word],
    came: list[Word],
    pool: Pooled,
    new_all: _Spellings,
    old_all: _Spellings,
    context: Context,
) -> tuple[list[Word], list[Word]]:
    """Leave out a first name cut or put before a surname both sentences keep
    ("Vladimir Poutine" -> "M. Poutine", "Sunak" -> "Rishi Sunak"); one first name for
    another before the same surname ("Barack Obama" -> "Michelle Obama") stays."""
    cut = {w: s for w in gone if (s := _last_name(w, pool.old_text, pool.old_span[0]))}
    put = {w: s for w in came if (s := _last_name(w, pool.new_text, pool.new_span[0]))}
    cut = {w: s for w, s in cut.items() if _bare_there(s, pool.new_text, new_all, context)}
    put = {w: s for w, s in put.items() if _bare_there(s, pool.old_text, old_all, context)}
    swapped = set(cut.values()) & set(put.values())
    return (
        [w for w in gone if w not in cut or cut[w] in swapped],
        [w for w in came if w not in put or put[w] in swapped],
    )


def _run_together(single: list[Word], split: list[Word]) -> None:
    """Leave out of both lists a word of ``single`` that is two or three words of
    ``split`` standing together, run together ("Airfield", "Air Field")."""
    for word in list(single):
        folded = word.text.casefold()
        for k in range(len(split)):
            for n in (2, 3):
                run = split[k : k + n]
                if len(run) == n and "".join(w.text.casefold() for w in run) == folded:
                    single.remove(word)
                    del split[k : k + n]
                    break
            else:
                continue
            break


MAX_NAME_WORDS = 6  # (a name's words looked at: a block of capitals stays linear)
MAX_SHORT_FORMS = 16  # (changed names tried as short forms of others, per side)


def initials(words: Sequence[str]) -> str:
    """The first letters of a name's words, its joining words (``of``, ``for``...)
    left out: ``Federal Bureau of Investigation`` -> ``FBI``."""
    return "".join(w[0] for w in words if w.casefold() not in _JOINING)


# An acronym as written, with points or without: "U.S.", "US", "NATO".
# (its first capital matched before the look-behind: the engine skips to a capital)
_ACRONYM = re.compile(r"[A-Z](?<![\w.][A-Z])\.?(?:[A-Z]\.?){1,6}(?!\w)")


def _acronyms(gone: list[Word], came: list[Word], pool: Pooled) -> tuple[list[Word], list[Word]]:
    """Leave out a name and its acronym, each way round ("United States" / "U.S." or
    "US" or "USA", "United Nations" / "U.N.", "Canadian Forces Base" / "CFB"): the
    words of capitalised words standing together (two to six of them) whose initials
    the other sentence writes as an acronym, and the acronym. The acronym, often single
    letters, is no name of its own to pair them with."""
    sides = ((pool.old_text, pool.old_span[0]), (pool.new_text, pool.new_span[0]))
    ranges: tuple[list[Span], list[Span]] = ([], [])  # (what goes, in old and new)
    for long_side, short_side in ((0, 1), (1, 0)):
        (long_text, long_off), (short_text, short_off) = sides[long_side], sides[short_side]
        written: dict[str, list[Span]] = {}
        for m in _ACRONYM.finditer(short_text):
            at = (m.start() + short_off, m.end() + short_off)
            written.setdefault(m.group().replace(".", ""), []).append(at)
        if not written:
            continue
        shorter: dict[str, list[str]] = {}  # (the acronyms but their last letter)
        for k in written:
            shorter.setdefault(k[:-1], []).append(k)
        spelled: set[str] = set()  # (the acronyms spelled out: each taken once)
        for m in _CAPITALISED_RUN.finditer(long_text):
            parts = [
                p for p in re.finditer(r"\S+", m.group()) if p.group().casefold() not in _JOINING
            ]
            for i in range(len(parts)):
                for j in range(i + 2, min(len(parts), i + 6) + 1):
                    letters = initials([p.group() for p in parts[i:j]])
                    # ... or all but its last letter ("United States" for "USA")
                    found = ([letters] if letters in written else []) + shorter.get(letters, [])
                    if found:
                        lo = m.start() + parts[i].start() + long_off
                        ranges[long_side].append((lo, m.start() + parts[j - 1].end() + long_off))
                        spelled.update(found)
        ranges[short_side].extend(at for k in spelled for at in written[k])

    def kept(words: list[Word], side: int) -> list[Word]:
        starts = sorted(w.start for w in words)
        gone_at = {  # (the starts inside a range, found by bisection: linear in all)
            starts[k]
            for lo, hi in ranges[side]
            for k in range(bisect_left(starts, lo), bisect_left(starts, hi))
        }
        return [w for w in words if w.start not in gone_at]

    return kept(gone, 0), kept(came, 1)


def _head_kept(words: list[Word], text: str, offset: int, other: str) -> list[Word]:
    """Leave out the words of a name of two or more whose last word the other sentence
    keeps in lower case, as a common noun ("the Eiffel Tower" -> "the tower"): the same
    thing named again, shortened."""
    dropped: set[int] = set()
    lower = set(re.findall(r"\w+", other)) if words else set()  # (looked up, not searched)
    for word in words:
        run = [word.start]
        head = word
        while len(run) < MAX_NAME_WORDS and (nxt := _surname(head, text, offset)) is not None:
            head = Word(nxt, head.end + 1, head.end + 1 + len(nxt), word.change)
            run.append(head.start)
        if len(run) > 1 and head.text.lower() in lower:
            dropped.update(run)
    return [w for w in words if w.start not in dropped]


def _bare_there(surname: str, text: str, spellings: _Spellings, context: Context) -> bool:
    """Whether the other sentence ``text`` names ``surname`` alone: after a title (``M.
    Poutine``, ``Mr Sunak``), opening the sentence (``Sunak said``) or after a plain
    word (``succeeds Truss``): the same person without a first name, as second
    references write it. After another capitalised word or a word like ``of`` it is
    part of another name (``Dolieb Hill`` -> ``Doleib Hill``, ``the LORD God`` ->
    ``Yahweh God``, ``of Philosophy`` -> ``Computational Philosophy``)."""
    if surname not in text or not spellings.has(context.key(surname)):
        return False  # (not written there: nothing to find, no pattern to compile)
    found = False
    for raw in words_before(surname, text):
        before = raw.strip("\"'\u201c\u2018(,.").casefold()
        if not before or before in _TITLES or raw[-1:] in ",;":
            found = True  # ("Sunak said" opening the sentence, "Mr Sunak")
        elif raw[:1].isupper() or before in _NOT_BEFORE_A_NAME:
            return False  # another name's word, or "of Philosophy": no surname alone
        else:
            found = True  # "succeeds Truss"
    return found


def words_before(word: str, text: str) -> list[str]:
    """Each place ``word`` stands in ``text``, as ``(?:(\\S+)\\s+)?WORD\\b`` finds them (each
    from the last one's end): the run of other characters before it across white
    space, or "" (none). Without the expression: a pattern per surname, compiled in each
    process that checks the flags, took 2 ms of a long comparison's. A word holding
    white space (no surname does) is left to the expression."""
    if not word or any(c.isspace() for c in word):
        pattern = rf"(?:(\S+)\s+)?{re.escape(word)}\b"
        return [m.group(1) or "" for m in re.finditer(pattern, text)]
    out: list[str] = []
    size, end = len(word), len(text)
    at = 0  # (where the expression goes on: the last match's end)
    while (k := _standing(word, text, at)) >= 0:
        # Where the expression first matches: at the start of a run of characters
        # (from ``at``) that white space then this word follow, else at the word.
        start = k
        while start > at and not text[start - 1].isspace():
            start -= 1
        gap = k
        while start == k and gap > at and text[gap - 1].isspace():
            gap -= 1
        if at < gap < k:  # (a run before it: the match opens there)
            run = gap
            while run > at and not text[run - 1].isspace():
                run -= 1
            out.append(text[run:gap])
            at = k + size
            continue
        # Its own run, if white space and the word follow it, comes before the word
        # itself ("Sunak Sunak" is one match).
        run_end = k
        while run_end < end and not text[run_end].isspace():
            run_end += 1
        after = run_end
        while after < end and text[after].isspace():
            after += 1
        if after > run_end and _standing(word, text, after) == after:
            out.append(text[start:run_end])
            at = after + size
        else:
            out.append("")
            at = k + size
    return out


def _standing(word: str, text: str, at: int) -> int:
    """Where ``word`` first stands in ``text`` from ``at`` ending at an edge of a word
    (``\\b``), or -1."""
    size, end = len(word), len(text)
    ends_in_word = _in_word(word[-1])
    k = text.find(word, at)
    while k >= 0 and (k + size < end and _in_word(text[k + size])) == ends_in_word:
        k = text.find(word, k + 1)
    return k


def _in_word(char: str) -> bool:
    """Whether ``char`` is a word character of ``re``'s (``\\w``)."""
    return char.isalnum() or char == "_"


_TITLES = frozenset(
    "mr mrs ms mme mlle m dr prof sir dame herr frau sr sra srta maj cpl pte sgt lt capt "
    "col gen det insp supt atty rev president minister senator governor".split()
)


# Words after which a capitalised word is part of a longer name, not a person named by
# surname ("the Hague", "of Philosophy").
_NOT_BEFORE_A_NAME = frozenset("of the for and in on at to from by with a an de van von".split())


def _last_name(word: Word, text: str, offset: int) -> str | None:
    """The last of the capitalised words right after ``word`` (``Minister Rishi
    Sunak``: ``Sunak``), if any."""
    head, last = word, None
    for _ in range(MAX_NAME_WORDS):
        nxt = _surname(head, text, offset)
        if nxt is None:
            break
        head = Word(nxt, head.end + 1, head.end + 1 + len(nxt), word.change)
        last = nxt
    return last


_NEXT_NAME = re.compile(r" ([A-Z\u00c0-\u00de\u0400-\u042f][\w\-\u2010\u2011]+)")


def _surname(word: Word, text: str, offset: int) -> str | None:
    """The capitalised word right after ``word`` (its surname, if it is a first name)."""
    m = _NEXT_NAME.match(text, word.end - offset)
    return m.group(1) if m else None


_JOINING = frozenset("of for and the de du des la le del von van".split())
_CAPITALISED_RUN = re.compile(
    r"[A-Z][\w'\u2019]*(?:\s+(?:(?:of|for|and|the|de|du|des)\s+)?[A-Z][\w'\u2019]*)+"
)


def _short_forms(gone: list[Word], came: list[Word], pool: Pooled) -> tuple[list[Word], list[Word]]:
    """Leave out a name and its short form (acronyms: ``_acronyms``): an abbreviation
    of it ("Ontario" -> "Ont."), or its words run together ("Air Field" ->
    "Airfield"). Each way round."""
    sides = ((pool.old_text, pool.old_span[0]), (pool.new_text, pool.new_span[0]))
    for short, long_words, (short_text, short_offset) in (
        (came, gone, sides[1]),
        (gone, came, sides[0]),
    ):
        for word in list(short)[:MAX_SHORT_FORMS]:
            folded = word.text.replace(".", "").casefold()
            if short_text[word.end - short_offset : word.end - short_offset + 1] != ".":
                continue  # an abbreviation has its point ("Ont.", "Calif.")
            for other in list(long_words):
                theirs = other.text.casefold()
                if len(folded) >= 3 and len(theirs) > len(folded) and theirs.startswith(folded):
                    short.remove(word)
                    long_words.remove(other)
                    break
    if len(gone) + len(came) <= 2 * MAX_SHORT_FORMS:
        _run_together(came, gone)
        _run_together(gone, came)
    return gone, came


def _keys(text: str, spans: tuple[Span, ...], context: Context) -> list[str]:
    """The words of ``spans`` as names are compared (``Context.key``)."""
    words = [w for start, end in spans for w in WORD.findall(text, start, end)]
    return [w.casefold() for w in words] if context.ignore_case else words


# A people's name before its money names a currency ("4 million Canadian dollars"
# restyles "C$4 million"; the figures read the currency).
_MONEY_AFTER = re.compile(
    r" (?:dollars?|pounds?|francs?|pesos?|rupees?|kron[ae]r?|kroner|rand|lira|lire|yuan|yen)\b",
    re.IGNORECASE,
)


def _money(word: Word, text: str) -> bool:
    """Whether ``word`` stands before the name of a currency."""
    return _MONEY_AFTER.match(text, word.end) is not None


def _named_there(word: Word, other: Names) -> bool:
    """Whether a capitalised ``word`` is a name of the other version."""
    return len(word.text) > 1 and word.text[0].isupper() and other.is_name(word.text)


def _named(word: Word, names: Names) -> bool:
    # A date is a figure, not a name ("Monday", "Nov 10"): the figures flag it. A
    # letter alone is an initial or a piece of an abbreviation ("U.S." against "US").
    return (
        len(word.text) > 1
        and names.is_name(word.text)
        and not names.in_heading(word.start)
        and not is_figure(word, names.text)
        and not in_dateline(names.text, word.start)
    )


class _Spellings:
    """Words of one side, looked up as names: the same word, its possessive (``Smith's``),
    the same root with an ending that makes a people or an adjective of it (``Moabitish``,
    ``Moabite``), or, outside the Latin script, another case ending (``Марта``/``Марти``)."""

    def __init__(self, words: list[str]) -> None:
        self.words = {_bare(w) for w in words}
        # (a name in capitals, as a dateline writes it: "LONDON, Nov. 11 -")
        self.words.update(w.capitalize() for w in list(self.words) if w.isupper() and len(w) > 1)
        for w in words:
            if HYPHENS.search(w):
                # (not a part with digits: "gnome3" of "pinentry-gnome3" is no "GNOME")
                self.words.update(_bare(p) for p in HYPHENS.split(w) if p and not _DIGIT.search(p))
        self.stems: dict[str, list[str]] = {}
        for word in self.words:
            self.stems.setdefault(word[:3], []).append(word)
        # (the countries named, by their own name or their people's: "Portuguese
        # voters" names the country of "Voters in Portugal")
        self.countries = {_COUNTRY_OF.get(w.casefold()) for w in self.words} - {None}

    def has(self, word: str) -> bool:
        parts = HYPHENS.split(word)
        if len(parts) > 1 and all(self.has(part) for part in parts if part):
            return True  # "Київ-Львів" against "Київ - Львів"
        word = _bare(word)
        if word in self.words:
            return True
        if self.countries and _COUNTRY_OF.get(word.casefold()) in self.countries:
            return True
        same = _same_root if _latin(word) else _inflected
        return any(same(word, other) for other in self.stems.get(word[:3], ()))


def _bare(word: str) -> str:
    """A name as compared: no possessive ``'s``, no hyphens (``Свят-вечір``), no
    accents in the Latin script (``Luís`` restores what wire copy leaves out of
    ``Luis``)."""
    if word.endswith(("'s", "\u2019s")):
        word = word[:-2]
    if not word.isascii() and _latin(word):
        word = "".join(
            c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)
        )
    if word.isalnum():
        return word  # no hyphen (most words)
    return word.replace("-", "").replace("\u2010", "").replace("\u2011", "")


def _same_root(a: str, b: str) -> bool:
    """``Moabitish`` and ``Moabite``, ``Paris`` and ``Parisian``: one root, at least
    ``MIN_ROOT`` letters, once a people's or an adjective's ending is taken off."""
    ra, rb = compiled(_ENDINGS).sub("", a), compiled(_ENDINGS).sub("", b)
    if min(len(ra), len(rb)) < MIN_ROOT:
        return False
    short, long = sorted((ra, rb), key=len)
    if _NEW_NAME.fullmatch(long[len(short) :]):
        return False  # "Williams" and "Williamson", "Frank" and "Franklin": two names
    return long.startswith(short)


# What makes another name of a name it follows: a son's (``Johnson``, ``Andersen``),
# ``Franklin``. (Endings of one letter, ``Carl`` and ``Carlos``, ``Robert`` and
# ``Roberta``, are also cases and genitives in Polish or Czech copy: left alike.)
_DIGIT = re.compile(r"\d")
_NEW_NAME = re.compile(r"s?(?:son|sen|lin)", re.IGNORECASE)


_ENDINGS = r"(?i)(?:ish|ites?|ians?|ese|ans?|es|s|e)$"


MIN_ROOT = 4


def other_case(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are two case forms of one word of an inflected language
    written outside the Latin script (``бомбового``/``Бомбовый``), case aside."""
    return not _latin(a) and not _latin(b) and _inflected(a.casefold(), b.casefold())


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
