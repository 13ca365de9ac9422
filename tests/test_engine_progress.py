"""The engine says how far a comparison has come, between its stages, and the
comparison is the same for it (a long one showed a busy bar with no figure)."""

from __future__ import annotations

import pytest
from conftest import CONDENSED, FULL

from core.engine.compare import ANCHOR_MIN_CHARS, compare
from core.engine.progress import STAGES
from core.errors import CancelledError
from core.model import Comparison
from core.text.document import document_from_text, load_document


def _long_pair() -> tuple[str, str]:
    """A pair long enough for unchanged paragraphs to be set aside first."""
    old = FULL.read_text(encoding="utf-8")
    new = CONDENSED.read_text(encoding="utf-8")
    copies = ANCHOR_MIN_CHARS // (len(old) + len(new)) + 1
    return (
        "".join(f"Part {i}.\n\n{old}\n\n" for i in range(copies)),
        "".join(f"Part {i}.\n\n{new if i % 3 else old}\n\n" for i in range(copies)),
    )


def _pairs() -> list[tuple[str, str]]:
    long_old, long_new = _long_pair()
    return [
        (CONDENSED.read_text(encoding="utf-8"), FULL.read_text(encoding="utf-8")),
        (long_old, long_new),
        ("", "One sentence."),
    ]


@pytest.mark.parametrize("pair", _pairs(), ids=["samples", "long", "empty"])
def test_stages_in_order_and_the_comparison_unchanged(pair: tuple[str, str]) -> None:
    old, new = (document_from_text(text, name) for text, name in zip(pair, ("a", "b")))
    seen: list[tuple[str, float]] = []
    reported = compare(old, new, progress=lambda stage, done: seen.append((stage, done)))
    assert reported == compare(old, new)
    assert isinstance(reported, Comparison) and reported.rows == compare(old, new).rows
    assert [stage for stage, _ in seen] == list(STAGES)  # each stage once, in order
    shares = [done for _, done in seen]
    assert shares[0] == 0.0 and shares == sorted(set(shares)) and shares[-1] < 1.0


def test_cancelling_from_a_stage_stops_the_comparison() -> None:
    old, new = load_document(CONDENSED), load_document(FULL)
    stages: list[str] = []
    with pytest.raises(CancelledError):
        compare(old, new, None, lambda: len(stages) >= 2, lambda s, _d: stages.append(s))
    assert stages and len(stages) < len(STAGES)
