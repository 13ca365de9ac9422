"""The costliest figure errors of a sports, markets or court desk, read by a reader of
figure-heavy news (session 15): a score turned round, two shares swapped, a currency or
a unit changed beside digits that stayed, a place in a race. Each was unflagged; and
restyles each was flagged for (an en dash in a score, "£100k", "3,400 million",
"16:30", "world No 5", "7,5 %") are no change.
"""

from __future__ import annotations

import pytest

from core.engine.compare import compare
from core.engine.tokens import tokenize
from core.report.render_text import render_text
from core.text.document import document_from_text
from tests.flagged import flag_pairs


@pytest.mark.parametrize(
    ("old", "new", "explanation"),
    [
        (
            "Manchester United beat Manchester City 3-1 at Old Trafford on Sunday.",
            "Manchester United beat Manchester City 1-3 at Old Trafford on Sunday.",
            '"3-1" → "1-3"',
        ),
        (
            "Kansas City defeated the Philadelphia Eagles 38-35 in the Super Bowl.",
            "Kansas City defeated the Philadelphia Eagles 35-38 in the Super Bowl.",
            '"38-35" → "35-38"',
        ),
        (
            "Lula won 50.9% of the vote against 49.1% for Bolsonaro.",
            "Lula won 49.1% of the vote against 50.9% for Bolsonaro.",
            '"50.9, 49.1" → "49.1, 50.9"',
        ),
        (
            "歐力士野牛以4比2擊敗東京養樂多燕子，贏得2022年日本大賽冠軍。",
            "歐力士野牛以2比4擊敗東京養樂多燕子，贏得2022年日本大賽冠軍。",
            '"4比2" → "2比4"',
        ),
        (
            "The panel allowed Antigua to ignore up to $21 million worth of copyrights.",
            "The panel allowed Antigua to ignore up to €21 million worth of copyrights.",
            '"$21 million" → "€21 million"',
        ),
        (
            "The damage was estimated at $5 million.",
            "The damage was estimated at £5 million.",
            '"$5 million" → "£5 million"',
        ),
        (
            "He was sentenced to 12 years in prison.",
            "He was sentenced to 12 months in prison.",
            ('"12 years" → "12 months"'),
        ),
        (
            "The attack took place 47 kilometres west of Kandahar.",
            "The attack took place 47 miles west of Kandahar.",
            '"47 kilometres" → "47 miles"',
        ),
        ("He finished fifth in the race.", "He finished fourth in the race.", '"fifth" → "fourth"'),
        (
            "Argentina drew 3-3 with France and won the final 4-2 on penalties.",
            "Argentina drew 3–3 with France and won the final 4–3 on penalties.",
            '"4-2" → "4–3"',
        ),
    ],
)
def test_a_figure_turned_or_a_unit_changed_is_flagged(old: str, new: str, explanation: str) -> None:
    assert flag_pairs(old, new) == [("number", explanation)]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Argentina drew 3-3 with France and won the final 4-2 on penalties.",
            "Argentina drew 3–3 with France and won the final 4–2 on penalties.",
        ),
        (
            "He earned over £100,000 and hired 10,000 police.",
            "He earned over £100k and hired ten thousand police.",
        ),
        ("The claim was $3.4 billion.", "The claim was US$3,400 million."),
        (
            "Lula received 60.3 million votes, about 2.1 million more than Bolsonaro.",
            "Lula received 60,300,000 votes, about 2.1m more than Bolsonaro.",
        ),
        (
            "He died at around 4:30 p.m. local time (12:00 UTC).",
            "He died at around 16:30 local time (1200 GMT).",
        ),
        (
            "The win lifts Hubert Hurkacz to fifth in the world rankings.",
            "The win lifts Hubert Hurkacz to No 5 in the world rankings.",
        ),
        (
            "Der Konzern steigerte den Umsatz um 7,5 Prozent auf 1,5 Milliarden Euro.",
            "Der Konzern steigerte den Umsatz um 7,5 % auf 1,5 Mrd. Euro.",
        ),
        (
            "The former mayor was sentenced on Tuesday 5 March for taking bribes.",
            "The former mayor was sentenced on March 5 for taking bribes.",
        ),
        ("The train cost $5 million.", "The train cost 5 million dollars."),
        ("It added £100 a month.", "It added 100 pounds a month."),
        ("It rose 5 per cent.", "It rose 5%."),
        ("The pension will rise by US$4.", "The pension will rise by $4."),
        (
            "He trained 21,000 teachers and 10,000 police.",
            "He trained 21 000 teachers and ten thousand police.",
        ),
    ],
)
def test_a_figure_written_otherwise_is_no_flag(old: str, new: str) -> None:
    assert flag_pairs(old, new) == []


