"""Sentence and paragraph segmentation with code-point offsets that tile the text.

Copes with three layouts seen in real copy: ordinary prose (full stops, capitals,
abbreviations), tokenized copy (one long line, sentences separated by `` . ``) and
one sentence per line with no full stops. Hard-wrapped text (lines broken at a fixed
width) is detected, and its single line breaks are not boundaries, so re-wrapping a
text does not change its sentences. Only real line breaks count (CR, LF, NEL,
U+2028, U+2029): never the C0 separators that ``str.splitlines`` also splits on.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate, repeat
from operator import add, itemgetter, sub

from core.engine.tokens import CJK_CHARS, compiled, matched_among, non_ascii
from core.model import Span

_BREAK_CHARS = "\r\n\x85\u2028\u2029"
_LINE = r"[^\r\n\x85\u2028\u2029]*(?:\r\n?|[\n\x85\u2028\u2029]|$)"
# The separators str.splitlines also breaks at, which are not line breaks here.
NOT_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e"
# Bullets that start a new item even inside hard-wrapped text. Dashes are left
# out: wrapping puts spaced dashes at line starts too.
_BULLET = re.compile(r"\s*(?:[*\u2022\u00b7\u25aa\u2023\u25e6]\s|\d{1,3}[.)]\s|#+\s)")
# A terminator, its closing quotes or brackets, and the space before the next word
# (whose first character the match ends at). A match starts only at the first mark of
# a run: tried at every mark of "......", the run would be read again from each one.
# (The look-behind after the first mark, not before it, lets the scan skip to marks.)
_TERMINATOR = re.compile(
    r"([.!?\u2026](?<![.!?\u2026]{2})[.!?\u2026]*[\"'\u201d\u2019)\]]*)\s+(?=\S)"
)
# Full-stop forms of text written without spaces (Chinese, Japanese): the sentence
# ends after the mark and its closing quotes or brackets, spaced or not. Half-width
# "!" and "?" count when the next character is Han or kana.
_CJK_STOPS = "\u3002\uff01\uff1f\uff0e\uff61"
_CJK_CLOSERS = (
    "\u300d\u300f\uff09\u3011\u3015\u3009\u300b\u3017\u3019\u201d\u2019\"')\\]\uff3d\uff63"
)
# (Patterns with the wide classes are compiled when a text first needs them.)
_CJK_TERMINATOR = (
    rf"(?<![{_CJK_STOPS}!?])(?:[{_CJK_STOPS}][{_CJK_STOPS}!?]*|[!?]+(?=[{_CJK_CLOSERS}]*[{CJK_CHARS}]))"
    rf"(?![{_CJK_STOPS}!?])[{_CJK_CLOSERS}]*(?![{_CJK_CLOSERS}])\s*(?=\S)"
)
_CJK_BRACKETS = "\u300d\u300f\u3011\u3015\u3009\u300b\u3017\u3019"
# What goes on after a closed quotation: a particle or a comma (「はい。」と言った).
_GOES_ON = "[\u3041-\u3096\u3001\uff0c,\u3002]"
_CJK_OR_STOP = f"[{_CJK_STOPS}{CJK_CHARS}]"
# Abbreviations that stand before a name or a number: a stop after them never ends
# a sentence. Others ("etc.", "Inc.") end one when a capital follows.
_ABBREVIATIONS = frozenset(
    (
        "mr mrs ms dr prof sr jr st gen col lt sgt capt cmdr adm gov sen rep pres rev "
        "hon fr mt ft no nos vol vols fig figs vs approx dept est "
        "jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k u.n "
        # Ranks and titles before a name (wire copy: "Maj. Eric Ruff", "Cpl. Hornburg")
        "maj cpl pte pvt spc det insp supt atty brig lieut cdr sra sres dra "
        # Ships' prefixes ("S.S. Indus", "H.M.S. Victory")
        "s.s h.m.s u.s.s r.m.s h.m.a.s h.m.c.s"
    ).split()
)
# States and provinces as wire copy abbreviates them after a town: no sentence ends
# in a dateline ("CLEARBROOK, Minn. (AP) -"), but one may end there ("based in
# Superior, Wis. The pipe ..."). Not the ones spelled like a word that ends sentences
# ("ill", "miss", "mass", "wash", "ore", "man"), nor "vt." (a glossary's "verb
# transitive"). ("u.s" and the like stay abbreviations: "The U.S. Army".)
_STATES = frozenset(
    "ala ariz calif colo conn fla kan ky md mich minn neb nev okla tenn wis wyo "
    "alta sask ont que n.y n.j n.h n.m n.c n.d s.c s.d r.i w.va d.c".split()
)
_DATELINE_AFTER = frozenset("(-\u2013\u2014")
# A day written as an ordinal before its month, as German writes it ("10. November").
_MONTH_AFTER = (
    r"\s+(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober"
    r"|November|Dezember)\b"
)
# ... and these are followed by lowercase words inside a sentence ("etc. and").
_LOWERCASE_CONTINUES = frozenset("etc al cf ca inc ltd co corp approx a.m p.m".split())
# Letters in short groups between dots ("sc.d", "ph.d", "f.o.b", "p.m"): an
# abbreviation, not "sys.path" or "6.1".
_DOTTED_LETTERS = re.compile(r"(?:[a-z]{1,3}\.)+[a-z]{1,3}")
_WRAP_MIN_LINES = 3
_WRAP_MAX_WIDTH = 120
_WRAP_MIN_WIDTH = 40


@dataclass(frozen=True, slots=True)
class Segmentation:
    """Sentences and paragraphs of one text.

    Attributes:
        sentences: spans tiling ``[0, len(text))``; each holds one sentence and the
            whitespace after it.
        paragraphs: spans tiling the text the same way, one per paragraph.
        wrapped: whether the text was judged hard-wrapped.
    """

    sentences: tuple[Span, ...]
    paragraphs: tuple[Span, ...]
    wrapped: bool

    @property
    def sentence_starts(self) -> tuple[int, ...]:
        """Start offsets of every sentence but the first."""
        return tuple(map(itemgetter(0), self.sentences[1:]))


def segment(text: str, width: int | None = None, wide: set[str] | None = None) -> Segmentation:
    """Split ``text`` into sentences and paragraphs (both tile the text).

    ``width``: the width the text is hard-wrapped at (0: not wrapped), when it is
    known from a longer text this one is cut from (``wrap_width``); else judged here.
    ``wide``: the text's characters beyond ASCII (``core.engine.tokens.non_ascii``),
    when the caller has them.
    """
    paragraph_starts: set[int] = set()
    sentence_starts: set[int] = set()
    if width is not None and _line_starts_in_c is not None:
        # (the compiled path's: the lines walked once in C, no line a tuple)
        found = _line_starts_in_c(text, width)
        paragraph_starts.update(found[0])
        sentence_starts.update(found[1])
    else:
        lines = _lines(text)
        if width is None:
            width = _wrap_width(text, lines)
        _line_boundaries(text, lines, width, paragraph_starts, sentence_starts)
    _punctuation_boundaries(text, sentence_starts, wide)
    sentence_starts |= paragraph_starts
    return Segmentation(
        sentences=_tile(sentence_starts, len(text)),
        paragraphs=_tile(paragraph_starts, len(text)),
        wrapped=width > 0,
    )


def _lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end of content, end including the break) of every line."""
    if any(c in text for c in NOT_LINE_BREAKS):
        return _lines_by_pattern(text)
    # Without the C0 separators, str.splitlines breaks exactly where _LINE does.
    pieces = text.splitlines(keepends=True)
    if not pieces:
        return [(0, 0, 0)]
    ends = list(accumulate(map(len, pieces)))
    starts = [0, *ends[:-1]]
    contents = map(len, map(str.rstrip, pieces, repeat(_BREAK_CHARS)))
    return list(zip(starts, map(add, starts, contents), ends))


