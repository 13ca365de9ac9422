"""The stages of a cluster scan, as functions of plain lists (Dask bag partitions).

Every document has an index (its place in the folder walk, as in the local scan)
and lives in one **chunk** of ``chunk_size`` consecutive indices: a chunk is read,
fingerprinted and kept on one worker (``read_chunk``). Candidate pairs, key-word
counts and closest documents are found (and, in ``core.cluster.join``, the
originals) by routing small records to
**buckets** (``(bucket, records)`` pairs that ``core.cluster.run`` shuffles so that
bucket ``b`` lands in partition ``b``): a record about document ``i`` goes to bucket
``chunk_of(i)`` and meets that chunk's fingerprints there, so fingerprints never
travel through a shuffle except to the workers that verify a pair or choose an
original.

The work on each document and each pair is the local scan's own
(``core.families.scan``): ``fingerprint_file``, ``band_keys``, ``bucket_pairs``,
``rare_keys_of``, ``verify``, ``closest_rank``, ``word_similarity``. Nothing here
imports Dask.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass, field
from typing import Any

from core.families.fingerprint import Fingerprint, word_similarity
from core.families.scan import (
    CandidateRule,
    ClosestRank,
    PairVerdict,
    ScanOptions,
    band_keys,
    bucket_pairs,
    closest_rank,
    needs_shingles,
    rare_keys_of,
    verify,
)

# Routed records: (bucket, records for that bucket).
Routed = tuple[int, list[Any]]
Reader = Callable[[str], "tuple[Fingerprint, str] | str"]


@dataclass(frozen=True, slots=True)
class Source:
    """A file to read: its walk index, the path the reader opens, its relative path."""

    index: int
    path: str
    relpath: str


@dataclass(frozen=True, slots=True)
class Read:
    """A fingerprinted document."""

    index: int
    path: str
    relpath: str
    encoding: str
    fingerprint: Fingerprint


@dataclass(frozen=True, slots=True)
class Unread:
    """A file that could not be read, and why."""

    index: int
    relpath: str
    reason: str


@dataclass(frozen=True, slots=True)
class Chunk:
    """The documents of one chunk, as read on a worker (a bag partition of one item).

    Attributes:
        id: the chunk's number (its bucket).
        docs: the documents read, by index.
        unread: the files that could not be read.
    """

    id: int
    docs: tuple[Read, ...]
    unread: tuple[Unread, ...]

    def by_index(self) -> dict[int, Read]:
        """The documents by index."""
        return {doc.index: doc for doc in self.docs}


@dataclass(frozen=True, slots=True)
class Verified:
    """A verified candidate pair ``i < j``."""

    i: int
    j: int
    verdict: PairVerdict


def read_chunk(chunk_id: int, part: tuple[Sequence[Source], Reader]) -> list[Chunk]:
    """Read and fingerprint a chunk's files (``part``: the files and the reader, a
    slice of the listing) with the local scan's loader."""
    sources, read = part
    docs: list[Read] = []
    unread: list[Unread] = []
    for source in sources:
        outcome = read(source.path)
        if isinstance(outcome, str):
            unread.append(Unread(source.index, source.relpath, outcome))
        else:
            docs.append(Read(source.index, source.path, source.relpath, outcome[1], outcome[0]))
    return [Chunk(chunk_id, tuple(docs), tuple(unread))]


def read_count(part: Iterable[Chunk]) -> list[tuple[int, int]]:
    """The documents a chunk read (the scan's ``n``: its candidate rule) and the files
    it could not read."""
    return [(len(chunk.docs), len(chunk.unread)) for chunk in part]


def _routed(buckets: dict[int, list[Any]]) -> list[Routed]:
    return list(buckets.items())


@dataclass(slots=True)
class FeatureBlock:
    """The features routed to one bucket, packed in arrays (a tuple per feature takes
    five times the memory, and a shuffle holds them all at once).

    Attributes:
        band_starts: each band's first bin.
        band_values: its bins, 32 bits each, in one number.
        band_docs: the document of each band.
        keys: key-word hashes.
        key_docs: the document of each key word.
    """

    band_starts: array[int] = field(default_factory=lambda: array("H"))
    band_values: array[int] = field(default_factory=lambda: array("Q"))
    band_docs: array[int] = field(default_factory=lambda: array("q"))
    keys: array[int] = field(default_factory=lambda: array("I"))
    key_docs: array[int] = field(default_factory=lambda: array("q"))


