"""GUI benchmark: time from Compare to a painted view, and the longest GUI-thread stall.

Uses the real-prose pairs of ``bench/out/<size>/{old,new}.txt`` (built by
``make_pairs.py``; sizes ``10k 100k 1M 5M``), or with ``--samples`` pairs of about
10 KB, 1 MB and 5 MB made of numbered copies of the bundled samples. Runs the real
window offscreen, presses Compare and measures:

- ``first``: Compare pressed -> the visible rows built, aligned and painted;
- ``shown``: Compare pressed -> every row inserted, formatted and aligned;
- ``painted``: the same plus one full paint of the window;
- ``stall (compare)``: longest gap between ticks of a 5 ms GUI-thread timer while the
  comparison runs in the background (target: under 100 ms for 1 MB);
- ``stall (all)``: the same from Compare pressed to painted (showing included);
- ``show slice``: the longest single GUI-thread slot spent showing the result.

With ``--long-rows``, it compares pairs made of one huge row (1 MB of ``"``, 5 MB of
letters without a space) and, as their peer, the 1 MB pair of ``--samples``: three
runs each, medians.

With ``--folder``, it instead lists a generated folder of 10,000 small articles
nested 50 deep and reports the time to the last row and the longest GUI stall.

Usage: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui.py [--samples]
[--folder] [--long-rows] [sizes...]``.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench_compare import cpu_name  # noqa: E402 (the script's own folder)
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

SIZES = {"10k": 10_000, "1m": 1_000_000, "5m": 5_000_000}
SAMPLES = REPO / "resources" / "samples"
OUT = REPO / "bench" / "out"
PAIRS = ("10k", "1M", "5M")


def out_pair(name: str) -> tuple[str, str]:
    """The pair ``bench/out/<name>/{old,new}.txt`` built by ``make_pairs.py``."""
    folder = OUT / name
    if not (folder / "new.txt").exists():
        sys.exit(f"missing {folder}/new.txt: run bench/make_pairs.py first")
    return str(folder / "old.txt"), str(folder / "new.txt")


def make_pair(folder: Path, size: int) -> tuple[str, str]:
    """Write old/new files of about ``size`` bytes (new) made of numbered sample copies."""
    old_part = (SAMPLES / "000_a1d9523b8511cf93.txt").read_text(encoding="utf-8")
    new_part = (SAMPLES / "001_a1bb97b7d4cec672.txt").read_text(encoding="utf-8")
    old, new = [], []
    total, i = 0, 0
    while total < size:
        old.append(f"part {i} : " + old_part.replace("\n", f" {i}\n"))
        new.append(f"part {i} : " + new_part.replace(" . ", f" {i} . ") + "\n")
        total += len(new[-1])
        i += 1
    old_path, new_path = folder / f"old_{size}.txt", folder / f"new_{size}.txt"
    old_path.write_text("".join(old), encoding="utf-8")
    new_path.write_text("".join(new), encoding="utf-8")
    return str(old_path), str(new_path)


class StallMeter:
    """Records the longest gap between ticks of a fast GUI-thread timer."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer(interval=5)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.longest = 0
        self.last = 0

    def start(self) -> None:
        self.longest, self.last = 0, 0
        self.clock.start()
        self.timer.start()

    def _on_timer_timeout(self) -> None:
        now = self.clock.elapsed()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def stop(self) -> int:
        self.timer.stop()
        return self.longest


