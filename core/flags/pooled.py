"""What the flags are made of: the ``Flag``, the kinds, the words of a change, the
changes of a block pooled by side, the two texts with their names and quotations, and
the explanation of a flag (whole words of each side, only those that differ).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal, NamedTuple

from core.engine.tokens import CJK_CHARS, compiled, has_wide
from core.flags.names import Names, pair_names
from core.flags.quotes import Quotations, pair_quotations
from core.model import Span

FlagKind = Literal["number", "negation", "name", "attribution", "quote"]


FLAG_KINDS: tuple[FlagKind, ...] = ("number", "negation", "name", "attribution", "quote")


FLAG_LABELS: dict[FlagKind, str] = {
    "number": "Figure",
    "negation": "Negation",
    "name": "Name",
    "attribution": "Attribution",
    "quote": "Quote",
}


def flag_label(flag: Flag) -> str:
    """What a flag is called where an editor reads it: its kind's label, or "Hedge"."""
    return "Hedge" if flag.hedge else FLAG_LABELS[flag.kind]


@dataclass(frozen=True, slots=True)
class Flag:
    """One risky change of one kind.

    Attributes:
        kind: ``number``, ``negation``, ``name``, ``attribution`` or ``quote``.
        block: index of the comparison block holding the change.
        old: spans of the deleted words of the changes flagged (old text), in order.
        new: spans of the inserted words of the changes flagged (new text), in order.
        explanation: what changed, whole words, short, e.g. ``"20" → "27"``.
        hedge: an ``attribution`` flag on a statement's doubt alone (``may`` ->
            ``will``, ``nearly every`` -> ``every``): labelled "Hedge" (``flag_label``),
            since no source changed.
    """

    kind: FlagKind
    block: int
    old: tuple[Span, ...]
    new: tuple[Span, ...]
    explanation: str
    hedge: bool = False

    def __reduce__(self) -> tuple[type[Flag], tuple[object, ...]]:
        # As core.model's classes: compiled (core.engine.native), a frozen class
        # refuses the attribute-by-attribute setting pickle does by default.
        return Flag, (self.kind, self.block, self.old, self.new, self.explanation, self.hedge)


# A figure is one word with its groups and its range: "1,400", "3.5", "80-100,000",
# "15\u201320,000" (a range of thousands split at its comma read "80-100" and "000"); a
# range that goes on as a word ("80-100-strong") is a word.
WORD = re.compile(
    r"\d+(?:[.,:]\d+)*(?:[\-\u2010-\u2013\u2212]\d+(?:[.,:]\d+)*)+(?![\w\-\u2010\u2011])"
    r"|\d+(?:[.,:]\d+)+|\d+(?:[\u2012\u2013\u2212]\d+)+|\w+(?:['\u2019\-\u2010\u2011]\w+)*"
)


HYPHENS = re.compile("[-\u2010\u2011]")


# Function words: never the speaker of an attribution, never a content word.
_FUNCTION = frozenset(
    "a an the and or but nor of in on at to for from by with as is are was were be been "
    "being am it its this that these those he she they we you i his her their our my "
    "your him them us me who whom whose what when where why how if then than so not no "
    "do does did done has have had having will would shall should can could may might "
    "must unto upon into onto out up down over under about also very all any some such "
    "there here which while both each every other only own same too just there's it's "
    "thou thee thy thine ye hath doth art shalt wilt "
    # German's (a split "... enthoben worden. Er wurde nicht festgenommen." shared
    # only "festgenommen" with its twin, less than a negation's pair needs)
    "er es wir ihr ich du ist sind wurde wurden worden wird werden haben hatte hatten "
    "sein seine seiner seinen seinem ihre ihren ihrem und oder aber nicht kein keine "
    "der das dem des ein eine einen einem einer eines zu von mit auf für im am bei nach "
    "aus auch noch sich dass".split()
)


_LISTED = 6


# Word, Change and Pooled are named tuples: made by the thousand per text, and a
# tuple is made in C (a frozen dataclass sets each field through object.__setattr__).
class Word(NamedTuple):
    text: str
    start: int
    end: int
    change: int  # index of its change in the block


class Change(NamedTuple):
    block: int
    old: tuple[Span, ...]
    new: tuple[Span, ...]
    old_words: tuple[Word, ...]
    new_words: tuple[Word, ...]


