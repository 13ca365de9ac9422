"""Figures: the ``number`` flag (see ``core.flags.detect``).

The figures of each side's changed words (``core.flags.figure_words``) compared as
multisets of keys, and by value over the whole sentences before a flag is raised;
a figure carried into a changed sentence next door, a dated dateline added or cut
whole, a weekday beside its date are no change. A hedge on an unchanged figure
(``core.flags.hedges``) and a changed unit (``core.flags.units``) flag as figures.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from core.engine.lcs import word_similarity
from core.flags.figure_words import DECADES, NUMBER_WORDS, figures_of, same_values
from core.flags.hedges import carried_hedge_flag, hedge_flag, with_hedge
from core.flags.pooled import (
    WORD,
    Context,
    Flag,
    Pooled,
    Word,
    content_words,
    either_merged,
    in_dateline,
    make_flag,
    merged_flags,
    neighbour,
)
from core.flags.same_figures import (
    converted,
    same_clock,
    same_if_dotted,
    same_if_spaced,
    scale_converted,
    turned,
    turned_score,
)
from core.flags.tallies import (
    common,
    copied,
    counted,
    fresh,
    keep_positive,
    less,
    positive,
    same,
    take_away,
)
from core.flags.units import check_unit
from core.model import Span

_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


_ONE_FORMS = dict.fromkeys(
    "one один одна одне одного одному одну однієї одним одній одной".split(), "1"
)

_ARTICLES = frozenset({"a", "an"})


def _one_for(figures: list[tuple[str, Word]], other: tuple[Word, ...]) -> bool:
    """Whether a "1" of ``figures`` stands as "one" in the ``other`` side's changed
    words, or is the word "one" where ``other`` has "a" or "an"."""
    if any(_ONE_FORMS.get(w.text.casefold()) for w in other):
        return True
    spelled = any(k == "1" and w.text.casefold() in _ONE_FORMS for k, w in figures)
    return spelled and any(w.text.casefold() in _ARTICLES for w in other)


def _another(word: Word, text: str, other: tuple[Word, ...]) -> bool:
    """Whether ``word`` (of ``text``) is an ordinal after "a" or "an" (``a second
    problem area``) where the other side's changed words say "another" instead."""
    return (
        word.text.casefold() in _ANOTHER_ORDINALS
        and any(w.text.casefold() == "another" for w in other)
        and neighbour(text, word.start, -1) in _ARTICLES
    )


_ANOTHER_ORDINALS = frozenset("second third fourth".split())


def _typo_fixed(word: Word, other: tuple[Word, ...]) -> bool:
    """Whether the number word ``word`` stands where the other side cut (or put in), in
    the same change, a word spelled nearly as it is and no number word: a typo fixed
    ("ninteenth" -> "nineteenth")."""
    folded = word.text.casefold()
    if not folded.isalpha() or len(folded) < _TYPO_LENGTH:
        return False
    return any(
        w.change == word.change
        and w.text.isalpha()
        and w.text.casefold() not in NUMBER_WORDS
        and word_similarity(w.text.casefold(), folded) >= _TYPO_SIMILARITY
        for w in other
    )


_TYPO_LENGTH = 5
# One letter wrong in five, and no more ("the" is no "three" misspelt).
_TYPO_SIMILARITY = 0.8


def _near_figures(text: str, spans: tuple[Span, ...]) -> Counter[str]:
    """The figures of the sentences ``spans`` of ``text`` (``figures_of``)."""
    words = (Word(m.group(), *m.span(), 0) for s, e in spans for m in WORD.finditer(text, s, e))
    return counted(k for w in words for k, _ in figures_of(w, text))


def _same_decade(
    gone: Counter[str], came: Counter[str], old: list[tuple[str, Word]], new: list[tuple[str, Word]]
) -> None:
    """Take out of ``gone`` and ``came`` a decade spelled out on one side ("the
    nineties", key "90") and written with its century on the other ("the 1990s")."""
    for one, other, found, found_other in ((gone, came, old, new), (came, gone, new, old)):
        for key, word in found:
            if word.text.casefold() not in DECADES or not one[key]:
                continue
            for other_key, other_word in found_other:
                if other[other_key] and re.fullmatch(rf"\d\d{key}s", other_word.text):
                    one[key] -= 1
                    other[other_key] -= 1
                    break
    keep_positive(gone)  # (drops the counts taken to nothing)
    keep_positive(came)