def _lines_by_pattern(text: str) -> list[tuple[int, int, int]]:
    out: list[tuple[int, int, int]] = []
    for m in compiled(_LINE).finditer(text):
        s, e = m.span()
        if s == e and s == len(text) and out:
            break
        content_end = e
        while content_end > s and text[content_end - 1] in _BREAK_CHARS:
            content_end -= 1
        out.append((s, content_end, e))
        if e == len(text):
            break
    return out


def wrap_width(text: str) -> int:
    """The width ``text`` is hard-wrapped at, 0 when it is not (see ``_wrap_width``)."""
    if any(c in text for c in NOT_LINE_BREAKS):
        return _wrap_width(text, _lines(text))
    # Without the C0 separators, str.splitlines gives every line (its content only);
    # the lines themselves are asked for only when there are few (``_judge_width``).
    contents: list[str] = []

    def content(k: int) -> str:
        if not contents:
            contents.extend(text.splitlines())
        return contents[k]

    return _judge_width(line_lengths(text) or [0], content)


def line_lengths_in_python(text: str) -> list[int]:
    """The length of each line's content (``str.splitlines``'s lines). (``paragraph_scan.c``'s
    ``line_lengths`` on the compiled path: the same lengths, without a string per line.)"""
    return list(map(len, text.splitlines()))


