"""Negations: the ``negation`` flag (see ``core.flags.detect``).

The number of negations of the changed words, on truly paired sentences only, not in
headings, and not when the negation went to a piece of sentence next door.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from core.engine.tokens import compiled
from core.flags.pooled import (
    Context,
    Flag,
    Pooled,
    Word,
    content_words,
    make_flag,
    neighbour,
    shared_content,
    span_words,
)

_NEGATIONS = frozenset(
    "not no nay never nor neither none nobody nothing nowhere cannot without".split()
)
# Other languages written in Latin letters. Negations no English text uses, always
# counted; the others only in a block whose text holds two of the language's
# commonest words (``_MARKERS``): ``sin``, ``sans``, ``ne`` (north-east) and ``sem``
# (a scanning electron microscope) are English words too. (``ne`` elided is ``n'``
# before a vowel: ``_is_negation``.)
_NEGATIONS |= frozenset(
    "aucun aucune jamais nicht kein keine keinen keinem keiner keines niemals nichts "
    "niemand weder jamás ningún ninguno ninguna nadie tampoco não nenhum nenhuma ninguém "
    "nessuno nessuna niente senza "
    # Swedish, Dutch, Polish: words no English text uses
    "inte aldrig ingen inga inget ingenting niet geen nooit niemand niets nigdy żaden "
    "żadna żadne nikt nie nic bez ohne".split()
)
_FOREIGN = {
    "fr": "ne pas rien sans",
    "es": "nunca nada sin",
    "pt": "nunca nada sem nem",
    "it": "non mai",
}
_MARKERS = {
    "fr": "le la les des est une du que qui dans pour sur avec au aux été",
    "es": "el la los las que del por con para una es en fue según",
    "pt": "o os as que do da dos das com para uma em foi pelo pela",
    "it": "il lo gli della che per con una è di del sono ha al nel alla dei delle",
}
_FOREIGN_WORDS = {lang: frozenset(words.split()) for lang, words in _FOREIGN.items()}
_GATED = frozenset(w for words in _FOREIGN.values() for w in words.split())
_MARKER_WORDS = {lang: frozenset(words.split()) for lang, words in _MARKERS.items()}
# Cyrillic (Russian, Ukrainian): no English word is spelled so, always counted. A
# part of a hyphenated word counts (``актор-не актор``).
_CYRILLIC = frozenset(
    "не нет ни никогда никто ничего ничто нигде без ні ані немає ніколи ніхто нічого ніде".split()
)
# ``не`` before these says "no less than", "no more than", "more than once" (a hedge
# on a figure: ``core.flags.hedges``), not a negation.
_NOT_NEGATED = frozenset("менее более меньше больше раз менше більше".split())
# Chinese: a character that negates, inside a word of Han characters (text without
# spaces), and the words holding one that negate nothing (``不同`` "different",
# ``不断`` "without pause", ``非常`` "very", ``未来`` "future", ``无论`` "whatever").
_HAN_NEGATIONS = frozenset("不没沒未无無非别別勿莫")
_HAN_NOT_NEGATING = (
    "不同 不断 不斷 不过 不過 不少 不久 不仅 不僅 不但 不论 不論 不管 不如 不然 不料 "
    "非常 未来 未來 无论 無論 莫斯科 别人 別人 别的 別的 特别 特別 区别 區別 分别 分別 "
    "无数 無數 非洲 非法 莫大 告别 告別 送别 送別 道别 道別 离别 離別 级别 級別 类别 類別 "
    "性别 性別 个别 個別 识别 識別 辨别 辨別 差别 差別 鉴别 鑒別 别墅 別墅 不利益".split()
)
_HAN_NOT_NEGATING_RE = "|".join(sorted(_HAN_NOT_NEGATING, key=len, reverse=True))
# A transliterated name's parts are joined by these (``利沃娃-别洛娃``): no negation there.
_NAME_JOINS = frozenset("-\u00b7\u30fb\u2027\u2010")
_HAN_REACH = max(map(len, _HAN_NOT_NEGATING)) - 1
_WORDS = re.compile(r"\w+")


MIN_SHARED_NEGATION = 0.51


CUT_SHARE = 0.7


def _is_negation(word: str, languages: frozenset[str], sides: _Words) -> bool:
    """A negation, or a word that negates by itself (``lack``, ``non-existent``), so that
    ``doesn't exist`` -> ``is non-existent`` keeps one each. ``languages``: the other
    languages the block reads as (``_languages``); ``sides``: the words of this side
    and the other's. ``non-fatal`` negates against a ``fatal`` there that this side
    has nowhere else (``non-life threatening`` -> ``life-threatening``); a compound
    added or cut whole (``non-aligned``, ``non-tariff barriers``, ``non-religious``
    beside ``religious``) is a term, not a negation."""
    folded = word.casefold().replace("\u2019", "'")
    if folded == "no" and "pt" in languages and "es" not in languages:
        return False  # Portuguese "no" is "in the" (em + o)
    if folded in _NEGATIONS or folded.endswith("n't"):
        return True
    if any(folded in _FOREIGN_WORDS[lang] for lang in languages):
        return True
    if folded.startswith("non"):
        rest = folded[3:]
        term = rest[1:].split("-")[0] if rest[:1] == "-" else ""
        if rest.lstrip("-") in _NON:
            return True
        other = sides.other() if term else frozenset()
        return (
            term in other
            and "non" + term not in other
            and len(re.findall(rf"\b{re.escape(term)}\b", sides.mine_text())) <= 1
        )
    if folded.startswith("n'") and folded[2:3].isalpha():
        return "fr" in languages  # n'annonce (pas)
    if folded.startswith("lack"):
        return True
    base = _prefixed_base(folded)
    return (
        base is not None
        and base in sides.other()
        and folded not in sides.other()
        and re.search(rf"\b{re.escape(base)}\b", sides.mine_text()) is None
    )


# Prefixes that negate the word they open ("unsafe", "inaccurate", "disagreed"), and
# what the word after them must be: anything after "un-"; a listed word after "dis-"
# ("discover", "dispatch" negate nothing); an adjective's ending after "in-" and its
# forms ("inform", "income", "instead" are no negations). The word left is
# ``_MIN_BASE`` letters or more.
_DIS_BASES = frozenset(
    "agree agreed agrees approve approved approves honest like liked likes loyal obey "
    "obeyed obeys continue continued allow allowed allows qualify qualified prove proved "
    "proves trust trusted connect connected similar satisfied respect respected believe "
    "believed order".split()
)
_ADJECTIVE_ENDINGS = (
    "able",
    "ible",
    "ent",
    "ant",
    "ate",
    "ive",
    "al",
    "ect",
    "ure",
    "ete",
    "ar",
    "ite",
)
_PREFIXES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("un", lambda base: True),
    ("dis", _DIS_BASES.__contains__),
    *(
        (prefix, lambda base: base.endswith(_ADJECTIVE_ENDINGS))
        for prefix in ("in", "im", "il", "ir")
    ),
)
_MIN_BASE = 4
# Words that only look negated by their prefix.
_NOT_NEGATED_BY_PREFIX = frozenset(
    "unless unravel unloose unthaw invaluable inflammable infamous indifferent indent "
    "intent invent instant inhabitable immediate".split()
)


def _prefixed_base(folded: str) -> str | None:
    """The word ``folded`` negates by its prefix (``unsafe``: ``safe``), or None."""
    if folded in _NOT_NEGATED_BY_PREFIX:
        return None
    for prefix, negates in _PREFIXES:
        if folded.startswith(prefix):
            base = folded[len(prefix) :]
            ok = len(base) >= _MIN_BASE and base.isalpha() and negates(base)
            return base if ok else None
    return None


def _languages(text: str) -> frozenset[str]:
    """The other Latin-script languages ``text`` reads as: two or more of a language's
    commonest words (``_MARKERS``)."""
    words = set(_WORDS.findall(text.casefold()))
    return frozenset(lang for lang, markers in _MARKER_WORDS.items() if len(markers & words) >= 2)


def _negations(
    words: tuple[Word, ...],
    text: str,
    languages: frozenset[str],
    sides: tuple[str, str] = ("", ""),
) -> list[Word]:
    """The negations among ``words`` (of ``text``), against the ``other`` side's text:
    a word that negates; in a word of Han characters, each character that negates
    outside the words that do not; in Cyrillic, ``не`` and the like, unless the other
    side writes it joined to its word (``не багато`` / ``небагато``, ``не був
    доступним`` / ``недоступним``: a spelling, not a negation). ``sides``: this side's
    text and the other's (none: nothing is compared)."""
    found: list[Word] = []
    words_of = _Words(sides)
    joined: bool | None = None  # (the other side joins a "не" to a word: asked once)
    for w in words:
        if not _KANA_NEGATION_CHARS.isdisjoint(w.text) and _has_kana(w.text):
            found.extend(_kana_negations(w, text))
        elif not _HAN_NEGATIONS.isdisjoint(w.text):
            found.extend(
                Word(c, w.start + k, w.start + k + 1, w.change)
                for k, c in enumerate(w.text)
                if c in _HAN_NEGATIONS
                and not _in_plain_word(text, w.start + k)
                and text[w.start + k - 1 : w.start + k] not in _NAME_JOINS
            )
        elif w.text[:1] in _KOREAN_STARTS and _korean_negation(w.text):
            found.append(w)
        elif not w.text.isascii() and "-" in w.text:
            found.extend(w for part in w.text.casefold().split("-") if part in _CYRILLIC)
        elif w.text.casefold() in _CYRILLIC:
            if joined is None:
                joined = _joined(words_of.mine(), words_of.other())
            if not _hedging(w, text) and not joined:
                found.append(w)
        elif _is_negation(w.text, languages, words_of) and not _number_sign(w, text):
            found.append(w)
    return found


