"""Fingerprints of documents, for finding versions of one story in a folder.

A ``Fingerprint`` holds two feature sets of a text, as compact 32-bit hashes:

* its **word 4-shingles** in reading order (every run of four words, case folded,
  words as the comparison contract counts them), and
* its **key words**: numbers, capitalized words and words of seven letters or more
  that are not common English words. A version rewritten for another readership
  keeps these (names, figures, the subject's vocabulary) while its sentences change.

and a one-permutation MinHash signature of the shingle set (Li, Owen and Zhang,
2012; empty bins filled by rotation, Shrivastava and Li, 2014): the share of equal
bins of two signatures estimates the Jaccard similarity of the two shingle sets,
and their bands give candidate pairs without comparing all pairs (key words find
their candidates through an index of the rare ones, ``core.families.scan``). Candidates
are verified
exactly: ``word_similarity`` is the share of words covered by 4-shingles that the
other text also has, on the scale of the comparison contract's ``similarity``
(``2 * common / (old + new)``; within 0.01 of ``core.engine.compare`` on average, see
``bench/README.md``); ``key_containment`` is the share of the smaller key-word set
found in the other.

All hashes are stable across processes and runs (BLAKE2b, not ``hash()``), so
fingerprints can be cached and computed in worker processes.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from core.engine.normalize import APOSTROPHES

SHINGLE_WORDS = 4
SHINGLE_BINS = 128
KEY_MIN_LENGTH = 7
_MASK64 = (1 << 64) - 1
_MASK32 = (1 << 32) - 1
_ROTATION = 0x9E3779B1
_MULTIPLIERS = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5)
_EMPTY = array("I")

# The contract's word tokenizer (``core.engine.tokens.count_words``): \w runs joined across
# inner apostrophes and hyphens.
_WORD = re.compile(rf"\w+(?:[{re.escape('-' + chr(0x2010) + chr(0x2011) + APOSTROPHES)}]\w+)*")

# Common words that pass the length or capital test but say nothing about a story.
COMMON_WORDS = frozenset(
    """about above after again against all also although always among and another any
    are around because been before being below between both but can cannot could did
    does doing down during each either else enough even ever every few for from further
    had has have having her here hers herself him himself his how however into its itself
    just least less like many might more most much must myself never nor not nothing now
    off often once one only other others our ours ourselves out over own perhaps quite
    rather really said same says several shall she should since some something sometimes
    still such than that the their theirs them themselves then there therefore these they
    this those though through thus together too under unless until upon usually very was
    were what whatever when where whether which while who whom whose why will with within
    without would yet you your yours yourself yourselves example because already anything
    everything whatever whenever wherever another between including important different
    possible available following instead actually usually certain""".split()
)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """The features of one document's text (see the module docstring).

    Attributes:
        words: number of words (the contract's tokenizer).
        shingles: 32-bit hashes of the word 4-shingles in reading order, as the bytes
            of an ``array("I")`` (a text of fewer than four words has one shingle).
        keys: sorted distinct 32-bit hashes of the key words, as ``array("I")`` bytes.
        signature: the one-permutation MinHash of the shingle set (``SHINGLE_BINS``
            32-bit values as ``array("I")`` bytes; empty when there is no shingle).
    """

    words: int
    shingles: bytes
    keys: bytes
    signature: bytes

    def shingle_array(self) -> array[int]:
        """The shingle hashes as an array of ints."""
        return _array(self.shingles)

    def key_array(self) -> array[int]:
        """The key-word hashes as an array of ints."""
        return _array(self.keys)

    def signature_array(self) -> array[int]:
        """The MinHash signature as an array of ints."""
        return _array(self.signature)


def _array(data: bytes) -> array[int]:
    values = array("I")
    values.frombytes(data)
    return values


# Word hashes already computed, in this process (words repeat across documents).
_WORD_IDS: dict[str, int] = {}
_WORD_IDS_LIMIT = 1 << 19


def _word_ids(words: list[str]) -> list[int]:
    """Stable 64-bit hashes of words (BLAKE2b), memoized."""
    known = _WORD_IDS
    missing = set(words).difference(known)
    if len(known) + len(missing) > _WORD_IDS_LIMIT:
        known.clear()
        missing = set(words)
    for word in missing:
        digest = hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        known[word] = int.from_bytes(digest, "little")
    return list(map(known.__getitem__, words))


def is_key_word(word: str) -> bool:
    """Whether a word (as written) is a key word: a number, a name, a long rare word."""
    if any(c.isdigit() for c in word):
        return True
    lower = word.lower()
    if lower in COMMON_WORDS:
        return False
    return len(word) >= KEY_MIN_LENGTH or (len(word) >= 3 and word[0].isupper())


def fingerprint_text(text: str) -> Fingerprint:
    """Compute the fingerprint of a text (linear in its length)."""
    written = _WORD.findall(text)
    lowered = list(map(str.lower, written))
    ids = _word_ids(lowered)
    m1, m2, m3, m4 = _MULTIPLIERS
    if len(ids) >= SHINGLE_WORDS:
        mixed = [
            (a * m1 + b * m2 + c * m3 + d * m4) & _MASK64
            for a, b, c, d in zip(ids, ids[1:], ids[2:], ids[3:])
        ]
    elif ids:
        mixed = [sum(i * m for i, m in zip(ids, _MULTIPLIERS)) & _MASK64]
    else:
        mixed = []
    shingles = array("I", [(h ^ (h >> 29)) >> 32 for h in mixed])
    # Cheap tests first: most distinct words are short, lower-case and alphabetic.
    maybe = [
        w for w in set(written) if len(w) >= KEY_MIN_LENGTH or w[0].isupper() or not w.isalpha()
    ]
    key_words = list({w.lower() for w in maybe if is_key_word(w)})
    keys = array("I", sorted({h >> 32 for h in _word_ids(key_words)}))
    signature = array("I", one_permutation(shingles, SHINGLE_BINS))
    return Fingerprint(len(written), shingles.tobytes(), keys.tobytes(), signature.tobytes())


def one_permutation(values: array[int], bins: int) -> tuple[int, ...]:
    """One-permutation MinHash of a set of 32-bit hashes, empty bins densified."""
    if not values:
        return ()
    ordered = sorted(set(values), reverse=True)
    # dict() keeps the last value given for a key: the smallest of each bin.
    minima = dict(zip([v % bins for v in ordered], ordered))
    if len(minima) == bins:
        return tuple(minima[b] for b in range(bins))
    filled = sorted(minima)
    signature = [0] * bins
    for b in range(bins):
        at = bisect_left(filled, b)
        nearest = filled[at] if at < len(filled) else filled[0] + bins
        # Rotation: borrow the next filled bin's value, offset by the distance.
        signature[b] = (minima[nearest % bins] + (nearest - b) * _ROTATION) & _MASK32
    return tuple(signature)


def estimate_jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two sets from their signatures (0 if one is empty)."""
    if not a or not b:
        return 0.0
    return sum(x == y for x, y in zip(a, b)) / len(a)


def _covered(seq: array[int], other: set[int]) -> int:
    """How many word positions of ``seq`` lie in a shingle that ``other`` also holds."""
    covered = reach = 0
    for i, h in enumerate(seq):
        if h in other:
            start = i if i > reach else reach
            covered += i + SHINGLE_WORDS - start
            reach = i + SHINGLE_WORDS
    return covered


def coverage(a: Fingerprint, b: Fingerprint) -> tuple[int, int]:
    """Words of ``a`` and of ``b`` covered by shingles the other text shares."""
    sa, sb = a.shingle_array(), b.shingle_array()
    if not sa or not sb:
        return 0, 0
    if a.words < SHINGLE_WORDS or b.words < SHINGLE_WORDS:
        same = a.shingles == b.shingles
        return (a.words, b.words) if same else (0, 0)
    return min(_covered(sa, set(sb)), a.words), min(_covered(sb, set(sa)), b.words)


def word_similarity(a: Fingerprint, b: Fingerprint) -> float:
    """``2 * common / (words_a + words_b)``, common words being those in shared 4-shingles."""
    if a.words + b.words == 0:
        return 0.0
    cover_a, cover_b = coverage(a, b)
    return 2 * min(cover_a, cover_b) / (a.words + b.words)


def key_containment(a: frozenset[int], b: frozenset[int]) -> tuple[float, int]:
    """Share of the smaller key-word set found in the other, and that set's size."""
    smaller = min(len(a), len(b))
    if smaller == 0:
        return 0.0, 0
    return len(a & b) / smaller, smaller
