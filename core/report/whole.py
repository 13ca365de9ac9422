"""Which deleted and inserted blocks are whole sentences: the reports' Cut and Added.

The engine cuts blocks at the sentence starts of either text, so a deleted block may
be a piece of a reworded sentence: "This license is quite different" against "...,
and is quite different" leaves "This license" deleted on its own. The report's lists
and counts of sentences cut (added) entirely take only the blocks that hold whole
sentences of their text: no word of its first sentence before it and none of its
last after it (a quote mark or full stop the other text shares may be left out).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from core.engine.segment import segment
from core.engine.tokens import CONTRACT_WORD
from core.model import Comparison
from core.notes.annotation import Side

LISTED: tuple[tuple[Side, str], ...] = (("old", "deleted"), ("new", "inserted"))
"""Each side and the kind of block whose whole sentences are listed for it."""

WholeSentences = dict[Side, dict[int, tuple[int, int, int]]]
"""Per side, each listed block that holds whole sentences: their span (the block's,
less a piece of a sentence at either end) and how many they are."""


def whole_sentences(result: Comparison) -> WholeSentences:
    """The deleted blocks that hold whole sentences of the old text and the inserted
    blocks that hold whole sentences of the new one: the span of those sentences in
    the block, and how many."""
    found: WholeSentences = {"old": {}, "new": {}}
    for side, kind in LISTED:
        text = result.old.text if side == "old" else result.new.text
        spans = [
            (i, span)
            for i, block in enumerate(result.blocks)
            if block.kind == kind and (span := block.old if side == "old" else block.new)
        ]
        if not spans:
            continue
        starts = tuple(s for s, _ in segment(text).sentences)
        for i, (start, end) in spans:
            held = _sentences_held(text, starts, start, end)
            if held is not None:
                found[side][i] = held
    return found


def _sentences_held(
    text: str, starts: tuple[int, ...], start: int, end: int
) -> tuple[int, int, int] | None:
    """The sentences ``text[start:end]`` holds whole, as (start, end, how many); None
    when it holds none (a piece of a sentence, or the end of one and the start of
    the next).

    ``starts``: where each of the text's sentences starts, the first at 0 (each runs
    to the next start, with the whitespace after it). Marks around the block's words
    (a quote mark that opens the next sentence) do not count: its words decide which
    sentences it holds."""
    first_word = CONTRACT_WORD.search(text, start, end)
    if first_word is None:
        return None
    last_end = end
    while not _WORD_CHAR.match(text, last_end - 1):
        last_end -= 1
    first = bisect_right(starts, first_word.start()) - 1
    last = bisect_right(starts, last_end - 1) - 1
    span_start, span_end = start, end
    if CONTRACT_WORD.search(text, starts[first], span_start):
        first += 1  # begins after a word of its first sentence: from the next one
        span_start = starts[first] if first < len(starts) else end
    after = starts[last + 1] if last + 1 < len(starts) else len(text)
    if CONTRACT_WORD.search(text, last_end, after):
        last -= 1  # its last sentence goes on: up to the one before
        span_end = starts[last + 1]
        while span_end > span_start and text[span_end - 1].isspace():
            span_end -= 1
    if last < first or span_end <= span_start:
        return None
    return span_start, span_end, last - first + 1


_WORD_CHAR = re.compile(r"\w")
