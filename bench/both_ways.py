#!/usr/bin/env python3
"""Whether Redline tells the same story both ways round, on the real pairs.

    .venv/bin/python bench/both_ways.py [--sources wiki,ua-gec] [--worst 8]

Compares every real pair (``real_pairs.py``) old against new and new against old, and
counts the pairs whose similarity, and whose moved words, are the same both ways (an
editor who swaps the sides expects the mirror image), the mean and largest gap in
similarity, and lists the pairs that differ most.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from real_pairs import real_pairs

from core.engine.compare import compare
from core.model import Stats
from core.text.document import document_from_text


def both_ways(old: str, new: str) -> tuple[Stats, Stats]:
    """The statistics of ``old`` against ``new`` and of ``new`` against ``old``."""
    forward = compare(document_from_text(old, "old"), document_from_text(new, "new")).stats
    backward = compare(document_from_text(new, "new"), document_from_text(old, "old")).stats
    return forward, backward


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", help="comma-separated sources (default: all)")
    parser.add_argument("--worst", type=int, default=8, help="pairs listed that differ most")
    args = parser.parse_args()
    wanted = set(args.sources.split(",")) if args.sources else None
    gaps: list[tuple[float, str, float, float]] = []
    same = moved_same = 0
    for pair in real_pairs():
        if wanted is not None and pair.source not in wanted:
            continue
        forward, backward = both_ways(pair.old, pair.new)
        same += forward.similarity == backward.similarity
        moved_same += forward.moved_words == backward.moved_words
        gap = abs(forward.similarity - backward.similarity)
        gaps.append((gap, f"{pair.source} {pair.pair}", forward.similarity, backward.similarity))
    n = len(gaps)
    if not n:
        raise SystemExit("no real pairs found (see real_pairs.py for where they come from)")
    print(
        f"{n} pairs: similarity the same both ways on {same} ({same / n:.1%}), moved words "
        f"on {moved_same} ({moved_same / n:.1%}); gap mean {sum(g for g, *_ in gaps) / n:.4f}, "
        f"largest {max(g for g, *_ in gaps):.4f}"
    )
    for gap, name, one, other in sorted(gaps, reverse=True)[: args.worst]:
        print(f"  {gap:.4f}  {name}: {one:.4f} one way, {other:.4f} the other")


if __name__ == "__main__":
    main()
