"""The sample pair 000/001 and the unrelated 002: the facts of samples/README.md."""

from __future__ import annotations

import pytest

from core.engine.compare import compare
from core.engine.tokens import CONTRACT_WORD
from core.model import Block, CompareOptions, Comparison, Document
from tests.conftest import CONDENSED, FULL, UNRELATED
from tests.invariants import check_invariants


def _doc(path) -> Document:
    return Document(path=path.name, text=path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def full_vs_condensed() -> Comparison:
    return compare(_doc(FULL), _doc(CONDENSED))


@pytest.fixture(scope="module")
def condensed_vs_full() -> Comparison:
    return compare(_doc(CONDENSED), _doc(FULL))


def _text(result: Comparison, side: str, span) -> str:
    doc = result.old if side == "old" else result.new
    return doc.text[span[0] : span[1]] if span else ""


def _block_with(result: Comparison, side: str, needle: str) -> Block:
    found = [b for b in result.blocks if needle in _text(result, side, getattr(b, side))]
    assert len(found) == 1, f"{needle!r} in {len(found)} blocks"
    return found[0]


def test_invariants_hold_for_every_sample_pair() -> None:
    docs = [_doc(p) for p in (FULL, CONDENSED, UNRELATED)]
    for old in docs:
        for new in docs:
            for options in (
                CompareOptions(),
                CompareOptions(ignore_case=False),
                CompareOptions(ignore_punctuation=True),
            ):
                check_invariants(compare(old, new, options))


def test_similarity_of_variants_is_about_six_tenths(condensed_vs_full: Comparison) -> None:
    assert 0.55 <= condensed_vs_full.stats.similarity <= 0.72
    assert condensed_vs_full.stats.old_words == 463
    assert condensed_vs_full.stats.new_words == 920


def test_sentences_only_in_the_full_version_are_inserted(condensed_vs_full: Comparison) -> None:
    for sentence in ("scroll down for video .", "victory laps : two islamist fighters"):
        block = _block_with(condensed_vs_full, "new", sentence)
        assert block.kind == "inserted"


def test_word_substitutions_are_word_ops(full_vs_condensed: Comparison) -> None:
    r = full_vs_condensed
    first = _block_with(r, "new", "enter a town in syrian")
    deleted = [_text(r, "old", op.old) for op in first.ops if op.op == "delete"]
    inserted = [_text(r, "new", op.new) for op in first.ops if op.op == "insert"]
    assert "syria" in deleted and "syrian" in inserted
    released = _block_with(r, "new", "who has travelled from the british")
    deleted = [_text(r, "old", op.old) for op in released.ops if op.op == "delete"]
    inserted = [_text(r, "new", op.new) for op in released.ops if op.op == "insert"]
    assert deleted[0] == "uk" and inserted[0] == "british"


def test_spaced_hyphen_is_a_trivial_difference(full_vs_condensed: Comparison) -> None:
    r = full_vs_condensed
    trivial = [
        (_text(r, "old", op.old), _text(r, "new", op.new))
        for b in r.blocks
        for op in b.ops
        if op.op == "equal" and not op.exact
    ]
    assert ("eight-minute", "eight - minute") in trivial
    assert ("opposition-controlled", "opposition - controlled") in trivial
    for b in r.blocks:
        for op in b.ops:
            if op.op != "equal":
                text = _text(r, "old", op.old) + _text(r, "new", op.new)
                assert "minute" not in text and "controlled" not in text


def test_merged_line_is_aligned_with_the_sentences_it_merges(condensed_vs_full: Comparison) -> None:
    r = condensed_vs_full
    line6 = r.old.text.split("\n")[5]
    start = r.old.text.index(line6)
    end = start + len(line6)
    inside = [b for b in r.blocks if b.old and start <= b.old[0] and b.old[1] <= end]
    assert sum(b.old[1] - b.old[0] for b in inside) >= len(line6.strip()) - 5
    counterparts = " ".join(_text(r, "new", b.new) for b in inside)
    for sentence_start in (
        "' this region has been freed",
        "jisr al-shughour , a city in the northwestern",
        "despite the man behind the camera",
        "the man preaches as a ' saviour '",
    ):
        assert sentence_start in counterparts
    assert len([b for b in inside if b.new]) >= 4


def test_repeated_caption_goes_to_its_own_counterpart(condensed_vs_full: Comparison) -> None:
    r = condensed_vs_full
    lines = r.old.text.split("\n")
    third = _block_with(r, "old", lines[2][:60])
    assert _text(r, "new", third.new).startswith(
        "just hours after the eight-minute video was filmed"
    )
    tenth = _block_with(r, "old", "calm before the storm")
    assert "calm before the storm : just hours after the video was filmed" in _text(
        r, "new", tenth.new
    )
    assert third.kind != "moved" and tenth.kind != "moved"


def _edit_words(r: Comparison, ops: tuple) -> int:
    """The larger side's unit count of a run of delete and insert ops (``eight -
    minute`` is one unit, as the engine counts)."""
    from core.engine.tokens import tokenize

    old = sum(len(tokenize(r.old.text[op.old[0] : op.old[1]]).keys) for op in ops if op.old)
    new = sum(len(tokenize(r.new.text[op.new[0] : op.new[1]]).keys) for op in ops if op.new)
    return max(old, new)


def test_unrelated_article_is_not_painted_as_confetti() -> None:
    """Two unrelated articles: no lone function word or mark is kept between two
    rewrites (``core.engine.word_cleanup``: two words or more, one of three or more)."""
    from core.engine.word_cleanup import BIG_EDIT, FUNCTION_WORDS, MIN_EDIT

    for old, new in ((FULL, UNRELATED), (UNRELATED, CONDENSED)):
        r = compare(_doc(old), _doc(new))
        assert r.stats.similarity < 0.2
        checked = 0
        for block in r.blocks:
            ops = block.ops
            edges = [k for k, op in enumerate(ops) if op.op == "equal"]
            for left, k, right in zip([-1, *edges], edges, [*edges[1:], len(ops)]):
                before, after = ops[left + 1 : k], ops[k + 1 : right]
                if not before or not after or not ops[k].old:
                    continue
                sizes = sorted((_edit_words(r, before), _edit_words(r, after)))
                if sizes[0] < MIN_EDIT or sizes[1] < BIG_EDIT:
                    continue
                checked += 1
                words = CONTRACT_WORD.findall(r.old.text, *ops[k].old)
                assert len(words) >= 2 or (words and words[0].casefold() not in FUNCTION_WORDS), (
                    f"confetti kept: {r.old.text[ops[k].old[0] : ops[k].old[1]]!r}"
                )
        assert checked


def test_a_shared_phrase_is_never_hidden() -> None:
    old = Document("a", "We think this pattern of rising prices may point to a shortage.")
    new = Document("b", "Analysts say this pattern of rising rents may indicate a shortage.")
    r = compare(old, new)
    kept = [old.text[op.old[0] : op.old[1]] for op in r.blocks[0].ops if op.op == "equal"]
    assert kept == ["this pattern of rising", "may", "a shortage."]


def test_sentences_sharing_no_content_word_are_a_whole_replacement() -> None:
    old = Document("a", "Officials announced sweeping restrictions on grain importers yesterday.")
    new = Document("b", "Ministers unveiled tough limits for the rice exporters this morning.")
    r = compare(old, new)
    assert all(op.op != "equal" for b in r.blocks for op in b.ops)


def test_case_counts_only_when_asked() -> None:
    old = Document("a", "The Video was released.")
    new = Document("b", "the video was released.")
    folded = compare(old, new)
    assert folded.identical and folded.stats.similarity == 1.0
    assert [op.exact for op in folded.blocks[0].ops] == [False, True]
    strict = compare(old, new, CompareOptions(ignore_case=False))
    assert not strict.identical
    assert strict.stats.deleted_words == 2


def test_a_full_stop_against_a_line_break_is_layout(
    condensed_vs_full: Comparison,
) -> None:
    """000 ends its sentences with line breaks, 001 with " . ": the stops are
    trivial (an ``equal`` op, ``exact`` False, its old span empty at the line end)."""
    from core.engine.stats import punctuation_only

    r = condensed_vs_full
    second = _block_with(r, "old", "the video , which shows a convoy")
    assert second.kind == "equal"
    layout = [op for op in second.ops if not op.exact]
    assert len(layout) == 1 and layout[0].op == "equal"
    assert layout[0].old is not None and layout[0].new is not None
    assert layout[0].old[0] == layout[0].old[1] == second.old[1]
    assert r.new.text[layout[0].new[0] : layout[0].new[1]] == "."
    first = _block_with(r, "old", "this is the moment when")
    assert not punctuation_only(first, r.old.text, r.new.text)


def test_a_shared_run_of_three_words_is_never_a_whole_replacement() -> None:
    old = Document(
        "a", "Rebels seized three villages in the northern province on Monday after heavy fighting."
    )
    new = Document(
        "b", "Government troops lost control of several towns in the northern province this week."
    )
    (block,) = compare(old, new).blocks
    kept = [old.text[op.old[0] : op.old[1]] for op in block.ops if op.op == "equal"]
    assert "in the northern province" in kept
