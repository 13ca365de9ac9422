"""Work counted on the other core while the engine compares (``core.engine.aside``):
the new side's units and the names, the same as counted in the process, and counted in the
process whenever the child cannot help."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import BinaryIO

import pytest

import core.engine.compare as engine
from core.cli import main
from core.engine import aside
from core.engine.compare import UNITS_JOB, compare
from core.flags import aside_jobs, detect, figure_words, pooled, quotes
from core.flags.aside_jobs import FLAGS_MODULES
from core.flags.detect import flag_comparison
from core.flags.figure_words import URLS_JOB, urls_aside
from core.flags.names import NAMES_JOB, names_aside, names_of, pair_names
from core.flags.quotes import QUOTES_JOB, Quotations, quotes_aside
from core.model import CompareOptions
from core.text.document import document_from_text
from tests.conftest import CONDENSED, FULL

needs_fork = pytest.mark.skipif(
    not sys.platform.startswith("linux") or aside.usable_cpus() < 2,
    reason="the child is forked on Linux with two cores or more only",
)


def test_a_process_bound_to_one_processor_forks_no_child(monkeypatch: pytest.MonkeyPatch) -> None:
    # (the machine's count said two or more under ``taskset -c 0``: both children
    # forked onto one processor, taking turns with the comparison)
    old, new = _texts()
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    assert aside.usable_cpus() == 1 and not aside.worth_it(len(old) + len(new))
    assert not aside.start(old, new, [("lengths", _lengths)])
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert aside.usable_cpus() == 2


@pytest.fixture(autouse=True)
def _nothing_pending(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(aside, "MIN_CHARS", 0)
    monkeypatch.setattr(aside, "_single_threaded_for", None)
    yield
    aside.stop()


def _texts() -> tuple[str, str]:
    """The sample pair, a name changed in two added paragraphs (two name flags)."""
    added = (
        "\n\nThe report was written by Maria {0} for the council."
        "\n\nOfficials said Maria {0} had checked every figure."
    )
    old = CONDENSED.read_text(encoding="utf-8") + added.format("Keller")
    return old, FULL.read_text(encoding="utf-8") + added.format("Brenner")


def _lengths(old: str, new: str) -> tuple[int, int]:
    return len(old), len(new)


def _failing(old: str, new: str) -> object:
    raise RuntimeError("the child fails")


def _late(old: str, new: str) -> object:
    time.sleep(0.5)
    return "late"


def _sent_within(seconds: float) -> bool:
    """Wait until the child has sent something (or ``seconds`` pass)."""
    import select

    assert aside._pending is not None
    return bool(select.select([aside._pending.read], [], [], seconds)[0])


def _stuck(old: str, new: str) -> object:
    time.sleep(600)
    return None


@needs_fork
def test_jobs_come_back_by_name_in_any_order_once() -> None:
    old, new = _texts()
    assert aside.start(old, new, [("lengths", _lengths), (NAMES_JOB, names_of)])
    assert aside.take(old, new, NAMES_JOB) == names_of(old, new)  # the second job first
    assert aside.take(old, new, "lengths") == (len(old), len(new))
    assert aside.take(old, new, "lengths") is None  # taken once
    assert aside._pending is None  # every result taken: the child is reaped


@needs_fork
def test_the_new_side_counted_aside_gives_the_same_comparison(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old, new = _texts()
    a, b = document_from_text(old, "old.txt"), document_from_text(new, "new.txt")
    original = engine._side_units
    for options in (CompareOptions(), CompareOptions(ignore_case=False, ignore_punctuation=True)):
        here = compare(a, b, options)
        counted: list[int] = []  # (the child counts into its own copy)

        def recording(*args: object, _counted=counted) -> object:
            _counted.append(args[3])  # type: ignore[arg-type]
            return original(*args)  # type: ignore[arg-type]

        monkeypatch.setattr(engine, "_side_units", recording)
        assert aside.allow(a.text, b.text)
        assert compare(a, b, options) == here
        assert counted == [0]  # only the old side was counted here
        assert aside._pending is None  # the child's units taken, the child reaped


def test_a_comparison_not_allowed_to_fork_counts_both_sides_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old, new = _texts()
    a, b = document_from_text(old, "old.txt"), document_from_text(new, "new.txt")
    forks: list[int] = []
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or 1 / 0)
    compare(a, b)  # (a library call, nothing allowed)
    assert aside.allow(a.text + " ", b.text)  # allowed for other texts
    compare(a, b)
    assert forks == []


@needs_fork
def test_allowed_once_and_for_the_texts_given() -> None:
    old, new = _texts()
    assert aside.allow(old, new, [("lengths", _lengths)])
    assert not aside.launch(old + " ", new, [])  # other texts: the allowance is gone
    assert not aside.launch(old, new, [])
    assert aside.allow(old, new, [("lengths", _lengths)])
    assert aside.launch(old, new, [(UNITS_JOB, _lengths)])
    assert aside.take(old, new, "lengths") == aside.take(old, new, UNITS_JOB)


@needs_fork
def test_flags_the_same_with_the_names_from_the_child() -> None:
    old, new = _texts()
    a, b = document_from_text(old, "old.txt"), document_from_text(new, "new.txt")
    counted_here = flag_comparison(compare(a, b))
    assert [f.kind for f in counted_here].count("name") == 2
    assert aside.allow(a.text, b.text, [names_aside()])
    assert flag_comparison(compare(a, b)) == counted_here
    assert aside._pending is None  # the flags took the child's names


@needs_fork
def test_names_from_the_child_are_the_names_found_here() -> None:
    old, new = _texts()
    here = [names.names for names in pair_names(old, new)]
    assert aside.start(old, new, [names_aside()])
    assert [names.names for names in pair_names(old, new)] == here
    assert "keller" in here[0] and "brenner" in here[1]


@needs_fork
def test_results_kept_for_the_texts_they_were_counted_for() -> None:
    old, new = _texts()
    assert aside.start(old, new, [("lengths", _lengths)])
    assert aside.take(old + " ", new, "lengths") is None  # other texts: count here
    assert aside.take(old, new, "lengths") == (len(old), len(new))


@needs_fork
def test_a_job_never_asked_of_the_child_is_answered_at_once() -> None:
    old, new = _texts()
    assert aside.start(old, new, [("stuck", _stuck)])
    started = time.monotonic()
    assert aside.take(old, new, "lengths") is None
    assert time.monotonic() - started < 5


@needs_fork
def test_a_result_not_yet_sent_is_given_up_without_waiting_and_dropped_when_it_comes() -> None:
    old, new = _texts()
    assert aside.start(old, new, [("late", _late), ("lengths", _lengths)])
    started = time.monotonic()
    assert aside.take(old, new, "late", wait=False) is None
    assert time.monotonic() - started < 0.3
    assert aside.take(old, new, "lengths") == (len(old), len(new))  # ("late" dropped)
    assert aside._pending is None


@needs_fork
def test_the_child_is_not_waited_for_after_the_last_result_wanted() -> None:
    old, new = _texts()
    assert aside.start(old, new, [("lengths", _lengths), ("stuck", _stuck)])
    assert aside.take(old, new, "stuck", wait=False) is None  # given up first
    started = time.monotonic()
    assert aside.take(old, new, "lengths") == (len(old), len(new))
    assert time.monotonic() - started < 5  # (not the stuck job's 600 s)
    assert aside._pending is None


@needs_fork
def test_a_result_already_sent_is_taken_without_waiting() -> None:
    old, new = _texts()
    assert aside.start(old, new, [("lengths", _lengths), ("late", _late)])
    assert _sent_within(30)
    assert aside.take(old, new, "lengths", wait=False) == (len(old), len(new))
    assert aside.take(old, new, "late", wait=False) is None  # the last: the child stopped
    assert aside._pending is None


@needs_fork
def test_flags_the_same_with_every_paragraphs_quotations_from_the_child() -> None:
    old, new = _texts()
    old += '\n\nShe said "the figure was 12" and left.'
    new += '\n\nShe said "the figure was 15" and left.'
    a, b = document_from_text(old, "old.txt"), document_from_text(new, "new.txt")
    counted_here = flag_comparison(compare(a, b))
    assert "quote" in [f.kind for f in counted_here]
    assert aside.allow(a.text, b.text, [names_aside(), quotes_aside()])
    result = compare(a, b)
    assert _sent_within(30)
    time.sleep(0.5)  # (both names and quotations sent by then)
    taken: list[tuple[Quotations, Quotations]] = []
    pair = quotes.pair_quotations

    def recording(old: str, new: str) -> tuple[Quotations, Quotations]:
        taken.append(pair(old, new))
        return taken[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pooled, "pair_quotations", recording)
        assert flag_comparison(result) == counted_here
    assert all(None not in q._found for q in taken[0])  # every paragraph scanned aside
    assert aside._pending is None


@needs_fork
def test_url_starts_from_the_child_are_those_found_here_and_flag_alike(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old, new = _texts()
    old += "\n\nSee https://example.org/2021/report for 12 figures, or www.example.org/7."
    new += "\n\nSee https://example.org/2021/report for 15 figures, or www.example.org/7."
    a, b = document_from_text(old, "old.txt"), document_from_text(new, "new.txt")
    monkeypatch.setattr(figure_words, "_URL_STARTS", [])
    monkeypatch.setattr(figure_words, "_URL_REACH", 16)  # (texts this short look them up)
    counted_here = flag_comparison(compare(a, b))
    expected = [figure_words._url_starts(a.text), figure_words._url_starts(b.text)]
    assert expected[0] and expected[1]
    monkeypatch.setattr(figure_words, "_URL_STARTS", [])
    assert aside.allow(a.text, b.text, [names_aside(), quotes_aside(), urls_aside()])
    result = compare(a, b)
    assert _sent_within(30)
    time.sleep(0.5)  # (every job sent by then)
    aside.take(a.text, b.text, NAMES_JOB)
    aside.take(a.text, b.text, QUOTES_JOB)
    figure_words.take_url_starts(a.text, b.text)
    kept = figure_words._URL_STARTS
    assert [starts for _, starts in kept] == expected
    assert kept[0][0] is a.text and kept[1][0] is b.text
    assert flag_comparison(result) == counted_here
    assert aside._pending is None


def test_url_starts_not_sent_are_found_when_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = _texts()
    monkeypatch.setattr(figure_words, "_URL_STARTS", [])
    figure_words.take_url_starts(old, new)  # (no child: nothing kept)
    assert figure_words._URL_STARTS == []


@needs_fork
def test_a_childs_pipe_holds_a_megabyte_where_the_system_lets_it() -> None:
    import fcntl

    old, new = _texts()
    assert aside.start(old, new, [("lengths", _lengths)])
    assert aside._pending is not None
    size = fcntl.fcntl(aside._pending.read, 1032)  # F_GETPIPE_SZ (linux/fcntl.h)
    allowed = int(Path("/proc/sys/fs/pipe-max-size").read_text())
    assert size >= min(1 << 20, allowed)
    assert aside.take(old, new, "lengths") == (len(old), len(new))


@needs_fork
def test_a_failing_job_leaves_it_and_the_rest_to_the_process() -> None:
    old, new = _texts()
    assert aside.start(old, new, [("lengths", _lengths), ("fails", _failing), ("x", _lengths)])
    assert aside.take(old, new, "lengths") == (len(old), len(new))
    assert aside.take(old, new, "fails") is None
    assert aside._pending is None  # stopped and reaped
    assert aside.take(old, new, "x") is None


def test_short_texts_are_counted_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aside, "MIN_CHARS", 200_000)
    old, new = _texts()
    assert not aside.start(old, new, [("lengths", _lengths)])
    assert aside._pending is None


def test_without_fork_everything_is_counted_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "fork")
    old, new = _texts()
    assert not aside.start(old, new, [("lengths", _lengths)])


@pytest.mark.parametrize(
    ("options", "jobs"),
    [
        (["--format", "json"], [NAMES_JOB, QUOTES_JOB, URLS_JOB]),
        (["--format", "html", "--case-sensitive"], [NAMES_JOB, QUOTES_JOB, URLS_JOB]),
        (["--format", "json", "--no-flags"], []),
        (["--format", "text", "--ignore-punctuation"], []),
    ],
)
def test_command_line_lets_the_engine_count_aside_with_the_names_when_it_shows_flags(
    options: list[str], jobs: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys
) -> None:
    calls: list[tuple[list[str], object, object]] = []

    def allow(old: str, new: str, js=(), when_built=None, meanwhile=None) -> None:  # type: ignore[no-untyped-def]
        calls.append(([n for n, _ in js], when_built, meanwhile.args[0]))

    monkeypatch.setattr(aside, "allow", allow)
    main(["compare", str(CONDENSED), str(FULL), *options, "--output", str(tmp_path / "r")])
    # With flags shown, most of them are checked in a child once the blocks are built;
    # the report's module (and the flags' own) is loaded while the units are late.
    report = {"json": "core.report.comparison_json", "html": "core.report.comparison_html"}
    loaded = (report.get(options[1], "core.report.render_text"), *(FLAGS_MODULES if jobs else ()))
    assert calls == [(jobs, aside_jobs.flags_ahead if jobs else None, loaded)]


def _allowed_with(meanwhile: Callable[[], None], jobs: list[aside.Job]) -> tuple[str, str]:
    old, new = _texts()
    assert aside.allow(old, new, meanwhile=meanwhile)
    assert aside.launch(old, new, jobs)
    return old, new


@needs_fork
def test_what_the_caller_needs_later_is_done_once_while_a_result_is_late() -> None:
    done: list[str] = []
    old, new = _allowed_with(lambda: done.append("loaded"), [("late", _late), ("more", _late)])
    assert aside.take(old, new, "late") == "late"
    assert aside.take(old, new, "more") == "late"
    assert done == ["loaded"]
    assert "signal" in sys.modules  # (what stopping the child takes)


@needs_fork
def test_nothing_is_done_meanwhile_when_no_result_is_late() -> None:
    done: list[str] = []
    old, new = _allowed_with(lambda: done.append("loaded"), [("lengths", _lengths)])
    assert _sent_within(30)
    assert aside.take(old, new, "lengths") == (len(old), len(new))
    assert done == []
    assert aside._meanwhile is None  # (the child stopped: nothing to wait for)


@needs_fork
def test_a_module_that_fails_to_load_meanwhile_leaves_the_result_to_come() -> None:
    old, new = _allowed_with(
        partial(aside_jobs.load_modules, ["core.no_such_module"]), [("late", _late)]
    )
    assert aside.take(old, new, "late") == "late"


def test_nothing_is_kept_to_do_meanwhile_for_texts_not_counted_aside(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(aside, "worth_it", lambda chars: False)
    assert not aside.allow("old", "new", meanwhile=lambda: None)
    assert aside._meanwhile is None


@needs_fork
def test_command_line_leaves_no_child_behind(tmp_path: Path, capsys) -> None:
    started: list[int] = []
    launch = aside.launch

    def recording(old: str, new: str, first: list[aside.Job]) -> bool:
        done = launch(old, new, first)
        if done:
            assert aside._pending is not None
            started.append(aside._pending.pid)
        return done

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(aside, "launch", recording)
        main(["compare", str(CONDENSED), str(FULL), "--format", "json", "-o", str(tmp_path / "r")])
    assert len(started) == 1 and aside._pending is None
    with pytest.raises(ChildProcessError):
        os.waitpid(started[0], os.WNOHANG)  # stopped and reaped


@needs_fork
def test_command_line_reaps_the_flags_child_it_let_go(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    let_go: list[int] = []
    original = aside._let_go

    def recording(pid: int) -> None:
        let_go.append(pid)
        original(pid)

    monkeypatch.setattr(aside, "_let_go", recording)
    monkeypatch.setattr(detect, "AHEAD_CHANGES", 1)
    old, new = _bigger_pair()
    (tmp_path / "old.txt").write_text(old, encoding="utf-8")
    (tmp_path / "new.txt").write_text(new, encoding="utf-8")
    main(["compare", str(tmp_path / "old.txt"), str(tmp_path / "new.txt"), "--format", "json"])
    assert json.loads(capsys.readouterr().out)["flags"]
    assert let_go  # (the flags child was forked, and let go)
    assert aside._unreaped == []
    for pid in let_go:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # stopped and reaped


@needs_fork
def test_a_stuck_child_is_stopped_and_the_work_left_to_the_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(aside, "WAIT_SECONDS", 0.3)
    old, new = _texts()
    assert aside.start(old, new, [("stuck", _stuck)])
    assert aside._pending is not None
    pid = aside._pending.pid
    assert aside.take(old, new, "stuck") is None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # stopped and reaped


_EXITS_WITHOUT_TAKING = """
import time
from core.engine import aside
aside.MIN_CHARS = 0

