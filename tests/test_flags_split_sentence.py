"""A sentence split in two, and a short sentence with its date restyled.

Seen by a wire-desk editor (session 16): "His lawyer ... said his client deeply
regrets his conduct and would not appeal." -> "... his conduct. He said his client
would appeal." raised 'added "said"' and no negation flag (the piece "would not
appeal." alone shared too little with the sentence split off); 'A man said "no" on
Dec. 3.' -> 'A man claimed "yes" on 3 December.' raised nothing at all ("Dec" and
"December" were two words, and the sentence shared too little to be paired).
"""

from __future__ import annotations

from core.flags.pooled import content_words
from tests.flagged import flag_pairs

OLD = (
    "His lawyer, Michael Brennan, said his client deeply regrets his conduct and would "
    "not appeal.\n"
)


def test_a_negation_cut_in_a_sentence_split_off_is_flagged() -> None:
    new = (
        "His lawyer, Michael Brennan, said his client deeply regrets his conduct. He "
        "said his client would appeal.\n"
    )
    assert flag_pairs(OLD, new) == [("negation", 'removed "not"')]


def test_a_sentence_split_off_with_the_negation_kept_is_quiet() -> None:
    new = (
        "His lawyer, Michael Brennan, said his client deeply regrets his conduct. He "
        "said his client would not appeal.\n"
    )
    assert flag_pairs(OLD, new) == []


def test_a_short_sentence_with_its_date_restyled_is_still_paired() -> None:
    assert content_words("on Dec. 3") == content_words("on 3 December")
    flags = flag_pairs(
        'A man said "no" on Dec. 3. He left.\n', 'A man claimed "yes" on 3 December. He left.\n'
    )
    assert [kind for kind, _ in flags] == ["negation", "attribution", "quote"]


# Two sentences joined in one, a negation put in (a reader of Debian READMEs rewritten,
# session 19): "... the 4.3 release of GNU Make. In addition, there have been bugs
# fixed." -> "... GNU Make 4.4, and no bugs have been fixed." raised only the figure:
# the joined sentence alone shared too little with the old one it was paired with.
JOINED_OLD = (
    "This directory contains the 4.3 release of GNU Make. In addition, there have been "
    "bugs fixed.\n\nIf you need to build GNU Make and have no other 'make' program to "
    "use, you can use the shell script 'build.sh' instead.\n\nGNU Make is free software. "
    "See the file COPYING for copying conditions.\n"
)
JOINED_NEW = (
    "This directory holds GNU Make 4.4, and no bugs have been fixed.\n\nGNU Make is free "
    "software; the copying conditions are in COPYING.\n\nWithout another 'make' program, "
    "GNU Make can be built with the shell script 'build.sh'.\n"
)


def test_a_negation_put_in_a_sentence_joined_from_two_is_flagged() -> None:
    assert ("negation", 'added "no"') in flag_pairs(JOINED_OLD, JOINED_NEW)


def test_a_sentence_joined_from_two_with_the_negation_kept_is_quiet() -> None:
    old = JOINED_OLD.replace("there have been bugs", "there have been no bugs")
    assert ("negation", 'added "no"') not in flag_pairs(old, JOINED_NEW)


def test_a_negation_cut_next_door_explains_only_what_it_negated() -> None:
    # The whole README rewritten (session 19): "have no other 'make' program" cut in the
    # paragraph next door hid "and no bugs have been fixed" put in.
    old = (
        "This directory contains the 4.3 release of GNU Make. See the file NEWS for the "
        "user-visible changes from previous releases. In addition, there have been bugs "
        "fixed.\n\nIf you need to build GNU Make and have no other 'make' program to use, "
        "you can use the shell script 'build.sh' instead.\n"
    )
    new = (
        "This directory holds GNU Make 4.4. User-visible changes from earlier releases "
        "are listed in NEWS, and no bugs have been fixed.\n\nGNU Make is free software."
        "\n\nWithout another 'make' program, GNU Make can be built with 'build.sh'.\n"
    )
    assert ("negation", 'added "no"') in flag_pairs(old, new)
