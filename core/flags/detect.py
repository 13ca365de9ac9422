"""Risky edits: the changes editors must check first, flagged by kind.

Works from a finished ``Comparison`` only. In every block that has both an old and a
new side, each maximal run of ``delete``/``insert`` ops between two ``equal`` ops is
one *change*: its deleted words against its inserted words. A change gets a flag of
a kind when:

- ``number``: the figures differ (``20`` -> ``27``, ``four-year`` -> ``five-year``,
  ``50,000``; digits or number words, compared as multisets, so a figure that only
  moves inside the change is no flag);
- ``negation``: the number of negations differs (``not``, ``no``, ``never``,
  ``n't``, ...; ``didn't`` -> ``did not`` keeps one each and is no flag);
- ``name``: the names differ. A name is a word capitalized in mid-sentence, or a word
  spelled capitalized in mid-sentence anywhere in either version (so ``paris`` ->
  ``Paris`` counts when case does, and a capital that only starts a sentence does not);
- ``attribution``: the attribution verbs differ (``said`` -> ``claimed``, ``said`` ->
  ``according to``; tenses of one verb count as the same verb);
- ``quote``: changed words stand inside quotation marks (``core.flags.quotes``).

Only words count: a change of punctuation alone is no flag. Trivial differences are
``equal`` ops and never flag; nor does moved text that is unchanged (a moved block,
or two or more words deleted in one place and inserted as they were in another). Whole sentences
added or removed (``inserted``/``deleted`` blocks) are not aligned pairs and get no
flag: they are shown as such already.

Linear in the size of the changes, plus one regular-expression pass over each text
for the name vocabulary and the quotations, made only when some change needs them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Literal

from core.flags.quotes import Quotations
from core.model import Block, Comparison, Op, Span

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
        old: spans of the deleted words of the change (old text), in order.
        new: spans of the inserted words of the change (new text), in order.
        explanation: what changed, short, e.g. ``"20" → "27"``.
    """

    kind: FlagKind
    block: int
    old: tuple[Span, ...]
    new: tuple[Span, ...]
    explanation: str


_WORD = re.compile(r"\d+(?:[.,:]\d+)+|\w+(?:['\u2019\-\u2010\u2011]\w+)*")
_HYPHENS = re.compile("[-\u2010\u2011]")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred hundreds thousand thousands million millions "
    "billion billions trillion dozen dozens half quarter twice double triple first "
    "second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "twentieth hundredth thousandth".split()
)
_NEGATIONS = frozenset(
    "not no never nor neither none nobody nothing nowhere cannot without".split()
)
_ATTRIBUTIONS: dict[str, str] = {
    form: forms.split()[0]
    for forms in (
        "say says said saying",
        "claim claims claimed claiming",
        "tell tells told telling",
        "stated stating",
        "add adds added adding",
        "according",
        "insist insists insisted",
        "argue argues argued",
        "allege alleges alleged",
        "reported",
        "announce announces announced",
        "confirm confirms confirmed",
        "deny denies denied",
        "admit admits admitted",
        "explain explains explained",
        "warn warns warned",
        "noted",
        "suggest suggests suggested",
        "assert asserts asserted",
        "declare declares declared",
        "maintain maintains maintained",
        "reveal reveals revealed",
        "write writes wrote",
        "acknowledge acknowledges acknowledged",
        "concede concedes conceded",
        "contend contends contended",
        "estimated",
        "quoted",
    )
    for form in forms.split()
}
# Capitalized function words (headline style, "I") are never taken for names.
_NOT_NAMES = frozenset(
    "i i'm i've i'll i'd a an the and or but of in on at to for from by with as is "
    "are was were be been it its this that these those he she they we you his her "
    "their our my your him them us me who what when where why how if then than so".split()
)
# A capital after a word, a comma, a semicolon, ")" or "%" and one space stands in
# mid-sentence. The pattern starts with the capital (a character class the regular
# expression engine can skip to) and looks behind only there; the class holds the
# capitals of Latin, Greek and Cyrillic (mixed-case ranges are sorted out by isupper).
_CAPITALS = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u0391-\u03a9\u0400-\u042f"
_MID_SENTENCE = re.compile(
    rf"[{_CAPITALS}](?<=[\w,;)%] [{_CAPITALS}])\w*(?:['\u2019\-\u2010\u2011]\w+)*"
)
_SHORT = 32
MIN_MOVED_WORDS = 2


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Change:
    block: int
    old: tuple[Span, ...]
    new: tuple[Span, ...]
    old_words: tuple[_Word, ...]
    new_words: tuple[_Word, ...]


