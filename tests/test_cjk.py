"""Text without spaces (Chinese, Japanese): units, sentences, full-width forms.

Fixtures are excerpts of the corpora in ``../shared/corpora/``:
- fcgec (Chinese sentences with human corrections), from ``xlxwalex/FCGEC`` @ ee4b6cc,
  ``data/FCGEC_valid.json``, Apache License 2.0.
- jp-law-versions (the Japanese Administrative Procedure Act, 行政手続法, as amended),
  from ``yamachig/Lawtext-sample-Administrative-Procedure-Act``; statute text, which
  Article 13 of the Japanese Copyright Act excludes from copyright.
"""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from core.engine.compare import compare
from core.engine.segment import _CJK_TERMINATOR, _TERMINATOR, segment
from core.engine.tokens import CJK_CHARS, compiled, count_words, tokenize
from core.model import CompareOptions, Comparison, Document
from core.nway.grid import build_nway
from tests.invariants import check_invariants

# fcgec 3afca765…: 降低 → 缩小 (the annotator's correction).
FCGEC_OLD = (
    "为进一步保障公众用药安全，国家食品药品监督管理总局决定对匹多莫德制剂说明书进行修订，"
    "降低了适应症范围，并明确指出3岁以下儿童禁用。"
)
FCGEC_NEW = FCGEC_OLD.replace("降低", "缩小")
# fcgec (sentence #573 of bench/cjk_quality.py's order): 出台 → 出炉, one character.
FCGEC_573_OLD = (
    "新近出台的进口、信贷以及PMI等前瞻性经济数据表明，在经历了两年增速下滑后，"
    "中国经济正在走出下行区间，回升态势已经确立。"
)
FCGEC_573_NEW = FCGEC_573_OLD.replace("出台", "出炉")
# jp-law-versions 09 → 10 (2014), 第三条: 第四章 becomes 第四章の二.
LAW_OLD = (
    "第三条\u3000次に掲げる処分及び行政指導については、次章から第四章までの規定は、適用しない。"
)
LAW_NEW = (
    "第三条\u3000次に掲げる処分及び行政指導については、次章から第四章の二までの規定は、適用しない。"
)
# jp-law-versions 03 → 04 (2002): a parenthesis holding 。 inside a sentence.
LAW_PAREN = (
    "二\u3000既に文書（前項の書面を含む。）によりその相手方に通知されている事項と"
    "同一の内容を求めるもの。次の文。"
)
_CJK = re.compile(f"[{CJK_CHARS}]")


def _cmp(old: str, new: str, **options: bool) -> Comparison:
    result = compare(
        Document(path="old.txt", text=old),
        Document(path="new.txt", text=new),
        CompareOptions(**options),
    )
    check_invariants(result)
    return result


def _changed(result: Comparison) -> tuple[list[str], list[str]]:
    old, new = result.old.text, result.new.text
    deleted = [
        old[op.old[0] : op.old[1]]
        for b in result.blocks
        for op in b.ops
        if op.op == "delete" and op.old
    ]
    inserted = [
        new[op.new[0] : op.new[1]]
        for b in result.blocks
        for op in b.ops
        if op.op == "insert" and op.new
    ]
    return deleted, inserted


@pytest.mark.parametrize(
    ("old", "new", "deleted", "inserted"),
    [
        ("我们今天公布了新规定。", "我们今天发布了新规定。", ["公"], ["发"]),
        (FCGEC_OLD, FCGEC_NEW, ["降低"], ["缩小"]),
        (FCGEC_573_OLD, FCGEC_573_NEW, ["台"], ["炉"]),
        (LAW_OLD, LAW_NEW, [], ["の二"]),
        ("東京都に住んでいます。", "大阪府に住んでいます。", ["東京都"], ["大阪府"]),
    ],
)
def test_a_substitution_marks_only_the_characters_that_changed(
    old: str, new: str, deleted: list[str], inserted: list[str]
) -> None:
    assert _changed(_cmp(old, new)) == (deleted, inserted)


def test_han_and_kana_are_one_unit_per_character_hangul_and_latin_stay_words() -> None:
    text = "iPhone手机很好。カタカナとひらがな 한국어 문장 word"
    tokens = tokenize(text)
    units = [text[s:e] for s, e in zip(tokens.starts, tokens.ends)]
    assert units == [
        "iPhone", "手", "机", "很", "好", "。",
        "カ", "タ", "カ", "ナ", "と", "ひ", "ら", "が", "な",
        "한국어", "문장", "word",
    ]  # fmt: skip


def test_thai_without_spaces_is_one_unit_per_run_and_compares() -> None:
    """No light, well-kept Thai segmenter is at hand: a space-delimited run of Thai is
    one unit, so a changed word marks its run (coarse, never broken)."""
    old = "ฉันรักภาษาไทย มาก"
    new = "ฉันชอบภาษาไทย มาก"
    assert len(tokenize(old)) == 2
    assert _changed(_cmp(old, new)) == (["ฉันรักภาษาไทย"], ["ฉันชอบภาษาไทย"])


def test_the_contract_word_count_is_kept() -> None:
    """The contract counts \\w runs: a clause of Han characters is one word, however
    many units it is; the statistics keep that count."""
    result = _cmp(FCGEC_OLD, FCGEC_NEW)
    assert result.stats.old_words == count_words(FCGEC_OLD) == 4
    assert result.stats.new_words == count_words(FCGEC_NEW)
    assert result.stats.common_words + result.stats.deleted_words == result.stats.old_words