def measure(window, old: str, new: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    meter = StallMeter()
    loop = QEventLoop()
    marks: dict[str, float] = {}

    def on_finished(_result: object) -> None:
        marks["result"] = time.perf_counter()
        marks["compare_stall"] = meter.longest

    def paint_first_screen() -> None:
        window.grab()
        marks.setdefault("first", time.perf_counter())

    def on_first_screen() -> None:
        # Painted from the event loop, as the window would be: not inside the slot.
        if window.view.result is not None and window.view.result.request.new_path == new:
            QTimer.singleShot(0, paint_first_screen)

    # Windows before the row-by-row builder (for before/after tables) lack the signal:
    # their first screen is the whole view.
    first_screen = getattr(window.view, "first_screen_shown", None)
    window.jobs.compare_finished.connect(on_finished)
    if first_screen is not None:
        first_screen.connect(on_first_screen)
    window.comparison_shown.connect(lambda _s: loop.quit())
    meter.start()
    start = time.perf_counter()
    window.compare(old, new)
    loop.exec()
    shown = time.perf_counter()
    window.grab()
    painted = time.perf_counter()
    meter._on_timer_timeout()
    stall_all = meter.stop()
    window.jobs.compare_finished.disconnect(on_finished)
    if first_screen is not None:
        first_screen.disconnect(on_first_screen)
    return {
        "first": marks.get("first", shown) - start,
        "shown": shown - start,
        "painted": painted - start,
        "stall_compare_ms": marks["compare_stall"],
        "stall_all_ms": stall_all,
        "stall_show_ms": window.show_seconds * 1000,
        "engine": sum(window.result.seconds.values()),
        "parts": window.result.seconds,
    }


def measure_folder(window, root: Path, files: int = 10_000, depth: int = 50) -> None:  # type: ignore[no-untyped-def]
    """List ``files`` articles nested ``depth`` deep; print time and longest stall."""
    folder = root
    for level in range(depth):
        folder = folder / f"level{level:02d}"
        folder.mkdir()
        for i in range(files // depth):
            (folder / f"article{i:03d}.txt").write_text(
                f"Article {level}-{i} reports the news. It has two sentences.\n", encoding="utf-8"
            )
    loop = QEventLoop()
    window.folder_loaded.connect(loop.quit)
    meter = StallMeter()
    started = time.perf_counter()
    meter.start()
    window.open_folder(str(root))
    loop.exec()
    stall = meter.stop()
    seconds = time.perf_counter() - started
    rows = window.documents.rowCount()
    print(f"folder: {rows:,} files, {depth} deep: {seconds:.2f} s, longest GUI stall {stall} ms")


def make_long_rows(folder: Path) -> dict[str, tuple[str, str]]:
    """Pairs of one huge row each (no break opportunity), and the 1 MB prose peer."""
    import random

    rng = random.Random(1)
    letters = "".join(rng.choice("abcdefghij") for _ in range(5_000_000))
    texts = {
        "quotes 1M": ('"' * 1_000_000, '"' * 999_000 + "word" + '"' * 1000),
        "no-space 5M": (letters, letters[:2_000_000] + "XYZ" + letters[2_000_000:]),
    }
    pairs = {"prose 1M (peer)": make_pair(folder, SIZES["1m"])}
    for name, (old, new) in texts.items():
        stem = name.split()[0]
        (folder / f"{stem}_old.txt").write_text(old, encoding="utf-8")
        (folder / f"{stem}_new.txt").write_text(new, encoding="utf-8")
        pairs[name] = (str(folder / f"{stem}_old.txt"), str(folder / f"{stem}_new.txt"))
    return pairs


def measure_long_rows(window, folder: Path, runs: int = 3) -> None:  # type: ignore[no-untyped-def]
    """Medians of ``runs`` comparisons of each long-row pair and of the prose peer."""
    from statistics import median

    print(f"{'pair':>16} {'shown s':>8} {'worker s':>8} {'stall all ms':>12} {'show slice ms':>13}")
    for name, (old, new) in make_long_rows(folder).items():
        results = [measure(window, old, new) for _ in range(runs)]
        print(
            f"{name:>16} {median(r['shown'] for r in results):8.2f} "
            f"{median(r['engine'] for r in results):8.2f} "
            f"{median(r['stall_all_ms'] for r in results):12.0f} "
            f"{median(r['stall_show_ms'] for r in results):13.0f}"
        )


def main(argv: list[str]) -> int:
    from gui.common.context import AppContext
    from gui.shell.main_window import MainWindow

    try:  # as the window process does (absent from windows before it: before/after)
        from gui.shell.app import configure_interpreter

        configure_interpreter()
    except ImportError:
        pass
    samples = "--samples" in argv
    folder = "--folder" in argv
    long_rows = "--long-rows" in argv
    argv = [a for a in argv if a not in ("--samples", "--folder", "--long-rows")]
    wanted = argv or (list(SIZES) if samples else list(PAIRS))
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["REDLINE_HOME"] = tmp
        window = MainWindow(AppContext())
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        print(
            f"machine: {cpu_name()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"{platform.system()}, QPA offscreen, load average {os.getloadavg()[0]:.2f}"
        )
        if folder:
            deep = Path(tmp) / "deep"
            deep.mkdir()
            measure_folder(window, deep)
            window.jobs.shutdown()
            window.close()
            return 0
        if long_rows:
            measure(window, *make_pair(Path(tmp), 2_000))  # warm-up, untimed
            measure_long_rows(window, Path(tmp))
            window.jobs.shutdown()
            window.close()
            return 0
        print(
            f"{'size':>6} {'first s':>8} {'shown s':>8} {'painted s':>9} {'worker s':>8} "
            f"{'stall compare ms':>16} {'stall all ms':>12} {'show slice ms':>13}"
        )
        # One untimed comparison first: starts the engine's fork server (about 0.15 s,
        # done in the background at start-up) and warms Qt's font caches.
        warm = make_pair(Path(tmp), 2_000)
        print(f"warm-up (first comparison after start): {measure(window, *warm)['shown']:.2f} s")
        for name in wanted:
            old, new = make_pair(Path(tmp), SIZES[name]) if samples else out_pair(name)
            r = measure(window, old, new)
            print(
                f"{name:>6} {r['first']:8.2f} {r['shown']:8.2f} {r['painted']:9.2f} "
                f"{r['engine']:8.2f} "
                f"{r['stall_compare_ms']:16.0f} {r['stall_all_ms']:12.0f} "
                f"{r['stall_show_ms']:13.0f}  "
                + " ".join(f"{k} {v:.2f}" for k, v in r["parts"].items())
            )
        window.jobs.shutdown()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
