"""Quality of Redline's word marks on real revisions, beside difflib and diff-match-patch.

For each set of ``../shared/corpora`` (or ``--corpora DIR``) with human gold edit spans
(iterater-r3: English Wikipedia/Wikinews; ua-gec: Ukrainian proofreading; fcgec:
Chinese sentence corrections), on the same tokens (Redline's tokenizer, case kept):

- changed-token precision, recall and F1 of Redline (a token counts as marked when it
  lies in a delete or insert op or a moved block, or is spelled differently inside an
  equal op with ``exact`` False: a trivial difference, shown dimmed) against the gold
  (a token overlapping a gold edit span), beside
  ``difflib.SequenceMatcher`` (autojunk off) and diff-match-patch without cleanup on
  the same tokens, compared as written (whitespace inside a unit removed);
- sentence pairing P/R/F1 where the gold pairs sentences (ua-gec): a pair is an old
  and a new gold sentence that share one of Redline's rows;
- rows that start or end inside a sentence of Redline's own segmentation (must be 0);
- on the sets without gold (wiki-versions, jp-law-versions, itn-blurbs): how many
  equal tokens Redline links against a plain LCS (difflib), and broken rows.

Run: ``python bench/real_quality.py [--corpora DIR] [--limit N]``. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
from bisect import bisect_right
from collections.abc import Iterator
from pathlib import Path

from diff_match_patch import diff_match_patch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.engine.blocks import unit_boundaries
from core.engine.compare import compare
from core.engine.segment import segment
from core.engine.tokens import Tokens, tokenize
from core.model import CompareOptions, Comparison, Document

OPTIONS = CompareOptions(ignore_case=False)
Pair = tuple[str, str, list[tuple[int, int, int, int]], list[tuple[int, int, int, int]] | None]


def _gold_spans(edits: list[dict]) -> list[tuple[int, int, int, int]]:
    return [(e["old_start"], e["old_end"], e["new_start"], e["new_end"]) for e in edits]


def iterater(root: Path) -> Iterator[Pair]:
    for folder in sorted((root / "iterater-r3" / "pairs").iterdir()):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        yield (
            (folder / "old.txt").read_text(encoding="utf-8"),
            (folder / "new.txt").read_text(encoding="utf-8"),
            _gold_spans(gold["edits"]),
            None,
        )


def ua_gec(root: Path) -> Iterator[Pair]:
    for folder in sorted((root / "ua-gec" / "pairs").iterdir()):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        sentences = None
        if (folder / "sentences.jsonl").exists():
            lines = (folder / "sentences.jsonl").read_text(encoding="utf-8").splitlines()
            sentences = [
                (s["old_start"], s["old_end"], s["new_start"], s["new_end"])
                for s in map(json.loads, lines)
            ]
        yield (
            (folder / "old.txt").read_text(encoding="utf-8"),
            (folder / "new.txt").read_text(encoding="utf-8"),
            _gold_spans(gold["edits"]),
            sentences,
        )


def fcgec(root: Path) -> Iterator[Pair]:
    for line in (root / "fcgec" / "pairs.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        for ref in item.get("references") or ():
            if ref.get("edits_on") == "old":
                yield item["old"], ref["new"], _gold_spans(ref["edits"]), None
                break


def _lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def wiki(root: Path) -> Iterator[Pair]:
    base = root / "wiki-versions"
    for item in _lines(base / "manifest.jsonl"):
        old = (base / item["old"]).read_text(encoding="utf-8")
        new = (base / item["new"]).read_text(encoding="utf-8")
        yield old, new, [], None


def jp_law(root: Path) -> Iterator[Pair]:
    base = root / "jp-law-versions"
    for item in _lines(base / "manifest.jsonl"):
        old = (base / item["old"]).read_text(encoding="utf-8")
        new = (base / item["new"]).read_text(encoding="utf-8")
        yield old, new, [], None


def itn(root: Path) -> Iterator[Pair]:
    for item in _lines(root / "itn-blurbs" / "pairs.jsonl"):
        yield item["old"], item["new"], [], None


SETS = {
    "iterater-r3 (en)": (iterater, True),
    "ua-gec (uk)": (ua_gec, True),
    "fcgec (zh)": (fcgec, True),
    "wiki-versions (en)": (wiki, False),
    "jp-law-versions (ja)": (jp_law, False),
    "itn-blurbs (38 langs)": (itn, False),
}


def _overlaps(
    starts: tuple[int, ...], ends: tuple[int, ...], spans: list[tuple[int, int]]
) -> set[int]:
    """Token indices overlapping any span (an empty span marks the token it touches)."""
    hit: set[int] = set()
    for s, e in spans:
        if e == s:
            continue
        k = bisect_right(ends, s)
        while k < len(starts) and starts[k] < e:
            hit.add(k)
            k += 1
    return hit


def _raw(text: str, tokens: Tokens) -> list[str]:
    """Each unit as written, whitespace inside it removed (``eight - minute``)."""
    return ["".join(text[s:e].split()) for s, e in zip(tokens.starts, tokens.ends)]


def gold_marks(
    ta: Tokens, tb: Tokens, gold: list[tuple[int, int, int, int]]
) -> tuple[set[int], set[int]]:
    return (
        _overlaps(ta.starts, ta.ends, [(g[0], g[1]) for g in gold]),
        _overlaps(tb.starts, tb.ends, [(g[2], g[3]) for g in gold]),
    )


def redline_marks(c: Comparison, ta: Tokens, tb: Tokens) -> tuple[set[int], set[int]]:
    old_spans: list[tuple[int, int]] = []
    new_spans: list[tuple[int, int]] = []
    raw_a, raw_b = _raw(c.old.text, ta), _raw(c.new.text, tb)
    trivial_old: set[int] = set()
    trivial_new: set[int] = set()
    for block in c.blocks:
        if block.kind == "moved":
            if block.old:
                old_spans.append(block.old)
            if block.new:
                new_spans.append(block.new)
            continue
        for op in block.ops:
            if op.op == "equal" and op.exact:
                continue
            if op.op == "equal" and op.old and op.new and op.old[0] < op.old[1]:
                # A trivial difference: the units whose spelling differs (a spacing
                # difference alone is layout, which no word diff sees either).
                olds = sorted(_overlaps(ta.starts, ta.ends, [op.old]))
                news = sorted(_overlaps(tb.starts, tb.ends, [op.new]))
                if len(olds) == len(news) and op.new[0] < op.new[1]:
                    for i, j in zip(olds, news):
                        if raw_a[i] != raw_b[j]:
                            trivial_old.add(i)
                            trivial_new.add(j)
                    continue
            if op.old:
                old_spans.append(op.old)
            if op.new:
                new_spans.append(op.new)
    return (
        _overlaps(ta.starts, ta.ends, old_spans) | trivial_old,
        _overlaps(tb.starts, tb.ends, new_spans) | trivial_new,
    )


def _unmatched(n_a: int, n_b: int, equal: list[tuple[int, int, int]]) -> tuple[set[int], set[int]]:
    in_a = {i + k for i, _, n in equal for k in range(n)}
    in_b = {j + k for _, j, n in equal for k in range(n)}
    return set(range(n_a)) - in_a, set(range(n_b)) - in_b


def difflib_marks(ka: list[str], kb: list[str]) -> tuple[set[int], set[int]]:
    matcher = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
    return _unmatched(len(ka), len(kb), [tuple(m) for m in matcher.get_matching_blocks()])  # type: ignore[misc]


def dmp_marks(ka: list[str], kb: list[str]) -> tuple[set[int], set[int]]:
    table: dict[str, str] = {}
    chars = lambda keys: "".join(table.setdefault(k, chr(0x100 + len(table))) for k in keys)  # noqa: E731
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    diffs = engine.diff_main(chars(ka), chars(kb), False)
    equal = []
    i = j = 0
    for op, text in diffs:
        if op == 0:
            equal.append((i, j, len(text)))
            i += len(text)
            j += len(text)
        elif op < 0:
            i += len(text)
        else:
            j += len(text)
    return _unmatched(len(ka), len(kb), equal)


def _rows(c: Comparison) -> list[tuple[tuple[int, int] | None, tuple[int, int] | None]]:
    """The comparison's rows; before rows existed (older code), each block was a row."""
    rows = getattr(c, "rows", ())
    if rows:
        return [(r.old, r.new) for r in rows]
    return [(b.old, b.new) for b in c.blocks]