class _Words:
    """The folded words of a block's two sides, found when first asked for (most
    blocks never ask)."""

    def __init__(self, sides: tuple[str, str]) -> None:
        self.sides = sides
        self._found: list[frozenset[str] | None] = [None, None]

    def mine(self) -> frozenset[str]:
        return self._words(0)

    def other(self) -> frozenset[str]:
        return self._words(1)

    def mine_text(self) -> str:
        return self.sides[0].casefold()

    def _words(self, side: int) -> frozenset[str]:
        found = self._found[side]
        if found is None:
            found = self._found[side] = frozenset(_WORDS.findall(self.sides[side].casefold()))
        return found


_ANY_NEGATION = _NEGATIONS | _CYRILLIC | _GATED
_PREFIX_STARTS = tuple(prefix for prefix, _ in _PREFIXES)


def _may_negate(word: Word) -> bool:
    """Whether ``word`` may be a negation or hold one (a quick look before the count)."""
    folded = word.text.casefold()
    return (
        folded in _ANY_NEGATION
        or folded.startswith(("lack", "non", "n'", "n\u2019"))
        or (len(folded) > 5 and folded.startswith(_PREFIX_STARTS))
        or folded.endswith(("n't", "n\u2019t"))
        or (
            not folded.isascii()
            and (
                folded[:1] in _KOREAN_STARTS
                or "-" in folded
                or not _HAN_NEGATIONS.isdisjoint(folded)
                or not _KANA_NEGATION_CHARS.isdisjoint(folded)
            )
        )
    )


