# Rows of whole sentences on the compiled path (core/engine/row_bounds.c, built by
# ``make native``).
from collections.abc import Sequence

from core.model import Block, Span

def rows(
    blocks: Sequence[Block],
    old_sentences: Sequence[int] | None,
    new_sentences: Sequence[int] | None,
    /,
) -> tuple[list[Span | None], list[Span | None], list[tuple[int, ...]], list[tuple[int, ...]]]: ...
