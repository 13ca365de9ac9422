"""A name and another that begins with it: a people's or a place's ending keeps one
name (``Paris`` and ``Parisian``); a son's name or ``-lin`` makes another (a desk
reader, session 17: "Williams" -> "Williamson" was not flagged)."""

from __future__ import annotations

import pytest

from core.engine.compare import compare
from core.flags.detect import flag_comparison
from core.flags.name_changes import _same_root
from core.text.document import document_from_text
from tests.flagged import flag_pairs


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Williams", "Williamson"),
        ("Johns", "Johnson"),
        ("Frank", "Franklin"),
        ("Anders", "Andersen"),
    ],
)
def test_a_sons_name_is_another_name(a: str, b: str) -> None:
    assert not _same_root(a, b) and not _same_root(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Paris", "Parisian"),
        ("Moabite", "Moabitish"),
        ("Johnson", "Johnsons"),
        ("Turkiya", "Turkiyaning"),
    ],
)
def test_a_peoples_ending_a_plural_or_a_case_keeps_the_name(a: str, b: str) -> None:
    assert _same_root(a, b) and _same_root(b, a)


def test_a_name_made_another_by_a_sons_ending_is_flagged() -> None:
    old = "The contract went to a firm run by Williams and his brother.\n"
    new = "The contract went to a firm run by Williamson and his brother.\n"
    result = compare(document_from_text(old), document_from_text(new))
    flags = [(f.kind, f.explanation) for f in flag_comparison(result)]
    assert ("name", '"Williams" \u2192 "Williamson"') in flags


def _name_flags(old: str, new: str) -> list[str]:
    result = compare(document_from_text(old), document_from_text(new))
    return [f.explanation for f in flag_comparison(result) if f.kind == "name"]


def test_a_name_carried_into_the_sentence_next_door_is_no_change() -> None:
    # A desk reader's German copy (session 17): the name moved into the next sentence.
    old = (
        "Der peruanische Präsident Pedro Castillo ist am 7. Dezember seines Amtes enthoben "
        "worden. Der Kongress stimmte mit 101 zu 6 Stimmen für seine Absetzung.\n"
    )
    new = (
        "Der peruanische Präsident ist am 7. Dezember seines Amtes enthoben worden. Der "
        "Kongress stimmte mit 101 zu 6 Stimmen für die Absetzung von Pedro Castillo.\n"
    )
    assert _name_flags(old, new) == []


def test_names_traded_between_neighbouring_sentences_are_flagged() -> None:
    old = (
        "A Palestinian attack at a synagogue kills seven Israeli civilians. It follows an "
        "Israeli raid in the Jenin camp that killed ten Palestinians.\n"
    )
    new = (
        "An Israeli attack at a synagogue kills seven Israeli civilians. It follows a "
        "Palestinian raid in the Jenin camp that killed ten Palestinians.\n"
    )
    assert len(_name_flags(old, new)) == 2


def test_a_name_is_not_kept_by_a_package_named_after_it() -> None:
    # A Debian README rewritten (session 19): "like GNOME" -> "like KDE" raised only
    # 'added "KDE"': the "gnome3" of "pinentry-gnome3" passed for GNOME kept.
    old = (
        "If the pinentry-gnome3 package is installed, it works better with graphical "
        "environments like GNOME."
    )
    new = (
        "With the pinentry-gnome3 package installed, it works better with graphical "
        "environments like KDE."
    )
    assert ("name", '"GNOME" \u2192 "KDE"') in flag_pairs(old, new)
