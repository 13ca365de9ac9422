"""Paragraphs that stand unchanged in both texts, found before any tokenizing.

Most of a lightly edited long text is paragraphs nobody touched (in the 1 MB
benchmark pair, three quarters of the text). A paragraph that occurs once in each
text, spelled the same apart from layout (line breaks, runs of spaces, a line broken
after a hyphen), and in the same order relative to the other such paragraphs, is
aligned at once: the engine then tokenizes, segments and aligns only the text
between them, and each of them becomes one ``equal`` block.

Short paragraphs (titles, "Yes.") are left to the full pipeline: they are cheap and
too common to be trusted as anchors on their own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate, compress

from core.engine.opspans import layout_free, same_spelling
from core.engine.sequences import heaviest_increasing
from core.engine.tokens import compiled
from core.model import Span

MIN_WORDS = 8
"""A paragraph needs this many whitespace-separated words to be an anchor."""

# A paragraph ends at a blank line: a line break, spaces or tabs, a line break. (The
# first break starts with a character class so the scan for it stays fast.) A CR
# before an LF is one break with it, never a break of its own: a CRLF text's single
# line breaks are not blank lines.
_PARAGRAPH_BREAK = (
    r"([\r\n\x85\u2028\u2029](?:(?<=\r)\n|(?<=\r)(?!\n)|(?<!\r))"
    r"[^\S\r\n]*(?:\r\n?|[\n\x85\u2028\u2029])\s*)"
)


@dataclass(frozen=True, slots=True)
class ParagraphAnchors:
    """Unchanged paragraphs, pairwise: ``old[k]`` stands as ``new[k]``.

    Attributes:
        old: content spans (no surrounding whitespace) in the old text, ascending.
        new: the matching spans in the new text, ascending too.
        hyphen_breaks: per pair, whether either twin has a line broken after a
            hyphen. Twins without one differ at most in runs of whitespace, so they
            hold the same words; with one, a word may be split in the count.
    """

    old: tuple[Span, ...]
    new: tuple[Span, ...]
    hyphen_breaks: tuple[bool, ...]

    def __len__(self) -> int:
        return len(self.old)


def find_paragraph_anchors(old: str, new: str) -> ParagraphAnchors:
    """The unchanged paragraphs the two texts share, in a common order.

    Args:
        old: the old text.
        new: the new text.

    Returns:
        Paragraphs unique in each text with the same layout-free spelling, at least
        ``MIN_WORDS`` words long, keeping the chain with the most text whose order
        agrees in both.
    """
    old_spans, old_keys, old_lengths, old_words, old_hyphens = _paragraphs(old)
    new_spans, new_keys, _, _, new_hyphens = _paragraphs(new)
    old_count = Counter(old_keys)
    new_index: dict[Key, int] = {}
    new_count = Counter(new_keys)
    for k, key in enumerate(new_keys):
        if new_count[key] == 1:
            new_index[key] = k
    # (Spelled alike, span against span: on the compiled path the keys are hashes.)
    pairs = [
        (i, new_index[key])
        for i, key in enumerate(old_keys)
        if old_count[key] == 1
        and key in new_index
        and old_words[i] >= MIN_WORDS
        and same_spelling(old, *old_spans[i], new, *new_spans[new_index[key]])
    ]
    # Keep the chain holding the most text: a long paragraph that stayed put
    # outweighs a short one that moved.
    chain = heaviest_increasing([j for _, j in pairs], [old_lengths[i] for i, _ in pairs])
    kept = [pairs[k] for k in chain]
    return ParagraphAnchors(
        old=tuple(old_spans[i] for i, _ in kept),
        new=tuple(new_spans[j] for _, j in kept),
        hyphen_breaks=tuple(old_hyphens[i] or new_hyphens[j] for i, j in kept),
    )


def gaps(anchors: tuple[Span, ...], length: int) -> list[Span]:
    """The regions before, between and after ``anchors`` (``len(anchors) + 1``)."""
    out: list[Span] = []
    previous = 0
    for start, end in anchors:
        out.append((previous, start))
        previous = end
    out.append((previous, length))
    return out


Key = str | int
"""A paragraph's layout-free spelling (the Python's), or its hash (the C scan's)."""

Paragraphs = tuple[list[Span], list[Key], list[int], list[int], list[bool]]
"""Content spans of the paragraphs, their layout-free spellings (or those spellings'
hashes), the spellings' lengths and words (their spaces and one), and whether each
has a hyphen before whitespace (perhaps a line broken after a hyphen)."""


def paragraphs_in_python(text: str) -> Paragraphs:
    """The ``Paragraphs`` of ``text``, the spellings as strings."""
    # With one capturing group, split() alternates paragraphs and breaks, all in C.
    parts = compiled(_PARAGRAPH_BREAK).split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    spans: list[Span] = []
    keys: list[Key] = []
    lengths: list[int] = []
    words: list[int] = []
    hyphenated: list[bool] = []
    line_break = "\r\n" if "\r" in text else "\n"
    # The rarer hyphens, checked only in texts that have them.
    other_hyphens = tuple(f"{h} " for h in "\u2010\u2011" if h in text)
    for k in range(0, len(parts), 2):
        raw = parts[k]
        content = raw.strip()
        if not content:
            continue
        start = offsets[k] + len(raw) - len(raw.lstrip())
        spans.append((start, start + len(content)))
        # Most paragraphs are words and single spaces broken across lines: then
        # joining the lines is the whole layout-free spelling (a cheap test first).
        key = content.replace(line_break, " ")
        if "  " in key or not key.isprintable():
            key = " ".join(key.split())
        hyphen = "- " in key or (bool(other_hyphens) and any(h in key for h in other_hyphens))
        if hyphen:
            key = layout_free(content)
        keys.append(key)
        lengths.append(len(key))
        words.append(key.count(" ") + 1)
        hyphenated.append(hyphen)
    return spans, keys, lengths, words, hyphenated


def _paragraphs_in_c(text: str) -> Paragraphs:
    """``paragraphs_in_python`` by ``paragraph_scan.c``, the spellings as their hashes
    (``spelling_hash``): the text walked once, no spelling made; that of a paragraph
    with a hyphen before a space is ``layout_free``'s here."""
    spans, hashes, lengths, words, hyphenated = scan_paragraphs(text)
    keys: list[Key] = list(hashes)
    for k in compress(range(len(hyphenated)), hyphenated):
        start, end = spans[k]
        key = layout_free(text[start:end])
        keys[k] = spelling_hash(key)
        lengths[k] = len(key)
        words[k] = key.count(" ") + 1
    return spans, keys, lengths, words, hyphenated


_paragraphs: Callable[[str], Paragraphs]
try:
    # The compiled path's (``paragraph_scan.c``, built by ``make native``): the same
    # paragraphs in one pass over the text, their spellings hashed.
    from core.engine.paragraph_scan import paragraphs as scan_paragraphs
    from core.engine.paragraph_scan import spelling_hash

    _paragraphs = _paragraphs_in_c
except ImportError:
    _paragraphs = paragraphs_in_python
