"""Figures that are the same though their keys differ, and figures that changed
places though their keys are the same (``core.flags.figures``).

The same: thousands set apart by points ("20.000" = "20 000"), a time spaced apart or
on the hour ("4 :30", "4:00pm"), on the other clock ("4:30 p.m." = "16:30") or
without its colon ("12:00 UTC" = "1200 GMT"). Changed: two figures that swapped
places ("50.9% ... 49.1%" -> "49.1% ... 50.9%") and a score turned round ("3-1" ->
"1-3"), which a comparison of figures as a multiset takes for no change.
"""

from __future__ import annotations

import re
from collections import Counter

from core.engine.tokens import compiled
from core.flags.pooled import Context, Pooled, Word
from core.flags.tallies import counted, keep_positive, same
from core.flags.units import SCALES, UNIT_WORDS
from core.model import Span

# A figure's key that may be thousands set apart by points ("20.000": 20000 in German
# copy, 20 in English): the same as the number without them, on the other side.
_DOTTED_KEY = re.compile(r"(\d{1,3}(?:-\d{3})+)(\D*)")


def turned(
    old: list[tuple[str, Word]], new: list[tuple[str, Word]]
) -> tuple[list[Word], list[Word]] | None:
    """Figures that changed places, or a score or range turned round, where each change
    puts one figure in the place of one: "won 50.9% ... against 49.1%" -> "won 49.1%
    ... against 50.9%", "beat City 3-1" -> "1-3". The same figures taken together,
    which their comparison as a multiset (and by value) takes for no change."""
    olds: dict[int, list[tuple[str, Word]]] = {}
    news: dict[int, list[tuple[str, Word]]] = {}
    for figures, by_change in ((old, olds), (new, news)):
        for key, word in figures:
            by_change.setdefault(word.change, []).append((key, word))
    pairs = [
        (olds[c][0], news[c][0])
        for c in olds
        if len(olds[c]) == 1 and len(news.get(c, ())) == 1 and olds[c][0][0] != news[c][0][0]
    ]
    if not pairs or len(pairs) != len(olds) or len(pairs) != len(news):
        return None
    old_keys = [o[0] for o, _ in pairs]
    new_keys = [n[0] for _, n in pairs]
    if len(pairs) >= 2 and same(counted(old_keys), counted(new_keys)):
        return [o[1] for o, _ in pairs], [n[1] for _, n in pairs]
    if len(pairs) == 1 and None is not _round(old_keys[0]) == _round(new_keys[0]):
        return [pairs[0][0][1]], [pairs[0][1][1]]
    return None


def _round(key: str) -> tuple[str, ...] | None:
    """The parts of a figure of two joined by a hyphen or dash ("3-1"), in any order;
    None for another figure."""
    parts = key.split("-")
    return tuple(sorted(parts)) if len(parts) == 2 and all(p.isdecimal() for p in parts) else None


def same_if_spaced(gone: Counter[str], came: Counter[str]) -> None:
    """Take out a time written whole on one side ("4:30", key "4-30") and spaced apart
    on the other ("4 :30": "4" and "30"), or on the hour without its minutes ("4:00pm"
    = "4 p.m.")."""
    for one, other in ((gone, came), (came, gone)):
        for key in list(one):
            time = _CLOCK.fullmatch(key)
            if time and one[key] and other[time.group(1)] and other[time.group(2)]:
                one[key] -= 1
                other[time.group(1)] -= 1
                other[time.group(2)] -= 1
            elif time and time.group(2) == "00" and one[key] and other[time.group(1)]:
                one[key] -= 1  # "4:00pm" = "4 p.m."
                other[time.group(1)] -= 1
    keep_positive(gone)
    keep_positive(came)


_CLOCK = re.compile(r"(\d{1,2})-(\d\d)")
_MORNING = re.compile(r"\s?a\.?m\b", re.IGNORECASE)
_ZONE = re.compile(r"\s?(?:GMT|UTC|Z\b|hours?\b|hrs\b|h\b|local\b)")