def test_a_score_restyled_with_an_en_dash_is_no_edit() -> None:
    old = "Argentina drew 3-3 with France; the period 1991 - 2001 ended.\n"
    new = "Argentina drew 3–3 with France; the period 1991–2001 ended.\n"
    result = compare(document_from_text(old, "old"), document_from_text(new, "new"))
    assert "[-" not in render_text(result, context=0)
    assert all(b.kind == "equal" for b in result.blocks)


def test_a_weekday_alone_changed_is_still_flagged() -> None:
    assert flag_pairs("The vote is on Tuesday.", "The vote is on Wednesday.") == [
        ("number", '"Tuesday" → "Wednesday"')
    ]


def test_a_dash_between_words_still_stands_apart() -> None:
    assert tokenize("the minister – who was ill").keys == (
        "the", "minister", "-", "who", "was", "ill",
    )  # fmt: skip
    assert tokenize("in 1991 – 2001").keys == ("in", "1991-2001")
    # A spaced dash between a year and a day is no range of two numbers (wiki's Humphry
    # Davy: "(17 December 1778 – 29 May 1829)").
    assert tokenize("1778 – 29 may").keys == ("1778", "-", "29", "may")


@pytest.mark.parametrize(
    ("old", "new", "explanation"),
    [
        (
            "Oil prices spiked by over US$4 per barrel yesterday.",
            "Oil prices spiked by over €4 per barrel yesterday.",
            '"US$4 per barrel" → "€4 per barrel"',
        ),
        (
            "Oil traded at $80 per barrel.",
            "Oil traded at $80 per tonne.",
            ('"$80 per barrel" → "$80 per tonne"'),
        ),
        (
            "It will add £100 a month.",
            "It will add £100 a week.",
            ('"£100 a month" → "£100 a week"'),
        ),
        (
            "The deal is worth US$4 million.",
            "The deal is worth C$4 million.",
            ('"US$4 million" → "C$4 million"'),
        ),
        (
            "Turnout rose by 5 per cent.",
            "Turnout rose by 5 percentage points.",
            ('"5 per cent" → "5 percentage points"'),
        ),
        (
            "He died at 4:30 p.m. on Monday.",
            "He died at 4:30 a.m. on Monday.",
            ('"4:30 p.m." → "4:30 a.m."'),
        ),
        (
            "Winds reached 150 mph on the coast.",
            "Winds reached 150 km/h on the coast.",
            ('"150 mph" → "150 km/h"'),
        ),
        (
            "Le contrat s'élève à 21 millions d'euros.",
            "Le contrat s'élève à 21 millions de dollars.",
            '"21 millions d\'euros" → "21 millions de dollars"',
        ),
        (
            "He died at 4:30 p.m. local time (12:00 UTC) near the base.",
            "He died at 5:30 p.m. local time (12:00 UTC) near the base.",
            '"4:30" → "5:30"',
        ),
    ],
)
def test_a_currency_rate_or_clock_changed_is_flagged(old: str, new: str, explanation: str) -> None:
    assert flag_pairs(old, new) == [("number", explanation)]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The attack took place approximately 47 kilometres west of Kandahar.",
            "The attack took place approximately 29 miles (47 km) west of Kandahar.",
        ),
        (
            "It recalled 143 million pounds (65 million kilograms) of beef.",
            "It recalled 143 million pounds of beef.",
        ),
        ("Hail stones reached 10-12 inches.", "Hail stones reached 10-12 inches (25 to 30 cm)."),
        ("The top speed was 60 miles per hour.", "The top speed was 60 mph (97 km/h)."),
        ("He died at 4:30 p.m. on Monday.", "He died at 1630 on Monday."),
        ("Workers earn $15 per hour.", "Workers earn 15 dollars an hour."),
    ],
)
def test_a_conversion_or_unit_written_otherwise_is_no_flag(old: str, new: str) -> None:
    assert flag_pairs(old, new) == []


