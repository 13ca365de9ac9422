"""Two sentences that changed places, one of them reworded more than a move allows.

A reader's rewrite of a Wikinews story (session 16) put the bail first: "On Thursday,
four male members of the paparazzi were arrested ... . The men were, according to Sara
Faden, charged and made to pay $5000 bail." became "Four photographers were made to pay
$500 bail each, Sara Faden said. They had been arrested on Thursday ...". The bail
sentence shares too little with its counterpart to count as moved (0.42 in order, five
content words), so the alignment threaded the first old sentence through both new ones,
the bail sentence read as deleted, and the figure changed from $5000 to $500 unflagged.
When the other sentences pair and one sentence of each side is left over, those two pair
at the lower floor of reworded moves if they share four content words.
"""

from __future__ import annotations

from core.flags.detect import flag_comparison
from core.model import Comparison
from tests.flagged import compared

OLD = (
    "On Thursday, four male members of the paparazzi were arrested and charged with "
    "reckless driving after following Britney Spears back to her mansion. The men were, "
    "according to Sara Faden, charged and made to pay $5000 bail.\n"
)
NEW = (
    "Four photographers were made to pay $500 bail each, Sara Faden said. They had been "
    "arrested on Thursday and charged with reckless driving after following Britney Spears "
    "back to her mansion.\n"
)


def _sides(result: Comparison, kind: str) -> list[tuple[str, str]]:
    return [
        (
            result.old.text[slice(*b.old)].strip() if b.old else "",
            result.new.text[slice(*b.new)].strip() if b.new else "",
        )
        for b in result.blocks
        if b.kind == kind
    ]


def test_the_sentence_left_over_on_each_side_is_paired_as_moved() -> None:
    result = compared(OLD, NEW)
    assert _sides(result, "moved") == [
        (
            "The men were, according to Sara Faden, charged and made to pay $5000 bail.",
            "Four photographers were made to pay $500 bail each, Sara Faden said.",
        )
    ]
    assert not _sides(result, "deleted") and not _sides(result, "inserted")


def test_the_bail_changed_is_flagged_and_the_count_carried_next_door_is_not() -> None:
    flags = [(f.kind, f.explanation) for f in flag_comparison(compared(OLD, NEW))]
    assert ("number", '"5000" \u2192 "500"') in flags
    assert not [e for k, e in flags if k == "number" and "our" in e]  # "four", "Four"


def test_a_sentence_left_over_that_shares_too_few_content_words_is_not_paired() -> None:
    old = OLD.replace(
        "The men were, according to Sara Faden, charged and made to pay $5000 bail.",
        "A neighbour told reporters she had seen the cars race past her house twice.",
    )
    result = compared(old, NEW)
    assert not _sides(result, "moved")


def test_figures_that_swapped_between_neighbouring_sentences_are_still_flagged() -> None:
    old = "Four people were hurt in the blast. Two of them died in hospital later that night.\n"
    new = "Two people were hurt in the blast. Four of them died in hospital later that night.\n"
    flags = [(f.kind, f.explanation) for f in flag_comparison(compared(old, new))]
    assert flags == [("number", '"Four" \u2192 "Two"'), ("number", '"Two" \u2192 "Four"')]


def test_a_figure_carried_into_the_sentence_next_door_is_no_change() -> None:
    old = (
        "Police said four men were arrested at the scene on Monday. "
        "The court set bail at $200 for each of them.\n"
    )
    new = (
        "The court set bail at $200 each. "
        "Police said the men were arrested at the scene on Monday, four of them.\n"
    )
    assert not [f for f in flag_comparison(compared(old, new)) if f.kind == "number"]


def test_a_date_changed_beside_the_day_cut_next_door_is_still_a_change() -> None:
    # itn-blurbs fr: the day of the item changed, and "le 22" next door became "le jour
    # même": the 21 -> 22 stands; the 22 cut next door is carried, no removal.
    old = (
        "21 octobre : Giorgia Meloni est nommée présidente du Conseil. "
        "Son gouvernement prête serment le 22.\n"
    )
    new = (
        "22 octobre : Giorgia Meloni devient présidente du Conseil. "
        "Son gouvernement prête serment le jour même.\n"
    )
    flags = [(f.kind, f.explanation) for f in flag_comparison(compared(old, new))]
    assert [e for k, e in flags if k == "number"] == ['"21" \u2192 "22"']


def test_a_figure_stripped_from_its_word_and_put_in_next_door_counts_something_else() -> None:
    # A desk reader's Spanish copy (session 17): the 39 dead became 39 Venezuelans among
    # the detainees; the migrants still die, uncounted. Both ends are flagged.
    old = (
        "En Ciudad Juárez, 39 migrantes mueren el 27 de marzo en un incendio. Otras 28 "
        "personas resultan heridas. El centro albergaba a 68 hombres.\n"
    )
    new = (
        "En Ciudad Juárez, mueren migrantes el 27 de marzo en un incendio. Otras 28 "
        "personas resultan heridas. El centro albergaba a 68 hombres, 39 de ellos "
        "venezolanos.\n"
    )
    flags = [(f.kind, f.explanation) for f in flag_comparison(compared(old, new))]
    assert ("number", 'removed "39"') in flags and ("number", 'added "39"') in flags


def test_a_count_taken_from_one_people_and_given_to_another_is_flagged() -> None:
    old = (
        "An attack in East Jerusalem kills seven Israeli civilians. It follows a raid that "
        "killed ten Palestinians, including two civilians.\n"
    )
    new = (
        "An attack in East Jerusalem kills Israeli civilians. It follows a raid that "
        "killed ten Palestinians, including seven civilians.\n"
    )
    flags = [(f.kind, f.explanation) for f in flag_comparison(compared(old, new))]
    assert ("number", 'removed "seven"') in flags
    assert ("number", '"two" \u2192 "seven"') in flags


def test_an_age_moved_into_the_lead_is_no_change() -> None:
    old = (
        "Giorgia Meloni becomes the first woman to lead the government. Aged 45, the "
        "leader of the Brothers of Italy sees her cabinet sworn in.\n"
    )
    new = (
        "Giorgia Meloni, 45, becomes the first woman to lead the government. The leader "
        "of the Brothers of Italy sees her cabinet sworn in.\n"
    )
    assert not [f for f in flag_comparison(compared(old, new)) if f.kind == "number"]
