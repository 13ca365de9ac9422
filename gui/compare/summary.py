"""The status-bar summary of a comparison (plain text): a short line, in shorter
wordings for a narrow window (each reads whole at 1024 px with the figures of a 5 MB
pair), and the whole summary for its tooltip."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from core.figures import flags_text, similarity_text
from core.flags.detect import FLAG_KINDS, FLAG_LABELS, Flag
from core.model import Comparison, Document


def summary(comparison: Comparison, flags: Sequence[Flag] | None = None) -> str:
    """Similarity, word counts, flags, encodings and the approximate flag, on one line."""
    s = comparison.stats
    parts = [
        f"Similarity {similarity_text(s.similarity)}",
        f"{s.deleted_words:,} words deleted",
        f"{s.inserted_words:,} inserted",
        f"{s.moved_words:,} moved",
        f"old {_encoding(comparison.old)}",
        f"new {_encoding(comparison.new)}",
    ]
    if flags is not None and not comparison.identical:
        parts.insert(4, flag_summary(comparison, flags))
    if comparison.identical:
        parts.insert(0, "No differences")
    if comparison.approximate or any(b.approximate for b in comparison.blocks):
        parts.append("APPROXIMATE: part of the comparison used a bounded diff")
    return "  \u2022  ".join(parts)


def short_summary(comparison: Comparison, flags: Sequence[Flag] | None = None) -> str:
    """``summary`` in a few words: ``Similarity 93%  •  −9,620 +11,929 words  •  8,038
    moved  •  826 flags``. What flags, and the encodings, are in the tooltip (and above
    the change list and the panes)."""
    return short_summaries(comparison, flags)[0]


def short_summaries(comparison: Comparison, flags: Sequence[Flag] | None = None) -> tuple[str, ...]:
    """``short_summary``, then shorter wordings for a narrower status bar: without the
    moved words, then ``93%  •  −96,204 +119,287 words  •  8,262 flags``, then without
    "words". The figures are never rounded; "No differences" and "APPROXIMATE" stay."""
    s = comparison.stats
    counts = [f"\u2212{s.deleted_words:,}" if s.deleted_words else ""]
    counts.append(f"+{s.inserted_words:,}" if s.inserted_words else "")
    words = " ".join(c for c in counts if c) or "0"
    similarity = similarity_text(s.similarity)
    flagged = []
    if flags is not None and not comparison.identical:
        flagged.append(f"{len(flags):,} flag{'' if len(flags) == 1 else 's'}")
    head = ["No differences"] if comparison.identical else []
    tail = (
        ["APPROXIMATE"]
        if comparison.approximate or any(b.approximate for b in comparison.blocks)
        else []
    )
    wordings = (
        [f"Similarity {similarity}", f"{words} words", f"{s.moved_words:,} moved", *flagged],
        [f"Similarity {similarity}", f"{words} words", *flagged],
        [similarity, f"{words} words", *flagged],
        [similarity, words, *flagged],
    )
    return tuple("  \u2022  ".join(head + parts + tail) for parts in wordings)


def flag_summary(comparison: Comparison, flags: Sequence[Flag]) -> str:
    """Flag counts, what they count and their kinds, e.g. ``3 flags in 2 of 9 changes:
    2 figures, 1 attribution`` (``core.figures.flags_text``)."""
    if not flags:
        return flags_text(comparison, flags)
    counts = Counter(f.kind for f in flags)
    kinds = [
        f"{counts[k]} {FLAG_LABELS[k].lower()}{'s' if counts[k] > 1 else ''}"
        for k in FLAG_KINDS
        if counts[k]
    ]
    return f"{flags_text(comparison, flags)}: " + ", ".join(kinds)


def _encoding(doc: Document) -> str:
    """The encoding, and for a guess how sure it is and the detector's next choice."""
    if doc.confidence >= 0.99:
        return doc.encoding
    guess = doc.encoding_guess
    runner_up = f", next best {guess.runner_up}" if guess and guess.runner_up else ""
    return f"{doc.encoding} ({doc.confidence:.0%} sure{runner_up})"