Near = tuple[tuple[Span, ...], tuple[Span, ...]]
Beside = tuple[tuple[tuple[Word, ...], tuple[Word, ...]], ...]
"""The words the changed blocks next to a pool cut and put in, old and new, each."""


class Pooled:
    """The changes of one block, their words pooled by side.

    ``shared``, the sentences next to it (``old_near``, ``new_near``) and the rest of
    a sentence it shares with a block next to it (``old_rest``, ``new_rest``) are found
    when a check first asks (most blocks get no flag, and need none)."""

    __slots__ = (
        "_beside",
        "_find_beside",
        "_find_near",
        "_find_rest",
        "_near",
        "_rest",
        "_shared",
        "block",
        "changes",
        "new_span",
        "new_text",
        "new_words",
        "old_span",
        "old_text",
        "old_words",
    )

    def __init__(
        self,
        block: int,
        changes: tuple[Change, ...],
        words: tuple[tuple[Word, ...], tuple[Word, ...]],
        spans: tuple[Span, Span],
        texts: tuple[str, str],
        near: Callable[[], Near] | None = None,
        rest: Callable[[], Near] | None = None,
        beside: Callable[[], Beside] | None = None,
    ) -> None:
        self.block = block
        self.changes = changes
        self.old_words, self.new_words = words
        self.old_span, self.new_span = spans
        self.old_text, self.new_text = texts  # the whole sentence(s) of each side
        self._shared: float | None = None
        self._near: Near | None = None if near is not None else ((), ())
        self._find_near = near
        self._rest: Near | None = None if rest is not None else ((), ())
        self._find_rest = rest
        self._beside: Beside | None = None if beside is not None else ()
        self._find_beside = beside

    @property
    def shared(self) -> float:
        """The share of content words the two sides have in common (``shared_content``)."""
        if self._shared is None:
            self._shared = shared_content(self.old_text, self.new_text)
        return self._shared

    @property
    def old_near(self) -> tuple[Span, ...]:
        """The sentences removed next to the block that hold what it added."""
        return self._near_spans()[0]

    @property
    def new_near(self) -> tuple[Span, ...]:
        """The sentences added next to the block that hold what it removed."""
        return self._near_spans()[1]

    def _near_spans(self) -> Near:
        if self._near is None:
            assert self._find_near is not None
            self._near = self._find_near()
        return self._near

    def changed_spans(self, old: bool) -> list[tuple[int, Span]]:
        """The spans of one side's changes, each with the index of its change."""
        return [(i, s) for i, c in enumerate(self.changes) for s in (c.old if old else c.new)]

    def change_at(self, span: Span, old: bool) -> int | None:
        """The index of the change of one side whose span overlaps ``span``, or None."""
        return next(
            (i for i, (lo, hi) in self.changed_spans(old) if lo < span[1] and span[0] < hi), None
        )

    @property
    def old_rest(self) -> tuple[Span, ...]:
        """The old pieces of a sentence the block shares with a changed block next to it."""
        return self._rest_spans()[0]

    @property
    def new_rest(self) -> tuple[Span, ...]:
        """The new pieces of a sentence the block shares with a changed block next to it."""
        return self._rest_spans()[1]

    @property
    def beside(self) -> Beside:
        """The words the changed blocks next to this one cut and put in (``Beside``)."""
        if self._beside is None:
            assert self._find_beside is not None
            self._beside = self._find_beside()
        return self._beside

    def _rest_spans(self) -> Near:
        if self._rest is None:
            assert self._find_rest is not None
            self._rest = self._find_rest()
        return self._rest


class Context:
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
            self._names = pair_names(self.old, self.new)
        return self._names

    @property
    def quotes(self) -> tuple[Quotations, Quotations]:
        if self._quotes is None:
            self._quotes = pair_quotations(self.old, self.new)
        return self._quotes

    def key(self, word: str) -> str:
        """A word as names are compared: folded when the comparison ignores case."""
        return word.casefold() if self.ignore_case else word


def content_words(text: str) -> set[str]:
    """The content words of ``text``: folded, no function words, no single letters,
    cut to their first five letters (so ``said``/``says`` and ``brother``/``brothers``
    are one word)."""
    if _content_in_c is not None:
        found = _content_in_c(text, _FUNCTION, _MONTHS, _SAYING)
        if found is not None:
            return found
    return content_words_in_python(text)


