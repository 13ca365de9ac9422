"""The text-content and size cases of BAD_INPUTS.md, at the engine level."""

from __future__ import annotations

import random
import threading
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor

import pytest

from core.engine import dmp_adapter
from core.engine.compare import compare
from core.engine.dmp_adapter import AlphabetOverflow, diff_runs
from core.errors import CancelledError
from core.model import Comparison, Document
from core.report.render_text import render_text
from tests.invariants import check_invariants

BASE = (
    "The mayor said the bridge would open in May. Critics called the plan reckless."
    "\n\nThe council voted 7 to 2."
)


def cmp(old: str, new: str) -> Comparison:
    result = compare(Document("old", old), Document("new", new))
    check_invariants(result)
    return result


def changed(result: Comparison) -> list[tuple[str, str]]:
    out = []
    for block in result.blocks:
        for op in block.ops:
            if op.op == "delete":
                out.append(("-", result.old.text[op.old[0] : op.old[1]]))
            elif op.op == "insert":
                out.append(("+", result.new.text[op.new[0] : op.new[1]]))
    return out


@pytest.mark.parametrize(
    "variant",
    [
        BASE.replace("\n", "\r\n"),
        BASE.replace("\n", "\r"),
        BASE.replace("\n\n", "\r\n\n", 1),
        BASE.replace(" would", "\u2028would").replace("Critics", "\x85Critics"),
        BASE.replace(" called", "\fcalled").replace(" voted", "\vvoted"),
        BASE.replace("\n\n", "\u2029"),
        "\ufeff" + BASE,
        "  " + BASE.replace(" ", "   ") + "\n\n\n",
    ],
)
def test_layout_and_line_endings_are_no_difference(variant: str) -> None:
    result = cmp(BASE, variant)
    assert result.identical and changed(result) == []
    assert result.stats.similarity == 1.0


def test_nfd_accents_equal_nfc_as_trivial_difference() -> None:
    nfc = "Le café de la mairie a fermé hier soir."
    nfd = unicodedata.normalize("NFD", nfc)
    result = cmp(nfc, nfd)
    assert result.identical
    assert any(not op.exact for b in result.blocks for op in b.ops)


def test_emoji_before_a_changed_word_keeps_offsets_exact() -> None:
    old = "Fans 🎉👍🏽 cheered 𝒳 loudly as the team won."
    new = "Fans 🎉👍🏽 cheered 𝒳 quietly as the team won."
    result = cmp(old, new)
    assert changed(result) == [("-", "loudly"), ("+", "quietly")]


def test_zero_width_and_bidi_controls_are_trivial_and_visible() -> None:
    old = "The minister resigned on Monday."
    new = "The mini\u200bster resigned on \u202eMonday."
    result = cmp(old, new)
    assert result.identical
    trivial = [
        result.new.text[op.new[0] : op.new[1]]
        for b in result.blocks
        for op in b.ops
        if not op.exact
    ]
    assert "mini\u200bster" in trivial
    assert "<U+200B>" in render_text(result)


def test_right_to_left_text_compares_by_words() -> None:
    old = "قال الوزير إن الجسر سيفتح في مايو."
    new = "قال الوزير إن الجسر سيفتح في يونيو."
    assert changed(cmp(old, new)) == [("-", "مايو"), ("+", "يونيو")]


def test_markup_in_text_is_plain_text_to_the_engine() -> None:
    payload = '<script>alert(1)</script> "><img src=x onerror=alert(1)> {{ x }} &amp;'
    result = cmp(f"Intro. {payload}", "Intro.")
    assert [text for _, text in changed(result)] == [payload]


def test_empty_and_bom_only_documents() -> None:
    for old, new in (("", ""), ("", BASE), (BASE, ""), ("\ufeff", "")):
        result = cmp(old, new)
        assert 0.0 <= result.stats.similarity <= 1.0
    assert cmp("", "").identical and cmp("", "").stats.similarity == 0.0
    assert cmp(BASE, "").stats.deleted_words == cmp(BASE, "").stats.old_words


def test_identical_and_disjoint_documents() -> None:
    assert cmp(BASE, BASE).stats.similarity == 1.0
    disjoint = cmp("Alpha beta gamma delta.", "Epsilon zeta eta theta iota.")
    assert disjoint.stats.similarity == 0.0 and disjoint.stats.common_words == 0


