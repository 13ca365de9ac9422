# The compiled path's span comparison (core/engine/layout_compare.c, built by ``make native``).

from collections.abc import Sequence

def same_spelling(old: str, a1: int, a2: int, new: str, b1: int, b2: int, /) -> bool: ...
def same_units(
    old: str,
    new: str,
    old_starts: Sequence[int],
    old_ends: Sequence[int],
    new_starts: Sequence[int],
    new_ends: Sequence[int],
    i1: int,
    i2: int,
    j1: int,
    /,
) -> list[bool]: ...