def same_clock(
    gone: Counter[str],
    came: Counter[str],
    old: tuple[list[tuple[str, Word]], str],
    new: tuple[list[tuple[str, Word]], str],
) -> None:
    """Take out a time written on the twelve-hour clock on one side and the 24-hour
    clock on the other ("4:30 p.m." = "16:30"; not "4:30 a.m."), or without its
    colon before a zone or "hours" ("12:00 UTC" = "1200 GMT")."""
    for (one, one_found), (other, other_found) in (
        ((gone, old), (came, new)),
        ((came, new), (gone, old)),
    ):
        for key, word in one_found[0]:
            clock = _CLOCK.fullmatch(key)
            if not clock or not one[key]:
                continue
            hour, minutes = int(clock.group(1)), clock.group(2)
            # ("16:30" or, in wire style, "1630")
            later = [k for k in (f"{hour + 12}-{minutes}", f"{hour + 12}{minutes}") if other[k]]
            if hour < 12 and later and not _MORNING.match(one_found[1], word.end):
                one[key] -= 1
                other[later[0]] -= 1
                continue
            whole = f"{hour:02d}{minutes}"
            written = [w for k, w in other_found[0] if k == whole]
            if other[whole] and any(_ZONE.match(other_found[1], w.end) for w in written):
                one[key] -= 1
                other[whole] -= 1
    keep_positive(gone)
    keep_positive(came)


def same_if_dotted(gone: Counter[str], came: Counter[str]) -> None:
    """Take out of ``gone`` and ``came`` a figure with thousands set apart by points
    on one side ("20.000", key "20-000") and without them on the other ("20 000")."""
    for one, other in ((gone, came), (came, gone)):
        for key in list(one):
            dotted = _DOTTED_KEY.fullmatch(key)
            plain = dotted and dotted.group(1).replace("-", "") + dotted.group(2)
            if plain and other[plain] and one[key]:
                same = min(one[key], other[plain])
                one[key] -= same
                other[plain] -= same
    keep_positive(gone)  # (drops the counts taken to nothing)
    keep_positive(came)


# A score or a tally of two: "3-1", "3–1", "3:1", "4比2", "5 a 3", "38 to 35".
_SCORE = r"(?<![\d.,:])(\d{1,3}) ?(?:[-\u2013:\u6bd4]| (?:to|a) ) ?(\d{1,3})(?![\d.,:])"


def turned_score(pool: Pooled, context: Context) -> tuple[list[Word], list[Word]] | None:
    """A score turned round where the word diff kept one of its figures in place
    ("4比2" -> "2比4" is shown as "4比" cut and "比4" put in): the old sentence has the
    score one way and not the other, the new sentence the other way only, and a change
    touches it."""
    old = _scores(context.old, pool.old_span)
    new = _scores(context.new, pool.new_span)
    gone: list[Word] = []
    came: list[Word] = []
    for (a, b), spans in old.items():
        if a == b or (a, b) in new or (b, a) not in new or (b, a) in old:
            continue
        old_span, new_span = spans[0], new[b, a][0]
        change = pool.change_at(old_span, True)
        if change is None:
            change = pool.change_at(new_span, False)
        if change is None:
            continue
        gone.append(Word(context.old[slice(*old_span)], *old_span, change))
        came.append(Word(context.new[slice(*new_span)], *new_span, change))
    return (gone, came) if gone else None


def _scores(text: str, span: Span) -> dict[tuple[str, str], list[Span]]:
    out: dict[tuple[str, str], list[Span]] = {}
    for m in compiled(_SCORE).finditer(text, *span):
        out.setdefault((m.group(1), m.group(2)), []).append(m.span())
    return out


# A conversion in brackets beside a figure with a unit: "47 kilometres (29 miles)",
# "29 miles (47 km)", "10-12 inches (25 to 30 cm)", "4:30 p.m. (12:00 UTC)", "$5
# million (€4.6 million)". Both figures have units (or a currency's sign): a year or a
# date in brackets ("(2000 est.)", "(3 листопада)") is no conversion.
_APPROX = r"(?:about|around|approximately|approx\.|some|roughly|c\.|ca\.)?\s*"
_SIGN = r"(?:US\$|C\$|A\$|HK\$|[$£€¥])?"
_FIGURE = r"(\d[\d.,:]*)"
# (one to three words; between them at least a space: "\s*" there let a run of letters
# without spaces, as Chinese writes, be cut into words in every way, and a search over
# it took a millisecond a figure)
_UNIT_WORDS_AFTER = r"(\s*[^\W\d_][\w./°³²']*(?:\s+[^\W\d_][\w./°³²']*){0,2})"
# (the figure before the bracket, its unit, the bracket's start: up to the word)
# (compiled when first asked: their classes of letters take a millisecond at start-up)
_BEFORE_BRACKET = (
    rf"({_SIGN}){_FIGURE}(?:[-\u2013]\d[\d.,]*)?{_UNIT_WORDS_AFTER}\s*[(\[]\s*{_APPROX}{_SIGN}"
    rf"(?:\d[\d.,]*\s*(?:to|-|\u2013|by|x)\s*{_SIGN})?$"
)
_BRACKET_AFTER = rf"{_UNIT_WORDS_AFTER}\s*[(\[]\s*{_APPROX}({_SIGN}){_FIGURE}{_UNIT_WORDS_AFTER}"
_CONVERSION_REACH = 60
_ZONES = frozenset("utc gmt local et est edt pst pdt cet cest bst ist jst".split())


