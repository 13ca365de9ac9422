"""Claims hedged by attribution, for the ``attribution`` flag (``core.flags.attribution``).

"reportedly", "allegedly", "is said to have", "has been reported to be", "is believed
to": the copy reports a claim without naming who makes it, and no verb of speech
attributes it in the active. Cutting such a hedge states the claim as fact ("the ISIS
has been reported to be in complete control of Mosul" -> "ISIS is in control of
Mosul"); adding one withdraws the copy's own word.
"""

from __future__ import annotations

import re

from core.flags.pooled import Pooled, Word
from core.model import Span

# Each hedge word and the verb of attribution it stands for (``report``: the lemma of
# "reported" in ``core.flags.attribution``).
_LEMMAS = {
    "reportedly": "report",
    "reported": "report",
    "allegedly": "allege",
    "alleged": "allege",
    "said": "say",
    "claimed": "claim",
    "purportedly": "purport",
    "supposedly": "suppose",
    "supposed": "suppose",
    "reputedly": "repute",
    "believed": "believe",
    "thought": "think",
    "understood": "understand",
    "rumoured": "rumour",
    "rumored": "rumour",
    "presumed": "presume",
    "suspected": "suspect",
}
_ADVERBS = [w for w in _LEMMAS if w.endswith("ly")]
_PARTICIPLES = [w for w in _LEMMAS if not w.endswith("ly")]
# "to" then a verb, not an object ("it was said to them": someone spoke to someone).
_NO_VERB = "them him her me us you it the a an his their my our your its this that these those"
_CLAIM = re.compile(
    r"\b(?:(" + "|".join(_ADVERBS) + r")"
    r"|(?:is|are|was|were|be|been|being)\s+(?:widely\s+|also\s+|now\s+)?"
    r"((" + "|".join(_PARTICIPLES) + r")\s+to\s+(?!(?:" + "|".join(_NO_VERB.split()) + r")\b)"
    r"[^\W\d_]+))\b",
    re.IGNORECASE,
)
CLAIM_WORDS = frozenset(_LEMMAS)
# A sentence that leaves its claim uncertain in other words ("the origins of this term
# are uncertain, but it may be ...") still does not state it as fact.
_UNCERTAIN = re.compile(
    r"\b(?:may|might|could|possibly|probably|perhaps|likely|unlikely|uncertain|unclear|"
    r"unconfirmed|unverified)\b",
    re.IGNORECASE,
)


def uncertain(text: str, spans: tuple[Span, ...]) -> bool:
    """Whether ``spans`` leave a claim uncertain ("may", "unconfirmed")."""
    return any(_UNCERTAIN.search(text, start, end) for start, end in spans)


def claim_lemmas(text: str, spans: tuple[Span, ...]) -> set[str]:
    """The attribution lemmas the hedges of ``spans`` stand for."""
    return {
        _LEMMAS[(m.group(1) or m.group(3)).casefold()]
        for start, end in spans
        for m in _CLAIM.finditer(text, start, end)
    }


def touched_claims(pool: Pooled, text: str, old: bool) -> list[Word]:
    """The hedges of one side's sentence that a change of it touches, as words to show
    (``reportedly``, ``reported to be``), numbered with their change."""
    start, end = pool.old_span if old else pool.new_span
    found: list[Word] = []
    for m in _CLAIM.finditer(text, start, end):
        shown = 1 if m.group(1) else 2
        for index, change in enumerate(pool.changes):
            spans = change.old if old else change.new
            if any(s < m.end() and m.start() < e for s, e in spans):
                found.append(Word(m.group(shown), m.start(shown), m.end(shown), index))
                break
    return found