class _Context:
    """Both texts, with the name vocabulary and quotations found when first needed."""

    def __init__(self, old: str, new: str) -> None:
        self.old = old
        self.new = new
        self._names: frozenset[str] | None = None
        self._quotes: tuple[Quotations, Quotations] | None = None

    @property
    def names(self) -> frozenset[str]:
        if self._names is None:
            spellings = set(_MID_SENTENCE.findall(self.old))
            spellings.update(_MID_SENTENCE.findall(self.new))
            found = {w.casefold() for w in spellings if w[0].isupper()}
            self._names = frozenset(found - _NOT_NAMES)
        return self._names

    @property
    def quotes(self) -> tuple[Quotations, Quotations]:
        if self._quotes is None:
            self._quotes = (Quotations(self.old), Quotations(self.new))
        return self._quotes


def flag_comparison(comparison: Comparison) -> tuple[Flag, ...]:
    """Flag the risky changes of ``comparison``.

    Args:
        comparison: a finished comparison.

    Returns:
        The flags sorted by block, then by kind (in the order of ``FLAG_KINDS``):
        at most one flag of a kind per block, holding every change of that kind.
    """
    context = _Context(comparison.old.text, comparison.new.text)
    changes = [
        change
        for index, block in enumerate(comparison.blocks)
        if block.kind != "equal" and block.old is not None and block.new is not None
        for change in _changes(index, block, context)
    ]
    flags: list[Flag] = []
    for _, group in groupby(_unmoved(changes), key=lambda c: c.block):
        found = [
            flag
            for change in group
            for check in _CHECKS
            if (flag := check(change, context)) is not None
        ]
        flags.extend(_merged_by_kind(found))
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


def _merged_by_kind(flags: list[Flag]) -> list[Flag]:
    """One flag per kind in a block (``said`` -> ``according to`` is two changes)."""
    by_kind: dict[FlagKind, Flag] = {}
    for flag in flags:
        known = by_kind.get(flag.kind)
        by_kind[flag.kind] = (
            flag
            if known is None
            else Flag(
                flag.kind,
                flag.block,
                known.old + flag.old,
                known.new + flag.new,
                f"{known.explanation}; {flag.explanation}",
            )
        )
    return sorted(by_kind.values(), key=lambda f: FLAG_KINDS.index(f.kind))


def _words(text: str, spans: tuple[Span, ...]) -> tuple[_Word, ...]:
    return tuple(
        _Word(m.group(), m.start(), m.end()) for s, e in spans for m in _WORD.finditer(text, s, e)
    )


def _number_key(word: str) -> str | None:
    folded = word.casefold()
    if any(c.isdigit() for c in folded):
        return _THOUSANDS.sub("", folded)
    if any(part in _NUMBER_WORDS for part in _HYPHENS.split(folded)):
        return folded
    return None


def _is_negation(word: str) -> bool:
    folded = word.casefold().replace("\u2019", "'")
    return folded in _NEGATIONS or folded.endswith("n't")


