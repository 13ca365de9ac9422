# The compiled path's word diff (core/engine/word_diff.c, built by ``make native``).

from collections.abc import Sequence

def runs(
    a: Sequence[int], b: Sequence[int], a_offset: int, b_offset: int, /
) -> list[tuple[int, int, int]] | None: ...
