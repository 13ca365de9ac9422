#!/usr/bin/env python3
"""Check ``redline compare --format json`` output on a bench pair against the planted edits.

    .venv/bin/python bench/check_output.py 1M            # runs redline, then checks
    .venv/bin/python bench/check_output.py 1M --json bench/out/1M/redline.json

Reports: (1) invariants of the JSON (spans inside the texts, every non-blank character
of old/new covered by exactly one block, ``equal`` ops join equal text); (2) per kind of
planted edit, how often the output shows it (a deletion as deleted words, a move as a
``moved`` block, a rewrap as no change at all); (3) changed words where nothing was
planted (false differences). Exit status 0 when the invariants hold.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"


def _norm(s: str) -> str:
    return " ".join(s.split()).casefold()


def _mask(n: int, spans: list[tuple[int, int]]) -> bytearray:
    m = bytearray(n)
    for a, b in spans:
        m[a:b] = b"\1" * (b - a)
    return m


def _share(mask: bytearray, text: str, a: int, b: int) -> float:
    """Share of the non-blank characters of text[a:b] that ``mask`` marks."""
    idx = [i for i in range(a, b) if not text[i].isspace()]
    return sum(mask[i] for i in idx) / len(idx) if idx else 0.0


# The verdicts that show a planted edit as it was made.
RIGHT = frozenset(("shown", "as move", "no change (right)"))


@dataclass
class Score:
    """How one JSON output shows the planted edits of a pair."""

    old: str
    new: str
    blocks: list[dict]
    stats: object
    problems: list[str]
    seen: dict[str, Counter[str]]
    examples: dict[str, list[str]]
    stray_old: list[tuple[int, int]]
    stray_new: list[tuple[int, int]]

    @property
    def planted(self) -> int:
        return sum(sum(c.values()) for c in self.seen.values())

    @property
    def right(self) -> int:
        """Planted edits shown as they were made (see ``RIGHT``)."""
        return sum(n for c in self.seen.values() for v, n in c.items() if v in RIGHT)

    @property
    def missed(self) -> int:
        return sum(c["missed"] for c in self.seen.values())

    @property
    def stray(self) -> int:
        """Deletions and insertions where nothing was planted."""
        return len(self.stray_old) + len(self.stray_new)


def check(label: str, json_path: Path | None, show: int = 3) -> int:
    pair = OUT / label
    if json_path is None:
        json_path = pair / "redline.json"
        cmd = [
            str(REPO / ".venv/bin/redline"),
            "compare",
            str(pair / "old.txt"),
            str(pair / "new.txt"),
            "--format",
            "json",
            "-o",
            str(json_path),
        ]
        rc = subprocess.run(cmd, check=False).returncode
        if rc not in (0, 1):
            print(f"redline exited {rc}")
            return 2
    report = json.loads(json_path.read_text("utf-8"))
    found = score(label, report, show)
    _print(label, found, show)
    return 0 if not found.problems else 1


def score(label: str, report: dict, show: int = 3) -> Score:
    """The invariants of ``report`` (a parsed JSON output on pair ``label``) and how
    it shows the pair's planted edits."""
    pair = OUT / label
    old = (pair / "old.txt").read_text("utf-8")
    new = (pair / "new.txt").read_text("utf-8")
    truth = json.loads((pair / "edits.json").read_text("utf-8"))
    blocks = report["blocks"]
    problems: list[str] = []

    # 1. Invariants.
    cover_old = [0] * len(old)
    cover_new = [0] * len(new)
    del_spans, ins_spans, moved_old, moved_new = [], [], [], []
    for k, blk in enumerate(blocks):
        for side, text, cover in (("old", old, cover_old), ("new", new, cover_new)):
            span = blk[side]
            if span is None:
                continue
            a, b = span
            if not 0 <= a <= b <= len(text):
                problems.append(f"block {k} {side} span {span} outside the text ({len(text)})")
                continue
            for i in range(a, b):
                cover[i] += 1
        if blk["kind"] == "moved":
            moved_old.append(tuple(blk["old"]))
            moved_new.append(tuple(blk["new"]))
        for op in blk["ops"]:
            if op["op"] == "equal":
                o, n = old[op["old"][0] : op["old"][1]], new[op["new"][0] : op["new"][1]]
                if _norm(o) != _norm(n) and op.get("exact", True):
                    problems.append(
                        f"block {k}: equal op joins different text {o[:60]!r} / {n[:60]!r}"
                    )
            elif op["op"] == "delete":
                del_spans.append(tuple(op["old"]))
            elif op["op"] == "insert":
                ins_spans.append(tuple(op["new"]))
    for side, text, cover in (("old", old, cover_old), ("new", new, cover_new)):
        gaps = [i for i, c in enumerate(cover) if c == 0 and not text[i].isspace()]
        overlaps = [i for i, c in enumerate(cover) if c > 1 and not text[i].isspace()]
        if gaps:
            problems.append(
                f"{side}: {len(gaps)} non-blank chars in no block, first at {gaps[0]}: "
                f"{text[gaps[0] : gaps[0] + 50]!r}"
            )
        if overlaps:
            problems.append(
                f"{side}: {len(overlaps)} non-blank chars in 2+ blocks, first at "
                f"{overlaps[0]}: {text[overlaps[0] : overlaps[0] + 50]!r}"
            )

    # 2. Planted edits.
    dmask, imask = _mask(len(old), del_spans), _mask(len(new), ins_spans)
    mo, mn = _mask(len(old), moved_old), _mask(len(new), moved_new)
    # Characters that content edits touched (a rewrap is judged on the rest only).
    po = _mask(
        len(old),
        [tuple(s) for e in truth["planted"] if e["kind"] != "rewrap" for s in e["old_spans"]],
    )
    pn = _mask(
        len(new),
        [tuple(s) for e in truth["planted"] if e["kind"] != "rewrap" for s in e["new_spans"]],
    )
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    for e in truth["planted"]:
        kind = e["kind"]
        olds, news = e["old_spans"], e["new_spans"]
        d = max((_share(dmask, old, a, b) for a, b in olds), default=0)
        i = max((_share(imask, new, a, b) for a, b in news), default=0)
        if kind == "delete":
            verdict = "shown" if d >= 0.9 else "partly" if d > 0 else "missed"
        elif kind == "insert":
            verdict = "shown" if i >= 0.9 else "partly" if i > 0 else "missed"
        elif kind in ("move_sentence", "move_paragraph"):
            m = min(_share(mo, old, *olds[0]), _share(mn, new, *news[0]))
            verdict = (
                "as move"
                if m >= 0.8
                else "as delete+insert"
                if d >= 0.8 and i >= 0.8
                else "partly"
                if m > 0 or d > 0
                else "missed"
            )
        elif kind == "rewrap":
            (oa, ob), (na, nb) = olds[0], news[0]
            false_d = any(dmask[k] and not po[k] for k in range(oa, ob))
            false_i = any(imask[k] and not pn[k] for k in range(na, nb))
            verdict = "false change" if false_d or false_i else "no change (right)"
        else:  # substitute, merge, split: some word change in the sentence
            verdict = "shown" if d > 0 or i > 0 else "missed"
        seen[kind][verdict] += 1
        if verdict in ("missed", "false change", "partly") and len(examples[kind]) < show:
            examples[kind].append(
                f"{verdict}: {e['detail']} old {olds[:1]} new {news[:1]}: "
                f"{(e['old_text'] or e['new_text'])[0][:90]!r}"
            )

    # 3. Changes where nothing was planted.
    stray_old = [s for s in del_spans if not any(po[s[0] : s[1]])]
    stray_new = [s for s in ins_spans if not any(pn[s[0] : s[1]])]

    return Score(
        old, new, blocks, report.get("stats"), problems, seen, examples, stray_old, stray_new
    )