def _carried_next_door(
    gone: Counter[str], came: Counter[str], pool: Pooled, where: tuple[Context, bool]
) -> tuple[Counter[str], Counter[str]]:
    """``gone`` and ``came`` less a figure carried between this block and a changed
    block next to it: cut with the word after it from one whose change puts in no
    figure, put in by the other ("On Thursday, four men were arrested ... . The men
    were ... made to pay $5000 bail." -> "Four photographers were made to pay $500 bail
    each ... . They had been arrested on Thursday ..."). Two figures that swapped places
    ("Four were hurt. Two died." -> "Two were hurt. Four died.") put one in where each
    is cut, and a figure cut from before its word, which stays ("39 migrantes mueren"
    -> "mueren migrantes", "39 de ellos venezolanos" put in next door), counts
    something else where it is put in: no carry."""
    # (asked in the cheap order: most blocks with a figure changed put one in where
    # they cut one, and look next door no further)
    context, puts = where  # (``puts``: whether this block's changes put in a figure)
    more_put = sum(came.values()) > sum(gone.values())
    if puts and not more_put:
        return gone, came
    gone, came = copied(gone), copied(came)
    whole_here = _whole_figures(pool.old_words, context.old) if not puts else fresh()
    for cut, put in pool.beside:
        put_keys = counted(k for w in put for k, _ in figures_of(w, context.new))
        if not puts:
            # cut here, where nothing is put in, and put in next door
            take_away(gone, common(put_keys, whole_here))
        if not put_keys and sum(came.values()) > sum(gone.values()):
            # cut next door, where nothing is put in, and put in here beside the
            # figures this block replaced ("21 octobre" -> "22 octobre" beside "le 22"
            # cut next door is a date changed, not a day carried)
            take_away(came, _whole_figures(cut, context.old))
    return positive(gone), positive(came)


def _whole_figures(cut: tuple[Word, ...], text: str) -> Counter[str]:
    """The figures of the words ``cut`` less those cut from before a content word that
    stays ("39" of "39 migrantes mueren" -> "mueren migrantes": the migrants are still
    there, uncounted; "seven" of "kills seven Israeli civilians"): a figure that
    carries its word ("34-Jährige"), ends its sentence ("le 22."), stands before a
    short or function word ("le 22 au palais"), a date's month, or went with its word
    is whole."""
    starts = {w.start for w in cut}
    out: Counter[str] = fresh()
    for word in cut:
        keys = [k for k, _ in figures_of(word, text)]
        if not keys:
            continue
        after = _NEXT_WORD.match(text, word.end)
        plain = word.text.isdigit() or word.text.casefold() in NUMBER_WORDS
        if (
            plain
            and after is not None
            and after.start(1) not in starts
            and len(after.group(1)) >= _CONTENT_LETTERS
            and content_words(after.group(1))
            and not figures_of(Word(after.group(1), after.start(1), after.end(1), 0), text)
        ):
            continue  # (stripped from its word, which stays)
        out.update(keys)
    return out


# The word after a figure in its sentence (none past a stop or a line's end), and
# the letters it needs to count as the figure's own word ("au", "de", "the" do not).
_NEXT_WORD = re.compile(r"[^\w.!?\n]*(\w+)")
_CONTENT_LETTERS = 4


def _same_setting(old: tuple[Word, str], new: tuple[Word, str]) -> bool:
    """Whether two figures stand between the same words: the word after them, or the
    word before them ("32,000 tourists" -> "23,000 tourists")."""
    (o, old_text), (n, new_text) = old, new
    after = neighbour(old_text, o.end, 1)
    before = neighbour(old_text, o.start, -1)
    return bool(after and after == neighbour(new_text, n.end, 1)) or bool(
        before and before == neighbour(new_text, n.start, -1)
    )


def _became(spans: tuple[Span, ...], text: str, known: set[str], change: int) -> list[Word]:
    """The figures of the sentences ``spans`` of ``text`` that are none of ``known``
    (with their hedges), as words of the change ``change``."""
    out: list[Word] = []
    for s, e in spans:
        for m in WORD.finditer(text, s, e):
            for key, word in figures_of(Word(m.group(), *m.span(), change), text):
                if key not in known:
                    shown = with_hedge(word, text, [(s, e)])
                    out.append(Word(shown.text, shown.start, shown.end, change))
    return out


def check_number(pool: Pooled, context: Context) -> Flag | None:
    """A figure changed, added or removed, its hedge, or its unit (``check_unit``)."""
    return either_merged(_figure_flag(pool, context), check_unit(pool, context))


