"""The compiled path's makers of ops, blocks and rows (``core/engine/slot_objects.c``)
against the classes' own ``__init__`` (``core.engine.made``).

Without a build (``make native``) the makers are the classes themselves and the kernel's
tests skip. ``make test-native`` (CI) runs them.
"""

from __future__ import annotations

import gc
import pickle
import sys
from dataclasses import FrozenInstanceError, dataclass, fields

import pytest

from core.engine import made
from core.model import Block, Op, SentenceRow
from tests.kernels import kernel_or_skip


@pytest.fixture
def maker() -> object:
    try:
        from core.engine.slot_objects import maker
    except ImportError:
        maker = None
    return kernel_or_skip(maker, None, "slot_objects kernel")


VALUES = {
    Op: [
        ("equal", (0, 5), (3, 8), True),
        ("insert", None, (1, 2), True),
        ("delete", (4, 9), None, False),
    ],
    Block: [
        ("changed", (0, 9), (0, 7), (Op("equal", (0, 1), (0, 1)),), False),
        ("deleted", (4, 9), None, (), True),
    ],
    SentenceRow: [((0, 9), None, (1, 2), ()), (None, (3, 4), (), (5,))],
}


@pytest.mark.parametrize("cls", [Op, Block, SentenceRow])
def test_made_objects_are_the_classes_own(maker, cls) -> None:
    make = maker(cls, tuple(f.name for f in fields(cls)))
    for values in VALUES[cls]:
        expected = cls(*values)
        got = make(*values)
        assert type(got) is cls
        assert got == expected and hash(got) == hash(expected) and repr(got) == repr(expected)
        assert pickle.loads(pickle.dumps(got)) == expected
        with pytest.raises(FrozenInstanceError):
            got.old = None  # type: ignore[misc]


def test_the_engine_makes_them_in_c(maker) -> None:
    assert made.new_op is not Op and made.new_block is not Block and made.new_row is not SentenceRow
    assert made.new_op("insert", None, (1, 2), True) == Op("insert", None, (1, 2))


def test_values_are_held_and_let_go(maker) -> None:
    make = maker(SentenceRow, tuple(f.name for f in fields(SentenceRow)))
    span = (10**9, 10**9 + 1)
    before = sys.getrefcount(span)
    row = make(span, None, (), ())
    assert sys.getrefcount(span) == before + 1 and row.old is span
    del row
    gc.collect()
    assert sys.getrefcount(span) == before


def test_wrong_counts_and_classes_are_refused(maker) -> None:
    make = maker(Op, tuple(f.name for f in fields(Op)))
    with pytest.raises(TypeError):
        make("equal", (0, 1), (0, 1))  # (the default is not filled in: every field given)

    @dataclass
    class Plain:  # (no slots: a dict)
        a: int

    with pytest.raises(ValueError):
        maker(Plain, ("a",))
    with pytest.raises(ValueError):
        maker(Op, ("op", "missing"))
    with pytest.raises(TypeError):
        maker("Op", ("op",))


def test_a_class_with_post_init_is_made_by_itself() -> None:
    @dataclass(frozen=True, slots=True)
    class Checked:
        a: int

        def __post_init__(self) -> None:
            if self.a < 0:
                raise ValueError("negative")

    assert made.maker_of(Checked) is Checked


def test_named_tuples_made_are_the_classes_own(maker) -> None:
    from core.flags.pooled import Change, Word

    make_word = maker(Word, Word._fields)
    word = make_word("figure", 3, 9, 1)
    assert type(word) is Word and word == Word("figure", 3, 9, 1) and word.end == 9
    assert hash(word) == hash(Word("figure", 3, 9, 1)) and word._replace(change=0).change == 0
    assert pickle.loads(pickle.dumps(word)) == word and len(word) == 4
    make_change = maker(Change, Change._fields)
    change = make_change(2, ((0, 3),), (), (word,), ())
    assert change == Change(2, ((0, 3),), (), (word,), ())
    with pytest.raises(TypeError):
        make_word("figure", 3, 9)
    assert made.maker_of(Word) is not Word


def test_the_flags_make_their_words_in_c(maker) -> None:
    from core.flags import detect
    from core.flags.pooled import Word

    assert detect._new_word is not Word
    assert detect._words("a 5-6 b", ((0, 7),)) == (
        Word("a", 0, 1, 0),
        Word("5-6", 2, 5, 0),
        Word("b", 6, 7, 0),
    )
