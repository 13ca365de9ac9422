"""Speakers and verbs of reporting in other languages.

Seen by a multilingual editor (session 16): "Песков заявил журналистам" -> "Захарова
заявила журналистам" raised nothing (the verb agrees with its speaker, so it changed
too, and a speaker was looked for only beside an unchanged verb); "A polícia informou
que 20 pessoas foram detidas." -> "Foram detidas 20 pessoas." raised nothing; "disse"
-> "alegou" and "powiedział" -> "zasugerował" read only as a verb removed.
"""

from __future__ import annotations

import pytest

from core.engine.compare import compare
from core.flags.detect import flag_comparison
from core.text.document import document_from_text


def _attribution(old: str, new: str) -> list[str]:
    result = compare(document_from_text(old, "old"), document_from_text(new, "new"))
    return [f.explanation for f in flag_comparison(result) if f.kind == "attribution"]


@pytest.mark.parametrize(
    ("old", "new", "explanation"),
    [
        (
            "Песков заявил журналистам, что переговоры продолжатся.",
            "Захарова заявила журналистам, что переговоры продолжатся.",
            '"Песков" \u2192 "Захарова"',
        ),
        (
            "A polícia informou que 20 pessoas foram detidas.",
            "Foram detidas 20 pessoas.",
            'removed "informou"',
        ),
        (
            "O ministro disse que a fraude foi descoberta em março.",
            "O ministro alegou que a fraude foi descoberta em março.",
            '"disse" \u2192 "alegou"',
        ),
        (
            "Premier powiedział, że rząd obniży podatki.",
            "Premier zasugerował, że rząd obniży podatki.",
            '"powiedział" \u2192 "zasugerował"',
        ),
    ],
)
def test_another_speaker_or_verb_is_flagged(old: str, new: str, explanation: str) -> None:
    assert _attribution(old, new) == [explanation]


def test_the_same_speaker_with_another_verb_of_saying_is_quiet() -> None:
    old = "Песков заявил журналистам, что переговоры продолжатся."
    new = "Песков сообщил журналистам, что переговоры продолжатся."
    assert _attribution(old, new) == []


def test_a_statement_put_in_another_speakers_mouth_is_flagged() -> None:
    # (a structural reader, session 16: the attribution moved to the back with another
    # speaker, the clause "Stander said that ..." a block cut of its own)
    old = (
        "On 19 July 2018, Stander opened a fraud case against mayor Sisisi Tolashe. Stander "
        "said that she had singled them out because the municipality had failed to "
        "deliver services and corruption had increased under their watch.\n"
    )
    new = (
        "On 19 July 2018, Stander opened a fraud case against mayor Sisisi Tolashe. "
        "Corruption had increased under their watch, Tolashe said.\n"
    )
    assert '"Stander" \u2192 "Tolashe"' in _attribution(old, new)
    same = new.replace("Tolashe said", "Stander said")
    assert _attribution(old, same) == []


def test_a_japanese_speaker_changed_before_the_quotation_is_flagged() -> None:
    # (the multilingual reader, session 16: no flag)
    old = "岸田首相は「全力で対応する」と述べた。"
    new = "林官房長官は「全力で対応する」と述べた。"
    assert _attribution(old, new) == ['"岸田首相" \u2192 "林官房長官"']
    assert _attribution(old, "岸田首相は「全力で対処する」と述べた。") == []


def test_a_korean_speaker_changed_before_the_quotation_is_flagged() -> None:
    old = '윤석열 대통령은 "끝까지 책임지겠다"고 말했다.'
    new = '한덕수 총리는 "끝까지 책임지겠다"고 말했다.'
    assert _attribution(old, new) == ['"윤석열 대통령" \u2192 "한덕수 총리"']
    assert _attribution(old, '윤석열 대통령은 "끝까지 책임지겠다"고 밝혔다.') == []
