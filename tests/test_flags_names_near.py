"""A name changed as its attribution moved to the next sentence reads as changed.

The session 20 reader (3 times): "The change creates one area of incompatibility,
according to Debian maintainer Colin Watson. Attempts to use the old quoting may cause
transfers to fail." -> "Attempts to use the old quoting will cause transfers to fail,
said Debian maintainer Colin Watkins." read 'added "Colin Watkins"': the cut sentence
named Colin Watson, misspelt now. A name put in where the sentence cut next to it
names another in the same place (the same word before it) or spelled nearly so, and
that name is nowhere else in the new version's block, reads as the one it replaced.
"""

from __future__ import annotations

from tests.flagged import flag_pairs

OLD = (
    "The change creates one area of incompatibility, according to Debian maintainer "
    "Colin Watson. Attempts to use the old quoting may cause transfers to fail."
)
NEW = (
    "Attempts to use the old quoting will cause transfers to fail, said Debian "
    "maintainer Colin Watkins."
)


def test_a_name_changed_as_it_moved_next_door_is_a_change() -> None:
    assert ("name", '"Colin Watson" → "Colin Watkins"') in flag_pairs(OLD, NEW)


def test_the_same_name_moved_next_door_is_no_change() -> None:
    assert "name" not in [kind for kind, _ in flag_pairs(OLD, NEW.replace("Watkins", "Watson"))]


def test_another_person_put_in_beside_a_sentence_cut_is_added() -> None:
    new = NEW.replace("Debian maintainer Colin Watkins", "the project's lawyer Maria Santos")
    assert ("name", 'added "Maria Santos"') in flag_pairs(OLD, new)