def stuck(old, new):
    time.sleep(600)

assert aside.start("old text", "new text", [("stuck", stuck)])
print(aside._pending.pid, flush=True)
"""


@needs_fork
def test_a_process_leaving_without_the_results_stops_the_child_and_frees_its_output(
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


_KILLED_WHILE_COUNTING = """
import sys, time
from core.engine import aside
aside.MIN_CHARS = 0

def quick(old, new):
    return 1

def stuck(old, new):
    time.sleep(600)

assert aside.start("old text", "new text", [("quick", quick), ("stuck", stuck)])
assert aside.take("old text", "new text", "quick") == 1
print(aside._pending.pid, flush=True)
time.sleep(600)
"""


@needs_fork
def test_a_child_goes_with_a_process_killed_while_it_counts() -> None:
    # (the window kills its engine child on cancel: what that counted aside is lost)
    process = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WHILE_COUNTING],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    try:
        assert process.stdout is not None
        child = int(process.stdout.readline())
        os.kill(child, 0)  # counting
    finally:
        process.kill()
        process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    pytest.fail("the child outlived the process")


def _bigger_pair() -> tuple[str, str]:
    """Eight copies of the sample pair with a name, a figure and a quotation changed
    in each: flags in every part of the comparison."""
    old, new = _texts()
    olds, news = [old], [new]
    for k in range(8):
        olds.append(f'\n\nIn part {k} Maria Keller said "we spent {k + 10} million" on it.')
        news.append(f'\n\nIn part {k} Maria Brenner said "we spent {k + 20} million" on it.')
    return "".join(olds), "".join(news)


def _recording_forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    forks: list[int] = []
    shared = aside.shared

    def recording(work, count):  # type: ignore[no-untyped-def]
        forks.append(1)
        return shared(work, count)

    monkeypatch.setattr(aside, "shared", recording)
    return forks


@needs_fork
def test_flags_checked_from_both_ends_with_a_child_are_the_flags_checked_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old, new = _bigger_pair()
    result = compare(document_from_text(old, "old.txt"), document_from_text(new, "new.txt"))
    here = flag_comparison(result)
    assert {"name", "number", "quote"} <= {f.kind for f in here}
    monkeypatch.setattr(detect, "SPLIT_CHANGES", 2)
    monkeypatch.setattr(detect, "AHEAD_PIECE", 1)  # (pieces met from both ends)
    forks = _recording_forks(monkeypatch)
    assert not aside.may_fork(old, new)  # nothing allowed yet: checked here
    assert flag_comparison(result) == here and forks == []
    aside.allow(old + " ", new)
    assert not aside.may_fork(old, new)  # allowed for other texts
    aside.allow(old, new)
    assert aside.may_fork(old, new)
    assert flag_comparison(result) == here and forks == [1]


def test_work_shared_is_done_here_when_no_child_can_be_forked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_fork() -> int:
        raise OSError("no more processes")

    monkeypatch.setattr(os, "fork", no_fork)
    assert aside.shared(lambda k: [1, 2][k], 2)(lambda k: [1, 2][k]) == [1, 2]


@needs_fork
def test_work_shared_that_fails_in_the_child_is_done_here() -> None:
    here = os.getpid()
    calls: list[int] = []

    def work(k: int) -> int:
        calls.append(k)
        if os.getpid() != here:
            raise RuntimeError("fails in the child")
        return 7

    meet = aside.shared(work, 1)
    time.sleep(0.1)  # (the child has failed)
    assert meet(work) == [7]
    assert calls == [0]  # (the child's call is in its own memory)


@needs_fork
def test_flags_begun_once_the_blocks_are_built_are_the_flags_checked_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old, new = _bigger_pair()
    docs = document_from_text(old, "old.txt"), document_from_text(new, "new.txt")
    here = flag_comparison(compare(*docs))
    monkeypatch.setattr(detect, "AHEAD_CHANGES", 2)
    monkeypatch.setattr(detect, "AHEAD_PIECE", 1)  # (pieces met from both ends)
    forks = _recording_forks(monkeypatch)
    begun: list[object] = []

    def ahead(comparison: object) -> None:
        begun.append(comparison)
        detect.flags_ahead(comparison)

    aside.allow(old, new, when_built=ahead)
    result = compare(*docs)
    # Begun with the blocks, before the rows: the child checks pieces meanwhile.
    assert len(begun) == 1 and begun[0].rows == () and begun[0].blocks is result.blocks  # type: ignore[attr-defined]
    assert forks == [1] and detect._ahead is not None
    assert flag_comparison(result) == here
    assert detect._ahead is None and forks == [1]  # (the split is not forked again)
    assert flag_comparison(result) == here  # asked again: checked here, the same


@needs_fork
def test_flags_begun_for_other_blocks_are_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = _bigger_pair()
    later = new + "\n\nMaria Brenner spent 40 million."
    expected = flag_comparison(
        compare(document_from_text(old, "a.txt"), document_from_text(later, "b.txt"))
    )
    monkeypatch.setattr(detect, "AHEAD_CHANGES", 2)
    aside.allow(old, new, when_built=detect.flags_ahead)
    compare(document_from_text(old, "old.txt"), document_from_text(new, "new.txt"))
    assert detect._ahead is not None
    other = compare(document_from_text(old, "a.txt"), document_from_text(later, "b.txt"))
    assert flag_comparison(other) == expected
    assert detect._ahead is None  # given up, not kept for later


@needs_fork
def test_few_changes_are_checked_here_with_the_groups_found_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old, new = _bigger_pair()
    docs = document_from_text(old, "old.txt"), document_from_text(new, "new.txt")
    here = flag_comparison(compare(*docs))
    forks = _recording_forks(monkeypatch)
    found: list[int] = []
    groups = detect._groups

    def counting(comparison, context):  # type: ignore[no-untyped-def]
        found.append(1)
        return groups(comparison, context)

    monkeypatch.setattr(detect, "_groups", counting)
    aside.allow(old, new, when_built=detect.flags_ahead)  # (fewer than AHEAD_CHANGES)
    result = compare(*docs)
    assert flag_comparison(result) == here
    assert forks == [] and found == [1]


def test_the_blocks_are_announced_once_for_the_texts_allowed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old, new = _texts()
    seen: list[object] = []
    aside.allow(old, new, when_built=seen.append)
    aside.built(old, new, lambda: "these")
    aside.built(old, new, lambda: "again")
    assert seen == ["these"]
    # A comparison of other texts first (as ``launch`` does, the word is given up).
    aside.allow(old, new, when_built=seen.append)
    aside.built(old + " ", new, lambda: "other texts")
    aside.built(old, new, lambda: "too late")
    assert seen == ["these"]
    # Not allowed (too short here): nothing to announce to.
    monkeypatch.setattr(aside, "MIN_CHARS", 10**9)
    aside.allow(old, new, when_built=seen.append)
    aside.built(old, new, lambda: "short")
    assert seen == ["these"]


def _piece(k: int) -> tuple[int, int]:
    return k, os.getpid()


@needs_fork
def test_pieces_shared_come_back_in_order_from_both_ends() -> None:
    here = os.getpid()

    def slow_child(k: int) -> tuple[int, int]:
        if os.getpid() != here:
            time.sleep(0.05)
        return _piece(k)

    # A child slower than this process: this process does most pieces, from the last.
    done = aside.shared(slow_child, 20)(_piece)
    assert [k for k, _ in done] == list(range(20))
    mine = [k for k, pid in done if pid == here]
    assert len(mine) >= 15 and mine == list(range(20 - len(mine), 20))

    def slow_here(k: int) -> tuple[int, int]:
        time.sleep(0.05)
        return _piece(k)

    # A process slower than its child (busy elsewhere): the child does most.
    meet = aside.shared(_piece, 20)
    time.sleep(0.3)  # (the process at other work meanwhile)
    done = meet(slow_here)
    assert [k for k, _ in done] == list(range(20))
    assert sum(pid != here for _, pid in done) >= 15


@needs_fork
def test_a_child_done_with_its_pieces_is_let_go_then_reaped() -> None:
    """The pieces come back without waiting for the child to leave; it is reaped once
    gone (here, when asked; else at the next child or at exit)."""
    aside.reap()
    meet = aside.shared(_piece, 6)
    time.sleep(0.2)  # (its pieces sent)
    assert [k for k, _ in meet(_piece)] == list(range(6))
    let_go = list(aside._unreaped)
    assert len(let_go) <= 1  # (not yet reaped when not gone yet)
    aside.reap()
    assert aside._unreaped == []
    for pid in let_go:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


@needs_fork
def test_pieces_of_a_child_that_fails_are_done_here() -> None:
    here = os.getpid()

    def failing(k: int) -> tuple[int, int]:
        if os.getpid() != here and k == 3:
            raise RuntimeError("fails in the child")
        return _piece(k)

    meet = aside.shared(failing, 10)
    time.sleep(0.2)  # (it has sent pieces 0 to 2 and failed)
    done = meet(_piece)
    assert [k for k, _ in done] == list(range(10))
    assert [k for k, pid in done if pid != here] == [0, 1, 2]


def test_pieces_are_all_done_here_without_a_child(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise OSError("no more processes")

    monkeypatch.setattr(os, "fork", no_fork)
    assert aside.shared(_piece, 4)(_piece) == [(k, os.getpid()) for k in range(4)]


def _frames_through_a_pipe(write: Callable[[BinaryIO], None]) -> list[object]:
    """What ``aside._loaded`` reads, frame after frame, from a pipe that ``write``
    fills on another thread and closes; None where a frame does not load."""
    import threading

    read_end, write_end = os.pipe()
    out = os.fdopen(write_end, "wb")

    def fill() -> None:
        with out:
            write(out)

    writer = threading.Thread(target=fill)
    writer.start()
    found: list[object] = []
    try:
        while True:
            frame = aside._loaded(read_end)
            found.append(frame)
            if frame is None:
                break
    finally:
        writer.join()
        os.close(read_end)
    return found


def test_frames_cross_in_chunks_unpickled_as_they_come() -> None:
    from array import array

    units = (
        array("q", range(300_000)),
        tuple(f"word{k % 7000}" for k in range(200_000)),
        list(range(0, 300_000, 3)),
    )
    found = _frames_through_a_pipe(
        lambda out: [aside._write_frame(out, ("units", units)), aside._write_frame(out, (1, "x"))]
    )
    assert found == [("units", units), (1, "x"), None]  # (then the pipe's end)


def test_a_frame_cut_short_or_running_on_is_not_loaded() -> None:
    import pickle

    data = pickle.dumps(("names", list(range(100_000))), protocol=pickle.HIGHEST_PROTOCOL)
    header = aside._FRAME_HEADER

    def cut(out: BinaryIO) -> None:  # the child gone in the middle of a chunk
        out.write(len(data).to_bytes(header, "little") + data[: len(data) // 2])

    def unended(out: BinaryIO) -> None:  # the pickle whole, the frame's end missing
        out.write(len(data).to_bytes(header, "little") + data)

    def running_on(out: BinaryIO) -> None:  # more after the pickle, in the same frame
        out.write(len(data).to_bytes(header, "little") + data)
        out.write((3).to_bytes(header, "little") + b"abc" + (0).to_bytes(header, "little"))

    for write in (cut, unended, running_on):
        assert _frames_through_a_pipe(write)[0] is None


def test_asking_for_the_flags_jobs_loads_no_flags_module() -> None:
    code = (
        "import sys; from core.flags.aside_jobs import allow_aside, jobs_aside; "
        "jobs_aside(); allow_aside('a', 'b', True, ('json',)); "
        "print(sorted(m for m in sys.modules if m.startswith('core.flags.')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[1],
    )
    assert out.stdout.strip() == "['core.flags.aside_jobs', 'core.flags.job_names']"


@needs_fork
def test_the_jobs_load_their_modules_in_the_child_and_count_as_the_modules_do() -> None:
    old, new = _texts()
    assert aside.start(old, new, aside_jobs.jobs_aside())
    assert aside.take(old, new, NAMES_JOB) == names_of(old, new)
    assert aside.take(old, new, QUOTES_JOB) == quotes_aside()[1](old, new)
    assert aside.take(old, new, URLS_JOB) == urls_aside()[1](old, new)


def test_results_are_pickled_into_the_shared_region_and_only_where_crosses_the_pipe(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from array import array

    # (served here, on a thread: not bound to a parent as the child is, where the build
    # lets that be patched, else bound to this process's own, which is there; and the
    # pipe's write end closed once, by the serving)
    monkeypatch.setattr(aside, "_leave_with", lambda parent: None)
    region = aside._shared_region(1 << 20)
    assert region is not None
    units = (array("q", range(50_000)), tuple(f"w{k % 900}" for k in range(30_000)))
    big = list(range(300_000))  # (its pickle is more than the megabyte)
    jobs = [("units", lambda old, new: units), ("big", lambda old, new: big)]
    jobs.append(("names", lambda old, new: (old, new)))
    frames = _frames_through_a_pipe(
        lambda out: aside._serve(
            os.dup(out.fileno()), os.getppid(), old="a", new="b", jobs=jobs, region=region
        )
    )
    try:
        placed, sent, after = frames[:3]
        assert frames[3:] == [None]
        assert isinstance(placed, tuple) and placed[:2] == (aside._IN_REGION, 0)
        assert aside._from_region(region, placed[1], placed[2]) == ("units", units)
        assert sent == ("big", big)  # (too big: through the pipe, whole)
        assert isinstance(after, tuple) and after[:2] == (aside._IN_REGION, placed[2])
        assert aside._from_region(region, after[1], after[2]) == ("names", ("a", "b"))
        # (where a result cannot lie: nothing)
        for start, end in [(-1, 5), (5, 5), (0, len(region) + 1), ("0", 5), (0, 3)]:
            assert aside._from_region(region, start, end) is None
        assert aside._from_region(None, 0, 5) is None
    finally:
        aside._closed(region)
    assert region.closed


@needs_fork
def test_the_childs_results_come_the_same_through_the_pipe_without_a_region(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old, new = _texts()
    with_region = compare(document_from_text(old, "old.txt"), document_from_text(new, "new.txt"))
    monkeypatch.setattr(aside, "_shared_region", lambda size: None)
    a, b = document_from_text(old, "old.txt"), document_from_text(new, "new.txt")
    assert aside.allow(a.text, b.text)
    assert compare(a, b) == with_region
    assert aside.start(old, new, [(NAMES_JOB, names_of)])
    assert aside._pending is not None and aside._pending.region is None
    assert aside.take(old, new, NAMES_JOB) == names_of(old, new)


@needs_fork
def test_the_region_is_given_back_with_the_child() -> None:
    old, new = _texts()
    assert aside.start(old, new, [("lengths", _lengths)])
    child = aside._pending
    assert child is not None and child.region is not None
    assert aside.take(old, new, "lengths") == (len(old), len(new))
    assert aside._pending is None and child.region.closed


def test_pages_let_go_of_here_keep_what_was_written_there() -> None:
    # (the region is shared: its pages leave this process's memory, not their data)
    region = aside._shared_region(1 << 16)
    assert region is not None
    try:
        region[:10] = b"0123456789"
        region[5000:5004] = b"abcd"
        aside._let_go_of_pages(region, 3, 5002)
        assert region[:10] == b"0123456789" and region[5000:5004] == b"abcd"
    finally:
        aside._closed(region)
