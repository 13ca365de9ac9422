"""Tokenization: the units that alignment and word diff work on, with their offsets.

A unit is a word (``\\w`` runs joined across inner apostrophes and hyphens, numbers
joined across ``.:`` between digits and across a thousands or decimal comma,
``1,000,000`` or ``3,14`` but not ``2000,2001``; combining marks and format characters kept
inside), or a run of one repeated punctuation character. Whitespace is never part
of a unit's key. A word, a lone hyphen, and a word (``eight - minute``) are joined
into one unit whose key is spelled like ``eight-minute``, so tokenization differences
are not edits; a dash used as punctuation (``—``, ``–``, ``--``) stays a unit of its
own, spaced or not. Every unit keeps its raw span and its key side by side.

Word counts follow the contract's tokenizer everywhere (``count_words``).
"""

from __future__ import annotations

import re
import struct
import unicodedata
from array import array
from collections.abc import Callable, Iterator, MutableSequence, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from operator import and_
from typing import Any, cast

from core.engine.normalize import APOSTROPHES, normalize_token
from core.engine.unit_packing import (
    packed_keys,
    packed_weights,
    unpacked_keys_kept,
    unpacked_weights,
)

CONTRACT_JOINERS = "-\u2010\u2011\u00ad" + APOSTROPHES
_JOIN = re.escape(CONTRACT_JOINERS)
# The contract's word tokenizer: \w runs joined across inner apostrophes and hyphens
# (the soft hyphen too: "Fu\u00dfball\u00adspieler" is one word, as "Fu\u00dfballspieler"; counted
# as three, a text differing only by soft hyphens scored 112 % similar).
CONTRACT_WORD = re.compile(rf"\w+(?:[{_JOIN}]\w+)*")

# Units also join across the full-width hyphen and apostrophe, and numbers across
# full-width points, so a full-width spelling is the same units as the half-width one.
# A comma joins digits as a thousands separator or a decimal comma (``1,000,000``,
# ``3,14``: one to three digits after it), not in a list written without spaces
# (``2000,2001,2002`` is three numbers: joined, adding ``, 2007`` marked the whole list
# and left ``2002`` free to pair with another ``2002`` far off).
_UNIT_JOINERS = "-\u2010\u2011\u00ad" + APOSTROPHES + "\uff0d\uff07"
_UNIT_JOIN = re.escape(_UNIT_JOINERS)
# A figure dash, en dash or minus joins two numbers (``3\u20133``, ``1990\u201395``): the same
# unit as ``3-3``, whose hyphen joins it (a score or range restyled is no edit).
_NUMBER_POINTS = ".:\uff0e\uff1a"
_NUMBER_COMMAS = ",\uff0c"
# ... and the dashes that join two numbers, spaced too: ``1991 \u2013 2001``.
_NUMBER_DASHES = "\u2012\u2013\u2212"
_NUMBER_JOIN = (
    rf"(?<=\d)(?:[{re.escape(_NUMBER_POINTS)}]\d+|[{_NUMBER_COMMAS}]\d{{1,3}}(?!\d)"
    rf"|[{_NUMBER_DASHES}]\d+)"
)

# The hyphens that join words inside a unit (``_UNIT_JOIN``), and a spaced word - word.
_HYPHENS = "-\u2010\u2011\uff0d"

_LINE_BREAK = re.compile(r"\r\n?|[\n\x85\u2028\u2029]")


# Scripts written without spaces between words: every Han character, kana and
# iteration mark is a unit of its own (a dictionary segmenter is not needed to mark a
# one-character change as one character). Hangul is written with spaces and stays in
# words; Thai, also unspaced, has no light segmenter at hand: one unit per run.
# Combining voicing marks (U+3099, U+309A) and half-width ones (U+FF9E, U+FF9F) stay
# with the kana before them, so NFKC can compose them in the key.
CJK_CHARS = (
    "\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c"
    "\u3041-\u3098\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff66-\uff9d\U00020000-\U0003134f"
)
_CJK = f"[{CJK_CHARS}]"
# Every character above is at U+3000 or later: a text whose largest is below holds none.
WIDE_FROM = "\u3000"


def has_wide(text: str) -> bool:
    """Whether ``text`` holds a character from ``WIDE_FROM`` on (Han, kana, full-width
    forms, and everything above). No pattern to compile (a class of that range takes
    5 ms, a twentieth of a short comparison), and quicker than one on long texts."""
    return _wide_among(non_ascii(text))


