"""Coarse progress of one comparison: the engine's stages, reported as each begins.

``compare`` takes an optional ``progress`` callable and calls it once per stage, in
``STAGES`` order, with the stage's name (plain words a window can show) and the share
of the comparison done when it begins. The shares are the stages' typical times,
measured on the benchmark pairs (1 MB light and heavily edited, 5 MB: reading the
words takes half the time, pairing the sentences the last tenth), not a measure of
this comparison: a few calls per comparison, nothing computed for them, and the
result is the same with or without.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, float], None] | None

READING = "reading the words"  # paragraphs set aside, units and keys of both texts
ALIGNING = "aligning"  # the alignment, its cleanup, sentence blocks and word diffs
MOVING = "finding moves"  # moved sentences and what they carry along
MARKING = "marking the changes"  # statistics, blocks and their ops
PAIRING = "pairing the sentences"  # rows of whole sentences

# Each stage and the share of a comparison's time done before it begins.
STAGES: dict[str, float] = {
    READING: 0.0,
    ALIGNING: 0.55,
    MOVING: 0.72,
    MARKING: 0.8,
    PAIRING: 0.88,
}


def report(progress: Progress, stage: str) -> None:
    """Tell ``progress`` (if any) that ``stage`` begins."""
    if progress is not None:
        progress(stage, STAGES[stage])
