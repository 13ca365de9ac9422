"""The one adapter for diff-match-patch: word diffs on ids, and fuzzy matching.

diff-match-patch works on strings and mutates untyped lists in place. Here every
token id is encoded as one character of a local alphabet (so a diff never splits a
word), the diff runs as the library's with ``Diff_Timeout = 0`` (no deadline: results
never depend on machine speed; callers bound the input size instead), and its output
is turned at once into our own ``(i, j, n)`` equal runs. The diff is the library's
``diff_main`` typed (``core.engine.dmp_diff``, tested diff for diff against the
library); on the compiled path the same diff runs on the ids themselves, without the
alphabet (``word_diff.c``). The fuzzy matching is the library's.

The alphabet skips surrogates and whitespace characters (the lossless cleanup
scores whitespace specially). A region with more distinct tokens than the alphabet
holds is an overflow: ``AlphabetOverflow`` is raised and callers split the region.
"""

from __future__ import annotations

from _thread import allocate_lock  # threading.Lock itself, without threading (start-up)
from collections.abc import Callable, Sequence

from core.engine.dmp_diff import diff_main

Run = tuple[int, int, int]

_FIRST_CODE_POINT = 0x100
_LAST_CODE_POINT = 0x10FFFF
ALPHABET_SIZE = (_LAST_CODE_POINT - _FIRST_CODE_POINT + 1) - 0x800 - 20


class AlphabetOverflow(ValueError):
    """More distinct tokens than characters available to encode them."""


# The alphabet, grown on demand and shared by every diff (comparisons run in
# several threads in the window: only one grows it at a time, readers only ever
# look at characters already there).
_CHARS: list[str] = []
_GROWING = allocate_lock()


def _alphabet(limit: int) -> list[str]:
    """The alphabet, at least ``limit`` characters of it."""
    chars = _CHARS
    if len(chars) >= limit:
        return chars
    with _GROWING:
        cp = ord(chars[-1]) + 1 if chars else _FIRST_CODE_POINT
        while len(chars) < limit:
            if 0xD800 <= cp <= 0xDFFF:
                cp = 0xE000
            c = chr(cp)
            if not c.isspace():
                chars.append(c)
            cp += 1
    return chars


class _Encoder:
    """Maps token ids to characters of the alphabet, in order of first need."""

    def __init__(self, max_size: int) -> None:
        self.max_size = max_size
        self.table: dict[int, str] = {}

    def encode(self, ids: Sequence[int]) -> str:
        table = self.table
        missing = set(ids).difference(table)
        if missing:
            needed = len(table) + len(missing)
            if needed > self.max_size:
                raise AlphabetOverflow(f"{needed} distinct tokens, alphabet holds {self.max_size}")
            chars = _alphabet(needed)
            table.update(zip(sorted(missing), chars[len(table) : needed]))
        return "".join(map(table.__getitem__, ids))


def _runs_from_diffs(diffs: list[tuple[int, str]], a_offset: int, b_offset: int) -> list[Run]:
    runs: list[Run] = []
    i, j = a_offset, b_offset
    for op, text in diffs:
        n = len(text)
        if op == 0:
            runs.append((i, j, n))
            i += n
            j += n
        elif op < 0:
            i += n
        else:
            j += n
    return runs


def diff_runs(
    a: Sequence[int],
    b: Sequence[int],
    *,
    a_offset: int = 0,
    b_offset: int = 0,
    max_alphabet: int = ALPHABET_SIZE,
) -> list[Run]:
    """Word diff of two id sequences, as equal runs (no cleanup: diff-match-patch's
    semantic cleanup was made for characters; ``core.engine.word_cleanup`` does ours).

    Raises:
        AlphabetOverflow: more distinct ids than ``max_alphabet``.
    """
    if len(a) + len(b) <= max_alphabet:  # (so this diff cannot overflow the alphabet)
        if _runs_in_c is not None and (found := _runs_in_c(a, b, a_offset, b_offset)) is not None:
            return found
        quick = _trimmed_runs(a, b, a_offset, b_offset)
        if quick is not None:
            return quick
    return _dmp_runs(a, b, a_offset, b_offset, max_alphabet)


