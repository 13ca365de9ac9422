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
