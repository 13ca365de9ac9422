"""Longest-common-subsequence runs of two id lists, and the edit distance of two short
words: the one adapter for rapidfuzz, loaded only once a process has many to align.

rapidfuzz computes the Indel (insert/delete only) alignment in C++ with a
bit-parallel LCS, about 50 times faster than a Python diff on sentence-sized gaps
and 1000 times faster on unrelated text. Its cost is ``len(a) * len(b) / 64`` word
operations, so callers keep the inputs bounded (see ``core.engine.anchors``).

Loading it is 10 ms of a start, though, and a short comparison aligns a few sentences'
ids (the bundled samples, 5 to 10 lists of a few dozen). So the first ``OWN_CALLS``
alignments of a process are made here, when short (``OWN_LENGTH`` ids at most after
their common head and tail), by the same bit-parallel LCS on Python's integers and
the same walk back through its rows as rapidfuzz's ``Indel.opcodes``
(``lcs_seq_editops``: the common head and tail matched first, then from the ends, a
deletion where the row's bit is set, else an insertion where the row above has it
clear, else a match): the same runs and the same similarities, tested against it. A
longer list, or the ``OWN_CALLS``-th, loads rapidfuzz, which then aligns everything
(a 1 MB pair every paragraph of which was edited asks for 13,000 alignments, at 1
microsecond each there and 3 to 7 here). On the compiled path ``lcs_bits.c`` makes
them all in C up to 1,024 ids (the same again, tested alike; a fifth of a microsecond
each). Short words' edit distances are always counted here (``edit_distance``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

Run = tuple[int, int, int]

# The longest list (after the common head and tail) aligned here; its bits make one
# integer a row, and the walk back keeps every row (rapidfuzz's cost grows slower).
OWN_LENGTH = 200
# Alignments made here before rapidfuzz is loaded: about its 10 ms of loading.
OWN_CALLS = 300

_own_calls = 0
_loaded = False  # (rapidfuzz: from then on it aligns everything)


def _aligned_here(width: int) -> bool:
    """Whether an alignment whose bit side holds ``width`` ids is made here (and
    counted), or by rapidfuzz."""
    global _own_calls
    if _loaded or width > OWN_LENGTH or _own_calls >= OWN_CALLS:
        return False
    _own_calls += 1
    return True


def _indel() -> Any:
    """rapidfuzz's Indel metric, loaded with the first alignment made there."""
    global _loaded
    from rapidfuzz.distance import Indel

    _loaded = True
    return Indel


_c_runs: Callable[[Sequence[int], Sequence[int], int, int], list[Run] | None] | None
_c_length: Callable[[Sequence[int], Sequence[int]], int | None] | None
try:
    # The compiled path's (``lcs_bits.c``, built by ``make native``): the same
    # alignments in C, for every list up to its width (rapidfuzz past it).
    from core.engine.lcs_bits import length as _c_length
    from core.engine.lcs_bits import runs as _c_runs
except ImportError:
    _c_runs = _c_length = None


def equal_runs(
    a: Sequence[int], b: Sequence[int], a_offset: int = 0, b_offset: int = 0
) -> list[Run]:
    """Runs ``(i, j, n)`` where ``a[i:i+n] == b[j:j+n]`` in an optimal alignment.

    Offsets are added to the indices, so a slice's runs come out in whole-sequence
    coordinates.
    """
    if not a or not b:
        return []
    if _c_runs is not None and (found := _c_runs(a, b, a_offset, b_offset)) is not None:
        return found
    head = _common_head(a, b)
    tail = _common_tail(a, b, head)
    if _aligned_here(len(a) - head - tail):
        return _own_runs(a, b, head, tail, a_offset, b_offset)
    runs: list[Run] = []
    for opcode in _indel().opcodes(a, b):
        if opcode.tag == "equal":
            i1, i2, j1 = int(opcode.src_start), int(opcode.src_end), int(opcode.dest_start)
            runs.append((i1 + a_offset, j1 + b_offset, i2 - i1))
    return runs


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """``2 * LCS / (len(a) + len(b))``, 0 when both are empty."""
    if not a and not b:
        return 0.0
    return similarity_of(lcs_length(a, b), len(a), len(b))


def similarity_of(common: int, length_a: int, length_b: int) -> float:
    """``similarity`` of two lists of ``length_a`` and ``length_b`` ids whose LCS is
    ``common`` long (the same float)."""
    if not length_a and not length_b:
        return 0.0
    total = length_a + length_b
    # (as rapidfuzz's Indel.normalized_similarity computes it: 1 - distance / total)
    return 1.0 - (total - 2 * common) / total


def contained(a: Sequence[int], b: Sequence[int]) -> float:
    """The share of the shorter list that the longer holds in order: ``LCS / min(len)``,
    0 when either is empty."""
    if not a or not b:
        return 0.0
    return lcs_length(a, b) / min(len(a), len(b))


