"""Figures: the ``number`` flag (see ``core.flags.detect``).

Digits, number words that are quantities (not ``one`` as a pronoun, not an ordinal
without a determiner), Ukrainian number words, percentages, money, weekdays and months;
compared as multisets of keys, and by value over the whole sentences (``threescore and
fourteen`` = ``seventy-four``) before a flag is raised. List markers, digits in URLs,
image sizes and HTML entities are no figures.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from core.engine.tokens import compiled
from core.flags.hedges import carried_hedge_flag, hedge_flag, with_hedge
from core.flags.numerals import (
    CJK_NUMERALS,
    GERMAN_ELF,
    JOINERS,
    MONTH_NUMBERS,
    SCALE_WORDS,
    SCALES_AFTER_A_NUMBER,
    WORD_VALUES,
    after_de,
    cjk_key,
    cjk_runs,
    cyrillic_number,
    other_language_number,
    word_value,
)
from core.flags.pooled import (
    APOSTROPHES,
    HYPHENS,
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
from core.flags.units import check_unit
from core.model import Span

_THOUSANDS = re.compile(r"(?<=\d)[, ](?=\d{3}(?!\d))")  # (also before a counter: "12,000명")
# A number written with spaces between groups of three digits ("34 000", "1 234 567",
# as French, Portuguese or Russian copy writes it; a no-break or thin space too).
_GROUP_SPACES = " \u00a0\u202f\u2009"
_SPACED = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?(?![\d])")
# Thousands set apart by points before a decimal comma ("1.234,5", as German writes it).
_DOTTED = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+(?![\d.,])")


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
# A decade of a life or a century spelled out: "in their twenties" = "in their 20s".
_DECADES = {
    word: str(10 * (k + 2))
    for k, word in enumerate(
        "twenties thirties forties fifties sixties seventies eighties nineties".split()
    )
}
_NUMBER_WORDS |= _DECADES.keys()


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
_PERCENT = re.compile(r"\s+(?:percent|per\s+cent)\b", re.IGNORECASE)


def _number_key(word: Word, text: str) -> str | None:
    if word.text in _WORLD_WARS and text[max(0, word.start - 10) : word.start] == "World War ":
        return _WORLD_WARS[word.text]  # "World War I" = "the First World War"
    folded = word.text.casefold()
    if folded.isalpha() and folded.isascii():  # a plain word (most): a figure if listed
        if (
            folded not in _LISTED_WORDS
            and folded not in WORD_VALUES
            and ("und" not in folded or word_value(folded) is None)  # (zweihundert)
            and not (folded == "elf" and GERMAN_ELF.match(text, word.end))
        ):
            return None
    elif not folded.isascii():
        folded = APOSTROPHES.sub("'", folded)
    if _DECIMAL.search(folded):
        if _not_a_figure(text, word.start):
            return None  # "3 - " or "2) " opening a line, or part of a URL
        if folded.isascii() and folded.isdigit():  # (most: plain digits, one group)
            key = folded
        else:
            groups = _digit_groups(folded)
            key = "".join(groups) if sum(map(len, groups)) >= LONG_NUMBER else "-".join(groups)
        if not key.isascii():  # full-width or other digits: "３" = "3"
            key = "".join(str(unicodedata.decimal(c, c)) for c in key)
        money = _MONEY.search(text, max(0, word.start - 2), min(len(text), word.end + 2))
        if money is None and _PERCENT.match(text, word.end):
            return key + "%"  # "5 percent" = "5 per cent" = "5%"
        return key + money.group().strip() if money else key
    if folded == "percent" and neighbour(text, word.start, -1)[:1].isdecimal():
        return None  # (its number holds it: "5 percent" is the figure "5%")
    if folded in _MONTHS and (
        re.match(r"\.?\s+\d", text[word.end : word.end + 4])
        or (
            (folded in _AFTER_A_DAY or word.text in _CAPITALISED_MONTHS)
            and re.search(r"\d\.?\s+$", text[max(0, word.start - 5) : word.start])
        )
        or _month_after(word.text, neighbour(text, word.start, -1))
    ):
        return _MONTHS[folded]  # "sept 1985" = "september 1985" = "10. September" (= "9")
    if (value := other_language_number(folded, text, word.start, word.end)) is not None:
        return value
    if (value := cyrillic_number(folded)) is not None:
        return value
    if folded not in _NUMBER_WORDS and not (
        HYPHENS.search(folded) and any(p in _NUMBER_WORDS for p in HYPHENS.split(folded))
    ):
        return None
    if folded == "two" and neighbour(text, word.start, -1) in ("they", "we", "ye", "which"):
        return None  # "they two went": the two of them
    if folded == "one":
        before, after = neighbour(text, word.start, -1), neighbour(text, word.end, 1)
        rest = text[word.end : word.end + 40]
        if _pronoun_one(before, after, rest) or after in _SCALES or rest[:1] in ",;:)":
            return None  # a pronoun, or "one hundred" (= "an hundred")
    if (
        folded in _ORDINALS
        and not _placed(text, word)
        and (
            neighbour(text, word.start, -1) not in _BEFORE_ORDINAL
            or neighbour(text, word.end, 1) in ("party", "parties", "person", "persons")
        )
    ):
        return None  # "was first pioneered", "at first", "a second", "third parties"
    if (amount := _UNITS.get(folded, _TENS.get(folded))) is not None:
        return str(amount)  # "ten" = "10": written otherwise, the same figure
    if folded in _DECADES:
        return _DECADES[folded]  # "twenties" = "20s"
    parts = HYPHENS.split(folded)
    if len(parts) > 1 and not _NUMBER_WORDS.intersection(parts[1:]):
        head = _UNITS.get(parts[0], _TENS.get(parts[0]))
        if head is not None:
            return str(head)  # "a two-minute silence" = "two minutes"
    return _ORDINAL_VALUES.get(folded, folded)  # "nineteenth" = "19th"


# A place in a race or a ranking: an ordinal after these ("finished fifth", "rose to
# fourth in the rankings"; "to" only before "in" or "place") ...
_PLACING = frozenset(
    "finished finishes finishing finish came comes coming placed ranked ranks rose "
    "climbed fell dropped slipped slumped moved qualified ended".split()
)
# ... or before these ("fifth place", "third seed").
_PLACES = frozenset("place places position spot seed seeded".split())


def _placed(text: str, word: Word) -> bool:
    """Whether the ordinal ``word`` is a place in a race or a ranking."""
    before, after = neighbour(text, word.start, -1), neighbour(text, word.end, 1)
    return before in _PLACING or after in _PLACES or (before == "to" and after in ("in", "place"))


_WORLD_WARS = {"I": "1", "II": "2"}


def _digit_groups(folded: str) -> list[str]:
    """The groups of digits of a number, its thousands separators aside: "1 234,5",
    "1.234,5" and "1,234.5" are ["1234", "5"]."""
    if any(c in _GROUP_SPACES for c in folded):  # (``_spaced_number``: a comma is decimal)
        return _DIGITS_ONLY.findall("".join(folded.split()))
    if _DOTTED.match(folded):
        return _DIGITS_ONLY.findall(folded.replace(".", ""))
    return _DIGITS_ONLY.findall(_THOUSANDS.sub("", folded))


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


_SCALE_VALUES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}


_TOKENS = re.compile(r"\d+(?:[.,:]\d+)*\w*|[^\W\d_]+(?:['\u2019\u02bc][^\W\d_]+)*")


# The tokens of ``_values`` that are, or may be part of, a figure spelled out; a digit
# or a number word in a folded ASCII text (``a``, ``an`` and ``and`` only join them).
_NUMBER_TOKENS = frozenset({*_UNITS, *_TENS, *_SCALE_VALUES, *_NUMBER_WORDS, *_ORDINALS})
# Other languages' number words in ASCII (``trois``, ``dos``; ``fünf`` is not).
_NUMBER_TOKENS |= {w for w in (*WORD_VALUES, *SCALE_WORDS, *SCALES_AFTER_A_NUMBER) if w.isascii()}
_NUMBERISH = r"\d|(?<![a-z])(?:" + "|".join(sorted(_NUMBER_TOKENS, key=len)[::-1]) + r")(?![a-z])"
_NUMBERISH += r"|(?:hundert|tausend|zig)(?![a-z])"  # German compounds (zweihundert)
_NUMBER_TOKENS |= {"a", "an", "and", *JOINERS}  # (they join the words of a figure)


@lru_cache(maxsize=1)
def _numberish() -> re.Pattern[str]:
    """``_NUMBERISH`` compiled when first needed: 1 ms of every start otherwise, and
    most comparisons change no sentence in which a figure could stand."""
    return re.compile(_NUMBERISH)


_SPACED_HINT = re.compile(f"\\d[{_GROUP_SPACES}]\\d\\d\\d")


def _groups_joined(m: re.Match[str]) -> str:
    """A number with spaced groups of digits written with commas (the same length)."""
    return re.sub(f"[{_GROUP_SPACES}]", ",", m.group())


# Half of a scale, in Ukrainian and Russian, written as one word or two: read as
# "0.5" (as long: offsets hold).
_HALF = re.compile(
    r"(?<!\w)(?:пів|пол)(?=\s?(?:мільярд|мільйон|тисяч|миллиард|миллион|тысяч))",
    re.IGNORECASE,
)
_SPACED_COLON = re.compile(r"(\d) :(\d\d)\b")


def _values(text: str, short: bool = False) -> Counter[str]:
    """The figures of a sentence by value: number words read as numbers
    (``forty and six thousand`` = ``forty-six thousand`` = ``46,000``, ``двоє`` = ``2``),
    digits as written (their separators aside); ``one`` as a pronoun and list markers
    (``3 -`` at a line's start) are none."""
    out: Counter[str] = Counter()
    if not text.isascii() and compiled(_CJK).search(text):
        return Counter(k for k, _ in _cjk_figures(Word(text, 0, len(text), 0), text))
    total = current = 0
    in_number = False
    last_korean: tuple[str, int, int] | None = None  # (a Korean figure: value, scale, at)
    # (a time spaced apart, "4 :30", read as "4:30": the same length, so offsets hold)
    spaced = _SPACED_COLON.sub(r"\1:\2 ", text.replace("-", " "))
    if _SPACED_HINT.search(spaced):  # ("21 000" read as "21,000")
        spaced = _SPACED.sub(_groups_joined, spaced)
    if not spaced.isascii():  # ("півмільярда" = "пів мільярда": half a billion)
        spaced = _HALF.sub("0.5", spaced)
    if spaced.isascii():  # folding keeps every token whole: fold once
        spaced = spaced.lower()
        if not _numberish().search(spaced) and "elf " not in spaced:
            return out  # no digit and no number word: no figure
        tokens = [(m.start(), m.group()) for m in _TOKENS.finditer(spaced)]
    else:
        tokens = [
            (m.start(), APOSTROPHES.sub("'", m.group().casefold()))
            for m in _TOKENS.finditer(spaced)
        ]
    for i, (start, token) in enumerate(tokens):
        after = tokens[i + 1][1] if i + 1 < len(tokens) else ""
        day = i > 0 and tokens[i - 1][1][:1].isdecimal()
        if token in _MONTHS and (
            after[:1].isdecimal()
            or (
                day
                and (
                    token in _AFTER_A_DAY or text[start : start + len(token)] in _CAPITALISED_MONTHS
                )
            )
            or (i > 0 and _month_after(text[start : start + len(token)], tokens[i - 1][1]))
        ):
            out[_MONTHS[token]] += 1  # "Jan 5", "March 3" (as ``_number_key`` reads them)
            continue
        if token in MONTH_NUMBERS and (
            after[:1].isdecimal()
            or day
            or after_de(tokens, i, 1)  # "10 de noviembre de 2025"
            or after_de(tokens, i, -1)
        ):
            out[MONTH_NUMBERS[token]] += 1  # "10 novembre" (as ``_other_language_number``)
            continue
        if token == "elf" and GERMAN_ELF.match(text, start + len(token)):
            if in_number:
                out[str(total + current)] += 1
                total = current = 0
                in_number = False
            out["11"] += 1  # ("elf Kinder": German, as ``_number_key`` reads it)
            continue
        if token not in _NUMBER_TOKENS and token.isascii() and not token[0].isdecimal():
            if in_number:  # a plain word ends a figure spelled out
                out[str(total + current)] += 1
                total = current = 0
                in_number = False
            continue
        if token[0].isdecimal():
            if _DATE.fullmatch(token):
                out.update(str(int(d)) for d in _DIGITS_ONLY.findall(token))  # day, month, year
            elif (ko_value := _korean_value(token)) is not None:
                ko_scale = _KOREAN_SCALES[token.lstrip("0123456789.,")[0]]
                if last_korean and last_korean[1] > ko_scale and last_korean[2] == i - 1:
                    out[last_korean[0]] -= 1  # ("1만 2천": 12000)
                    ko_value = str(int(last_korean[0]) + int(ko_value))
                out[ko_value] += 1
                last_korean = (ko_value, ko_scale, i)
            elif not _not_a_figure(text, start):
                groups = _DIGITS_ONLY.findall(_THOUSANDS.sub("", token))
                if len(groups) == 1 and len(groups[0]) == 2 and groups[0][0] == "0":
                    groups = [groups[0][1]]  # ("05/03/2023": the day and month 5 and 3)
                long = sum(map(len, groups)) >= LONG_NUMBER
                out["".join(groups) if long else "-".join(groups)] += 1
                letters = token.lstrip("0123456789.,:")
                scale = letters and (
                    _short_scale(letters, text, start)
                    or (_SHORT_MONEY_SCALES.get(letters) if short else None)
                )
                if scale:
                    out[str(_SCALE_VALUES[scale])] += 1  # "3.5bn" as "3.5 billion"
            continue
        before = tokens[i - 1][1] if i else ""
        if token == "one" and _pronoun_one(before, after, text[start + 3 : start + 40]):
            token = ""
        multiplier = _SCALE_VALUES.get(token) or SCALE_WORDS.get(token)
        if multiplier is None and in_number:
            multiplier = SCALES_AFTER_A_NUMBER.get(token)  # "trois cents", not "a cent"
        if token in _UNITS or token in _TENS:
            current += _UNITS.get(token, 0) + _TENS.get(token, 0)
            in_number = True
        elif in_number and token in ("vingt", "vingts") and before == "quatre":
            current += 80 - 4  # quatre-vingts: four twenties
        elif (amount := word_value(token)) is not None:
            current += amount  # another language's (``сто пятьдесят шесть`` = 156)
            in_number = True
        elif multiplier is not None:
            current = max(current, 1) * multiplier
            if multiplier >= 1000:
                total, current = total + current, 0
            in_number = True
        elif (in_number and (token == "and" or token in JOINERS)) or (
            token in ("a", "an") and not in_number
        ):
            continue
        else:
            if in_number:
                out[str(total + current)] += 1
            total = current = 0
            in_number = False
            if (value := cyrillic_number(token) or _ORDINAL_VALUES.get(token)) is not None:
                out[value] += 1
            elif token == "percent" and before[:1].isdecimal():
                continue  # "5 percent" is the figure "5", as "5%" is
            elif token in _NUMBER_WORDS:
                out[token] += 1
    if in_number:
        out[str(total + current)] += 1
    _scaled(spaced, out, short)  # (as read above: "0.5" for "пів")
    return out


# A number and its scale, as one value ("1.5 million" = "1,500,000", "3.5bn").
# (thousands set apart by commas: "3,400 million" = "3.4 billion"; "k", "m" and "b"
# only after a currency sign: "\u00a3100k" = "\u00a3100,000", not "30m" of a distance)
_SCALED = (
    r"(?i)(?<![\d.,])([$\u00a3\u20ac\u00a5])?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?"
    r"(hundred|thousand|million|billion|trillion|bn|mn|tn|k|m|b|"
    + "|".join(sorted((*SCALE_WORDS, *SCALES_AFTER_A_NUMBER), key=len, reverse=True))
    + r")\b"
)  # (compiled when first used: start-up)
_SCALE_LETTERS = {
    "bn": "billion",
    "mn": "million",
    "tn": "trillion",
    "k": "thousand",
    "m": "million",
    "b": "billion",
}


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _same_values(old: str, new: str) -> bool:
    """Whether two sentences hold the same figures by value, a scale written short
    without a currency sign read alike on both sides: as no scale ("30m" = "30
    metres"), or as one ("2.1m" = "2.1 million")."""
    before, after = _values(old), _values(new)
    if before == after:
        return True
    gone, came = before - after, after - before
    same_if_dotted(gone, came)  # ("22.000" = "22 Tausend")
    if not gone and not came:
        return True
    short = _SHORT_SCALE.search(old) or _SHORT_SCALE.search(new)
    return bool(short) and _values(old, True) == _values(new, True)


_SHORT_SCALE = re.compile(r"\d[kmb]\b", re.IGNORECASE)


def _scaled(text: str, out: Counter[str], short: bool = False) -> None:
    """Count a number and its scale in ``out`` as the value they make ("1.5 million"
    as "1500000", which "1,500,000" is), in place of the number and the scale."""
    if not any(c.isdecimal() for c in text):
        return
    for m in compiled(_SCALED).finditer(text):
        sign, digits, word = m.group(1), m.group(2).replace(",", ""), m.group(3).casefold()
        if len(word) == 1 and not sign and not short:
            continue  # ("30m": thirty metres, unless ``short``: "2.1m votes")
        scale = (
            _SCALE_VALUES.get(_SCALE_LETTERS.get(word, word))
            or SCALE_WORDS.get(word)
            or SCALES_AFTER_A_NUMBER[word]
        )  # ("3 mil" = "3000", "2 млрд" = "2 миллиарда")
        parts = digits.split(".")
        key = "".join(parts) if sum(map(len, parts)) >= LONG_NUMBER else "-".join(parts)
        if not out[key]:
            continue
        value = Decimal(digits) * scale
        if value != value.to_integral_value():
            continue
        out[key] -= 1
        if out[str(scale)]:  # (a scale read alone: "mil" after digits is not)
            out[str(scale)] -= 1
        out[str(int(value))] += 1
    out += Counter()  # (drops the counts taken to nothing)


def _pronoun_one(before: str, after: str, rest: str) -> bool:
    """``one`` as a pronoun (``no one``, ``one of``, ``one by one``, ``one another``)."""
    if before in _ONE_AFTER or after in _ONE_BEFORE or not after:
        return True
    return bool(re.match(r"(?:\W+\w+){0,3}?\W+(?:another|other)\b", rest))


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


# A month, or its short form, before a number is a date ("Nov 10", "March 3"): "march"
# and "may" alone are words too, and "Jan" a given name. Its key is its number, as the
# months of other languages' (``numerals.MONTH_NUMBERS``): "10. November 2025" is
# "10.11.2025".
_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
_MONTHS = {
    short: str(number)
    for number, month in enumerate(_MONTH_NAMES.split(), start=1)
    for short in {month, month[:3], month[:4]}
}


# The plain ASCII words that may be figures (``_number_key``); other languages' number
# words are told by ``word_value``.
# The months read as such after a number too ("10 November"; "10 may", "2,000 march"
# and "Jan" as a name are other words).
_AFTER_A_DAY = frozenset(m for m in _MONTHS if len(m) > 3 and not m.startswith("marc"))
# A month named whole and capitalised after these is a month ("in April" -> "in May";
# "may" and "march" are words, "Jan" a given name).
_BEFORE_A_MONTH = frozenset(
    "in by since until till from of early late mid last next this during before after".split()
)


_MONTH_WORDS = frozenset(_MONTH_NAMES.split())


def _month_after(word: str, before: str) -> bool:
    """Whether ``word`` (as written) is a month for the folded word ``before`` it."""
    return (
        word[:1].isupper()
        and word.casefold() in _MONTH_WORDS
        and before.casefold() in _BEFORE_A_MONTH
    )


# ... and "March" and "May" capitalised ("5 March"; "10 may" and "10 march" are words).
_CAPITALISED_MONTHS = frozenset(("March", "May"))


_LISTED_WORDS = _NUMBER_WORDS | _MONTHS.keys() | SCALE_WORDS.keys() | MONTH_NUMBERS.keys()


_LIST_MARKER = re.compile(r"\d+(?:[.)]|\s+-)\s")


_ITEM = re.compile(r"\(?\d{1,2}\)(?=\s)")


_URL = re.compile(r"://|www\.")


_MARKUP = re.compile(r"\d+ ?px\b")  # (wiki image sizes: "250px", "320 px|thumb")


def _not_a_figure(text: str, start: int) -> bool:
    """Digits at ``start`` that are a list's marker (``3 - ``, ``2) `` opening a line),
    part of a URL, an HTML entity (``&#337``) or an image's size in wiki markup (``230px``)."""
    if _MARKUP.match(text, start) or text[max(0, start - 2) : start] == "&#":
        return True
    if _opens_line(text, start) and _LIST_MARKER.match(text, start):
        return True
    item = start - 1 if start and text[start - 1] == "(" else start
    if (not item or text[item - 1].isspace()) and _ITEM.match(text, item):
        return True  # "(1) uses ... and (2) will", "; 2) separate"
    # The run of text without spaces the digits stand in, looked at no further back
    # than a URL reaches (text without spaces, as Chinese, would be read back to
    # its start for every figure), and only where a URL starts that close.
    lo = max(0, start - _URL_REACH)
    if len(text) > _URL_REACH:  # (a document: its URLs' starts found once)
        urls = _url_starts(text)
        at = bisect_left(urls, lo)
        if at == len(urls) or urls[at] >= start:
            return False
    run = max(text.rfind(" ", lo, start), text.rfind("\n", lo, start)) + 1
    return bool(_URL.search(text, max(run, lo), start))


@lru_cache(maxsize=4)
def _url_starts(text: str) -> list[int]:
    """Where the URLs of the document ``text`` start (``_URL``), in order: looked for
    once (the string keeps its hash; the two sides of a comparison fit)."""
    return [m.start() for m in _URL.finditer(text)]


# How far back from a figure a URL's start is looked for: the longest URL browsers
# take is about 2,000 characters.
_URL_REACH = 2048


def _opens_line(text: str, start: int) -> bool:
    """Whether only spaces stand between the line's start and ``start`` (walked back
    over those spaces alone: a long line is not read back to its start)."""
    at = start
    while at > 0 and text[at - 1] != "\n" and text[at - 1].isspace():
        at -= 1
    return at == 0 or text[at - 1] == "\n"


_DIGITS_ONLY = re.compile(r"\d+")


_DECIMAL = re.compile(r"\d")  # str.isdecimal's characters


LONG_NUMBER = 9  # digits: an ISBN or a telephone number, however it is grouped


def _near_figures(text: str, spans: tuple[Span, ...]) -> Counter[str]:
    """The figures of the sentences ``spans`` of ``text`` (``_figures_of``)."""
    words = (Word(m.group(), *m.span(), 0) for s, e in spans for m in WORD.finditer(text, s, e))
    return Counter(k for w in words for k, _ in _figures_of(w, text))


def _same_decade(
    gone: Counter[str], came: Counter[str], old: list[tuple[str, Word]], new: list[tuple[str, Word]]
) -> None:
    """Take out of ``gone`` and ``came`` a decade spelled out on one side ("the
    nineties", key "90") and written with its century on the other ("the 1990s")."""
    for one, other, found, found_other in ((gone, came, old, new), (came, gone, new, old)):
        for key, word in found:
            if word.text.casefold() not in _DECADES or not one[key]:
                continue
            for other_key, other_word in found_other:
                if other[other_key] and re.fullmatch(rf"\d\d{key}s", other_word.text):
                    one[key] -= 1
                    other[other_key] -= 1
                    break
    gone += Counter()  # (drops the counts taken to nothing)
    came += Counter()


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
    gone, came = Counter(gone), Counter(came)
    whole_here = _whole_figures(pool.old_words, context.old) if not puts else Counter()
    for cut, put in pool.beside:
        put_keys = Counter(k for w in put for k, _ in _figures_of(w, context.new))
        if not puts:
            # cut here, where nothing is put in, and put in next door
            gone -= put_keys & whole_here
        if not put_keys and sum(came.values()) > sum(gone.values()):
            # cut next door, where nothing is put in, and put in here beside the
            # figures this block replaced ("21 octobre" -> "22 octobre" beside "le 22"
            # cut next door is a date changed, not a day carried)
            came -= _whole_figures(cut, context.old)
    return +gone, +came


def _whole_figures(cut: tuple[Word, ...], text: str) -> Counter[str]:
    """The figures of the words ``cut`` less those cut from before a content word that
    stays ("39" of "39 migrantes mueren" -> "mueren migrantes": the migrants are still
    there, uncounted; "seven" of "kills seven Israeli civilians"): a figure that
    carries its word ("34-Jährige"), ends its sentence ("le 22."), stands before a
    short or function word ("le 22 au palais"), a date's month, or went with its word
    is whole."""
    starts = {w.start for w in cut}
    out: Counter[str] = Counter()
    for word in cut:
        keys = [k for k, _ in _figures_of(word, text)]
        if not keys:
            continue
        after = _NEXT_WORD.match(text, word.end)
        plain = word.text.isdigit() or word.text.casefold() in _NUMBER_WORDS
        if (
            plain
            and after is not None
            and after.start(1) not in starts
            and len(after.group(1)) >= _CONTENT_LETTERS
            and content_words(after.group(1))
            and not _figures_of(Word(after.group(1), after.start(1), after.end(1), 0), text)
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
            for key, word in _figures_of(Word(m.group(), *m.span(), change), text):
                if key not in known:
                    shown = with_hedge(word, text, [(s, e)])
                    out.append(Word(shown.text, shown.start, shown.end, change))
    return out


def is_figure(word: Word, text: str) -> bool:
    """Whether ``word`` of ``text`` is a figure: digits, a number word, a weekday, or a
    month before a number (``Nov 10``; ``Jan Koum`` is no date)."""
    return word.text.casefold() in _NUMBER_WORDS or bool(_figures_of(word, text))


# A scale written short after a number's digits ("£3.5bn", "$1.2tn"); "m", "b" and
# "k" only after a currency sign ("£30m", not "30m" of a distance).
_SHORT_SCALES = {"bn": "billion", "tn": "trillion", "trn": "trillion", "mn": "million"}
_SHORT_MONEY_SCALES = {**_SHORT_SCALES, "m": "million", "b": "billion", "k": "thousand"}
_DATE = re.compile(r"(?:[0-2]?\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d")
_DIGITS_THEN_LETTERS = re.compile(r"(\d[\d.,]*)([a-z]+)")


def _figures_of(word: Word, text: str) -> tuple[tuple[str, Word], ...]:
    """The figures ``word`` of ``text`` holds, each as its key and the word to show:
    ``_number_key``'s, and a scale written short after digits, the same figure as the
    scale in full ("£3.5bn" = "£3.5 billion": "3.5", then "bn" shown as "3.5bn");
    in Chinese or Japanese, ``_cjk_figures``."""
    digit_first = word.text[:1].isdecimal()
    if (not word.text.isascii() and compiled(_CJK).search(word.text)) or (
        digit_first and _beside_cjk_numeral(word, text)
    ):
        return _cjk_figures(word, text)
    if word.text[:1].isdigit() and (spaced := _spaced_number(text, word.start)) is not None:
        # the whole number, for any of its groups ("567" of "1 234 567" changed)
        shown = " ".join(text[spaced[0] : spaced[1]].split())
        word = Word(shown, spaced[0], spaced[1], word.change)
    folded = word.text.casefold()
    if folded in _SHORT_MONEY_SCALES and word.start and text[word.start - 1].isdigit():
        digits = _digits_before(text, word.start)
        scale = _short_scale(folded, text, digits)
        if scale is None:
            return ()
        return ((scale, Word(text[digits : word.end], digits, word.end, word.change)),)
    if digit_first and _DATE.fullmatch(word.text):  # day, month and year: "10.11.2025"
        return tuple((str(int(d)), word) for d in _DIGITS_ONLY.findall(word.text))
    if digit_first and (korean := _korean_value(word.text)) is not None:
        return ((korean, word),)  # ("2억" = 200000000; "2조" another figure)
    key = _number_key(word, text)
    if key is None:
        return ()
    if not folded[-1].isalpha():
        return ((key, word),)
    joined = _DIGITS_THEN_LETTERS.fullmatch(folded)
    scale = joined and _short_scale(joined.group(2), text, word.start)
    return ((key, word), (scale, word)) if scale else ((key, word),)


# Chinese characters, kana and the iteration mark: a word of Chinese or Japanese.
# (compiled when first used: a class of Han characters takes a millisecond to compile)
_CJK = "[\u3005\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"


def _beside_cjk_numeral(word: Word, text: str) -> bool:
    """Whether ``word`` is digits with a Chinese numeral next to it (``2.4`` of ``2.4万``)."""
    if not word.text[:1].isdecimal():
        return False
    return (word.end < len(text) and text[word.end] in CJK_NUMERALS) or (
        word.start > 0 and text[word.start - 1] in CJK_NUMERALS
    )


def _cjk_figures(word: Word, text: str) -> tuple[tuple[str, Word], ...]:
    """The figures of a Chinese or Japanese ``word``: each numeral run it touches, read
    whole in ``text`` (``三`` changed in ``三百名`` is the figure ``三百``, 300), and the
    digits in it (``1月5日``: 1 and 5)."""
    out: list[tuple[str, Word]] = []
    for lo, hi, numeral in cjk_runs(text, word.start, word.end):
        if numeral:
            if (found := cjk_key(text, lo, hi)) is not None:
                key, shown = found
                out.append((key, Word(text[shown:hi], shown, hi, word.change)))
        else:
            digits = Word(text[lo:hi], lo, hi, word.change)
            if (digits_key := _number_key(digits, text)) is not None:
                out.append((digits_key, digits))
    return tuple(out)


def _spaced_number(text: str, start: int) -> Span | None:
    """The span of the number written with spaced groups ("34 000") that the digits at
    ``start`` belong to, or None."""
    end = start
    while end < len(text) and text[end].isdigit():
        end += 1
    before = start > 1 and text[start - 1] in _GROUP_SPACES
    if not before and not (end < len(text) and text[end] in _GROUP_SPACES):
        return None  # (most numbers: no space next to them)
    lo = start
    while lo >= 2 and text[lo - 1] in _GROUP_SPACES and text[lo - 2].isdigit():
        lo -= 2
        while lo > 0 and text[lo - 1].isdigit():
            lo -= 1
    m = _SPACED.match(text, lo)
    return m.span() if m is not None and m.start() <= start < m.end() else None


def _digits_before(text: str, end: int) -> int:
    """Where the number ending at ``end`` starts (its digits, points and commas)."""
    start = end
    while start and (text[start - 1].isdigit() or text[start - 1] in ".,"):
        start -= 1
    return start


def _short_scale(letters: str, text: str, digits: int) -> str | None:
    """The scale ``letters`` stand for after the number starting at ``digits``."""
    if letters in _SHORT_SCALES:
        return _SHORT_SCALES[letters]
    # A currency sign just before the digits, or before a space before them.
    money = any(_MONEY.match(text, at, digits + 1) for at in (digits - 1, digits - 2) if at >= 0)
    return _SHORT_MONEY_SCALES.get(letters) if money else None


def check_number(pool: Pooled, context: Context) -> Flag | None:
    """A figure changed, added or removed, its hedge, or its unit (``check_unit``)."""
    return either_merged(_figure_flag(pool, context), check_unit(pool, context))


def _figure_flag(pool: Pooled, context: Context) -> Flag | None:
    # (each figure once: two groups of "34 000" changed are one figure)
    old = list(dict.fromkeys(f for w in pool.old_words for f in _figures_of(w, context.old)))
    new = list(dict.fromkeys(f for w in pool.new_words for f in _figures_of(w, context.new)))
    put_in = bool(new)  # (whether its changes put in a figure: ``_carried_next_door``)
    old, new = _dateline_dropped(
        (old, context.old, pool.old_span[0]), (new, context.new, pool.new_span[0])
    )
    if not old and not new:
        return hedge_flag(pool, context, _figures_of)  # no figure changed: a hedge?
    old_keys, new_keys = Counter(k for k, _ in old), Counter(k for k, _ in new)
    swapped = turned(old, new)
    if swapped is None and old_keys == new_keys:
        swapped = turned_score(pool, context)
    if swapped is not None:
        flag = make_flag("number", pool, *swapped)
        shown = [", ".join(w.text for w in words) for words in swapped]
        return replace(flag, explanation=f'"{shown[0]}" \u2192 "{shown[1]}"')
    if old_keys == new_keys or _same_values(pool.old_text, pool.new_text):
        # the same figures, perhaps spelled otherwise (thirty and two, 32): perhaps
        # hedged otherwise ("at least nine" -> "nine")
        return hedge_flag(pool, context, _figures_of)
    gone, came = old_keys - new_keys, new_keys - old_keys
    # "1" against "one" (a word that is a figure only sometimes), the word "one"
    # against "a" or "an": the same figure.
    if gone["1"] and _one_for(old, pool.new_words):
        gone["1"] -= 1
    if came["1"] and _one_for(new, pool.old_words):
        came["1"] -= 1
    # A lone "一" before a measure word cut or put in with no other figure changed is
    # the article "a" (是一种 "is a kind of" -> 是), not the figure 1.
    for one, other, found in ((gone, came, old), (came, gone, new)):
        if one["1"] and not +other:
            one["1"] -= min(one["1"], sum(1 for k, w in found if k == "1" and w.text == "一"))
    gone, came = +gone, +came
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
    gone, came = +gone, +came
    carried: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    if gone or came:
        # A figure carried into a sentence split off next door, or out of one joined
        # from there (``, which employs 4,000 people,`` -> ``It employs 4,000
        # people.``), is no change.
        near_new = _near_figures(context.new, pool.new_near)
        near_old = _near_figures(context.old, pool.old_near)
        carried = (gone & near_new, came & near_old)
        gone -= near_new
        came -= near_old
    if gone or came:
        gone, came = _carried_next_door(gone, came, pool, (context, put_in))
    if not gone and not came:
        hedged = hedge_flag(pool, context, _figures_of)
        if not carried[0] and not carried[1]:
            return hedged
        # ... though the hedge it had may have stayed behind
        return either_merged(hedged, carried_hedge_flag(pool, context, _figures_of, carried))
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
    flag = make_flag(
        "number",
        pool,
        shown_old or _pronoun_ones((pool.old_words, context.old), (shown_new, context.new)),
        shown_new or _pronoun_ones((pool.new_words, context.new), (shown_old, context.old)),
    )
    # A hedge cut or put in on a figure that stayed, beside one that changed ("At least
    # six ... and 81 injured" -> "Six ... and 85 injured"): both in the one flag.
    hedged = hedge_flag(pool, context, _figures_of, frozenset((*gone, *came)))
    if hedged is None or hedged.explanation in flag.explanation:
        return flag
    return merged_flags(hedged, flag)


# Korean scales written after the digits ("2억 원", "1만 2천 명").
_KOREAN_SCALES = {"십": 10, "백": 100, "천": 1000, "만": 10**4, "억": 10**8, "조": 10**12}
_KOREAN_SCALED = re.compile(r"(\d+(?:[.,]\d+)*)([십백천만억조])")


def _korean_value(token: str) -> str | None:
    """The value of digits and a Korean scale (``2억`` = 200000000), or None."""
    m = _KOREAN_SCALED.match(token)
    if m is None:
        return None
    value = Decimal(m.group(1).replace(",", "")) * _KOREAN_SCALES[m.group(2)]
    return str(int(value)) if value == value.to_integral_value() else None


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
    for mine, other in ((old, new), (new, old)):
        dated = [f for f in mine[0] if in_dateline(mine[1], f[1].start)]
        if dated and not in_dateline(other[1], other[2]):
            kept = [f for f in mine[0] if f not in dated]
            return (kept, new[0]) if mine is old else (old[0], kept)
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
