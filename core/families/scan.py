"""Story families: which documents of a folder are versions of one story.

``scan_folder`` walks a folder, fingerprints every document (``core.families.fingerprint``;
cached per file by size and mtime, in worker processes for large folders), finds
candidate pairs by LSH banding of the MinHash signatures (no all-pairs
comparison), verifies each candidate exactly and groups the documents joined by a
verified pair into families (connected components).

A pair is kept when either signal passes its threshold (measured on 10,000 articles,
see ``bench/README.md``):

* the word similarity (contract scale) is at least ``threshold`` (default 0.25):
  cut, edited and reordered versions; unrelated articles on the same topic score
  under 0.06;
* or at least ``key_threshold`` (default 0.5) of the smaller key-word set is in the
  other and that set has at least ``MIN_KEYS`` words: rewritten versions, which share
  names, numbers and vocabulary but hardly a run of four words.

The likely original of a family is the member that covers the others best: the
highest sum, over the other members, of the share of their words (and of their key
words) that it holds. An editor's versions are cut, simplified or edited copies of
it, so it holds most of what each of them says.

Every document's ``closest`` is the most similar member of its own family (by word
similarity), or, for a document in no family, the most similar candidate; none
when no other document shares anything with it.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence, Set
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from core.engine.aside import usable_cpus
from core.errors import CancelledError, LoadError
from core.families.cache import (
    CachedFingerprint,
    cache_file,
    load_cache,
    save_cache,
)
from core.families.fingerprint import (
    Fingerprint,
    coverage,
    estimate_jaccard,
    fingerprint_text,
    key_containment,
    word_similarity,
)
from core.gcpause import collector_paused
from core.text.document import DEFAULT_MAX_BYTES, document_from_bytes, load_document
from core.text.folder import walk_folder

DEFAULT_THRESHOLD = 0.25
DEFAULT_KEY_THRESHOLD = 0.5
MIN_KEYS = 12
RARE_MIN_DOCS = 10
RARE_SHARE = 0.01
INDEX_MAX_DOCS = 20
INDEX_MIN_SHARED = 2
# Under this estimated shingle Jaccard (a Dice of 0.06) the word similarity is
# estimated, not computed: it cannot reach any sensible threshold.
EXACT_FLOOR = 0.03
BAND_ROWS = 2
# A bucket this full holds a phrase or word common to many texts, not a story.
MAX_BUCKET = 40
# Up to this many documents, every pair with any shared signal is a candidate.
ALL_PAIRS_LIMIT = 300
# Fingerprint in worker processes when at least this many files need it.
PARALLEL_MIN_FILES = 400

Progress = Callable[[int, int], None] | None
Cancel = Callable[[], bool] | None


@dataclass(frozen=True, slots=True)
class ScanOptions:
    """How a folder is scanned.

    Attributes:
        threshold: word similarity at which two documents are versions of one story.
        key_threshold: key-word containment at which they are (rewritten versions).
        recursive: descend into subfolders.
        max_bytes: larger files are reported as errors.
        use_cache: read and write the fingerprint cache.
        workers: worker processes for fingerprinting (None: the CPU count).
        cache_dir: the cache folder (None: ``core.paths.app_paths().cache``).
    """

    threshold: float = DEFAULT_THRESHOLD
    key_threshold: float = DEFAULT_KEY_THRESHOLD
    recursive: bool = True
    max_bytes: int = DEFAULT_MAX_BYTES
    use_cache: bool = True
    workers: int | None = None
    cache_dir: Path | None = None


@dataclass(frozen=True, slots=True)
class ScannedDocument:
    """One loadable document of the folder.

    Attributes:
        path: absolute path (give it to ``load_document``).
        relpath: path relative to the root with ``/`` separators, printable.
        words: word count (the contract's tokenizer).
        encoding: the encoding it was decoded with.
        family: id of its family, or None.
        closest: ``relpath`` of its most similar other document, or None.
        similarity: word similarity to ``closest`` (contract scale), or None.
    """

    path: str
    relpath: str
    words: int
    encoding: str
    family: int | None
    closest: str | None
    similarity: float | None


@dataclass(frozen=True, slots=True)
class Family:
    """Two or more versions of one story: member relpaths in order, and the original."""

    id: int
    members: tuple[str, ...]
    original: str


@dataclass(frozen=True, slots=True)
class ScanError:
    """A file that could not be used, with a human-readable reason."""

    relpath: str
    reason: str


@dataclass(frozen=True, slots=True)
class ScanStats:
    """What the scan did (for benchmarks and tests).

    Attributes:
        fingerprinted: documents fingerprinted in this scan (not from the cache).
        cached: fingerprints taken from the cache.
        candidates: candidate pairs verified.
    """

    fingerprinted: int
    cached: int
    candidates: int


@dataclass(frozen=True, slots=True)
class ScanResult:
    """The frozen result of ``scan_folder``."""

    root: str
    documents: tuple[ScannedDocument, ...]
    families: tuple[Family, ...]
    errors: tuple[ScanError, ...]
    stats: ScanStats
    fingerprints: tuple[Fingerprint, ...] = field(repr=False, default=())


@dataclass(frozen=True, slots=True)
class PairVerdict:
    """A verified candidate pair (``verify``).

    Attributes:
        similarity: word similarity (contract scale); an estimate when not ``exact``.
        keys: key-word containment (share of the smaller rare key-word set).
        linked: the pair makes the two documents versions of one story.
        exact: ``similarity`` was computed, not estimated from the signatures.
    """

    similarity: float
    keys: float
    linked: bool
    exact: bool = True


@dataclass(frozen=True, slots=True)
class CandidateRule:
    """How candidate pairs are found among ``n`` documents (``candidate_rule``).

    Attributes:
        band_rows: signature bins per LSH band.
        max_bucket: a band bucket with more documents gives no pairs (None: no cap).
        index_max_docs: a rare key word in more documents gives no pairs (None: no cap).
        min_shared: rare key words a pair must share to be a candidate.
    """

    band_rows: int
    max_bucket: int | None
    index_max_docs: int | None
    min_shared: int


def _check(should_cancel: Cancel) -> None:
    if should_cancel is not None and should_cancel():
        raise CancelledError("scan cancelled")


def fingerprint_file(path: str, max_bytes: int) -> tuple[Fingerprint, str] | str:
    """Load and fingerprint one file: ``(fingerprint, encoding)``, or the reason it failed."""
    try:
        doc = load_document(path, max_bytes=max_bytes)
    except LoadError as error:
        return error.reason
    return fingerprint_text(doc.text), doc.encoding


def fingerprint_bytes(data: bytes, name: str, max_bytes: int) -> tuple[Fingerprint, str] | str:
    """Decode and fingerprint one file's bytes read elsewhere (a remote store):
    ``(fingerprint, encoding)``, or the reason it failed."""
    try:
        doc = document_from_bytes(data, name, max_bytes=max_bytes)
    except LoadError as error:
        return error.reason
    return fingerprint_text(doc.text), doc.encoding


def _fingerprint_job(job: tuple[int, str, int]) -> tuple[int, tuple[Fingerprint, str] | str]:
    index, path, max_bytes = job
    return index, fingerprint_file(path, max_bytes)


def _compute(
    jobs: list[tuple[int, str, int]], workers: int, should_cancel: Cancel
) -> Iterator[tuple[int, tuple[Fingerprint, str] | str]]:
    """Fingerprint files, in worker processes when there are many."""
    if workers <= 1 or len(jobs) < PARALLEL_MIN_FILES:
        for job in jobs:
            _check(should_cancel)
            yield _fingerprint_job(job)
        return
    # spawn, not fork: the window calls this from a thread of a Qt process.
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(workers)
    try:
        for item in pool.imap_unordered(_fingerprint_job, jobs, chunksize=32):
            _check(should_cancel)
            yield item
    finally:
        pool.terminate()
        pool.join()


def _fingerprints(
    root: str, options: ScanOptions, progress: Progress, should_cancel: Cancel
) -> tuple[list[tuple[str, str, int, float]], dict[int, CachedFingerprint], list[ScanError], int]:
    """Walk and fingerprint: the files, their fingerprints by index, errors, cache hits."""
    files: list[tuple[str, str, int, float]] = []
    errors: list[ScanError] = []
    for entry in walk_folder(root, recursive=options.recursive, should_cancel=should_cancel):
        if entry.error is not None:
            errors.append(ScanError(entry.relpath, entry.error))
        else:
            files.append((entry.path, entry.relpath, entry.size, entry.mtime))
    store = cache_file(root, options.cache_dir)
    cached = load_cache(store) if options.use_cache else {}
    found: dict[int, CachedFingerprint] = {}
    jobs: list[tuple[int, str, int]] = []
    for i, (path, relpath, size, mtime) in enumerate(files):
        hit = cached.get(relpath)
        if hit is not None and hit.size == size and hit.mtime == mtime:
            found[i] = hit
        else:
            jobs.append((i, path, options.max_bytes))
    hits = len(found)
    done = hits
    if progress is not None:
        progress(done, len(files))
    workers = options.workers or min(usable_cpus(), 8)
    for i, outcome in _compute(jobs, workers, should_cancel):
        if isinstance(outcome, str):
            errors.append(ScanError(files[i][1], outcome))
        else:
            found[i] = CachedFingerprint(files[i][2], files[i][3], outcome[1], outcome[0])
        done += 1
        if progress is not None and (done % 50 == 0 or done == len(files)):
            progress(done, len(files))
    if options.use_cache and (jobs or len(cached) != len(found)):
        save_cache(store, {files[i][1]: found[i] for i in sorted(found)})
    return files, found, errors, hits


def candidate_rule(n: int) -> CandidateRule:
    """The candidate rule for ``n`` documents.

    Up to ``ALL_PAIRS_LIMIT`` documents, every pair sharing a signature bin (an
    estimated Jaccard above 0) or a rare key word is a candidate: bands of one bin,
    no caps. Beyond, bands of ``BAND_ROWS`` bins in buckets of at most
    ``MAX_BUCKET`` documents, and ``INDEX_MIN_SHARED`` shared rare key words each
    found in at most ``INDEX_MAX_DOCS`` documents.
    """
    if n <= ALL_PAIRS_LIMIT:
        return CandidateRule(1, None, None, 1)
    return CandidateRule(BAND_ROWS, MAX_BUCKET, INDEX_MAX_DOCS, INDEX_MIN_SHARED)


def band_keys(signature: Sequence[int], rows: int) -> Iterator[tuple[int, ...]]:
    """The LSH band keys of a signature: each band's first bin and its values."""
    for start in range(0, len(signature), rows):
        yield (start, *signature[start : start + rows])


def bucket_pairs(members: Sequence[int], limit: int | None) -> Iterator[tuple[int, int]]:
    """The pairs of a bucket's documents (in ascending order), none when it holds
    more than ``limit``."""
    if len(members) < 2 or (limit is not None and len(members) > limit):
        return iter(())
    return combinations(members, 2)


def candidate_pairs(
    fps: list[Fingerprint], keys: list[frozenset[int]], should_cancel: Cancel = None
) -> set[tuple[int, int]]:
    """Pairs of indices worth verifying, without comparing all pairs.

    Two sources (``candidate_rule``): LSH banding of the shingle signatures
    (``BAND_ROWS`` bins a band: a pair with shingle Jaccard 0.2 shares a band with
    probability 0.93), and an inverted index of rare key words found in at most
    ``INDEX_MAX_DOCS`` documents: a pair sharing ``INDEX_MIN_SHARED`` of them is a
    candidate (rewritten versions). Up to ``ALL_PAIRS_LIMIT`` documents, every pair
    sharing a bin or a key word is one.
    """
    rule = candidate_rule(len(fps))
    buckets: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for i, fp in enumerate(fps):
        for band in band_keys(fp.signature_array(), rule.band_rows):
            buckets[band].append(i)
    _check(should_cancel)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        pairs.update(bucket_pairs(members, rule.max_bucket))
    index: dict[int, list[int]] = defaultdict(list)
    for i, doc_keys in enumerate(keys):
        for key in doc_keys:
            index[key].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for docs in index.values():
        shared.update(bucket_pairs(docs, rule.index_max_docs))
    _check(should_cancel)
    pairs.update(p for p, count in shared.items() if count >= rule.min_shared)
    return pairs


def _in_order(pairs: set[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The pairs in sorted order, sorted row by row.

    One ``sorted()`` of 150,000 pairs is a single C call that holds the interpreter
    lock for over 100 ms, and the window's thread waits that long; small sorts do not.
    """
    rows: dict[int, list[int]] = defaultdict(list)
    for i, j in pairs:
        rows[i].append(j)
    for i in sorted(rows):
        for j in sorted(rows[i]):
            yield i, j


def rare_keys(fps: list[Fingerprint]) -> list[frozenset[int]]:
    """Each document's key words without those common in this folder.

    A key word in more than ``max(RARE_MIN_DOCS, RARE_SHARE * n)`` of the n documents
    is the folder's common vocabulary (a section's subject, a house name), not a
    trace of one story.
    """
    counts: Counter[int] = Counter()
    for fp in fps:
        counts.update(fp.key_array())
    limit = rare_limit(len(fps))
    common = {k for k, c in counts.items() if c > limit}
    return [rare_keys_of(fp, common) for fp in fps]


def rare_limit(n: int) -> float:
    """A key word in more than this many of ``n`` documents is common (``rare_keys``)."""
    return max(RARE_MIN_DOCS, RARE_SHARE * n)


def rare_keys_of(fp: Fingerprint, common: Set[int]) -> frozenset[int]:
    """A document's key words without the common ones."""
    return frozenset(fp.key_array()).difference(common)


def needs_shingles(a: Fingerprint, b: Fingerprint) -> bool:
    """Whether ``verify`` computes the pair's word similarity (it reads the shingles)
    rather than estimating it from the signatures."""
    return estimate_jaccard(a.signature_array(), b.signature_array()) >= EXACT_FLOOR


def verify(
    a: Fingerprint,
    b: Fingerprint,
    keys_a: frozenset[int],
    keys_b: frozenset[int],
    options: ScanOptions,
) -> PairVerdict:
    """Similarity and key-word containment of a candidate pair, and the verdict.

    The word similarity is computed exactly unless the signatures show the shingle
    sets too far apart for it to reach ``threshold`` (estimated Jaccard under
    ``EXACT_FLOOR``): then it is the estimate ``2J / (1 + J)``, marked inexact.
    """
    keys, smaller = key_containment(keys_a, keys_b)
    jaccard = estimate_jaccard(a.signature_array(), b.signature_array())
    if jaccard >= EXACT_FLOOR:
        similarity, exact = word_similarity(a, b), True
    else:
        similarity, exact = 2 * jaccard / (1 + jaccard), False
    linked = similarity >= options.threshold or (
        smaller >= MIN_KEYS and keys >= options.key_threshold
    )
    return PairVerdict(similarity, keys, linked, exact)


def components(links: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The groups of documents joined by links (connected components), each of two or
    more, by their smallest id."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for i, j in links:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in sorted(parent):
        groups[find(i)].append(i)
    return list(groups.values())


def ordered_families(groups: list[list[int]], relpath: Callable[[int], str]) -> list[list[int]]:
    """Families in the scan's order (by first member path), members by path: the
    family id is the position."""
    families = [sorted(group, key=relpath) for group in groups]
    families.sort(key=lambda members: relpath(members[0]))
    return families


ClosestRank = tuple[bool, float, float, int]


def closest_rank(pair: PairVerdict, same_family: bool, other: int) -> ClosestRank:
    """How good ``other`` is as a document's closest: same family first, then word
    similarity, key words, and the lower index on a tie (the highest rank wins)."""
    return (same_family, pair.similarity, pair.keys, -other)


def _held_share(
    holder: Fingerprint, other: Fingerprint, kh: frozenset[int], ko: frozenset[int]
) -> float:
    """How much of ``other`` is in ``holder``: its covered words plus its shared key words."""
    covered = coverage(other, holder)[0] / other.words if other.words else 0.0
    keys = len(ko & kh) / len(ko) if ko else 0.0
    return covered + keys


def likely_original(
    members: list[int], fps: list[Fingerprint], keys: list[frozenset[int]], paths: list[str]
) -> int:
    """The member that holds the most of the others (ties: more words, then first path)."""

    def rank(m: int) -> tuple[float, int, str]:
        held = sum(_held_share(fps[m], fps[o], keys[m], keys[o]) for o in members if o != m)
        return (-round(held, 9), -fps[m].words, paths[m])

    return min(members, key=rank)


def scan_folder(
    root: str | os.PathLike[str],
    options: ScanOptions | None = None,
    progress: Progress = None,
    should_cancel: Cancel = None,
) -> ScanResult:
    """Fingerprint a folder's documents and group them into story families.

    Args:
        root: the folder.
        options: thresholds, cache and workers; defaults to ``ScanOptions()``.
        progress: called with ``(done, total)`` documents while fingerprinting.
        should_cancel: polled during the work; returning True stops it.

    Returns:
        The documents (walk order), families (by first member) and errors.

    Raises:
        FileMissingError, NotAFolderError, UnreadableError: the folder itself.
        CancelledError: ``should_cancel`` returned True.
    """
    # Full collections of the growing heap hold the interpreter lock for 100 ms and
    # more (the window's thread waits); the scan makes no reference cycles.
    with collector_paused():
        return _scan(root, options or ScanOptions(), progress, should_cancel)


def _scan(
    root: str | os.PathLike[str], options: ScanOptions, progress: Progress, should_cancel: Cancel
) -> ScanResult:
    top = os.path.abspath(os.fspath(root))
    files, found, errors, hits = _fingerprints(top, options, progress, should_cancel)
    order = sorted(found)
    fps = [found[i].fingerprint for i in order]
    relpaths = [files[i][1] for i in order]
    keys = rare_keys(fps)
    _check(should_cancel)
    verified: dict[tuple[int, int], PairVerdict] = {}
    for count, (i, j) in enumerate(_in_order(candidate_pairs(fps, keys, should_cancel))):
        if count % 256 == 0:
            _check(should_cancel)
        verified[(i, j)] = verify(fps[i], fps[j], keys[i], keys[j], options)
    groups = components(p for p, v in verified.items() if v.linked)
    family_of: dict[int, int] = {}
    families: list[Family] = []
    for fid, members in enumerate(ordered_families(groups, relpaths.__getitem__)):
        for i in members:
            family_of[i] = fid
        original = likely_original(members, fps, keys, relpaths)
        families.append(Family(fid, tuple(relpaths[i] for i in members), relpaths[original]))
    closest = _closest(fps, verified, family_of)
    documents = tuple(
        ScannedDocument(
            path=files[order[k]][0],
            relpath=relpaths[k],
            words=fps[k].words,
            encoding=found[order[k]].encoding,
            family=family_of.get(k),
            closest=relpaths[closest[k][0]] if k in closest else None,
            similarity=round(closest[k][1], 4) if k in closest else None,
        )
        for k in range(len(fps))
    )
    stats = ScanStats(len(found) - hits, hits, len(verified))
    return ScanResult(top, documents, tuple(families), tuple(errors), stats, tuple(fps))


def _closest(
    fps: list[Fingerprint], verified: dict[tuple[int, int], PairVerdict], family_of: dict[int, int]
) -> dict[int, tuple[int, float]]:
    """Each document's closest other document and their exact word similarity."""
    best: dict[int, tuple[ClosestRank, PairVerdict]] = {}
    for (i, j), pair in verified.items():
        same = family_of.get(i, -1) == family_of.get(j, -2)
        for me, other in ((i, j), (j, i)):
            rank = closest_rank(pair, same, other)
            if me not in best or rank > best[me][0]:
                best[me] = (rank, pair)
    closest: dict[int, tuple[int, float]] = {}
    for me, (rank, pair) in best.items():
        other = -rank[3]
        exact = pair.similarity if pair.exact else word_similarity(fps[me], fps[other])
        closest[me] = (other, exact)
    return closest


def similarity_matrix(result: ScanResult, exact: bool = False) -> list[list[float]]:
    """Pairwise similarity of the scanned documents, in ``result.documents`` order.

    Estimated from the MinHash signatures (Jaccard J of the shingle sets turned into
    the contract scale as 2J / (1 + J)), or computed exactly (``exact``: slower,
    meant for a few hundred documents). The diagonal is 1.
    """
    fps = result.fingerprints
    n = len(fps)
    matrix = [[1.0] * n for _ in range(n)]
    signatures = [fp.signature_array() for fp in fps]
    for i in range(n):
        for j in range(i + 1, n):
            if exact:
                value = word_similarity(fps[i], fps[j])
            else:
                jac = estimate_jaccard(signatures[i], signatures[j])
                value = 2 * jac / (1 + jac)
            matrix[i][j] = matrix[j][i] = round(value, 4)
    return matrix