def matched_among(found: set[str], pattern: str) -> bool:
    """Whether a wide character (``has_wide``) of ``found``, a text's ``non_ascii``
    characters, matches ``pattern``, a class of wide characters: each distinct
    character beyond ASCII looked at once, not the whole text (a class of many ranges
    searched over 1 MB took 5 ms)."""
    if not _wide_among(found):
        return False
    one = compiled(pattern)
    return any(one.match(c) is not None for c in found)


def _wide_among(found: set[str]) -> bool:
    """Whether the characters ``found`` (``non_ascii``) hold one from ``WIDE_FROM`` on."""
    return bool(found) and max(found) >= WIDE_FROM


_VOICING = "\u3099\u309a\uff9e\uff9f"


def _range_ends(chars: str) -> str:
    """The ranges of a character class's text (``a-z_``) as their ends, in pairs
    (``az__``)."""
    ends: list[str] = []
    k = 0
    while k < len(chars):
        if k + 2 < len(chars) and chars[k + 1] == "-":
            ends += (chars[k], chars[k + 2])
            k += 3
        else:
            ends += (chars[k], chars[k])
            k += 1
    return "".join(ends)


@lru_cache(maxsize=256)
def compiled(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled when first used (start-up): a pattern takes 0.1-0.5 ms to
    compile, one with a class of wide characters (above) milliseconds, and most
    comparisons never need most of the patterns of the flags. A call costs about
    50 ns more than a module's compiled pattern: a loop over every character or word
    of a text takes the pattern once, before it."""
    return re.compile(pattern)


def found_where(
    pattern: re.Pattern[str], text: str, lo: int = 0, hi: int | None = None
) -> list[tuple[int, str]]:
    """What ``pattern`` finds in ``text[lo:hi]`` and where each starts, without match
    objects: each found from the last one's end. Only for a pattern whose every match
    opens with a letter or a digit and with nothing the gaps between matches can hold
    (a letter or a digit always opens a match), so the first place from there spelled
    as the match is the match."""
    end = len(text) if hi is None else hi
    out: list[tuple[int, str]] = []
    at = lo
    for found in pattern.findall(text, lo, end):
        at = text.find(found, at, end)
        out.append((at, found))
        at += len(found)
    return out


Scanner = Callable[
    [str, int, int, str, bool, dict[str, str], dict[str, int], dict[str, str], bool],
    tuple[bytes, bytes, list[str], list[int | None], list[str], list[int]],
]
scan_units: Scanner | None
try:
    # The compiled path's scanner (``unit_scan.c``, built by ``make native``): the same
    # units as ``_unit_pattern``, found in one pass over the text.
    from core.engine.unit_scan import configure as _configure_scan
    from core.engine.unit_scan import units as scan_units
except ImportError:
    scan_units = None


# Punctuation that comes in runs ("....", "--", "''", "**") is one unit per run; any
# other mark is a unit of its own. No back-references, so re.split can do the work.
# A full-width mark runs with its half-width form ("?？" is "??" in the key).
_RUN_MARKS = (
    ".\uff0e",
    "-\uff0d",
    "'\uff07",
    '"\uff02',
    "*\uff0a",
    "=\uff1d",
    "#\uff03",
    "~\uff5e",
    "!\uff01",
    "?\uff1f",
    "\u2026",
    "\u2014",
    "\u2013",
    "/\uff0f",
    "\\\uff3c",
    "|\uff5c",
    "+\uff0b",
    "<\uff1c",
    ">\uff1e",
    "\u3002\uff61",
)
_PUNCT_RUNS = "|".join(f"[{re.escape(marks)}]+" for marks in _RUN_MARKS)


@lru_cache(maxsize=64)
def _unit_pattern(present_marks: frozenset[str], cjk: bool = False) -> re.Pattern[str]:
    """The unit pattern, with one capturing group around the whole unit.

    Combining marks and format characters are not ``\\w`` but belong inside words
    (``cafe\u0301``, ``wo\u200brd``). Only the ones the text holds go into the
    character class: a class of all of them makes the pattern three times slower.
    With ``cjk``, Han and kana characters are units of one character each (the
    other patterns serve texts that hold none, at their old speed).
    """
    marks = "".join(re.escape(c) for c in sorted(present_marks))
    if cjk:
        letter = rf"[^\W{CJK_CHARS}]"
        word_char = rf"(?:{letter}|[{marks}])" if marks else letter
    else:
        word_char = rf"[\w{marks}]" if marks else r"\w"
    word = rf"{word_char}+(?:[{_UNIT_JOIN}]{word_char}+|{_NUMBER_JOIN})*"
    punct = rf"(?:{_PUNCT_RUNS}|[^\s\w{marks}])[{marks}]*" if marks else rf"{_PUNCT_RUNS}|[^\s\w]"
    if cjk:
        word = rf"[{CJK_CHARS}][{_VOICING}{marks}]*|{word}"
    # The look-ahead fails at once on whitespace, before the alternatives are tried.
    return re.compile(f"(?=\\S)({word}|{punct})")


if scan_units is not None:
    _configure_scan(
        _UNIT_JOINERS,
        _NUMBER_POINTS,
        _NUMBER_COMMAS,
        _NUMBER_DASHES,
        _RUN_MARKS,
        _range_ends(CJK_CHARS),
        _VOICING,
    )

_MARK_CATEGORIES = frozenset(("Mn", "Mc", "Me", "Cf"))
_ASCII_BYTES = bytes(range(128))


def non_ascii(text: str) -> set[str]:
    """The distinct characters of ``text`` beyond ASCII (found once for a text both
    tokenized and segmented: ``tokenize``'s and ``segment``'s ``wide``)."""
    if text.isascii():
        return set()
    # UTF-8 less its ASCII bytes is the non-ASCII characters alone (their bytes are
    # all 0x80 and above): a few C passes (prose holds few: quotes, dashes).
    wide = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return set(wide.decode("utf-8", "surrogatepass"))


def _marks_in(found: set[str]) -> frozenset[str]:
    """The combining marks and format characters among the characters ``found``."""
    return frozenset(c for c in found if unicodedata.category(c) in _MARK_CATEGORIES)


@dataclass(frozen=True, slots=True)
class Tokens:
    """The units of one text, as parallel sequences indexed by unit number.

    Attributes:
        starts: code-point offset where each unit starts.
        ends: code-point offset where each unit ends (half-open).
        keys: the matching key of each unit (see ``core.engine.normalize``).
        words: the weight of each unit as a word, for the engine's choices: how many
            contract words it holds, 0 for punctuation, 1 for a Han or kana character.
        counted: how many contract words start in each unit, where that differs from
            ``words`` (text without spaces: ``公布了`` is one contract word, three
            units); None when it does not. See ``contract_words``.
    """

    starts: Sequence[int]
    ends: Sequence[int]
    keys: tuple[str, ...]
    words: tuple[int, ...]
    counted: tuple[int, ...] | None = None

    def __reduce__(self) -> tuple[Callable[..., Tokens], tuple[object, ...]]:
        # As core.model's classes: compiled (core.engine.native), a frozen class
        # refuses the attribute-by-attribute setting pickle does by default. The keys
        # and weights packed (``core.engine.unit_packing``): the units child's result,
        # which the process waits for.
        vocabulary, ids = packed_keys(self.keys)
        weights = packed_weights(self.words)
        words = self.words if weights is None else weights
        return unpacked_tokens, (self.starts, self.ends, vocabulary, ids, words, self.counted)

    def __len__(self) -> int:
        return len(self.starts)

    @property
    def contract_words(self) -> tuple[int, ...]:
        """Contract words per unit: their sum is ``count_words`` of the text, so the
        statistics keep the contract's counts (a run of Han characters is one word,
        counted in the unit it starts in)."""
        return self.words if self.counted is None else self.counted


def unpacked_tokens(
    starts: Sequence[int],
    ends: Sequence[int],
    vocabulary: list[str],
    ids: bytes,
    words: bytes | tuple[int, ...],
    counted: tuple[int, ...] | None,
) -> Tokens:
    """``Tokens`` as ``Tokens.__reduce__`` packed them."""
    weights = unpacked_weights(words) if isinstance(words, bytes) else words
    return Tokens(starts, ends, unpacked_keys_kept(vocabulary, ids), weights, counted)


def has_cjk(text: str) -> bool:
    """Whether the text holds a Han or kana character (a unit of its own)."""
    return _cjk_among(non_ascii(text))


def _cjk_among(found: set[str]) -> bool:
    """Whether the characters ``found`` (``non_ascii``) hold a Han or kana character:
    each looked at once, not the whole text (a text with a wide character, as a
    mathematical letter, may hold none)."""
    return matched_among(found, _CJK)


def count_words(text: str) -> int:
    """Count words with the contract's tokenizer."""
    return sum(1 for _ in CONTRACT_WORD.finditer(text))