line_lengths: Callable[[str], list[int]]
_line_starts_in_c: Callable[[str, int], tuple[list[int], list[int]]] | None
try:
    from core.engine.paragraph_scan import line_lengths
    from core.engine.paragraph_scan import line_starts as _line_starts_in_c
except ImportError:
    line_lengths = line_lengths_in_python
    _line_starts_in_c = None


def _wrap_width(text: str, lines: list[tuple[int, int, int]]) -> int:
    """The width the text is hard-wrapped at, or 0 when it is not hard-wrapped
    (``lines`` as ``_lines`` gives them; see ``_judge_width``)."""
    # Lengths of the lines' contents, mapped in C (a million lines).
    lengths = list(map(sub, map(itemgetter(1), lines), map(itemgetter(0), lines)))
    return _judge_width(lengths, lambda k: text[lines[k][0] : lines[k][1]])


def _judge_width(lengths: list[int], content: Callable[[int], str]) -> int:
    """The wrapping width judged from the lines' content lengths (``content(k)``:
    line ``k``'s text, asked for only when there are few lines); 0: not wrapped.

    Most lines inside paragraphs run close to one fixed width (a paragraph left on
    one long line does not count: it has no line inside it): the width that a tenth
    of them reach.

    With fewer than three such lines there is no width to judge: the text counts
    as wrapped, at its longest such line, when every one of them is of a usual
    wrapping width and stops in the middle of a sentence.
    """
    # Lines followed by a line with content.
    inner = [n for n, after in itertools.pairwise(lengths) if n and after]
    if not inner:
        return 0
    if len(inner) < _WRAP_MIN_LINES:
        followed = [k for k in range(len(lengths) - 1) if lengths[k] and lengths[k + 1]]
        ends = [content(k).rstrip()[-1:] for k in followed]
        usual = all(50 <= n <= 100 for n in inner) and not any(e in '.!?:"”' for e in ends)
        return max(inner) if usual else 0
    # (the lengths counted, not sorted: a line of a wrapped text is short, and a long
    # one past the widest wrapping only counts as longer)
    counts = [0] * (_WRAP_MAX_WIDTH + 2)
    for n in inner:
        counts[min(n, _WRAP_MAX_WIDTH + 1)] += 1
    rank = int(len(inner) * 0.9)  # (the width: the length at this rank, in order)
    width = seen = 0
    while seen + counts[width] <= rank:
        seen += counts[width]
        width += 1
    if not _WRAP_MIN_WIDTH <= width <= _WRAP_MAX_WIDTH:
        return 0
    near = sum(counts[width - 25 :])  # (inner lines at most 25 shorter)
    return width if near >= 0.75 * len(inner) else 0


_VISIBLE = re.compile(r"\S")


def _line_boundaries(
    text: str,
    lines: list[tuple[int, int, int]],
    width: int,
    paragraph_starts: set[int],
    sentence_starts: set[int],
) -> None:
    """Boundaries at line starts: paragraphs always; single line breaks unless the
    text is hard-wrapped at ``width`` (then only before bullets and after lines
    broken short: ``_broken_short``)."""
    blank_before = False
    previous: tuple[int, int, int] | None = None
    room = width  # (``previous``'s: what the line before it held, ``width`` if none)
    visible = _VISIBLE.search
    for s, ce, e in lines:
        found = visible(text, s, ce) if ce > s else None
        if found is None:
            blank_before = True
            continue
        first = found.start()
        brk = text[s - 1] if s else ""
        opens = (  # (a paragraph: the first line, or one after a blank or a separator)
            previous is None or blank_before or brk == "\u2029" or "\f" in text[previous[1] : first]
        )
        if previous is not None:
            if opens:
                paragraph_starts.add(first)
            elif (
                not width
                or _BULLET.match(text, s)
                or _broken_short(text, previous, first, width, room)
            ):
                sentence_starts.add(first)
        blank_before = False
        room = width if previous is None or opens else previous[1] - previous[0]
        previous = (s, ce, e)


