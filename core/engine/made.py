"""The objects of ``core.model`` the engine makes by the ten thousand: ops, blocks and
rows of sentences, made from every field's value (no defaults); and ``maker_of`` for
other such classes (the flags' words and changes, named tuples).

On the compiled path each is made in C (``slot_objects.c``: the slots filled
directly, 0.05 us an object); otherwise, and for a class with a ``__post_init__``,
by the class itself (its dataclass ``__init__``, 0.5-0.6 us): the same objects.

May import: ``core.model`` and the engine's kernel ``slot_objects``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import TypeVar, cast

from core.model import Block, BlockKind, Op, OpKind, SentenceRow, Span

T = TypeVar("T")


def maker_of(cls: type[T]) -> Callable[..., T]:
    """What makes a ``cls`` (a slotted dataclass, or a named tuple) from all its
    fields' values, in the order of its ``__init__``: the compiled path's
    ``slot_objects.maker``, else ``cls`` itself."""
    if hasattr(cls, "__post_init__"):
        return cls
    try:
        from core.engine.slot_objects import maker
    except ImportError:
        return cls
    if issubclass(cls, tuple):
        names = tuple(getattr(cls, "_fields"))  # noqa: B009 (a named tuple's fields)
    else:
        names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    return cast(Callable[..., T], maker(cls, names))


new_op: Callable[[OpKind, Span | None, Span | None, bool], Op] = maker_of(Op)
new_block: Callable[[BlockKind, Span | None, Span | None, tuple[Op, ...], bool], Block]
new_block = maker_of(Block)
new_row: Callable[[Span | None, Span | None, tuple[int, ...], tuple[int, ...]], SentenceRow]
new_row = maker_of(SentenceRow)
