"""Claims hedged by attribution, for the ``attribution`` flag (``core.flags.attribution``).

"reportedly", "allegedly", "is said to have", "has been reported to be", "is believed
to": the copy reports a claim without naming who makes it, and no verb of speech
attributes it in the active. Cutting such a hedge states the claim as fact ("the ISIS
has been reported to be in complete control of Mosul" -> "ISIS is in control of
Mosul"); adding one withdraws the copy's own word.
"""

from __future__ import annotations

import re
from dataclasses import replace

from core.engine.tokens import compiled
from core.flags.figure_words import is_figure
from core.flags.pooled import Context, Flag, Pooled, Word, make_flag
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
    "estimated": "estimate",  # ("are estimated to run" -> "run": an estimate made a count)
}
_ADVERBS = [w for w in _LEMMAS if w.endswith("ly")]
_PARTICIPLES = [w for w in _LEMMAS if not w.endswith("ly")]
# "to" then a verb, not an object ("it was said to them": someone spoke to someone).
_NO_VERB = "them him her me us you it the a an his their my our your its this that these those"
_CLAIM = (
    r"(?i)\b(?:(" + "|".join(_ADVERBS) + r")"
    r"|(?:is|are|was|were|be|been|being)\s+(?:widely\s+|also\s+|now\s+)?"
    r"((" + "|".join(_PARTICIPLES) + r")\s+to\s+(?!(?:" + "|".join(_NO_VERB.split()) + r")\b)"
    r"[^\W\d_]+))\b"
)
CLAIM_WORDS = frozenset(_LEMMAS)
# A sentence that leaves its claim uncertain in other words ("the origins of this term
# are uncertain, but it may be ...") still does not state it as fact.
_UNCERTAIN = (
    r"(?i)\b(?:may|might|could|possibly|probably|perhaps|likely|unlikely|uncertain|unclear|"
    r"unconfirmed|unverified|tentatively|apparently|presumably)\b"
)


def uncertain(text: str, spans: tuple[Span, ...]) -> bool:
    """Whether ``spans`` leave a claim uncertain ("may", "unconfirmed"; not the month)."""
    return bool(uncertainties(text, spans))


def uncertainties(text: str, spans: tuple[Span, ...]) -> set[str]:
    """The words of ``spans`` that leave a claim uncertain, folded (not the month: "in
    may, 2001" left "(probably in catalan ...)" cut unflagged, the session 20 reader)."""
    pattern = compiled(_UNCERTAIN)
    return {
        m.group().casefold()
        for s, e in spans
        for m in pattern.finditer(text, s, e)
        if m.group().casefold() != "may" or not _month(text, m.start(), m.end())
    }


def _month(text: str, start: int, end: int) -> bool:
    """Whether the "may" at ``start`` is the month: a figure next to it ("may 2007",
    "23 may", "may, 2001"), or after "in", "since", "early" and the like."""
    if compiled(_FIGURE_AFTER).match(text, end) or compiled(_FIGURE_BEFORE).search(
        text, max(0, start - 4), start
    ):
        return True
    return compiled(_MONTH_WORD_BEFORE).search(text, max(0, start - 12), start) is not None


_FIGURE_AFTER = r"[,.]?\s*\d"
_FIGURE_BEFORE = r"\d\.?\s*$"
_MONTH_WORD_BEFORE = (
    r"(?i)\b(?:in|of|since|until|till|by|early|late|mid|from|through|last|next)\s+$"
)


def claim_lemmas(text: str, spans: tuple[Span, ...]) -> set[str]:
    """The attribution lemmas the hedges of ``spans`` stand for."""
    return {
        _LEMMAS[(m.group(1) or m.group(3)).casefold()]
        for start, end in spans
        for m in compiled(_CLAIM).finditer(text, start, end)
    }


def touched_claims(pool: Pooled, text: str, old: bool) -> list[Word]:
    """The hedges of one side's sentence that a change of it touches, as words to show
    (``reportedly``, ``reported to be``), numbered with their change."""
    start, end = pool.old_span if old else pool.new_span
    found: list[Word] = []
    for m in compiled(_CLAIM).finditer(text, start, end):
        shown = 1 if m.group(1) else 2
        for index, change in enumerate(pool.changes):
            spans = change.old if old else change.new
            if any(s < m.end() and m.start() < e for s, e in spans):
                found.append(Word(m.group(shown), m.start(shown), m.end(shown), index))
                break
    return found


