"""Risky edits: the changes editors must check first, flagged by kind.

Works from a finished ``Comparison`` only. In every block that has both an old and a
new side, each maximal run of ``delete``/``insert`` ops between two ``equal`` ops is
one *change*. The words of all changes of a block are pooled by side (deleted words
against inserted words), and the block gets a flag of a kind when they differ in:

- ``number``: figures (``20`` -> ``27``, ``four-year`` -> ``five-year``, ``50,000``,
  ``12%``, ``$5``, weekdays and months): digits, and number words that are quantities
  (``one`` as a pronoun, ``one of``, ``one by one`` is none; an ordinal needs a
  determiner: ``the first day``, not ``was first pioneered``; Ukrainian number words
  count: ``2`` -> ``двоє`` is no change), compared as multisets, and no flag when the
  two sentences hold the same figures by value (``threescore and fourteen`` =
  ``seventy-four``, ``nineteenth`` = ``19th``). List markers (``3 -``, ``(2)``), digits
  in URLs, image sizes and HTML entities are no figures;
- ``negation``: the number of negations (``not``, ``no``, ``never``, ``n't``, ``lack``,
  ``non-existent`` ...; ``didn't`` -> ``did not`` keeps one each; ``no.`` before a
  number is none). Only on sentences truly paired (more than ``MIN_SHARED_NEGATION``
  of their content words shared), not in headings;
- ``name``: the names (``core.flags.names``: capitalised in mid-sentence, consistently,
  in their own document, not defined terms, not in headings). A name that stands
  anywhere in the other sentence, as a name or a plain word, case folded when the
  comparison ignores case, with a possessive, a people's ending (``Moabitish`` /
  ``Moabite``) or another case ending in an inflected language (``Марта`` /
  ``Марти``), is no change;
- ``attribution``: the attribution verbs of the two whole sentences by lemma
  (``said`` -> ``claimed``, ``said`` -> ``according to``; ``says``, ``saith``,
  ``spake``, ``told`` and ``said`` are one verb), or the speaker next to an unchanged
  verb (``Smith said`` -> ``Jones said``). ``that is to say``, ``said to have been``,
  ``the alleged X`` and verbs like ``add`` or ``note`` outside a reporting context (a
  quotation, ``that``, a colon, or ``, he added.``) are none;
- ``quote``: words inside quotation marks (``core.flags.quotes``) changed: a quoted
  word of a change that the other side of that change does not have.

A flag needs a real counterpart: a block whose two sentences share less than
``MIN_SHARED`` of their content words (a mis-paired heading, an unrelated sentence) gets
none; and a word that stands in a sentence added or removed right next to the block
(the two versions cut their sentences otherwise there) is not taken as removed or
added. Only words count: a change of punctuation alone is no flag. Trivial differences
are ``equal`` ops and never flag; nor does moved text that is unchanged (a moved block,
or two or more words deleted in one place and inserted as they were in another). Whole
sentences added or removed (``inserted``/``deleted`` blocks) are not aligned pairs and
get no flag: they are shown as such already. Explanations quote whole words of each
side, only those that differ (``"20" → "27"``, ``added "not"``), never punctuation.

Linear in the size of the text: a few regular-expression passes over each text for the
names (only when a capitalised word changed), the paragraphs around the changes for the
quotations, and each changed sentence's words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import groupby
from typing import Literal

from core.flags.names import Names, has_no_capitals
from core.flags.quotes import Quotations
from core.model import Block, Comparison, Op, Span

__all__ = [
    "FLAG_KINDS",
    "FLAG_LABELS",
    "Flag",
    "FlagKind",
    "flag_comparison",
    "flags_by_block",
    "has_no_capitals",
]

FlagKind = Literal["number", "negation", "name", "attribution", "quote"]
FLAG_KINDS: tuple[FlagKind, ...] = ("number", "negation", "name", "attribution", "quote")
FLAG_LABELS: dict[FlagKind, str] = {
    "number": "Figure",
    "negation": "Negation",
    "name": "Name",
    "attribution": "Attribution",
    "quote": "Quote",
}


@dataclass(frozen=True, slots=True)
class Flag:
    """One risky change of one kind.

    Attributes:
        kind: ``number``, ``negation``, ``name``, ``attribution`` or ``quote``.
        block: index of the comparison block holding the change.
        old: spans of the deleted words of the changes flagged (old text), in order.
        new: spans of the inserted words of the changes flagged (new text), in order.
        explanation: what changed, whole words, short, e.g. ``"20" → "27"``.
    """

    kind: FlagKind
    block: int
    old: tuple[Span, ...]
    new: tuple[Span, ...]
    explanation: str


_WORD = re.compile(r"\d+(?:[.,:]\d+)+|\w+(?:['\u2019\-\u2010\u2011]\w+)*")
_HYPHENS = re.compile("[-\u2010\u2011]")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_SCALES = frozenset("hundred hundreds thousand thousands million millions billion billions".split())
_NUMBER_WORDS = _SCALES | frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty "
    "sixty seventy eighty ninety score twoscore threescore fourscore trillion dozen "
    "dozens half quarter twice double triple threefold fourfold first second third "
    "fourth fifth sixth seventh "
    "eighth ninth tenth eleventh twelfth twentieth hundredth thousandth percent "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
    "thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth "
    "monday tuesday wednesday thursday friday saturday sunday january february "
    "april june july august september october november december".split()
)
# "one" is a pronoun after these words (no one, the one, every one) ...
_ONE_AFTER = frozenset(
    "no the this that any every each which some such another little loved only last "
    "next other one any-one by".split()
)
# ... and before these (one of them, one another, one who, one's).
_ONE_BEFORE = frozenset(
    "by at from with of another who whom whose which that is was has had does did can could must "
    "should would may might will shall hath doth needs wants knows sees finds gets "
    "requires thinks says feels uses takes makes gives".split()
)
_ORDINAL_VALUES = {
    word: str(i + 1)
    for i, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split()
    )
}
_ORDINAL_VALUES.update(
    thirtieth="30", fortieth="40", fiftieth="50", sixtieth="60", seventieth="70",
    eightieth="80", ninetieth="90", hundredth="100", thousandth="1000",
)  # fmt: skip
_ORDINALS = frozenset(_ORDINAL_VALUES)
# An ordinal is a figure after these (the first day, his second term).
_BEFORE_ORDINAL = frozenset("the a an his her its their our my your this that every each".split())
_MONEY = re.compile(r"[$\u00a3\u20ac\u00a5]\s?(?=\d)|(?<=\d)\s?%")
_NEGATIONS = frozenset(
    "not no nay never nor neither none nobody nothing nowhere cannot without".split()
)
# Attribution verbs by lemma. Speech verbs count everywhere; the others (``add``,
# ``note``, ``write`` ...) only in a reporting context (see ``_reporting``).
_SPEECH: dict[str, str] = {
    form: forms.split()[0]
    for forms in (
        "say says said saying saith sayeth sayest sayst spoke spake speaketh "
        "spakest tell tells told telling telleth bade answer answers answered answering "
        "answereth",
        "claim claims claimed claiming",
        "according",
        "insist insists insisted insisting",
        "argue argues argued arguing",
        "allege alleges alleged alleging",
        "deny denies denied denying",
        "admit admits admitted admitting",
        "warn warns warned warning",
        "contend contends contended",
        "concede concedes conceded",
    )
    for form in forms.split()
}
_REPORTING: dict[str, str] = {
    form: forms.split()[0]
    for forms in (
        "add adds added adding",
        "stated stating",
        "assert asserts asserted asserting",
        "declare declares declared declaring",
        "report reports reported",
        "announce announces announced",
        "confirm confirms confirmed",
        "explain explains explained",
        "note notes noted",
        "suggest suggests suggested",
        "maintain maintains maintained",
        "reveal reveals revealed",
        "write writes wrote",
        "acknowledge acknowledges acknowledged",
        "estimate estimates estimated",
        "quote quotes quoted",
    )
    for form in forms.split()
}
_ATTRIBUTIONS = {**_SPEECH, **_REPORTING}
_ATTRIBUTION_FORMS = re.compile(
    r"(?<![\w'\u2019\-])(?:"
    + "|".join(sorted(_ATTRIBUTIONS, key=len, reverse=True))
    + r")(?![\w'\u2019\-])",
    re.IGNORECASE,
)
# "that is to say", "so to speak", "needless to say": no one speaks.
_IDIOM_BEFORE = frozenset({"to", "needless"})
_SPEAKERS = frozenset(
    "police officials sources witnesses reports report experts analysts residents "
    "activists authorities investigators prosecutors doctors scientists researchers "
    "officers spokesman spokeswoman spokesperson media observers".split()
)
# Function words: never the speaker of an attribution, never a content word.
_FUNCTION = frozenset(
    "a an the and or but nor of in on at to for from by with as is are was were be been "
    "being am it its this that these those he she they we you i his her their our my "
    "your him them us me who whom whose what when where why how if then than so not no "
    "do does did done has have had having will would shall should can could may might "
    "must unto upon into onto out up down over under about also very all any some such "
    "there here which while both each every other only own same too just there's it's "
    "thou thee thy thine ye hath doth art shalt wilt".split()
)
_LISTED = 6
MIN_MOVED_WORDS = 2
MIN_SHARED = 0.3
MIN_SHARED_NEGATION = 0.51
CUT_SHARE = 0.7
_QUOTE_CLOSE = re.compile("[\"'\u201c\u201d\u2018\u2019\u00ab\u00bb]")


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int
    end: int
    change: int  # index of its change in the block


@dataclass(frozen=True, slots=True)
class _Change:
    block: int
    old: tuple[Span, ...]
    new: tuple[Span, ...]
    old_words: tuple[_Word, ...]
    new_words: tuple[_Word, ...]


@dataclass(frozen=True, slots=True)
class _Pooled:
    """The changes of one block, their words pooled by side."""

    block: int
    changes: tuple[_Change, ...]
    old_words: tuple[_Word, ...]
    new_words: tuple[_Word, ...]
    old_text: str  # the whole old sentence(s) of the block
    new_text: str
    shared: float  # share of content words in common (``shared_content``)
    old_span: Span
    new_span: Span
    old_near: tuple[Span, ...] = ()  # the old sides of the neighbour blocks
    new_near: tuple[Span, ...] = ()


class _Context:
    """Both texts, with the names and quotations found when first needed."""

    def __init__(self, old: str, new: str, ignore_case: bool) -> None:
        self.old = old
        self.new = new
        self.ignore_case = ignore_case
        self._names: tuple[Names, Names] | None = None
        self._quotes: tuple[Quotations, Quotations] | None = None

    @property
    def names(self) -> tuple[Names, Names]:
        if self._names is None:
            self._names = (Names(self.old), Names(self.new))
        return self._names

    @property
    def quotes(self) -> tuple[Quotations, Quotations]:
        if self._quotes is None:
            self._quotes = (Quotations(self.old), Quotations(self.new))
        return self._quotes

    def key(self, word: str) -> str:
        """A word as names are compared: folded when the comparison ignores case."""
        return word.casefold() if self.ignore_case else word


def content_words(text: str) -> set[str]:
    """The content words of ``text``: folded, no function words, no single letters,
    cut to their first five letters (so ``said``/``says`` and ``brother``/``brothers``
    are one word)."""
    return {
        w[:5]
        for m in _WORD.finditer(text)
        if len(w := m.group().casefold()) > 1 and w not in _FUNCTION
    }


def shared_content(old: str, new: str) -> float:
    """The share of content words two sentences have in common (Dice: 0 to 1).

    A side without content words shares nothing (0.0)."""
    a, b = content_words(old), content_words(new)
    if not a or not b:
        return 0.0  # nothing to tell a counterpart by (``2.`` against ``5.``)
    return 2 * len(a & b) / (len(a) + len(b))


def flag_comparison(comparison: Comparison) -> tuple[Flag, ...]:
    """Flag the risky changes of ``comparison``.

    Args:
        comparison: a finished comparison.

    Returns:
        The flags sorted by block, then by kind (in the order of ``FLAG_KINDS``):
        at most one flag of a kind per block, holding every change of that kind.
    """
    old_text, new_text = comparison.old.text, comparison.new.text
    context = _Context(old_text, new_text, comparison.options.ignore_case)
    padding = Block("equal", None, None, ())
    blocks = (padding, *comparison.blocks, padding)
    changes = [
        change
        for index, block in enumerate(comparison.blocks)
        if block.kind != "equal" and block.old is not None and block.new is not None
        for change in _changes(index, block, context)
    ]
    flags: list[Flag] = []
    for index, group in groupby(_unmoved(changes), key=lambda c: c.block):
        block = comparison.blocks[index]
        assert block.old is not None and block.new is not None
        pooled = _pool(index, tuple(group), block.old, block.new, context)
        near = (blocks[index], blocks[index + 2])  # the neighbours (``blocks`` is padded)
        new_changed = " ".join(w.text for w in pooled.new_words)
        old_changed = " ".join(w.text for w in pooled.old_words)
        pooled = _with_near(
            pooled,
            tuple(
                b.old
                for b in near
                if b.old and b.kind == "deleted" and _belongs(old_text, b.old, new_changed)
            ),
            tuple(
                b.new
                for b in near
                if b.new and b.kind == "inserted" and _belongs(new_text, b.new, old_changed)
            ),
        )
        if pooled.shared < MIN_SHARED:
            continue  # not the sentence's real counterpart
        flags.extend(f for check in _CHECKS if (f := check(pooled, context)) is not None)
    return tuple(flags)


def flags_by_block(flags: Sequence[Flag]) -> dict[int, tuple[Flag, ...]]:
    """Group flags by the index of their block (order kept)."""
    out: dict[int, list[Flag]] = {}
    for flag in flags:
        out.setdefault(flag.block, []).append(flag)
    return {block: tuple(group) for block, group in out.items()}


def _changes(index: int, block: Block, context: _Context) -> Iterator[_Change]:
    run: list[Op] = []
    for op in (*block.ops, None):
        if op is not None and op.op != "equal":
            run.append(op)
            continue
        if run:
            old = tuple(o.old for o in run if o.op == "delete" and o.old)
            new = tuple(o.new for o in run if o.op == "insert" and o.new)
            old_words = _words(context.old, old)
            new_words = _words(context.new, new)
            if old_words or new_words:
                yield _Change(index, old, new, old_words, new_words)
            run = []


def _unmoved(changes: list[_Change]) -> list[_Change]:
    """Leave out words that only moved: a change that deletes exactly the words (case
    aside, two or more) that another change inserts. A single word may not move
    (``did not say he would go`` -> ``did say he would not go`` is no move)."""
    deleted: dict[tuple[str, ...], list[int]] = {}
    for i, change in enumerate(changes):
        if not change.new and len(change.old_words) >= MIN_MOVED_WORDS:
            deleted.setdefault(_folded(change.old_words), []).append(i)
    moved: set[int] = set()
    for i, change in enumerate(changes):
        partners = deleted.get(_folded(change.new_words)) if not change.old else None
        if partners:
            moved.update((i, partners.pop()))
    return [c for i, c in enumerate(changes) if i not in moved]


def _folded(words: tuple[_Word, ...]) -> tuple[str, ...]:
    return tuple(w.text.casefold() for w in words)


def _belongs(text: str, span: Span, changed: str) -> bool:
    """A sentence added or removed next to a pair holds what the pair's other side
    changed: a piece of a sentence (``_cut``), or a sentence that shares the changed
    words (the two versions cut their sentences otherwise here)."""
    return _cut(text, span) or shared_content(text[span[0] : span[1]], changed) >= MIN_SHARED


def _cut(text: str, span: Span) -> bool:
    """A piece of a sentence: the sentences of the two versions are cut otherwise here
    (``You shall not`` inserted after ``shall not eat of it.``)."""
    return not re.search('[.!?"\u201d\u2019)]\\s*$', text[span[0] : span[1]])


def _with_near(pool: _Pooled, old_near: tuple[Span, ...], new_near: tuple[Span, ...]) -> _Pooled:
    return replace(pool, old_near=old_near, new_near=new_near)


def _pool(
    block: int, changes: tuple[_Change, ...], old_span: Span, new_span: Span, context: _Context
) -> _Pooled:
    old, new = context.old[slice(*old_span)], context.new[slice(*new_span)]

    def renumbered(side: str) -> tuple[_Word, ...]:
        return tuple(
            _Word(w.text, w.start, w.end, i)
            for i, c in enumerate(changes)
            for w in (c.old_words if side == "old" else c.new_words)
        )

    return _Pooled(
        block,
        changes,
        renumbered("old"),
        renumbered("new"),
        old,
        new,
        shared_content(old, new),
        old_span,
        new_span,
    )


def _words(text: str, spans: tuple[Span, ...]) -> tuple[_Word, ...]:
    return tuple(
        _Word(m.group(), m.start(), m.end(), 0)
        for s, e in spans
        for m in _WORD.finditer(text, s, e)
    )


def _neighbour(text: str, pos: int, step: int) -> str:
    """The word just before (``step`` -1) or after (+1) ``pos``, folded ("" if none in
    the same sentence)."""
    if step < 0:
        m = re.search(r"(\w+)[^\w.!?;:]*$", text[max(0, pos - 40) : pos])
    else:
        m = re.match(r"[^\w.!?;:]*(\w+)", text[pos : pos + 40])
    return m.group(1).casefold() if m else ""


def _number_key(word: _Word, text: str) -> str | None:
    folded = _APOSTROPHES.sub("'", word.text.casefold())
    if any(c.isdecimal() for c in folded):
        if _not_a_figure(text, word.start):
            return None  # "3 - " or "2) " opening a line, or part of a URL
        groups = _DIGITS_ONLY.findall(_THOUSANDS.sub("", folded))
        key = "".join(groups) if sum(map(len, groups)) >= LONG_NUMBER else "-".join(groups)
        money = _MONEY.search(text, max(0, word.start - 2), min(len(text), word.end + 2))
        return key + money.group().strip() if money else key
    if (value := _cyrillic_number(folded)) is not None:
        return value
    if folded in _MONTHS and re.match(r"\.?\s+\d", text[word.end : word.end + 4]):
        return _MONTHS[folded]  # "sept 1985" = "september 1985"
    parts = _HYPHENS.split(folded)
    if not any(part in _NUMBER_WORDS for part in parts):
        return None
    if folded == "two" and _neighbour(text, word.start, -1) in ("they", "we", "ye", "which"):
        return None  # "they two went": the two of them
    if folded == "one":
        before, after = _neighbour(text, word.start, -1), _neighbour(text, word.end, 1)
        rest = text[word.end : word.end + 40]
        if _pronoun_one(before, after, rest) or after in _SCALES or rest[:1] in ",;:)":
            return None  # a pronoun, or "one hundred" (= "an hundred")
    if folded in _ORDINALS and (
        _neighbour(text, word.start, -1) not in _BEFORE_ORDINAL
        or _neighbour(text, word.end, 1) in ("party", "parties", "person", "persons")
    ):
        return None  # "was first pioneered", "at first", "a second", "third parties"
    return _ORDINAL_VALUES.get(folded, folded)  # "nineteenth" = "19th"


_UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
    if i > 1
}
_TENS.update({"twoscore": 40, "threescore": 60, "fourscore": 80, "score": 20})
_SCALE_VALUES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
_TOKENS = re.compile(r"\d+(?:[.,:]\d+)*\w*|[^\W\d_]+(?:['\u2019\u02bc][^\W\d_]+)*")


def _values(text: str) -> Counter[str]:
    """The figures of a sentence by value: number words read as numbers
    (``forty and six thousand`` = ``forty-six thousand`` = ``46,000``, ``двоє`` = ``2``),
    digits as written (their separators aside); ``one`` as a pronoun and list markers
    (``3 -`` at a line's start) are none."""
    out: Counter[str] = Counter()
    total = current = 0
    in_number = False
    tokens = [
        (m.start(), _APOSTROPHES.sub("'", m.group().casefold()))
        for m in _TOKENS.finditer(text.replace("-", " "))
    ]
    for i, (start, token) in enumerate(tokens):
        if token[0].isdecimal():
            if not _not_a_figure(text, start):
                groups = _DIGITS_ONLY.findall(_THOUSANDS.sub("", token))
                long = sum(map(len, groups)) >= LONG_NUMBER
                out["".join(groups) if long else "-".join(groups)] += 1
            continue
        before = tokens[i - 1][1] if i else ""
        after = tokens[i + 1][1] if i + 1 < len(tokens) else ""
        if token == "one" and _pronoun_one(before, after, text[start + 3 : start + 40]):
            token = ""
        if token in _UNITS or token in _TENS:
            current += _UNITS.get(token, 0) + _TENS.get(token, 0)
            in_number = True
        elif token in _SCALE_VALUES:
            current = max(current, 1) * _SCALE_VALUES[token]
            if token != "hundred":
                total, current = total + current, 0
            in_number = True
        elif (in_number and token == "and") or (token in ("a", "an") and not in_number):
            continue
        else:
            if in_number:
                out[str(total + current)] += 1
            total = current = 0
            in_number = False
            if (value := _cyrillic_number(token) or _ORDINAL_VALUES.get(token)) is not None:
                out[value] += 1
            elif token in _NUMBER_WORDS:
                out[token] += 1
    if in_number:
        out[str(total + current)] += 1
    return out


def _pronoun_one(before: str, after: str, rest: str) -> bool:
    """``one`` as a pronoun (``no one``, ``one of``, ``one by one``, ``one another``)."""
    if before in _ONE_AFTER or after in _ONE_BEFORE or not after:
        return True
    return bool(re.match(r"(?:\W+\w+){0,3}?\W+(?:another|other)\b", rest))


# Ukrainian and Russian number words (copy editing spells out small figures: 2 -> двоє).
_CYRILLIC_FORMS = {
    "2": "два дві двоє двох двом двома вдвічі удвічі вдвоє удвоє",
    "3": "три троє трьох трьом трьома втричі утричі втроє утроє",
    "4": "чотири четверо чотирьох четыре вчетверо учетверо",
    "5": "п'ять п'ятеро п'яти пять",
    "6": "шість шестеро шести шесть",
    "7": "сім семеро семи семь",
    "8": "вісім восьмеро восьми восемь",
    "9": "дев'ять дев'яти девять",
    "10": "десять десяти десяток десятка",
}
_CYRILLIC_NUMBERS = {w: v for v, forms in _CYRILLIC_FORMS.items() for w in forms.split()}
# Compounds and ordinals: п'ятиповерховий, вп'яте, двоповерховий.
_CYRILLIC_PREFIXES = (
    ("вп'ят", "5"),
    ("п'ят", "5"),
    ("двох", "2"),
    ("дво", "2"),
    ("трьох", "3"),
    ("чотирьох", "4"),
    ("шести", "6"),
    ("семи", "7"),
    ("восьми", "8"),
    ("дев'ят", "9"),
    ("десяти", "10"),
)
_ONE_FORMS = dict.fromkeys(
    "one один одна одне одного одному одну однієї одним одній одной".split(), "1"
)
_MONTHS = {
    short: month
    for month in (
        "january february march april june july august september october november december"
    ).split()
    for short in {month[:3], month[:4]}
}
_APOSTROPHES = re.compile("[\u2019\u02bc]")
_LIST_MARKER = re.compile(r"\d+(?:[.)]|\s+-)\s")
_ITEM = re.compile(r"\(?\d{1,2}\)(?=\s)")
_URL = re.compile(r"://|www\.")
_MARKUP = re.compile(r"\d+px\b")


def _not_a_figure(text: str, start: int) -> bool:
    """Digits at ``start`` that are a list's marker (``3 - ``, ``2) `` opening a line),
    part of a URL, an HTML entity (``&#337``) or an image's size in wiki markup (``230px``)."""
    if _MARKUP.match(text, start) or text[max(0, start - 2) : start] == "&#":
        return True
    line = text.rfind("\n", 0, start) + 1
    if not text[line:start].strip() and _LIST_MARKER.match(text, start):
        return True
    item = start - 1 if start and text[start - 1] == "(" else start
    if (not item or text[item - 1].isspace()) and _ITEM.match(text, item):
        return True  # "(1) uses ... and (2) will", "; 2) separate"
    run = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    return bool(_URL.search(text, run, start))


def _cyrillic_number(folded: str) -> str | None:
    """The figure a Ukrainian or Russian number word stands for (folded, ``'`` apostrophes)."""
    if folded.isascii():
        return None
    value = _CYRILLIC_NUMBERS.get(folded)
    if value is not None:
        return value
    for prefix, value in _CYRILLIC_PREFIXES:
        if folded.startswith(prefix) and len(folded) > len(prefix) + (len(prefix) < 4) * 2:
            return value
    return None


_DIGITS_ONLY = re.compile(r"\d+")
LONG_NUMBER = 9  # digits: an ISBN or a telephone number, however it is grouped


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


def _check_number(pool: _Pooled, context: _Context) -> Flag | None:
    old = [(k, w) for w in pool.old_words if (k := _number_key(w, context.old))]
    new = [(k, w) for w in pool.new_words if (k := _number_key(w, context.new))]
    old_keys, new_keys = Counter(k for k, _ in old), Counter(k for k, _ in new)
    if old_keys == new_keys or _values(pool.old_text) == _values(pool.new_text):
        return None  # the same figures, perhaps spelled otherwise (thirty and two, 32)
    gone, came = old_keys - new_keys, new_keys - old_keys
    # "1" against "one" (a word that is a figure only sometimes): the same figure.
    if gone["1"] and any(_ONE_FORMS.get(w.text.casefold()) for w in pool.new_words):
        gone["1"] -= 1
    if came["1"] and any(_ONE_FORMS.get(w.text.casefold()) for w in pool.old_words):
        came["1"] -= 1
    gone, came = +gone, +came
    if not gone and not came:
        return None
    return _flag(
        "number",
        pool,
        [w for k, w in old if k in gone],
        [w for k, w in new if k in came],
    )


def _check_negation(pool: _Pooled, context: _Context) -> Flag | None:
    if pool.shared < MIN_SHARED_NEGATION:
        return None  # not truly paired
    old = [w for w in pool.old_words if _is_negation(w.text) and not _number_sign(w, context.old)]
    new = [w for w in pool.new_words if _is_negation(w.text) and not _number_sign(w, context.new)]
    if len(old) == len(new):
        return None
    old_names, new_names = context.names
    if old_names.in_heading(pool.old_span[0]) or new_names.in_heading(pool.new_span[0]):
        return None  # a heading (``NO WARRANTY`` -> ``Disclaimer of Warranty``)
    lacking, other = (
        (pool.new_text, pool.old_text) if len(old) > len(new) else (pool.old_text, pool.new_text)
    )
    if lacking.rstrip().endswith(":") and len(lacking) < CUT_SHARE * len(other):
        return None  # cut short before a list: the negation went to the next sentences
    if len(old) > len(new):
        near = _span_words(context.new, pool.new_near)
    else:
        near = _span_words(context.old, pool.old_near)
    if any(_is_negation(w.text) for w in near):
        return None  # the sentences are cut otherwise: the negation stands in a neighbour
    if len(old) > len(new):  # name only the negations that went
        return _flag("negation", pool, _surplus(old, new), [])
    return _flag("negation", pool, [], _surplus(new, old))


def _number_sign(word: _Word, text: str) -> bool:
    """``no.`` abbreviating number (``patent no. 395782``)."""
    return word.text.casefold() == "no" and bool(
        re.match(r"\.\s*\d", text[word.end : word.end + 4])
    )


def _surplus(more: list[_Word], fewer: list[_Word]) -> list[_Word]:
    left = Counter(w.text.casefold() for w in fewer)
    out = []
    for word in more:
        if left[word.text.casefold()]:
            left[word.text.casefold()] -= 1
        else:
            out.append(word)
    return out


def _lemma(word: _Word, text: str, loose: bool = False) -> str | None:
    """The attribution verb ``word`` is a form of, when it attributes here (``loose``:
    wherever a verb of attribution stands, context aside)."""
    folded = word.text.casefold().replace("\u2019", "'")
    lemma = _ATTRIBUTIONS.get(folded)
    if lemma is None:
        return None
    before, after = _neighbour(text, word.start, -1), _neighbour(text, word.end, 1)
    if lemma == "write" and after == "to":
        return None  # "write to the Free Software Foundation"
    if lemma == "say" and re.match(r"\s+to\s+(?:be|have)\b", text[word.end : word.end + 12]):
        return None  # "said to have been": a hedge, no one speaks
    if lemma == "say" and before in _IDIOM_BEFORE:
        return None  # "that is to say", "needless to say"
    if lemma == "according":
        return lemma if after == "to" and _speaker_follows(text, word.end) else None
    if lemma == "allege" and before in ("the", "an", "a", "his", "her", "their", "its"):
        return None  # "the alleged stabbing": an adjective
    if lemma == "claim" and after[:1].isdecimal():
        return None  # "claim 2 of the patent"
    if loose:
        return lemma
    if lemma in _REPORTING and not _reporting(text, word):
        return None
    return lemma


def _speaker_follows(text: str, pos: int) -> bool:
    """``according to`` names a source: a capitalised word or a speaker noun."""
    m = re.match(r"\s+to\s+(?:the\s+|a\s+)?(\w+)", text[pos : pos + 60])
    if m is None:
        return False
    return m.group(1)[0].isupper() or m.group(1).casefold() in _SPEAKERS


def _reporting(text: str, word: _Word) -> bool:
    """A verb that only sometimes attributes does here: ``added that``, ``, he added.``,
    ``he noted:`` or a quotation mark next to it."""
    after = text[word.end : word.end + 12]
    before = text[max(0, word.start - 24) : word.start]
    if re.match(r"\s*(?::|that\b)", after) or _QUOTE_CLOSE.search(after[:3]):
        return True
    return bool(re.match(r"\s*[.,]", after)) and bool(
        re.search(r"[,\"\u201d\u2019']\s*(?:\w+\s+){1,2}$", before)
    )


def _check_attribution(pool: _Pooled, context: _Context) -> Flag | None:
    """Attribution verbs by lemma over both whole sentences (``answered and said`` ->
    ``answered`` is one verb each), less the lemmas that stand in a piece of sentence
    next to it on the other side (sentences cut otherwise, ``_cut``)."""
    forms = (*pool.old_words, *pool.new_words)
    if not any(w.text.casefold().replace("\u2019", "'") in _ATTRIBUTIONS for w in forms):
        return _check_speaker(pool, context)  # no verb changed
    old_all = _lemmas(context.old, (pool.old_span,))
    new_all = _lemmas(context.new, (pool.new_span,))
    if old_all == new_all:
        return _check_speaker(pool, context)
    # A verb that attributes on one side stands on the other, perhaps without its "that".
    old_loose = _lemmas(context.old, (pool.old_span,), loose=True)
    new_loose = _lemmas(context.new, (pool.new_span,), loose=True)
    gone = old_all - new_loose - _lemmas(context.new, pool.new_near)
    came = new_all - old_loose - _lemmas(context.old, pool.old_near)
    old = [w for w in pool.old_words if _lemma(w, context.old) in gone]
    new = [w for w in pool.new_words if _lemma(w, context.new) in came]
    if not old and not new:
        return None
    # Explained by the verbs on both sides of the changes that hold them ("said" -> "claimed").
    touched = {w.change for w in (*old, *new)}
    return _flag(
        "attribution",
        pool,
        [w for w in pool.old_words if w.change in touched and _lemma(w, context.old, True)],
        [w for w in pool.new_words if w.change in touched and _lemma(w, context.new, True)],
    )


def _lemmas(text: str, spans: tuple[Span, ...], loose: bool = False) -> set[str]:
    """The attribution verbs of ``spans`` (only the words spelled like one are looked at)."""
    return {
        lemma
        for start, end in spans
        for m in _ATTRIBUTION_FORMS.finditer(text, start, end)
        if (lemma := _lemma(_Word(m.group(), m.start(), m.end(), 0), text, loose))
    }


def _span_words(text: str, spans: tuple[Span, ...]) -> Iterator[_Word]:
    for start, end in spans:
        for m in _WORD.finditer(text, start, end):
            yield _Word(m.group(), m.start(), m.end(), 0)


def _check_speaker(pool: _Pooled, context: _Context) -> Flag | None:
    """The verb stayed, the speaker next to it changed: ``Smith said`` -> ``Jones said``.

    The speaker is a name or a speaker noun right next to an unchanged attribution
    verb (a space between them, no comma); its change must be short on the other side
    (at most ``MAX_SPEAKER_WORDS``), not a rewrite of the sentence."""
    for side, (words, text, other) in enumerate(
        (
            (pool.old_words, context.old, pool.new_words),
            (pool.new_words, context.new, pool.old_words),
        )
    ):
        changed = {w.start for w in words}
        for word in words:
            if word.text.casefold() not in _SPEAKERS and not (
                word.text[0].isupper() and context.names[side].is_name(word.text)
            ):
                continue
            if not _next_to_verb(text, word, changed):
                continue
            theirs = [w for w in other if w.change == word.change]
            if not theirs or len(theirs) > MAX_SPEAKER_WORDS:
                continue
            if word.text.casefold() in {w.text.casefold() for w in theirs}:
                continue
            mine = [word]
            old_side, new_side = (mine, theirs) if words is pool.old_words else (theirs, mine)
            return _flag("attribution", pool, old_side, new_side)
    return None


MAX_SPEAKER_WORDS = 3
_VERB_AFTER = re.compile(r" (\w+)")
_VERB_BEFORE = re.compile(r"(\w+) $")


def _next_to_verb(text: str, word: _Word, changed: set[int]) -> bool:
    """An unchanged attribution verb stands right before or after ``word``."""
    after = _VERB_AFTER.match(text, word.end)
    if after and after.group(1).casefold() in _SPEECH and after.start(1) not in changed:
        return True
    before = _VERB_BEFORE.search(text, max(0, word.start - 20), word.start)
    if before is None:
        return False
    return before.group(1).casefold() in _SPEECH and before.start(1) not in changed


def _check_name(pool: _Pooled, context: _Context) -> Flag | None:
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
    old_all = _Spellings(
        context.key(w.text) for w in _span_words(context.old, (pool.old_span, *pool.old_near))
    )
    new_all = _Spellings(
        context.key(w.text) for w in _span_words(context.new, (pool.new_span, *pool.new_near))
    )
    gone = [w for w in old if not new_all.has(context.key(w.text))]
    came = [w for w in new if not old_all.has(context.key(w.text))]
    if not gone and not came:
        return None
    return _flag("name", pool, gone, came)


def _named(word: _Word, names: Names) -> bool:
    return names.is_name(word.text) and not names.in_heading(word.start)


class _Spellings:
    """Words of one side, looked up as names: the same word, its possessive (``Smith's``),
    the same root with an ending that makes a people or an adjective of it (``Moabitish``,
    ``Moabite``), or, outside the Latin script, another case ending (``Марта``/``Марти``)."""

    def __init__(self, words: Iterator[str]) -> None:
        self.words = {_bare(p) for w in words for p in (w, *_HYPHENS.split(w)) if p}
        self.stems: dict[str, list[str]] = {}
        for word in self.words:
            self.stems.setdefault(word[:3], []).append(word)

    def has(self, word: str) -> bool:
        parts = _HYPHENS.split(word)
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


def _check_quote(pool: _Pooled, context: _Context) -> Flag | None:
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
    flag = _flag("quote", pool, gone, came)
    return Flag(flag.kind, flag.block, flag.old, flag.new, flag.explanation + " inside a quote")


def _quoted_key(word: _Word, context: _Context) -> str:
    """A quoted word as compared: ``can’t`` = ``can't`` = ``cannot``."""
    key = _APOSTROPHES.sub("'", context.key(word.text))
    return "can't" if key.casefold() == "cannot" else key


_CHECKS: tuple[Callable[[_Pooled, _Context], Flag | None], ...] = (
    _check_number,
    _check_negation,
    _check_name,
    _check_attribution,
    _check_quote,
)


def _flag(kind: FlagKind, pool: _Pooled, old: list[_Word], new: list[_Word]) -> Flag:
    """A flag on the changes holding ``old`` and ``new``, explained by their words."""
    touched = {w.change for w in (*old, *new)}
    changes = [c for i, c in enumerate(pool.changes) if i in touched]
    return Flag(
        kind,
        pool.block,
        tuple(s for c in changes for s in c.old),
        tuple(s for c in changes for s in c.new),
        _arrow(_listed(old), _listed(new)),
    )


def _listed(words: list[_Word]) -> str:
    """Whole words, each once, in order; at most ``_LISTED`` of them."""
    unique = list(dict.fromkeys(w.text for w in words))
    shown = ", ".join(unique[:_LISTED])
    return shown + ", \u2026" if len(unique) > _LISTED else shown


def _arrow(old: str, new: str) -> str:
    if old and new:
        return f'"{old}" \u2192 "{new}"'
    if new:
        return f'added "{new}"'
    return f'removed "{old}"'