def test_a_figure_in_brackets_that_is_no_conversion_still_counts() -> None:
    """A year in brackets after a rate is no conversion of it (wiki's country pages)."""
    assert flag_pairs(
        "birth rate: 22.6 births/1,000 population (2000 est.)",
        "birth rate: 22.6 births/1,000 population (2005 est.)",
    ) == [("number", '"2000" → "2005"')]


def test_names_that_traded_places_are_flagged() -> None:
    old = "Mussati was driving the truck and Arnovich was in the passenger seat, police said."
    new = "Arnovich was driving the truck and Mussati was in the passenger seat, police said."
    assert flag_pairs(old, new) == [("name", '"Mussati, Arnovich" → "Arnovich, Mussati"')]


def test_a_weekday_changed_before_its_date_is_flagged() -> None:
    old = "The vote was held on Wednesday, September 28, in the capital."
    new = "The vote was held on Thursday, September 28, in the capital."
    assert flag_pairs(old, new) == [("number", '"Wednesday" → "Thursday"')]


def test_a_month_changed_after_in_is_one_figure_flag() -> None:
    old = "The rebels declared a ceasefire.\n\nAn assembly should form in April.\n"
    new = "The rebels declared a ceasefire.\n\nAn assembly should form in May.\n"
    assert flag_pairs(old, new) == [("number", '"April" → "May"')]


def test_a_peoples_adjective_after_an_article_is_a_name() -> None:
    old = "He was repairing the track on a Canadian Leopard tank near Zangabad."
    new = "He was repairing the track on a German Leopard tank near Zangabad."
    assert flag_pairs(old, new) == [("name", '"Canadian" → "German"')]


def test_a_dollar_named_by_its_country_is_a_currency() -> None:
    old = "The contract is worth C$4 million, the city said."
    assert flag_pairs(old, "The contract is worth 4 million Canadian dollars, the city said.") == []
    assert flag_pairs(
        "The contract is worth 4 million Canadian dollars, the city said.",
        "The contract is worth 4 million US dollars, the city said.",
    ) == [("number", '"4 million Canadian dollars" → "4 million US dollars"')]


def test_a_unit_changed_after_a_number_written_as_a_word_is_flagged() -> None:
    old = "Both banks collapsed within three days of each other."
    new = "Both banks collapsed within three weeks of each other."
    assert flag_pairs(old, new) == [("number", '"three days" → "three weeks"')]


def test_a_number_joined_to_its_noun_or_a_war_written_otherwise_is_no_flag() -> None:
    old = "Millions observed two minutes silence for those who died in the First World War."
    new = "Millions observed a two-minute silence for those who died in World War I."
    assert flag_pairs(old, new) == []
    assert flag_pairs("He signed a two-year deal.", "He signed a three-year deal.") == [
        ("number", '"two-year" → "three-year"')
    ]


def test_a_country_written_as_its_peoples_adjective_is_no_name_change() -> None:
    old = "The UK ceremony was held in Whitehall, London."
    assert flag_pairs(old, "The British ceremony was held in Whitehall, London.") == []
    assert flag_pairs(old, "The French ceremony was held in Whitehall, London.") == [
        ("name", '"UK" → "French"')
    ]