def test_reordered_duplicated_and_split_sentences() -> None:
    sentences = [
        "The mayor said the new bridge would open in May after two years of work.",
        "Critics on the council called the whole plan reckless and far too costly.",
        "Residents of the old town have waited a decade for a second crossing.",
        "The contractor blamed the delays on a shortage of steel last winter.",
    ]
    old = " ".join(sentences)
    reordered = cmp(old, " ".join([sentences[2], sentences[0], sentences[1], sentences[3]]))
    assert [b.kind for b in reordered.blocks].count("moved") == 1
    assert reordered.stats.moved_words == 13 and reordered.stats.deleted_words == 0
    duplicated = cmp(old, " ".join([*sentences, sentences[1]]))
    assert duplicated.stats.deleted_words == 0 and duplicated.stats.inserted_words == 13
    split = cmp(old, old.replace("said the new bridge would", "said. The new bridge. It would"))
    assert [t for _, t in changed(split)] == [".", ".", "It"]


def test_one_nul_in_a_large_text_is_no_crash() -> None:
    old = BASE * 2000
    new = old[:5000] + "\x00" + old[5000:]
    result = cmp(old, new)
    # The NUL lands inside "plan": the whole word is the change, never half of it.
    assert changed(result) == [("-", "plan"), ("+", "p\x00lan")]


def test_pathological_runs_are_linear() -> None:
    for junk in (".", '"', " ", "-", "'", "a-"):
        started = time.perf_counter()
        cmp("start " + junk * 1_000_000 + " end", "start end")
        assert time.perf_counter() - started < 10


def test_five_megabytes_on_one_line_without_punctuation() -> None:
    rng = random.Random(7)
    vocab = [f"word{k}" for k in range(5000)]
    words = [rng.choice(vocab) for _ in range(700_000)]
    edited = list(words)
    for k in range(0, len(edited), 1000):
        edited[k] = "changed"
    result = cmp(" ".join(words), " ".join(edited))
    assert result.stats.deleted_words == result.stats.inserted_words == 700
    assert len(result.blocks) == 1 and not result.approximate


def test_unanchorable_pair_is_flagged_approximate_not_replaced_wholesale() -> None:
    rng = random.Random(3)
    vocab = [f"w{k}" for k in range(30)]
    old = " ".join(rng.choice(vocab) for _ in range(60_000))
    new_words = old.split()
    for k in range(0, len(new_words), 50):
        new_words[k] = "edited"
    result = cmp(old, " ".join(new_words))
    assert result.approximate and any(b.approximate for b in result.blocks)
    assert result.stats.similarity > 0.9


def test_alphabet_overflow_is_detected() -> None:
    with pytest.raises(AlphabetOverflow):
        diff_runs(list(range(100)), list(range(50, 150)), max_alphabet=120)
    assert diff_runs([1, 2, 3], [1, 3], max_alphabet=3) == [(0, 0, 1), (2, 1, 1)]


def test_shared_alphabet_grows_without_repeats_across_threads(monkeypatch) -> None:
    # Diffs in several threads (the window) grow one shared alphabet: a character
    # given twice would make two different words equal.
    monkeypatch.setattr(dmp_adapter, "_CHARS", [])
    sizes = [5_000 * (k % 7 + 1) for k in range(24)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(dmp_adapter._alphabet, sizes))
    chars = dmp_adapter._CHARS
    assert len(chars) >= max(sizes) and len(set(chars)) == len(chars)
    assert not any(c.isspace() or 0xD800 <= ord(c) <= 0xDFFF for c in chars)
    assert chars == sorted(chars)
    a, b = list(range(30_000)), [*range(1, 30_000), 7]
    assert diff_runs(a, b) == [(1, 0, 29_999)]


def test_cancellation_stops_a_large_comparison() -> None:
    rng = random.Random(1)
    vocab = [f"w{k}" for k in range(3000)]
    old = ". ".join(" ".join(rng.choice(vocab) for _ in range(12)) for _ in range(40_000))
    new = old.replace("w1 ", "w2 ")
    cancel = threading.Event()
    calls = 0

    def should_cancel() -> bool:
        nonlocal calls
        calls += 1
        if calls > 3:
            cancel.set()
        return cancel.is_set()

    with pytest.raises(CancelledError):
        compare(Document("a", old), Document("b", new), should_cancel=should_cancel)


def test_moved_and_edited_sentence_is_one_moved_block() -> None:
    first = "The mayor said the new bridge would open in May after two years of work."
    second = "Critics on the council called the whole plan reckless and far too costly."
    third = "Residents of the old town have waited a decade for a second crossing."
    old = f"{first} {second} {third}"
    new = f"{second} {third} {first.replace('May', 'June')}"
    result = cmp(old, new)
    moved = [b for b in result.blocks if b.kind == "moved"]
    assert len(moved) == 1
    assert result.old.text[moved[0].old[0] : moved[0].old[1]] == first
    assert changed(result) == [("-", "May"), ("+", "June")]
    assert result.stats.moved_words == 14
