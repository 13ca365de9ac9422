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
