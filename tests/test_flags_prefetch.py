"""The names' tallies counted in a forked child while the engine compares: the same
tallies and flags as counted in the process, and counted in the process whenever the
child cannot help."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli import main
from core.engine.compare import compare
from core.flags import prefetch
from core.flags.detect import flag_comparison
from core.flags.names import tallies_of
from core.text.document import document_from_text
from tests.conftest import CONDENSED, FULL

needs_fork = pytest.mark.skipif(
    not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2,
    reason="the child is forked on Linux with two cores or more only",
)


@pytest.fixture(autouse=True)
def _nothing_pending(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(prefetch, "MIN_CHARS", 0)
    yield
    prefetch._stop()


def _texts() -> tuple[str, str]:
    """The sample pair, a name changed in two added paragraphs (two name flags)."""
    added = (
        "\n\nThe report was written by Maria {0} for the council."
        "\n\nOfficials said Maria {0} had checked every figure."
    )
    old = CONDENSED.read_text(encoding="utf-8") + added.format("Keller")
    return old, FULL.read_text(encoding="utf-8") + added.format("Brenner")


@needs_fork
def test_child_counts_the_tallies_counted_here() -> None:
    old, new = _texts()
    assert prefetch.start(old, new, tallies_of)
    assert prefetch.take(old, new) == tallies_of(old, new)
    assert prefetch.take(old, new) is None  # taken once


@needs_fork
def test_flags_the_same_with_the_tallies_from_the_child() -> None:
    old, new = _texts()
    a, b = document_from_text(old, "old.txt"), document_from_text(new, "new.txt")
    counted_here = flag_comparison(compare(a, b))
    assert [f.kind for f in counted_here].count("name") == 2
    assert prefetch.start(a.text, b.text, tallies_of)
    assert flag_comparison(compare(a, b)) == counted_here
    assert prefetch._pending is None  # the flags took the child's tallies


@needs_fork
def test_tallies_kept_for_the_texts_they_were_counted_for() -> None:
    old, new = _texts()
    assert prefetch.start(old, new, tallies_of)
    assert prefetch.take(old + " ", new) is None  # other texts: count here
    assert prefetch.take(old, new) is not None


def _failing(old: str, new: str) -> dict[str, object]:
    raise RuntimeError("the child fails")


@needs_fork
def test_a_failing_child_leaves_the_count_to_the_process() -> None:
    old, new = _texts()
    assert prefetch.start(old, new, _failing)
    assert prefetch.take(old, new) is None


def test_short_texts_are_counted_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prefetch, "MIN_CHARS", 200_000)
    old, new = _texts()
    assert not prefetch.start(old, new, tallies_of)
    assert prefetch._pending is None


def test_without_fork_the_tallies_are_counted_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "fork")
    old, new = _texts()
    assert not prefetch.start(old, new, tallies_of)


@pytest.mark.parametrize(
    ("options", "started"),
    [
        (["--format", "json"], True),
        (["--format", "html"], True),
        (["--format", "json", "--no-flags"], False),
        (["--format", "text"], False),
    ],
)
def test_command_line_counts_names_aside_when_it_shows_flags(
    options: list[str], started: bool, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys
) -> None:
    calls: list[tuple[int, int]] = []
    monkeypatch.setattr(prefetch, "start", lambda old, new, _: calls.append((len(old), len(new))))
    main(["compare", str(CONDENSED), str(FULL), *options, "--output", str(tmp_path / "r")])
    assert bool(calls) == started


def _stuck(old: str, new: str) -> dict[str, object]:
    import time

    time.sleep(600)
    return {}


@needs_fork
def test_a_stuck_child_is_stopped_and_the_count_left_to_the_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(prefetch, "WAIT_SECONDS", 0.3)
    old, new = _texts()
    assert prefetch.start(old, new, _stuck)
    pid = prefetch._pending[3]
    assert prefetch.take(old, new) is None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # stopped and reaped


_EXITS_WITHOUT_TAKING = """
import os, sys, time
from core.flags import prefetch
prefetch.MIN_CHARS = 0

def stuck(old, new):
    time.sleep(600)
    return {}

assert prefetch.start("old text", "new text", stuck)
print(prefetch._pending[3], flush=True)
"""


@needs_fork
def test_a_process_leaving_without_the_tallies_stops_the_child_and_frees_its_output(
    tmp_path: Path,
) -> None:
    # A caller reading the output waits until every holder of the pipe closes it: the
    # child holds none, and is stopped when the process exits.
    done = subprocess.run(
        [sys.executable, "-c", _EXITS_WITHOUT_TAKING],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert done.returncode == 0, done.stderr
    child = int(done.stdout.split()[0])
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)