# Words that leave a statement uncertain, where the other version states it: "the
# species was probably endangered" -> "the species was endangered", "may cut" -> "will
# cut". ("could" is also the past of "can"; "May" a month: lower case only, and not
# before or after a number.)
_UNSURE = frozenset("may might could probably possibly perhaps likely".split())
# ... and words that hold a statement back from the whole of it: "he is largely credited
# with" -> "he is credited with", "almost exclusively" -> "exclusively" (a structural
# reader, session 17). Before a figure they are the figure's hedge ("almost 10").
_PARTLY = frozenset(
    "largely mostly partly almost nearly virtually practically sometimes occasionally".split()
)  # ("no longer sometimes fails" -> "no longer fails": a claim made whole)
_UNSURE |= _PARTLY
# ... and a plan ("expect to publish" -> "will publish"), before "to" only.
_EXPECT = frozenset("expect expects".split())
_UNSURE |= _EXPECT
_SURE_FOR_COULD = frozenset("will would shall".split())
# What a statement made certain says in the hedge's place ("may" -> "will"); and what
# stands with a hedge in its change ("was" -> "may have been", "are" -> "may seem").
# A change with other words is a rewrite (a hotel's features that "may be a tv", a
# clause put in that is "probably in the 1830s"), and hedges no statement of the other.
_SURE = frozenset("will would shall is are was were does do did has have had must".split())
_WITH_HEDGE = frozenset(
    "have has had be been being seem seems appear appears to want wish is are was were".split()
)  # ("may want to adjust" -> "must adjust": advice made an order)
_SUBJECTS = frozenset("it this that they he she there".split())
# "You may convey", "thou mayest": leave, not doubt.
_PERMITTED = frozenset("you thou ye".split())
_MODAL = re.compile(r"\b(?:can|cannot)\b", re.IGNORECASE)


def check_certainty(pool: Pooled, context: Context) -> Flag | None:
    """A word of uncertainty cut where the other version's sentence (and what it cut
    or put in next to it) leaves nothing uncertain, or put in where the first stated
    it: a claim made fact, or a fact made a claim. Its change holds nothing else but
    the verbs that go with it, against nothing or a statement's verb (``_SURE``)."""
    if _UNSURE.isdisjoint(w.text for w in (*pool.old_words, *pool.new_words)):
        return None  # (no word of doubt changed: most blocks)
    sides = (
        (pool.old_words, context.old, context.new, (pool.new_span, *pool.new_near)),
        (pool.new_words, context.new, context.old, (pool.old_span, *pool.old_near)),
    )
    found: list[list[Word]] = [[], []]
    for k, (words, text, other_text, other_spans) in enumerate(sides):
        quotes = context.quotes[k]
        unsure = [
            w
            for w in words
            if w.text in _UNSURE and _hedges(w, text) and not quotes.overlaps((w.start, w.end))
        ]  # (a speaker's "might" is the quote check's)
        if not unsure or uncertain(other_text, other_spans):
            continue
        if any(_MODAL.search(other_text, start, end) for start, end in other_spans):
            # "can not be affected" -> "may not be": a modal either way ("nearly every"
            # cut beside it still made a claim whole)
            unsure = [w for w in unsure if w.text in _PARTLY]
        others = sides[1 - k][0]
        changes = {w.change for w in unsure if _alone(w, words, others)}
        found[k] = [w for w in words if w.change in changes]  # ("may have been")
    if not found[0] and not found[1]:
        return None
    for k, others in ((0, pool.new_words), (1, pool.old_words)):
        if not found[1 - k]:  # (shown against what its change put in its place)
            changes = {w.change for w in found[k]}
            found[1 - k] = [w for w in others if w.change in changes]
    return replace(make_flag("attribution", pool, found[0], found[1]), hedge=True)


def _alone(hedge: Word, words: tuple[Word, ...], others: tuple[Word, ...]) -> bool:
    """Whether ``hedge``'s change holds only it and the verbs that go with it, against
    nothing or a statement's verb; "could" only against "will", "would" or "shall"
    (else it may be the past of "can")."""
    mine = [w.text.casefold() for w in words if w.change == hedge.change and w is not hedge]
    theirs = [w.text.casefold() for w in others if w.change == hedge.change]
    # (its subject cut with it when the clause is recast: ", it may result in" ->
    # "results in")
    mine = [w for w in mine if w not in _SUBJECTS or w in theirs]
    if len(mine) == 1 == len(theirs) and _inflected(mine[0], theirs[0]):
        mine, theirs = [], []  # "may reopen" -> "reopens": the verb itself, made sure
    if not all(w in _WITH_HEDGE for w in mine) or not all(w in _SURE for w in theirs):
        return False
    return hedge.text != "could" or not _SURE_FOR_COULD.isdisjoint(theirs)


def _inflected(bare: str, other: str) -> bool:
    """Whether ``other`` is the verb ``bare`` with an ending of a statement
    (``reopen``/``reopens``, ``fall``/``falls``, ``rise``/``rose`` not: another form)."""
    return len(bare) >= 3 and other in (bare + "s", bare + "es", bare + "ed", bare + "d")


# The word after a word, past an article ("almost 10", "nearly a third").
_NEXT_WORD = r"(?i)\s+(?:an?\s+)?(\w+)"


def _hedges(word: Word, text: str) -> bool:
    """Whether ``may`` (``might``, ``probably`` ...) leaves a statement uncertain here:
    not the month (``may 2007``, ``23 may``), not leave given (``you may convey``)."""
    if word.text in _PARTLY:  # (before a figure, the figure's hedge: ``is_figure``)
        then = compiled(_NEXT_WORD).match(text, word.end)
        return then is None or not is_figure(Word(then.group(1), *then.span(1), 0), text)
    if word.text in _EXPECT:
        return text[word.end : word.end + 4] == " to "
    if word.text == "may":
        before = text[max(0, word.start - 12) : word.start].split()
        if _month(text, word.start, word.end):
            return False
        if before and before[-1].strip("\"'\u201c\u2018(").casefold() in _PERMITTED:
            return False
    return True
