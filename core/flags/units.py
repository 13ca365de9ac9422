"""The unit or currency of a figure that stayed: ``12 years`` -> ``12 months``,
``47 kilometres`` -> ``47 miles``, ``$21 million`` -> ``€21 million``.

The figure's digits are the same on both sides, so the figures' own comparison
(``core.flags.figures``) sees nothing; the word after the figure (or the sign before
it) changed. Each figure of a block's sentence is read with its unit; a figure found
on both sides whose units share no meaning, one of them in a changed span, is a
``number`` flag. A unit may mean more than one thing (``pounds``: weight or money;
``¥``: yen or yuan): written otherwise with one meaning in common, it is the same.
"""

from __future__ import annotations

from collections import defaultdict
from operator import attrgetter

from core.engine.tokens import compiled
from core.flags.numerals import SCALE_WORDS
from core.flags.pooled import Context, Flag, Pooled, Word, has_sign, holds_sign, make_flag
from core.model import Span

# Each spelling (folded) and what it may mean.
UNIT_WORDS: dict[str, frozenset[str]] = {}


def _units(meaning: str | tuple[str, ...], spellings: str) -> None:
    means = frozenset((meaning,) if isinstance(meaning, str) else meaning)
    for spelling in spellings.split():
        UNIT_WORDS[spelling] = UNIT_WORDS.get(spelling, frozenset()) | means


_units("second", "second seconds sec secs")
_units("minute", "minute minutes min mins")
_units("hour", "hour hours hr hrs")
_units("day", "day days")
_units("week", "week weeks")
_units("month", "month months")
_units("year", "year years yr yrs")
_units("decade", "decade decades")
_units("century", "century centuries")
_units("mm", "mm millimetre millimetres millimeter millimeters")
_units("cm", "cm centimetre centimetres centimeter centimeters")
_units("metre", "metre metres meter meters")
_units("km", "km kms kilometre kilometres kilometer kilometers")
_units("mile", "mile miles mi")
_units("foot", "foot feet ft")
_units("inch", "inch inches")
_units("yard", "yard yards yd yds")
_units("kg", "kg kgs kilogram kilograms kilogramme kilogrammes kilo kilos")
_units("gram", "gram grams gramme grammes")
_units("tonne", "tonne tonnes ton tons")
_units(("lb", "gbp"), "pound pounds")
_units("lb", "lb lbs")
_units("ounce", "ounce ounces oz")
_units("litre", "litre litres liter liters")
_units("gallon", "gallon gallons")
_units("barrel", "barrel barrels")
_units("acre", "acre acres")
_units("hectare", "hectare hectares")
_units("usd", "dollar dollars usd")
_units("eur", "euro euros eur")
_units("gbp", "sterling gbp")
_units(("jpy", "cny"), "yen")
_units("cny", "yuan renminbi rmb")
_units("inr", "rupee rupees")
_units("rub", "rouble roubles ruble rubles")
_units("pct", "percent % prozent pct")
UNIT_WORDS["per cent"] = frozenset({"pct"})
for _country, _code in (
    ("canadian", "cad"),
    ("australian", "aud"),
    ("us", "usd"),
    ("u.s.", "usd"),
    ("american", "usd"),
    ("hong kong", "hkd"),
    ("new zealand", "nzd"),
    ("singapore", "sgd"),
):
    UNIT_WORDS[f"{_country} dollar"] = UNIT_WORDS[f"{_country} dollars"] = frozenset({_code})
UNIT_WORDS["percentage point"] = UNIT_WORDS["percentage points"] = frozenset({"pp"})
UNIT_WORDS["por ciento"] = frozenset({"pct"})
UNIT_WORDS["pour cent"] = frozenset({"pct"})
_units("pp", "percentage prozentpunkte prozentpunkten pp ppt pts")
_units("am", "am a.m. a.m")
_units("pm", "pm p.m. p.m")
_units("kw", "kw kilowatt kilowatts")
_units("hp", "hp horsepower bhp")
_units("cubic", "cubic")
_units("square", "square sq")
# Speeds: a length per hour ("60 mph" = "60 miles per hour").
SPEEDS = {"mph": "mile", "km/h": "km", "kph": "km", "kmh": "km", "км/ч": "km"}
for _speed, _length in SPEEDS.items():
    UNIT_WORDS[_speed] = frozenset({_length})