def tokenize(text: str, *, fold_case: bool = True, wide: set[str] | None = None) -> Tokens:
    """Split ``text`` into units with offsets, keys and word counts.

    Linear in the length of the text (no pattern here can backtrack more than
    once over a run of spaces or punctuation). The text is split a stretch of
    paragraphs at a time (no unit crosses a blank line), so the split's pieces never
    all exist at once; offsets go into arrays and equal keys are one string.
    ``wide``: the text's ``non_ascii`` characters, when the caller has them.
    """
    return _tokenize(text, fold_case, scan_units, wide)


def _tokenize(
    text: str, fold_case: bool, scan: Scanner | None, wide: set[str] | None = None
) -> Tokens:
    """``tokenize``, with the scanner ``scan`` (the compiled path's) or, None, the
    expression (both give the same units: ``tests/test_unit_scan.py``)."""
    found = non_ascii(text) if wide is None else wide
    cjk = _cjk_among(found)
    marks = _marks_in(found)
    marked = "".join(sorted(marks))  # (as the scanner takes them)
    starts = array("q")
    ends = array("q")
    keys: list[str] = []
    words: list[int] = []
    spellings = _Spellings(fold_case)
    for lo, hi in paragraph_stretches(text):
        if scan is not None:
            _scan_stretch(scan, text, (lo, hi), marked, cjk, spellings, (starts, ends, keys, words))
            continue
        raws = _split_stretch(text, lo, hi, marks, cjk, starts, ends)
        spellings.learn(raws)
        keys += map(spellings.key_of.__getitem__, raws)
        words += map(spellings.words_of.__getitem__, raws)
    dashes = lone_dashes(keys, spellings.keys.get("-"))
    _join_spaced_dashes(text, dashes, starts, ends, keys, words, cjk)
    counted = _counted(text, starts, ends) if cjk else None
    return Tokens(starts, ends, tuple(keys), tuple(words), counted)