def features(part: Iterable[Chunk], rule: CandidateRule, width: int) -> list[Routed]:
    """Each document's band keys and key words, routed by a hash of the feature."""
    if rule.band_rows > 2:
        raise ValueError("bands of more than two bins do not fit one 64-bit number")
    blocks: dict[int, FeatureBlock] = defaultdict(FeatureBlock)
    for chunk in part:
        for doc in chunk.docs:
            for band in band_keys(doc.fingerprint.signature_array(), rule.band_rows):
                block = blocks[hash(band) % width]
                block.band_starts.append(band[0])
                block.band_values.append(_packed(band[1:]))
                block.band_docs.append(doc.index)
            for key in doc.fingerprint.key_array():
                block = blocks[key % width]
                block.keys.append(key)
                block.key_docs.append(doc.index)
    return [(bucket, [block]) for bucket, block in blocks.items()]


def _packed(values: Sequence[int]) -> int:
    packed = 0
    for value in values:
        packed = packed << 32 | value
    return packed


def bucket_records(grouped: Iterable[tuple[int, list[Routed]]], bucket: int | None) -> list[Any]:
    """The records of a shuffled partition (checked to be the expected bucket)."""
    records: list[Any] = []
    for key, routed in grouped:
        if bucket is not None and key != bucket:
            raise RuntimeError(f"shuffle put bucket {key} in partition {bucket}")
        for _, items in routed:
            records += items
    return records