def _broken_short(
    text: str, previous: tuple[int, int, int], first: int, width: int, room: int
) -> bool:
    """Whether, in a text wrapped at ``width``, the line ``previous`` (as ``_lines``
    gives it) was broken short of the next, whose first visible character is at
    ``first``: under half the width, with room left for the next line's first word in
    the width and in the line before it (``room``: the width when ``previous`` opens
    a paragraph), that word opening with a capital or a digit. So a heading, a
    dateline or a name over a paragraph; not a line left short by a long word, a path
    or an address pushed to the next, nor one of a paragraph wrapped narrower than the
    rest of the text, nor a term over its definition ("Executable Form" / "means any
    form ..."), nor a heading over its underline ("Termination" / "-----------")."""
    length = previous[1] - previous[0]
    if length >= width // 2 or not text[first].isalnum() or text[first].islower():
        return False
    end = first
    while end < len(text) and not text[end].isspace():
        end += 1
    return length + 1 + (end - first) <= min(width, room)


def _punctuation_boundaries(
    text: str, sentence_starts: set[int], wide: set[str] | None = None
) -> None:
    if _stop_starts_in_c is not None:  # (the compiled path's: the same starts, in C)
        sentence_starts.update(
            _stop_starts_in_c(
                text,
                _ABBREVIATIONS,
                _STATES,
                _LOWERCASE_CONTINUES,
                _DATELINE_AFTER,
                _DOTTED_LETTERS.fullmatch,
                _month_after,
            )
        )
    else:
        _stop_boundaries(text, sentence_starts)
    if not matched_among(non_ascii(text) if wide is None else wide, _CJK_OR_STOP):
        return
    for m in compiled(_CJK_TERMINATOR).finditer(text):
        t_start, nxt = m.span()
        # A full-width point between digits is a decimal point ("１．５").
        if m.group() == "\uff0e" and text[t_start - 1 : t_start].isdigit() and text[nxt].isdigit():
            continue
        closers = m.group().rstrip()
        # A stop inside parentheses ends no sentence (（規程を含む。以下同じ。）を);
        # a quotation closed before a particle or a comma goes on (「はい。」と言った).
        if ")" in closers or "\uff09" in closers or _in_parentheses(text, t_start):
            continue
        if closers[-1] in _CJK_BRACKETS and compiled(_GOES_ON).match(text, nxt):
            continue
        sentence_starts.add(nxt)


def _stop_boundaries(text: str, sentence_starts: set[int]) -> None:
    """The sentence starts after the text's Latin stops (``_TERMINATOR``) that end a
    sentence (``_ends_sentence``). (``sentence_stops.c``'s ``stop_starts`` on the
    compiled path: the same starts.)"""
    opening = _Opening(text)
    for m in _TERMINATOR.finditer(text):
        t_start, nxt = m.span()
        spaced = t_start > 0 and text[t_start - 1].isspace()
        if spaced or _ends_sentence(text, t_start, text[nxt], m.group(1), opening):
            sentence_starts.add(nxt)


def _month_after(text: str, at: int) -> re.Match[str] | None:
    """A German month's name after ``at`` (a day before it: "10. November"), its pattern
    compiled when first asked for."""
    return compiled(_MONTH_AFTER).match(text, at)


_stop_starts_in_c: Callable[..., list[int]] | None
try:
    from core.engine.sentence_stops import stop_starts as _stop_starts_in_c
except ImportError:
    _stop_starts_in_c = None


# How far back an open parenthesis is looked for (a bound keeps the look linear).
_PARENTHESIS_REACH = 300


def _in_parentheses(text: str, pos: int) -> bool:
    """Whether ``pos`` stands after an opening parenthesis not yet closed (looked for
    within ``_PARENTHESIS_REACH`` characters)."""
    lo = max(0, pos - _PARENTHESIS_REACH)
    opening = max(text.rfind("\uff08", lo, pos), text.rfind("(", lo, pos))
    return opening >= 0 and max(text.rfind("\uff09", lo, pos), text.rfind(")", lo, pos)) < opening