def lcs_length(a: Sequence[int], b: Sequence[int]) -> int:
    """The length of a longest common subsequence of ``a`` and ``b``."""
    if _c_length is not None and (common := _c_length(a, b)) is not None:
        return common
    head = _common_head(a, b)
    tail = _common_tail(a, b, head)
    if _aligned_here(len(a) - head - tail):
        return _own_length(a, b, head, tail)
    return (len(a) + len(b) - int(_indel().distance(a, b))) // 2


def own_runs(a: Sequence[int], b: Sequence[int]) -> list[Run]:
    """``equal_runs`` always made here (what the tests compare with rapidfuzz's)."""
    if not a or not b:
        return []
    head = _common_head(a, b)
    return _own_runs(a, b, head, _common_tail(a, b, head), 0, 0)


def own_length(a: Sequence[int], b: Sequence[int]) -> int:
    """``lcs_length`` always counted here."""
    head = _common_head(a, b)
    return _own_length(a, b, head, _common_tail(a, b, head))


def _own_length(a: Sequence[int], b: Sequence[int], head: int, tail: int) -> int:
    rows = _rows(a, b, head, tail, False)
    width = len(a) - head - tail
    last = rows[-1] if rows else (1 << width) - 1
    return head + tail + width - last.bit_count()


def within_edits(a: str, b: str, most: int) -> bool:
    """Whether ``a`` becomes ``b`` in at most ``most`` insertions, deletions or
    replacements of one character (``aproximatly`` -> ``approximately``: 2)."""
    if abs(len(a) - len(b)) > most:
        return False
    return edit_distance(a, b) <= most


def word_similarity(a: str, b: str) -> float:
    """``1 - edit distance / the longer length`` (rapidfuzz's
    ``Levenshtein.normalized_similarity``): 1.0 for two empty words."""
    longest = max(len(a), len(b))
    if longest == 0:
        return 1.0
    return 1.0 - edit_distance(a, b) / longest


def edit_distance(a: str, b: str) -> int:
    """The Levenshtein distance of two words (insertions, deletions and replacements of
    one character each count 1), row by row: words are short."""
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return len(a)
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        left = i
        for j, y in enumerate(b, 1):
            cost = previous[j - 1] + (x != y)
            up = previous[j] + 1
            left = min(cost, up, left + 1)
            current.append(left)
        previous = current
    return previous[-1]


def _common_head(a: Sequence[int], b: Sequence[int]) -> int:
    n = min(len(a), len(b))
    k = 0
    while k < n and a[k] == b[k]:
        k += 1
    return k


def _common_tail(a: Sequence[int], b: Sequence[int], head: int) -> int:
    n1, n2 = len(a), len(b)
    n = min(n1, n2) - head
    k = 0
    while k < n and a[n1 - 1 - k] == b[n2 - 1 - k]:
        k += 1
    return k


def _rows(a: Sequence[int], b: Sequence[int], head: int, tail: int, keep: bool) -> list[int]:
    """The bit-parallel LCS rows of ``a`` and ``b`` between their common head and
    tail: bit ``j`` of row ``r`` is set when taking ``a``'s element ``j`` does not lengthen
    the LCS of ``a[:j + 1]`` and ``b[:r + 1]`` (Hyyro's vectors). Every row with
    ``keep``, else only the last."""
    masks: dict[int, int] = {}
    bit = 1
    for k in range(head, len(a) - tail):
        key = a[k]
        masks[key] = masks.get(key, 0) | bit
        bit <<= 1
    full = bit - 1
    row = full
    rows: list[int] = []
    for k in range(head, len(b) - tail):
        matched = row & masks.get(b[k], 0)
        row = ((row + matched) | (row - matched)) & full
        if keep:
            rows.append(row)
    if not keep and len(b) - tail > head:
        rows.append(row)
    return rows


def _own_runs(
    a: Sequence[int], b: Sequence[int], head: int, tail: int, a_offset: int, b_offset: int
) -> list[Run]:
    """``equal_runs`` aligned here: the common head, the matches found walking back
    through the rows as rapidfuzz does, the common tail, joined into runs."""
    n1, n2 = len(a), len(b)
    matches: list[tuple[int, int]] = []  # (from the last)
    rows = _rows(a, b, head, tail, True)
    col, row = n1 - head - tail, n2 - head - tail
    while row and col:
        if rows[row - 1] >> (col - 1) & 1:
            col -= 1  # (a deletion)
        else:
            row -= 1
            if not row or rows[row - 1] >> (col - 1) & 1:
                col -= 1
                matches.append((col + head, row + head))
            # (else an insertion)
    runs: list[Run] = []
    if head:
        runs.append((a_offset, b_offset, head))
    for i, j in reversed(matches):
        i, j = i + a_offset, j + b_offset
        if runs:
            ri, rj, n = runs[-1]
            if ri + n == i and rj + n == j:
                runs[-1] = (ri, rj, n + 1)
                continue
        runs.append((i, j, 1))
    if tail:
        i, j = n1 - tail + a_offset, n2 - tail + b_offset
        if runs and runs[-1][0] + runs[-1][2] == i and runs[-1][1] + runs[-1][2] == j:
            runs[-1] = (runs[-1][0], runs[-1][1], runs[-1][2] + tail)
        else:
            runs.append((i, j, tail))
    return runs
