#!/usr/bin/env python3
"""Time ``redline compare --format json`` on hostile inputs, each against its target.

    .venv/bin/python bench/hostile.py                 # every case, median of 3 runs
    .venv/bin/python bench/hostile.py --runs 1 --only dots,quotes
    .venv/bin/python bench/hostile.py --scale 0.25    # quarter sizes (a quick look)
    .venv/bin/python bench/hostile.py --peer /tmp/main-checkout --timeout 60

Each case is a pair of generated texts (written to ``bench/out/hostile/``, git-ignored):
the text against a slightly changed copy ("changed") and against itself ("same").
A run is one whole ``.venv/bin/redline compare OLD NEW --format json`` process, output
to /dev/null; the figure is the median wall time of ``--runs`` runs. Shapes that only
text without spaces or endless punctuation reaches: a terminator pattern that
backtracks over a run of stops, a word pattern over one long unspaced run, a
sentence of a million characters handed to the word diff.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out" / "hostile"
MB = 1_000_000


def _change(text: str) -> str:
    """A slightly changed copy: a few characters replaced at 1/4, 1/2 and 3/4."""
    chars = list(text)
    for k in (1, 2, 3):
        i = len(chars) * k // 4
        chars[i : i + 3] = "XyZ"
    return "".join(chars)


def _lines(n: int) -> str:
    return "".join(f"line {i % 977}\n" for i in range(n))


def _long_urls(n: int) -> str:
    """Lines that end a sentence after a long URL, no space within 40 characters
    before the stop (the segmenter once copied the whole text before each)."""
    line = "See https://example.org/archive/{:06d}/a-rather-long-path-to-the-story. then more\n"
    return "".join(line.format(k) for k in range(n // len(line.format(0)) + 1))[:n]


def _cjk_figures(n: int) -> str:
    """Chinese rules on one line, each with three figures (no space anywhere)."""
    text = "".join(f"第{k}条规定罚款{k * 7}元并处拘留{k % 15}日。" for k in range(n // 12))
    return text[:n]


def _figures_changed(text: str) -> str:
    """Every third figure changed (the flags read each one's surroundings)."""
    count = iter(range(len(text)))
    return re.sub(r"\d+", lambda m: m.group() + "1" if next(count) % 3 == 0 else m.group(), text)


def _cjk_line(n: int) -> str:
    base = "国家食品药品监督管理总局决定对说明书进行修订并明确指出儿童禁用"
    return (base * (n // len(base) + 1))[:n]


def _names_run(n: int) -> str:
    """One sentence of capitalised names (every one a name of the document)."""
    return ("The " + " ".join(f"Name{k % 997:03d}x" for k in range(n // 9)) + " said.")[:n]


def _names_spelled_short(text: str) -> str:
    """Every name of ``_names_run`` replaced (the flags look for short forms and heads)."""
    return re.sub(r"Name(\d+)x", r"NX\1", text)


# name: (make the text, size argument, target seconds). The issue sets the targets
# of "dots", "quotes" (2 s) and "short-lines" (5 s); the other shapes get the same
# 2 s per MB as a yardstick.
CASES: dict[str, tuple[Callable[[int], str], int, float]] = {
    "dots": (lambda n: "." * n, MB, 2.0),
    "quotes": (lambda n: '"' * n, MB, 2.0),
    "short-lines": (_lines, MB, 5.0),
    "latin-no-spaces": (lambda n: ("abcdefghij" * (n // 10 + 1))[:n], MB, 2.0),
    "one-word": (lambda n: "word " * (n // 5), MB, 2.0),
    "same-sentence": (lambda n: "The cat sat on the mat. " * n, 100_000, 4.8),
    "long-urls": (_long_urls, MB, 2.0),
    "cjk-one-line": (_cjk_line, MB // 3, 2.0),
    "cjk-stops": (lambda n: "。" * n, MB // 3, 2.0),
    "cjk-figures": (_cjk_figures, MB // 3, 2.0),
    # Session 14's flags: a long run of changed names, a quoted term declined in every
    # word, Ukrainian "не" written joined in every word, a name spelled out against its
    # acronym in every place (each was quadratic once).
    "names-run": (_names_run, MB // 5, 2.0),
    "declined-quote": (lambda n: ("«" + "бомбового циклона " * (n // 18))[:n] + "»", MB // 5, 2.0),
    "cyrillic-not": (lambda n: ("Він " + "не знав " * (n // 8))[:n] + ".", MB // 5, 2.0),
    "acronym-run": (lambda n: "The " + "United Kingdom Office " * (n // 22) + "met.", MB // 5, 2.0),
    # Session 15's flags: names turned round beside a run of capitals, figures with units
    # and conversions in every place, a score turned round in every place.
    "names-turned": (
        lambda n: "Smith beat Jones and " + "Name Other " * (n // 11) + "met.",
        MB // 5,
        2.0,
    ),
    "units-run": (
        lambda n: "It ran 47 kilometres (29 miles) " * (n // 32) + "today.",
        MB // 5,
        2.0,
    ),
    "scores-run": (lambda n: "Won 3-1 at home. " * (n // 17), MB // 5, 2.0),
}
# Cases whose changed copy is not ``_change``'s three small changes.
CHANGED: dict[str, Callable[[str], str]] = {
    "cjk-figures": _figures_changed,
    "names-run": _names_spelled_short,
    "declined-quote": lambda t: t.replace("бомбового циклона", "бомбовый циклон"),
    "cyrillic-not": lambda t: t.replace("не знав", "небагато знав"),
    "acronym-run": lambda t: t.replace("United Kingdom Office", "UKO"),
    "names-turned": lambda t: t.replace("Smith beat Jones", "Jones beat Smith", 1),
    "units-run": lambda t: t.replace("kilometres (29 miles)", "km (29 mi)"),
    "scores-run": lambda t: t.replace("3-1", "1-3"),
}


def _redline() -> list[str]:
    exe = REPO / ".venv" / "bin" / "redline"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "gui.shell.launcher"]


def _write(name: str, text: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def _time(
    old: Path, new: Path, runs: int, timeout: float, peer: Path | None = None
) -> float | None:
    """Median wall time of whole processes; None when one failed or ran out of time.

    With ``peer`` (another checkout), the same console script runs that checkout's
    code (it comes first on ``PYTHONPATH``).
    """
    env = dict(os.environ)
    if peer is not None:
        env["PYTHONPATH"] = str(peer)
    times: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        try:
            proc = subprocess.run(
                [*_redline(), "compare", str(old), str(new), "--format", "json"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                timeout=timeout,
                check=False,
                cwd=REPO,
                env=env,
            )
        except subprocess.TimeoutExpired:
            return None
        if proc.returncode not in (0, 1):
            sys.stderr.write(proc.stderr.decode(errors="replace")[-2000:])
            return None
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="", help="comma-separated case names")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    parser.add_argument(
        "--peer", type=Path, help="another checkout (e.g. main's), timed the same way in turn"
    )
    args = parser.parse_args()
    names = [n for n in args.only.split(",") if n] or list(CASES)
    unknown = [n for n in names if n not in CASES]
    if unknown:
        print(f"unknown case(s): {', '.join(unknown)}; known: {', '.join(CASES)}", file=sys.stderr)
        return 2
    print(f"median of {args.runs} whole processes, seconds")
    peer_head = " peer |" if args.peer else ""
    print(f"| case | size | against | time | target | |{peer_head}")
    print(f"|---|---:|---|---:|---:|---|{'---:|' if args.peer else ''}")
    failed = 0
    for name in names:
        make, size, target = CASES[name]
        n = max(1, int(size * args.scale))
        text = make(n)
        old = _write(f"{name}-old.txt", text)
        new = _write(f"{name}-new.txt", CHANGED.get(name, _change)(text))
        for against, other in (("changed", new), ("same", old)):
            took = _time(old, other, args.runs, args.timeout)
            shown = f"> {args.timeout:.0f}" if took is None else f"{took:.2f}"
            # Targets hold for the full sizes; a scaled run only shows the times.
            ok = took is not None and (args.scale != 1.0 or took <= target)
            failed += not ok
            size_text = f"{len(text.encode('utf-8')) / MB:.2f} MB"
            verdict = "ok" if ok else "OVER"
            if args.scale != 1.0:
                verdict = "" if took is not None else "timeout"
            peer_cell = ""
            if args.peer:
                peer_took = _time(old, other, args.runs, args.timeout, args.peer)
                peer_cell = (
                    f" > {args.timeout:.0f} |" if peer_took is None else f" {peer_took:.2f} |"
                )
            print(
                f"| {name} | {size_text} | {against} | {shown} | {target:.1f} | {verdict} |"
                f"{peer_cell}",
                flush=True,
            )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
