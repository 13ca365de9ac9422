"""The whole ``redline open OLD NEW --screenshot`` process, and the GUI thread's stalls.

    .venv/bin/python bench/bench_screenshot.py                  # heavy and light 1 MB pairs
    .venv/bin/python bench/bench_screenshot.py --peer DIR       # and another checkout, in turn
    .venv/bin/python bench/bench_screenshot.py --runs 5 --only heavy

Pairs: ``light`` is ``bench/out/1M`` (``make_pairs.py``: about 10 % of the sentences
edited); ``heavy30`` is ``bench/out/1M-heavy30`` when ``make_pairs.py --sizes
1M-heavy30`` made it (30 % edited, every paragraph; ``--only heavy30``); ``heavy`` is
``bench/out/heavy/1M``, made here from the light pair's old text when missing:
``variants.make_variant`` twice at rate 0.5 (on the old text, then on its result; a
seed the generator fails on is skipped for the next), then every
paragraph still the same as in the old text loses its second word, so every
paragraph of more than two words is edited.

For each pair and checkout (this one, and ``--peer``), in turn, ``--runs`` times:

- **process**: wall time of ``python -m gui.shell.launcher open OLD NEW --screenshot
  PNG`` run in the checkout (byte code compiled first, settings in a fresh temporary
  ``REDLINE_HOME``), as the ``redline`` script runs it; the median is reported, and
  the median CPU time of the process and the engine's child (user and system: on a
  loaded machine the wall time measures the other work as much as ours).

Then, for this checkout only, the same screenshot in this process (the comparison
started before Qt is imported, as ``redline open`` does), with a 10 ms GUI-thread
timer whose lateness is the stall probe:

- **stall**: the longest gap between two ticks, from the window's show to the PNG,
  and after the whole layout arrived (the worker's layout, before the flags);
- **GUI**: from the whole layout's arrival on the GUI thread to every row built
  (GUI time, not engine time: the first rows are built before, from the preview);
- the window's construction (before it is shown, not probed) and the worker's times
  (``CompareResult.seconds``: ``compare`` the engine, ``plan`` the layout, ``flags``
  the wait for the child's flags after it).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_compare import cpu_name  # (the script's own folder)

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
PAIRS = {"light": OUT / "1M", "heavy": OUT / "heavy" / "1M", "heavy30": OUT / "1M-heavy30"}


def make_heavy(light_old: Path, folder: Path) -> None:
    """Write the heavily edited pair into ``folder`` (see the module docstring)."""
    sys.path.insert(0, str(BENCH))
    import variants

    def variant(text: str, seed: int) -> str:
        return variants.make_variant(text, seed=seed, rate=0.5).new

    old = light_old.read_text(encoding="utf-8")
    new = variant(variant(old, 11), 31)
    same = set(old.split("\n\n"))
    paragraphs = []
    for paragraph in new.split("\n\n"):
        words = paragraph.split(" ")
        if paragraph in same and len(words) > 2:
            paragraph = " ".join(words[:1] + words[2:])
        paragraphs.append(paragraph)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "old.txt").write_text(old, encoding="utf-8")
    (folder / "new.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")


def compile_checkout(checkout: Path) -> None:
    """Byte code first, as an installed ``redline`` has it."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(checkout / "core"), str(checkout / "gui")],
        check=False,
        capture_output=True,
    )


