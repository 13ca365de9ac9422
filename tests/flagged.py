"""Two short texts compared, and their flags read, as many tests of the flags do."""

from __future__ import annotations

from core.engine.compare import compare
from core.flags.detect import flag_comparison
from core.model import Comparison
from core.text.document import document_from_text


def compared(old: str, new: str) -> Comparison:
    """``old`` against ``new``, named "old" and "new"."""
    return compare(document_from_text(old, "old"), document_from_text(new, "new"))


def flag_pairs(old: str, new: str) -> list[tuple[str, str]]:
    """The flags of ``old`` against ``new``: each kind with its explanation, in order."""
    return [(f.kind, f.explanation) for f in flag_comparison(compared(old, new))]
