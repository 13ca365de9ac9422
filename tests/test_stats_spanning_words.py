"""Word statistics of text without spaces: a word of many units (``罚款21元`` runs
into the clause) is common only when nothing in it changed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.engine.tokens import CONTRACT_WORD, spanning_words, tokenize
from tests.test_cjk import _cmp

RULE = "第3条规定罚款21元并处拘留3日。"


def test_a_figure_changed_inside_a_clause_changes_its_word() -> None:
    stats = _cmp(RULE * 3, RULE + RULE.replace("21", "22") + RULE).stats
    # Each clause is one contract word: the middle one is cut on both sides.
    assert (stats.old_words, stats.new_words) == (3, 3)
    assert (stats.common_words, stats.deleted_words, stats.inserted_words) == (2, 1, 1)
    assert stats.similarity < 1


def test_text_put_inside_a_word_cuts_it_on_both_sides() -> None:
    stats = _cmp("但不少中国人内心恐怖。", "但不少中国人内心认为恐怖。").stats
    assert (stats.common_words, stats.deleted_words, stats.inserted_words) == (0, 1, 1)


def test_text_added_after_a_word_leaves_the_old_word_whole() -> None:
    # (The contract's similarity counts common words on the old side: the old
    # clause is all there; the new one holds inserted characters.)
    stats = _cmp("但不少中国人内心，恐怖。", "但不少中国人内心认为，恐怖。").stats
    assert (stats.common_words, stats.deleted_words, stats.inserted_words) == (2, 0, 1)


def test_text_cut_from_a_words_end() -> None:
    stats = _cmp("缩短到约两个小时左右，标志。", "缩短到约两个小时，标志。").stats
    assert (stats.common_words, stats.deleted_words, stats.inserted_words) == (1, 1, 0)


def test_spaced_text_counts_as_before() -> None:
    text = "The fine was 21 dollars. It was paid."
    tokens = tokenize(text)
    assert tokens.counted is None and spanning_words(text, tokens) == []
    stats = _cmp(text, text.replace("21", "22")).stats
    assert (stats.common_words, stats.deleted_words, stats.inserted_words) == (7, 1, 1)


_PIECES = st.sampled_from(
    ["公布", "了", "規定", "を", "21", "元", "word", "カ", "ｶﾞ", "。", "，", " ", "\n"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25))
def test_spanning_words_are_the_words_over_several_units(pieces: list[str]) -> None:
    text = "".join(pieces)
    tokens = tokenize(text)
    found = spanning_words(text, tokens)
    if tokens.counted is None:
        assert found == []
        return
    expected = []
    for m in CONTRACT_WORD.finditer(text):
        units = [
            k
            for k in range(len(tokens))
            if tokens.starts[k] < m.end() and m.start() < tokens.ends[k]
        ]
        if len(units) > 1:
            expected.append((units[0], units[-1]))
    assert found == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=20), st.lists(_PIECES, max_size=20))
def test_counts_add_up(old: list[str], new: list[str]) -> None:
    stats = _cmp("".join(old), "".join(new)).stats  # (_cmp checks the invariants)
    assert stats.inserted_words <= stats.new_words
    assert stats.moved_words <= stats.common_words
