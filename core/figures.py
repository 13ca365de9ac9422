"""How a comparison's figures are written, wherever they are shown.

One similarity (the comparison contract's ``stats.similarity``: ``2 * common_words /
(old_words + new_words)``) in one format, ``42%``; a figure estimated without a
comparison (a folder scan's fingerprints) is marked ``≈42%``. One wording for flag
counts, naming what is counted: ``19 flags in 13 of 25 changes`` (a change is a block
of the comparison that is not ``equal``, one line of the change list).
The window, the status line, the matrix, the N-way grid, the reports and the
terminal output all write these figures with the functions here (a shared leaf of
``core``, so that the folder scan's listing can use it too).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from core.model import Comparison

ESTIMATE = "\u2248"


class _Flag(Protocol):
    """What a flag count needs of a flag (``core.flags.detect.Flag``)."""

    @property
    def block(self) -> int: ...


def percent_text(share: float) -> str:
    """A share in [0, 1] as a whole percentage: ``42%`` (no space, every figure alike).

    Only a share of exactly 1 reads ``100%`` and only 0 reads ``0%``: three words
    changed in two million are ``>99%``, not a "100%" that says nothing changed.
    """
    text = f"{share:.0%}"
    if text == "100%" and share < 1:
        return ">99%"
    if text == "0%" and share > 0:
        return "<1%"
    return text


def similarity_text(value: float, estimate: bool = False) -> str:
    """A similarity in [0, 1] as a whole percentage (``42%``); ``≈42%`` for an estimate."""
    # (An estimate is rounded plainly: "≈100%" says "about", not "identical".)
    return f"{ESTIMATE}{value:.0%}" if estimate else percent_text(value)


def change_count(comparison: Comparison) -> int:
    """How many changes a comparison has: its blocks that are not ``equal``."""
    return sum(1 for b in comparison.blocks if b.kind != "equal")


def flag_count_text(flags: int, flagged_changes: int, changes: int) -> str:
    """``19 flags in 13 of 25 changes``; ``no flags in 25 changes`` when none."""
    noun = "change" if changes == 1 else "changes"
    if not flags:
        return f"no flags in {changes:,} {noun}"
    flag_noun = "flag" if flags == 1 else "flags"
    return f"{flags:,} {flag_noun} in {flagged_changes:,} of {changes:,} {noun}"


def flags_text(comparison: Comparison, flags: Sequence[_Flag]) -> str:
    """``flag_count_text`` of a comparison and its flags."""
    return flag_count_text(len(flags), len({f.block for f in flags}), change_count(comparison))