_runs_in_c: Callable[[Sequence[int], Sequence[int], int, int], list[Run] | None] | None
try:
    # The compiled path's (``word_diff.c``, built by ``make native``): the same diff on
    # arrays of ids, 17 -> 3 ms for a heavily edited 1 MB pair's 4,200 word diffs.
    from core.engine.word_diff import runs as _word_diff_runs

    _runs_in_c = _word_diff_runs
except ImportError:
    _runs_in_c = None


def _dmp_runs(
    a: Sequence[int], b: Sequence[int], a_offset: int, b_offset: int, max_alphabet: int
) -> list[Run]:
    """``diff_runs`` by diff-match-patch's diff (``core.engine.dmp_diff``: the library's
    own, typed for the compiled path)."""
    encoder = _Encoder(max_alphabet)
    text_a, text_b = encoder.encode(a), encoder.encode(b)
    return _runs_from_diffs(diff_main(text_a, text_b), a_offset, b_offset)


def _trimmed_runs(
    a: Sequence[int], b: Sequence[int], a_offset: int, b_offset: int
) -> list[Run] | None:
    """The runs diff-match-patch finds, when they follow from the common start and
    end alone: the sequences are equal, or what lies between their common start and
    end shares no id (a word or a phrase replaced, most of a sentence's changes).
    diff-match-patch trims the same start and end, then deletes one middle and
    inserts the other, and its merge has nothing to shift. None: ask it.
    """
    n_a, n_b = len(a), len(b)
    shorter = min(n_a, n_b)
    # (loops, not generators: a generator and a tuple a step cost more than the steps)
    start = 0
    while start < shorter and a[start] == b[start]:
        start += 1
    if start == n_a == n_b:
        return [(a_offset, b_offset, n_a)] if n_a else []
    rest = shorter - start
    end = 0
    while end < rest and a[n_a - 1 - end] == b[n_b - 1 - end]:
        end += 1
    if start + end in (n_a, n_b):  # one middle is empty: a merge may shift it
        return None
    if not set(a[start : n_a - end]).isdisjoint(b[start : n_b - end]):
        return None
    runs: list[Run] = []
    if start:
        runs.append((a_offset, b_offset, start))
    if end:
        runs.append((a_offset + n_a - end, b_offset + n_b - end, end))
    return runs


MATCH_MAX_BITS = 32
"""Longest pattern ``find_near`` accepts: diff-match-patch's ``Match_MaxBits``.

The Python port does not enforce the limit, but its bitap search costs one pass
over the searched range per allowed error, with bit masks as long as the pattern:
callers match the first or last 32 characters of a longer quote, then verify.
"""


def find_near(
    text: str, pattern: str, near: int, *, threshold: float = 0.5, distance: int = 1000
) -> int | None:
    """Where ``pattern`` best matches ``text`` near ``near`` (diff-match-patch ``match_main``).

    A candidate's score is ``errors / len(pattern) + |position - near| / distance``
    (0 is perfect); the best candidate under ``threshold`` wins.

    Args:
        text: the text to search.
        pattern: 1 to ``MATCH_MAX_BITS`` code points.
        near: the expected position (clamped to the text).
        threshold: the worst score accepted (0.0 exact, 1.0 anything).
        distance: how far from ``near`` a match costs 1.0; pass about ``len(text)``
            or more so a pattern that moved far is still found.

    Returns:
        The start of the best match, or None.

    Raises:
        ValueError: an empty pattern or one longer than ``MATCH_MAX_BITS``.
    """
    if not 0 < len(pattern) <= MATCH_MAX_BITS:
        raise ValueError(f"pattern of {len(pattern)} code points (1 to {MATCH_MAX_BITS} allowed)")
    # (the library loads here, with the notes that need it, not with every comparison:
    # with urllib.parse and ipaddress, 2-3 ms of each start)
    from diff_match_patch import diff_match_patch

    engine = diff_match_patch()  # its own settings: callers may run in several threads
    engine.Match_Threshold = threshold
    engine.Match_Distance = max(1, distance)
    engine.Match_MaxBits = MATCH_MAX_BITS
    found = engine.match_main(text, pattern, near)
    return None if found < 0 else int(found)
