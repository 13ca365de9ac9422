"""diff-match-patch's ``diff_main``, as ``core.engine.dmp_adapter`` runs it: typed, so
that the compiled path compiles it (``make native``).

The library is pure Python; its diff, run on the encoded words of a block, was 24 ms of
a 1 MB heavily edited pair (Myers' bisection walks the texts a character at a time,
each character a new string). This is the same algorithm step for step, for the
settings the adapter uses: no deadline (``Diff_Timeout = 0``, which also turns the
half-match off) and no line mode (``checklines`` False). The bisection compares code
points in lists of integers; everything else works on the strings as the library
does. Its output is the library's, diff for diff (``tests/test_dmp_diff.py`` compares
them on random texts of few characters, where the bisection and the merge have the
most to do).

May import: the standard library only.
"""

from __future__ import annotations

DELETE = -1
INSERT = 1
EQUAL = 0

Diff = tuple[int, str]


def diff_main(text1: str, text2: str) -> list[Diff]:
    """The differences between ``text1`` and ``text2``: ``diff_main(text1, text2,
    False)`` of diff-match-patch with ``Diff_Timeout = 0``."""
    if text1 == text2:
        return [(EQUAL, text1)] if text1 else []
    length = common_prefix(text1, text2)
    prefix = text1[:length]
    text1, text2 = text1[length:], text2[length:]
    length = common_suffix(text1, text2)
    suffix = ""
    if length:
        suffix = text1[-length:]
        text1, text2 = text1[:-length], text2[:-length]
    diffs = _compute(text1, text2)
    if prefix:
        diffs.insert(0, (EQUAL, prefix))
    if suffix:
        diffs.append((EQUAL, suffix))
    cleanup_merge(diffs)
    return diffs


def _compute(text1: str, text2: str) -> list[Diff]:
    """The differences of two texts without a common start or end."""
    if not text1:
        return [(INSERT, text2)]
    if not text2:
        return [(DELETE, text1)]
    longer, shorter = (text1, text2) if len(text1) > len(text2) else (text2, text1)
    i = longer.find(shorter)
    if i != -1:  # the shorter text inside the longer
        side = DELETE if len(text1) > len(text2) else INSERT
        return [(side, longer[:i]), (EQUAL, shorter), (side, longer[i + len(shorter) :])]
    if len(shorter) == 1:  # (a single character, not in the other: no equality)
        return [(DELETE, text1), (INSERT, text2)]
    return _bisect(text1, text2)


def _bisect(text1: str, text2: str) -> list[Diff]:
    """Myers' middle snake of the two texts, the diff split there and each half diffed
    (``diff_bisect``)."""
    a = [ord(c) for c in text1]
    b = [ord(c) for c in text2]
    n1, n2 = len(a), len(b)
    max_d = (n1 + n2 + 1) // 2
    v_offset = max_d
    v_length = 2 * max_d
    v1 = [-1] * v_length
    v1[v_offset + 1] = 0
    v2 = v1[:]
    delta = n1 - n2
    front = delta % 2 != 0
    k1start = k1end = k2start = k2end = 0
    for d in range(max_d):
        for k1 in range(-d + k1start, d + 1 - k1end, 2):
            k1_offset = v_offset + k1
            if k1 == -d or (k1 != d and v1[k1_offset - 1] < v1[k1_offset + 1]):
                x1 = v1[k1_offset + 1]
            else:
                x1 = v1[k1_offset - 1] + 1
            y1 = x1 - k1
            while x1 < n1 and y1 < n2 and a[x1] == b[y1]:
                x1 += 1
                y1 += 1
            v1[k1_offset] = x1
            if x1 > n1:
                k1end += 2
            elif y1 > n2:
                k1start += 2
            elif front:
                k2_offset = v_offset + delta - k1
                reached = 0 <= k2_offset < v_length and v2[k2_offset] != -1
                if reached and x1 >= n1 - v2[k2_offset]:
                    return _split(text1, text2, x1, y1)
        for k2 in range(-d + k2start, d + 1 - k2end, 2):
            k2_offset = v_offset + k2
            if k2 == -d or (k2 != d and v2[k2_offset - 1] < v2[k2_offset + 1]):
                x2 = v2[k2_offset + 1]
            else:
                x2 = v2[k2_offset - 1] + 1
            y2 = x2 - k2
            while x2 < n1 and y2 < n2 and a[n1 - x2 - 1] == b[n2 - y2 - 1]:
                x2 += 1
                y2 += 1
            v2[k2_offset] = x2
            if x2 > n1:
                k2end += 2
            elif y2 > n2:
                k2start += 2
            elif not front:
                k1_offset = v_offset + delta - k2
                if 0 <= k1_offset < v_length and v1[k1_offset] != -1:
                    x1 = v1[k1_offset]
                    y1 = v_offset + x1 - k1_offset
                    if x1 >= n1 - x2:
                        return _split(text1, text2, x1, y1)
    return [(DELETE, text1), (INSERT, text2)]


