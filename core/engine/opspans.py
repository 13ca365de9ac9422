"""From unit opcodes to the contract's ops: code-point spans and ``exact`` flags.

An equal opcode is split where units stop (or start) being spelled the same in both
texts, so that a trivial difference (``eight - minute`` against ``eight-minute``, a
curly quote, a capital) is its own ``equal`` op with ``exact`` False. Whitespace
between units never makes a difference.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.engine.blocks import Code
from core.engine.tokens import Tokens
from core.model import Op

_SPACES = re.compile(r"\s+")
# A line broken after a hyphen ("eight-\nminute") is layout, not spelling.
_WRAPPED_HYPHEN = re.compile(r"(?<=[-\u2010\u2011])[^\S\r\n]*(?:\r\n?|[\n\x85\u2028])\s*")


def layout_free(raw: str) -> str:
    """``raw`` with its layout taken out: runs of whitespace made one space, and a
    line broken after a hyphen joined."""
    return _SPACES.sub(" ", _WRAPPED_HYPHEN.sub("", raw))


def _spelling(text: str, start: int, end: int) -> str:
    raw = text[start:end]
    if not any(c.isspace() for c in raw):
        return raw
    return layout_free(raw)


def build_ops(codes: Sequence[Code], old: str, new: str, ta: Tokens, tb: Tokens) -> tuple[Op, ...]:
    """Turn unit opcodes into ops with spans into ``old`` and ``new``."""
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in codes:
        if tag == "delete":
            ops.append(Op("delete", (ta.starts[i1], ta.ends[i2 - 1]), None))
        elif tag == "insert":
            ops.append(Op("insert", None, (tb.starts[j1], tb.ends[j2 - 1])))
        else:
            ops.extend(_equal_ops(i1, i2, j1, old, new, ta, tb))
    return tuple(ops)


def _equal_ops(i1: int, i2: int, j1: int, old: str, new: str, ta: Tokens, tb: Tokens) -> list[Op]:
    j2 = j1 + (i2 - i1)
    old_span = (ta.starts[i1], ta.ends[i2 - 1])
    new_span = (tb.starts[j1], tb.ends[j2 - 1])
    if old[old_span[0] : old_span[1]] == new[new_span[0] : new_span[1]] or _spelling(
        old, *old_span
    ) == _spelling(new, *new_span):
        # Same spelling end to end (layout aside) means same spelling unit by unit:
        # whitespace stands at the same places, and units never hold whitespace
        # that the spelling keeps.
        return [Op("equal", old_span, new_span, True)]
    flags = [
        _spelling(old, ta.starts[i], ta.ends[i]) == _spelling(new, tb.starts[j], tb.ends[j])
        for i, j in zip(range(i1, i2), range(j1, j2))
    ]
    ops: list[Op] = []
    start = 0
    for k in range(1, len(flags) + 1):
        if k == len(flags) or flags[k] != flags[start]:
            a, b = i1 + start, i1 + k - 1
            c, d = j1 + start, j1 + k - 1
            ops.append(
                Op("equal", (ta.starts[a], ta.ends[b]), (tb.starts[c], tb.ends[d]), flags[start])
            )
            start = k
    return ops