def _joined(mine: frozenset[str], other_words: frozenset[str]) -> bool:
    """Whether the other side joins a ``не`` to a word this side has (``небагато``)."""
    return any(
        len(word) > 4 and word[:2] in ("не", "ні") and word[2:] in mine and word not in _CYRILLIC
        for word in other_words
    )


# Korean: the auxiliary "않" (올리지 않겠다), "못" (can not: 못했다), "없" (there is none:
# 없었다), "아니" (is not), and "안" alone before a verb (안 올렸다; "안에", "inside", is
# one word with its particle).
_KOREAN_STARTS = frozenset("않못없아안")


def _korean_negation(word: str) -> bool:
    """Whether a Korean ``word`` negates (see ``_KOREAN_STARTS``)."""
    if word == "안":
        return True
    return word.startswith(("않", "못", "없", "아니"))


# Japanese: a verb or adjective negated by its ending (決定しなかった, 報告はない, できません),
# not in the words that end so and negate nothing (少ない "few", 危ない "dangerous").
_KANA_NEGATION = "ない|なかっ|なく|ません|ぬ"
_KANA_NOT_NEGATING = "少|危|汚|幼|切|違い|間も|仕方|勿体|もったい|つまら|くだら"
_KANA_NEGATION_CHARS = frozenset("なませぬ")
_KANA_REACH = 4


