"""Where quoted speech stands in a text: the interiors of quotation marks.

Straight and curly, double and single marks are paired from left to right inside a
paragraph (a blank line ends any open quote, as a news quote running over several
paragraphs reopens at each of them); a quote left open at a paragraph's end runs to it
only when a double or an opening curly mark began it (a lone straight ``'`` there is an
apostrophe or a stray mark). Closing a quote closes the quotes nested in it; a run of
marks (``.'"``) is judged by what flanks the whole run. Curly marks say which way they
face; straight ones are judged by what flanks them: ``"word`` opens, ``word"`` closes, a
mark with spaces on both sides (tokenized copy: ``' this is it , '``) toggles. A
straight or curly apostrophe inside or at the start of a contraction (``don't``,
``'s``, ``’90s``) is no quote mark. Such a toggling mark that opens a "quotation"
running over more than a few sentences was a stray mark (copy with unbalanced quotes)
and opens nothing.

A low mark (``„``, ``‚``: German, Ukrainian, Czech, Polish...) opens a quote of its own
kind, which may stand inside any other; the mark English opens with (``“``, ``‘``)
closes it, unless that mark stands as an opening one (a space before it and a word
after it: an English quote inside), and so do ``”``, ``’`` and straight marks. So
``„Ja“, sagte er`` ends at ``“``, ``«Он сказал „нет“ и ушёл»`` at ``»`` (guillemets are
double marks), and in a text mixing ``“…”`` with ``„…“`` the English quotes pair as
they do alone.

The result is a sorted list of disjoint interiors, looked up by bisection.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Collection
from typing import Literal

from core.engine import aside
from core.engine.tokens import compiled
from core.flags.job_names import QUOTES_JOB
from core.model import Span

_MARK_CHARS = (
    "\"'\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u300c\u300d\u300e\u300f"
)
_MARKS_RUN = f"[{_MARK_CHARS}]+"
# The marks a paragraph's scan looks at: an apostrophe between two letters or digits
# (``don't``) is no quote mark (``_role``), so the scan skips it in C. (One class of
# every mark first, the apostrophe's condition after it: the engine skips to the
# class; two alternatives were each tried at every character, 2-3 times as slow.)
_SCANNED = re.compile(f"[{_MARK_CHARS}](?:(?<!['\u2019])|(?<![^\\W_].)|(?![^\\W_]))")
# A blank line, or a line break after the end of a sentence (one paragraph a line).
_BLANK_LINE = r"\n[^\S\n]*\n\s*"
_END_CHARS = (
    '.!?:"\u201d\u00bb\u2019)]\u300d\u300f\u3002'  # what ends a sentence before a line break
)
_ENDS = frozenset(_END_CHARS)
_LINE_SPACES = " \t\r\f\v"  # skipped before a line break
_ENDED_LINE = f"[{re.escape(_END_CHARS)}][^\\S\n]*\n\\s*"
_BLANK_AFTER = re.compile(r"[^\S\n]*\n")
# Lines tried one by one before the patterns take over (a paragraph of many lines).
_WALK_LINES = 64
# The breaks past the walk, each kind found by a pattern that starts with the
# character it looks for (so the scan runs in C): a sentence's end before the break
# (the match ends just after it); a break with a blank line after it; the text's
# start before one. A break after a blank line is the one after a ``_BLANK_NEXT``.
_ENDED_BREAK = f"[{re.escape(_END_CHARS)}][{_LINE_SPACES}]*\n"
_BLANK_NEXT = re.compile("\n(?=[^\\S\n]*\n)")
_START_BREAK = re.compile(f"[{_LINE_SPACES}]*\n")
_CONTRACTION = re.compile(r"(?:s|t|d|m|ll|re|ve|em|n|\d+s?)\b", re.IGNORECASE)
_OPENING_DOUBLE = "\u201c\u201e\u201f\u00ab"
_OPENING_SINGLE = "\u2018\u201a\u201b"
_CLOSING_DOUBLE = "\u201d\u00bb"
_SINGLE = "'\u2018\u2019\u201a\u201b"
# The quotes opened by a low mark, and the English opening mark that closes each.
_LOW_FAMILY = {"\u201e": "low double", "\u201a": "low single"}
_ENDS_LOW = {"\u201c": "low double", "\u2018": "low single"}
# The families a closing mark of a family may close: the most recently opened.
_CLOSES = {"double": ("double", "low double"), "single": ("single", "low single")}
# Corner brackets (Japanese, and Chinese as Taiwan and Hong Kong set it): 「…」 and,
# nested in it, 『…』; each says which way it faces, a family of its own.
_CORNER = {
    "\u300c": "corner",
    "\u300d": "corner",
    "\u300e": "white corner",
    "\u300f": "white corner",
}
# Characters after which a straight mark opens a quote (besides whitespace).
_BEFORE_OPENING = "([{\u2014\u2013-/"

_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_WORD = re.compile(r"\w+")
# A quotation opened by a mark with spaces on both sides (tokenized copy) that is not
# closed within this many sentence ends (or words) was a stray mark: the next mark
# opens anew.
MAX_GUESSED_SENTENCES = 3
MAX_GUESSED_WORDS = 60

# "ends_low": a ``“`` or ``‘`` not flanked as an opening mark: it closes the quote an
# open low mark began (``_ENDS_LOW``), and opens one otherwise.
Role = Literal["open", "close", "toggle", "none", "ends_low"]


Regions = tuple[list[int], list[int]]  # the starts and ends of a paragraph's quotations
Scanned = tuple[list[int], list[int], dict[int, Regions]]
"""Paragraphs' starts and ends, and the quotations of those that hold any by index."""
Packed = tuple["array[int]", "array[int]", "array[int]", "array[int]", "array[int]", "array[int]"]
"""``Scanned`` in six arrays, as the other core sends it (``packed``): the paragraphs'
starts and ends; the starts of those that hold a quotation; where each one's
quotations begin among the next two, one more at the end; every quotation's start and
end."""


