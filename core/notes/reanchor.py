"""Re-anchoring: find an annotation's quoted text again after a document changed.

An anchor keeps its span, quote and some context (``core.notes.annotation``). When the
text at the stored span is no longer the quote, the quote is looked for:

1. exactly, anywhere (``str.find``: a paragraph moved to the end is found however
   far it went); several hits are told apart by their context, then by distance;
2. approximately, with diff-match-patch's bitap ``match_main`` (through
   ``core.engine.dmp_adapter.find_near``), whose patterns are limited to 32 code points:
   the first and last 32 code points of the quote, and of the context either side,
   give candidate starts and ends. The search runs near the old position first,
   then over the whole text (``Match_Distance`` about the text's length, so
   distance costs little and errors decide). Each candidate span is verified
   against the whole quote with an Indel similarity (``core.engine.lcs``) and a few
   code points of boundary slack.

   A fuzzy candidate must also keep most of the quote's words (more than half,
   case aside): a note on "long debate" is not moved to "heated debate".

A short quote ("the", "5") says little by itself: it is placed only where its
context agrees too, never merely because the same word occurs somewhere else. An
anchor that cannot be placed keeps its old span and quote, and the annotation is
marked orphaned (never dropped); it is placed again if the quote comes back.

The stored quote is never rewritten: a fuzzy placement keeps the quote and context
the note was written on, moves only the span, and is marked ``approximate`` ("placed
approximately"); it is found the same way on the next load.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from core.engine.dmp_adapter import MATCH_MAX_BITS, find_near
from core.engine.lcs import similarity
from core.model import Document
from core.notes.annotation import Anchor, Annotation, make_anchor

Span = tuple[int, int]

SELF_EVIDENT_QUOTE = 16
"""A quote this long or longer is placed on its own; shorter ones need context."""
MIN_CONTEXT_AGREEMENT = 8
"""Code points of context that must agree to place a short quote."""
MIN_SIMILARITY = 0.75
"""Indel similarity a fuzzy candidate must reach against the whole quote."""
MATCH_THRESHOLD = 0.4
"""Bitap score limit: about 12 errors in a 32-code-point pattern at the expected place."""
NEAR_DISTANCE = 1000
"""Match_Distance of the first, local search (diff-match-patch's default)."""
MAX_EXACT_HITS = 1000
"""Exact occurrences of a quote weighed at most (a quote like "the" in a long text)."""
CONTEXT_WEIGHT = 0.1
"""How much full context agreement adds to a fuzzy candidate's similarity."""
SLACK = 4
"""Code points a fuzzy boundary may be nudged by to fit the quote better."""
MAX_NUDGED_QUOTE = 2000
"""Longer quotes are verified without nudging (each try costs len^2/64 word ops)."""
_WORD = re.compile(r"\w+")


def _words(text: str) -> Counter[str]:
    return Counter(word.casefold() for word in _WORD.findall(text))


def keeps_most_words(quote: str, candidate: str) -> bool:
    """Whether ``candidate`` holds more than half of ``quote``'s words (any order).

    A quote with no words (punctuation) passes: its similarity decides alone.
    """
    wanted = _words(quote)
    total = sum(wanted.values())
    if not total:
        return True
    kept = sum((wanted & _words(candidate)).values())
    return 2 * kept > total


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _context_agreement(anchor: Anchor, text: str, start: int, end: int) -> int:
    """Code points of the stored context found again around ``text[start:end]``.

    A context that stopped at the start (or end) of the text counts as agreeing in
    full when the span is again at the start (or end).
    """
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    score = _common_suffix(anchor.prefix, before) + _common_prefix(anchor.suffix, after)
    if not anchor.prefix and start == 0:
        score += MIN_CONTEXT_AGREEMENT
    if not anchor.suffix and end == len(text):
        score += MIN_CONTEXT_AGREEMENT
    return score


def _context_needed(anchor: Anchor) -> int:
    if len(anchor.quote) >= SELF_EVIDENT_QUOTE:
        return 0
    return min(MIN_CONTEXT_AGREEMENT, len(anchor.prefix) + len(anchor.suffix))


def _best(anchor: Anchor, text: str, spans: list[Span]) -> Span | None:
    """The span with the most context agreement, then the nearest to the old one."""
    needed = _context_needed(anchor)
    best: Span | None = None
    best_key: tuple[int, int] | None = None
    for start, end in spans:
        agreement = _context_agreement(anchor, text, start, end)
        if agreement < needed:
            continue
        key = (agreement, -abs(start - anchor.start))
        if best_key is None or key > best_key:
            best, best_key = (start, end), key
    return best


def _exact_hits(text: str, quote: str) -> list[Span]:
    hits: list[Span] = []
    at = text.find(quote)
    while at >= 0 and len(hits) < MAX_EXACT_HITS:
        hits.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return hits


def _fuzzy(text: str, pattern: str, near: int) -> int | None:
    """Bitap near the expected place first, then anywhere in the text."""
    if not pattern or not text:
        return None
    near = max(0, min(near, len(text)))
    found = find_near(text, pattern, near, threshold=MATCH_THRESHOLD, distance=NEAR_DISTANCE)
    if found is None and len(text) > NEAR_DISTANCE // 2:
        # Distance four times the text: moving anywhere costs at most 0.25.
        far = 4 * len(text)
        found = find_near(text, pattern, near, threshold=MATCH_THRESHOLD, distance=far)
    return found


def _candidate_bounds(anchor: Anchor, text: str) -> tuple[set[int], set[int]]:
    """Possible starts and ends of the quote, from its edges and its context."""
    quote, width = anchor.quote, MATCH_MAX_BITS
    starts: set[int] = set()
    ends: set[int] = set()
    head = _fuzzy(text, quote[:width], anchor.start)
    if head is not None:
        starts.add(head)
        ends.add(head + len(quote))
    tail_near = (head if head is not None else anchor.start) + len(quote) - len(quote[-width:])
    tail = _fuzzy(text, quote[-width:], tail_near)
    if tail is not None:
        ends.add(tail + len(quote[-width:]))
        starts.add(tail + len(quote[-width:]) - len(quote))
    prefix = anchor.prefix[-width:]
    before = _fuzzy(text, prefix, anchor.start - len(prefix))
    if before is not None:
        starts.add(before + len(prefix))
    suffix = anchor.suffix[:width]
    after = _fuzzy(text, suffix, anchor.end)
    if after is not None:
        ends.add(after)
    return starts, ends


def _codes(text: str) -> list[int]:
    return [ord(c) for c in text]


def _verified(anchor: Anchor, text: str, starts: set[int], ends: set[int]) -> Span | None:
    """The candidate span most similar to the quote, if similar enough."""
    quote = anchor.quote
    wanted = _codes(quote)
    slack = SLACK if len(quote) <= MAX_NUDGED_QUOTE else 0
    tried: dict[Span, float] = {}
    for s0 in starts:
        for e0 in ends:
            if not 0 < e0 - s0 <= 2 * len(quote) + SLACK:
                continue
            for start in range(max(0, s0 - slack), s0 + slack + 1):
                for end in range(max(start + 1, e0 - slack), min(len(text), e0 + slack) + 1):
                    if (start, end) not in tried:
                        tried[(start, end)] = similarity(wanted, _codes(text[start:end]))
    good = [
        span
        for span, score in tried.items()
        if score >= MIN_SIMILARITY and keeps_most_words(quote, text[span[0] : span[1]])
    ]
    needed = _context_needed(anchor)
    context = max(1, len(anchor.prefix) + len(anchor.suffix))
    best: Span | None = None
    best_key: tuple[float, int] | None = None
    for span in good:
        agreement = _context_agreement(anchor, text, *span)
        if agreement < needed:
            continue
        # Context breaks near-ties: an edited first word stays inside the span.
        score = tried[span] + CONTEXT_WEIGHT * min(1.0, agreement / context)
        key = (score, -abs(span[0] - anchor.start))
        if best_key is None or key > best_key:
            best, best_key = span, key
    return best


def _locate_point(anchor: Anchor, text: str) -> Span | None:
    """An empty span (a note between two characters): placed by its context."""
    if not anchor.prefix and not anchor.suffix:
        point = min(anchor.start, len(text))
        return point, point
    context = anchor.prefix + anchor.suffix
    hits = [(s + len(anchor.prefix), s + len(anchor.prefix)) for s, _ in _exact_hits(text, context)]
    placed = _best(anchor, text, hits)
    if placed is None and anchor.prefix:
        hits = [(e, e) for _, e in _exact_hits(text, anchor.prefix)]
        placed = _best(anchor, text, hits)
    return placed


def locate(anchor: Anchor, text: str) -> Span | None:
    """Where the anchor's quote is in ``text`` now, or None if it cannot be placed.

    Args:
        anchor: the stored anchor (span, quote, context).
        text: the document's current text.

    Returns:
        The half-open code-point span of the quote (possibly slightly edited).
    """
    if anchor.start == anchor.end:
        return _locate_point(anchor, text)
    span = (anchor.start, anchor.end)
    if text[anchor.start : anchor.end] == anchor.quote and _best(anchor, text, [span]):
        return span
    placed = _best(anchor, text, _exact_hits(text, anchor.quote))
    if placed is not None:
        return placed
    starts, ends = _candidate_bounds(anchor, text)
    return _verified(anchor, text, starts, ends)


def reanchor_anchor(anchor: Anchor, document: Document) -> Anchor | None:
    """The anchor moved to its quote's place in ``document``, or None if it is lost.

    An exact placement gets fresh context; an approximate one keeps the stored
    quote and context, with ``approximate`` set.
    """
    text = document.text
    if (
        anchor.sha256 == document.sha256
        and anchor.path == document.path
        and text[anchor.start : anchor.end] == anchor.quote
    ):
        return anchor
    span = locate(anchor, text)
    if span is None:
        return None
    start, end = span
    if text[start:end] == anchor.quote:
        return make_anchor(document.path, document.sha256, text, start, end)
    # Placed approximately: the note keeps the quote and context it was written on.
    placed = replace(
        anchor, path=document.path, sha256=document.sha256, start=start, end=end, approximate=True
    )
    return placed if placed != anchor or not anchor.approximate else anchor


def reanchor(annotation: Annotation, old: Document | None, new: Document | None) -> Annotation:
    """The annotation placed in the current texts of its documents.

    Each anchor whose document is given is looked for in it (see the module
    docstring); a side whose document is None is kept as it is. If any anchor
    cannot be placed, the annotation is marked orphaned: it keeps that anchor
    (span, quote and context as last known) and its other, placed anchors; it is
    never dropped. An orphan whose quote is found again is no longer orphaned.

    Args:
        annotation: as stored.
        old: the old document as it is now, or None.
        new: the new document as it is now, or None.

    Returns:
        The annotation with updated anchors (paths, hashes, spans, quotes) and
        ``orphaned`` flag; the same object when nothing changed.
    """
    lost = checked = False
    anchors: dict[str, Anchor | None] = {"old": annotation.old, "new": annotation.new}
    for side, document in (("old", old), ("new", new)):
        anchor = anchors[side]
        if anchor is None or document is None:
            continue
        checked = True
        placed = reanchor_anchor(anchor, document)
        if placed is None:
            lost = True
        else:
            anchors[side] = placed
    if not checked:
        return annotation
    unchanged = anchors["old"] is annotation.old and anchors["new"] is annotation.new
    if unchanged and lost == annotation.orphaned:
        return annotation
    return replace(annotation, old=anchors["old"], new=anchors["new"], orphaned=lost)
