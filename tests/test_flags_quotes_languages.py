"""Quotation marks as German, Ukrainian, Russian, Czech or Polish copy sets them.

These languages open a quotation with a low mark (``„``, nested ``‚``) and close it
with the mark English opens with (``“``, nested ``‘``). Such a closing mark was taken
for an opening one, so the narration after a quote, on into the next sentence, was
"inside a quote": a changed attribution raised the ``quote`` flag. English marks
(``“…”``, ``‘…’``) and guillemets with low marks nested in them (``«…„…“…»``) keep
their meaning, also in a text that mixes them.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import core.flags.quotes as quotes
from core.flags.quotes import Quotations, quote_regions
from tests.flagged import flag_pairs


def _quote_flags(old: str, new: str) -> list[str]:
    return [text for kind, text in flag_pairs(old, new) if kind == "quote"]


# An editor's minimal pairs from German and Ukrainian news: only narration changed.
NARRATION_CHANGED = [
    (
        "German: the speaker after the quote",
        "„Wir suchen weiter nach Überlebenden“, sagte ein Sprecher der Feuerwehr.",
        "„Wir suchen weiter nach Überlebenden“, sagte ein Sprecher der Polizei am Montag.",
    ),
    (
        "German: a nested quote, the verb after it and the next sentence",
        "„Die Lage ist ‚katastrophal‘“, sagte der Sprecher. Die Helfer arbeiten weiter.",
        "„Die Lage ist ‚katastrophal‘“, erklärte der Sprecher. Die "
        "Helfer arbeiten weiter rund um die Uhr.",
    ),
    (
        "Ukrainian: guillemets become low marks, the narration grows",
        "«Коронавірусу все одно, скільки вам років» — з таким заголовком британське "
        "видання Wired пояснює ризики.",
        "„Коронавірусу все одно, скільки вам років“ — з таким заголовком британське "
        "видання Wired пояснює ризики для молоді.",
    ),
]


@pytest.mark.parametrize(
    ("what", "old", "new"), NARRATION_CHANGED, ids=[c[0] for c in NARRATION_CHANGED]
)
def test_narration_after_a_low_quote_is_not_inside_a_quote(what: str, old: str, new: str) -> None:
    assert _quote_flags(old, new) == [], what


@pytest.mark.parametrize(
    ("text", "quoted", "replaced"),
    [
        (NARRATION_CHANGED[0][1], "suchen", "finden"),
        (NARRATION_CHANGED[1][1], "katastrophal", "ernst"),
        (NARRATION_CHANGED[1][1], "Lage", "Stimmung"),
        (NARRATION_CHANGED[2][2], "років", "літ"),
    ],
)
def test_a_word_changed_inside_a_low_quote_is_still_flagged(
    text: str, quoted: str, replaced: str
) -> None:
    flags = _quote_flags(text, text.replace(quoted, replaced))
    assert flags == [f'"{quoted}" → "{replaced}" inside a quote'], flags


# Texts and the interiors of their quotations, in order (nested ones merged in).
INTERIORS = [
    (
        "German",
        "„Wir suchen weiter“, sagte ein Sprecher. Er ging.",
        ["Wir suchen weiter"],
    ),
    (
        "German, a quote nested in a quote",
        "„Die Lage ist ‚katastrophal‘“, sagte er. Die Helfer arbeiten.",
        ["Die Lage ist ‚katastrophal‘"],
    ),
    (
        "German, a nested quote inside the words",
        "„Sie nannten es ‚eine Falle‘ und gingen“, sagte er.",
        ["Sie nannten es ‚eine Falle‘ und gingen"],
    ),
    (
        "German, two quotes in one paragraph",
        "„Ja“, sagte sie, und er: „Nein“. Dann gingen beide.",
        ["Ja", "Nein"],
    ),
    (
        "Czech, a quote closing the sentence",
        "Mluvčí řekl: „Hledáme dál.“ Pak odešel.",
        ["Hledáme dál."],
    ),
    (
        "Russian, low marks nested in guillemets",
        "«Он сказал „нет“ и ушёл», — сообщил свидетель.",
        ["Он сказал „нет“ и ушёл"],
    ),
    (
        "Russian, the nested quote ends the outer one",
        "«Он сказал „нет“», — сообщил свидетель.",
        ["Он сказал „нет“"],
    ),
    (
        "Polish, closed with the English closing mark",
        "„Nie wiem”, powiedział rzecznik.",
        ["Nie wiem"],
    ),
    (
        "a low mark closed with a straight one",
        '„Wir suchen", sagte er. Er ging.',
        ["Wir suchen"],
    ),
    (
        "tokenized copy",
        "„ Wir suchen weiter “ , sagte er .",
        [" Wir suchen weiter "],
    ),
    (
        "a quote left open at the paragraph's end runs to it",
        "„Wir suchen weiter, sagte er\n\nDann ging er.",
        ["Wir suchen weiter, sagte er"],
    ),
    ("English", "He said “we will win” and left.", ["we will win"]),
    ("English single", "He called it ‘great fun’ and left.", ["great fun"]),
    (
        "English, single nested in double",
        "“They called it ‘a trap’ and left,” she said.",
        ["They called it ‘a trap’ and left,"],
    ),
    (
        "English, two quotes in one paragraph",
        "“Yes,” she said, and he: “No.” Then both left.",
        ["Yes,", "No."],
    ),
    # With no low mark open, a second opening mark opens anew, as before.
    ("English, opened twice", "He said “we “will” win” and left.", ["we ", "will"]),
    (
        "English, a lone spaced single mark",
        "the ‘okina is written as an opening single quote ‘ with the value (decimal).",
        ["okina is written as an opening single quote ", " with the value (decimal)."],
    ),
    (
        "mixed: English quotes and a German one side by side",
        "“Hello,” he said. The sign read „Ausgang“ and he left. “Bye,” she said.",
        ["Hello,", "Ausgang", "Bye,"],
    ),
    (
        "mixed: a German quote inside an English one",
        "“He read „Ausgang“ aloud,” she said. He left.",
        ["He read „Ausgang“ aloud,"],
    ),
    (
        "mixed: an English quote inside a German one",
        "„Er rief “Hilfe” und lief“, sagte sie. Sie ging.",
        ["Er rief “Hilfe” und lief"],
    ),
]


@pytest.mark.parametrize(("what", "text", "quoted"), INTERIORS, ids=[c[0] for c in INTERIORS])
def test_quote_interiors(what: str, text: str, quoted: list[str]) -> None:
    assert [text[s:e] for s, e in quote_regions(text)] == quoted, what


@pytest.mark.parametrize(("what", "text", "quoted"), INTERIORS, ids=[c[0] for c in INTERIORS])
def test_a_change_is_looked_up_as_the_interiors_say(
    what: str, text: str, quoted: list[str]
) -> None:
    # Quotations (found around a change) agree with quote_regions, character by character.
    inside = {pos for s, e in quote_regions(text) for pos in range(s, e)}
    quotations = Quotations(text)
    for pos in range(len(text)):
        assert quotations.overlaps((pos, pos + 1)) == (pos in inside), (what, pos)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet='""\'a .(\n“”‘’„‚«»', max_size=60))
def test_a_skipped_run_pairs_as_mark_by_mark_among_low_marks(text: str) -> None:
    # A run of straight marks is skipped in C; low marks open quotes of their own.
    fast = quotes.quote_regions(text)
    original = quotes._run_inside_end
    quotes._run_inside_end = lambda text, pos, mark, end, opened: pos
    try:
        assert quotes.quote_regions(text) == fast
    finally:
        quotes._run_inside_end = original


# Corner brackets: Japanese, and Chinese as Taiwan and Hong Kong set it (an editor's
# Chinese rewrite: 「…救援人员无法及时进入。」 -> 「…可以…」 raised nothing, the same
# change inside “…” a quote flag).
@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "消防部门负责人表示：「由于道路被毁，救援人员无法及时进入灾区。」他说情况仍然严峻。",
            "消防部门负责人表示：「由于道路被毁，救援人员可以及时进入灾区。」他说情况仍然严峻。",
        ),
        (
            "官房長官は「現時点で被害の報告はない」と述べた。",
            "官房長官は「現時点で被害の報告がある」と述べた。",
        ),
        (
            "他说：「村民告诉我『水已经退了』，大家都很高兴。」",
            "他说：「村民告诉我『水还没有退』，大家都很高兴。」",
        ),
    ],
)
def test_a_change_inside_corner_brackets_is_a_quote(old: str, new: str) -> None:
    assert "quote" in [kind for kind, _ in flag_pairs(old, new)]


def test_narration_after_corner_brackets_is_not_quoted() -> None:
    old = "官房長官は「被害の報告はない」と述べた。首相は会見で説明した。"
    new = "官房長官は「被害の報告はない」と話した。首相は会見で説明した。"
    assert "quote" not in [kind for kind, _ in flag_pairs(old, new)]


def test_a_quoted_term_declined_otherwise_is_no_quote_change() -> None:
    # An editor's Russian rewrite: «бомбового циклона» -> «Бомбовый циклон» (the
    # genitive made the subject) raised a quote flag. A word really changed inside the
    # guillemets still does.
    old = "Отменены свыше 7000 авиарейсов в результате «бомбового циклона» и снегопада."
    new = "«Бомбовый циклон» и снегопад привели к отмене свыше 7000 авиарейсов."
    assert "quote" not in [kind for kind, _ in flag_pairs(old, new)]
    changed = "«Снежный циклон» и снегопад привели к отмене свыше 7000 авиарейсов."
    assert "quote" in [kind for kind, _ in flag_pairs(new, changed)]
