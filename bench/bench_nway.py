"""Time the N-way grid (``core.nway.grid.nway_from_comparisons``) against its peer, the
pairwise comparison it is built from, on real revised text at two sizes.

    .venv/bin/python bench/bench_nway.py [--corpus ../shared/corpora/wiki-versions]

The base is the first version of every wiki-versions article, joined until the size is
reached; the other version is each article's last version, joined in the same order
(real rewrites: kept, edited, reworded, cut and added sentences). For each size the
script compares the two once per run and builds the grid from that comparison, five
runs, and prints the medians, the grid's share of the comparison's time, and the
grid's statuses. Linear work shows as a flat seconds-per-MB column across sizes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

from core.engine.compare import compare  # noqa: E402
from core.nway.grid import nway_from_comparisons  # noqa: E402
from core.text.document import document_from_text  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "wiki-versions"
SIZES = (100_000, 1_000_000)
RUNS = 5


def texts(corpus: Path, size: int) -> tuple[str, str]:
    """A base of about ``size`` characters and its revised version (see the docstring)."""
    first: dict[str, str] = {}
    last: dict[str, str] = {}
    for line in (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        title = pair["title"]
        first.setdefault(title, pair["old"])
        last[title] = pair["new"]
    base: list[str] = []
    other: list[str] = []
    length = 0
    while length < size:
        for title in first:
            old = (corpus / first[title]).read_text(encoding="utf-8")
            base.append(old)
            other.append((corpus / last[title]).read_text(encoding="utf-8"))
            length += len(old) + 2
            if length >= size:
                break
    return "\n\n".join(base), "\n\n".join(other)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not (args.corpus / "manifest.jsonl").is_file():
        sys.exit(f"bench_nway: {args.corpus}: no manifest.jsonl (the wiki-versions corpus)")
    print("size       compare s  grid s   grid/compare  grid s/MB  statuses (base sentences)")
    for size in SIZES:
        old, new = texts(args.corpus, size)
        base = document_from_text(old, "base.txt")
        other = document_from_text(new, "other.txt")
        compare_times: list[float] = []
        grid_times: list[float] = []
        for _ in range(RUNS):
            t = time.perf_counter()
            comparison = compare(base, other)
            compare_times.append(time.perf_counter() - t)
            t = time.perf_counter()
            grid = nway_from_comparisons([comparison])
            grid_times.append(time.perf_counter() - t)
        c, g = statistics.median(compare_times), statistics.median(grid_times)
        v = grid.versions[0]
        counts = f"{v.kept} kept, {v.edited} edited, {v.reworded} reworded, {v.missing} missing"
        print(
            f"{len(old):>9,}  {c:8.3f}  {g:7.3f}  {g / c:11.2f}  {g / len(old) * 1e6:9.3f}  "
            + counts
        )


if __name__ == "__main__":
    main()