def _lone_dashes(keys: list[str], dash: str | None) -> list[int]:
    """The units whose key is a lone dash (``dash``: the key "-", one string for all
    such units; None: there are none), found by ``list.index`` (a scan in C that
    tells the shared key object at once; a map of ``str.__eq__`` over every key took
    10 ms of a 1 MB side's 200,000 units, this one pass 2-3). (``unit_scan.c``'s
    ``where`` on the compiled path: the same units, by the key's identity alone.)"""
    found: list[int] = []
    if dash is None:
        return found
    at = -1
    try:
        while True:
            at = keys.index(dash, at + 1)
            found.append(at)
    except ValueError:
        return found


def _where(keys: list[str], dash: str | None) -> list[int]:
    return [] if dash is None else where_item(keys, dash)


lone_dashes: Callable[[list[str], str | None], list[int]]
try:
    # The compiled path's (``unit_scan.c``): 0.2 ms of a 1 MB side's units, not 2.
    from core.engine.unit_scan import where as where_item
except ImportError:
    lone_dashes = _lone_dashes
else:
    lone_dashes = _where


def _split_stretch(
    text: str,
    lo: int,
    hi: int,
    marks: frozenset[str],
    cjk: bool,
    starts: array[int],
    ends: array[int],
) -> list[str]:
    """The units of ``text[lo:hi]`` by the expression: their offsets appended to
    ``starts`` and ``ends``, their spellings returned."""
    # split() with one capturing group alternates gaps (whitespace) and units, all in
    # C; offsets are the running sum of their lengths.
    parts = _unit_pattern(marks, cjk).split(text[lo:hi])
    offsets = list(accumulate(map(len, parts), initial=lo))
    starts += int_array(offsets[1:-1:2])
    ends += int_array(offsets[2::2])
    return parts[1::2]