class Quotations:
    """The quotations of one text, found paragraph by paragraph when first asked.

    Only the paragraphs that hold a change are ever scanned, unless every paragraph
    was (``scanned``: ``packed(every_paragraph(...))``, done on the other core).
    """

    def __init__(self, text: str, scanned: Packed | None = None) -> None:
        self.text = text
        self._starts: list[int] = []  # the paragraphs looked at so far, sorted
        self._ends: list[int] = []
        self._found: list[Regions | None] = []  # None: not scanned
        # Where each paragraph's first quote mark stands (its end: none); -1 not yet
        # looked for. Looked for once: a paragraph of many changes is not read again
        # for each of them.
        self._first_mark: list[int] = []
        # The quotations of ``packed`` paragraphs not yet asked for, by the paragraph's
        # start: where they lie in ``_packed_regions`` (made lists when first asked).
        self._unpacked: dict[int, int] = {}
        self._packed_regions: tuple[array[int], array[int], array[int]] | None = None
        if scanned is not None:
            starts, ends, quoted_starts, firsts, region_starts, region_ends = scanned
            self._starts, self._ends = starts.tolist(), ends.tolist()
            self._found = [_NONE] * len(self._starts)
            self._first_mark = [-1] * len(self._starts)
            self._unpacked = dict(zip(quoted_starts, range(len(quoted_starts))))
            self._packed_regions = (firsts, region_starts, region_ends)

    def overlaps(self, span: Span) -> bool:
        """Whether ``span`` (inside one paragraph) shares a code point with the
        interior of a quotation."""
        starts, ends = self._regions(self._paragraph(span[0]))
        i = bisect_right(starts, span[0]) - 1
        if i >= 0 and ends[i] > span[0]:
            return True
        return i + 1 < len(starts) and starts[i + 1] < span[1]

    def interior(self, pos: int) -> Span | None:
        """The interior of the quotation holding ``pos``, if one does."""
        starts, ends = self._regions(self._paragraph(pos))
        i = bisect_right(starts, pos) - 1
        return (starts[i], ends[i]) if i >= 0 and ends[i] > pos else None

    def none_in(self, start: int, end: int) -> bool:
        """Whether ``start``-``end`` lies inside the paragraph of ``start`` and no
        quotation reaches into it (so no span inside it ``overlaps``): the paragraph
        holds none, or no quote mark before ``end`` (then it is not even scanned)."""
        i = self._paragraph(start)
        if end > self._ends[i]:
            return False
        if self._found[i] is None and self._first_mark_of(i) >= end:
            return True  # every quotation of the paragraph starts after ``end``
        return not self._regions(i)[0]

    def _paragraph(self, pos: int) -> int:
        """The index of the paragraph holding ``pos`` among those looked at."""
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and pos < self._ends[i]:
            return i
        start, end = paragraph_around(self.text, pos)
        i += 1
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        self._found.insert(i, None)
        self._first_mark.insert(i, -1)
        return i

    def _first_mark_of(self, i: int) -> int:
        if self._first_mark[i] < 0:
            found = _SCANNED.search(self.text, self._starts[i], self._ends[i])
            self._first_mark[i] = self._ends[i] if found is None else found.start()
        return self._first_mark[i]

    def _regions(self, i: int) -> tuple[list[int], list[int]]:
        found = self._found[i]
        if found is None:
            found = _paragraph_regions(self.text, self._starts[i], self._ends[i])
            self._found[i] = found
        elif self._unpacked and (k := self._unpacked.pop(self._starts[i], -1)) >= 0:
            assert self._packed_regions is not None
            firsts, region_starts, region_ends = self._packed_regions
            first, last = firsts[k], firsts[k + 1]
            found = (region_starts[first:last].tolist(), region_ends[first:last].tolist())
            self._found[i] = found
        return found