def _check_number(change: _Change, context: _Context) -> Flag | None:
    old = [(k, w.text) for w in change.old_words if (k := _number_key(w.text))]
    new = [(k, w.text) for w in change.new_words if (k := _number_key(w.text))]
    if Counter(k for k, _ in old) == Counter(k for k, _ in new):
        return None
    gone = Counter(k for k, _ in old) - Counter(k for k, _ in new)
    came = Counter(k for k, _ in new) - Counter(k for k, _ in old)
    return _flag(
        "number",
        change,
        _arrow(
            ", ".join(t for k, t in old if k in gone),
            ", ".join(t for k, t in new if k in came),
        ),
    )


def _check_negation(change: _Change, context: _Context) -> Flag | None:
    old = [w.text for w in change.old_words if _is_negation(w.text)]
    new = [w.text for w in change.new_words if _is_negation(w.text)]
    if len(old) == len(new):
        return None
    return _flag("negation", change, _explain(change, context, old, new))


def _check_attribution(change: _Change, context: _Context) -> Flag | None:
    old = [w.text for w in change.old_words if w.text.casefold() in _ATTRIBUTIONS]
    new = [w.text for w in change.new_words if w.text.casefold() in _ATTRIBUTIONS]
    lemmas = Counter(_ATTRIBUTIONS[w.casefold()] for w in old)
    if lemmas == Counter(_ATTRIBUTIONS[w.casefold()] for w in new):
        return None
    return _flag("attribution", change, _explain(change, context, old, new))


def _check_name(change: _Change, context: _Context) -> Flag | None:
    old = [w.text for w in change.old_words if _is_name(w, context.old, context)]
    new = [w.text for w in change.new_words if _is_name(w, context.new, context)]
    if Counter(old) == Counter(new):
        return None
    return _flag("name", change, _explain(change, context, old, new))


def _is_name(word: _Word, text: str, context: _Context) -> bool:
    folded = word.text.casefold()
    if folded in _NOT_NAMES or folded in _NEGATIONS or folded in _ATTRIBUTIONS:
        return False
    if word.text[0].isdigit() or _number_key(folded):
        return False
    if word.text[0].isupper() and _in_mid_sentence(text, word.start):
        return True
    return folded in context.names


def _in_mid_sentence(text: str, start: int) -> bool:
    """The rule of ``_MID_SENTENCE`` for one word."""
    if start < 2 or text[start - 1] != " ":
        return False
    before = text[start - 2]
    return before.isalnum() or before in ",;)%_"


def _check_quote(change: _Change, context: _Context) -> Flag | None:
    old_quotes, new_quotes = context.quotes
    old = [w.text for w in change.old_words if old_quotes.overlaps((w.start, w.end))]
    new = [w.text for w in change.new_words if new_quotes.overlaps((w.start, w.end))]
    if not old and not new:
        return None
    return _flag("quote", change, _explain(change, context, [], []) + " inside a quote")


_CHECKS: tuple[Callable[[_Change, _Context], Flag | None], ...] = (
    _check_number,
    _check_negation,
    _check_name,
    _check_attribution,
    _check_quote,
)


def _flag(kind: FlagKind, change: _Change, explanation: str) -> Flag:
    return Flag(kind, change.block, change.old, change.new, explanation)


def _explain(change: _Change, context: _Context, old: list[str], new: list[str]) -> str:
    """Both sides of the change when short, else the words the flag is about."""
    return _arrow(
        _side(context.old, change.old, old),
        _side(context.new, change.new, new),
    )


def _side(text: str, spans: tuple[Span, ...], key_words: list[str]) -> str:
    whole = " \u2026 ".join(" ".join(text[s:e].split()) for s, e in spans)
    if len(whole) <= _SHORT:
        return whole
    if key_words:
        return ", ".join(dict.fromkeys(key_words))
    return whole[: _SHORT - 1].rstrip() + "\u2026"


def _arrow(old: str, new: str) -> str:
    if old and new:
        return f'"{old}" \u2192 "{new}"'
    if new:
        return f'added "{new}"'
    return f'removed "{old}"'