def _scan_stretch(
    scan: Scanner,
    text: str,
    span: tuple[int, int],
    marks: str,
    cjk: bool,
    spellings: _Spellings,
    units: tuple[array[int], array[int], list[str], list[int]],
) -> None:
    """The units of ``text`` in ``span`` by the scanner (``unit_scan.c``; ``marks``
    sorted), appended to ``units`` (starts, ends, keys, words): the same as the
    expression's, keyed as ``spellings`` keys them. The scanner keys the plain words
    it meets first itself (into ``spellings``, as ``_Spellings.learn`` would)."""
    starts, ends, keys, words = units
    key_of, words_of = spellings.key_of, spellings.words_of
    found_starts, found_ends, found_keys, found_words, unseen, fresh = scan(
        text, *span, marks, cjk, key_of, words_of, spellings.keys, spellings.fold_case
    )
    # The other spellings the scanner did not know (their units hold the spelling and
    # None).
    spellings.learn(unseen)
    for k in fresh:
        raw = found_keys[k]
        found_keys[k] = key_of[raw]
        found_words[k] = words_of[raw]
    starts.frombytes(found_starts)
    ends.frombytes(found_ends)
    keys += found_keys
    words += cast(list[int], found_words)


def int_array(numbers: list[int]) -> array[int]:
    """``numbers`` as an ``array("q")``, packed in one C call (an array converts the
    items of a list or an iterator one by one, several times slower)."""
    return array("q", struct.pack(f"{len(numbers)}q", *numbers))


STRETCH = 1 << 18  # characters split at once (about 50,000 units of prose)


def paragraph_stretches(text: str) -> Iterator[tuple[int, int]]:
    """Spans of whole paragraphs of about ``STRETCH`` characters, covering the text."""
    lo = 0
    n = len(text)
    while n - lo > STRETCH:
        cut = text.find("\n\n", lo + STRETCH)
        if cut < 0:
            break
        yield lo, cut
        lo = cut
    yield lo, n


class _Spellings:
    """Each distinct spelling of a unit normalized once: its key (equal keys are one
    string) and its weight as a word."""

    def __init__(self, fold_case: bool) -> None:
        self.fold_case = fold_case
        self.key_of: dict[str, str] = {}
        self.words_of: dict[str, int] = {}
        self.keys: dict[str, str] = {}

    def learn(self, raws: list[str]) -> None:
        """Normalize the spellings of ``raws`` not seen before (looked up in C).

        Plain ASCII words (most of them) are keyed in bulk: their key is their lower
        case (or themselves) and their weight 1, as ``normalize_token`` and
        ``_unit_words`` would say one by one.
        """
        unseen = list(set(raws).difference(self.key_of))
        is_plain = map(and_, map(str.isalnum, unseen), map(str.isascii, unseen))
        plain = list(compress(unseen, is_plain))
        keys = list(map(str.lower, plain)) if self.fold_case else plain
        self.key_of.update(zip(plain, map(self.keys.setdefault, keys, keys)))
        self.words_of.update(dict.fromkeys(plain, 1))
        for raw in set(unseen).difference(plain):
            key = normalize_token(raw, fold_case=self.fold_case)
            self.key_of[raw] = self.keys.setdefault(key, key)
            self.words_of[raw] = _unit_words(raw)


def _counted(text: str, starts: Sequence[int], ends: Sequence[int]) -> tuple[int, ...]:
    """Contract words starting in each unit (a merge of two sorted lists: linear)."""
    counted = [0] * len(starts)
    k = 0
    n = len(starts)
    for m in CONTRACT_WORD.finditer(text):
        at = m.start()
        while k < n and ends[k] <= at:
            k += 1
        if k < n and starts[k] <= at:
            counted[k] += 1
    return tuple(counted)


def spanning_words(text: str, tokens: Tokens) -> list[tuple[int, int]]:
    """The contract words of ``text`` that span several of its units, as (first unit,
    last unit): text without spaces, where ``公布了`` is one word and three units.
    Empty when every word lies inside one unit (``tokens.counted`` is None)."""
    if tokens.counted is None:
        return []
    starts, ends = tokens.starts, tokens.ends
    n = len(starts)
    out: list[tuple[int, int]] = []
    k = 0
    for m in CONTRACT_WORD.finditer(text):
        at, end = m.span()
        while k < n and ends[k] <= at:
            k += 1
        if k == n:
            break
        last = k
        while last + 1 < n and starts[last + 1] < end:
            last += 1
        if last > k:
            out.append((k, last))
        # (the next word starts at or after this one's end: k moves on from here)
    return out


def _unit_words(raw: str) -> int:
    first = raw[0]
    if not (first.isalnum() or first == "_"):
        return 0 if len(raw) == 1 or not raw[1:].isalnum() else count_words(raw)
    if raw.isalnum():
        return 1
    return count_words(raw)