def _figure_flag(pool: Pooled, context: Context) -> Flag | None:
    # (each figure once: two groups of "34 000" changed are one figure)
    old = list(dict.fromkeys(f for w in pool.old_words for f in figures_of(w, context.old)))
    new = list(dict.fromkeys(f for w in pool.new_words for f in figures_of(w, context.new)))
    put_in = bool(new)  # (whether its changes put in a figure: ``_carried_next_door``)
    old, new = _dateline_dropped(
        (old, context.old, pool.old_span[0]), (new, context.new, pool.new_span[0])
    )
    if not old and not new:
        return hedge_flag(pool, context, figures_of)  # no figure changed: a hedge?
    old_keys, new_keys = counted(k for k, _ in old), counted(k for k, _ in new)
    swapped = turned(old, new)
    if swapped is None and same(old_keys, new_keys):
        swapped = turned_score(pool, context)
    if swapped is not None:
        flag = make_flag("number", pool, *swapped)
        shown = [", ".join(w.text for w in words) for words in swapped]
        return replace(flag, explanation=f'"{shown[0]}" \u2192 "{shown[1]}"')
    if same(old_keys, new_keys) or same_values(pool.old_text, pool.new_text):
        # the same figures, perhaps spelled otherwise (thirty and two, 32): perhaps
        # hedged otherwise ("at least nine" -> "nine")
        return hedge_flag(pool, context, figures_of)
    gone, came = less(old_keys, new_keys), less(new_keys, old_keys)
    # "1" against "one" (a word that is a figure only sometimes), the word "one"
    # against "a" or "an": the same figure.
    if gone["1"] and _one_for(old, pool.new_words):
        gone["1"] -= 1
    if came["1"] and _one_for(new, pool.old_words):
        came["1"] -= 1
    # "a second" where the other side has "another" says another; a number word put in
    # for a word spelled nearly so fixes a typo ("ninteenth" -> "nineteenth").
    for one, found, text, against in (
        (gone, old, context.old, pool.new_words),
        (came, new, context.new, pool.old_words),
    ):
        for key, word in found:
            if one[key] and (_another(word, text, against) or _typo_fixed(word, against)):
                one[key] -= 1
    # A lone "一" before a measure word cut or put in with no other figure changed is
    # the article "a" (是一种 "is a kind of" -> 是), not the figure 1.
    for one, other, found in ((gone, came, old), (came, gone, new)):
        if one["1"] and not positive(other):
            one["1"] -= min(one["1"], sum(1 for k, w in found if k == "1" and w.text == "一"))
    gone, came = positive(gone), positive(came)
    same_if_dotted(gone, came)
    same_if_spaced(gone, came)
    same_clock(gone, came, (old, context.old), (new, context.new))
    _same_decade(gone, came, old, new)
    sides = (
        (gone, old, context.old, pool.new_text, came),
        (came, new, context.new, pool.old_text, gone),
    )
    for one, found, text, twin, counter in sides:
        for key, word in found:
            if key in _WEEKDAYS and one[key] and _WEEKDAYS.isdisjoint(counter):
                # "Tuesday 5 March" -> "March 5": the date says the day; "said on
                # Sunday" cut or put in tells when, and changes nothing said (a weekday
                # changed, "Wednesday" -> "Thursday, September 28", still counts)
                one[key] -= 1
            elif one[key] and (converted(word, text, twin) or scale_converted(word, text, twin)):
                one[key] -= 1  # "47 kilometres" -> "29 miles (47 km)": the same distance
    gone, came = positive(gone), positive(came)
    carried: tuple[Counter[str], Counter[str]] = (fresh(), fresh())
    if gone or came:
        # A figure carried into a sentence split off next door, or out of one joined
        # from there (``, which employs 4,000 people,`` -> ``It employs 4,000
        # people.``), is no change.
        near_new = _near_figures(context.new, pool.new_near)
        near_old = _near_figures(context.old, pool.old_near)
        carried = (common(gone, near_new), common(came, near_old))
        take_away(gone, near_new)
        take_away(came, near_old)
    if gone or came:
        gone, came = _carried_next_door(gone, came, pool, (context, put_in))
    if not gone and not came:
        hedged = hedge_flag(pool, context, figures_of)
        if not carried[0] and not carried[1]:
            return hedged
        # ... though the hedge it had may have stayed behind
        return either_merged(hedged, carried_hedge_flag(pool, context, figures_of, carried))
    changed_old = [s for _, s in pool.changed_spans(True)]
    changed_new = [s for _, s in pool.changed_spans(False)]
    shown_old = [with_hedge(w, context.old, changed_old) for w in _which(old, gone, new)]
    shown_new = [with_hedge(w, context.new, changed_new) for w in _which(new, came, old)]
    if shown_old and not shown_new and pool.new_near:
        # What the figure became in a sentence split off next door ("The tower attracts
        # up to 32,000 tourists daily and ..." -> "... . Up to 23,000 tourists visit
        # the tower daily."): shown beside it, in the change that cut it.
        became = _became(pool.new_near, context.new, set(old_keys), shown_old[0].change)
        if len(became) == len(shown_old) and all(
            _same_setting((o, context.old), (n, context.new))
            for o, n in zip(shown_old, became, strict=True)
        ):
            shown_new = became
    if not shown_new:
        shown_new = _model_became(shown_old, pool.new_words)  # "LZMA2" -> "LZMA"
    if not shown_old:
        shown_old = _model_became(shown_new, pool.old_words)
    flag = make_flag(
        "number",
        pool,
        shown_old or _pronoun_ones((pool.old_words, context.old), (shown_new, context.new)),
        shown_new or _pronoun_ones((pool.new_words, context.new), (shown_old, context.old)),
    )
    # A hedge cut or put in on a figure that stayed, beside one that changed ("At least
    # six ... and 81 injured" -> "Six ... and 85 injured"): both in the one flag.
    hedged = hedge_flag(pool, context, figures_of, frozenset((*gone, *came)))
    if hedged is None or hedged.explanation in flag.explanation:
        return flag
    return merged_flags(hedged, flag)


