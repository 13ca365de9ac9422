"""The scan on a Dask cluster against the local scan: identity, then time and memory.

    .venv/bin/python bench/bench_cluster.py identity [--folder bench/out/families]
    .venv/bin/python bench/bench_cluster.py time --count 100000 [--workers 2] [--runs 1]
    .venv/bin/python bench/bench_cluster.py sizes [--folder bench/out/families]
    .venv/bin/python bench/bench_cluster.py client --counts 10000 30000 [--peer DIR] [--runs 1]
        [--chunk-size N]

``identity`` scans the 10,000-article family folder (built by ``make_families.py``
when missing) locally and with ``--cluster local`` through the command line and
compares the JSON and the text listing byte for byte.

``time`` builds an archive of ``--count`` articles with the family generator
(``bench/out/families-<count>``) and times, each in a fresh child process, the local
scan (no cache; its own process pool of ``--workers``) against the cluster scan on a
local cluster of ``--workers`` worker processes: wall time, articles per second, the
client's peak RSS and the peak RSS of the largest worker (the local scan's pool
processes are its workers). Each cluster stage's end is timed too.

``client`` measures the client's peak RSS against the archive size: the cluster scan
of archives of each ``--counts`` (built like ``time``'s), the JSON written to a
temporary file as the command writes it; with ``--peer``, a checkout of another
version of ``core`` (``git archive COMMIT core | tar -x -C DIR``) scanned the same,
alternating, in the same run. The client's RSS is also taken once the cluster has
started (the base: Dask, the scheduler of a local cluster, which runs in the client's
process, and the engine's imports), so that what the scan adds shows. ``--chunk-size``
sets the documents per chunk (default: the scan's own, 1,000 up to a million
articles), to tell what grows with the chunks from what grows with the articles.

``sizes`` measures, on the folder, what each shuffle moves per article (pickled bytes
of the routed records, as Dask sends them) by running the stage functions in this
process on every chunk: the figures behind the 10-million estimate in ``README.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

CHILD_LOCAL = """
import json, resource, sys, time
sys.path.insert(0, {repo!r})
from core.families.scan import ScanOptions, scan_folder
if __name__ == "__main__":
    started = time.perf_counter()
    result = scan_folder({folder!r}, ScanOptions(use_cache=False, workers={workers}))
    seconds = time.perf_counter() - started
    print(json.dumps({{
        "seconds": seconds, "documents": len(result.documents),
        "families": len(result.families), "candidates": result.stats.candidates,
        "client_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "worker_rss": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    }}))
"""

CHILD_CLUSTER = """
import json, os, resource, sys, tempfile, time
sys.path.insert(0, {repo!r})
from core.cluster.run import cluster_client, scan_with_client
from core.families.scan_report import scan_to_json

def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

def written(result, target):
    # The JSON as the command writes it: in pieces from the workers (a report), or
    # in one (a ScanResult, before the report stayed on the workers).
    pieces = result.json_parts() if hasattr(result, "json_parts") else [scan_to_json(result)]
    size = 0
    with open(target, "w", encoding="utf-8") as stream:
        for piece in pieces:
            size += stream.write(piece)
    return size

def counted(result):
    if hasattr(result, "counts"):
        c = result.counts
        return c.documents, c.families, c.candidates
    return len(result.documents), len(result.families), result.stats.candidates

if __name__ == "__main__":
    stages = {{}}
    started = time.perf_counter()
    def progress(stage, done, total):
        if done >= total:
            stages[stage] = round(time.perf_counter() - started, 2)
    with cluster_client({address!r}, {workers}) as client, tempfile.TemporaryDirectory() as out:
        client.wait_for_workers({workers})
        ready = time.perf_counter() - started
        base = peak()
        result = scan_with_client(client, {folder!r}, progress=progress, chunk_size={chunk_size})
        size = written(result, os.path.join(out, "scan.json"))
        seconds = time.perf_counter() - started
        stages["written"] = round(seconds, 2)
        workers = client.run(peak)
        scheduler = client.run_on_scheduler(peak)
        documents, families, candidates = counted(result)
    print(json.dumps({{
        "seconds": seconds, "startup": ready, "stages": stages, "json_bytes": size,
        "documents": documents, "families": families, "candidates": candidates,
        "client_base": base, "client_rss": peak(), "worker_rss": max(workers.values()),
        "scheduler_rss": scheduler,
    }}))
"""


def _child(code: str) -> dict[str, object]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def _build(folder: Path, count: int) -> None:
    if not folder.exists():
        make = [sys.executable, str(BENCH / "make_families.py"), "--count", str(count)]
        subprocess.run([*make, "--out", str(folder)], check=True)


def identity(folder: Path, workers: int) -> int:
    """Local and cluster scans of the folder through the command line, compared."""
    _build(folder, 10_000)
    outputs = {}
    for fmt in ("json", "text"):
        for label, extra in (("local", []), ("cluster", ["--cluster", "local"])):
            if extra:
                extra += ["--workers", str(workers)]
            command = [sys.executable, "-m", "core.cli", "scan", str(folder), "--format", fmt]
            started = time.perf_counter()
            run = subprocess.run([*command, *extra], capture_output=True, cwd=REPO, check=True)
            seconds = time.perf_counter() - started
            outputs[(fmt, label)] = run.stdout
            print(f"{fmt:4} {label:7} {seconds:6.1f} s, {len(run.stdout):,} bytes")
    same = all(outputs[(f, "local")] == outputs[(f, "cluster")] for f in ("json", "text"))
    scan = json.loads(outputs[("json", "local")])
    print(
        f"{len(scan['documents'])} documents, {len(scan['families'])} families, "
        f"{len(scan['errors'])} not read: JSON and text {'IDENTICAL' if same else 'DIFFER'}"
    )
    return 0 if same else 1


def _archive(count: int) -> Path:
    """The archive of ``count`` articles (10,000: the identity folder), built if missing."""
    folder = BENCH / "out" / ("families" if count == 10_000 else f"families-{count // 1000}k")
    _build(folder, count)
    return folder


def client_peak(
    counts: list[int], workers: int, runs: int, peer: Path | None, chunk_size: int | None
) -> int:
    """The client's peak RSS of cluster scans of archives of each size (and of a peer)."""
    repos = {"this": REPO, **({"peer": peer} if peer else {})}
    rows = []
    for count in counts:
        folder = _archive(count)
        for _ in range(runs):
            for label, repo in repos.items():
                fields = {"repo": str(repo), "folder": str(folder), "workers": workers}
                fields["chunk_size"] = chunk_size
                with _scheduler_and_workers(workers, repo) as address:
                    run = _child(CHILD_CLUSTER.format(address=address, **fields))
                print(label, count, json.dumps(run), flush=True)
                rows.append((label, count, run))
    for label, count, run in rows:
        base, top = int(run["client_base"]) / 1024, int(run["client_rss"]) / 1024  # type: ignore[call-overload]
        seconds = float(run["seconds"])  # type: ignore[arg-type]
        print(
            f"{label:5} {count:7,} articles: client peak {top:5.0f} MB "
            f"(base {base:4.0f} MB, +{(top - base) * 1024 / count:5.2f} KB per article), "
            f"scheduler peak {int(run['scheduler_rss']) / 1024:4.0f} MB, "  # type: ignore[call-overload]
            f"worker peak {int(run['worker_rss']) / 1024:5.0f} MB, {seconds:6.1f} s, "  # type: ignore[call-overload]
            f"{count / seconds:4.0f} articles/s"
        )
    return 0


@contextlib.contextmanager
def _scheduler_and_workers(workers: int, repo: Path) -> Iterator[str]:
    """A scheduler and ``workers`` worker processes (one thread each, importing
    ``core`` from ``repo``), each in a process of its own, as on a real cluster: the
    client's memory is then the client's alone (a local cluster's scheduler runs in
    the client's process)."""
    env = {**os.environ, "PYTHONPATH": str(repo)}
    with tempfile.TemporaryDirectory() as folder:
        where = str(Path(folder) / "scheduler.json")
        python, quiet = [sys.executable, "-m"], subprocess.DEVNULL
        common = ["--scheduler-file", where, "--no-dashboard"]
        scheduler = [*python, "distributed.cli.dask_scheduler", *common, "--port", "0"]
        started = [subprocess.Popen(scheduler, stderr=quiet, env=env, cwd=folder)]
        try:
            while not Path(where).exists():
                time.sleep(0.2)
            time.sleep(0.5)  # written, then read whole
            address = json.loads(Path(where).read_text())["address"]
            worker = [*python, "distributed.cli.dask_worker", *common, "--nthreads", "1"]
            nworkers = ["--nworkers", str(workers)]
            started.append(
                subprocess.Popen([*worker, *nworkers], stderr=quiet, env=env, cwd=folder)
            )
            yield address
        finally:
            for process in reversed(started):
                process.terminate()
                process.wait()


def timing(count: int, workers: int, runs: int) -> int:
    """Local against cluster on an archive of ``count`` articles."""
    folder = _archive(count)
    fields = {"repo": str(REPO), "folder": str(folder), "workers": workers, "address": "local"}
    fields["chunk_size"] = None
    results: dict[str, list[dict[str, object]]] = {"local": [], "cluster": []}
    for _ in range(runs):
        for label, code in (("local", CHILD_LOCAL), ("cluster", CHILD_CLUSTER)):
            run = _child(code.format(**fields))
            results[label].append(run)
            print(label, json.dumps(run), flush=True)
    for label, found in results.items():
        seconds = statistics.median(float(r["seconds"]) for r in found)  # type: ignore[arg-type]
        run = found[0]
        print(
            f"{label:7}: {seconds:7.1f} s (median of {len(found)}), "
            f"{int(run['documents']) / seconds:6.0f} articles/s, "  # type: ignore[call-overload]
            f"client peak {int(run['client_rss']) / 1024:5.0f} MB, "  # type: ignore[call-overload]
            f"worker peak {int(run['worker_rss']) / 1024:5.0f} MB; "  # type: ignore[call-overload]
            f"{run['families']} families, {run['candidates']} candidates"
        )
    return 0


def sizes(folder: Path) -> int:
    """Pickled bytes per article of each shuffle's records (the stage functions run here)."""
    from core.cluster.join import family_members, group_numbers, linked_pairs, numbers
    from core.cluster.report import chunk_report, family_rows
    from core.cluster.sources import list_sources
    from core.cluster.stages import (
        best_closest,
        candidates_with_second,
        closest_named,
        closest_sides,
        features,
        group_features,
        read_chunk,
        verify_pairs,
        verify_with_first,
    )
    from core.families.scan import ScanOptions, candidate_rule, rare_limit

    _build(folder, 10_000)
    listing = list_sources(str(folder), ScanOptions())
    size = 1000
    chunks = [
        read_chunk(c, (listing.files[c * size : (c + 1) * size], listing.read))
        for c in range((len(listing.files) + size - 1) // size)
    ]
    n = sum(len(part[0].docs) for part in chunks)
    rule, limit, width = candidate_rule(n), rare_limit(n), len(chunks)
    moved: dict[str, int] = {}

    def route(name: str, parts: list[list[tuple[int, list[object]]]]) -> list[list[object]]:
        # One message per (source chunk, destination bucket), as the last stage sends.
        moved[name] = sum(len(pickle.dumps(item, protocol=5)) for p in parts for item in p)
        by_bucket: list[list[object]] = [[] for _ in range(width)]
        for part in parts:
            for bucket, records in part:
                by_bucket[bucket].append((bucket, records))
        return [[(b, items)] if items else [] for b, items in enumerate(by_bucket)]

    moved["fingerprints (held, not moved)"] = sum(len(pickle.dumps(p, 5)) for p in chunks)
    grouped = [
        group_features(g, rule, limit, size)
        for g in route("features", [features(p, rule, width) for p in chunks])
    ]
    common = {k for part in grouped for kind, keys in part if kind == "common" for k in keys}  # type: ignore[attr-defined]
    votes = route("votes", [[v for kind, v in part if kind == "votes"] for part in grouped])  # type: ignore[misc]
    lights = route(
        "pairs with the second's light fingerprint",
        [candidates_with_second(c, v, rule, size) for c, v in zip(chunks, votes)],
    )
    settled = [verify_with_first(c, h, common, ScanOptions(), size) for c, h in zip(chunks, lights)]
    exact = route(
        "exact pairs with the first's fingerprint",
        [[item for kind, item in part if kind == "exact"] for part in settled],
    )
    verified = [
        [v for kind, v in part if kind == "verified"] + verify_pairs(c, e, common, ScanOptions())
        for c, e, part in zip(chunks, exact, settled)
    ]
    links = [piece for part in verified for piece in linked_pairs(part)]
    group_of, groups = group_numbers(links, len(listing.files))
    family_of = group_of  # the families' order does not change the sizes
    route("family members", [family_members(c, group_of, width) for c in chunks])
    sides = route("closest sides", [closest_sides(v, family_of, size) for v in verified])
    best = route(
        "closest, to the closest's chunk", [best_closest(c, g, size) for c, g in zip(chunks, sides)]
    )
    named = route("closest named, back", [closest_named(c, g, size) for c, g in zip(chunks, best)])
    reports = [chunk_report(c, g, family_of) for c, g in zip(chunks, named)]
    originals = numbers(groups)  # each family's first member stands for its original
    for i in reversed(range(len(family_of))):
        if family_of[i] >= 0:
            originals[family_of[i]] = i
    route("family members' report rows", [family_rows(r, originals, width) for r in reports])
    moved["report rows (held, not moved)"] = sum(len(pickle.dumps(r, 5)) for r in reports)
    pairs = sum(len(v) for v in verified)
    print(f"{n} articles, {pairs} candidate pairs ({pairs / n:.1f} per article)")
    linked = sum(len(piece) for piece in links) // 2
    members = len(family_of) - family_of.count(-1)
    held = {"links (fetched a partition at a time)": 8 * linked, "family of each document": 4 * n}
    print(f"  {linked} linked pairs, {members} family members, {groups} families; the client:")
    for name, total in held.items():
        print(f"  {name:32} {total / 2**20:8.1f} MB  {total / n:8.1f} bytes/article")
    for name, total in moved.items():
        print(f"  {name:32} {total / 2**20:8.1f} MB  {total / n:8.0f} bytes/article")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=("identity", "time", "sizes", "client"))
    parser.add_argument("--counts", type=int, nargs="+", default=[10_000, 30_000])
    parser.add_argument("--peer", type=Path, help="a folder holding another version's core/")
    parser.add_argument("--folder", type=Path, default=BENCH / "out" / "families")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--chunk-size", type=int, help="documents per chunk (client)")
    args = parser.parse_args()
    if args.what == "identity":
        return identity(args.folder, args.workers)
    if args.what == "sizes":
        return sizes(args.folder)
    if args.what == "client":
        return client_peak(args.counts, args.workers, args.runs, args.peer, args.chunk_size)
    return timing(args.count, args.workers, args.runs)


if __name__ == "__main__":
    sys.exit(main())
