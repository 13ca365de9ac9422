"""diff-match-patch's diff, typed for the compiled path (``core.engine.dmp_diff``): the
library's diffs, diff for diff, with the settings the adapter runs it with."""

from __future__ import annotations

import random

from diff_match_patch import diff_match_patch
from hypothesis import given, settings
from hypothesis import strategies as st

from core.engine import dmp_adapter, dmp_diff

_LIBRARY = diff_match_patch()
_LIBRARY.Diff_Timeout = 0.0


def _library(text1: str, text2: str) -> list[tuple[int, str]]:
    return [(int(op), text) for op, text in _LIBRARY.diff_main(text1, text2, False)]


# Few characters (some beyond the first plane, as the adapter's alphabet has): many
# chance matches, so the bisection and the merge's shifts have the most to do.
_TEXTS = st.text(alphabet=st.sampled_from("ab\u0100\u0101 \U0001d465"), max_size=40)


@settings(max_examples=3000, deadline=None)
@given(_TEXTS, _TEXTS)
def test_the_librarys_diffs(text1: str, text2: str) -> None:
    assert dmp_diff.diff_main(text1, text2) == _library(text1, text2)


def test_the_librarys_diffs_on_random_word_sequences() -> None:
    rng = random.Random(20261205)
    for _ in range(4000):
        size = rng.choice((3, 6, 30))
        length = rng.randrange(0, 120)
        text1 = "".join(chr(0x100 + rng.randrange(size)) for _ in range(length))
        edited = list(text1)
        for _ in range(rng.randrange(0, 12)):
            at = rng.randrange(len(edited) + 1)
            kind = rng.random()
            if kind < 0.4 and at < len(edited):
                del edited[at : at + rng.randrange(1, 6)]
            elif kind < 0.8:
                edited[at:at] = [
                    chr(0x100 + rng.randrange(size)) for _ in range(rng.randrange(1, 6))
                ]
            elif edited:  # a stretch moved
                piece = edited[at : at + rng.randrange(1, 10)]
                del edited[at : at + len(piece)]
                spot = rng.randrange(len(edited) + 1)
                edited[spot:spot] = piece
        text2 = "".join(edited)
        assert dmp_diff.diff_main(text1, text2) == _library(text1, text2), (text1, text2)


def test_the_adapters_runs_are_the_librarys() -> None:
    rng = random.Random(7)
    for _ in range(500):
        a = [rng.randrange(8) for _ in range(rng.randrange(60))]
        b = [x for x in a if rng.random() > 0.2] + [
            rng.randrange(8) for _ in range(rng.randrange(5))
        ]
        rng.shuffle(b[: len(b) // 3]) if rng.random() < 0.3 else None
        encoder = dmp_adapter._Encoder(dmp_adapter.ALPHABET_SIZE)
        text_a, text_b = encoder.encode(a), encoder.encode(b)
        expected = dmp_adapter._runs_from_diffs(_library(text_a, text_b), 3, 5)
        assert dmp_adapter._dmp_runs(a, b, 3, 5, dmp_adapter.ALPHABET_SIZE) == expected