def content_words_in_python(text: str) -> set[str]:
    """``content_words`` read by the expression (``content_scan.c`` on the compiled
    path, for a text whose letters and digits are ASCII: the same words)."""
    if (folded := whole_fold(text)) is not None:  # fold once, find in C
        words = set(WORD.findall(folded))
    else:
        words = {m.group().casefold() for m in WORD.finditer(text)}
    words -= _FUNCTION
    found = {_MONTHS.get(w) or _SAYING.get(w) or w[:5] for w in words if len(w) > 1}
    if has_wide(text):  # (a word of Han or kana is a clause: its pairs of characters)
        found.update(
            run[k : k + 2]
            for w in words
            for run in compiled(_CJK_RUN).findall(w)
            for k in range(max(1, len(run) - 1))
        )
    return found


# A month's name and its abbreviation are one word ("on Dec. 3" -> "on 3 December": a
# short sentence restyled so shared too little to be flagged at all).
_MONTHS = {
    form: forms.split()[0]
    for forms in (
        "jan january",
        "feb february",
        "mar march",
        "apr april",
        "jun june",
        "jul july",
        "aug august",
        "sep sept september",
        "oct october",
        "nov november",
        "dec december",
    )
    for form in forms.split()
}


# A verb of saying is one word whichever it is ("the fire chief said" -> "the fire chief
# claimed": the attribution changed, and the sentences are no less counterparts for
# it; the negation beside it was left unflagged).
_SAYING = dict.fromkeys(
    "say says said saying tell tells told claim claims claimed claiming add adds added "
    "note notes noted insist insists insisted argue argues argued declare declares "
    "declared announce announces announced explain explains explained warn warns "
    "warned assert asserts asserted stress stresses stressed allege alleges alleged".split(),
    "say",
)


# Text without spaces: a run of Han characters or kana (``_CJK_RUN``) is a clause
# (``事故造成3人死亡``); its content is its pairs of characters (a lone character as
# such), taken beside the five-letter cut of the whole run. Cut alone, a clause whose
# changed toll stands in its first five characters shared nothing with its twin.
_CJK_RUN = f"[{CJK_CHARS}]+"  # (compiled when first used)


_ContentScan = Callable[[str, frozenset[str], dict[str, str], dict[str, str]], set[str] | None]
_content_in_c: _ContentScan | None = None
try:
    from core.flags.content_scan import content_words as _scanned

    _content_in_c = _scanned
except ImportError:
    pass


def whole_fold(text: str) -> str | None:
    """``text`` folded, when folding it whole folds each of its words in place: every
    character folds to one that ``WORD`` classes alike (``ß`` -> ``ss`` does not, nor
    does U+0345, a mark that folds to a letter; ``test_flags`` checks every code
    point); else None."""
    folded = text.casefold()
    return folded if len(folded) == len(text) and "\u0345" not in text else None


def shared_content(old: str, new: str) -> float:
    """The share of content words two sentences have in common (Dice: 0 to 1).

    A side without content words shares nothing (0.0)."""
    a, b = content_words(old), content_words(new)
    if not a or not b:
        return 0.0  # nothing to tell a counterpart by (``2.`` against ``5.``)
    return 2 * len(a & b) / (len(a) + len(b))


MIN_CONTAINED_WORDS = 2
CONTAINED_LENGTHS = 2
CONTAINED_SHARE = 0.5


def contained_content(old: str, new: str) -> float:
    """The share of the shorter sentence's content words the other holds, when it has
    ``MIN_CONTAINED_WORDS`` or more, the other at least ``CONTAINED_LENGTHS`` times as
    many, and the share is ``CONTAINED_SHARE`` or more (else 0.0): a clause split off
    as a sentence of its own ("The other was Ruby Miriam." of "In 2020 Toroansi was one
    of two women ...; the other was Ruby Mirinka.") shares little with the whole
    sentence, but much of its own."""
    short, long = sorted((content_words(old), content_words(new)), key=len)
    if len(short) < MIN_CONTAINED_WORDS or len(long) < CONTAINED_LENGTHS * len(short):
        return 0.0
    share = len(short & long) / len(short)
    return share if share >= CONTAINED_SHARE else 0.0


