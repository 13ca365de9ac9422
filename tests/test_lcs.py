"""The alignments made here (``core.engine.lcs``) against rapidfuzz's, which they stand
in for on short lists: the same runs as ``Indel.opcodes``'s equal opcodes, the same
similarities (to the last bit), the same edit distances; and rapidfuzz loaded only for
long lists."""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest
from rapidfuzz.distance import Indel, Levenshtein

from core.engine import lcs, native
from tests.conftest import REPO
from tests.kernels import kernel_or_skip


def _rapidfuzz_runs(a: list[int], b: list[int], a_offset: int = 0, b_offset: int = 0) -> list:
    return [
        (op.src_start + a_offset, op.dest_start + b_offset, op.src_end - op.src_start)
        for op in Indel.opcodes(a, b)
        if op.tag == "equal"
    ]


def _edited(rng: random.Random, a: list[int], symbols: int) -> list[int]:
    b = list(a)
    for _ in range(rng.randrange(0, 12)):
        at = rng.randrange(len(b) + 1)
        kind = rng.randrange(3)
        if kind == 0 and b:
            del b[min(at, len(b) - 1)]
        elif kind == 1:
            b.insert(at, rng.randrange(symbols))
        elif b:
            b[min(at, len(b) - 1)] = rng.randrange(symbols)
    return b


def _pairs(seed: int, count: int, longest: int) -> list[tuple[list[int], list[int]]]:
    """Random lists, few symbols (many ties between alignments) to many, edited copies
    and unrelated ones, empty ones too."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        symbols = rng.choice((2, 3, 5, 20, 500))
        a = [rng.randrange(symbols) for _ in range(rng.randrange(0, longest))]
        if rng.random() < 0.5:
            b = _edited(rng, a, symbols)
        else:
            b = [rng.randrange(symbols) for _ in range(rng.randrange(0, longest))]
        out.append((a, b))
    return out


@pytest.fixture
def here(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every short alignment made here, however many (the process's count set back)."""
    monkeypatch.setattr(lcs, "_own_calls", -(10**9))
    monkeypatch.setattr(lcs, "_loaded", False)


def test_the_runs_are_rapidfuzz_s_on_short_lists() -> None:
    for a, b in _pairs(1, 30000, 16):
        assert lcs.own_runs(a, b) == _rapidfuzz_runs(a, b), (a, b)


def test_the_runs_come_with_their_offsets() -> None:
    for a, b in _pairs(8, 300, 16):
        assert lcs.equal_runs(a, b, 3, 7) == _rapidfuzz_runs(a, b, 3, 7), (a, b)


def test_the_runs_are_rapidfuzz_s_up_to_the_longest_aligned_here() -> None:
    # (rows of more than one machine word; past OWN_LENGTH, rapidfuzz's own)
    for a, b in _pairs(2, 1500, 2 * lcs.OWN_LENGTH + 40):
        assert lcs.own_runs(a, b) == _rapidfuzz_runs(a, b), (len(a), len(b))
        common = (len(a) + len(b) - Indel.distance(a, b)) // 2
        assert lcs.own_length(a, b) == common, (len(a), len(b))


def test_the_similarities_are_rapidfuzz_s_to_the_bit(here: None) -> None:
    for a, b in _pairs(3, 20000, 40) + _pairs(4, 300, lcs.OWN_LENGTH):
        if a or b:
            assert lcs.similarity(a, b) == Indel.normalized_similarity(a, b), (a, b)
        if a and b:
            common = (len(a) + len(b) - Indel.distance(a, b)) / 2
            assert lcs.contained(a, b) == common / min(len(a), len(b)), (a, b)
    assert lcs.similarity([], []) == 0.0 and lcs.contained([], [1]) == 0.0