_NONE: Regions = ([], [])  # (never changed: looked up only)

_BLANK = "\n\n"  # what ``_both_scanned`` cuts the versions' shared pieces at


def quotes_aside() -> aside.Job:
    """The job that finds every paragraph's quotations of both texts on the other
    core (``core.engine.aside.allow``), for ``pair_quotations`` to take when it is
    ready by then (a text of many changes), or else leave."""
    return QUOTES_JOB, _both_scanned


def _both_scanned(old: str, new: str) -> tuple[Packed, Packed]:
    # A paragraph both versions have holds no change: not scanned (a lightly edited
    # pair is mostly such paragraphs).
    shared = set(old.split(_BLANK)).intersection(new.split(_BLANK))
    return packed(every_paragraph(old, shared)), packed(every_paragraph(new, shared))


def packed(scanned: Scanned) -> Packed:
    """``scanned`` in arrays of numbers (``Packed``): a 1 MB text's 5,000 paragraphs
    and 2,500 lists of quotations were 4 ms to unpickle and 2 ms to look up, on the
    path to the flags' child; arrays unpickle as bytes, and a paragraph's quotations
    become lists when it is first asked for (``Quotations._regions``)."""
    starts, ends, quoted = scanned
    quoted_starts = array("q")
    firsts = array("q", [0])
    region_starts, region_ends = array("q"), array("q")
    for i in sorted(quoted):
        quoted_starts.append(starts[i])
        region_starts.extend(quoted[i][0])
        region_ends.extend(quoted[i][1])
        firsts.append(len(region_starts))
    return array("q", starts), array("q", ends), quoted_starts, firsts, region_starts, region_ends


def pair_quotations(old: str, new: str) -> tuple[Quotations, Quotations]:
    """The quotations of two versions: every paragraph's, when the other core has
    found them already (``quotes_aside``), else found here when first asked."""
    found = aside.take(old, new, QUOTES_JOB, wait=False)
    if isinstance(found, tuple) and len(found) == 2 and all(len(side) == 6 for side in found):
        return Quotations(old, found[0]), Quotations(new, found[1])
    return Quotations(old), Quotations(new)


def every_paragraph(text: str, shared: Collection[str] = ()) -> Scanned:
    """Every paragraph of ``text`` as ``Quotations`` finds one around a change, with
    the quotations of those that hold any (for ``Quotations(text, packed(scanned))``); but
    none inside a piece between blank lines that is one of ``shared`` (a paragraph
    looked up there is found when asked, as without this)."""
    quotations = Quotations(text)
    start = 0
    for piece in text.split(_BLANK):
        pos, end = start, start + len(piece)
        start = end + len(_BLANK)
        if piece in shared:
            continue
        while pos < end:
            i = quotations._paragraph(pos)
            quotations._regions(i)
            pos = max(pos, quotations._ends[i]) + 1
    found = quotations._found
    quoted = {i: regions for i, regions in enumerate(found) if regions is not None and regions[0]}
    return quotations._starts, quotations._ends, quoted