def neighbour(text: str, pos: int, step: int) -> str:
    """The word just before (``step`` -1) or after (+1) ``pos``, folded ("" if none in
    the same sentence): within 40 characters, past anything but a word character
    (``\\w``: a letter, a digit or ``_``) and ``.!?;:``, which end the sentence."""
    if step < 0:
        start, end = max(0, pos - 40), pos
        while end > start and not _word_character(text[end - 1]):
            if text[end - 1] in _SENTENCE_STOPS:
                return ""
            end -= 1
        first = end
        while first > start and _word_character(text[first - 1]):
            first -= 1
        return text[first:end].casefold()
    start, end = pos, min(len(text), pos + 40)
    while start < end and not _word_character(text[start]):
        if text[start] in _SENTENCE_STOPS:
            return ""
        start += 1
    last = start
    while last < end and _word_character(text[last]):
        last += 1
    return text[start:last].casefold()


_SENTENCE_STOPS = ".!?;:"


def _word_character(char: str) -> bool:
    """What ``\\w`` matches in a str pattern: a letter, a digit or a numeric, or ``_``."""
    return char.isalnum() or char == "_"


APOSTROPHES = re.compile("[\u2019\u02bc]")

# Signs that change what a figure means though no word changed ("$21 million" ->
# "\u20ac21 million": ``core.flags.units``).
SIGN_CHARS = frozenset("$\u00a3\u20ac\u00a5\u20b9\u20bd%")
# (searched for in C: a set's ``isdisjoint`` of a sentence hashes each of its characters)
_SIGN = re.compile(f"[{re.escape(''.join(sorted(SIGN_CHARS)))}]")


