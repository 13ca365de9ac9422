# The compiled path's placing of units (core/engine/unit_place.c, built by ``make native``).

from collections.abc import Callable, Sequence

def placed(
    starts: Sequence[int],
    ends: Sequence[int],
    edges: Sequence[int],
    shifts: Sequence[int],
    paragraphs: Sequence[tuple[int, int]],
    /,
) -> tuple[bytes, bytes]: ...
def boundaries(starts: Sequence[int], sentence_starts: Sequence[int], /) -> list[int]: ...
def drafts(
    runs: list[tuple[int, int, int]],
    cuts: list[tuple[int, int]],
    ranges: list[tuple[int, int]],
    make: Callable[..., object],
    /,
) -> list[object]: ...
def interleaved(
    units: Sequence[object], paragraphs: Sequence[object], edges: Sequence[int], /
) -> tuple[object, ...]: ...
