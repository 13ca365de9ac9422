"""A wire dateline added or cut is house style: its date is no figure changed, its
city in capitals no name removed.

Seen by two editors reading wire rewrites (session 16): "SAN FRANCISCO, Oct. 23
(Reuters) - Acme Corp said ..." raised 'added "Oct, 23"' on every dated dateline (5 of
17 stories); "LONDON, November 11 - Millions of people ..." raised 'removed "London"'
and '"Millions" -> "November 11"' where the old text named London further on.
"""

from __future__ import annotations

from tests.flagged import flag_pairs


def test_a_dateline_added_with_its_date_is_no_figure() -> None:
    old = "Acme Corp said on Wednesday its quarterly net income rose 14 percent to $1.23 billion.\n"
    new = (
        "SAN FRANCISCO, Oct. 23 (Reuters) - Acme Corp said on Wednesday its quarterly net "
        "income rose 14% to $1.23 billion.\n"
    )
    assert flag_pairs(old, new) == []
    assert flag_pairs(new, old) == []


def test_two_datelines_dated_otherwise_are_compared() -> None:
    old = "SAN FRANCISCO, Oct. 23 (Reuters) - Acme Corp said its net income rose 14 percent.\n"
    new = "SAN FRANCISCO, Oct. 24 (Reuters) - Acme Corp said its net income rose 14 percent.\n"
    assert [kind for kind, _ in flag_pairs(old, new)] == ["number"]


def test_a_city_put_in_capitals_in_a_dateline_is_no_name_removed() -> None:
    old = (
        "Millions of people in London observed two minutes silence in memory of the "
        "millions who died in the First World War.\n"
    )
    new = (
        "LONDON, November 11 - Millions of people observed a three-minute silence to "
        "remember those who died in the First World War.\n"
    )
    assert flag_pairs(old, new) == [("number", '"two" \u2192 "three-minute"; removed "millions"')]


def test_a_weekday_cut_or_put_in_alone_is_no_figure_changed() -> None:
    # (a structural reader, session 16: '"at least 20" -> "Sunday"' paired a toll cut
    # with the day a statement was made)
    old = (
        "'The toll is expected to rise,' Observatory director Rami Abdulrahman said. The "
        "Syrian Observatory for Human Rights said at least 20 air strikes hit the city.\n"
    )
    new = (
        "'The toll is expected to rise,' Rami Abdulrahman, director of the Syrian "
        "Observatory for Human Rights, said on Sunday.\n"
    )
    assert ("number", 'removed "at least 20"') in flag_pairs(old, new)
    assert flag_pairs("The council met to vote.\n", "The council met on Monday to vote.\n") == []
    changed = flag_pairs(
        "The council met on Monday to vote.\n", "The council met on Tuesday to vote.\n"
    )
    assert [kind for kind, _ in changed] == ["number"]


def test_a_place_cut_where_the_new_dateline_names_it_is_no_name_removed() -> None:
    # (a structural reader, session 16: "in Whitehall, London." -> "in Whitehall", the
    # story now datelined "LONDON, November 11 -")
    old = (
        "Millions of people observed two minutes silence.\n\nThe ceremony was held in "
        "Whitehall, London, with the Prime Minister.\n"
    )
    new = (
        "LONDON, November 11 - Millions of people observed two minutes silence.\n\nThe "
        "ceremony was held in Whitehall with the Prime Minister.\n"
    )
    assert [f for f in flag_pairs(old, new) if f[0] == "name"] == []
    elsewhere = new.replace("LONDON", "PARIS")
    assert ("name", 'removed "London"') in flag_pairs(old, elsewhere)