def broken_rows(c: Comparison) -> int:
    """Rows whose sides start or end inside a sentence (Redline's segmentation).

    A sentence start inside a unit (``bread --\na trifle``: a dash joins the words
    across the line end into one unit) moves to the next unit's start, as the
    engine's own boundaries do: no row can cut a unit.
    """
    count = 0
    for side in ("old", "new"):
        doc = c.old if side == "old" else c.new
        units = tokenize(doc.text, fold_case=False)
        raw = segment(doc.text).sentence_starts
        starts = [0] + [units.starts[k] for k in unit_boundaries(units.starts, raw)]
        for row in _rows(c):
            span = row[0] if side == "old" else row[1]
            if span is None:
                continue
            s, e = span
            # start: no sentence may start strictly inside the text before ``s`` of its sentence
            k = bisect_right(starts, s) - 1
            begins = k < 0 or not doc.text[starts[k] : s].strip()
            k2 = bisect_right(starts, e - 1)
            nxt = starts[k2] if k2 < len(starts) else len(doc.text)
            ends = not doc.text[e:nxt].strip()
            count += (not begins) + (not ends)
    return count


def pairing(c: Comparison, sentences: list[tuple[int, int, int, int]]) -> tuple[int, int, int]:
    """(found gold pairs, predicted pairs, gold pairs) over the gold's sentences."""
    old_of = sorted((s[0], s[1], k) for k, s in enumerate(sentences))
    new_of = sorted((s[2], s[3], k) for k, s in enumerate(sentences))

    def members(span: tuple[int, int] | None, table: list[tuple[int, int, int]]) -> set[int]:
        if span is None:
            return set()
        return {k for s, e, k in table if s < span[1] and e > span[0] and e > s}

    predicted: set[tuple[int, int]] = set()
    for row_old, row_new in _rows(c):
        olds, news = members(row_old, old_of), members(row_new, new_of)
        predicted |= {(a, b) for a in olds for b in news}
    gold = {(k, k) for k, s in enumerate(sentences) if s[1] > s[0] and s[3] > s[2]}
    return len(predicted & gold), len(predicted), len(gold)


