"""Run a folder scan on a Dask cluster (``dask.distributed``), with the local scan's result.

The stages (``core.cluster.stages``) are Dask bag partitions: chunks of documents read
and fingerprinted on the workers and kept there (persisted), then shuffles
(``dask.bag``'s task shuffle, grouped so that bucket ``b`` is partition ``b`` and meets
chunk ``b``'s fingerprints): shared features (band keys and key words: the common
key words and the candidate votes), the votes to the chunk of a pair's second
document (the candidates, with its fingerprint without shingles), to the chunk of
its first (verified there when the signatures settle it) and, for the exact
similarity, back to the second's with the first's whole fingerprint; then the
members of each family (its original and its first member by path, which orders
the families) and each document's side of its verified pairs (its closest, then
named and its exact similarity computed in the closest's chunk). The folder is listed
on a worker and the report's rows stay on the workers (``core.cluster.report``): the
client holds counts and the family structure as integer arrays
(``core.cluster.join``: each document's family, 4 bytes; each family's original; the
verified links a partition at a time), never a file list, a path, a row per
document, a text or a fingerprint. A lost worker's chunks are read again by Dask
from the task graph.
"""

from __future__ import annotations

import importlib
import logging
import math
import os
import signal
import threading
import time
from array import array
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from core.cluster.join import (
    NUMBER,
    by_group,
    family_members,
    family_numbers,
    group_numbers,
    linked_pairs,
    originals,
    path_order,
)
from core.cluster.report import Counts, Report, chunk_report, family_reports, family_rows
from core.cluster.sources import listing, listing_counts, listing_part, scan_root
from core.cluster.stages import (
    Verified,
    best_closest,
    candidates_with_second,
    closest_named,
    closest_sides,
    features,
    group_features,
    read_chunk,
    read_count,
    verify_pairs,
    verify_with_first,
)
from core.errors import RedlineError
from core.families.scan import ScanOptions, candidate_rule, rare_limit

# Documents per chunk: a task reads at least this many (about 5 MB of articles), and
# more when there would be over MAX_CHUNKS chunks: up to 1,024 partitions a shuffle
# has two stages of 32 ways, and the scheduler's task count stays in the hundreds of
# thousands (10 million articles: chunks of 9,766, ~45 MB of fingerprints each).
CHUNK_SIZE = 1000
MAX_CHUNKS = 1024
# dask.bag's task shuffle splits each partition this many ways per stage.
MAX_BRANCH = 32
# Seconds between looks at a stage's progress: the first, doubled up to the last.
FIRST_POLL = 0.01
POLL = 0.5
LOCAL = "local"
EXTRA_MISSING = "--cluster needs Dask: pip install 'redline[cluster]'"

ClusterProgress = Callable[[str, int, int], None] | None


class ClusterError(RedlineError):
    """The cluster cannot be used (Dask missing, scheduler unreachable)."""


def _dask() -> tuple[Any, Any, Any]:
    """``dask``, ``dask.bag`` and ``distributed``, or a clear error without the extra."""
    try:
        modules = [importlib.import_module(m) for m in ("dask", "dask.bag", "distributed")]
    except ImportError:
        raise ClusterError(EXTRA_MISSING) from None
    return modules[0], modules[1], modules[2]


@contextmanager
def _terminal_interrupt_ignored() -> Iterator[None]:
    """Ignore SIGINT while the local workers start, so that they keep ignoring it.

    Ctrl+C reaches every process of the terminal's group: the workers would stop
    mid-task and the client's closing of the cluster would wait for them. This way
    only the client is interrupted, and it closes the cluster.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def cluster_client(address: str, workers: int | None = None) -> Iterator[Any]:
    """A ``distributed.Client`` of the scheduler at ``address``, or of a local cluster
    of ``workers`` processes (default: the CPU count) for ``local``; closed on exit."""
    _, _, distributed = _dask()
    cluster = None
    try:
        if address == LOCAL:
            with _terminal_interrupt_ignored():
                cluster = distributed.LocalCluster(
                    n_workers=workers or os.cpu_count() or 1,
                    threads_per_worker=1,
                    processes=True,
                    # The workers' log lines at shutdown are not the user's business.
                    silence_logs=logging.CRITICAL,
                    # Any free port: 8787 may be another cluster's on a shared machine.
                    dashboard_address=":0",
                )
            client = distributed.Client(cluster)
        else:
            client = distributed.Client(address, timeout="20s")
    except (OSError, TimeoutError) as error:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({error})") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def chunk_size_for(files: int) -> int:
    """Documents per chunk for a scan of ``files`` documents."""
    return max(CHUNK_SIZE, math.ceil(files / MAX_CHUNKS))


def shuffle_width(chunks: int) -> int:
    """The partition count at or above ``chunks`` that dask.bag's task shuffle keeps
    (it makes ``k ** stages`` partitions of ``n``)."""
    width = max(chunks, 1)
    while _shuffle_outputs(width) != width:
        width += 1
    return width


def _shuffle_outputs(n: int) -> int:
    stages = math.ceil(math.log(n) / math.log(MAX_BRANCH)) or 1
    k = n if stages == 1 else math.ceil(n ** (1 / stages))
    return int(k**stages)


def _bucket(record: tuple[int, object]) -> int:
    return record[0]


def _identity(bucket: int) -> int:
    return bucket


def _second(record: tuple[str, Any]) -> Any:
    return record[1]


class _Kind:
    """A picklable filter on ``(kind, payload)`` records."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __call__(self, record: tuple[str, object]) -> bool:
        return record[0] == self.kind


