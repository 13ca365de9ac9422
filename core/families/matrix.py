"""The similarity of every two documents of a folder, fast enough for a heat map.

``core.families.scan.similarity_matrix`` compares every pair's signatures (0.7 s for 400
documents, all of it holding the interpreter lock, which makes a window painting
at the same time stutter). Here the shared MinHash bins are counted per bin value
instead: a pair costs something only if its signatures share a bin, and most pairs
of a folder share none. The values are the same estimate (Jaccard J of the shingle
sets from the share of equal bins, as ``2J / (1 + J)``), except that every pair
whose estimated J reaches ``core.families.scan.EXACT_FLOOR`` gets its exact word
similarity (``core.families.fingerprint.word_similarity``), the number the scan reports.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from itertools import combinations

from core.errors import CancelledError
from core.families.fingerprint import Fingerprint, word_similarity
from core.families.scan import EXACT_FLOOR

Cancel = Callable[[], bool] | None


def shared_bins(
    fps: Sequence[Fingerprint], should_cancel: Cancel = None
) -> Counter[tuple[int, int]]:
    """For each pair ``(i, j)``, i < j, whose signatures share a bin: how many bins."""
    signatures = [fp.signature_array() for fp in fps]
    width = max((len(s) for s in signatures), default=0)
    shared: Counter[tuple[int, int]] = Counter()
    for b in range(width):
        if should_cancel is not None and should_cancel():
            raise CancelledError("matrix cancelled")
        buckets: defaultdict[int, list[int]] = defaultdict(list)
        for i, signature in enumerate(signatures):
            if len(signature) == width:  # an empty text has no signature
                buckets[signature[b]].append(i)
        for members in buckets.values():
            if len(members) > 1:
                shared.update(combinations(members, 2))
    return shared


def similarity_values(
    fps: Sequence[Fingerprint], should_cancel: Cancel = None
) -> list[list[float]]:
    """Pairwise similarity of ``fps`` (rounded to 4 places); 1 on the diagonal.

    Args:
        fps: the documents' fingerprints.
        should_cancel: polled between steps; returning True stops the work.

    Returns:
        ``values[i][j]``: exact word similarity where the estimated shingle Jaccard
        reaches ``EXACT_FLOOR``, else the estimate ``2J / (1 + J)`` (under 0.06).

    Raises:
        CancelledError: ``should_cancel`` returned True.
    """
    n = len(fps)
    values = [[0.0] * n for _ in range(n)]
    for i in range(n):
        values[i][i] = 1.0
    width = max((len(fp.signature_array()) for fp in fps), default=0)
    for count, ((i, j), bins) in enumerate(shared_bins(fps, should_cancel).items()):
        if count % 256 == 0 and should_cancel is not None and should_cancel():
            raise CancelledError("matrix cancelled")
        jaccard = bins / width
        if jaccard >= EXACT_FLOOR:
            value = word_similarity(fps[i], fps[j])
        else:
            value = 2 * jaccard / (1 + jaccard)
        values[i][j] = values[j][i] = round(value, 4)
    return values
