"""The report of a cluster scan, made on the workers and written as it comes.

Each chunk's documents become rows (``chunk_report``: words, encoding, family,
closest, as the JSON and the listing show them) that stay on the workers, and the
rows of each family's members meet in the family's bucket (``family_reports``;
families in consecutive ids per bucket, so that the buckets in order are the
families in order). ``Report`` writes the JSON or the text listing from them, one
partition at a time, in order: the client holds one partition's text, never every
document. The pieces are ``core.families.scan_report``'s, so the bytes are the local
scan's.
"""

from __future__ import annotations

import importlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from core.cluster.sources import Listing
from core.cluster.stages import Chunk, Routed, bucket_records
from core.families.scan import Family, ScanError, ScannedDocument
from core.families.scan_report import (
    alone_line,
    document_entry,
    error_entry,
    error_line,
    family_entry,
    family_lines,
    json_item,
    json_parts,
    text_header,
    text_parts,
)


@dataclass(frozen=True, slots=True)
class ChunkReport:
    """A chunk's rows: ``(index, document)`` in index order, and the files not read."""

    docs: tuple[tuple[int, ScannedDocument], ...]
    unread: tuple[ScanError, ...]


@dataclass(frozen=True, slots=True)
class FamilyReport:
    """A family and its members' rows (in the family's order)."""

    family: Family
    members: tuple[ScannedDocument, ...]


@dataclass(frozen=True, slots=True)
class Counts:
    """What the listing's first line counts, and the candidate pairs verified."""

    documents: int
    families: int
    errors: int
    candidates: int


def chunk_report(
    part: Sequence[Chunk], grouped: Iterable[tuple[int, list[Routed]]], family_of: Sequence[int]
) -> list[ChunkReport]:
    """A chunk's rows, with each document's closest (``(me, relative path,
    similarity)`` records routed here) and family (``family_of``, -1 for none)."""
    (chunk,) = part
    closest = {me: (near, similarity) for me, near, similarity in bucket_records(grouped, None)}
    docs = []
    for doc in chunk.docs:
        near = closest.get(doc.index)
        family = family_of[doc.index]
        row = ScannedDocument(
            path=doc.path,
            relpath=doc.relpath,
            words=doc.fingerprint.words,
            encoding=doc.encoding,
            family=family if family >= 0 else None,
            closest=near[0] if near else None,
            similarity=round(near[1], 4) if near else None,
        )
        docs.append((doc.index, row))
    unread = tuple(ScanError(u.relpath, u.reason) for u in chunk.unread)
    return [ChunkReport(tuple(docs), unread)]


def family_rows(part: Iterable[ChunkReport], originals: Sequence[int], width: int) -> list[Routed]:
    """Family members' rows routed to their family's bucket (``id * width //
    families``: consecutive ids share a bucket), marked when the original
    (``originals``: each family's, by id)."""
    routed: dict[int, list[Any]] = defaultdict(list)
    families = len(originals)
    for report in part:
        for index, doc in report.docs:
            if doc.family is not None:
                original = originals[doc.family] == index
                routed[doc.family * width // families].append((index, doc, original))
    return list(routed.items())


def family_reports(grouped: Iterable[tuple[int, list[Routed]]]) -> list[FamilyReport]:
    """The families of a bucket, by id: members by path, as the local scan orders them."""
    by_family: dict[int, list[tuple[int, ScannedDocument, bool]]] = defaultdict(list)
    for record in bucket_records(grouped, None):
        by_family[record[1].family].append(record)
    out = []
    for fid in sorted(by_family):
        members = sorted(by_family[fid], key=lambda m: (m[1].relpath, m[0]))
        original = next(doc.relpath for _, doc, is_original in members if is_original)
        family = Family(fid, tuple(doc.relpath for _, doc, _ in members), original)
        out.append(FamilyReport(family, tuple(doc for _, doc, _ in members)))
    return out


def json_documents(part: Iterable[ChunkReport], root: str) -> list[str]:
    """A chunk's ``documents`` items, joined."""
    return [", ".join(json_item(document_entry(d, root)) for r in part for _, d in r.docs)]


def json_families(part: Iterable[FamilyReport]) -> list[str]:
    """A bucket's ``families`` items, joined."""
    return [", ".join(json_item(family_entry(f.family)) for f in part)]


def json_errors(part: Iterable[ChunkReport]) -> list[str]:
    """A chunk's ``errors`` items, joined."""
    return [", ".join(json_item(error_entry(e)) for r in part for e in r.unread)]


def json_walk_errors(found: Listing) -> list[str]:
    """The walk's ``errors`` items, joined (they come first)."""
    return [", ".join(json_item(error_entry(e)) for e in found.errors)]


def _lines(lines: Iterable[str]) -> str:
    return "".join(f"{line}\n" for line in lines)


def text_families(part: Iterable[FamilyReport]) -> list[str]:
    """A bucket's families in the listing."""
    blocks = (family_lines(f.family, {d.relpath: d for d in f.members}) for f in part)
    return [_lines(line for block in blocks for line in block)]


def text_alone(part: Iterable[ChunkReport]) -> list[str]:
    """A chunk's documents in no family, in the listing."""
    return [_lines(alone_line(d) for r in part for _, d in r.docs if d.family is None)]


def text_errors(part: Iterable[ChunkReport]) -> list[str]:
    """A chunk's files not read, in the listing."""
    return [_lines(error_line(e) for r in part for e in r.unread)]


def text_walk_errors(found: Listing) -> list[str]:
    """The walk's errors in the listing (they come first)."""
    return [_lines(error_line(e) for e in found.errors)]


class Report:
    """A finished cluster scan's report, held on the workers until written.

    Args:
        client: the ``distributed.Client`` the scan ran on (open while writing).
        root: the scan's root.
        listed: the listing (a persisted ``dask.delayed``).
        reports: the chunks' rows (a persisted bag of ``ChunkReport``).
        families: the families (a persisted bag of ``FamilyReport``).
        counts: the documents, families, errors and candidate pairs.
    """

    def __init__(
        self, client: Any, root: str, listed: Any, reports: Any, families: Any, counts: Counts
    ) -> None:
        self.client = client
        self.root = root
        self.listed = listed
        self.reports = reports
        self.families = families
        self.counts = counts

    def json_parts(self) -> Iterator[str]:
        """The scan contract's JSON, in pieces, as ``scan_to_json`` writes it."""
        root = self.root
        documents = self._pieces(self.reports.map_partitions(json_documents, root))
        families = self._pieces(self.families.map_partitions(json_families))
        return json_parts(root, documents, families, self._errors(json_walk_errors, json_errors))

    def text_parts(self) -> Iterator[str]:
        """The listing, in pieces, as ``scan_to_text`` writes it."""
        counts = self.counts
        header = text_header(self.root, counts.documents, counts.families, counts.errors)
        families = self._pieces(self.families.map_partitions(text_families))
        alone = self._pieces(self.reports.map_partitions(text_alone))
        return text_parts(header, families, alone, self._errors(text_walk_errors, text_errors))

    def _errors(self, walk: Any, unread: Any) -> Iterator[str]:
        delayed = importlib.import_module("dask").delayed
        yield from self.client.compute(delayed(walk, pure=True)(self.listed)).result()
        yield from self._pieces(self.reports.map_partitions(unread))

    def _pieces(self, rendered: Any) -> Iterator[str]:
        """A rendered bag's partitions in order: all computed on the workers at once,
        fetched one at a time."""
        futures = self.client.compute(rendered.to_delayed())
        for future in futures:
            yield from future.result()
            future.release()
