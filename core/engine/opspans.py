"""From unit opcodes to the contract's ops: code-point spans and ``exact`` flags.

An equal opcode is split where units stop (or start) being spelled the same in both
texts, so that a trivial difference (``eight - minute`` against ``eight-minute``, a
curly quote, a capital) is its own ``equal`` op with ``exact`` False. Whitespace
between units never makes a difference.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Sequence
from typing import cast

from core.engine.blocks import Code
from core.engine.made import new_op
from core.engine.tokens import Tokens, compiled
from core.model import Op

# Runs of whitespace other than one plain space (those are left alone: replacing
# each by itself was most of the work).
_SPACES = re.compile(r"\s{2,}|[^\S ]")
# A line broken after a hyphen ("eight-\nminute") is layout, not spelling. (The
# pattern starts with the hyphen, kept, so the scan skips to hyphens.)
_WRAPPED_HYPHEN = r"([-\u2010\u2011])[^\S\r\n]*(?:\r\n?|[\n\x85\u2028])\s*"


def layout_free(raw: str) -> str:
    """``raw`` with its layout taken out: runs of whitespace made one space, and a
    line broken after a hyphen joined."""
    if "-" in raw or "\u2010" in raw or "\u2011" in raw:  # (the template costs, unused)
        raw = compiled(_WRAPPED_HYPHEN).sub(r"\1", raw)
    return _SPACES.sub(" ", raw)


def _spelling(text: str, start: int, end: int) -> str:
    raw = text[start:end]
    # Without whitespace other than single spaces, there is no layout to take out
    # (a wrapped hyphen needs a line break): one search in C, not a loop per character.
    return layout_free(raw) if _SPACES.search(raw) else raw


def spelled_alike(old: str, a1: int, a2: int, new: str, b1: int, b2: int) -> bool:
    """Whether ``old[a1:a2]`` and ``new[b1:b2]`` are spelled the same, layout aside
    (``layout_free``)."""
    return old[a1:a2] == new[b1:b2] or _spelling(old, a1, a2) == _spelling(new, b1, b2)


same_spelling: Callable[[str, int, int, str, int, int], bool]
try:
    # The compiled path's (``layout_compare.c``, built by ``make native``): the two spans
    # walked side by side, nothing copied; the same answers.
    from core.engine.layout_compare import same_spelling
except ImportError:
    same_spelling = spelled_alike


def build_ops(
    codes: Sequence[Code],
    old: str,
    new: str,
    ta: Tokens,
    tb: Tokens,
    starts: tuple[frozenset[int], frozenset[int]] | None = None,
) -> tuple[Op, ...]:
    """Turn unit opcodes into ops with spans into ``old`` and ``new``.

    A sentence-final mark on one side where the other side ends the same sentence
    with a line break (or the end of the text) is layout, not an edit: it becomes an
    ``equal`` op with ``exact`` False whose other span is empty, at that line end.
    ``starts`` holds the unit indices where old's and new's sentences start: a line
    break counts only where the next sentence starts (not where prose is wrapped);
    None: no layout marks (a one-sided block, or callers that do not know).
    """
    ops: list[Op] = []
    k = 0
    while k < len(codes):
        tag, i1, i2, j1, j2 = codes[k]
        k += 1
        if tag == "equal":
            ops.extend(_equal_ops(i1, i2, j1, old, new, ta, tb))
            continue
        # A replaced gap: old units [a1, a2) deleted, new units [b1, b2) inserted.
        a1, a2, b1, b2 = i1, i2, j1, j2
        if tag == "delete" and k < len(codes) and codes[k][0] == "insert":
            b1, b2 = codes[k][3], codes[k][4]
            k += 1
        ops.extend(_replaced(a1, a2, b1, b2, old, new, ta, tb, starts))
    return tuple(ops)


OpsMaker = Callable[[Sequence[Code], bool], tuple[Op, ...]]
"""What ``ops_maker`` gives: a block's ops from its codes, and whether layout marks may
be split off (both its sides hold units)."""


def ops_maker_in_python(
    old: str, new: str, ta: Tokens, tb: Tokens, starts: tuple[frozenset[int], frozenset[int]]
) -> OpsMaker:
    """``build_ops`` for the blocks of one comparison (``starts``: where each side's
    sentences start, unit indices). (``layout_compare.c``'s ``OpsBuilder`` on the
    compiled path: the same ops.)"""

    def make(codes: Sequence[Code], layout: bool) -> tuple[Op, ...]:
        return build_ops(codes, old, new, ta, tb, starts if layout else None)

    return make


def _ops_maker_in_c(
    old: str, new: str, ta: Tokens, tb: Tokens, starts: tuple[frozenset[int], frozenset[int]]
) -> OpsMaker:
    offsets = (ta.starts, ta.ends, tb.starts, tb.ends)
    if not all(isinstance(o, array) for o in offsets):
        return ops_maker_in_python(old, new, ta, tb, starts)
    built = OpsBuilder(old, new, *offsets, ta.keys, tb.keys, starts[0], starts[1], new_op)
    return cast(OpsMaker, built)


ops_maker: Callable[[str, str, Tokens, Tokens, tuple[frozenset[int], frozenset[int]]], OpsMaker]
try:
    # The compiled path's (``layout_compare.c``): a block's ops made in C (a heavily
    # edited 1 MB pair's blocks 24 -> 17 ms, most of them this).
    from core.engine.layout_compare import OpsBuilder

    ops_maker = _ops_maker_in_c
except ImportError:
    ops_maker = ops_maker_in_python


def _replaced(
    a1: int,
    a2: int,
    b1: int,
    b2: int,
    old: str,
    new: str,
    ta: Tokens,
    tb: Tokens,
    starts: tuple[frozenset[int], frozenset[int]] | None,
) -> list[Op]:
    """Delete and insert ops of a replaced gap, its layout mark split off (see above)."""
    layout: Op | None = None
    if starts is not None and _layout_end(tb, b1, b2, ta, a1, a2, old, starts[1], starts[0]):
        at = ta.ends[a2 - 1]
        layout = new_op("equal", (at, at), (tb.starts[b2 - 1], tb.ends[b2 - 1]), False)
        b2 -= 1
    elif starts is not None and _layout_end(ta, a1, a2, tb, b1, b2, new, starts[0], starts[1]):
        at = tb.ends[b2 - 1]
        layout = new_op("equal", (ta.starts[a2 - 1], ta.ends[a2 - 1]), (at, at), False)
        a2 -= 1
    ops: list[Op] = []
    if a2 > a1:
        ops.append(new_op("delete", (ta.starts[a1], ta.ends[a2 - 1]), None, True))
    if b2 > b1:
        ops.append(new_op("insert", None, (tb.starts[b1], tb.ends[b2 - 1]), True))
    if layout is not None:
        ops.append(layout)
    return ops


# Marks that end a sentence, alone or in a run ("...", "?!").
FINAL_MARKS = frozenset(".!?\u2026\u3002\uff01\uff1f")


def _layout_end(
    marked: Tokens,
    m1: int,
    m2: int,
    other: Tokens,
    o1: int,
    o2: int,
    other_text: str,
    marked_starts: frozenset[int],
    other_starts: frozenset[int],
) -> bool:
    """Whether units ``[m1, m2)`` of one side end with a sentence-final mark where the
    other side (units ``[o1, o2)`` replaced) ends the same sentence with a line break.
    The mark must end a sentence both sides share: none may start inside the gap."""
    return (
        m2 > m1
        and o1 > 0
        and _is_mark(marked, m2 - 1)
        and not any(k in marked_starts for k in range(m1, m2))
        and _ends_line(other, o2, other_text, other_starts)
    )


def _is_mark(tokens: Tokens, k: int) -> bool:
    """Whether unit ``k`` is a sentence-final mark (or a run of them)."""
    key = tokens.keys[k]
    return bool(key) and set(key) <= FINAL_MARKS


def _ends_line(tokens: Tokens, k: int, text: str, sentence_starts: frozenset[int]) -> bool:
    """Whether the sentence ends with a line break (or the text) before unit ``k``:
    the unit before ``k`` is no final mark, ``k`` starts a sentence (or the text
    ends), and a line break stands between them."""
    if k == 0 or _is_mark(tokens, k - 1):
        return False
    if k < len(tokens.starts) and k not in sentence_starts:
        return False
    at = tokens.ends[k - 1]
    rest = text[at : tokens.starts[k]] if k < len(tokens.starts) else text[at:]
    return not rest.strip() and (
        k >= len(tokens.starts) or any(c in rest for c in "\n\r\x85\u2028\u2029")
    )


def units_alike_in_python(
    old: str, new: str, ta: Tokens, tb: Tokens, i1: int, i2: int, j1: int
) -> list[bool]:
    """For each unit pair of the equal stretch ``ta[i1:i2]``, ``tb[j1:]``: whether
    it is spelled the same, layout aside, and (but the first) has a space before it
    in both texts or in neither ("video , which" against "video, which": the comma).
    (``layout_compare.c``'s ``same_units`` on the compiled path: the same answers.)"""
    return [
        same_spelling(old, ta.starts[i], ta.ends[i], new, tb.starts[j], tb.ends[j])
        and (i == i1 or (ta.ends[i - 1] == ta.starts[i]) == (tb.ends[j - 1] == tb.starts[j]))
        for i, j in zip(range(i1, i2), range(j1, j1 + (i2 - i1)))
    ]


def _units_alike_in_c(
    old: str, new: str, ta: Tokens, tb: Tokens, i1: int, i2: int, j1: int
) -> list[bool]:
    """``units_alike_in_python`` in one call to ``same_units``, for int64 offsets."""
    offsets = (ta.starts, ta.ends, tb.starts, tb.ends)
    if all(isinstance(o, array) for o in offsets):
        return same_units(old, new, *offsets, i1, i2, j1)
    return units_alike_in_python(old, new, ta, tb, i1, i2, j1)


units_alike: Callable[[str, str, Tokens, Tokens, int, int, int], list[bool]]
try:
    from core.engine.layout_compare import same_units

    units_alike = _units_alike_in_c
except ImportError:
    units_alike = units_alike_in_python


def _equal_ops(i1: int, i2: int, j1: int, old: str, new: str, ta: Tokens, tb: Tokens) -> list[Op]:
    j2 = j1 + (i2 - i1)
    old_span = (ta.starts[i1], ta.ends[i2 - 1])
    new_span = (tb.starts[j1], tb.ends[j2 - 1])
    if same_spelling(old, old_span[0], old_span[1], new, new_span[0], new_span[1]):
        # Same spelling end to end (layout aside) means same spelling unit by unit:
        # whitespace stands at the same places, and units never hold whitespace
        # that the spelling keeps.
        return [new_op("equal", old_span, new_span, True)]
    flags = units_alike(old, new, ta, tb, i1, i2, j1)
    ops: list[Op] = []
    start = 0
    for k in range(1, len(flags) + 1):
        if k == len(flags) or flags[k] != flags[start]:
            a, b = i1 + start, i1 + k - 1
            c, d = j1 + start, j1 + k - 1
            ops.append(
                new_op(
                    "equal", (ta.starts[a], ta.ends[b]), (tb.starts[c], tb.ends[d]), flags[start]
                )
            )
            start = k
    return ops
