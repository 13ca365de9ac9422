"""Quotes reordered around their attribution raise no name or attribution flag.

A wire story's two quotes swapped places: the engine keeps one quote in place, moves
the other, and the attribution between them ends up cut in one block and put in
again in the next. The same words ("Senate Majority Leader Chuck Schumer said") cut
here and put in there are no change of name or attribution; what is really cut
("adding that") still counts.
"""

from __future__ import annotations

from core.engine.compare import compare
from core.flags.detect import flag_comparison
from core.text.document import document_from_text

# A wire story's end and its rewrite (made up, in the wire's style).
OLD = (
    "WASHINGTON (AP) — The Senate on Tuesday passed a $1.2 trillion spending bill "
    "that funds the government through September, averting a shutdown hours before "
    "the deadline, after Democrats and Republicans reached a last-minute deal on "
    "border security.\n"
    "\n"
    '"This is a good day for the American people," Senate Majority Leader Chuck '
    'Schumer said, adding that "nobody got everything they wanted."\n'
    "\n"
    "The House is expected to vote on the measure Wednesday.\n"
)
NEW = (
    "WASHINGTON — Hours before a midnight deadline, the Senate on Tuesday approved a "
    "$1.2 trillion spending package. The bill keeps the government funded through "
    "September.\n"
    "\n"
    "Democrats and Republicans struck a last-minute agreement on border security, "
    "clearing the way for the vote.\n"
    "\n"
    '"Nobody got everything they wanted," Senate Majority Leader Chuck Schumer said. '
    '"But this is a good day for the American people."\n'
    "\n"
    "The House is expected to vote Wednesday.\n"
)


def test_an_attribution_cut_and_put_back_beside_raises_no_name_flag() -> None:
    result = compare(document_from_text(OLD, "old"), document_from_text(NEW, "new"))
    flags = [(f.kind, f.explanation) for f in flag_comparison(result)]
    assert not [f for f in flags if f[0] == "name"], flags
    assert not [f for f in flags if "Schumer" in f[1] or '"said"' in f[1]], flags


def test_a_name_really_replaced_next_door_is_still_flagged() -> None:
    new = NEW.replace(
        "Senate Majority Leader Chuck Schumer", "Senate Minority Leader Mitch McConnell"
    )
    result = compare(document_from_text(OLD, "old"), document_from_text(new, "new"))
    flags = [(f.kind, f.explanation) for f in flag_comparison(result)]
    assert any(kind == "name" and "McConnell" in text for kind, text in flags), flags


def test_a_quote_and_its_attribution_swapped_with_the_next_sentence_raise_nothing() -> None:
    # An AP-style rewrite: the speaker's two sentences swap places, "said in a
    # televised address" goes from the first to the second, "He said" becomes "he said".
    old = (
        '"We will not allow Mosul to fall under the shadow of terrorism," Prime Minister '
        "Nouri al-Maliki said in a televised address. He said the government would arm "
        "citizens who volunteered to fight.\n"
    )
    new = (
        "Prime Minister Nouri al-Maliki said the government would arm citizens who "
        'volunteered to fight. "We will not allow Mosul to fall under the shadow of '
        'terrorism," he said in a televised address.\n'
    )
    result = compare(document_from_text(old, "old"), document_from_text(new, "new"))
    assert not [(f.kind, f.explanation) for f in flag_comparison(result)]


