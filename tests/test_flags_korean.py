"""Korean: hedges on a figure and negations.

Seen by a multilingual editor (session 16): no flag at all on Korean copy. "최소 10명"
-> "10명" (at least), "약 10명" (about), "10명 이상이" -> "10명이" (or more), "올리지
않겠다고" -> "올리겠다고", "못했다" -> "올렸다", "안 올렸다" -> "올렸다" were missed; a
line of Korean, which has no capitals, was read as a heading, where no negation is told.
"""

from __future__ import annotations

import pytest

from tests.flagged import flag_pairs


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        ("경찰은 최소 10명이 숨졌다고 밝혔다.", "경찰은 10명이 숨졌다고 밝혔다.", "number"),
        ("경찰은 약 10명이 숨졌다고 밝혔다.", "경찰은 10명이 숨졌다고 밝혔다.", "number"),
        ("이번 사고로 10명 이상이 숨졌다.", "이번 사고로 10명이 숨졌다.", "number"),
        ("정부는 세금을 올리지 않겠다고 밝혔다.", "정부는 세금을 올리겠다고 밝혔다.", "negation"),
        ("정부는 세금을 올리지 못했다.", "정부는 세금을 올렸다.", "negation"),
        ("정부는 세금을 안 올렸다.", "정부는 세금을 올렸다.", "negation"),
    ],
)
def test_a_korean_hedge_or_negation_cut_is_flagged(old: str, new: str, kind: str) -> None:
    assert [k for k, _ in flag_pairs(old, new)] == [kind]


def test_one_hedge_before_and_after_the_figure_is_one_hedge() -> None:
    old = "그리스에서 일어난 열차 충돌 사고로 최소 57명이 사망하였다."
    new = "그리스에서 일어난 열차 충돌 사고로 적어도 57명 이상 사망하였다."
    assert flag_pairs(old, new) == []


def test_a_japanese_hedge_after_the_counter_is_a_hedge() -> None:
    # (the multilingual reader, session 16: "10人以上" -> "10人", no flag)
    assert flag_pairs("事故で10人以上が死亡した。", "事故で10人が死亡した。") == [
        ("number", '"10人以上" \u2192 "10"')
    ]
    assert flag_pairs("事故で10人以上が死亡した。", "事故で10人以上が死亡したという。") == []


def test_korean_scales_after_the_digits() -> None:
    # (the multilingual reader, session 16: "2억 원" -> "2조 원" raised nothing, and
    # "1만 2천 명" -> "12,000명" raised '"1만 2천" -> "12,000"')
    assert flag_pairs("피해액은 2억 원으로 추산됐다.", "피해액은 2조 원으로 추산됐다.") == [
        ("number", '"2억" \u2192 "2조"')
    ]
    assert (
        flag_pairs("피해 인원은 1만 2천 명으로 집계됐다.", "피해 인원은 12,000명으로 집계됐다.")
        == []
    )
