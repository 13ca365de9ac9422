# The compiled path's span comparison (core/engine/layout_compare.c, built by ``make native``).

from collections.abc import Callable, Sequence

from core.engine.blocks import Code
from core.model import Op, OpKind, Span

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

class OpsBuilder:
    def __init__(
        self,
        old: str,
        new: str,
        old_starts: Sequence[int],
        old_ends: Sequence[int],
        new_starts: Sequence[int],
        new_ends: Sequence[int],
        old_keys: tuple[str, ...],
        new_keys: tuple[str, ...],
        old_sentences: frozenset[int],
        new_sentences: frozenset[int],
        new_op: Callable[[OpKind, Span | None, Span | None, bool], Op],
        /,
    ) -> None: ...
    def __call__(self, codes: Sequence[Code], layout: bool, /) -> tuple[Op, ...]: ...
