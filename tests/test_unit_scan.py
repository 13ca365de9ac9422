"""The compiled path's unit scanner (``core/engine/unit_scan.c``) against the regular
expression it stands in for (``core.engine.tokens._unit_pattern``): the same units, with
the same offsets, keys and word counts, from ``tokenize`` either way.

Without a build (``make native``) the scanner is absent and these tests skip: the
pure path is the expression itself. ``make test-native`` (CI) runs them.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from core.engine import native, tokens
from tests.kernels import kernel_or_skip

ROOT = Path(__file__).resolve().parent.parent

# Characters where the two could part: joiners, marks (combining, format, voicing),
# figures' points, commas and dashes, the marks that come in runs, Han, kana and
# half-width kana, other scripts' letters and digits, unusual spaces, a lone surrogate.
PALETTE = list("aZ_09.,:;-'\"*=#~!?/\\|+<>()[]{} \t\n\r") + list(
    "\u00ad\u0301\u0308\u200b\u200d\u3099\u309a\uff9e\uff9f\u2010\u2011\u2019\u2012"
    "\u2013\u2014\u2026\u2212\uff0e\uff1a\uff0c\uff0d\uff07\uff02\uff0a\uff01\uff1f"
    "\u3002\uff61\u00a0\u3000\x1c\x85\u2028\u0663\u0967\u00b2\u2155\u3005\u3006\u3007"
    "\u3021\u3041\u30a2\u30fc\u4e00\u9fff\uff66\uff71\uf900\U00020000\U0003134f\u0e01"
    "\u0e31\u0627\u064b\u0915\u093e\u094d\ud800\U0001f600\u00e9\u0391\u0416\uac00"
    "\u2160\u00bd\uff10\uff21"
)

CASES = [
    "1,000,000 and 3,14 but 2000,2001,2002; 1990\u201395, 3\u20133, 3.5-fold, 12:30:15",
    "eight - minute, don\u2019t, Fu\u00dfball\u00adspieler, cafe\u0301, wo\u200brd, x_y",
    "Wait... -- really?! \u2014\u2014 yes\u2026 \uff1f\uff1f?? **bold** == ## ~~ // "
    "\\\\ || ++ << >>",
    "\u516c\u5e03\u4e86\u6cd5\u5f8b\u3002\u30ab\u3099\u30ac \uff76\uff9e\uff77\uff9e"
    " \u3005\u3007 2024\u5e74",
    "\u0915\u093e\u092e \u0e01\u0e32\u0e23 \u0627\u0644\u0652\u0643\u062a\u0627\u0628"
    " \ud55c\uad6d\uc5b4",
    "end with digits 1,2345 and 1,23 and 7. and .5 and ,5",
]


def _scanner() -> object:
    return kernel_or_skip(tokens.scan_units, None, "unit scanner")


def _agree(text: str) -> None:
    """The text's units, keys and word counts, the scanner's and the expression's, in
    both cases (with case folded and not)."""
    scan = tokens.scan_units
    for fold_case in (True, False):
        by_scanner = tokens._tokenize(text, fold_case, scan)
        by_expression = tokens._tokenize(text, fold_case, None)
        assert by_scanner == by_expression, repr(text[:200])


def test_the_compiled_path_scans_with_c() -> None:
    if native.status()[0]:
        assert tokens.scan_units is not None
    else:
        assert tokens.scan_units is None


@pytest.mark.parametrize("text", CASES)
def test_the_scanner_finds_the_expressions_units(text: str) -> None:
    _scanner()
    _agree(text)


def test_the_scanner_agrees_on_the_samples_and_long_text() -> None:
    _scanner()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "resources").rglob("*.txt"))]
    assert texts
    # Longer than a stretch, so the text is scanned a stretch of paragraphs at a time.
    texts.append("\n\n".join(texts * (3 * tokens.STRETCH // sum(map(len, texts)) + 1)))
    for text in texts:
        _agree(text)


def test_the_scanner_agrees_on_random_text() -> None:
    _scanner()
    rng = random.Random(18)
    for _ in range(20_000):
        chars = rng.sample(PALETTE, rng.randint(2, 12))
        _agree("".join(rng.choice(chars) for _ in range(rng.randint(1, 40))))


def test_the_scanner_refuses_what_it_cannot_scan() -> None:
    scan = _scanner()
    assert callable(scan)
    with pytest.raises(ValueError):
        scan("abc", 0, 3, "\u0308\u0301", False, {}, {})  # marks not sorted
    with pytest.raises(IndexError):
        scan("abc", 0, 4, "", False, {}, {})
    with pytest.raises(IndexError):
        scan("abc", 2, 1, "", False, {}, {})
    with pytest.raises(KeyError):
        scan("abc", 0, 3, "", False, {"abc": "abc"}, {})  # a key without its weight


def test_the_scanner_keys_what_it_knows_and_leaves_the_rest() -> None:
    scan = _scanner()
    assert callable(scan)
    starts, ends, keys, words, unseen, fresh = scan(
        "The cat, the Cat.", 0, 17, "", False, {"The": "the", ",": ","}, {"The": 1, ",": 0}
    )
    assert memoryview(starts).cast("q").tolist() == [0, 4, 7, 9, 13, 16]
    assert memoryview(ends).cast("q").tolist() == [3, 7, 8, 12, 16, 17]
    assert keys == ["the", "cat", ",", "the", "Cat", "."]
    assert words == [1, None, 0, None, None, None]
    assert unseen == ["cat", "the", "Cat", "."]
    assert fresh == [1, 3, 4, 5]


def test_the_scanner_learns_plain_words_as_the_spellings_would() -> None:
    scan = _scanner()
    assert callable(scan)
    text = "The cat, the CAT's cat2 \u00e9t\u00e9 x_y The."
    for fold in (True, False):
        key_of: dict[str, str] = {",": ","}
        words_of = {",": 0}
        table: dict[str, str] = {}
        _, _, keys, words, unseen, fresh = scan(
            text, 0, len(text), "", False, key_of, words_of, table, fold
        )
        plain = ["The", "cat", "the", "cat2"]  # (ASCII letters and digits alone)
        folded = [w.lower() if fold else w for w in plain]
        assert unseen == ["CAT's", "\u00e9t\u00e9", "x_y", "."]  # (left to learn)
        assert fresh == [4, 6, 7, 9]
        others = ["CAT's", "cat2", "\u00e9t\u00e9", "x_y", folded[0], "."]
        assert keys == [*folded[:2], ",", folded[2], *others]
        assert words == [1, 1, 0, 1, None, 1, None, None, 1, None]
        assert [key_of[w] for w in plain] == folded
        assert [words_of[w] for w in plain] == [1, 1, 1, 1]
        # Equal keys are one string, the table's ("The" and "the" folded).
        assert table == {k: k for k in folded}
        assert all(key_of[w] is table[key_of[w]] for w in plain)
        assert (keys[0] is keys[3]) == fold and keys[0] is keys[8]
        # Learnt in one span, known in the next.
        _, _, again, _, unseen, _ = scan(text, 0, 7, "", False, key_of, words_of, table, fold)
        assert again == folded[:2] and unseen == []


def test_the_scanner_keys_spellings_met_again_as_when_first_met() -> None:
    scan = _scanner()
    assert callable(scan)
    # The same spellings again and again, known and not, among more distinct ones than
    # the scanner files at first (its table grows), in narrow and wide text.
    rng = random.Random(5)
    for extra in ("", "\u0416", "\U00020000"):
        vocabulary = [f"w{k}{extra}" for k in range(9_000)] + ["The", "cat", ",", "."]
        text = " ".join(rng.choice(vocabulary) for _ in range(60_000))
        key_of = {w: w.casefold() for w in vocabulary[::3]}
        words_of = dict.fromkeys(key_of, 1)
        starts, ends, keys, words, unseen, fresh = scan(
            text, 0, len(text), "", False, key_of, words_of
        )
        raws = text.split()
        assert memoryview(starts).cast("q").tolist() == [
            m.start() for m in re.finditer(r"\S+", text)
        ]
        assert len(memoryview(ends).cast("q")) == len(raws)
        assert keys == [key_of.get(r, r) for r in raws]
        assert words == [words_of.get(r) for r in raws]
        assert unseen == list(dict.fromkeys(r for r in raws if r not in key_of))
        assert fresh == [k for k, r in enumerate(raws) if r not in key_of]
        _agree(text)


def test_the_kernel_drops_units_as_the_slices_do() -> None:
    drop = kernel_or_skip(tokens.drop_units, tokens._drop, "unit scanner's drop")
    assert callable(drop)
    rng = random.Random(7)
    for n in (0, 1, 2, 5, 50, 1000):
        for _ in range(20):
            units = [f"u{k}" for k in range(n)]
            dropped = sorted(rng.sample(range(n), rng.randint(0, n)))
            by_slices = list(units)
            tokens._drop(by_slices, dropped)
            drop(units, dropped)
            assert units == by_slices
            units.append("more")  # (still a list that grows as lists do)
            assert units[-1] == "more" and len(units) == n - len(dropped) + 1


def test_the_kernel_refuses_indices_out_of_order_and_keeps_the_list() -> None:
    drop = kernel_or_skip(tokens.drop_units, tokens._drop, "unit scanner's drop")
    assert callable(drop)
    units = ["a", "b", "c"]
    for dropped in ([1, 1], [2, 0], [3], [-1], ["x"]):
        with pytest.raises((ValueError, TypeError)):
            drop(units, dropped)
        assert units == ["a", "b", "c"]


def test_the_kernel_finds_the_lone_dashes_as_the_index_scan_does() -> None:
    kernel_or_skip(getattr(tokens, "where_item", None), None, "unit scanner's where")
    rng = random.Random(3)
    dash = "".join(["-"])  # (the table's string, not the literal)
    for n in (0, 1, 7, 500):
        keys = [rng.choice([dash, "a", "b", ",", "--"]) for _ in range(n)]
        assert tokens.lone_dashes(keys, dash) == tokens._lone_dashes(keys, dash)
        assert tokens.lone_dashes(keys, None) == [] == tokens._lone_dashes(keys, None)
    # Whole texts: the dashes joined alike (``_agree``), by the kernel on this path.
    assert tokens.lone_dashes is tokens._where
