"""The status-bar summary of a comparison (plain text)."""

from __future__ import annotations

from core.model import Comparison


def summary(comparison: Comparison) -> str:
    """Similarity, word counts, encodings and the approximate flag, on one line."""
    s = comparison.stats
    parts = [
        f"Similarity {s.similarity:.0%}",
        f"{s.deleted_words:,} words deleted",
        f"{s.inserted_words:,} inserted",
        f"{s.moved_words:,} moved",
        f"old {_encoding(comparison.old.encoding, comparison.old.confidence)}",
        f"new {_encoding(comparison.new.encoding, comparison.new.confidence)}",
    ]
    if comparison.identical:
        parts.insert(0, "No differences")
    if comparison.approximate or any(b.approximate for b in comparison.blocks):
        parts.append("APPROXIMATE: part of the comparison used a bounded diff")
    return "  \u2022  ".join(parts)


def _encoding(name: str, confidence: float) -> str:
    return name if confidence >= 0.99 else f"{name} ({confidence:.0%} sure)"