def converted(word: Word, text: str, other: str) -> bool:
    """Whether the figure ``word`` of ``text`` is a conversion of one the ``other``
    sentence gives alone (outside brackets): in brackets after it, each with a unit,
    or before brackets that hold it."""
    lo = max(0, word.start - _CONVERSION_REACH)
    opened = "(" in text[lo : word.start] or "[" in text[lo : word.start]
    before = compiled(_BEFORE_BRACKET).search(text, lo, word.start) if opened else None
    signed = text[max(0, word.start - 3) : word.start].rstrip().endswith(_SIGNS)
    if (
        before is not None
        and (before.group(1) or _unit(before.group(3)))
        and (signed or _unit(_words_after(text, word.end)))
    ):
        return _holds(other, before.group(2))
    after = compiled(_BRACKET_AFTER).match(text, word.end, word.end + _CONVERSION_REACH)
    if after is not None and _unit(after.group(1)) and (after.group(2) or _unit(after.group(4))):
        return _holds(other, after.group(3))
    return False


_SIGNS = ("$", "\u00a3", "\u20ac", "\u00a5")
# (the first number of a range, "25 to 30 cm": its unit follows the second)
_RANGE_REST = re.compile(r"\s*(?:to|-|\u2013)\s*\d[\d.,]*")
_SCALE_WORDS = frozenset(SCALES)


def scale_converted(word: Word, text: str, other: str) -> bool:
    """Whether the scale ``word`` ("million") follows a figure that is a conversion
    ("(65 million kilograms)" dropped)."""
    if word.text.casefold() not in _SCALE_WORDS:
        return False
    m = re.search(r"(\d[\d.,]*)\s*$", text[max(0, word.start - 20) : word.start])
    if m is None:
        return False
    start = word.start - len(m.group()) + m.start(1) - m.start()
    figure = Word(m.group(1), start, start + len(m.group(1)), word.change)
    return converted(figure, text, other)


def _words_after(text: str, end: int) -> str:
    rest = _RANGE_REST.match(text, end, end + 30)
    start = rest.end() if rest else end
    m = re.match(_UNIT_WORDS_AFTER, text[start : start + 30])
    return m.group(1) if m else ""


def _unit(words: str) -> bool:
    """Whether the words after a figure start with a unit, a currency or a time zone
    (past a scale: "65 million kilograms")."""
    found = words.split()
    while found and found[0].casefold().rstrip(".,;:)") in _SCALE_WORDS:
        found = found[1:]
    if not found:
        return False
    first = found[0].casefold().rstrip(".,;:)")
    pair = " ".join(found[:2]).casefold().rstrip(".,;:)")
    return first in UNIT_WORDS or pair in UNIT_WORDS or first in _ZONES


def _holds(text: str, figure: str) -> bool:
    """Whether ``text`` holds the figure written ``figure`` (its last number, for a
    range: "10-12") outside brackets: there it was given alone, not as a conversion
    (else both versions convert, and the figure beside it changed)."""
    last = re.split(r"[\-\u2013]", figure.rstrip(".,:"))[-1]
    if not last:
        return False
    for m in re.finditer(rf"(?<![\d.,]){re.escape(last)}(?![\d])", text):
        before = text[max(0, m.start() - _CONVERSION_REACH) : m.start()]
        if max(before.rfind("("), before.rfind("[")) <= max(before.rfind(")"), before.rfind("]")):
            return True
    return False
