# The compiled path's sentence ends at stops (core/engine/sentence_stops.c, ``make native``).

from collections.abc import Callable, Set
from re import Match

def stop_starts(
    text: str,
    abbreviations: Set[str],
    states: Set[str],
    continues: Set[str],
    dateline_after: Set[str],
    dotted: Callable[[str], Match[str] | None],
    month: Callable[[str, int], Match[str] | None],
    /,
) -> list[int]: ...