def group_features(
    grouped: Iterable[tuple[int, list[Routed]]],
    rule: CandidateRule,
    limit: float,
    chunk_size: int,
) -> list[tuple[str, object]]:
    """Buckets of shared features: ``("common", key words in more than limit
    documents)`` and ``("votes", (chunk, [(i, j, from_band)]))`` routed to the chunk of
    ``j``: one vote per band pair, one per rare key word a pair shares."""
    bands: dict[int, list[int]] = defaultdict(list)
    keys: dict[int, list[int]] = defaultdict(list)
    for block in bucket_records(grouped, None):
        for start, value, doc in zip(block.band_starts, block.band_values, block.band_docs):
            bands[start << 64 | value].append(doc)
        for key, doc in zip(block.keys, block.key_docs):
            keys[key].append(doc)
    band: set[tuple[int, int]] = set()
    for docs in bands.values():
        docs.sort()
        band.update(bucket_pairs(docs, rule.max_bucket))
    del bands
    common: list[int] = []
    by_key: list[tuple[int, int]] = []
    for key, docs in keys.items():
        if len(docs) > limit:
            common.append(key)
        else:
            docs.sort()
            by_key += bucket_pairs(docs, rule.index_max_docs)
    routed: dict[int, list[Any]] = defaultdict(list)
    for i, j in band:
        routed[j // chunk_size].append((i, j, True))
    for i, j in by_key:
        routed[j // chunk_size].append((i, j, False))
    return [("common", common)] + [("votes", item) for item in routed.items()]


def candidates_with_second(
    part: Sequence[Chunk],
    grouped: Iterable[tuple[int, list[Routed]]],
    rule: CandidateRule,
    chunk_size: int,
) -> list[Routed]:
    """The candidate pairs whose second document is in this chunk (a band vote, or
    ``min_shared`` key-word votes), with that document's fingerprint without its
    shingles (``light``), routed to the first's chunk."""
    (chunk,) = part
    band: set[tuple[int, int]] = set()
    shared: Counter[tuple[int, int]] = Counter()
    for i, j, from_band in bucket_records(grouped, chunk.id):
        if from_band:
            band.add((i, j))
        else:
            shared[(i, j)] += 1
    band.update(p for p, count in shared.items() if count >= rule.min_shared)
    docs = chunk.by_index()
    lights: dict[int, Fingerprint] = {}
    routed: dict[int, list[Any]] = defaultdict(list)
    for i, j in band:
        second = lights.get(j) or lights.setdefault(j, light(docs[j].fingerprint))
        routed[i // chunk_size].append((i, j, second))
    return _routed(routed)


def light(fp: Fingerprint) -> Fingerprint:
    """A fingerprint without its shingles: a sixth of the bytes, enough for ``verify``
    when ``needs_shingles`` says no."""
    return Fingerprint(fp.words, b"", fp.keys, fp.signature)


def verify_with_first(
    part: Sequence[Chunk],
    grouped: Iterable[tuple[int, list[Routed]]],
    common: Set[int],
    options: ScanOptions,
    chunk_size: int,
) -> list[tuple[str, Any]]:
    """Verify the candidate pairs whose first document is in this chunk:
    ``("verified", Verified)`` when the signatures settle it, else ``("exact", routed
    record)`` with the first's whole fingerprint, for the second's chunk."""
    (chunk,) = part
    docs = chunk.by_index()
    out: list[tuple[str, Any]] = []
    for i, j, second in bucket_records(grouped, chunk.id):
        first = docs[i].fingerprint
        if needs_shingles(first, second):
            out.append(("exact", (j // chunk_size, [(i, j, first)])))
        else:
            keys_i, keys_j = rare_keys_of(first, common), rare_keys_of(second, common)
            out.append(("verified", Verified(i, j, verify(first, second, keys_i, keys_j, options))))
    return out


def verify_pairs(
    part: Sequence[Chunk],
    grouped: Iterable[tuple[int, list[Routed]]],
    common: Set[int],
    options: ScanOptions,
) -> list[Verified]:
    """Verify the candidate pairs whose second document is in this chunk (with the
    first's whole fingerprint)."""
    (chunk,) = part
    docs = chunk.by_index()
    rare: dict[int, frozenset[int]] = {}
    out: list[Verified] = []
    for i, j, first in bucket_records(grouped, chunk.id):
        second = docs[j].fingerprint
        keys_i = rare_keys_of(first, common)
        keys_j = rare.get(j) or rare.setdefault(j, rare_keys_of(second, common))
        out.append(Verified(i, j, verify(first, second, keys_i, keys_j, options)))
    return out


def closest_sides(
    part: Iterable[Verified], family_of: Sequence[int], chunk_size: int
) -> list[Routed]:
    """Both documents' view of each verified pair, routed to their chunks
    (``family_of``: each document's family, -1 for none)."""
    routed: dict[int, list[Any]] = defaultdict(list)
    for pair in part:
        family = family_of[pair.i]
        same = family >= 0 and family == family_of[pair.j]
        for me, other in ((pair.i, pair.j), (pair.j, pair.i)):
            rank = closest_rank(pair.verdict, same, other)
            routed[me // chunk_size].append((me, rank, pair.verdict))
    return _routed(routed)


def best_closest(
    part: Sequence[Chunk], grouped: Iterable[tuple[int, list[Routed]]], chunk_size: int
) -> list[Routed]:
    """Each document's closest, routed to the closest's chunk (for its path):
    ``(me, other, similarity, None)`` when the word similarity was computed, else
    ``(me, other, 0.0, my fingerprint)`` to compute it there."""
    (chunk,) = part
    best: dict[int, tuple[ClosestRank, PairVerdict]] = {}
    for me, rank, verdict in bucket_records(grouped, chunk.id):
        if me not in best or rank > best[me][0]:
            best[me] = (rank, verdict)
    docs = chunk.by_index()
    routed: dict[int, list[Any]] = defaultdict(list)
    for me, (rank, verdict) in best.items():
        other = -rank[3]
        record: tuple[int, int, float, Fingerprint | None]
        if verdict.exact:
            record = (me, other, verdict.similarity, None)
        else:
            record = (me, other, 0.0, docs[me].fingerprint)
        routed[other // chunk_size].append(record)
    return _routed(routed)


def closest_named(
    part: Sequence[Chunk], grouped: Iterable[tuple[int, list[Routed]]], chunk_size: int
) -> list[Routed]:
    """The closest documents of this chunk's documents' neighbours, named
    (``(me, closest's relative path, similarity)``, the word similarity computed where
    only estimated), routed back to their chunks."""
    (chunk,) = part
    docs = chunk.by_index()
    routed: dict[int, list[Any]] = defaultdict(list)
    for me, other, similarity, fp in bucket_records(grouped, chunk.id):
        near = docs[other]
        if fp is not None:
            similarity = word_similarity(fp, near.fingerprint)
        routed[me // chunk_size].append((me, near.relpath, similarity))
    return _routed(routed)