def paragraph_around(text: str, pos: int) -> Span:
    """The paragraph holding ``pos``: from the break before it to the break after it
    (``paragraph_breaks``), found by looking at the text nearby only.

    A line break ends a paragraph when a blank line is next to it or a sentence's
    end stands before it (spaces aside). The line breaks next to ``pos`` are tried
    one by one (most paragraphs are a few lines); past ``_WALK_LINES`` lines,
    patterns find each kind of break in C, forward and, in windows doubling in
    size, backward, so a paragraph of a million short lines is crossed in one pass.
    """
    start = _start_by_lines(text, pos)
    if start is None:
        start = _start_by_windows(text, pos)
    end, at = len(text), pos
    for _ in range(_WALK_LINES):
        newline = text.find("\n", at)
        if newline < 0:
            return start, end
        if _break_at(text, newline):
            return start, newline
        at = newline + 1
    return start, _first_break_from(text, at)


def _start_by_lines(text: str, pos: int) -> int | None:
    """The paragraph's start, from the line breaks before ``pos`` tried one by one;
    None when none of the nearest ``_WALK_LINES`` ends a paragraph."""
    at = pos
    for _ in range(_WALK_LINES):
        newline = text.rfind("\n", 0, at)
        if newline < 0:
            return 0
        if _break_at(text, newline):
            return newline + 1
        at = newline
    return None


def _start_by_windows(text: str, pos: int) -> int:
    """The paragraph's start, from the breaks found by pattern in windows before
    ``pos`` doubling in size (each begun at a line's start)."""
    newline = text.find("\n", pos)
    stop = len(text) if newline < 0 else newline + 1  # where the line after is seen
    window = 4096
    while True:
        lo = max(0, text.rfind("\n", 0, max(0, pos - window)))
        last = _last_break_before(text, lo, pos, stop)
        if last >= 0:
            return last + 1
        if lo == 0:
            return 0
        window *= 2


def _first_break_from(text: str, at: int) -> int:
    """The first line break from ``at`` on that ends a paragraph (``len(text)``: none)."""
    found: list[int] = []
    ended = compiled(_ENDED_BREAK).search(text, max(0, _before_spaces(text, at) - 1))
    if ended is not None:
        found.append(ended.end() - 1)
    blank = _BLANK_NEXT.search(text, at)
    if blank is not None:
        found.append(blank.start())
    # A break whose line is blank, that line's own break standing before ``at``.
    before = text.rfind("\n", 0, at)
    after = text.find("\n", at)
    if after >= 0 and not text[before + 1 : after].strip(_LINE_SPACES):
        found.append(after)  # (before < 0: the text's start, only spaces before)
    return min(found, default=len(text))


def _last_break_before(text: str, lo: int, pos: int, stop: int) -> int:
    """The last line break in ``[lo, pos)`` that ends a paragraph, or -1; ``lo`` is at
    a line break or 0, ``stop`` past the first line break from ``pos`` on."""
    last = -1
    for m in compiled(_ENDED_BREAK).finditer(text, lo, pos):
        last = m.end() - 1
    blank = -1
    for m in _BLANK_NEXT.finditer(text, lo, stop):
        if m.start() >= pos:
            break
        blank = m.start()
    if blank >= 0:
        last = max(last, blank)
        after = text.find("\n", blank + 1)
        if 0 <= after < pos and not text[blank + 1 : after].strip(_LINE_SPACES):
            last = max(last, after)
    if lo == 0 and (first := _START_BREAK.match(text)) is not None and first.end() - 1 < pos:
        last = max(last, first.end() - 1)
    return last


def _break_at(text: str, newline: int) -> bool:
    """Whether the line break at ``newline`` ends a paragraph: a blank line next to
    it, or the end of a sentence before it."""
    j = newline - 1
    while j >= 0 and text[j] in _LINE_SPACES:
        j -= 1
    if j < 0 or text[j] == "\n" or text[j] in _ENDS:
        return True
    return _BLANK_AFTER.match(text, newline + 1) is not None


def _before_spaces(text: str, pos: int) -> int:
    """``pos`` moved back over the spaces before it (so a break's look-behind sees
    what stands before them)."""
    while pos > 0 and text[pos - 1] in _LINE_SPACES:
        pos -= 1
    return pos