def _joined(first: list[Verified], second: list[Verified]) -> list[Verified]:
    return [*first, *second]


class _Scan:
    """One scan on a client: the stages in order, waiting with progress."""

    def __init__(
        self, client: Any, root: str, options: ScanOptions, progress: ClusterProgress
    ) -> None:
        self.dask, self.bag, self.distributed = _dask()
        self.client = client
        self.root = root
        self.options = options
        self.progress = progress
        self.chunk_size = 0
        self.width = 1

    def shuffle(self, routed: Any) -> Any:
        """Group ``(bucket, records)`` items so that partition ``b`` holds bucket ``b``."""
        groupby_tasks = importlib.import_module("dask.bag.core").groupby_tasks
        grouped = groupby_tasks(routed, _bucket, hash=_identity, max_branch=MAX_BRANCH)
        if grouped.npartitions != self.width:
            raise RuntimeError(f"shuffle made {grouped.npartitions} partitions of {self.width}")
        return grouped

    def wait(self, label: str, *collections: Any) -> list[Any]:
        """Persist collections on the cluster and wait, reporting tasks done / total."""
        persisted = self.client.persist(list(collections))
        futures = self.distributed.futures_of(persisted)
        total = sum(len(c.__dask_graph__()) for c in collections)
        # Polled, not ``distributed.wait(timeout=...)``: each wait that times out leaves
        # a pending task per future in the client's loop until that future is done
        # (~120,000 of them, ~150 MB, while 100,000 articles were verified).
        pause = FIRST_POLL
        while not all(future.done() for future in futures):
            time.sleep(pause)
            pause = min(pause * 2, POLL)
            self._report(label, total)
        if self.progress is not None:
            self.progress(label, total, total)
        return list(persisted)

    def _report(self, label: str, total: int) -> None:
        if self.progress is not None:
            left = self.client.run_on_scheduler(_unfinished)
            self.progress(label, max(total - left, 0), total)

    def get(self, collection: Any) -> Any:
        """A small result on the client, computed by this scan's client (never another
        one that happens to be the default)."""
        return self.client.compute(collection, sync=True)

    def listed(self) -> tuple[Any, int, int]:
        """The listing, held by a worker, with its counts of files and walk errors.

        Raises:
            RedlineError: the folder cannot be scanned (the local scan's message).
        """
        delayed = self.dask.delayed
        (listed,) = self.wait("listing", delayed(listing, pure=True)(self.root, self.options))
        counts = self.get(delayed(_counts, pure=True)(listed))
        if isinstance(counts, str):
            raise RedlineError(counts)
        return listed, counts[0], counts[1]

    def chunks(self, listed: Any, files: int) -> Any:
        """The documents read and fingerprinted, one chunk per partition (each read
        task takes its slice of the listing, cut where the listing is held)."""
        size = self.chunk_size = self.chunk_size or chunk_size_for(files)
        self.width = shuffle_width(math.ceil(files / size))
        delayed = self.dask.delayed
        part, read = delayed(listing_part, pure=True), delayed(read_chunk, pure=True)
        parts = [read(c, part(listed, c * size, (c + 1) * size)) for c in range(self.width)]
        return self.bag.from_delayed(parts)

    def run(self) -> Report:
        listed, files, walk_errors = self.listed()
        (chunks,) = self.wait("reading", self.chunks(listed, files))
        counts = self.get(chunks.map_partitions(read_count))
        documents, unread = sum(c[0] for c in counts), sum(c[1] for c in counts)
        verified, common = self.verify(chunks, documents)
        candidates = self.get(verified.count())
        links = self.pieces(verified.map_partitions(linked_pairs))
        group_of, groups = group_numbers(links, files)
        family_of, originals_of = self.families(chunks, listed, group_of, groups, common)
        reports, families = self.rows(chunks, verified, family_of, originals_of)
        total = Counts(documents, len(originals_of), walk_errors + unread, candidates)
        return Report(self.client, self.root, listed, reports, families, total)

    def pieces(self, collection: Any) -> Iterator[Any]:
        """A bag's items, computed on the workers at once and fetched a partition at a
        time (the client holds one partition's)."""
        futures = self.client.compute(collection.to_delayed())
        for future in futures:
            yield from future.result()
            future.release()

    def verify(self, chunks: Any, n: int) -> tuple[Any, frozenset[int]]:
        """The verified candidate pairs (held on the workers) and the common key words.

        The shuffled features and votes are released when this returns: only the
        chunks and the verified pairs stay in the workers' memory.
        """
        rule, limit = candidate_rule(n), rare_limit(n)
        shared = self.shuffle(chunks.map_partitions(features, rule, self.width))
        (grouped,) = self.wait(
            "key words and bands",
            shared.map_partitions(group_features, rule, limit, self.chunk_size),
        )
        common = frozenset(k for _, keys in self.get(grouped.filter(_Kind("common"))) for k in keys)
        votes = self.shuffle(grouped.filter(_Kind("votes")).map(_second))
        lights = chunks.map_partitions(candidates_with_second, votes, rule, self.chunk_size)
        settled = chunks.map_partitions(
            verify_with_first, self.shuffle(lights), common, self.options, self.chunk_size
        )
        exact = self.shuffle(settled.filter(_Kind("exact")).map(_second))
        pairs = self.bag.map_partitions(
            _joined,
            settled.filter(_Kind("verified")).map(_second),
            chunks.map_partitions(verify_pairs, exact, common, self.options),
        )
        (verified,) = self.wait("verifying pairs", pairs)
        return verified, common

    def families(
        self, chunks: Any, listed: Any, group_of: array[int], groups: int, common: frozenset[int]
    ) -> tuple[array[int], array[int]]:
        """Each document's family id (-1: none), in the local scan's order (by first
        member path), and each family's likely original (``group_of`` is renumbered)."""
        (shared,) = self.client.scatter([group_of], broadcast=True, hash=False)
        members = self.shuffle(chunks.map_partitions(family_members, shared, self.width))
        (found,) = self.wait("originals", members.map_partitions(originals, common))
        firsts, original_of_group = by_group(self.pieces(found), groups)
        del shared, members, found
        order = self.get(self.dask.delayed(path_order, pure=True)(listed, firsts))
        originals_of = array(NUMBER, (original_of_group[g] for g in order))
        return family_numbers(group_of, order), originals_of

    def rows(
        self, chunks: Any, verified: Any, family_of: array[int], originals_of: array[int]
    ) -> tuple[Any, Any]:
        """Each chunk's report rows (closest documents named) and the families' rows."""
        (shared,) = self.client.scatter([family_of], broadcast=True, hash=False)
        (kept,) = self.client.scatter([originals_of], broadcast=True, hash=False)
        sides = self.shuffle(verified.map_partitions(closest_sides, shared, self.chunk_size))
        best = self.shuffle(chunks.map_partitions(best_closest, sides, self.chunk_size))
        named = self.shuffle(chunks.map_partitions(closest_named, best, self.chunk_size))
        (reports,) = self.wait(
            "closest documents", chunks.map_partitions(chunk_report, named, shared)
        )
        if not originals_of:
            return reports, self.bag.from_sequence([], npartitions=1)
        routed = reports.map_partitions(family_rows, kept, self.width)
        (families,) = self.wait("families", self.shuffle(routed).map_partitions(family_reports))
        return reports, families


