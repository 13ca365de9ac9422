"""The annotation model: an editor's note on a change or on selected text.

An annotation belongs to a pair of documents (the comparison's old and new) and is
anchored to one or both of them. Each anchor keeps enough to find its text again
after the document changed on disk: the document's path and content hash, the
code-point span, the quoted text and some context around it. Storage lives in
``core.notes.store``; re-anchoring in ``core.notes.reanchor``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Side = Literal["old", "new"]
Status = Literal["open", "accepted", "rejected", "needs-check"]

STATUSES: tuple[Status, ...] = ("open", "accepted", "rejected", "needs-check")
STATUS_LABELS: dict[Status, str] = {
    "open": "Open",
    "accepted": "Accepted",
    "rejected": "Rejected",
    "needs-check": "Needs check",
}
DEFAULT_TAGS: tuple[str, ...] = (
    "Factual change",
    "Figure changed",
    "Attribution",
    "Quote altered",
    "Legal risk",
    "Style",
    "Typo",
)
CONTEXT_CHARS = 32
"""How many code points of context an anchor keeps on each side of its quote."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an annotation sits in one document.

    Attributes:
        path: the document's path as the comparison names it.
        sha256: hex digest of the document's bytes when the anchor was made.
        start: first code point of the span in the decoded text.
        end: one past the last code point (``start == end`` for an empty span).
        quote: ``text[start:end]`` when the anchor was made; never rewritten by
            re-anchoring, so the note keeps what it was written about.
        prefix: up to ``CONTEXT_CHARS`` code points before the span.
        suffix: up to ``CONTEXT_CHARS`` code points after the span.
        approximate: set by re-anchoring (not stored) when the span now holds text
            that is like the quote but not the quote: "placed approximately".
            Left out of equality, so such a placement found again is no change.
    """

    path: str
    sha256: str
    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    approximate: bool = field(default=False, compare=False)


def make_anchor(path: str, sha256: str, text: str, start: int, end: int) -> Anchor:
    """Anchor the span ``text[start:end]`` with its quote and context."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span ({start}, {end}) outside a text of {len(text)} code points")
    return Anchor(
        path=path,
        sha256=sha256,
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )


@dataclass(frozen=True, slots=True)
class Annotation:
    """One note on a comparison.

    Attributes:
        id: the store's row id (0 for an annotation not stored yet).
        note: free text, any length, any Unicode; shown literally everywhere.
        tag: one tag from the editable tag list, or None.
        status: ``open``, ``accepted``, ``rejected`` or ``needs-check``.
        old: the anchor in the old document, or None.
        new: the anchor in the new document, or None (at least one is set).
        created: creation time, seconds since the epoch.
        modified: last change, seconds since the epoch.
        orphaned: True when re-anchoring could not place it in the current texts;
            it keeps its last anchors and quotes and is never dropped.
        uuid: a stable identity across stores and exported files ("" until the
            store gives it one), so importing the same file twice adds nothing.
    """

    id: int
    note: str
    tag: str | None
    status: Status
    old: Anchor | None
    new: Anchor | None
    created: float
    modified: float
    orphaned: bool = False
    uuid: str = ""

    def anchor(self, side: Side) -> Anchor | None:
        """The anchor on ``side``."""
        return self.old if side == "old" else self.new