def _has_kana(word: str) -> bool:
    return any("\u3040" <= c <= "\u30ff" for c in word)


def _kana_negations(word: Word, text: str) -> list[Word]:
    """The Japanese negating endings a changed ``word`` holds or touches."""
    lo = max(0, word.start - _KANA_REACH)
    found = []
    for m in compiled(_KANA_NEGATION).finditer(text, lo, word.end + _KANA_REACH):
        if m.end() <= word.start or m.start() >= word.end:
            continue
        if compiled(f"(?:{_KANA_NOT_NEGATING})$").search(text, max(0, m.start() - 4), m.start()):
            continue
        found.append(Word(m.group(), m.start(), m.end(), word.change))
    return found


def _in_plain_word(text: str, pos: int) -> bool:
    """Whether the character at ``pos`` stands in one of ``_HAN_NOT_NEGATING`` (which
    may run past the changed characters: ``相同`` -> ``不同`` changed ``不`` alone)."""
    lo = max(0, pos - _HAN_REACH)
    return any(
        m.start() <= pos < m.end()
        for m in compiled(_HAN_NOT_NEGATING_RE).finditer(text, lo, pos + _HAN_REACH + 1)
    )


def _hedging(word: Word, text: str) -> bool:
    """``не менее`` ("no less than") and the like."""
    after = re.match(r"\s+(\w+)", text[word.end : word.end + 16])
    return after is not None and after.group(1).casefold() in _NOT_NEGATED


_NON = frozenset("existent existant essential trivial violent profit".split())


def check_negation(pool: Pooled, context: Context) -> Flag | None:
    if not any(map(_may_negate, pool.old_words)) and not any(map(_may_negate, pool.new_words)):
        return None  # (most blocks)
    changed = {w.text.casefold() for w in (*pool.old_words, *pool.new_words)}
    languages = (
        frozenset()
        # (most blocks: no word another language reads otherwise)
        if _GATED.isdisjoint(changed)
        and "no" not in changed
        and not any(w.startswith(("n'", "n\u2019")) for w in changed)
        else _languages(pool.old_text + "\n" + pool.new_text)
    )
    old = _negations(pool.old_words, context.old, languages, (pool.old_text, pool.new_text))
    new = _negations(pool.new_words, context.new, languages, (pool.new_text, pool.old_text))
    if len(old) == len(new):
        return None
    if (
        pool.shared < MIN_SHARED_NEGATION
        and not _split_off(pool, context)
        and not _joined_near(pool, context)
    ):
        return None  # not truly paired
    old_names, new_names = context.names
    if old_names.in_heading(pool.old_span[0]) or new_names.in_heading(pool.new_span[0]):
        return None  # a heading (``NO WARRANTY`` -> ``Disclaimer of Warranty``)
    lacking, other = (
        (pool.new_text, pool.old_text) if len(old) > len(new) else (pool.old_text, pool.new_text)
    )
    if lacking.rstrip().endswith(":") and len(lacking) < CUT_SHARE * len(other):
        return None  # cut short before a list: the negation went to the next sentences
    if len(old) > len(new):
        near, near_text = span_words(context.new, pool.new_near), context.new
        surplus, text = _surplus(old, new), context.old
    else:
        near, near_text = span_words(context.old, pool.old_near), context.old
        surplus, text = _surplus(new, old), context.new
    there = _negations(tuple(near), near_text, languages)
    if there and _same_negated((there, near_text), (surplus, text)):
        return None  # the sentences are cut otherwise: the negation stands in a neighbour
    if len(old) > len(new):  # name only the negations that went
        return make_flag("negation", pool, surplus, [])
    return make_flag("negation", pool, [], surplus)


