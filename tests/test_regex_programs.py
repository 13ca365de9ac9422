"""The regular expressions' programs recorded by ``make native`` and loaded at start-up
(``core.engine.regex_programs``): each loaded pattern is the one ``re.compile`` makes,
a file for another Python or a damaged one loads nothing, and the compiled path's
comparisons give the same output with the programs and without."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from core.engine import native, regex_programs
from core.engine.tokens import CJK_CHARS

ROOT = Path(__file__).resolve().parent.parent

PATTERNS = [
    (r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})", 0),
    (r"(?i)(?<![\w.,])(\d[\d.,]*)(?:[\uac00-\ud7a3]{1,2}\s*|\s+)(or\s+more|and\s+up)", 0),
    (f"[{CJK_CHARS}]+", 0),
    (r"\b(said|told|according\s+to)\b", int(re.IGNORECASE)),
    (r"[\"\u201c]((?:[A-Z][\w-]*\s?){1,4})[\"\u201d]", 0),
    (r"^\s*(?:[*\u2022]\s|\d{1,3}[.)]\s)", int(re.MULTILINE)),
    (r"(a)|(b)(?(2)c|d)", 0),
]

TEXT = (
    'On 10.11.2025 the mayor SAID "Big Plans" were set: 30 or more homes, 12억 and up.\n'
    "* a list item\n1) another\n市长周二表示，至少有30人受伤。東京都は5日。abd bc ad"
)


@pytest.fixture
def fresh_cache(monkeypatch: pytest.MonkeyPatch) -> dict[object, object]:
    """``re``'s cache emptied for the test (and given back after)."""
    cache: dict[object, object] = {}
    monkeypatch.setattr(re, "_cache", cache)
    if hasattr(re, "_cache2"):  # (Python 3.12: a second cache is looked in first)
        monkeypatch.setattr(re, "_cache2", {})
    return cache


def _behaviour(compiled: re.Pattern[str]) -> object:
    return (
        compiled.flags,
        compiled.groups,
        dict(compiled.groupindex),
        [(m.span(), m.groups(), m.groupdict()) for m in compiled.finditer(TEXT)],
    )


def _written(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / regex_programs.FILE
    path.write_bytes(data)
    return str(path)


def test_a_loaded_pattern_is_the_one_re_compile_makes(
    tmp_path: Path, fresh_cache: dict[object, object]
) -> None:
    expected = [_behaviour(re.compile(p, f)) for p, f in PATTERNS]
    fresh_cache.clear()
    path = _written(tmp_path, regex_programs.record(PATTERNS))
    assert regex_programs.load(path) == len(PATTERNS)
    assert set(fresh_cache) == {(str, p, f) for p, f in PATTERNS}
    for (pattern, flags), behaviour in zip(PATTERNS, expected):
        loaded = fresh_cache[(str, pattern, flags)]
        assert re.compile(pattern, flags) is loaded  # (found in the cache, not compiled)
        assert _behaviour(loaded) == behaviour
        assert loaded.pattern == pattern


def test_the_patterns_cached_are_listed_with_their_flags(
    fresh_cache: dict[object, object],
) -> None:
    re.compile("a+b", re.IGNORECASE)
    re.compile(b"bytes")  # (not a text pattern: not recorded)
    re.search("c|d", "c")
    assert regex_programs.cached_patterns() == [("a+b", int(re.IGNORECASE)), ("c|d", 0)]


def test_debug_and_locale_patterns_are_not_recorded(tmp_path: Path) -> None:
    data = regex_programs.record([("x", int(re.DEBUG)), ("y", 0)])
    _, _, programs = marshal.loads(data)
    assert [p[0] for p in programs] == ["y"]


def test_a_file_for_another_python_loads_nothing(
    tmp_path: Path, fresh_cache: dict[object, object]
) -> None:
    _, key, programs = marshal.loads(regex_programs.record(PATTERNS))
    other = ("3.0.0 (elsewhere)", *key[1:])
    path = _written(tmp_path, marshal.dumps((regex_programs.FORMAT, other, programs)))
    assert regex_programs.load(path) == 0
    assert fresh_cache == {}


@pytest.mark.parametrize(
    "data",
    [b"", b"not marshal at all", marshal.dumps(("another format", 1, [])), marshal.dumps(3)],
)
def test_a_damaged_file_loads_nothing(
    tmp_path: Path, fresh_cache: dict[object, object], data: bytes
) -> None:
    assert regex_programs.load(_written(tmp_path, data)) == 0
    assert fresh_cache == {}


def test_a_missing_file_loads_nothing(tmp_path: Path, fresh_cache: dict[object, object]) -> None:
    assert regex_programs.load(str(tmp_path / "none.marshal")) == 0
    assert fresh_cache == {}


def test_a_program_the_matcher_refuses_is_left_to_be_compiled(
    tmp_path: Path, fresh_cache: dict[object, object]
) -> None:
    fmt, key, programs = marshal.loads(regex_programs.record(PATTERNS[:2]))
    broken = list(programs[0])
    broken[3] = [7777777, *broken[3][1:]]  # (no such opcode: ``_sre`` checks the code)
    path = _written(tmp_path, marshal.dumps((fmt, key, [tuple(broken), programs[1]])))
    assert regex_programs.load(path) == 1
    assert list(fresh_cache) == [(str, *PATTERNS[1])]
    pattern, flags = PATTERNS[0]
    assert _behaviour(re.compile(pattern, flags))[3]  # (compiled when used, and right)


def test_room_is_left_in_the_cache(
    tmp_path: Path, fresh_cache: dict[object, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(re, "_MAXCACHE", 4)
    path = _written(tmp_path, regex_programs.record(PATTERNS))
    assert regex_programs.load(path) == 3  # (three quarters of the cache at most)


def test_the_build_loads_its_programs_at_start_up() -> None:
    """On the compiled path, the build holds the programs, and a process finds the
    engine's expressions compiled before it compiles any."""
    if not native.status()[0]:
        if os.environ.get("REDLINE_EXPECT_NATIVE") == "1":
            pytest.fail("no compiled build: " + native.status()[1])
        pytest.skip("no compiled build (make native): every expression is compiled when used")
    assert (Path(native.BUILD) / regex_programs.FILE).is_file()
    probe = (
        "import re; from core.engine import native; n = len(re._cache); "
        "import core.engine.tokens as t; print(n, (str, t.CONTRACT_WORD.pattern, 0) in re._cache)"
    )
    env = {k: v for k, v in os.environ.items() if k != native.PURE_VARIABLE}
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert int(out[0]) >= 50 and out[1] == "True"
