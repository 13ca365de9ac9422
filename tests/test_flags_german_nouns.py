"""German copy: every noun is capitalised, so a noun after a count or an article (past
its adjectives) is no name, and "elf" before a noun is eleven (a desk reader, session
17: "mit 34 Jahren", "rund 80.000 Menschen", "am folgenden Tag" were flagged as names,
"elf Kinder" cut was no figure removed)."""

from __future__ import annotations

from tests.flagged import flag_pairs


def test_an_age_moved_with_its_noun_raises_no_name() -> None:
    old = (
        "Der Fußballnationalspieler Mesut Özil hat seine Karriere beendet. Der 34-Jährige "
        "wurde 2014 Weltmeister. In 92 Länderspielen erzielte er 23 Tore.\n"
    )
    new = (
        "Der Fußballnationalspieler Mesut Özil hat mit 34 Jahren seine Karriere beendet. Er "
        "wurde 2014 Weltmeister. In 92 Länderspielen erzielte er 23 Tore.\n"
    )
    assert flag_pairs(old, new) == []


def test_nouns_after_a_count_are_no_names_but_a_place_is() -> None:
    old = (
        "Beim Absturz sind am 15. Januar alle 72 Menschen an Bord ums Leben gekommen. Die "
        "Maschine vom Typ ATR 72 war aus Kathmandu gekommen.\n"
    )
    new = (
        "Beim Absturz sind am 15. Januar alle 72 Passagiere an Bord ums Leben gekommen. Die "
        "Maschine vom Typ ATR 72 war aus Bhairahawa gekommen.\n"
    )
    assert flag_pairs(old, new) == [("name", '"Kathmandu" \u2192 "Bhairahawa"')]


def test_elf_before_a_noun_is_eleven() -> None:
    old = (
        "Beim Absturz eines Hubschraubers bei Kiew sind am 18. Januar 14 Menschen ums Leben "
        "gekommen, darunter ein Kind. Elf Menschen wurden verletzt, unter ihnen elf Kinder.\n"
    )
    new = (
        "Beim Absturz eines Hubschraubers bei Kiew sind am 18. Januar 14 Menschen ums Leben "
        "gekommen, darunter ein Kind. Elf Menschen wurden verletzt.\n"
    )
    flags = flag_pairs(old, new)
    assert [k for k, _ in flags] == ["number"] and "elf" in flags[0][1]
    assert flag_pairs(old, old.replace("elf Kinder", "11 Kinder")) == []


def test_an_english_elf_is_no_figure() -> None:
    assert flag_pairs("The elf said nothing at all.\n", "The dwarf said nothing at all.\n") == []
