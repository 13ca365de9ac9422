"""core.families.matrix: the same values as the engine's matrix, without all pairs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CONDENSED, FULL, UNRELATED
from test_nway import variant_text

from core.errors import CancelledError
from core.families.fingerprint import fingerprint_text
from core.families.matrix import similarity_values
from core.families.scan import EXACT_FLOOR, scan_folder, similarity_matrix


@pytest.fixture
def result(tmp_path: Path):
    for sample in (CONDENSED, FULL, UNRELATED):
        shutil.copy(sample, tmp_path / sample.name)
    (tmp_path / "variant.txt").write_text(variant_text(), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "copy.txt").write_text(FULL.read_text(encoding="utf-8"), encoding="utf-8")
    return scan_folder(tmp_path)


def test_values_are_the_engines_estimate_or_its_exact_similarity(result) -> None:
    fast = similarity_values(result.fingerprints)
    estimated = similarity_matrix(result)
    exact = similarity_matrix(result, exact=True)
    n = len(result.documents)
    assert n == 6
    for i in range(n):
        assert fast[i][i] == 1.0
        for j in range(n):
            if i != j:
                jaccard = estimated[i][j] / (2 - estimated[i][j])  # back from 2J / (1 + J)
                expected = exact[i][j] if jaccard >= EXACT_FLOOR - 1e-4 else estimated[i][j]
                assert fast[i][j] == pytest.approx(expected, abs=1e-4), (i, j)
    names = [d.relpath for d in result.documents]
    copy, full = names.index("copy.txt"), names.index(FULL.name)
    assert fast[copy][full] == 1.0
    assert all(
        fast[names.index("empty.txt")][j] == 0.0 for j in range(n) if names[j] != "empty.txt"
    )


def test_cancel_stops_it() -> None:
    fps = [fingerprint_text("one two three four five six " * k) for k in range(1, 4)]
    with pytest.raises(CancelledError):
        similarity_values(fps, lambda: True)
