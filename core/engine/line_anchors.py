"""Long runs of unchanged lines, found before any tokenizing (texts not hard-wrapped).

Paragraph anchors (``core.engine.paragraph_anchors``) set aside paragraphs that
stand unchanged, but a text written one sentence or one paragraph per line, with no
blank line between (subtitles, lists, verse, exported copy, a log), is one paragraph
to them, and every one of its lines then goes through the whole pipeline. Between two
paragraph anchors, this stage aligns the *lines* of the two texts (whole lines
compared exactly, through the engine's own alignment) and sets aside each run of at
least ``MIN_RUN_LINES`` identical lines, less ``MARGIN`` lines at each end, as one
more anchor: the engine then treats it as it treats an unchanged paragraph.

Only for texts that are not hard-wrapped: there every line break ends a sentence
(``core.engine.segment``), so a run of whole lines is a run of whole sentences and an
anchor never cuts one. Lines near an edit stay with the full pipeline (the margin),
so a sentence split over two lines or moved nearby is still seen word by word.

Pure (no Qt); linear in the text apart from the alignment, which is close to linear.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import accumulate, chain

from core.engine.anchors import align
from core.engine.paragraph_anchors import ParagraphAnchors, gaps
from core.engine.segment import NOT_LINE_BREAKS
from core.model import Span

MIN_RUN_LINES = 32
"""A run of identical lines needs this many lines (after the margins) to be an anchor."""

MARGIN = 2
"""Lines left to the full pipeline at each end of a run (next to an edit)."""


def with_line_anchors(old: str, new: str, anchors: ParagraphAnchors) -> ParagraphAnchors:
    """``anchors`` with the long runs of unchanged lines between them added.

    Args:
        old: the old text (not hard-wrapped).
        new: the new text (not hard-wrapped).
        anchors: the unchanged paragraphs already found (may be empty).

    Returns:
        Paragraph anchors and line-run anchors together, ascending in both texts.
    """
    if any(c in old or c in new for c in NOT_LINE_BREAKS):
        return anchors  # (str.splitlines would break lines the segmenter does not)
    old_spans: list[Span] = []
    new_spans: list[Span] = []
    hyphens: list[bool] = []
    regions = zip(gaps(anchors.old, len(old)), gaps(anchors.new, len(new)))
    for k, (old_region, new_region) in enumerate(regions):
        for old_span, new_span in _line_runs(old, old_region, new, new_region):
            old_spans.append(old_span)
            new_spans.append(new_span)
            # The lines are identical: the same words on both sides.
            hyphens.append(False)
        if k < len(anchors):
            old_spans.append(anchors.old[k])
            new_spans.append(anchors.new[k])
            hyphens.append(anchors.hyphen_breaks[k])
    if len(old_spans) == len(anchors):
        return anchors
    return ParagraphAnchors(tuple(old_spans), tuple(new_spans), tuple(hyphens))


class _Lines:
    """The lines of one region of a text: exact contents and where they start."""

    def __init__(self, text: str, region: Span) -> None:
        start, end = region
        part = text[start:end]
        # Both splits run in C; the contents keep everything but the line break.
        self.starts = list(accumulate(map(len, part.splitlines(keepends=True)), initial=start))
        self.contents = part.splitlines()

    def blank(self, k: int) -> bool:
        return not self.contents[k].strip()

    def span(self, lo: int, hi: int) -> Span:
        """From the first visible character of line ``lo`` to the last of ``hi - 1``."""
        first, last = self.contents[lo], self.contents[hi - 1]
        start = self.starts[lo] + len(first) - len(first.lstrip())
        return start, self.starts[hi - 1] + len(last.rstrip())


def _line_runs(
    old: str, old_region: Span, new: str, new_region: Span
) -> Iterator[tuple[Span, Span]]:
    """Spans of the long runs of identical lines between the two regions."""
    if min(old_region[1] - old_region[0], new_region[1] - new_region[0]) < MIN_RUN_LINES:
        return
    a_lines = _Lines(old, old_region)
    b_lines = _Lines(new, new_region)
    shortest = MIN_RUN_LINES + 2 * MARGIN
    if min(len(a_lines.contents), len(b_lines.contents)) < shortest:
        return
    distinct = dict.fromkeys(chain(a_lines.contents, b_lines.contents))
    table = {line: n for n, line in enumerate(distinct)}
    a = list(map(table.__getitem__, a_lines.contents))
    b = list(map(table.__getitem__, b_lines.contents))
    del distinct, table
    for i, j, n in align(a, b).runs:
        if n < shortest:
            continue
        lo, hi = i + MARGIN, i + n - MARGIN
        shift = j - i
        # Start and end on lines with something on them (both sides alike: same lines).
        while lo < hi and a_lines.blank(lo):
            lo += 1
        while hi > lo and a_lines.blank(hi - 1):
            hi -= 1
        if hi - lo >= MIN_RUN_LINES:
            yield a_lines.span(lo, hi), b_lines.span(lo + shift, hi + shift)
