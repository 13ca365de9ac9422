"""Which drafts lie in an approximately aligned range (``drafts_from_cuts``).

The ranges are looked up by bisection (one draft per sentence and one range per
unanchorable gap made the old scan quadratic); it must say what the scan said.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.engine.blocks import drafts_from_cuts


@st.composite
def _case(draw: st.DrawFn) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    n = draw(st.integers(1, 60))
    points = sorted(draw(st.sets(st.integers(0, n), min_size=1, max_size=20)) | {0, n})
    cuts = [(p, p) for p in points]
    edges = sorted(draw(st.sets(st.integers(0, n), max_size=12)))
    ranges = [(lo, hi) for lo, hi in zip(edges[::2], edges[1::2]) if hi > lo]
    return cuts, draw(st.permutations(ranges))


@given(_case())
@settings(max_examples=300, deadline=None)
def test_a_draft_is_approximate_when_a_range_reaches_into_it(case) -> None:
    cuts, ranges = case
    drafts = drafts_from_cuts([], cuts, ranges)
    for d in drafts:
        assert d.approximate == any(lo < d.a2 and d.a1 < hi for lo, hi in ranges)
