"""The bench's quality check (``bench/check_output.py``): a planted edit counts as
shown only when Redline's JSON shows it, and false changes are counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import check_output
from bench.variants import make_variant
from core.engine.compare import compare
from core.model import CompareOptions
from core.report.comparison_json import comparison_to_json
from core.text.document import document_from_text
from tests.test_bench_variants import _text


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str, str]:
    """A pair with planted edits, written as ``make_pairs.py`` writes one."""
    monkeypatch.setattr(check_output, "OUT", tmp_path)
    text = _text()
    variant = make_variant(text, seed=3, rate=0.2)
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "old.txt").write_text(text, "utf-8")
    (folder / "new.txt").write_text(variant.new, "utf-8")
    planted = {"planted": [e.to_json() for e in variant.edits]}
    (folder / "edits.json").write_text(json.dumps(planted), "utf-8")
    return "p", text, variant.new


def _report(old: str, new: str) -> dict:
    result = compare(document_from_text(old), document_from_text(new), options=CompareOptions())
    return json.loads(comparison_to_json(result))


def test_redline_shows_the_planted_edits(pair: tuple[str, str, str]) -> None:
    label, old, new = pair
    found = check_output.score(label, _report(old, new))
    assert not found.problems
    assert found.planted > 20
    assert found.right >= 0.9 * found.planted
    # (The Language Reference repeats some sentences: a copy deleted here and another
    # inserted there can be one moved sentence, rightly; the check calls both missed.)
    assert found.missed <= 0.03 * found.planted


def test_an_output_that_shows_nothing_shows_no_planted_edit(pair: tuple[str, str, str]) -> None:
    label, old, _ = pair
    # The old text against itself: no block changes anything (and the spans cover
    # only old, so the new side's coverage is broken too).
    found = check_output.score(label, _report(old, old))
    contents = [k for k in found.seen if k != "rewrap"]
    assert contents
    assert all(found.seen[k]["missed"] == sum(found.seen[k].values()) for k in contents)
    assert found.right <= sum(found.seen["rewrap"].values())


def test_changes_where_nothing_was_planted_are_counted(pair: tuple[str, str, str]) -> None:
    label, old, new = pair
    report = _report(old, new)
    before = check_output.score(label, report).stray
    # One more deletion, of an old word that no planted edit touched.
    planted = json.loads((check_output.OUT / label / "edits.json").read_text("utf-8"))
    touched = [s for e in planted["planted"] for s in e["old_spans"]]
    block = next(
        b
        for b in report["blocks"]
        if b["kind"] == "equal" and not any(a < b["old"][1] and b["old"][0] < z for a, z in touched)
    )
    start = block["old"][0]
    block["ops"].append({"op": "delete", "old": [start, start + 3], "new": None})
    assert check_output.score(label, report).stray == before + 1