# How far back the space or line break before a stop's word is looked for.
_WORD_REACH = 40
# What is stripped from the start of that word (then its dots).
_OPENERS = "\"'([\u201c\u2018"
_OPENING = re.compile(f"[{re.escape(_OPENERS)}]*\\.*")
# Stand-ins for a word longer than any abbreviation: all that is asked of one is that
# it is longer than one letter, no abbreviation, and whether it holds a dot.
_LONG_WORD, _LONG_DOTTED_WORD = "-" * 8, "-" * 8 + "."


class _Opening:
    """Where a word that runs from the text's start begins (after the text's opening
    quotes, brackets and dots), the first dot from there (-1: none), and whether the
    text holds a CR or a tab (a word may then start after one)."""

    def __init__(self, text: str) -> None:
        match = _OPENING.match(text)
        self.start = match.end() if match else 0
        self.first_dot = text.find(".", self.start)
        self.other_spaces = "\r" in text or "\t" in text


def _word_before(text: str, t_start: int, opening: _Opening) -> str:
    """The word before the stop at ``t_start``, lower case, without its opening quotes,
    brackets and dots: from the last space, tab or line break within ``_WORD_REACH``.

    With neither within reach, the word runs from the text's start. When it is long,
    a stand-in answers for it: copying the text before every such stop made the
    segmenter quadratic (a list of long URLs, each followed by a stop).
    """
    lo = max(0, t_start - _WORD_REACH)
    space = max(text.rfind(" ", lo, t_start), text.rfind("\n", lo, t_start))
    if opening.other_spaces:  # (a CR-only text's line breaks; tabs)
        space = max(space, text.rfind("\r", lo, t_start), text.rfind("\t", lo, t_start))
    if space >= 0 or lo == 0:
        return text[space + 1 : t_start].lstrip(_OPENERS).lower().strip(".")
    # (No stop stands right after a dot, so no dot is stripped at the word's end.)
    start = opening.start
    if t_start - start <= _WORD_REACH:
        return text[start:t_start].lower() if t_start > start else ""
    return _LONG_DOTTED_WORD if 0 <= opening.first_dot < t_start else _LONG_WORD


def _ends_sentence(
    text: str, t_start: int, next_char: str, terminator: str, opening: _Opening
) -> bool:
    word = _word_before(text, t_start, opening)
    word_match = word or None
    single_stop = terminator.rstrip("\"'\u201d\u2019)]") == "."
    if not (next_char.isupper() or next_char.isdigit() or next_char in "\"'\u201c\u2018([-\u2022"):
        # Lowercased copy has no capitals to go by: a single full stop after a
        # word that is no abbreviation still ends the sentence.
        if terminator[-1] in "!?":
            # "country! this" ends a sentence; '"What?" he asked' does not.
            return True
        return (
            single_stop
            and len(word) > 1
            and word not in _ABBREVIATIONS
            and word not in _STATES
            and word not in _LOWERCASE_CONTINUES
            and "." not in word
        )
    if not single_stop or word_match is None:
        return True
    if word in _ABBREVIATIONS:
        return False
    if next_char == "(" and (_DOTTED_LETTERS.fullmatch(word) or word in _LOWERCASE_CONTINUES):
        return False  # a dotted abbreviation before a bracket: "Edgerton, Sc.D. (1903-1990)"
    if word in _STATES:
        return next_char not in _DATELINE_AFTER
    if word.isdigit() and len(word) <= 2 and compiled(_MONTH_AFTER).match(text, t_start + 1):
        return False  # a German day: "am 10. November 2025"
    # A single letter before the stop is an initial ("J. Smith"), not a sentence end.
    return not (len(word) == 1 and word.isalpha())


def _tile(starts: set[int], length: int) -> tuple[Span, ...]:
    # Sorted and cut to (0, length) in C: the bounds then rise strictly and every
    # pair is a non-empty span, with no test per pair.
    points = sorted(starts)
    points = points[bisect_right(points, 0) : bisect_left(points, length)]
    return tuple(itertools.pairwise([0, *points, length])) if length else ((0, 0),)