# An AP-style story and its rewrite (made up, in the wire's style): the minister's two
# sentences swap places, the agency's attribution of a figure is cut, a quote's word
# changes and its attribution moves behind it.
AP_OLD = (
    "BAGHDAD (AP) - Iraq's prime minister on Tuesday asked parliament to "
    "declare a state of emergency after militants seized Mosul, the "
    "country's second-largest city.\n"
    "\n"
    '"We will not allow Mosul to fall under the shadow of terrorism," Prime '
    "Minister Nouri al-Maliki said in a televised address. He said the "
    "government would arm citizens who volunteered to fight.\n"
    "\n"
    "About 500,000 people have fled the city, the International "
    "Organization for Migration said. Many headed to the Kurdish region to "
    "the north, where checkpoints were overwhelmed.\n"
    "\n"
    "A police officer in Mosul, who spoke on condition of anonymity, said: "
    "\"They told us, 'Leave your weapons and go home,' and most of us did.\"\n"
    "\n"
)
AP_NEW = (
    "BAGHDAD (AP) — Iraq's prime minister asked parliament on Tuesday to "
    "declare a state of emergency after militants seized Mosul, the "
    "country's second-largest city, and much of the surrounding province.\n"
    "\n"
    "Prime Minister Nouri al-Maliki said the government would arm citizens "
    'who volunteered to fight. "We will not allow Mosul to fall under the '
    'shadow of terrorism," he said in a televised address.\n'
    "\n"
    "Some 500,000 people have fled the city. Many headed to the Kurdish "
    "region to the north, where checkpoints were overwhelmed.\n"
    "\n"
    "\"They told us, 'Leave your weapons and go home,' and all of us did,\" a "
    "police officer in Mosul said.\n"
    "\n"
)


def test_a_rewrite_flags_what_changed_and_not_what_moved() -> None:
    result = compare(document_from_text(AP_OLD, "old"), document_from_text(AP_NEW, "new"))
    flags = [(f.kind, f.explanation) for f in flag_comparison(result)]
    assert flags == [
        ("name", 'removed "International Organization for Migration"'),
        ("attribution", 'removed "said"'),
        ("quote", '"most" \u2192 "all" inside a quote'),
    ]


def test_two_speakers_swapped_are_still_flagged() -> None:
    old = (
        '"We will win," Prime Minister Nouri al-Maliki said on Tuesday. "The army is '
        'ready," Foreign Minister Hoshyar Zebari said in Baghdad.\n'
    )
    new = (
        '"We will win," Foreign Minister Hoshyar Zebari said on Tuesday. "The army is '
        'ready," Prime Minister Nouri al-Maliki said in Baghdad.\n'
    )
    result = compare(document_from_text(old, "old"), document_from_text(new, "new"))
    kinds = {f.kind for f in flag_comparison(result)}
    assert kinds & {"name", "attribution"}, kinds


def test_a_name_kept_in_the_same_sentence_across_blocks_is_no_change() -> None:
    # iterater-r3 80708 (Wikinews): two sentences joined into one; the name "Hornburg"
    # stays in the new sentence, whose first part the engine pairs in the block before.
    old = (
        "Four others were injured in the incident which killed 24-year-old Corporal Nathan "
        "Hornburg of Calgary, Alberta. A Canadian Forces statement said Cpl. Hornburg was "
        "killed during Operation Sadiq Sarbaaz approximately 47 kilometres west of Kandahar "
        "City in Panjwaii District."
    )
    new = (
        "Four others were injured in the incident which killed Corporal Nathan Hornburg, who "
        "was operating as part of Operation Sadiq Sarbaaz approximately 47 kilometres west "
        "of Kandahar City in Panjwaii District."
    )
    result = compare(document_from_text(old, "old"), document_from_text(new, "new"))
    flags = [(f.kind, f.explanation) for f in flag_comparison(result)]
    assert not any("Hornburg" in e for _, e in flags), flags


def test_the_rest_of_a_long_run_on_sentence_does_not_hide_a_name_changed() -> None:
    # bench/real (KJV against WEB, Genesis 3): the WEB's verses run on without a stop
    # from "To Adam he said" to "The man called his wife Eve"; "And Adam called" ->
    # "The man called" is still a name changed, 40 words from the other "Adam".
    from tests.conftest import REPO

    old = (REPO / "bench" / "real" / "kjv.txt").read_text(encoding="utf-8")
    new = (REPO / "bench" / "real" / "web.txt").read_text(encoding="utf-8")
    result = compare(document_from_text(old, "kjv"), document_from_text(new, "web"))
    adam = [
        f
        for f in flag_comparison(result)
        if f.kind == "name" and f.old and "Adam called" in old[f.old[0][0] - 5 : f.old[0][1] + 8]
    ]
    assert adam and 'removed "Adam"' in adam[0].explanation, adam