def _same_negated(there: tuple[list[Word], str], here: tuple[list[Word], str]) -> bool:
    """Whether a negation of a neighbour's (``there``) negates what one of ``here``
    does: the same word after it (``would not appeal`` in the sentence split off; not
    ``have no other 'make'`` cut next to ``and no bugs have been fixed``), or a
    negation with no word after it."""
    after_there = {neighbour(there[1], w.end, 1) for w in there[0]}
    return "" in after_there or any(neighbour(here[1], w.end, 1) in after_there for w in here[0])


def _split_off(pool: Pooled, context: Context) -> bool:
    """Whether the pool holds the end of a sentence of one side (its rest is in the
    block before) against a whole sentence of the other, split off from it, whose
    content words nearly all stand in that whole sentence (``... his conduct and would
    not appeal.`` -> ``... his conduct. He said his client would appeal.``: the piece
    alone shares too little with it to pass as its twin)."""
    if bool(pool.old_rest) == bool(pool.new_rest):
        return False
    if pool.old_rest:
        piece, text, rest, whole = pool.old_text, context.old, pool.old_rest, pool.new_text
    else:
        piece, text, rest, whole = pool.new_text, context.new, pool.new_rest, pool.old_text
    if rest[0][1] > (pool.old_span if pool.old_rest else pool.new_span)[0]:
        return False  # (the rest runs on after the piece: not the end of its sentence)
    sentence = content_words(" ".join(text[a:b] for a, b in rest) + " " + piece)
    split = content_words(whole)
    return len(split) >= SPLIT_WORDS and len(sentence & split) >= SPLIT_SHARE * len(split)


def _joined_near(pool: Pooled, context: Context) -> bool:
    """Whether the pool's sentences, each with the sentences cut next to it that hold
    what the other side changed (``old_near``, ``new_near``), share what a pair does:
    two sentences joined in one (``... the 4.3 release of GNU Make. In addition, there
    have been bugs fixed.`` -> ``... GNU Make 4.4, and no bugs have been fixed.``), whose
    halves alone share too little with the whole."""
    if not pool.old_near and not pool.new_near:
        return False
    old = " ".join((pool.old_text, *(context.old[a:b] for a, b in pool.old_near)))
    new = " ".join((pool.new_text, *(context.new[a:b] for a, b in pool.new_near)))
    return shared_content(old, new) >= MIN_SHARED_NEGATION


SPLIT_WORDS = 3
SPLIT_SHARE = 0.75


def _number_sign(word: Word, text: str) -> bool:
    """``no.`` abbreviating number (``patent no. 395782``), and ``No`` before a number
    (``world No 5``, ``No 10 Downing Street``)."""
    if word.text.casefold() != "no":
        return False
    after = text[word.end : word.end + 4]
    return bool(re.match(r"\.\s*\d", after) or (word.text == "No" and re.match(r" \d", after)))


def _surplus(more: list[Word], fewer: list[Word]) -> list[Word]:
    left = Counter(w.text.casefold() for w in fewer)
    out = []
    for word in more:
        if left[word.text.casefold()]:
            left[word.text.casefold()] -= 1
        else:
            out.append(word)
    return out