_units("celsius", "c °c celsius")
_units("fahrenheit", "f °f fahrenheit")
_units("cad", "cad")
_units("aud", "aud")
_units("hkd", "hkd")
_units("usd", "dólares dolares")
_units("eur", "euro")
# Other languages' currencies and units, as their news writes them after a figure
# (session 16: "milhões de euros" -> "de dólares", "рублей" -> "долларов", "億円" ->
# "億ドル", "tonnellate" -> "chili", "м/с" -> "км/ч", "proc." -> "pkt proc.").
_units(
    "usd", "dollari dolari dolarów долларов доллара доллар доларів долари долар ドル 億ドル 万ドル"
)
_units("eur", "евро євро ユーロ 億ユーロ")
_units("rub", "рублей рубля рубль рублях")
_units("uah", "гривень гривні гривня гривнях")
_units("pln", "zł złotych złote zloty")
_units("sek", "kronor kr")
_units("brl", "reais real")
_units("jpy", "円 億円 万円")
_units("tonne", "tonnellate tonnellata toneladas tonelada тонн тонны тонна тонн")
_units("kg", "chili chilogrammi quilos quilogramas килограммов кг кілограмів")
_units("km", "chilometri quilómetros quilômetros километров километра км кілометрів キロメートル")
_units("metre", "metri metros метров метра м метрів メートル")
_units("m/s", "м/с m/s")
_units("pct", "proc procent procento percento процента процентов процентів відсотків відсотка")
_units("pp", "pkt п.п")

# A currency's sign before the digits.
_SIGNS: dict[str, frozenset[str]] = {
    # ("$" alone is the dollar of the story's country: any of them)
    "$": frozenset({"usd", "cad", "aud", "nzd", "hkd", "sgd"}),
    "us$": frozenset({"usd"}),
    "c$": frozenset({"cad"}),
    "ca$": frozenset({"cad"}),
    "a$": frozenset({"aud"}),
    "au$": frozenset({"aud"}),
    "nz$": frozenset({"nzd"}),
    "hk$": frozenset({"hkd"}),
    "s$": frozenset({"sgd"}),
    "r$": frozenset({"brl"}),
    "£": frozenset({"gbp"}),
    "€": frozenset({"eur"}),
    "¥": frozenset({"jpy", "cny"}),
    "₹": frozenset({"inr"}),
    "₽": frozenset({"rub"}),
}

SCALES = {
    "thousand": "3",
    "k": "3",
    "million": "6",
    "millions": "6",
    "m": "6",
    "mn": "6",
    "billion": "9",
    "billions": "9",
    "millones": "6",
    "milliards": "9",
    "bn": "9",
    "b": "9",
}

# A figure's digits, or a number written as a word ("three days" -> "three weeks").
_DIGITS = (
    r"(?<![.,:\d])(?<![^\W\u3000-\u9fff\uac00-\ud7af])"
    r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?!\d)|\d+(?:[.,:]\d+)*)"
    r"|\b(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty|sixty|hundred|thousand|dozen)\b"
)  # (compiled when first used: start-up)
# Before the digits: a currency's sign; after them: a scale, a unit (perhaps after
# "de", "d'", "of": "21 millions d'euros"), and what it is counted per ("$15 per hour",
# "£100 a month").
_SIGN_BEFORE = r"(?i)(?:US\$|C\$|CA\$|A\$|AU\$|NZ\$|HK\$|S\$|R\$|[$£€¥₹₽]) ?$"
_AFTER = (
    "(?i)"
    r"(?: ?(?P<scale>thousand|millions?|billions?|millones|milliards|bn|mn|[kmb]|"
    + "|".join(sorted(SCALE_WORDS, key=len, reverse=True))
    + r")\b)?"
    r"(?: ?(?:d['\u2019]|de |of )?(?P<unit>%|per cent|por ciento|pour cent|[ap]\.m\.?"
    r"|percentage points?|km/h|км/ч|м/с|m/s|°[cf]"
    r"|(?:canadian|australian|us|u\.s\.|american|hong kong"
    r"|new zealand|singapore) dollars?"
    r"|(?!(?:a|an|per|each|every|por|par|pro)\b)[^\W\d_]+))?"
    r"(?: (?:a|an|per|each|every|por|par|pro) (?P<per>[^\W\d_]+))?"
)


# A figure's value, its unit's meanings, what it is counted per, and its span.
_Read = tuple[str, frozenset[str], frozenset[str], Span]


