"""Time and score ``core.families.scan.scan_folder`` on the 10,000-article folder.

    .venv/bin/python bench/bench_families.py [--folder bench/out/families] [--workers 2]

Builds the folder with ``make_families.py`` when it is missing, then runs the scan
twice in fresh child processes: with an empty cache (cold) and with the cache the
first run wrote (warm). Reports wall time, pairwise precision and recall of the
families against ``families-truth.json``, how often the family's unchanged base is
judged the original, and, for threshold choice, the distribution of the two signals
over verified candidate pairs that are (or are not) versions of one story.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

from core.families.scan import ScanOptions, scan_folder, verify  # noqa: E402


def _run_child(folder: Path, cache: Path, workers: int) -> dict[str, object]:
    code = (
        f"import json,sys,time;sys.path.insert(0,{str(REPO)!r});"
        "from core.families.scan import ScanOptions,scan_folder;from pathlib import Path;"
        "t=time.perf_counter();"
        f"r=scan_folder({str(folder)!r},ScanOptions(workers={workers},cache_dir=Path({str(cache)!r})));"
        "e=time.perf_counter()-t;"
        "print(json.dumps({'seconds':e,'fingerprinted':r.stats.fingerprinted,"
        "'cached':r.stats.cached,'candidates':r.stats.candidates,"
        "'families':[list(f.members) for f in r.families],"
        "'originals':[f.original for f in r.families]}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def _pairs(groups: list[list[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for g in groups for p in combinations(g, 2)}  # type: ignore[misc]


def score(run: dict[str, object], truth: dict[str, object]) -> dict[str, float]:
    """Pairwise precision and recall, and the share of bases picked as original."""
    files = truth["files"]  # type: ignore[index]
    by_base: dict[str, list[str]] = defaultdict(list)
    kind = {}
    for f in files:  # type: ignore[union-attr]
        by_base[f["base"]].append(f["path"])
        kind[f["path"]] = f["kind"]
    true_pairs = _pairs([g for g in by_base.values() if len(g) > 1])
    found_pairs = _pairs(run["families"])  # type: ignore[arg-type]
    hit = len(true_pairs & found_pairs)
    rewrites = {p for p in true_pairs if "rewrite" in kind[p[0]] or "rewrite" in kind[p[1]]}
    with_base = [
        (members, original)
        for members, original in zip(run["families"], run["originals"])  # type: ignore[call-overload]
        if any(kind[m] == "same" for m in members)
    ]
    return {
        "precision": hit / len(found_pairs) if found_pairs else 1.0,
        "recall": hit / len(true_pairs),
        "recall_rewrite_pairs": len(rewrites & found_pairs) / len(rewrites),
        "true_pairs": len(true_pairs),
        "found_pairs": len(found_pairs),
        "original_is_base": sum(kind[o] == "same" for _, o in with_base) / len(with_base),
        "families_with_base": len(with_base),
    }


def signal_table(folder: Path, truth: dict[str, object], cache: Path) -> list[str]:
    """Percentiles of both signals over verified candidate pairs, true vs false."""
    result = scan_folder(folder, ScanOptions(cache_dir=cache))
    base = {f["path"]: f["base"] for f in truth["files"]}  # type: ignore[union-attr]
    kinds = {f["path"]: f["kind"] for f in truth["files"]}  # type: ignore[union-attr]
    from core.families.scan import candidate_pairs, rare_keys

    fps = list(result.fingerprints)
    keys = rare_keys(fps)
    rel = [d.relpath for d in result.documents]
    rows: dict[str, list[tuple[float, float]]] = defaultdict(list)
    options = ScanOptions()
    for i, j in candidate_pairs(fps, keys):
        pair = verify(fps[i], fps[j], keys[i], keys[j], options)
        if base[rel[i]] == base[rel[j]]:
            rw = "rewrite" in kinds[rel[i]] or "rewrite" in kinds[rel[j]]
            label = "same story, a rewrite" if rw else "same story, no rewrite"
        elif base[rel[i]].split(":")[0] == base[rel[j]].split(":")[0] and base[rel[i]][0] == "p":
            label = "other story, same section"
        else:
            label = "other story"
        rows[label].append((pair.similarity, pair.keys))
    lines = [
        "| pairs | n | similarity p1 / p50 / p99 / max | key containment p1 / p50 / p99 / max |"
    ]
    lines.append("|---|---:|---|---|")
    for label, values in sorted(rows.items()):
        sims = sorted(v[0] for v in values)
        keys = sorted(v[1] for v in values)

        def q(xs: list[float], p: float) -> str:
            return f"{xs[min(len(xs) - 1, int(p * len(xs)))]:.3f}"

        lines.append(
            f"| {label} | {len(values)} | {q(sims, 0.01)} / {q(sims, 0.5)} / {q(sims, 0.99)} / "
            f"{sims[-1]:.3f} | {q(keys, 0.01)} / {q(keys, 0.5)} / {q(keys, 0.99)} / "
            f"{keys[-1]:.3f} |"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folder", type=Path, default=BENCH / "out" / "families")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--signals", action="store_true", help="also print the signal table")
    args = parser.parse_args()
    if not args.folder.exists():
        subprocess.run([sys.executable, str(BENCH / "make_families.py")], check=True)
    truth = json.loads(args.folder.with_name(args.folder.name + "-truth.json").read_text())
    with tempfile.TemporaryDirectory() as cache_name:
        cache = Path(cache_name)
        for label in ("cold", "warm"):
            started = time.perf_counter()
            run = _run_child(args.folder, cache, args.workers)
            whole = time.perf_counter() - started
            s = score(run, truth)
            print(
                f"{label}: scan {run['seconds']:.2f} s (process {whole:.2f} s), "
                f"fingerprinted {run['fingerprinted']}, cached {run['cached']}, "
                f"candidates {run['candidates']}; precision {s['precision']:.4f}, "
                f"recall {s['recall']:.4f} (rewrite pairs {s['recall_rewrite_pairs']:.4f}); "
                f"pairs found {s['found_pairs']} / true {s['true_pairs']}; original = base in "
                f"{s['original_is_base']:.3f} of {s['families_with_base']} families"
            )
        if args.signals:
            print("\n".join(signal_table(args.folder, truth, cache)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
