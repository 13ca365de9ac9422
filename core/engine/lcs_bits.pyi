# The compiled path's LCS alignments (core/engine/lcs_bits.c, built by ``make native``).

from collections.abc import Sequence

def runs(
    a: Sequence[int], b: Sequence[int], a_offset: int, b_offset: int, /
) -> list[tuple[int, int, int]] | None: ...
def length(a: Sequence[int], b: Sequence[int], /) -> int | None: ...
