"""Story families: grouping against known ground truth, the samples, the cache, cancel."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import core.families.scan as families
from core.errors import CancelledError, FileMissingError
from core.families.cache import cache_file
from core.families.fingerprint import fingerprint_text, word_similarity
from core.families.scan import ScanOptions, scan_folder, similarity_matrix
from core.text.document import load_document
from tests.conftest import CONDENSED, FULL, SAMPLES, UNRELATED
from tests.family_folders import build_folder, expected_families


def _families(result: families.ScanResult) -> set[frozenset[str]]:
    return {frozenset(f.members) for f in result.families}


@pytest.fixture
def folder(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    root = tmp_path / "articles"
    return root, build_folder(root)


def test_sample_folder_gives_one_family_and_leaves_the_other_story_alone() -> None:
    result = scan_folder(SAMPLES)
    assert _families(result) == {frozenset({CONDENSED.name, FULL.name})}
    assert result.families[0].original == FULL.name  # the full wire story, not the cut
    by_name = {d.relpath: d for d in result.documents}
    assert by_name[UNRELATED.name].family is None
    assert by_name[CONDENSED.name].closest == FULL.name
    assert by_name[CONDENSED.name].similarity == pytest.approx(0.66, abs=0.03)  # compare: 0.66
    assert by_name[UNRELATED.name].similarity < 0.05


def test_generated_folder_matches_ground_truth(folder: tuple[Path, dict[str, str]]) -> None:
    root, stories = folder
    result = scan_folder(root)
    assert _families(result) == expected_families(stories)
    by_name = {d.relpath: d for d in result.documents}
    assert by_name["wire/mosul.txt"].family is None  # same topic, another story
    assert by_name["docs/class.txt"].family is None
    originals = {f.original for f in result.families}
    assert originals == {"wire/jisr.txt", "docs/assignment.txt"}


def test_rewritten_version_joins_by_key_words_not_by_shared_sentences(
    folder: tuple[Path, dict[str, str]],
) -> None:
    root, _ = folder
    simple = fingerprint_text((root / "kids/jisr-simple.txt").read_text(encoding="utf-8"))
    full = fingerprint_text((root / "wire/jisr.txt").read_text(encoding="utf-8"))
    assert word_similarity(simple, full) < 0.05  # word shingles alone would miss it
    result = scan_folder(root)
    by_name = {d.relpath: d for d in result.documents}
    assert by_name["kids/jisr-simple.txt"].family == by_name["wire/jisr.txt"].family is not None


def test_lsh_candidates_give_the_same_families(
    folder: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, stories = folder
    monkeypatch.setattr(families, "ALL_PAIRS_LIMIT", 0)  # banding and the key index only
    monkeypatch.setattr(families, "RARE_MIN_DOCS", 2)
    assert _families(scan_folder(root)) == expected_families(stories)


def test_worker_processes_give_the_same_result(
    folder: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, stories = folder
    monkeypatch.setattr(families, "PARALLEL_MIN_FILES", 2)
    result = scan_folder(root, ScanOptions(workers=2, use_cache=False))
    assert _families(result) == expected_families(stories)
    assert result.stats.fingerprinted == len(stories)


def test_similarity_matches_the_comparison_scale() -> None:
    from core.engine.compare import compare

    old, new = load_document(CONDENSED), load_document(FULL)
    exact = compare(old, new).stats.similarity
    estimate = word_similarity(fingerprint_text(old.text), fingerprint_text(new.text))
    assert estimate == pytest.approx(exact, abs=0.03)


def test_similarity_matrix_is_symmetric_and_ranks_versions_first() -> None:
    result = scan_folder(SAMPLES)
    names = [d.relpath for d in result.documents]
    for exact in (False, True):
        matrix = similarity_matrix(result, exact=exact)
        assert len(matrix) == 3 and all(len(row) == 3 for row in matrix)
        assert all(matrix[i][j] == matrix[j][i] for i in range(3) for j in range(3))
        a, b, c = (names.index(p.name) for p in (CONDENSED, FULL, UNRELATED))
        assert matrix[a][b] > 0.5 > 0.05 > max(matrix[a][c], matrix[b][c])


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = families.fingerprint_file

    def counted(path: str, max_bytes: int) -> object:
        calls.append(path)
        return real(path, max_bytes)

    monkeypatch.setattr(families, "fingerprint_file", counted)
    return calls


def test_cache_is_reused_and_invalidated_by_size_or_mtime(
    folder: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, stories = folder
    calls = _counting(monkeypatch)
    first = scan_folder(root)
    assert len(calls) == len(stories) and first.stats.fingerprinted == len(stories)
    calls.clear()
    second = scan_folder(root)
    assert calls == [] and second.stats.cached == len(stories)
    assert _families(second) == _families(first)
    target = root / "docs/class.txt"
    with target.open("a", encoding="utf-8") as stream:
        stream.write("One more sentence.\n")  # size changes
    scan_folder(root)
    assert [Path(p).name for p in calls] == ["class.txt"]
    calls.clear()
    info = target.stat()
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns + 5_000_000_000))  # mtime only
    scan_folder(root)
    assert [Path(p).name for p in calls] == ["class.txt"]


@pytest.mark.parametrize(
    "damage",
    [b"", b"garbage", b"REDLINE-FINGERPRINTS\n{not json", b"REDLINE-FINGERPRINTS\n[]\n", None],
)
def test_corrupt_cache_is_rebuilt_silently(
    folder: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch, damage: bytes | None
) -> None:
    root, stories = folder
    expected = _families(scan_folder(root))
    store = cache_file(str(root))
    data = store.read_bytes()
    # None: a valid header whose byte arrays were cut short.
    store.write_bytes(data[: len(data) - 10] if damage is None else damage)
    calls = _counting(monkeypatch)
    result = scan_folder(root)
    assert _families(result) == expected
    assert len(calls) == len(stories)
    calls.clear()
    scan_folder(root)
    assert calls == []  # the rebuilt cache is used again


def test_errors_are_reported_and_the_scan_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(FULL.read_bytes())
    (tmp_path / "b.txt").write_bytes(CONDENSED.read_bytes())
    (tmp_path / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    result = scan_folder(tmp_path)
    reasons = {e.relpath: e.reason for e in result.errors}
    assert reasons["picture.txt"] == "binary file (PNG image)"
    assert "broken" in reasons["dangling.txt"]
    assert _families(result) == {frozenset({"a.txt", "b.txt"})}


def test_progress_and_cancel(folder: tuple[Path, dict[str, str]]) -> None:
    root, stories = folder
    seen: list[tuple[int, int]] = []
    scan_folder(root, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (len(stories), len(stories))
    with pytest.raises(CancelledError):
        scan_folder(root, should_cancel=lambda: True)


def test_missing_folder_raises_a_load_error(tmp_path: Path) -> None:
    with pytest.raises(FileMissingError):
        scan_folder(tmp_path / "nope")


def test_fingerprints_are_stable_across_processes() -> None:
    import subprocess
    import sys

    code = (
        "from core.families.fingerprint import fingerprint_text;import sys;"
        "print(fingerprint_text(sys.stdin.read()).signature.hex())"
    )
    text = FULL.read_text(encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == fingerprint_text(text).signature.hex()
