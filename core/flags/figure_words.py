"""What figure a word is, and the figures of a whole sentence by value (the ``number``
flag's reading: ``core.flags.figures``).

Digits, number words that are quantities (not ``one`` as a pronoun, not an ordinal
without a determiner), Ukrainian number words, percentages, money, weekdays and
months, each as a key (``figures_of``); and a sentence's figures by value
(``same_values``: ``threescore and fourteen`` = ``seventy-four``). List markers,
digits in URLs, image sizes and HTML entities are no figures.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from functools import lru_cache

from core.engine import aside
from core.engine.tokens import compiled, found_where
from core.flags.job_names import URLS_JOB
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
    Word,
    neighbour,
)
from core.flags.same_figures import same_if_dotted
from core.flags.tallies import counted, fresh, keep_positive, less, same
from core.model import Span

_THOUSANDS = re.compile(r"(?<=\d)[, ](?=\d{3}(?!\d))")  # (also before a counter: "12,000명")
# A number written with spaces between groups of three digits ("34 000", "1 234 567",
# as French, Portuguese or Russian copy writes it; a no-break or thin space too).
_GROUP_SPACES = " \u00a0\u202f\u2009"
_SPACED = r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?(?![\d])"
# Thousands set apart by points before a decimal comma ("1.234,5", as German writes it).
_DOTTED = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+(?![\d.,])")


_SCALES = frozenset("hundred hundreds thousand thousands million millions billion billions".split())


NUMBER_WORDS = _SCALES | frozenset(
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
DECADES = {
    word: str(10 * (k + 2))
    for k, word in enumerate(
        "twenties thirties forties fifties sixties seventies eighties nineties".split()
    )
}
NUMBER_WORDS |= frozenset(DECADES)  # (a frozenset: "| keys()" made it a set)


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


# An ordinal is a figure after these (the first day, his second term), right before it
# (not after a comma: "To do this, first run"), unless it opens a sentence with "The"
# and a comma follows: the first of a list, named next ("The first, --disable-echo,").
_ORDINAL_AFTER_MARK = re.compile(r"[,;:]\s*$")
_LISTING = re.compile(r",")
_OPENS_WITH_THE = re.compile(r"(?:^|[.!?]\s+|\n\s*)The\s+$")
_BEFORE_ORDINAL = frozenset("the a an his her its their our my your this that every each".split())


_MONEY = r"[$\u00a3\u20ac\u00a5]\s?(?=\d)|(?<=\d)\s?%"
_PERCENT = r"(?i)\s+(?:percent|per\s+cent)\b"


def _number_key(word: Word, text: str) -> str | None:
    if word.text in _WORLD_WARS and text[max(0, word.start - 10) : word.start] == "World War ":
        return _WORLD_WARS[word.text]  # "World War I" = "the First World War"
    folded = word.text.casefold()
    if folded.isalpha() and folded.isascii():  # a plain word (most): a figure if listed
        if (
            folded not in _LISTED_WORDS
            and folded not in WORD_VALUES
            and ("und" not in folded or word_value(folded) is None)  # (zweihundert)
            and not (folded == "elf" and compiled(GERMAN_ELF).match(text, word.end))
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
        money = compiled(_MONEY).search(text, max(0, word.start - 2), min(len(text), word.end + 2))
        if money is None and compiled(_PERCENT).match(text, word.end):
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
    if folded not in NUMBER_WORDS and not (
        HYPHENS.search(folded) and any(p in NUMBER_WORDS for p in HYPHENS.split(folded))
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
            or _ORDINAL_AFTER_MARK.search(text, max(0, word.start - 3), word.start)
            or (
                _LISTING.match(text, word.end)
                and _OPENS_WITH_THE.search(text, max(0, word.start - 6), word.start)
            )
        )
    ):
        # "was first pioneered", "at first", "a second", "third parties"; "To do this,
        # first run configure" (no determiner of it); "The first, --disable-echo, ..."
        # (the first of a list, named next)
        return None
    if (amount := _UNITS.get(folded, _TENS.get(folded))) is not None:
        return str(amount)  # "ten" = "10": written otherwise, the same figure
    if folded in DECADES:
        return DECADES[folded]  # "twenties" = "20s"
    parts = HYPHENS.split(folded)
    if len(parts) == 2 and parts[0] in _ORDINALS and parts[1] in _ORDINAL_IDIOMS:
        return None  # "third-party", "first-hand", "second-rate": no count
    if len(parts) > 1 and not NUMBER_WORDS.intersection(parts[1:]):
        head = _UNITS.get(parts[0], _TENS.get(parts[0]))
        if head is not None:
            return str(head)  # "a two-minute silence" = "two minutes"
    return _ORDINAL_VALUES.get(folded, folded)  # "nineteenth" = "19th"


# What an ordinal joined to these says is no count ("third-party", "first-hand",
# "second-guess", "first-time"; "first-degree murder" is one, and so is a ship's
# "third-rate").
_ORDINAL_IDIOMS = frozenset(
    "party parties person persons hand handed guess guessed guessing time timer timers".split()
)


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


_TOKENS = r"\d+(?:[.,:]\d+)*\w*|[^\W\d_]+(?:['\u2019\u02bc][^\W\d_]+)*"
# The same for ASCII text, its classes ASCII's (the same characters there; 40 % faster).
_ASCII_TOKENS = "(?a)" + _TOKENS


# The tokens of ``_values`` that are, or may be part of, a figure spelled out; a digit
# or a number word in a folded ASCII text (``a``, ``an`` and ``and`` only join them).
_NUMBER_TOKENS = frozenset({*_UNITS, *_TENS, *_SCALE_VALUES, *NUMBER_WORDS, *_ORDINALS})
# Other languages' number words in ASCII (``trois``, ``dos``; ``fünf`` is not).
_NUMBER_TOKENS |= {w for w in (*WORD_VALUES, *SCALE_WORDS, *SCALES_AFTER_A_NUMBER) if w.isascii()}
# (the longest first; words of one length in their order, so the pattern's text is the
# same in every process and the build's compiled program is found for it)
_NUMBERISH = (
    r"\d|(?<![a-z])(?:"
    + "|".join(sorted(_NUMBER_TOKENS, key=lambda w: (-len(w), w)))
    + r")(?![a-z])"
)
_NUMBERISH += r"|(?:hundert|tausend|zig)(?![a-z])"  # German compounds (zweihundert)
_NUMBER_TOKENS |= {"a", "an", "and", *JOINERS}  # (they join the words of a figure)


@lru_cache(maxsize=1)
def _numberish() -> re.Pattern[str]:
    """``_NUMBERISH`` compiled when first needed: 1 ms of every start otherwise, and
    most comparisons change no sentence in which a figure could stand."""
    return re.compile(_NUMBERISH)


_SPACED_HINT = f"\\d[{_GROUP_SPACES}]\\d\\d\\d"


def _groups_joined(m: re.Match[str]) -> str:
    """A number with spaced groups of digits written with commas (the same length)."""
    return re.sub(f"[{_GROUP_SPACES}]", ",", m.group())


# Half of a scale, in Ukrainian and Russian, written as one word or two: read as
# "0.5" (as long: offsets hold).
_HALF = r"(?i)(?<!\w)(?:пів|пол)(?=\s?(?:мільярд|мільйон|тисяч|миллиард|миллион|тысяч))"
_SPACED_COLON = re.compile(r"(\d) :(\d\d)\b")


def _values(text: str, short: bool = False) -> Counter[str]:
    """The figures of a sentence by value: number words read as numbers
    (``forty and six thousand`` = ``forty-six thousand`` = ``46,000``, ``двоє`` = ``2``),
    digits as written (their separators aside); ``one`` as a pronoun and list markers
    (``3 -`` at a line's start) are none."""
    out: Counter[str] = fresh()
    if not text.isascii() and compiled(_CJK).search(text):
        return counted(k for k, _ in _cjk_figures(Word(text, 0, len(text), 0), text))
    total = current = 0
    in_number = False
    last_korean: tuple[str, int, int] | None = None  # (a Korean figure: value, scale, at)
    # (a time spaced apart, "4 :30", read as "4:30": the same length, so offsets hold)
    spaced = text.replace("-", " ")
    if " :" in spaced:  # (what the pattern needs)
        spaced = _SPACED_COLON.sub(r"\1:\2 ", spaced)
    if compiled(_SPACED_HINT).search(spaced):  # ("21 000" read as "21,000")
        spaced = compiled(_SPACED).sub(_groups_joined, spaced)
    if not spaced.isascii() and ("\u043f" in spaced or "\u041f" in spaced):
        # ("півмільярда" = "пів мільярда": half a billion; the pattern opens with п)
        spaced = compiled(_HALF).sub("0.5", spaced)
    if spaced.isascii():  # folding keeps every token whole: fold once
        spaced = spaced.lower()
        # (a digit first: one class looked for, not the number words at each character)
        figure = _DECIMAL.search(spaced) or _numberish().search(spaced) or "elf " in spaced
        if not figure:
            return out  # no digit and no number word: no figure
        tokens = found_where(compiled(_ASCII_TOKENS), spaced)
    else:
        found = found_where(compiled(_TOKENS), spaced)
        folded = spaced.casefold()
        if len(folded) == len(spaced):  # (each character folded to one: offsets hold)
            folded = APOSTROPHES.sub("'", folded)  # (one for one, too)
            tokens = [(at, folded[at : at + len(token)]) for at, token in found]
        else:
            tokens = [(at, APOSTROPHES.sub("'", token.casefold())) for at, token in found]
    may_scale = False  # (whether ``_scaled`` can find a number and its scale)
    for i, (start, token) in enumerate(tokens):
        if not may_scale and token[0].isdecimal():
            may_scale = _scale_may_follow(tokens, i)
        if token not in _NOT_PLAIN and token.isascii() and not token[0].isdecimal():
            if in_number:  # a plain word ends a figure spelled out (as below)
                out[str(total + current)] += 1
                total = current = 0
                in_number = False
            continue
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
        if token == "elf" and compiled(GERMAN_ELF).match(text, start + len(token)):
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
            if compiled(_DATE).fullmatch(token):
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
            elif token in NUMBER_WORDS:
                out[token] += 1
    if in_number:
        out[str(total + current)] += 1
    if may_scale:
        _scaled(spaced, out, short)  # (as read above: "0.5" for "пів")
    return out


def _scale_may_follow(tokens: list[tuple[int, str]], i: int) -> bool:
    """Whether the number of token ``i`` may have a scale that ``_scaled`` reads: letters
    joined to it ("3.5bn", "100k"), or a scale word's letters opening the token after it
    ("1.5 million", "2 Mrd."). Where no number has, ``_SCALED`` finds nothing."""
    if tokens[i][1].lstrip(_NUMBER_CHARS):
        return True
    after = tokens[i + 1][1] if i + 1 < len(tokens) else ""
    # (its letters up to an apostrophe, of any of the forms ``_TOKENS`` joins by)
    letters = compiled(_LETTERS).match(after)
    return letters is not None and letters.group() in _SCALE_WORDS_FOLDED


# A number and its scale, as one value ("1.5 million" = "1,500,000", "3.5bn").
# (thousands set apart by commas: "3,400 million" = "3.4 billion"; "k", "m" and "b"
# only after a currency sign: "\u00a3100k" = "\u00a3100,000", not "30m" of a distance)
# The pattern starts with the number's first digit (a class the engine skips to) and
# looks behind it there; its currency sign is read before it (``_sign_before``).
_SCALE_NAMES = "hundred thousand million billion trillion bn mn tn k m b".split()
_SCALED = (
    r"(?i)(\d(?<![\d.,]\d)(?:\d{0,2}(?:,\d{3})+|\d*(?:\.\d+)?))\s?"
    r"("
    + "|".join(_SCALE_NAMES)
    + "|"
    + "|".join(sorted((*SCALE_WORDS, *SCALES_AFTER_A_NUMBER), key=len, reverse=True))
    + r")\b"
)  # (compiled when first used: start-up)
_LETTERS = r"[^\W\d_]*"  # (a token's letters up to an apostrophe)
# The scale words of ``_SCALED`` as ``_values`` has its tokens (folded; their letters up
# to anything else: the expression needs only these before its word's end), and the
# characters of a number's token other than letters (``_scale_may_follow``).
_SCALE_WORDS_FOLDED = frozenset(
    m.group()
    for w in (*_SCALE_NAMES, *SCALE_WORDS, *SCALES_AFTER_A_NUMBER)
    for folded in (w.casefold(), w.lower())
    if (m := re.match(_LETTERS, folded)) is not None and m.group()
)
_NUMBER_CHARS = "0123456789.,:"
_SIGNS = "$\u00a3\u20ac\u00a5"
_SCALE_LETTERS = {
    "bn": "billion",
    "mn": "million",
    "tn": "trillion",
    "k": "thousand",
    "m": "million",
    "b": "billion",
}


def same_values(old: str, new: str) -> bool:
    """Whether two sentences hold the same figures by value, a scale written short
    without a currency sign read alike on both sides: as no scale ("30m" = "30
    metres"), or as one ("2.1m" = "2.1 million")."""
    before, after = _values(old), _values(new)
    if same(before, after):
        return True
    gone, came = less(before, after), less(after, before)
    same_if_dotted(gone, came)  # ("22.000" = "22 Tausend")
    if not gone and not came:
        return True
    short = _SHORT_SCALE.search(old) or _SHORT_SCALE.search(new)
    return bool(short) and same(_values(old, True), _values(new, True))


_SHORT_SCALE = re.compile(r"\d[kmb]\b", re.IGNORECASE)


def _scaled(text: str, out: Counter[str], short: bool = False) -> None:
    """Count a number and its scale in ``out`` as the value they make ("1.5 million"
    as "1500000", which "1,500,000" is), in place of the number and the scale."""
    if _DECIMAL.search(text) is None:
        return
    for m in compiled(_SCALED).finditer(text):
        sign, digits, word = _sign_before(text, m.start()), m.group(1), m.group(2).casefold()
        digits = digits.replace(",", "")
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
        from decimal import Decimal  # (here, not at import: 1 ms of every start)

        value = Decimal(digits) * scale
        if value != value.to_integral_value():
            continue
        out[key] -= 1
        if out[str(scale)]:  # (a scale read alone: "mil" after digits is not)
            out[str(scale)] -= 1
        out[str(int(value))] += 1
    keep_positive(out)  # (drops the counts taken to nothing)


def _sign_before(text: str, start: int) -> str | None:
    """The currency sign just before the number at ``start``, if any, and no digit,
    point or comma before the sign (as a look-behind before it would say)."""
    if not start or text[start - 1] not in _SIGNS:
        return None
    before = text[start - 2] if start > 1 else ""
    return None if before.isdecimal() or before in (".", ",") else text[start - 1]


def _pronoun_one(before: str, after: str, rest: str) -> bool:
    """``one`` as a pronoun (``no one``, ``one of``, ``one by one``, ``one another``)."""
    if before in _ONE_AFTER or after in _ONE_BEFORE or not after:
        return True
    return bool(re.match(r"(?:\W+\w+){0,3}?\W+(?:another|other)\b", rest))


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

# The tokens ``_values`` reads as more than a plain word: the rest, ASCII and not a
# digit first, only end a figure spelled out.
_NOT_PLAIN = frozenset({*_NUMBER_TOKENS, *_MONTHS, *MONTH_NUMBERS, "elf"})


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


_LISTED_WORDS = NUMBER_WORDS.union(_MONTHS, SCALE_WORDS, MONTH_NUMBERS)


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


# The last few documents' URL starts, by the text they were found in (the two sides of
# a comparison fit).
_URL_STARTS: list[tuple[str, list[int]]] = []
_URL_STARTS_KEPT = 4


def _url_starts(text: str) -> list[int]:
    """Where the URLs of the document ``text`` start (``_URL``), in order: looked for
    once per text. Found by the text's identity, not its content: a text equal to one
    seen before (the same file compared again, or a copy) was compared with it whole
    for every figure, a cache keyed by content does."""
    for known, starts in _URL_STARTS:
        if known is text:
            return starts
    starts = sorted([*_found_at(text, "://"), *_found_at(text, "www.")])
    _URL_STARTS.insert(0, (text, starts))
    del _URL_STARTS[_URL_STARTS_KEPT:]
    return starts


def urls_aside() -> aside.Job:
    """The job that finds both texts' URL starts on the other core while they are
    compared (``core.engine.aside.allow``), for ``take_url_starts`` to take when ready
    by then: otherwise each process that checks figures looks for them in both whole
    texts (5 ms a 1 MB pair, in the flags child and in the process writing the
    report alike)."""
    return URLS_JOB, _both_url_starts


def _both_url_starts(old: str, new: str) -> tuple[list[int], list[int]]:
    return _url_starts(old), _url_starts(new)


def take_url_starts(old: str, new: str) -> None:
    """Keep the URL starts of ``old`` and ``new`` found aside (``urls_aside``), when
    they are ready; else they are found when first needed."""
    found = aside.take(old, new, URLS_JOB, wait=False)
    if isinstance(found, tuple) and len(found) == 2 and all(isinstance(s, list) for s in found):
        _URL_STARTS[:0] = [(old, found[0]), (new, found[1])]
        del _URL_STARTS[_URL_STARTS_KEPT:]


def _found_at(text: str, literal: str) -> list[int]:
    """Where ``literal`` stands in ``text``, each found after the one before (``_URL``'s
    starts are those of its two literals, which cannot overlap one another: found so,
    a quarter of the time the expression takes, which tries both at every character)."""
    found: list[int] = []
    at = text.find(literal)
    while at >= 0:
        found.append(at)
        at = text.find(literal, at + len(literal))
    return found


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


def is_figure(word: Word, text: str) -> bool:
    """Whether ``word`` of ``text`` is a figure: digits, a number word, a weekday, or a
    month before a number (``Nov 10``; ``Jan Koum`` is no date)."""
    return word.text.casefold() in NUMBER_WORDS or bool(figures_of(word, text))


# A scale written short after a number's digits ("£3.5bn", "$1.2tn"); "m", "b" and
# "k" only after a currency sign ("£30m", not "30m" of a distance).
_SHORT_SCALES = {"bn": "billion", "tn": "trillion", "trn": "trillion", "mn": "million"}
_SHORT_MONEY_SCALES = {**_SHORT_SCALES, "m": "million", "b": "billion", "k": "thousand"}
_DATE = r"(?:[0-2]?\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d"
_DIGITS_THEN_LETTERS = re.compile(r"(\d[\d.,]*)([a-z]+)")


def figures_of(word: Word, text: str) -> tuple[tuple[str, Word], ...]:
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
    if digit_first and compiled(_DATE).fullmatch(word.text):  # day, month and year: "10.11.2025"
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
    m = compiled(_SPACED).match(text, lo)
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
    money = any(
        compiled(_MONEY).match(text, at, digits + 1) for at in (digits - 1, digits - 2) if at >= 0
    )
    return _SHORT_MONEY_SCALES.get(letters) if money else None


# Korean scales written after the digits ("2억 원", "1만 2천 명").
_KOREAN_SCALES = {"십": 10, "백": 100, "천": 1000, "만": 10**4, "억": 10**8, "조": 10**12}
_KOREAN_SCALED = r"(\d+(?:[.,]\d+)*)([십백천만억조])"


def _korean_value(token: str) -> str | None:
    """The value of digits and a Korean scale (``2억`` = 200000000), or None."""
    m = compiled(_KOREAN_SCALED).match(token)
    if m is None:
        return None
    from decimal import Decimal  # (here, not at import: 1 ms of every start)

    value = Decimal(m.group(1).replace(",", "")) * _KOREAN_SCALES[m.group(2)]
    return str(int(value)) if value == value.to_integral_value() else None
