"""The cluster scan's families on the client (``core.cluster.join``): integer arrays
that give the families, ids and originals the dict-based join gave.

No Dask here: the join is plain Python, run on the client and the workers.
"""

from __future__ import annotations

import tracemalloc
from array import array
from functools import partial
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from core.cluster.join import (
    Originals,
    by_group,
    family_numbers,
    group_numbers,
    linked_pairs,
    numbers,
    path_order,
)
from core.cluster.sources import Listing
from core.cluster.stages import Source, Verified
from core.families.scan import PairVerdict, components


def _dict_groups(links: list[tuple[int, int]]) -> tuple[dict[int, int], int]:
    """The join before the arrays: ``components`` and a dict of each member's group."""
    groups = components(links)
    return {i: g for g, members in enumerate(groups) for i in members}, len(groups)


def _dict_families(
    group_of: dict[int, int], found: list[tuple[int, str, int]]
) -> tuple[dict[int, int], list[int]]:
    """The families before the arrays: ``(group, first path, original)`` sorted on
    the client by path, ties by group."""
    found = sorted(found, key=lambda g: (g[1], g[0]))
    family_by_group = {group: fid for fid, (group, _, _) in enumerate(found)}
    family_of = {i: family_by_group[g] for i, g in group_of.items()}
    return family_of, [original for _, _, original in found]


@st.composite
def linked_documents(draw: st.DrawFn) -> tuple[int, list[tuple[int, int]], list[list[int]]]:
    """A document count, links ``i < j`` between them, and the links cut in pieces."""
    count = draw(st.integers(1, 60))
    pair = st.tuples(st.integers(0, count - 1), st.integers(0, count - 1))
    links = [(min(p), max(p)) for p in draw(st.lists(pair, max_size=80)) if p[0] != p[1]]
    cuts = sorted(draw(st.lists(st.integers(0, len(links)), max_size=4)))
    bounds = [0, *cuts, len(links)]
    pieces = [[x for link in links[a:b] for x in link] for a, b in pairwise(bounds)]
    return count, links, pieces


@settings(max_examples=300, deadline=None)
@given(linked_documents())
def test_the_array_groups_are_the_dict_groups(
    drawn: tuple[int, list[tuple[int, int]], list[list[int]]],
) -> None:
    count, links, pieces = drawn
    expected, expected_groups = _dict_groups(links)
    group_of, groups = group_numbers((array("i", p) for p in pieces), count)
    assert groups == expected_groups
    assert list(group_of) == [expected.get(i, -1) for i in range(count)]
    assert group_of.typecode == "i" and group_of.itemsize == 4


@settings(max_examples=300, deadline=None)
@given(linked_documents(), st.data())
def test_the_array_families_are_the_dict_families(
    drawn: tuple[int, list[tuple[int, int]], list[list[int]]], data: st.DataObject
) -> None:
    # The workers find each group's first member by path (ties: the smaller index)
    # and an original; the listing's worker orders the groups by the first's path.
    count, links, pieces = drawn
    relpaths = data.draw(st.lists(st.sampled_from("ab/c d/e b a/b".split()), min_size=count))
    dict_group_of, groups = _dict_groups(links)
    members: list[list[int]] = [[] for _ in range(groups)]
    for i, g in sorted(dict_group_of.items()):
        members[g].append(i)
    firsts = [min(m, key=lambda i: (relpaths[i], i)) for m in members]
    chosen = [data.draw(st.sampled_from(m)) for m in members]
    found = [(g, relpaths[firsts[g]], chosen[g]) for g in range(groups)]
    expected_family_of, expected_originals = _dict_families(dict_group_of, found)

    group_of, _ = group_numbers((array("i", p) for p in pieces), count)
    parts = _split(firsts, chosen, data.draw(st.integers(1, 3)))
    first_of_group, original_of_group = by_group(parts, groups)
    files = tuple(Source(i, f"/root/{p}", p) for i, p in enumerate(relpaths))
    order = path_order(Listing("/root", files, (), partial(str)), first_of_group)
    family_of = family_numbers(group_of, order)
    assert list(family_of) == [expected_family_of.get(i, -1) for i in range(count)]
    assert [original_of_group[g] for g in order] == expected_originals


def _split(firsts: list[int], chosen: list[int], parts: int) -> list[Originals]:
    """The groups found in ``parts`` buckets (group ``g`` in bucket ``g % parts``),
    each bucket's in reverse order."""
    out = [Originals() for _ in range(parts)]
    for g in reversed(range(len(firsts))):
        out[g % parts].groups.append(g)
        out[g % parts].firsts.append(firsts[g])
        out[g % parts].originals.append(chosen[g])
    return out


def test_linked_pairs_are_the_linked_verified_pairs_flat() -> None:
    linked, unlinked = PairVerdict(0.9, 0.8, True, True), PairVerdict(0.1, 0.0, False, True)
    part = [Verified(1, 5, linked), Verified(2, 3, unlinked), Verified(0, 7, linked)]
    assert linked_pairs(part) == [array("i", [1, 5, 0, 7])]
    assert linked_pairs([]) == [array("i")]


def test_the_client_holds_a_few_bytes_per_document() -> None:
    # 400,000 documents, half of them in families of four linked in a chain: the
    # dicts of the join before took ~200 bytes per member; the arrays take 5 bytes
    # per document (the family number and a mark while the groups are numbered).
    count = 400_000
    pieces = []
    for start in range(0, count, 100_000):
        flat = numbers(0)
        for first in range(start, start + 100_000, 8):
            for k in range(3):
                flat.extend((first + k, first + k + 1))
        pieces.append(flat)
    tracemalloc.start()
    try:
        group_of, groups = group_numbers(pieces, count)
        family_of = family_numbers(group_of, array("i", range(groups)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert groups == count // 8 and family_of[count - 8 : count] == array(
        "i", [groups - 1] * 4 + [-1] * 4
    )
    assert peak < 6 * count
