"""The bench's edit generator (``bench/variants.py``) at every edit rate, with the
profiles of the heavily edited pairs: it never fails, and its truth points at text."""

from __future__ import annotations

import pytest

from bench.variants import make_variant
from tests.conftest import FULL


def _text() -> str:
    """The news sample and 40 Language Reference topics (prose shipped with CPython)."""
    from pydoc_data.topics import topics

    paragraphs = [p for p in FULL.read_text(encoding="utf-8").split("\n") if p.strip()]
    for name in sorted(topics)[:40]:
        paragraphs += [" ".join(b.split()) for b in topics[name].split("\n\n") if b.strip()]
    return "\n\n".join(paragraphs) + "\n"


@pytest.mark.parametrize("rate", [0.3, 0.5, 0.7, 0.9])
@pytest.mark.parametrize("seed", range(4))
def test_high_rates_plant_edits_whose_spans_hold_their_text(rate: float, seed: int) -> None:
    text = _text()
    variant = make_variant(text, seed=seed, rate=rate, every_paragraph=True)
    assert variant.edits
    for edit in variant.edits:
        for (a, b), said in zip(edit.new_spans, edit.new_text):
            assert " ".join(variant.new[a:b].split()) == " ".join(said.split())


def test_a_condensed_version_cuts_its_share_of_sentences() -> None:
    text = _text()
    variant = make_variant(text, seed=1, rate=0.1, condense=0.4)
    deletes = sum(1 for e in variant.edits if e.kind == "delete")
    assert deletes >= 0.4 * variant.sentences - 1
    assert len(variant.new) < 0.75 * len(text)