def _prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 1.0
    r = tp / gold if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def run_set(name: str, pairs: Iterator[Pair], has_gold: bool, limit: int | None) -> dict:
    tally = {k: [0, 0, 0] for k in ("redline", "difflib", "dmp")}  # tp, predicted, gold
    links = {"redline": 0, "difflib": 0}
    fewer = 0
    pair_tally = [0, 0, 0]
    broken = count = 0
    seconds = 0.0
    for n, (old, new, gold, sentences) in enumerate(pairs):
        if limit is not None and n >= limit:
            break
        count += 1
        started = time.perf_counter()
        c = compare(Document("old", old), Document("new", new), OPTIONS)
        seconds += time.perf_counter() - started
        broken += broken_rows(c)
        ta, tb = tokenize(old, fold_case=False), tokenize(new, fold_case=False)
        ka, kb = _raw(old, ta), _raw(new, tb)
        marks = {
            "redline": redline_marks(c, ta, tb),
            "difflib": difflib_marks(ka, kb),
            "dmp": dmp_marks(ka, kb),
        }
        if has_gold:
            g_old, g_new = gold_marks(ta, tb, gold)
            for key, (m_old, m_new) in marks.items():
                tally[key][0] += len(m_old & g_old) + len(m_new & g_new)
                tally[key][1] += len(m_old) + len(m_new)
                tally[key][2] += len(g_old) + len(g_new)
        else:
            r_linked = len(ka) - len(marks["redline"][0])
            d_linked = len(ka) - len(marks["difflib"][0])
            links["redline"] += r_linked
            links["difflib"] += d_linked
            fewer += r_linked < d_linked
        if sentences:
            found, predicted, total = pairing(c, sentences)
            pair_tally[0] += found
            pair_tally[1] += predicted
            pair_tally[2] += total
    return {
        "name": name,
        "pairs": count,
        "gold": has_gold,
        "tally": tally,
        "links": links,
        "fewer": fewer,
        "pairing": pair_tally,
        "broken": broken,
        "seconds": seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parents[1]
    parser.add_argument("--corpora", type=Path, default=here.parent / "shared" / "corpora")
    parser.add_argument("--limit", type=int, default=None, help="pairs per set")
    parser.add_argument("--only", default="", help="run the sets whose name holds this")
    args = parser.parse_args()
    results = []
    for name, (reader, has_gold) in SETS.items():
        if args.only and args.only not in name:
            continue
        results.append(run_set(name, reader(args.corpora), has_gold, args.limit))
    print(
        "| set | pairs | redline P / R / F1 | difflib P / R / F1 | dmp (no cleanup) P / R / F1 "
        "| sentence pairing P / R / F1 | broken rows | redline s |"
    )
    print("|---|---:|---|---|---|---|---:|---:|")
    for r in results:
        cells = []
        for key in ("redline", "difflib", "dmp"):
            if r["gold"]:
                p, rr, f = _prf(*r["tally"][key])
                cells.append(f"{p:.3f} / {rr:.3f} / {f:.3f}")
            else:
                cells.append("–")
        if not r["gold"]:
            linked = r["links"]
            ratio = linked["redline"] / linked["difflib"] if linked["difflib"] else 1.0
            cells[0] = f"links {ratio:.3f} of LCS; fewer on {r['fewer']} of {r['pairs']}"
        pt = r["pairing"]
        pairing_cell = "–" if not pt[2] else " / ".join(f"{x:.3f}" for x in _prf(*pt))
        print(
            f"| {r['name']} | {r['pairs']} | {cells[0]} | {cells[1]} | {cells[2]} | "
            f"{pairing_cell} | {r['broken']} | {r['seconds']:.2f} |"
        )


if __name__ == "__main__":
    main()
