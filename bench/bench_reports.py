"""Time the HTML and PDF reports of a pair (``redline compare --format html|pdf -o``)
against a peer checkout in the same run.

    .venv/bin/python bench/bench_reports.py --peer /path/to/main-checkout [--size 1M]

Each run calls the console command (``python -m gui.shell.launcher``) of this checkout
and of the peer with the same interpreter, one after the other, so both see the same
machine load; the medians of wall time, CPU time (user + system: steadier than wall
time on a shared machine) and peak memory (``bench_compare.run_once``) are printed
and written to ``bench/out/reports.md``. The pair is ``bench/out/<size>/`` (built by
``make_pairs.py``). Targets of issue 15 for the 1 MB pair: PDF under 5 s and 250 MB,
HTML under 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from bench_compare import MEASURER_NAME, run_once  # noqa: E402


def _pages(pdf: bytes) -> int:
    """The number of pages of a PDF (its page objects)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def _command(checkout: Path, old: Path, new: Path, fmt: str, target: Path) -> list[str]:
    return [
        sys.executable,
        "-c",
        f"import sys; sys.path.insert(0, {str(checkout)!r}); "
        "from gui.shell.launcher import run; sys.argv[0] = 'redline'; run()",
        "compare",
        str(old),
        str(new),
        "--format",
        fmt,
        "-o",
        str(target),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--peer", type=Path, help="another checkout to time in the same run")
    parser.add_argument("--size", default="1M", help="the pair under bench/out (default 1M)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--formats", default="html,pdf")
    args = parser.parse_args()
    pair = BENCH / "out" / args.size
    old, new = pair / "old.txt", pair / "new.txt"
    if not old.exists():
        sys.exit(f"{old}: missing; run bench/make_pairs.py first")
    checkouts = {"this": REPO}
    if args.peer:
        checkouts["peer"] = args.peer.resolve()
    formats = args.formats.split(",")
    results: dict[tuple[str, str], list[dict]] = {}
    env_qpa = os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            for label, checkout in checkouts.items():
                for fmt in formats:
                    target = Path(tmp) / f"{label}.{fmt}"
                    cmd = _command(checkout, old, new, fmt, target)
                    measured = run_once(cmd, timeout=600)
                    data = target.read_bytes() if target.exists() else b""
                    measured["bytes"] = len(data)
                    measured["pages"] = _pages(data) if fmt == "pdf" else None
                    if measured["rc"] not in (0, 1):
                        sys.exit(f"{label} {fmt}: exit {measured['rc']}: {measured['stderr']}")
                    results.setdefault((label, fmt), []).append(measured)
                    print(
                        f"run {run + 1} {label:4} {fmt:4} wall {measured['wall']:6.2f} s  "
                        f"cpu {measured['cpu']:6.2f} s  peak {measured['rss_mb']:6.0f} MB",
                        flush=True,
                    )
    lines = [
        f"# Reports of the {args.size} pair ({args.runs} runs, medians; "
        f"QT_QPA_PLATFORM={env_qpa}; peak memory by {MEASURER_NAME})",
        "",
        "| checkout | format | wall s | cpu s | peak MB | size | pages |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for (label, fmt), runs in results.items():
        name = str(checkouts[label]) if label == "peer" else "this"
        lines.append(
            f"| {name} | {fmt} | {statistics.median(r['wall'] for r in runs):.2f} | "
            f"{statistics.median(r['cpu'] for r in runs):.2f} | "
            f"{statistics.median(r['rss_mb'] for r in runs):.0f} | "
            f"{runs[-1]['bytes']:,} | {runs[-1]['pages'] or ''} |"
        )
    text = "\n".join(lines) + "\n"
    print(text)
    (BENCH / "out" / "reports.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