def _join_spaced_dashes(
    text: str,
    dashes: list[int],
    starts: MutableSequence[int],
    ends: MutableSequence[int],
    keys: list[str],
    words: list[int],
    cjk: bool = False,
) -> None:
    """Join ``word - word`` triples into one unit, in place.

    The dash may have spaces, or one line break, on either side (hard-wrapped text
    puts dashes at line starts and ends alike); a blank line ends a paragraph, so a
    dash next to one is not joined. A "- item" bullet list whose items are single
    words joins too, the same way in both texts, so it matches all the same.

    Only a single hyphen joins (``_HYPHENS``: the ones that join words inside a unit,
    so ``eight - minute`` matches ``eight-minute``), or an en dash between two numbers
    of as many digits (``1991 \u2013 2001`` matches ``1991\u20132001``; not ``1778 \u2013
    29 May``). A dash used as punctuation (an em
    or en dash, a ``--``) is a unit of its own spaced or not: joined, ``картоплі — це``
    would be one unit against ``картоплі це`` and both words marked.
    """
    n = len(keys)
    dash_at = [
        i
        for i in dashes
        if 0 < i < n - 1
        and ends[i] - starts[i] == 1
        and (
            text[starts[i]] in _HYPHENS
            or (
                text[starts[i]] in _NUMBER_DASHES
                and text[starts[i - 1] : ends[i - 1]].isdecimal()
                and text[starts[i + 1] : ends[i + 1]].isdecimal()
                and ends[i - 1] - starts[i - 1] == ends[i + 1] - starts[i + 1]
            )
        )
    ]
    if not dash_at:
        return
    keep = [True] * n
    dropped: list[int] = []  # ascending: each dash joins the units after the last one
    for i in dash_at:
        left = i - 1
        while not keep[left]:
            left -= 1
        if not (words[left] and words[i + 1]) or not keep[i]:
            continue
        # Han and kana stay units of one character (公布-公布).
        if cjk and (
            compiled(_CJK).match(text, starts[left]) or compiled(_CJK).match(text, starts[i + 1])
        ):
            continue
        before = text[ends[i - 1] : starts[i]]
        after = text[ends[i] : starts[i + 1]]
        if len(_LINE_BREAK.findall(before)) > 1 or len(_LINE_BREAK.findall(after)) > 1:
            continue
        keys[left] = f"{keys[left]}-{keys[i + 1]}"
        ends[left] = ends[i + 1]
        words[left] += words[i + 1]
        keep[i] = keep[i + 1] = False
        dropped += (i, i + 1)
    if dropped:
        _drop(starts, dropped)
        _drop(ends, dropped)
        drop_units(keys, dropped)
        drop_units(words, dropped)


def _drop(units: MutableSequence[Any], dropped: list[int]) -> None:
    """Remove the units at the ascending indices ``dropped``, in place (slices are
    copied in C, so the cost is one copy of the sequence)."""
    kept = units[:0]
    previous = 0
    for index in dropped:
        kept += units[previous:index]
        previous = index + 1
    kept += units[previous:]
    units[:] = kept


drop_units: Callable[[list[Any], list[int]], None]
try:
    # The compiled path's (``unit_scan.c``): a list's units dropped in one pass, moved
    # down in place (``_drop``'s slices take and give back a reference to every unit
    # kept: 3-4 ms of a 1 MB side's keys and weights, for a few hundred dashes).
    from core.engine.unit_scan import drop as drop_units
except ImportError:
    drop_units = _drop


def attach_punctuation(tokens: Tokens) -> Tokens:
    """Fold every punctuation unit into the word before it (or after it, at the start).

    Used when punctuation must not count: ``fighter .`` and ``fighter`` become one
    unit each, with the same key, so they match as a trivial difference.
    """
    starts: list[int] = []
    ends: list[int] = []
    keys: list[str] = []
    words: list[int] = []
    counted: list[int] = []
    pending_start: int | None = None
    units = zip(tokens.starts, tokens.ends, tokens.keys, tokens.words, tokens.contract_words)
    for s, e, k, w, c in units:
        if w == 0:
            if ends:
                ends[-1] = e
            elif pending_start is None:
                pending_start = s
            continue
        starts.append(s if pending_start is None else pending_start)
        pending_start = None
        ends.append(e)
        keys.append(k)
        words.append(w)
        counted.append(c)
    if pending_start is not None:  # no word at all: keep the punctuation as it is
        return tokens
    kept = None if tokens.counted is None else tuple(counted)
    return Tokens(tuple(starts), tuple(ends), tuple(keys), tuple(words), kept)