def _read(text: str, start: int, end: int) -> dict[str, list[_Read]]:
    """The figures of ``text[start:end]`` that have a unit, by value (digits and scale)."""
    out: dict[str, list[_Read]] = defaultdict(list)
    for m in compiled(_DIGITS).finditer(text, start, end):
        sign_m = compiled(_SIGN_BEFORE).search(text, max(start, m.start() - 4), m.start())
        after = compiled(_AFTER).match(text, m.end(), end)
        assert after is not None  # (every part of it may be empty)
        sign = sign_m.group().strip().casefold() if sign_m else ""
        unit = (after.group("unit") or "").casefold()
        if unit not in UNIT_WORDS and starts_wide(unit):
            # (Japanese runs on: "億円に上った" is the unit "億円" and its sentence)
            unit = next((unit[:k] for k in range(4, 0, -1) if unit[:k] in UNIT_WORDS), unit)
        per = UNIT_WORDS.get((after.group("per") or "").casefold(), frozenset())
        if unit in SPEEDS:
            per = UNIT_WORDS["hour"]
        means = _SIGNS.get(sign, frozenset()) | UNIT_WORDS.get(unit, frozenset())
        if not means and not per:
            continue
        scale_word = (after.group("scale") or "").casefold()
        scale = SCALES.get(scale_word) or (
            str(len(str(SCALE_WORDS[scale_word])) - 1) if scale_word in SCALE_WORDS else ""
        )
        digits = "".join(m.group().split()).casefold().replace(",", "")
        value = digits + ("e" + scale if scale else "")
        first = sign_m.start() if sign_m else m.start()
        last = max(m.end(), after.end("scale"))
        if UNIT_WORDS.get(unit):
            last = after.start("unit") + len(unit)
        if after.group("per") and per:
            last = after.end("per")
        out[value].append((value, means, per, (first, last)))
    return out


def starts_wide(word: str) -> bool:
    """Whether ``word`` starts with a character from U+3000 to U+9FFF (CJK marks, kana
    and Han). Compared, not matched: the class ``[\u3000-\u9fff]`` took 2-3 ms of
    every start to compile (start-up)."""
    return "\u3000" <= word[:1] <= "\u9fff"


def check_unit(pool: Pooled, context: Context) -> Flag | None:
    """A flag on a figure whose unit or currency changed while its digits stayed."""
    if not _may_change_unit(pool, context):
        return None  # (most blocks: no unit and no sign changed)
    old = _read(context.old, *pool.old_span)
    if not old:
        return None
    new = _read(context.new, *pool.new_span)
    gone: list[Word] = []
    came: list[Word] = []
    for value, olds in old.items():
        news = new.get(value, [])
        if len(olds) != 1 or len(news) != 1:
            continue  # (one of each: which is which is clear)
        (_, old_means, old_per, old_span), (_, new_means, new_per, new_span) = olds[0], news[0]
        if not _differ(old_means, new_means) and not _differ(old_per, new_per):
            continue
        old_change = pool.change_at(old_span, True)
        new_change = pool.change_at(new_span, False)
        if old_change is None and new_change is None:
            continue
        gone.append(Word(context.old[slice(*old_span)], *old_span, _either(old_change, new_change)))
        came.append(Word(context.new[slice(*new_span)], *new_span, _either(new_change, old_change)))
    if not gone:
        return None
    return make_flag("number", pool, gone, came)


_DOLLAR_PREFIXES = frozenset("us c ca a au nz hk s".split())


def _may_change_unit(pool: Pooled, context: Context) -> bool:
    """Whether both sides hold a figure, and a changed word is a unit (``47km`` too)
    or a changed span holds a sign."""
    if not _changed_unit(pool, context):
        return False
    # (no figure on a side: none whose unit could change)
    return bool(compiled(_DIGITS).search(pool.old_text) and compiled(_DIGITS).search(pool.new_text))


def _changed_unit(pool: Pooled, context: Context) -> bool:
    """Whether a changed word is a unit (``47km`` too) or a changed span holds a sign."""
    folded = list(map(str.casefold, map(attrgetter("text"), (*pool.old_words, *pool.new_words))))
    if not UNIT_WORDS.keys().isdisjoint(folded):
        return True
    if any(w[:1].isdecimal() and w.lstrip("0123456789.,:") in UNIT_WORDS for w in folded):
        return True
    for words, text in ((pool.old_words, context.old), (pool.new_words, context.new)):
        for word in words:
            folded_word = word.text.casefold()
            after = text[word.end : word.end + 2]
            if folded_word in ("a", "p") and after.casefold().startswith((".m", "m")):
                return True  # ("4:30 p.m." -> "4:30 a.m.")
            if folded_word in _DOLLAR_PREFIXES and after.startswith("$"):
                return True  # ("HK$3.4 billion" -> "US$3.4 billion")
            if text[word.end : word.end + 7].casefold().startswith(" dollar"):
                return True  # ("Canadian dollars" -> "US dollars")
    if not has_sign(pool.old_text) and not has_sign(pool.new_text):
        return False  # (most sentences: no sign at all)
    return holds_sign(context.old, (s for _, s in pool.changed_spans(True))) or holds_sign(
        context.new, (s for _, s in pool.changed_spans(False))
    )


def _differ(old: frozenset[str], new: frozenset[str]) -> bool:
    """Whether two units, both given, share no meaning."""
    return bool(old and new and old.isdisjoint(new))


def _either(first: int | None, second: int | None) -> int:
    return first if first is not None else second if second is not None else 0