def test_ignoring_punctuation_hides_no_character() -> None:
    deleted, inserted = _changed(_cmp("公布了。", "公告了", ignore_punctuation=True))
    assert (deleted, inserted) == (["布"], ["告"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今天下雨。明天晴天！后天呢？好。", ["今天下雨。", "明天晴天！", "后天呢？", "好。"]),
        ("他说：「今日は。」と言った。次。", ["他说：「今日は。」と言った。", "次。"]),
        ("「はい。」「いいえ。」", ["「はい。」", "「いいえ。」"]),
        (LAW_PAREN, [LAW_PAREN[:-4], "次の文。"]),
        (
            "規則（規程を含む。以下同じ。）をいう。次。",
            ["規則（規程を含む。以下同じ。）をいう。", "次。"],
        ),
        ("数値は１．５です．次の文．", ["数値は１．５です．", "次の文．"]),
        ("本当!?すごい。", ["本当!?", "すごい。"]),
        ("。。。。", ["。。。。"]),
    ],
)
def test_full_stops_of_text_without_spaces_end_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in segment(text).sentences] == expected


def test_law_versions_pair_sentence_by_sentence() -> None:
    """Two sentences of the act, one changed: the other stays an equal block."""
    old = LAW_OLD + "次に掲げる処分については、適用しない。"
    new = LAW_NEW + "次に掲げる処分については、適用しない。"
    kinds = [b.kind for b in _cmp(old, new).blocks]
    assert kinds == ["changed", "equal"]


def test_full_width_against_half_width_is_trivial() -> None:
    old = "ＡＢＣ１２３．５、ｔｅｓｔ－ｃａｓｅ（テスト）！？ｶﾞｲﾄﾞ"
    new = "ABC123.5、test-case(テスト)!?ガイド"
    result = _cmp(old, new)
    ops = [op for b in result.blocks for op in b.ops]
    assert {op.op for op in ops} == {"equal"}
    assert any(not op.exact for op in ops)
    # ｔｅｓｔ－ｃａｓｅ is two contract words (the contract joins words across the
    # hyphens it names, not U+FF0D), test-case one; common words count the old side.
    assert (result.stats.old_words, result.stats.new_words) == (6, 5)
    assert result.stats.common_words == result.stats.old_words


# Property tests: mixed scripts.
_PIECES = st.sampled_from(
    [
        "公布", "发布", "了", "新", "規定", "を", "含む", "カタカナ", "ｶﾞ", "word", "don't",
        "12.5", "１．５", "ＡＢＣ", "한국어", "、", "，", "。", "！", "？", "．", "「", "」",
        "（", "）", " ", "\n", "\n\n", "\u3000", "-", "...", '"',
    ]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_units_tile_the_text_and_split_han_and_kana(text: str) -> None:
    tokens = tokenize(text)
    cursor = 0
    for s, e in zip(tokens.starts, tokens.ends):
        assert cursor <= s < e
        assert text[cursor:s].strip() == ""
        cursor = e
        raw = text[s:e]
        if _CJK.match(raw):
            assert len(raw.rstrip("\uff9e\uff9f")) == 1
        else:
            assert not _CJK.search(raw)
    assert text[cursor:].strip() == ""
    # (A number glued to a word, "12.5word", is two units but "12" and "5word" to the
    # contract: the unit's count and the contract's differ there, with or without CJK.)
    if not re.search(r"\d[.,:．，：]\d+[^\W\d]", text):
        assert sum(tokens.contract_words) == count_words(text)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_sentences_tile_and_end_after_each_stop(text: str) -> None:
    spans = segment(text).sentences
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    starts = {s for s, _ in spans}
    for m in re.finditer("[。！？](?=[\u4e00-\u9fff\u3041-\u30ff])", text):
        before = text[max(0, m.start() - 300) : m.start()]
        if before.rfind("（") <= before.rfind("）"):  # not inside parentheses
            assert m.end() in starts, (text, m.end())


_FULL = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcXYZ019.,!?()-' ", max_size=60), st.data())
def test_full_width_copies_compare_equal(text: str, data: st.DataObject) -> None:
    """Any printable ASCII text against a copy with some characters full-width."""
    assume(not re.search(r"\d[.,]\d+[^\W\d]", text))  # "0.0a": see test_units_tile_…
    flags = data.draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    wide = "".join(_FULL.get(c, c) if f else c for c, f in zip(text, flags))
    result = _cmp(text, wide)
    assert all(op.op == "equal" for b in result.blocks for op in b.ops), (text, wide)


def test_terminator_matches_start_only_at_a_runs_first_mark() -> None:
    """What keeps the terminator patterns linear: tried inside a run of stops, a match
    would read the rest of the run again from every mark (40 KB of "." took 27 s)."""
    text = "." * 50 + " Next"
    assert _TERMINATOR.match(text, 1) is None
    assert _TERMINATOR.match(text, 0) is not None
    cjk = "。" * 50 + "次"
    assert compiled(_CJK_TERMINATOR).match(cjk, 1) is None
    assert compiled(_CJK_TERMINATOR).match(cjk, 0) is not None


def test_nway_rows_count_words_as_the_contract_does() -> None:
    base = Document(path="a.txt", text="今天下雨了。明天晴天。")
    other = Document(path="b.txt", text="今天下雪了。明天晴天。")
    grid = build_nway(base, [other])
    assert [row.words for row in grid.sentences] == [1, 1]
    assert [row.cells[0].status for row in grid.sentences] == ["edited", "kept"]


def test_text_output_joins_han_without_spaces() -> None:
    from core.report.render_text import render_text

    text = render_text(_cmp("我们今天公布了新规定。明天开会。", "我们今天发布了新规定。明天开会！"))
    assert "我们今天[-公-]{+发+}布了新规定。" in text
    assert "明天开会[-。-]{+！+}" in text
    english = render_text(_cmp("We published it.", "We issued it."))
    assert "We [-published-] {+issued+} it." in english
