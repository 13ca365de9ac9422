"""Hostile HTML: Redline's visible-text extraction against html.parser alone.

Usage::

    .venv/bin/python bench/html_floods.py [--runs 3]

Each page is a flood of one construct (``<!--``, ``<a ``, ...) with or without a
closing ``>`` at the very end, plus a real page (the bundled samples' HTML, repeated)
as the control. ``redline`` is ``core.text.html_text.html_to_text`` (linear guard,
then html.parser); the peer is the same extractor fed straight to html.parser, run
only up to 16 KB because it is quadratic (48 KB of ``<a `` takes it 30 s). Medians
of ``--runs`` runs, in seconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from core.text.html_text import _TextExtractor, html_to_text  # noqa: E402

FLOODS = ("<!--", "<a ", "<", '<a b="', "<!-- >", "<![CDATA[ >", "</a <b >")
REDLINE_SIZES = (16_384, 262_144, 1_048_576)
PEER_SIZES = (4_096, 16_384)


def _peer(markup: str) -> str:
    parser = _TextExtractor()
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError, IndexError):
        pass  # as html_to_text does
    return parser.text()


def _median(func: object, markup: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func(markup)  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _page() -> str:
    pages = sorted((REPO / "resources").rglob("*.htm*")) + sorted((REPO / "tests").rglob("*.htm*"))
    text = "".join(p.read_text("utf-8", "replace") for p in pages[:5])
    return text or "<p>A paragraph of <b>news</b> text &amp; more.</p>\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sizes = sorted(set(REDLINE_SIZES) | set(PEER_SIZES))
    print(
        "| page | end | "
        + " | ".join(f"{s // 1024} KB redline / html.parser" for s in sizes)
        + " |"
    )
    print("|---|---|" + "---:|" * len(sizes))
    cases = [(repr(unit), unit, end) for unit in FLOODS for end in ("", ">")]
    cases.append(("real page", _page(), ""))
    for name, unit, end in cases:
        cells = []
        for size in sizes:
            markup = (unit * (size // len(unit) + 1))[:size] + end
            ours = _median(html_to_text, markup, args.runs) if size in REDLINE_SIZES else None
            peer = _median(_peer, markup, args.runs) if size in PEER_SIZES else None
            cells.append(
                f"{'' if ours is None else f'{ours:.3f}'} / {'' if peer is None else f'{peer:.3f}'}"
            )
        print(f"| {name} | {end or '-'} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