def test_the_edit_distances_are_rapidfuzz_s() -> None:
    rng = random.Random(5)
    letters = "abcé中 "
    for _ in range(20000):
        a = "".join(rng.choice(letters) for _ in range(rng.randrange(0, 12)))
        b = "".join(rng.choice(letters) for _ in range(rng.randrange(0, 12)))
        assert lcs.edit_distance(a, b) == Levenshtein.distance(a, b), (a, b)
        assert lcs.word_similarity(a, b) == Levenshtein.normalized_similarity(a, b), (a, b)
        most = rng.randrange(0, 4)
        assert lcs.within_edits(a, b, most) == (Levenshtein.distance(a, b) <= most), (a, b)
    assert lcs.within_edits("aproximatly", "approximately", 2)
    assert not lcs.within_edits("aproximatly", "approximately", 1)


_POLICY = """
from core.engine import lcs, native
for k in range(lcs.OWN_CALLS):
    lcs.equal_runs([1, 2, 3, k], [2, 3, 1])
import sys
print("rapidfuzz" in sys.modules, end=" ")
lcs.similarity([1, 2], [2, 1])
print("rapidfuzz" in sys.modules, lcs._loaded, end=" ")
lcs.own_runs([1, 2], [2, 1])
print(lcs._own_calls)
"""


def _pure_python(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` run on the pure path (where the Python aligns, not ``lcs_bits.c``)."""
    env = {**os.environ, "REDLINE_PURE": "1"}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, env=env
    )


def test_rapidfuzz_aligns_from_the_own_calls_th_on() -> None:
    done = _pure_python(_POLICY)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True", "True", str(300)]


def test_a_long_list_loads_rapidfuzz() -> None:
    code = (
        "from core.engine import lcs; import sys; "
        "a = list(range(lcs.OWN_LENGTH + 1)); b = a[::-1]; "
        "print(lcs.equal_runs(a, b)[:1], 'rapidfuzz' in sys.modules, lcs._own_calls)"
    )
    done = _pure_python(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["[(0,", "200,", "1)]", "True", "0"]


def test_a_short_comparison_leaves_rapidfuzz_unloaded() -> None:
    # (10 ms of its start; the bundled samples compare their sentences' ids here)
    code = (
        "import sys; from gui.shell.launcher import main; rc = main(); "
        "sys.exit(71 if 'rapidfuzz' in sys.modules else rc)"
    )
    samples = sorted((REPO / "resources" / "samples").glob("*.txt"))
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "compare",
            str(samples[0]),
            str(samples[1]),
            "--format",
            "json",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr


def _kernel() -> object:
    return kernel_or_skip(lcs._c_runs, None, "LCS alignments")


def test_the_compiled_path_aligns_in_c() -> None:
    assert (lcs._c_runs is not None) == native.status()[0]


def test_the_kernel_s_runs_are_rapidfuzz_s() -> None:
    _kernel()
    assert lcs._c_runs is not None and lcs._c_length is not None
    for a, b in _pairs(6, 30000, 16) + _pairs(7, 1500, 1100):
        found = lcs._c_runs(a, b, 3, 7)
        if found is None:  # (more than 1,024 ids between the common head and tail)
            assert len(a) > 1024, (len(a), len(b))
            continue
        assert found == _rapidfuzz_runs(a, b, 3, 7), (a, b)
        assert lcs._c_length(a, b) == (len(a) + len(b) - Indel.distance(a, b)) // 2, (a, b)


def test_the_kernel_leaves_what_it_cannot_align_to_the_python() -> None:
    _kernel()
    assert lcs._c_runs is not None and lcs._c_length is not None
    wide = [2**70, 1, 2]
    assert lcs._c_runs(wide, [1, 2], 0, 0) is None and lcs._c_length(wide, [1]) is None
    assert lcs.equal_runs(wide, [1, 2]) == [(1, 0, 2)]
    assert lcs._c_runs(list(range(1025)), [5], 0, 0) is None
    assert lcs._c_runs(list(range(1024)), [5], 0, 0) == [(5, 0, 1)]
    with pytest.raises(TypeError):
        lcs._c_runs([1], [1], 0)  # type: ignore[call-arg]
    assert lcs._c_runs((1, 2, 3), (1, 3), 10, 20) == [(10, 20, 1), (12, 21, 1)]