# A model's name and its number written as one word: "LZMA2", "MPEG4", "A380".
_MODEL = re.compile(r"([^\W\d_]+)-?\d+")


def _model_became(shown: list[Word], other: tuple[Word, ...]) -> list[Word]:
    """The words of ``other`` (the other side's changed words) that a model's name of
    ``shown`` became when its number was cut or put in: ``LZMA2`` -> ``LZMA``, the
    same letters in the same change, shown against it rather than as a figure
    removed."""
    out: list[Word] = []
    for word in shown:
        model = _MODEL.fullmatch(word.text)
        if model is None:
            continue
        letters = model.group(1).casefold()
        out.extend(w for w in other if w.change == word.change and w.text.casefold() == letters)
    return out


def _which(
    found: list[tuple[str, Word]], extra: Counter[str], other: list[tuple[str, Word]]
) -> list[Word]:
    """The words of ``found`` whose figures are ``extra`` on their side: of a figure
    written more often than the other side has it, those written otherwise there
    ("Millions of people ... the millions who died" -> "Millions of people ...": the
    second one)."""
    out = []
    for key, count in extra.items():
        words = [w for k, w in found if k == key]
        if len(words) > count:
            kept = {w.text for k, w in other if k == key}
            spare = len(words) - count
            dropped = [w for w in words if w.text in kept][:spare]
            words = [w for w in words if w not in dropped]
        out.extend(words)
    return sorted(out, key=lambda w: w.start)


def _dateline_dropped(
    old: tuple[list[tuple[str, Word]], str, int], new: tuple[list[tuple[str, Word]], str, int]
) -> tuple[list[tuple[str, Word]], list[tuple[str, Word]]]:
    """The figures of both sides but a dated dateline's that one version added or cut
    whole (``SAN FRANCISCO, Oct. 23 (Reuters) -`` opening wire copy: house style); a
    date put in or changed in a dateline both have is still a figure."""
    for old_side in (True, False):  # (not "mine is old": compiled, a tuple is a copy)
        mine, other = (old, new) if old_side else (new, old)
        dated = [f for f in mine[0] if in_dateline(mine[1], f[1].start)]
        if dated and not in_dateline(other[1], other[2]):
            kept = [f for f in mine[0] if f not in dated]
            return (kept, new[0]) if old_side else (old[0], kept)
    return old[0], new[0]


def _pronoun_ones(words: tuple[tuple[Word, ...], str], shown: tuple[list[Word], str]) -> list[Word]:
    """The word "one" (read as a pronoun: "One of the soldiers") that a figure of
    ``shown`` took the place of ("Two of the soldiers": the same change, the same word
    after it; not "one of the highest" against "the year 2000 when")."""
    after = {(w.change, neighbour(shown[1], w.end, 1)[:4]) for w in shown[0]}
    return [
        w
        for w in words[0]
        if w.text.casefold() in _ONE_FORMS
        and (w.change, neighbour(words[1], w.end, 1)[:4]) in after
    ]
