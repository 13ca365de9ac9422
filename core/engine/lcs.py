"""The one adapter for rapidfuzz: longest-common-subsequence runs of two id lists,
and the edit distance of two short words.

rapidfuzz computes the Indel (insert/delete only) alignment in C++ with a
bit-parallel LCS, about 50 times faster than a Python diff on sentence-sized gaps
and 1000 times faster on unrelated text. Its cost is ``len(a) * len(b) / 64`` word
operations, so callers keep the inputs bounded (see ``core.engine.anchors``).
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import Indel, Levenshtein

Run = tuple[int, int, int]


def equal_runs(
    a: Sequence[int], b: Sequence[int], a_offset: int = 0, b_offset: int = 0
) -> list[Run]:
    """Runs ``(i, j, n)`` where ``a[i:i+n] == b[j:j+n]`` in an optimal alignment.

    Offsets are added to the indices, so a slice's runs come out in whole-sequence
    coordinates.
    """
    if not a or not b:
        return []
    runs: list[Run] = []
    for opcode in Indel.opcodes(a, b):
        if opcode.tag == "equal":
            i1, i2, j1 = int(opcode.src_start), int(opcode.src_end), int(opcode.dest_start)
            runs.append((i1 + a_offset, j1 + b_offset, i2 - i1))
    return runs


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """``2 * LCS / (len(a) + len(b))``, 0 when both are empty."""
    if not a and not b:
        return 0.0
    return float(Indel.normalized_similarity(a, b))


def within_edits(a: str, b: str, most: int) -> bool:
    """Whether ``a`` becomes ``b`` in at most ``most`` insertions, deletions or
    replacements of one character (``aproximatly`` -> ``approximately``: 2)."""
    return bool(Levenshtein.distance(a, b, score_cutoff=most) <= most)


def contained(a: Sequence[int], b: Sequence[int]) -> float:
    """The share of the shorter list that the longer holds in order: ``LCS / min(len)``,
    0 when either is empty."""
    if not a or not b:
        return 0.0
    common = (len(a) + len(b) - int(Indel.distance(a, b))) / 2
    return common / min(len(a), len(b))
