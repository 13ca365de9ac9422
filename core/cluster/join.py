"""Story families of a cluster scan: joined on the client from the verified links,
numbered in the local scan's order, in integer arrays.

The client's share of a cluster scan grows with the archive only here, so it holds
numbers in ``array`` (4 bytes each), never a dict or a tuple per document: each
document's group (``group_numbers``: a union-find over an array of the document
count, groups numbered by their smallest member as ``core.families.scan.components``
numbers them), then, once the workers have found each group's first member by path
and its likely original (``family_members``, ``originals``) and the worker holding
the listing has put the groups in the order of those paths (``path_order``), each
document's family (``family_numbers``; -1: in no family). The links arrive a
partition at a time as flat ``i, j`` arrays (``linked_pairs``, on the workers).

Nothing here imports Dask.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field
from typing import Any

from core.cluster.sources import Listing
from core.cluster.stages import Chunk, Read, Routed, Verified, bucket_records
from core.families.scan import likely_original, rare_keys_of

# A signed C int: 4 bytes, document numbers up to 2**31 - 1 and -1 for none.
NUMBER = "i"
NONE = -1


def numbers(count: int, value: int = NONE) -> array[int]:
    """An array of ``count`` numbers, each ``value``."""
    return array(NUMBER, [value]) * count


def linked_pairs(part: Iterable[Verified]) -> list[array[int]]:
    """A partition's linked pairs, flat (``i0, j0, i1, j1, ...``)."""
    flat = numbers(0)
    for pair in part:
        if pair.verdict.linked:
            flat.extend((pair.i, pair.j))
    return [flat]


def group_numbers(links: Iterable[Sequence[int]], count: int) -> tuple[array[int], int]:
    """Each of ``count`` documents' group of linked documents (-1: linked to none),
    the groups numbered by their smallest member, and the number of groups.

    Args:
        links: flat ``i, j`` pieces (consumed one at a time).
        count: the documents (each number below it).
    """
    if count >= 2**31:
        raise ValueError(f"{count} documents do not fit 32-bit document numbers")
    # parent[x] < x, or -1 at a root: a union puts the larger root under the smaller.
    parent = numbers(count)
    linked = bytearray(count)
    for flat in links:
        for k in range(0, len(flat), 2):
            i, j = flat[k], flat[k + 1]
            linked[i] = linked[j] = 1
            ri, rj = _root(parent, i), _root(parent, j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    # In index order, in place: a root starts the next group; any other member's
    # parent is smaller, so it already holds the group's number.
    groups = 0
    i = linked.find(1)
    while i >= 0:
        if parent[i] < 0:
            parent[i], groups = groups, groups + 1
        else:
            parent[i] = parent[parent[i]]
        i = linked.find(1, i + 1)
    return parent, groups


def _root(parent: array[int], x: int) -> int:
    root = x
    while parent[root] >= 0:
        root = parent[root]
    while x != root:
        parent[x], x = root, parent[x]
    return root


def family_numbers(group_of: array[int], order: Sequence[int]) -> array[int]:
    """Each document's family (``group_of`` renumbered in place: family ``f`` is group
    ``order[f]``; -1 stays -1)."""
    family_of_group = numbers(len(order))
    for family, group in enumerate(order):
        family_of_group[group] = family
    for i, group in enumerate(group_of):
        if group >= 0:
            group_of[i] = family_of_group[group]
    return group_of


def family_members(part: Iterable[Chunk], group_of: Sequence[int], width: int) -> list[Routed]:
    """The documents of a group of linked documents (a family not yet in the scan's
    order) routed to the group's bucket."""
    routed: dict[int, list[Any]] = defaultdict(list)
    for chunk in part:
        for doc in chunk.docs:
            group = group_of[doc.index]
            if group >= 0:
                routed[group % width].append((group, doc))
    return list(routed.items())


@dataclass(slots=True)
class Originals:
    """Groups and, for each, its first member by path and its likely original."""

    groups: array[int] = field(default_factory=lambda: numbers(0))
    firsts: array[int] = field(default_factory=lambda: numbers(0))
    originals: array[int] = field(default_factory=lambda: numbers(0))


def originals(grouped: Iterable[tuple[int, list[Routed]]], common: Set[int]) -> list[Originals]:
    """The groups of a bucket, each with its first member by relative path (which
    puts the families in the scan's order) and its likely original."""
    groups: dict[int, list[Read]] = defaultdict(list)
    for group, doc in bucket_records(grouped, None):
        groups[group].append(doc)
    out = Originals()
    for group, docs in groups.items():
        docs.sort(key=lambda d: (d.relpath, d.index))
        fps = [d.fingerprint for d in docs]
        keys = [rare_keys_of(fp, common) for fp in fps]
        best = likely_original(list(range(len(docs))), fps, keys, [d.relpath for d in docs])
        out.groups.append(group)
        out.firsts.append(docs[0].index)
        out.originals.append(docs[best].index)
    return [out]


def by_group(found: Iterable[Originals], groups: int) -> tuple[array[int], array[int]]:
    """Each group's first member and likely original, indexed by group."""
    firsts, originals_of = numbers(groups), numbers(groups)
    for part in found:
        for group, first, original in zip(part.groups, part.firsts, part.originals):
            firsts[group], originals_of[group] = first, original
    return firsts, originals_of


def path_order(found: Listing, firsts: Sequence[int]) -> array[int]:
    """The groups by their first member's relative path, ties by group (run where the
    listing is held)."""
    files = found.files
    return array(NUMBER, sorted(range(len(firsts)), key=lambda g: (files[firsts[g]].relpath, g)))
