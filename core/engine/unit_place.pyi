# The compiled path's placing of units (core/engine/unit_place.c, built by ``make native``).

from collections.abc import Sequence

def placed(
    starts: Sequence[int],
    ends: Sequence[int],
    edges: Sequence[int],
    shifts: Sequence[int],
    paragraphs: Sequence[tuple[int, int]],
    /,
) -> tuple[bytes, bytes]: ...
def boundaries(starts: Sequence[int], sentence_starts: Sequence[int], /) -> list[int]: ...
