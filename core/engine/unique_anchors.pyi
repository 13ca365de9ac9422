# The compiled path's alignment anchors (core/engine/unique_anchors.c, built by ``make native``).

def unique_anchors(
    a: list[int], b: list[int], alo: int, ahi: int, blo: int, bhi: int, /
) -> list[tuple[int, int]] | None: ...
