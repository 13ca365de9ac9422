#!/usr/bin/env python3
"""Changed-character precision, recall and F1 on fcgec (Chinese sentence pairs, char-span gold).

    .venv/bin/python bench/cjk_quality.py                  # Redline of this checkout + difflib
    .venv/bin/python bench/cjk_quality.py --sample 10      # also print 10 pairs to read by eye
    PYTHONPATH=/other/checkout .venv/bin/python bench/cjk_quality.py   # another engine

For every fcgec reference whose edits index the old sentence (references with a
reordering index the reordered sentence and are left out), the gold changed characters
are those inside the reference's edit spans, on the old side and on the new side. A
tool's changed characters are those inside its ``delete`` and ``insert`` ops (Redline,
``core.engine.compare``) or its ``replace``/``delete``/``insert`` opcodes (difflib's
``SequenceMatcher`` on characters, ``autojunk=False``). Precision, recall and F1 pool
the characters of all pairs, both sides. Whitespace is never counted.
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from core.engine.compare import compare  # noqa: E402
from core.model import Document  # noqa: E402

# shared/ lies beside the checkout (/work/main, /work/shared; CI: a copy beside the clone).
CORPUS = REPO.parent / "shared" / "corpora" / "fcgec" / "pairs.jsonl"

Marks = tuple[set[int], set[int]]


def pairs(path: Path) -> Iterator[tuple[str, str, Marks]]:
    """(old, new, gold changed characters) for every usable reference."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            for ref in row["references"]:
                if ref["edits_on"] != "old":
                    continue
                old_marks: set[int] = set()
                new_marks: set[int] = set()
                for e in ref["edits"]:
                    old_marks.update(range(e["old_start"], e["old_end"]))
                    new_marks.update(range(e["new_start"], e["new_end"]))
                yield row["old"], ref["new"], (old_marks, new_marks)


def _doc(text: str, name: str) -> Document:
    return Document(path=name, text=text)


def redline_marks(old: str, new: str) -> Marks:
    result = compare(_doc(old, "old"), _doc(new, "new"))
    om: set[int] = set()
    nm: set[int] = set()
    for block in result.blocks:
        for op in block.ops:
            if op.op == "delete" and op.old:
                om.update(range(*op.old))
            elif op.op == "insert" and op.new:
                nm.update(range(*op.new))
    return om, nm


def difflib_marks(old: str, new: str) -> Marks:
    om: set[int] = set()
    nm: set[int] = set()
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag != "equal":
            om.update(range(i1, i2))
            nm.update(range(j1, j2))
    return om, nm


def _visible(marks: set[int], text: str) -> set[int]:
    return {i for i in marks if not text[i].isspace()}


def score(rows: list[tuple[str, str, Marks, Marks]]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for old, new, gold, pred in rows:
        for side, text in ((0, old), (1, new)):
            g = _visible(gold[side], text)
            p = _visible(pred[side], text)
            tp += len(g & p)
            fp += len(p - g)
            fn += len(g - p)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _show(text: str, marks: set[int]) -> str:
    return "".join(f"[{c}]" if i in marks else c for i, c in enumerate(text))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sample", type=int, default=0, help="print this many pairs")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"{args.corpus}: not found (the fcgec corpus)", file=sys.stderr)
        return 1
    data = list(pairs(args.corpus))
    red = [(o, n, g, redline_marks(o, n)) for o, n, g in data]
    dif = [(o, n, g, difflib_marks(o, n)) for o, n, g in data]
    print(f"fcgec: {len(data)} references (edits on old), changed characters, both sides")
    print("| tool | precision | recall | F1 |")
    print("|---|---:|---:|---:|")
    for name, rows in (("Redline", red), ("difflib (characters)", dif)):
        p, r, f = score(rows)
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} |")
    for k in random.Random(11).sample(range(len(data)), min(args.sample, len(data))):
        old, new, gold, pred = red[k]
        print(f"\n#{k}\n gold old: {_show(old, gold[0])}\n gold new: {_show(new, gold[1])}")
        print(f" redl old: {_show(old, pred[0])}\n redl new: {_show(new, pred[1])}")
        dm = dif[k][3]
        print(f" diff old: {_show(old, dm[0])}\n diff new: {_show(new, dm[1])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
