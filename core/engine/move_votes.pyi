# The compiled path's move proposals (core/engine/move_votes.c, built by ``make native``).

from collections.abc import Sequence

def proposals(
    a: list[int],
    spans: Sequence[tuple[int, int]],
    olds: Sequence[int],
    voters: dict[int, list[int]],
    limit: int,
    size: int,
    /,
) -> list[list[int]]: ...
