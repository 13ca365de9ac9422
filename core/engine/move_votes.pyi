# The compiled path's move proposals and their LCS lengths (core/engine/move_votes.c,
# built by ``make native``).

from collections.abc import Sequence

def scored(
    a: list[int],
    b: list[int],
    olds: Sequence[int],
    old_spans: Sequence[tuple[int, int]],
    news: Sequence[int],
    new_spans: Sequence[tuple[int, int]],
    too_common: int,
    limit: int,
    size: int,
    /,
) -> tuple[list[list[int]], list[list[int]]] | None: ...