def _counts(found: Any) -> tuple[int, int] | str:
    return found if isinstance(found, str) else listing_counts(found)


def _unfinished(dask_scheduler: Any) -> int:
    """Tasks the scheduler has not finished (run on the scheduler: counted per task
    prefix, not per task, so that a poll stays cheap on a graph of millions)."""
    waiting = ("waiting", "processing", "queued", "no-worker")
    prefixes = dask_scheduler.task_prefixes.values()
    return sum(prefix.state_counts.get(state, 0) for prefix in prefixes for state in waiting)


def scan_with_client(
    client: Any,
    path: str,
    options: ScanOptions | None = None,
    progress: ClusterProgress = None,
    chunk_size: int | None = None,
) -> Report:
    """Scan a folder or fsspec URL on the cluster of ``client``: the local scan's
    result, as a report held on the workers (write it while the client is open).

    Args:
        client: a ``distributed.Client``.
        path: a folder every worker sees at this path, or an fsspec URL.
        options: thresholds and reading limits (the cache is not used).
        progress: called with ``(stage, tasks done, tasks total)`` while waiting.
        chunk_size: documents per read task (default: ``chunk_size_for`` the count).

    Raises:
        RedlineError: the folder itself cannot be scanned (the local scan's message).
        ClusterError: Dask is not installed.
    """
    scan = _Scan(client, scan_root(path), options or ScanOptions(), progress)
    scan.chunk_size = chunk_size or 0
    return scan.run()


@contextmanager
def scan_on_cluster(
    path: str,
    address: str,
    options: ScanOptions | None = None,
    workers: int | None = None,
    progress: ClusterProgress = None,
) -> Iterator[Report]:
    """``scan_with_client`` on the scheduler at ``address`` (``local``: a local cluster
    of ``workers`` processes): the report, to write before the client is closed on
    leaving (also on Ctrl+C)."""
    with cluster_client(address, workers) as client:
        yield scan_with_client(client, path, options, progress)