def children_cpu() -> float:
    """CPU seconds of this process's waited-for children (and theirs) so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_process(checkout: Path, pair: Path, size: str) -> tuple[float, float]:
    """Wall and CPU seconds of one ``open OLD NEW --screenshot`` process run in
    ``checkout`` (CPU: the process and the children it waited for)."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, REDLINE_HOME=home, PYTHONPATH=str(checkout))
        env.update(XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data")
        env.pop("QT_QPA_PLATFORM", None)  # --screenshot chooses offscreen itself
        command = [sys.executable, "-m", "gui.shell.launcher", "open"]
        command += [str(pair / "old.txt"), str(pair / "new.txt")]
        command += ["--screenshot", f"{home}/shot.png", "--size", size]
        started, cpu = time.perf_counter(), children_cpu()
        done = subprocess.run(command, cwd=checkout, env=env, capture_output=True, check=False)
        seconds, cpu = time.perf_counter() - started, children_cpu() - cpu
        if done.returncode != 0 or not os.path.exists(f"{home}/shot.png"):
            raise SystemExit(f"{checkout}: screenshot failed: {done.stderr.decode()[-500:]}")
    return seconds, cpu


def measure_in_process(pair: Path, size: tuple[int, int]) -> dict[str, object]:
    """The screenshot in this process, with the 10 ms stall probe (this checkout)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(REPO))
    from gui.shell.app import compare_early

    folder = tempfile.TemporaryDirectory()
    home = os.environ["REDLINE_HOME"] = folder.name
    paths = [str(pair / "old.txt"), str(pair / "new.txt")]
    started = now()
    compare_early(paths)  # before Qt, as ``gui.shell.app.main``
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from gui.common.context import AppContext
    from gui.shell.app import configure_interpreter
    from gui.shell.main_window import MainWindow
    from gui.shell.screenshot import take_screenshot

    configure_interpreter()
    app = QApplication.instance() or QApplication([])
    marks: dict[str, float] = {}
    ticks = {"last": 0.0, "longest": 0.0, "after": 0.0}

    def on_tick() -> None:
        at = now()
        gap = at - ticks["last"]
        ticks["longest"] = max(ticks["longest"], gap)
        if "laid out" in marks:
            ticks["after"] = max(ticks["after"], gap)
        ticks["last"] = at

    def on_preview(result: object) -> None:  # the whole layout comes before the flags
        if not result.plan.partial:  # type: ignore[attr-defined]
            marks.setdefault("laid out", now())

    probe = QTimer(interval=10)
    probe.timeout.connect(on_tick)
    built = now()
    window = MainWindow(AppContext())
    marks["built"] = now()
    window.jobs.compare_preview.connect(on_preview)
    window.view.build_finished.connect(lambda: marks.setdefault("shown", now()))
    result: dict[str, object] = {}
    window.jobs.compare_finished.connect(lambda r: result.setdefault("seconds", r.seconds))
    ticks["last"] = now()
    probe.start()
    take_screenshot(window, paths, f"{home}/s.png", size)
    on_tick()
    probe.stop()
    folder.cleanup()
    del app
    return {
        "window": marks["built"] - built,
        "total": now() - started,
        "after_layout": marks["shown"] - marks["laid out"],
        "stall_ms": ticks["longest"] * 1000,
        "stall_after_layout_ms": ticks["after"] * 1000,
        "seconds": result["seconds"],
    }


def now() -> float:
    return time.perf_counter()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--peer", type=Path, help="another checkout, timed in turn")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", default="1400x900")
    parser.add_argument("--only", choices=sorted(PAIRS), help="one pair")
    parser.add_argument("--no-stall", action="store_true", help="skip the in-process probe")
    args = parser.parse_args(argv)
    if not (PAIRS["light"] / "old.txt").exists():
        sys.exit(f"missing {PAIRS['light']}/old.txt: run bench/make_pairs.py first")
    if not (PAIRS["heavy"] / "new.txt").exists():
        make_heavy(PAIRS["light"] / "old.txt", PAIRS["heavy"])
    checkouts = [("this", REPO)] + ([("peer", args.peer.resolve())] if args.peer else [])
    for _, checkout in checkouts:
        compile_checkout(checkout)
    print(
        f"machine: {cpu_name()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.2f}, window {args.size}"
    )
    names = [args.only] if args.only else [n for n in PAIRS if n != "heavy30"]
    for name in names:
        pair = PAIRS[name]
        sizes = ", ".join(f"{(pair / f).stat().st_size:,}" for f in ("old.txt", "new.txt"))
        times: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in checkouts}
        for _ in range(args.runs):
            for label, checkout in checkouts:
                times[label].append(time_process(checkout, pair, args.size))
        for label, _ in checkouts if args.runs > 0 else ():
            runs = " ".join(f"{t:.2f}" for t, _ in times[label])
            cpu = statistics.median(c for _, c in times[label])
            print(
                f"{name} ({sizes} B) {label}: process median "
                f"{statistics.median(t for t, _ in times[label]):.2f} s  ({runs}); "
                f"CPU median {cpu:.2f} s"
            )
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if not args.no_stall:
        width, height = (int(v) for v in args.size.split("x"))
        for name in names:
            r = measure_in_process(PAIRS[name], (width, height))
            seconds: dict[str, float] = r["seconds"]  # type: ignore[assignment]
            engine = ", ".join(f"{k} {v:.2f}" for k, v in seconds.items())
            print(
                f"{name} in process: {r['total']:.2f} s (window built in {r['window']:.2f} s); "
                f"GUI from the whole layout's arrival to every row built "
                f"{r['after_layout']:.2f} s; longest stall from the window's show "
                f"{r['stall_ms']:.0f} ms, after the layout's arrival "
                f"{r['stall_after_layout_ms']:.0f} ms; worker: {engine}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