def _print(label: str, found: Score, show: int) -> None:
    old, new, blocks = found.old, found.new, found.blocks
    print(f"pair {label}: {len(blocks)} blocks {dict(Counter(b['kind'] for b in blocks))}")
    print(f"stats: {found.stats}")
    print(f"invariants: {'OK' if not found.problems else f'{len(found.problems)} problem(s)'}")
    for p in found.problems[:10]:
        print(f"  ! {p}")
    print("planted edits, as shown by redline:")
    for kind in sorted(found.seen):
        print(f"  {kind:15} {dict(found.seen[kind])}")
        for ex in found.examples[kind]:
            print(f"      {ex}")
    print(
        f"shown as made: {found.right} of {found.planted} ({found.right / found.planted:.1%}); "
        f"missed: {found.missed}"
        if found.planted
        else "no planted edits"
    )
    print(
        f"changes where nothing was planted: {len(found.stray_old)} deletions, "
        f"{len(found.stray_new)} insertions"
    )
    for a, b in found.stray_old[:show]:
        print(f"      old {a}-{b}: {old[max(a - 30, 0) : b + 30]!r}")
    for a, b in found.stray_new[:show]:
        print(f"      new {a}-{b}: {new[max(a - 30, 0) : b + 30]!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("size", help="pair label, e.g. 1M")
    ap.add_argument("--json", type=Path, default=None, help="existing redline JSON output")
    ap.add_argument("--show", type=int, default=3, help="examples per kind")
    ap.add_argument(
        "--summary", action="store_true", help="one JSON line of counts (bench_compare.py)"
    )
    args = ap.parse_args(argv)
    if args.summary:
        if args.json is None:
            ap.error("--summary needs --json")
        return summarize(args.size, args.json)
    return check(args.size, args.json, args.show)


def summarize(label: str, json_path: Path) -> int:
    """Print the counts of ``score`` as one JSON line; exit status as ``check``'s."""
    found = score(label, json.loads(json_path.read_text("utf-8")), show=0)
    counts = {
        "planted": found.planted,
        "right": found.right,
        "missed": found.missed,
        "stray": found.stray,
        "problems": len(found.problems),
    }
    print(json.dumps(counts))
    return 0 if not found.problems else 1


if __name__ == "__main__":
    sys.exit(main())