def has_sign(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text`` (from ``start`` to ``end``) holds a currency sign or a per cent
    sign (``SIGN_CHARS``)."""
    return _SIGN.search(text, start, len(text) if end is None else end) is not None


def holds_sign(text: str, spans: Iterable[Span]) -> bool:
    """Whether a span of ``text`` holds a currency sign or a per cent sign."""
    return any(has_sign(text, lo, hi) for lo, hi in spans)


def span_words(text: str, spans: tuple[Span, ...]) -> Iterator[Word]:
    for start, end in spans:
        for m in WORD.finditer(text, start, end):
            yield Word(m.group(), m.start(), m.end(), 0)


def merged_flags(first: Flag, second: Flag) -> Flag:
    """Two flags of one kind on one block as one: their spans, and both explanations
    ("about $6.5 billion" -> "$6.5 billion"; "2 million euros" -> "2 million dollars")."""
    return Flag(
        first.kind,
        first.block,
        tuple(sorted({*first.old, *second.old})),
        tuple(sorted({*first.new, *second.new})),
        f"{first.explanation}; {second.explanation}",
        first.hedge and second.hedge,
    )


def either_merged(first: Flag | None, second: Flag | None) -> Flag | None:
    """Either flag when only one is given, both as one when both are (``merged_flags``)."""
    if first is None or second is None:
        return first or second
    return merged_flags(first, second)


def make_flag(kind: FlagKind, pool: Pooled, old: list[Word], new: list[Word]) -> Flag:
    """A flag on the changes holding ``old`` and ``new``, explained by their words."""
    touched = {w.change for w in (*old, *new)}
    changes = [c for i, c in enumerate(pool.changes) if i in touched]
    return Flag(
        kind,
        pool.block,
        tuple(s for c in changes for s in c.old),
        tuple(s for c in changes for s in c.new),
        _explained(
            _phrases(old, pool.old_text, pool.old_span[0]),
            _phrases(new, pool.new_text, pool.new_span[0]),
            sorted(touched),
        ),
    )


# Words joined into one phrase across one of these ("Organization for Migration").
_JOINERS = frozenset("of for the de del la le van von der den al bin ibn".split())


def is_initial(word: str) -> bool:
    """A capital letter alone, as in ``Thomas E. Dickey``."""
    return len(word) == 1 and word.isupper()


def _phrases(words: list[Word], text: str, offset: int) -> list[Word]:
    """``words`` with those that stand together in ``text`` (which starts at ``offset``)
    as one phrase: a space or nothing between them (``据报道``), or a joining word
    (``Nouri al-Maliki``, ``Nov 10``, ``International Organization for Migration``),
    or an initial's point (``Thomas E. Dickey``);
    ``Smith, Jones`` stay two."""
    groups: list[list[Word]] = []
    for word in words:
        last = groups[-1][-1] if groups else None
        if last is not None and last.change == word.change and offset <= last.end <= word.start:
            gap = text[last.end - offset : word.start - offset]
            joined = (
                not gap
                or gap.isspace()
                or (gap[:1].isspace() and gap[-1:].isspace() and gap.strip().casefold() in _JOINERS)
                or (is_initial(last.text) and gap[:1] == "." and gap[1:].isspace())
            )
            if joined and word.start - offset <= len(text):
                groups[-1].append(word)
                continue
        groups.append([word])
    # (each phrase's text made once: a block of one long run of words stays linear)
    return [
        group[0]
        if len(group) == 1
        else Word(
            " ".join(text[group[0].start - offset : group[-1].end - offset].split()),
            group[0].start,
            group[-1].end,
            group[0].change,
        )
        for group in groups
    ]


def _explained(old: list[Word], new: list[Word], changes: list[int]) -> str:
    """The flagged words, old against new. When one of the changes replaces words
    with others, each change on its own, in reading order: ``added "Nov 10"; "0.2"
    → "0.3"`` (in one arrow, ``"0.2" → "Nov 10, 0.3"``, they read as if they replaced
    each other); else in one arrow (``"said" → "according"``, a word cut here and
    another put there). At most ``_LISTED`` words in all; each word once."""
    replacing = {w.change for w in old} & {w.change for w in new}
    if not replacing or len(changes) == 1:
        return _arrow(_listed(old), _listed(new))
    parts: list[str] = []
    shown: set[str] = set()
    for change in changes:
        before = [w for w in old if w.change == change and w.text not in shown]
        after = [w for w in new if w.change == change and w.text not in shown]
        if not before and not after:
            continue
        if len(shown) >= _LISTED:
            parts.append("\u2026")
            break
        shown.update(w.text for w in (*before, *after))
        parts.append(_arrow(_listed(before), _listed(after)))
    return "; ".join(parts)


def _listed(words: list[Word]) -> str:
    """Whole words and phrases, each once, in order; at most ``_LISTED`` words in all
    (a phrase cut short ends in "…")."""
    shown: list[str] = []
    left = _LISTED
    for text in dict.fromkeys(w.text for w in words):
        if left <= 0:
            shown.append("\u2026")
            break
        parts = text.split(" ")
        shown.append(" ".join(parts[:left]) + (" \u2026" if len(parts) > left else ""))
        left -= len(parts)
    return ", ".join(shown)


def _arrow(old: str, new: str) -> str:
    if old and new:
        return f'"{old}" \u2192 "{new}"'
    if new:
        return f'added "{new}"'
    return f'removed "{old}"'


# A wire dateline opening a line: a place in capitals, perhaps its country, an agency
# in brackets, then a dash or a colon ("KANDAHAR, Afghanistan (CP) -", "BAGHDAD
# (Reuters) -"): its words are no names the story changed.
_DATELINE = re.compile(
    r"[^\S\n]*[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][\w.' -]{1,30}?)?"
    r"(?: \([^()\n]{1,30}\))?(?: [-\u2013\u2014]+|:) "
)


def dateline_words(text: str) -> frozenset[str]:
    """The words (folded) of the wire dateline that opens ``text``, if any
    (``LONDON, November 11 -``: ``london``, ``november``, ``11``)."""
    found = _opening_dateline(text)
    if found is None:
        return frozenset()
    return frozenset(w.casefold() for w in WORD.findall(found.group()))


def dateline_agency(text: str) -> frozenset[str]:
    """The words (folded) in brackets of the wire dateline that opens ``text``: its
    agency (``BAGHDAD (Reuters) -``: ``reuters``)."""
    found = _opening_dateline(text)
    if found is None or "(" not in found.group():
        return frozenset()
    inside = found.group().partition("(")[2].partition(")")[0]
    return frozenset(w.casefold() for w in WORD.findall(inside))


def _opening_dateline(text: str) -> re.Match[str] | None:
    """The wire dateline that opens ``text`` (after at most 200 characters of space)."""
    head = text[:320]  # (not the whole text: asked once per block with a name cut)
    start = len(head) - len(head.lstrip())
    return None if start > 200 else _DATELINE.match(head, start, start + 120)


def in_dateline(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` stands in a wire dateline that opens its line."""
    start = text.rfind("\n", max(0, pos - 80), pos) + 1
    if start == 0 and pos > 80:
        return False
    found = _DATELINE.match(text, start, start + 120)
    return found is not None and pos < found.end()