def _split(text1: str, text2: str, x: int, y: int) -> list[Diff]:
    """The diffs of the two halves either side of the middle snake's point."""
    return diff_main(text1[:x], text2[:y]) + diff_main(text1[x:], text2[y:])


def common_prefix(text1: str, text2: str) -> int:
    """The length of the start the two texts share."""
    if not text1 or not text2 or text1[0] != text2[0]:
        return 0
    low, high = 0, min(len(text1), len(text2))
    mid, start = high, 0
    while low < mid:
        if text1[start:mid] == text2[start:mid]:
            low = mid
            start = low
        else:
            high = mid
        mid = (high - low) // 2 + low
    return mid


def common_suffix(text1: str, text2: str) -> int:
    """The length of the end the two texts share."""
    if not text1 or not text2 or text1[-1] != text2[-1]:
        return 0
    low, high = 0, min(len(text1), len(text2))
    mid, end = high, 0
    while low < mid:
        if text1[-mid : len(text1) - end] == text2[-mid : len(text2) - end]:
            low = mid
            end = low
        else:
            high = mid
        mid = (high - low) // 2 + low
    return mid


def cleanup_merge(diffs: list[Diff]) -> None:
    """Merge like edits and equalities, factor out what edits share at their ends,
    and shift a lone edit over an equality beside it where that removes one
    (``diff_cleanupMerge``), in place."""
    diffs.append((EQUAL, ""))  # (a dummy at the end)
    pointer = 0
    count_delete = count_insert = 0
    text_delete = text_insert = ""
    while pointer < len(diffs):
        op, text = diffs[pointer]
        if op == INSERT:
            count_insert += 1
            text_insert += text
            pointer += 1
        elif op == DELETE:
            count_delete += 1
            text_delete += text
            pointer += 1
        else:
            if count_delete + count_insert > 1:
                if count_delete != 0 and count_insert != 0:
                    length = common_prefix(text_insert, text_delete)
                    if length != 0:
                        x = pointer - count_delete - count_insert - 1
                        if x >= 0 and diffs[x][0] == EQUAL:
                            diffs[x] = (EQUAL, diffs[x][1] + text_insert[:length])
                        else:
                            diffs.insert(0, (EQUAL, text_insert[:length]))
                            pointer += 1
                        text_insert = text_insert[length:]
                        text_delete = text_delete[length:]
                    length = common_suffix(text_insert, text_delete)
                    if length != 0:
                        diffs[pointer] = (
                            diffs[pointer][0],
                            text_insert[-length:] + diffs[pointer][1],
                        )
                        text_insert = text_insert[:-length]
                        text_delete = text_delete[:-length]
                merged: list[Diff] = []
                if text_delete:
                    merged.append((DELETE, text_delete))
                if text_insert:
                    merged.append((INSERT, text_insert))
                pointer -= count_delete + count_insert
                diffs[pointer : pointer + count_delete + count_insert] = merged
                pointer += len(merged) + 1
            elif pointer != 0 and diffs[pointer - 1][0] == EQUAL:
                diffs[pointer - 1] = (EQUAL, diffs[pointer - 1][1] + text)
                del diffs[pointer]
            else:
                pointer += 1
            count_insert = count_delete = 0
            text_delete = text_insert = ""
    if diffs[-1][1] == "":
        diffs.pop()  # (the dummy, unless an edit's common end went into it)
    changes = False
    pointer = 1
    while pointer < len(diffs) - 1:
        before, here, after = diffs[pointer - 1], diffs[pointer], diffs[pointer + 1]
        if before[0] == EQUAL and after[0] == EQUAL:
            if here[1].endswith(before[1]):
                if before[1] != "":  # shift the edit over the equality before it
                    diffs[pointer] = (here[0], before[1] + here[1][: -len(before[1])])
                    diffs[pointer + 1] = (after[0], before[1] + after[1])
                del diffs[pointer - 1]
                changes = True
            elif here[1].startswith(after[1]):  # over the equality after it
                diffs[pointer - 1] = (before[0], before[1] + after[1])
                diffs[pointer] = (here[0], here[1][len(after[1]) :] + after[1])
                del diffs[pointer + 1]
                changes = True
        pointer += 1
    if changes:
        cleanup_merge(diffs)
