"""Qualifiers of figures: "at least nine" against "nine" is a changed figure.

Wire copy hedges its figures ("at least", "more than", "nearly", "up to"); an edit
that drops or changes the hedge and keeps the number changes what the figure claims
("killing at least nine people" -> "killing nine people"). Hedges that say the same
("over 29,000" and "more than 29,000"; "more than 64" and "at least 64", both a
floor, as copy desks read them) are one class and raise nothing. Checked by
``core.flags.figures.check_number`` when the figures themselves are unchanged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from core.engine.lcs import within_edits
from core.engine.tokens import compiled
from core.flags.pooled import WORD, Change, Context, Flag, Pooled, Word, make_flag
from core.flags.tallies import counted, less, take_away
from core.model import Span

# Each hedge and its class: hedges of one class claim the same of a figure.
_CLASSES = {
    "more than": "at least",
    "over": "at least",
    "upwards of": "at least",
    "in excess of": "at least",
    "above": "at least",
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "a minimum of": "at least",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "up to": "up to",
    "as many as": "up to",
    "at most": "up to",
    "no more than": "up to",
    "a maximum of": "up to",
    "fewer than": "below",
    "less than": "below",
    "under": "below",
    "below": "below",
    # French
    "au moins": "at least",
    "plus de": "at least",
    "plus d'": "at least",
    "plus d\u2019": "at least",
    "près de": "nearly",
    "presque": "nearly",
    "environ": "about",
    "quelque": "about",
    "jusqu'à": "up to",
    "jusqu\u2019à": "up to",
    "au plus": "up to",
    "moins de": "below",
    # German
    "mindestens": "at least",
    "mehr als": "at least",
    "über": "at least",
    "fast": "nearly",
    "knapp": "nearly",
    "beinahe": "nearly",
    "rund": "about",
    "etwa": "about",
    "ungefähr": "about",
    "circa": "about",
    "bis zu": "up to",
    "höchstens": "up to",
    "weniger als": "below",
    # Spanish, Portuguese
    "al menos": "at least",
    "por lo menos": "at least",
    "más de": "at least",
    "casi": "nearly",
    "alrededor de": "about",
    "aproximadamente": "about",
    "cerca de": "about",
    "hasta": "up to",
    "menos de": "below",
    "pelo menos": "at least",
    "ao menos": "at least",
    "mais de": "at least",
    "quase": "nearly",
    "até": "up to",
    # Russian, Ukrainian
    "по меньшей мере": "at least",
    "как минимум": "at least",
    "не менее": "at least",
    "более": "at least",
    "свыше": "at least",
    "почти": "nearly",
    "около": "about",
    "примерно": "about",
    "порядка": "about",
    "менее": "below",
    "щонайменше": "at least",
    "принаймні": "at least",
    "не менше": "at least",
    "понад": "at least",
    "більше": "at least",
    "майже": "nearly",
    "близько": "about",
    "приблизно": "about",
    "менше": "below",
    # Italian, Polish, Swedish, Dutch
    "almeno": "at least",
    "oltre": "at least",
    "più di": "at least",
    "quasi": "nearly",
    "co najmniej": "at least",
    "przynajmniej": "at least",
    "ponad": "at least",
    "prawie": "nearly",
    "około": "about",
    "minst": "at least",
    "över": "at least",
    "mer än": "at least",
    "nästan": "nearly",
    "cirka": "about",
    "omkring": "about",
    "minstens": "at least",
    "ruim": "at least",
    "meer dan": "at least",
    "bijna": "nearly",
    "ongeveer": "about",
    "десь": "about",
    # Korean (before the figure, a space between: "최소 10명")
    "최소": "at least",
    "적어도": "at least",
    "약": "about",
    "최대": "up to",
    "거의": "nearly",
    # Signs
    "~": "about",
    "\u2248": "about",
}
# Hedges written after their figure ("100 or more"), and their classes.
_AFTER = {
    "or more": "at least",
    "or so": "about",
    "or fewer": "up to",
    "or less": "up to",
    "ou plus": "at least",
    "oder mehr": "at least",
    "o más": "at least",
    "ou mais": "at least",
    "и более": "at least",
    "і більше": "at least",
    "이상": "at least",
    "미만": "below",
    "가량": "about",
}
# Chinese hedges, before the figure and after it ("至少57人", "300多人", "350余名").
_HAN_CLASSES = {
    "至少": "at least",
    "少なくとも": "at least",
    "およそ": "about",
    "超过": "at least",
    "超過": "at least",
    "逾": "at least",
    "多达": "up to",
    "多達": "up to",
    "最多": "up to",
    "将近": "nearly",
    "將近": "nearly",
    "接近": "nearly",
    "近": "nearly",
    "大约": "about",
    "大約": "about",
    "约": "about",
    "約": "about",
    "不到": "below",
    "不足": "below",
}
_HAN_AFTER = {
    "多": "at least",
    "余": "at least",
    "餘": "at least",
    "以上": "at least",
    "左右": "about",
    "以下": "up to",
}
_NUMERAL_RUN = "[0-9\uff10-\uff19.\uff0e〇零一二两兩三四五六七八九十百千万亿萬億]"
# (the patterns of Chinese hedges, and the hedges', compiled when first used)
_HAN_HEDGE = "(" + "|".join(sorted(_HAN_CLASSES, key=len, reverse=True)) + f")(?={_NUMERAL_RUN})"
_ARTICLE_GAP = re.compile(r"\s+")
_SPACED_TIME = re.compile(r" :(\d\d)\b")
# (after the figure, or after its counter: "10人以上")
_COUNTERS = "人名件台个個回次歳歲棟戸隻頭本枚"
_HAN_HEDGE_AFTER = (
    f"(?:(?<={_NUMERAL_RUN})|(?<={_NUMERAL_RUN}[{_COUNTERS}]))("
    + "|".join(sorted(_HAN_AFTER, key=len, reverse=True))
    + ")"
)
_NUMERALS = f"{_NUMERAL_RUN}+"
_NUMERALS_BEFORE = f"{_NUMERAL_RUN}+$"
_HAN_HEDGE_CHARS = frozenset("".join((*_HAN_CLASSES, *_HAN_AFTER)))
# (a Korean counter may stand between the figure and its hedge: "10명 이상")
_HEDGE_AFTER = (
    r"(?i)(?<![\w.,])(\d[\d.,]*)(?:[\uac00-\ud7a3]{1,2}\s*|\s+)("
    + "|".join(p.replace(" ", r"\s+") for p in sorted(_AFTER, key=len, reverse=True))
    + r")(?:\b|(?<=[\uac00-\ud7a3]))"
)  # (compiled when first used: start-up)
_HEDGE_PATTERN = (
    r"(?i)(?<!\w)("
    + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_CLASSES, key=len, reverse=True))
    + r")(?:\s+|(?<=['\u2019~\u2248]))(?:(?:US|A|C|HK|NZ|S)?[$\u00a3\u20ac\u00a5]\s?)?"
)
# The words of the hedges that tell one (a change touching none of them touches no
# hedge: "a", "of", "to", "as" are everywhere).
_HEDGE_WORDS = frozenset(
    w.casefold() for h in (*_CLASSES, *_AFTER) for w in re.findall(r"\w+", h)
) - frozenset("a an of to as no at in than or so de d le la".split())


def is_hedge(words: tuple[str, ...]) -> bool:
    """Whether ``words`` (folded) are a hedge: a hedge moved from one figure to another
    is no move of unchanged words (``core.flags.detect``)."""
    phrase = " ".join(words)
    return phrase in _CLASSES or phrase in _AFTER


_APPROXIMATE = (
    r"(?i)(?:десят(?:ок|ка|ки|ков)|дюжин\w*|сотн[яиі]\w*|dozens?|\w+aines?|dutzend\w*"
    r"|decenas?|dezenas?|centenas?)$"
)
_ONE_WORD = tuple(h for h in _CLASSES if " " not in h)
_SCALE = r"(?i)\s+(?:hundred|thousand|million|billion|trillion)\b"
# How far before a change a hedge it touches may start ("no fewer than" + spaces).
_REACH = 24

Figures = Callable[[Word, str], tuple[tuple[str, Word], ...]]
Hedged = tuple[str, str]  # (class, figure key)


def hedge_flag(
    pool: Pooled, context: Context, figures: Figures, changed_keys: frozenset[str] = frozenset()
) -> Flag | None:
    """A ``number`` flag when a hedge on an unchanged figure was cut, added or changed
    in meaning; ``figures`` gives a word's figure keys (``_figures_of``); the hedges of
    figures whose keys are ``changed_keys`` are shown with those figures already."""
    changed = (*pool.old_words, *pool.new_words)
    if (
        not any(w.text.casefold() in _HEDGE_WORDS for w in changed)
        and not any(w.text[:2] in _HEDGE_WORDS for w in changed if w.text[:1] >= "\uac00")
        and not _signed(pool, context)
        and not any(
            not w.text.isascii() and not _HAN_HEDGE_CHARS.isdisjoint(w.text) for w in changed
        )
    ):
        return None  # (no word of a hedge changed: most blocks)
    old = _once(
        [
            h
            for h in _hedged(pool.changes, context.old, True, figures)
            if h[0][1] not in changed_keys
        ]
    )
    new = _once(
        [
            h
            for h in _hedged(pool.changes, context.new, False, figures)
            if h[0][1] not in changed_keys
        ]
    )
    if not old and not new:
        return None
    old_counts, new_counts = counted(h for h, _, _ in old), counted(h for h, _, _ in new)
    gone, came = less(old_counts, new_counts), less(new_counts, old_counts)
    if gone or came:
        # a hedged figure carried with its hedge from a sentence cut or put in next
        # door ("More than 150 others are injured." cut, "and more than 150 others
        # injured" put into the lead)
        take_away(
            came, counted(h for h, _, _ in _near_hedged(pool.old_near, context.old, True, figures))
        )
        take_away(
            gone, counted(h for h, _, _ in _near_hedged(pool.new_near, context.new, False, figures))
        )
    # "aproximatly 350" -> "approximately 350": a hedge spelled right, not added
    for counts, words in ((gone, pool.new_words), (came, pool.old_words)):
        for hedged in list(counts):
            if any(_misspelled(hedged[0], w.text) for w in words):
                del counts[hedged]
    if not gone and not came:
        return None
    shown_old: list[Word] = []
    shown_new: list[Word] = []
    for hedged, phrase, figure in old:
        if not gone[hedged]:
            continue
        gone[hedged] -= 1
        shown_old.append(phrase)
        twin = next((h for h in came if came[h] and h[1] == hedged[1]), None)
        if twin is None:  # the figure kept without its hedge, as the new text writes it
            shown_new.append(_written(pool.new_words, context.new, hedged[1], figures, figure))
            continue
        came[twin] -= 1
        shown_new.append(next(p for h, p, _ in new if h == twin))
    for hedged, phrase, figure in new:
        if came[hedged]:
            came[hedged] -= 1
            shown_old.append(_written(pool.old_words, context.old, hedged[1], figures, figure))
            shown_new.append(phrase)
    return make_flag("number", pool, shown_old, shown_new)


def carried_hedge_flag(
    pool: Pooled, context: Context, figures: Figures, carried: tuple[Counter[str], Counter[str]]
) -> Flag | None:
    """A ``number`` flag when a figure carried between this block and a sentence cut or
    put in next door lost its hedge on the way ("More than 150 others are injured." cut,
    "and 150 others injured" put into the lead); ``carried``: the figure keys carried
    out of the block and into it. (A hedge gained on the way is ``hedge_flag``'s.)"""
    shown_old: list[Word] = []
    shown_new: list[Word] = []
    out_keys, in_keys = carried
    sides = (
        (in_keys, pool.old_near, True, pool.new_words, (context.old, context.new)),
        (out_keys, pool.new_near, False, pool.old_words, (context.new, context.old)),
    )
    for keys, near, near_is_old, words, (near_text, here_text) in sides:
        if not keys:
            continue
        theirs = [h for h in _near_hedged(near, near_text, near_is_old, figures) if h[0][1] in keys]
        if not theirs:
            continue
        here = counted(h for h, _, _ in _hedged(pool.changes, here_text, not near_is_old, figures))
        for hedged, phrase, figure in theirs:
            if here[hedged]:
                here[hedged] -= 1
                continue
            written = _written(words, here_text, hedged[1], figures, figure)
            if written is figure:
                continue  # (the figure not among this block's changed words)
            phrase = phrase._replace(change=written.change)
            (shown_old if near_is_old else shown_new).append(phrase)
            (shown_new if near_is_old else shown_old).append(written)
    if not shown_old and not shown_new:
        return None
    return make_flag("number", pool, shown_old, shown_new)


def _near_hedged(
    spans: tuple[Span, ...], text: str, old: bool, figures: Figures
) -> list[tuple[Hedged, Word, Word]]:
    """The hedges of the sentences ``spans`` next to a block (``_hedged``, the
    sentences read whole)."""
    if not spans:
        return []
    whole = [Change(-1, spans if old else (), () if old else spans, (), ())]
    return list(_hedged(whole, text, old, figures))


def _once(hedges: list[tuple[Hedged, Word, Word]]) -> list[tuple[Hedged, Word, Word]]:
    """Each hedge of a figure once: one hedged before and after it alike ("적어도 57명
    이상", "at least 57 or more") is hedged once."""
    seen: set[tuple[Hedged, int]] = set()
    out = []
    for h in hedges:
        if (h[0], h[2].start) not in seen:
            seen.add((h[0], h[2].start))
            out.append(h)
    return out


def _signed(pool: Pooled, context: Context) -> bool:
    """Whether a sign that hedges (``~10 000``) stands just before a changed word."""
    if not any(sign in pool.old_text or sign in pool.new_text for sign in ("~", "\u2248")):
        return False  # (most blocks)
    return any(
        text[max(0, w.start - 2) : w.start].strip()[-1:] in ("~", "\u2248")
        for words, text in ((pool.old_words, context.old), (pool.new_words, context.new))
        for w in words
    )


def _hedge() -> re.Pattern[str]:
    """``_HEDGE_PATTERN`` compiled when a check first needs it (a few milliseconds of
    every start otherwise: it holds the hedges of nine languages)."""
    return compiled(_HEDGE_PATTERN)


def with_hedge(word: Word, text: str, changed: list[tuple[int, int]]) -> Word:
    """``word`` (a figure) with the hedge written just before it when a change touches
    the hedge: a changed figure is shown as it is claimed (``"105" -> "more than
    100"``, not ``"100"``); a hedge both sides keep is not repeated (``"20" -> "27"``
    for ``some 20`` -> ``some 27``). ``changed``: the changed spans of that side."""
    lo = max(0, word.start - _REACH - 2)
    # A hedge found ends at the figure and starts from ``lo``: a change touching it
    # starts before the figure and ends after ``lo`` (the figures changed alone, most,
    # have none: the expression of nine languages' hedges is not run)
    if not any(s < word.start and lo < e for s, e in changed):
        return word
    for m in _hedge().finditer(text, lo, word.start):
        if m.end() == word.start and any(s < m.end(1) and m.start() < e for s, e in changed):
            return Word(text[m.start() : word.end], m.start(), word.end, word.change)
    return word


def _han_hedged(
    text: str,
    start: int,
    end: int,
    index: int,
    figures: Figures,
    seen: set[int],
    figures_seen: set[int],
) -> Iterator[tuple[Hedged, Word, Word]]:
    """The Chinese hedges a change from ``start`` to ``end`` touches (``至少57``,
    ``300多``), as ``_hedged`` gives them."""
    lo, hi = max(0, start - _REACH), min(len(text), end + _REACH)
    for after, classes in ((False, _HAN_CLASSES), (True, _HAN_AFTER)):
        for m in compiled(_HAN_HEDGE_AFTER if after else _HAN_HEDGE).finditer(text, lo, hi):
            if m.start() in seen or m.end() <= start or m.start() >= end:
                continue
            before = m.start() - (1 if after and text[m.start() - 1] in _COUNTERS else 0)
            run = (
                compiled(_NUMERALS_BEFORE).search(text, max(0, before - 24), before)
                if after
                else compiled(_NUMERALS).match(text, m.end())
            )
            if run is None:
                continue
            figure = Word(run.group(), run.start(), run.end(), index)
            keys = figures(figure, text)
            if not keys:
                continue
            seen.add(m.start())
            figures_seen.add(figure.start)
            lo_shown, hi_shown = min(m.start(), run.start()), max(m.end(), run.end())
            shown = Word(text[lo_shown:hi_shown], lo_shown, hi_shown, index)
            yield (classes[m.group(1)], keys[0][0]), shown, figure


def _written(words: tuple[Word, ...], text: str, key: str, figures: Figures, other: Word) -> Word:
    """The changed word of ``words`` that is the figure ``key`` ("1" for "one"), else
    the other side's ``other``."""
    return next((w for w in words if any(k == key for k, _ in figures(w, text))), other)


def _misspelled(hedge: str, word: str) -> bool:
    """Whether ``word`` may be a one-word hedge of class ``hedge`` misspelled: not one
    itself, five letters or more, at most two letters' edits from such a hedge."""
    folded = word.casefold()
    if folded in _CLASSES or not folded.isalpha() or len(folded) < 5:
        return False
    return any(
        _CLASSES[h] == hedge and len(h) >= 5 and within_edits(folded, h, 2) for h in _ONE_WORD
    )


def _hedged(
    changes: Sequence[Change], text: str, old: bool, figures: Figures
) -> Iterator[tuple[Hedged, Word, Word]]:
    """The hedges a change of one side touches, each with the figure it qualifies:
    ``(class, figure key)``, the hedge with its figure and the figure alone (words
    numbered with the change, to show)."""
    seen: set[int] = set()
    figures_seen: set[int] = set()
    for index, change in enumerate(changes):
        for start, end in change.old if old else change.new:
            for m in _hedge().finditer(text, max(0, start - _REACH), min(len(text), end + _REACH)):
                if m.start() in seen or m.end(1) <= start or m.start() >= end:
                    continue
                found = WORD.match(text, m.end())
                if found is not None and found.group().casefold() in ("a", "an"):
                    after = _ARTICLE_GAP.match(text, found.end())  # "more than a dozen"
                    found = WORD.match(text, after.end()) if after else None
                if found is None:
                    continue
                figure_at = (found.start(), found.end())
                spaced = _SPACED_TIME.match(text, found.end())  # "4 :30", read as "4:30"
                if spaced is not None:
                    figure_at = (found.start(), spaced.end())
                written = found.group() + (":" + spaced.group(1) if spaced else "")
                keys = figures(Word(written, *figure_at, index), text)
                if not keys:
                    continue
                seen.add(m.start())
                key, figure = keys[0]  # (the figure whole: "34 000")
                figures_seen.add(figure.start)
                hedged = (_CLASSES[" ".join(m.group(1).casefold().split())], key)
                scale = compiled(_SCALE).match(text, figure.end)
                stop = scale.end() if scale else figure.end
                at = m.end(1)
                while text[at].isspace():
                    at += 1
                shown = Word(text[at:stop], at, stop, index)  # "$3 million"
                yield hedged, Word(text[m.start() : stop], m.start(), stop, index), shown
            lo = max(0, start - _REACH)
            for m in compiled(_HEDGE_AFTER).finditer(text, lo, min(len(text), end + _REACH)):
                if m.start(2) in seen or m.end() <= start or m.start(2) >= end:
                    continue
                figure = Word(m.group(1), m.start(1), m.end(1), index)
                keys = figures(figure, text)
                if not keys:
                    continue
                seen.add(m.start(2))
                figures_seen.add(figure.start)
                hedged = (_AFTER[" ".join(m.group(2).casefold().split())], keys[0][0])
                yield hedged, Word(text[m.start() : m.end()], m.start(), m.end(), index), figure
            yield from _han_hedged(text, start, end, index, figures, seen, figures_seen)
    # A numeral that is itself approximate ("десяток", "une cinquantaine", "dozens"):
    # "about" that many ("десяток" -> "близько десяти" claims the same).
    side = ((k, w) for k, c in enumerate(changes) for w in (c.old_words if old else c.new_words))
    for index, word in side:
        word = word._replace(change=index)  # (numbered with its change, as the pool's)
        if word.start not in figures_seen and compiled(_APPROXIMATE).match(word.text):
            keys = figures(word, text)
            if keys:
                yield ("about", keys[0][0]), word, word
