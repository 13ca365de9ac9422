# The compiled path's key numbering (core/engine/key_ids.c, built by ``make native``).

from collections.abc import Sequence

def ids_of(keys: Sequence[str], table: dict[str, int], /) -> list[int]: ...
def word_counts(
    a: Sequence[int], words_a: Sequence[int], b: Sequence[int], words_b: Sequence[int], size: int, /
) -> list[int]: ...