def quote_regions(text: str) -> list[Span]:
    """The interiors of all quotations of ``text``, in order (for tests and reports)."""
    out: list[Span] = []
    found = paragraph_breaks(text)
    starts = [0, *(e for _, e in found)]
    ends = [*(s for s, _ in found), len(text)]
    for start, end in zip(starts, ends):
        region_starts, region_ends = _paragraph_regions(text, start, end)
        out.extend(zip(region_starts, region_ends))
    return out


def paragraph_breaks(text: str) -> list[Span]:
    """Where paragraphs end: blank lines, and line breaks after a sentence's end."""
    found = [m.span() for m in compiled(_BLANK_LINE).finditer(text)]
    found += [(m.start() + 1, m.end()) for m in compiled(_ENDED_LINE).finditer(text)]
    found.sort()
    out: list[Span] = []
    for start, end in found:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _paragraph_regions(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    if _SCANNED.search(text, start, end) is None:
        return [], []  # no quote mark: no quotation (most paragraphs)
    regions: list[Span] = []
    opened: dict[str, int] = {}  # family ("double", "low single"...) -> interior start
    guessed: set[str] = set()  # families opened by a mark that could also close
    run = (start, start)  # the run of marks last looked at (``_run_around``)
    matches = _SCANNED.finditer(text, start, end)
    while (match := next(matches, None)) is not None:
        pos = match.start()
        mark = match.group()
        # (a run of one straight mark: ``_run_inside_end``, looked at only there)
        same = pos and text[pos - 1] == mark and mark in _RUNS
        skip_to = _run_inside_end(text, pos, mark, end, opened) if same else pos
        if skip_to > pos:
            matches = _SCANNED.finditer(text, skip_to, end)  # (past the run, in C)
            family = "double" if mark == '"' else "single"
            opened[family] = skip_to
            guessed.add(family)
            continue
        run = run if run[0] <= pos < run[1] else _run_around(text, pos)
        role = _role(text, pos, mark, run)
        family = _family(mark, role, opened)
        if role == "ends_low":
            role = "close" if family == _ENDS_LOW[mark] else "open"
        if role == "none" or (role == "close" and family not in opened):
            if mark in _RUNS:  # so does each next mark of its run of itself: skipped in C
                matches = _SCANNED.finditer(text, _same_marks_end(text, pos, mark), end)
            continue
        if family in guessed and _too_long(text, opened[family], pos):
            del opened[family]  # a stray mark, not the start of a quotation
            guessed.discard(family)
        if role == "toggle":
            role = "close" if family in opened else "open"
            if role == "open":
                guessed.add(family)
        elif role == "open":
            guessed.discard(family)
        if role == "open":
            if family in opened:  # the previous one was never closed: end it here
                regions.append((opened[family], pos))
            opened[family] = pos + 1
        elif family in opened:
            begin = opened.pop(family)
            regions.append((begin, pos))
            guessed.discard(family)
            for inner in [f for f, s in opened.items() if s > begin]:
                regions.append((opened.pop(inner), pos))  # a nested quote closes with it
                guessed.discard(inner)
    # At the paragraph's end a quotation may run on (news style: no closing mark) when a
    # double mark began it, or an opening curly single one a few sentences before; a
    # straight single mark or a guessed one left open was an apostrophe or a stray mark.
    regions.extend(
        (s, end)
        for f, s in opened.items()
        if f not in guessed
        and text[s - 1] != "'"
        and (f in _CLOSES["double"] or f in _CORNER.values() or not _too_long(text, s, end))
        and _WORD.search(text, s, end)
    )
    return _merged(regions)


_RUNS = {'"': re.compile('"+'), "'": re.compile("'+")}


def _family(mark: str, role: Role, opened: dict[str, int]) -> str:
    """The kind of quote the mark at hand opens or closes: a low mark its own; a
    closing (or toggling) mark the most recently opened quote of its family or of
    that family's low kind; ``“`` or ``‘`` ending a low one, that one; a corner
    bracket its own."""
    if mark in _CORNER:
        return _CORNER[mark]
    if mark in _LOW_FAMILY:
        return _LOW_FAMILY[mark]
    if role == "ends_low" and _ENDS_LOW[mark] in opened:
        return _ENDS_LOW[mark]
    family = "single" if mark in _SINGLE else "double"
    if role in ("close", "toggle"):
        open_ones = [f for f in _CLOSES[family] if f in opened]
        if open_ones:
            return max(open_ones, key=opened.__getitem__)
    return family


def _run_inside_end(text: str, pos: int, mark: str, end: int, opened: dict[str, int]) -> int:
    """Where to go on past the inside of a run of one straight mark, or ``pos``.

    Marks inside a run (quote marks on both sides) toggle, and once the quotation
    opened at the mark before (``opened[family] == pos``), two of them close an empty
    quotation (dropped by ``_merged``) and open the next one two marks on. So an even
    number of them only moves the opening along (opened by a toggle: a guessed one).
    Without this, 1 MB of ``"`` spent 1.5 s here, mark by mark, and 1 MB of ``'``
    far longer.
    """
    if mark not in _RUNS or not pos or text[pos - 1] != mark:
        return pos
    if opened.get("double" if mark == '"' else "single") != pos:
        return pos
    run = _RUNS[mark].match(text, pos, end)
    last = run.end() - 1 if run else pos  # the run's last mark has a real neighbour
    inside = last - pos
    inside -= inside % 2
    return pos + inside if inside >= 2 else pos


def _too_long(text: str, start: int, end: int) -> bool:
    """More than a quotation opened by an ambiguous mark plausibly holds."""
    if end - start > 12 * MAX_GUESSED_WORDS:
        return True
    if len(_SENTENCE_END.findall(text, start, end)) > MAX_GUESSED_SENTENCES:
        return True
    return len(_WORD.findall(text, start, end)) > MAX_GUESSED_WORDS


def _same_marks_end(text: str, pos: int, mark: str) -> int:
    """Where the run of ``mark`` (a straight mark) from ``pos`` on ends."""
    same = _RUNS[mark].match(text, pos)
    return same.end() if same is not None else pos + 1


def _run_around(text: str, pos: int) -> Span:
    """The run of quote marks holding the mark at ``pos`` (``.'"``, ``"'``; one mark
    alone is a run of one)."""
    if text[pos - 1 : pos] not in _MARK_CHARS and text[pos + 1 : pos + 2] not in _MARK_CHARS:
        return pos, pos + 1  # (most marks: no walk)
    first = pos
    while first and text[first - 1] in _MARK_CHARS:  # (a scan meets a run at its start)
        first -= 1
    run = compiled(_MARKS_RUN).match(text, pos)
    return first, run.end() if run is not None else pos + 1


def _role(text: str, pos: int, mark: str, run: Span | None = None) -> Role:
    """What the mark at ``pos`` does, judged by what flanks its run of marks (``run``
    when known: a paragraph's scan finds each run once, not once per mark in it)."""
    first, last = run if run is not None else _run_around(text, pos)
    before = text[first - 1] if first else " "
    after = text[last] if last < len(text) else " "
    if mark in _CORNER:
        return "open" if mark in "\u300c\u300e" else "close"
    if mark in _OPENING_SINGLE and before.isalpha() and after.isalpha():
        return "none"  # an okina or a turned apostrophe: hawai\u2018i
    if mark in _ENDS_LOW and not (
        (before.isspace() or before in _BEFORE_OPENING) and after.isalnum()
    ):
        return "ends_low"
    if mark in _OPENING_DOUBLE or mark in _OPENING_SINGLE:
        return "open"
    if mark in _CLOSING_DOUBLE:
        return "close"
    word_before, word_after = before.isalnum(), after.isalnum()
    if mark in "'\u2019":
        if word_before and word_after:
            return "none"  # don't, O'Brien
        if word_after and _CONTRACTION.match(text, pos + 1):
            return "none"  # 's, 'll, '90s
        if mark == "\u2019":
            return "close" if not word_after else "none"
    space_before = before.isspace() or before in _BEFORE_OPENING
    space_after = after.isspace() or not (word_after or after in "\"'\u2018\u201c")
    if space_before and space_after:
        return "toggle"
    if space_before:
        return "open"
    if space_after:
        return "close"
    return "toggle" if mark == '"' else "none"


def _merged(regions: list[Span]) -> tuple[list[int], list[int]]:
    regions.sort()
    starts: list[int] = []
    ends: list[int] = []
    for start, end in regions:
        if end <= start:
            continue
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends
