"""Numerals of other scripts and languages, for ``core.flags.figure_words``.

Chinese and Japanese numerals (``一百三十七`` = 137, ``2.4万`` = 24000, ``1.2亿`` =
120000000, ``二〇二五`` = 2025, ``百分之五`` = 5%), read as whole runs around a changed
character; a run of one numeral is a figure only before a measure word or after ``第``
(``一周``, ``三人``, ``第五``), so the ``一`` of ``统一``, ``一起`` or ``唯一`` and the
``四`` of ``四川`` are none. And the number words of French, German, Spanish,
Portuguese, Russian and Ukrainian (``trois`` = 3, ``sechsundfünfzig`` = 56, ``сто`` =
100), with their scales (``milliards``, ``тысяч``); words that are also English words
(``once``, ``seize``, ``elf``) or articles (``un``, ``ein``, ``uma``) are left out.
Months of those languages are read as their numbers before or after a day or year.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from core.engine.tokens import compiled

if TYPE_CHECKING:
    from fractions import Fraction

_CJK_DIGITS = {
    c: i for i, chars in enumerate("〇零 一 二两兩 三 四 五 六 七 八 九".split()) for c in chars
}
_CJK_TENS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CJK_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
CJK_NUMERALS = frozenset((*_CJK_DIGITS, *_CJK_TENS, *_CJK_BIG))

# After a numeral of one character, these make it a figure: measure words and units.
_MEASURES = frozenset(
    "个個名人位周週天年月日号號次件条條项項座栋棟架艘辆輛只隻头頭匹张張本家所层層倍岁歲届屆"
    "期枚颗顆门門间間套台部份篇场場轮輪批种種类類股例宗度级級户戶票元块塊吨噸米克升秒成"
    "回円歳階社つヶヵケ箇カ"
)
_MEASURES_2 = frozenset(
    "小时 小時 分钟 分鐘 公里 千米 世纪 世紀 季度 星期 周年 美元 欧元 歐元 英镑 英鎊 日元 "
    "平方 公斤 か月 カ月 週間 時間 分間 万人 亿人".split()
)
# A run this long or longer is read no further (no numeral is).
_MAX_RUN = 40


def _is_run_char(text: str, at: int) -> bool:
    """Whether the character at ``at`` belongs to a numeral run: a Chinese numeral, a
    digit of any script, or a point between two digits."""
    char = text[at]
    if char in CJK_NUMERALS or char.isdecimal():
        return True
    if char in ",，":  # (a thousands comma: "1,234億")
        return (
            at > 0
            and text[at - 1].isdecimal()
            and text[at + 1 : at + 4].isdecimal()
            and len(text[at + 1 : at + 4]) == 3
            and not text[at + 4 : at + 5].isdecimal()
        )
    return (
        char in ".．"
        and 0 < at < len(text) - 1
        and text[at - 1].isdecimal()
        and text[at + 1].isdecimal()
    )


def cjk_runs(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """The numeral runs of ``text`` that meet the span ``start``-``end``, each with
    whether it holds a Chinese numeral (digits beside one are of its run: ``2.4万``).

    Found by a pattern in C; a run at the edge of the window looked at, or as long
    as ``_MAX_RUN``, is read character by character (``_runs_read``)."""
    low, high = max(0, start - _MAX_RUN), min(len(text), end + _MAX_RUN)
    runs: list[tuple[int, int, bool]] = []
    for m in compiled(_RUN).finditer(text, low, high):
        lo, hi = m.span()
        if hi <= start:
            continue
        if lo >= end:
            break
        if hi - lo >= _MAX_RUN or (lo == low and low > 0) or (hi == high and high < len(text)):
            return _runs_read(text, start, end)
        runs.append((lo, hi, not CJK_NUMERALS.isdisjoint(m.group())))
    return runs


# A numeral run: Chinese numerals, digits of any script, a point between digits, a
# thousands comma (``_is_run_char``'s characters; compiled when first used).
_RUN = (
    "(?:[" + "".join(sorted(CJK_NUMERALS)) + "]|\\d|(?<=\\d)[.\uff0e](?=\\d)"
    "|(?<=\\d)[,\uff0c](?=\\d{3}(?!\\d)))+"
)


def _runs_read(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """``cjk_runs`` read character by character."""
    runs: list[tuple[int, int, bool]] = []
    at = start
    while at < end:
        if not _is_run_char(text, at):
            at += 1
            continue
        lo, hi = at, at + 1
        while lo > 0 and at - lo < _MAX_RUN and _is_run_char(text, lo - 1):
            lo -= 1
        while hi < len(text) and hi - at < _MAX_RUN and _is_run_char(text, hi):
            hi += 1
        runs.append((lo, hi, any(text[i] in CJK_NUMERALS for i in range(lo, hi))))
        at = hi
    return runs


def cjk_key(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The figure the run ``start``-``end`` of ``text`` stands for, as a key, and where
    it is shown from (``百分之五`` is shown whole), or None when the run is no figure
    (``统一``, ``万一``, ``千万`` as "by all means")."""
    run = text[start:end]
    percent = start >= 3 and text[start - 3 : start] == "百分之"
    if (len(run) == 1 and run in _CJK_DIGITS) or run in ("十", "拾"):
        after = text[end : end + 1]
        if not (
            percent
            or after in _MEASURES
            or text[end : end + 2] in _MEASURES_2
            or text[start - 1 : start] == "第"
            or text[max(0, start - 2) : start] in ("星期", "礼拜", "禮拜")
        ):
            return None
    value = _cjk_value(run)
    if value is None:
        return None
    key = str(value.numerator) if value.denominator == 1 else _decimal(value)
    return (key + "%", start - 3) if percent else (key, start)


def _decimal(value: Fraction) -> str:
    """A value that is no whole number as the figures key one ("12345.6" -> "12345-6")."""
    whole, rest = divmod(value, 1)
    digits = ""
    while rest and len(digits) < 12:
        rest *= 10
        digit, rest = divmod(rest, 1)
        digits += str(digit)
    return f"{whole}-{digits}"


def _cjk_value(run: str) -> Fraction | None:
    from fractions import Fraction  # (imported when Chinese numerals are first read)

    """The value of a numeral run (``一百三十七``, ``2.4万``, ``二〇二五``), or None when
    it is no well-formed numeral."""
    if run[0] in "百佰千仟万萬亿億":
        return None  # "万一" (just in case), "千万" (by all means)
    if all(c in _CJK_DIGITS for c in run) and len(run) > 1:
        if (len(run) < 3 and "〇" not in run) or any(c in "两兩" for c in run):
            return None  # "一一" (one by one), "三三两两"
        return Fraction(int("".join(str(_CJK_DIGITS[c]) for c in run)))
    total = section = Fraction(0)
    number: Fraction | None = None
    at = 0
    while at < len(run):
        char = run[at]
        if char.isdecimal():
            if number is not None:
                return None
            lo = at
            while at < len(run) and (run[at].isdecimal() or run[at] in ".．,，"):
                at += 1
            digits = "".join(
                "." if c in ".．" else str(unicodedata.decimal(c))
                for c in run[lo:at]
                if c not in ",，"
            )
            number = Fraction(digits)
            continue
        if char in _CJK_DIGITS:
            if number is not None and number != 0:
                return None
            number = None if char in "〇零" else Fraction(_CJK_DIGITS[char])
        elif char in _CJK_TENS:
            section += (1 if number is None else number) * _CJK_TENS[char]
            number = None
        else:
            scale = _CJK_BIG[char]
            here = section + (number or 0)
            if scale == 10**8:  # "1万亿" = 10^12: what stands before is multiplied
                total = (total + here) * scale
            else:  # "3亿5000万": only the section since the last 亿
                total += here * scale
            if not total:
                return None
            section, number = Fraction(0), None
        at += 1
    return total + section + (number or 0)


# Number words: each value's forms, by language; none is also an English word (see
# the module's docstring), none an article.
_FORMS = {
    2: "deux zwei dos dois duas два две дві двоє двое dwa dwie dwóch dwoje",
    3: "trois drei tres três три троє трое trzy tre",
    4: "quatre vier cuatro quatro четыре чотири четверо cztery quattro",
    5: "cinq fünf funf cinco пять п'ять пятеро pięć cinque",
    6: "six sechs seis шесть шість шестеро sześć",
    7: "sept sieben siete sete семь сім семеро siedem sette",
    8: "huit acht ocho oito восемь вісім osiem",
    9: "neuf neun nueve nove девять дев'ять dziewięć",
    10: "dix zehn diez dez десять dziesięć dieci",
    11: "onze одиннадцать одинадцять",
    12: "douze zwölf doce doze двенадцать дванадцять",
    13: "treize dreizehn trece treze тринадцать тринадцять",
    14: "quatorze vierzehn catorce catorze четырнадцать чотирнадцять",
    15: "quinze fünfzehn quince пятнадцать п'ятнадцять",
    16: "sechzehn dieciséis dezesseis dezasseis шестнадцать шістнадцять",
    17: "siebzehn diecisiete dezessete dezassete семнадцать сімнадцять",
    18: "achtzehn dieciocho dezoito восемнадцать вісімнадцять",
    19: "neunzehn diecinueve dezenove dezanove девятнадцать дев'ятнадцять",
    20: "vingt vingts zwanzig veinte vinte двадцать двадцять",
    21: "veintiuno veintiún",
    22: "veintidós",
    23: "veintitrés",
    24: "veinticuatro",
    25: "veinticinco",
    26: "veintiséis",
    27: "veintisiete",
    28: "veintiocho",
    29: "veintinueve",
    30: "trente dreißig dreissig treinta trinta тридцать тридцять",
    40: "quarante vierzig cuarenta quarenta сорок",
    50: "cinquante fünfzig cincuenta cinquenta пятьдесят п'ятдесят",
    60: "soixante sechzig sesenta sessenta шестьдесят шістдесят",
    70: "siebzig setenta семьдесят сімдесят",
    80: "quatre-vingts quatre-vingt achtzig ochenta oitenta восемьдесят вісімдесят",
    90: "neunzig noventa девяносто дев'яносто",
    100: "cien ciento cem сто",
    200: "doscientos doscientas duzentos duzentas двести двісті",
    300: "trescientos trescientas trezentos trezentas триста",
    400: "cuatrocientos cuatrocientas quatrocentos quatrocentas четыреста чотириста",
    500: "quinientos quinientas quinhentos quinhentas пятьсот п'ятсот",
    600: "seiscientos seiscientas seiscentos seiscentas шестьсот шістсот",
    700: "setecientos setecientas setecentos setecentas семьсот сімсот",
    800: "ochocientos ochocientas oitocentos oitocentas восемьсот вісімсот",
    900: "novecientos novecientas novecentos novecentas девятьсот дев'ятсот",
}
WORD_VALUES = {w: v for v, forms in _FORMS.items() for w in forms.split()}

# Scales: a number before them is multiplied (``trois cents``, ``huit milliards``).
_SCALE_FORMS = {
    100: "cents hundert",
    1000: "tausend тысяча тысячи тысяч тысячу тысячей тисяча тисячі тисяч тисячу тисячею",
    10**6: "millions millionen millón millones milhão milhões миллион миллиона миллионов "
    "мільйон мільйони мільйонів мільйона milione milioni miljoen miljoenen miljon miljoner "
    "milion miliony milionów mln млн mnkr",
    10**9: "milliards milliarde milliarden mrd bilhão bilhões миллиард миллиарда миллиардов "
    "мільярд мільярди мільярдів мільярда miliardo miliardi miljard miljarden miljarder "
    "miliard miliardy miliardów mld млрд mdkr",
}
SCALE_WORDS = {w: v for v, forms in _SCALE_FORMS.items() for w in forms.split()}
# Scales that are also English words or mean "a thousand" alone, and ``Mio`` (a given
# name too; ``Mrd.`` is a scale anywhere): only after a number.
SCALES_AFTER_A_NUMBER = {"cent": 100, "mille": 1000, "mil": 1000, "mio": 10**6}
# Words that join the words of one figure (``vingt et un``, ``treinta y cinco``).
JOINERS = frozenset("et y e".split())


def word_value(word: str) -> int | None:
    """The value of a folded number word of another language (``trois``, ``сто``,
    ``sechsundfünfzig``, ``zweihundert``), or None."""
    if (value := WORD_VALUES.get(word)) is not None:
        return value
    if len(word) > 30 or not word.isalpha():
        return None
    for scale, size in (("tausend", 1000), ("hundert", 100)):
        head, found, rest = word.partition(scale)
        if found and (head or rest):  # zweihundert, hundertzwanzig, zweitausendfünf
            many = word_value(head) if head else 1
            more = word_value(rest) if rest else 0
            if many is None or more is None:
                return None
            return many * size + more
    unit, found, tens = word.partition("und")  # sechsundfünfzig
    if found and (u := WORD_VALUES.get(unit)) and u < 10 and (t := WORD_VALUES.get(tens)):
        return t + u if t % 10 == 0 and 20 <= t <= 90 else None
    return None


# Months, by language: their number (``novembre`` = ``ноября`` = 11); those spelled as
# in English (``April``, ``November``) are English months (``figure_words._MONTHS``).
_MONTH_FORMS = (
    "janvier januar enero janeiro января січня gennaio januari stycznia",
    "février februar febrero fevereiro февраля лютого febbraio februari lutego",
    "mars märz marzo março марта березня maart",
    "avril abril апреля квітня aprile kwietnia",
    "mai mayo maio мая травня maggio mei maja",
    "juin juni junio junho июня червня giugno czerwca",
    "juillet juli julio julho июля липня luglio lipca",
    "août agosto августа серпня augustus sierpnia",
    "septembre septiembre setembro сентября вересня settembre września",
    "octobre oktober octubre outubro октября жовтня ottobre października",
    "novembre noviembre novembro ноября листопада listopada",
    "décembre dezember diciembre dezembro декабря грудня dicembre grudnia",
)
MONTH_NUMBERS = {w: str(i + 1) for i, forms in enumerate(_MONTH_FORMS) for w in forms.split()}


def spelled_value(parts: list[str]) -> int | None:
    """The value of the parts of a number word joined by hyphens (``dix-huit``,
    ``quatre-vingt-dix``, ``vingt-et-un``), or None when one is no number word."""
    total = current = 0
    for i, part in enumerate(parts):
        before = parts[i - 1] if i else ""
        if part in ("vingt", "vingts") and before == "quatre":
            current += 80 - 4  # quatre-vingts: four twenties
        elif part in ("un", "une") and before == "et":
            current += 1
        elif (value := word_value(part)) is not None:
            current += value
        elif (scale := SCALE_WORDS.get(part) or SCALES_AFTER_A_NUMBER.get(part)) is not None:
            current = max(current, 1) * scale
            if scale >= 1000:
                total, current = total + current, 0
        elif part not in JOINERS:
            return None
    return total + current


# German "elf" (11) before a noun, which German capitalises ("elf Kinder"): an English
# "elf" is no figure.
GERMAN_ELF = r"\s+[A-ZÄÖÜ]"


def other_language_number(folded: str, text: str, start: int, end: int) -> str | None:
    """The figure a number word of another language stands for (``trois``, ``dix-huit``,
    ``сто``, ``milliards``), or a month's number beside a day or year (``10 novembre``)."""
    if folded == "elf" and compiled(GERMAN_ELF).match(text, end):
        return "11"
    value = word_value(folded)
    if value is None and "-" in folded:
        value = spelled_value(folded.split("-"))
    if value is None:
        value = SCALE_WORDS.get(folded)
    if value is not None:
        return str(value)
    if (
        folded in MONTH_NUMBERS
        and (  # "10 novembre 2025", "10 de noviembre de 2025"
            re.search(r"\d\.?\s+(?:de\s+)?$", text[max(0, start - 8) : start])
            or re.match(r"\s+(?:de\s+)?\d", text[end : end + 6])
        )
    ):
        return MONTH_NUMBERS[folded]
    return None


def after_de(tokens: list[tuple[int, str]], at: int, step: int) -> bool:
    """Whether the token ``at`` has "de" and then digits next to it, on the side of
    ``step`` (-1 before, 1 after)."""
    near, far = at + step, at + 2 * step
    if not 0 <= far < len(tokens) or not 0 <= near < len(tokens):
        return False
    return tokens[near][1] == "de" and tokens[far][1][:1].isdecimal()


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


def cyrillic_number(folded: str) -> str | None:
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
