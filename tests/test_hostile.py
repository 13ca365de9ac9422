"""Hostile inputs stay linear: work is counted (never timed) at sizes n and 4n.

The count is of Python lines executed by the whole ``redline compare --format json``
path (engine, flags, JSON writer), traced with ``sys.settrace``: a quadratic loop in
Python shows as a ratio near 16, linear work near 4. Work inside C (a regular
expression backtracking, ``str.rfind``) is not traced: the patterns that could
backtrack are checked for the property that keeps them linear (``test_cjk.py``:
a terminator match starts only at a run's first mark), and ``bench/hostile.py``
times the full-size inputs as whole processes.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import core.engine.segment as segment_module
import core.flags.quotes as quotes
from core.cli import main


def _lines(n: int) -> str:
    return "".join(f"line {i % 97}\n" for i in range(n // 8))


def _cjk(n: int) -> str:
    base = "国家食品药品监督管理总局决定对说明书进行修订并明确指出儿童禁用"
    return (base * (n // len(base) + 1))[:n]


SHAPES: dict[str, Callable[[int], str]] = {
    "dots": lambda n: "." * n,
    "quotes": lambda n: '"' * n,
    "singles": lambda n: "'" * n,
    "cjk-stops": lambda n: "。" * n,
    "short-lines": _lines,
    "latin-no-spaces": lambda n: ("abcdefghij" * n)[:n],
    "one-word": lambda n: "word " * (n // 5),
    "same-sentence": lambda n: "The cat sat on the mat. " * (n // 24),
    "cjk-one-line": _cjk,
    "cjk-sentences": lambda n: ("今天下雨。" * n)[:n],
    "spaced-quotes": lambda n: '" ' * (n // 2),
    # a run of marks after a closed quotation, in a sentence with words: each mark is
    # judged by the flanks of its run, found once (not once per mark)
    "quoted-run": lambda n: 'He said "no" and ' + '"' * n + " she left.",
}


def _changed(text: str) -> str:
    middle = len(text) // 2
    return text[:middle] + "XyZ" + text[middle + 3 :]


def _work(tmp_path: Path, old: str, new: str) -> int:
    """Python lines executed by ``redline compare OLD NEW --format json -o OUT``."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(old, encoding="utf-8")
    b.write_text(new, encoding="utf-8")
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        return local

    args = ["compare", str(a), str(b), "--format", "json", "-o", str(tmp_path / "out.json")]
    main(args)  # once untraced: imports and caches are not part of the count
    sys.settrace(tracer)
    try:
        main(args)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_work_grows_linearly(tmp_path: Path, shape: str) -> None:
    make = SHAPES[shape]
    small, large = make(1500), make(6000)
    for other in (_changed, lambda t: t):
        w1 = _work(tmp_path, small, other(small))
        w4 = _work(tmp_path, large, other(large))
        assert w4 <= 5 * w1, (shape, w1, w4)


def test_a_run_of_quote_marks_is_skipped_not_walked(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    role = quotes._role

    def counting(text: str, pos: int, mark: str, *run: Any) -> Any:
        nonlocal calls
        calls += 1
        return role(text, pos, mark, *run)

    monkeypatch.setattr(quotes, "_role", counting)
    for mark in "\"'":
        calls = 0
        quotes.quote_regions("say " + mark * 10_000 + " end")
        assert calls < 10, mark


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="\"\"\"'''a .(\n\u201c\u2019", max_size=60))
def test_skipping_a_run_gives_what_mark_by_mark_pairing_gives(text: str) -> None:
    fast = quotes.quote_regions(text)
    original = quotes._run_inside_end
    quotes._run_inside_end = lambda text, pos, mark, end, opened: pos
    try:
        slow = quotes.quote_regions(text)
    finally:
        quotes._run_inside_end = original
    assert fast == slow


def _wrap_width_reference(text: str, lines: list[tuple[int, int, int]]) -> int:
    """``segment._wrap_width`` as it was written as loops, before its lists were mapped
    in C and its lengths counted: the width (0: not wrapped)."""
    inner: list[int] = []
    ends: list[str] = []
    for (s, ce, _), nxt in itertools.pairwise(lines):
        if ce > s and nxt[1] > nxt[0]:
            inner.append(ce - s)
            ends.append(text[s:ce].rstrip()[-1:])
    if not inner:
        return 0
    if len(inner) < 3:
        usual = all(50 <= n <= 100 for n in inner) and not any(e in '.!?:"”' for e in ends)
        return max(inner) if usual else 0
    width = sorted(inner)[int(len(inner) * 0.9)]
    if not 40 <= width <= 120:
        return 0
    return width if sum(1 for n in inner if n >= width - 25) >= 0.75 * len(inner) else 0


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["", "  ", "x" * 30, "y" * 45, "z" * 60, "w" * 72 + ".", "v" * 80]),
        max_size=12,
    )
)
def test_mapped_segmenter_steps_give_what_the_loops_gave(line_texts: list[str]) -> None:
    text = "\n".join(line_texts)
    lines = segment_module._lines(text)
    assert segment_module._wrap_width(text, lines) == _wrap_width_reference(text, lines)
    starts = {s for s, _, _ in lines} | {0, len(text)}
    reference = [0, *sorted(p for p in starts if 0 < p < len(text)), len(text)]
    expected = tuple((a, b) for a, b in itertools.pairwise(reference) if b > a) or ((0, len(text)),)
    assert segment_module._tile(starts, len(text)) == expected
