"""Starting the window: ``redline`` and ``redline open PATH... [--screenshot OUT]``.

``redline`` opens the bundled sample folder on first start, afterwards the last
folder. ``redline open`` takes a folder, or two or more files (the first two are
compared, the first one as old). With ``--screenshot`` the window renders offscreen,
saves a PNG once the comparison is painted, and exits: no display, no interaction.
``--dark`` uses the dark palette for this run (else the theme of View > Theme).
"""

from __future__ import annotations

import argparse
import os
import sys

SCREENSHOT_TIMEOUT_MS = 60_000
# How long a thread waiting for the interpreter lock lets the running one go on. The
# GUI thread needs the lock for every Qt call into a Python override (several per
# repaint) while a worker lays out a comparison: at Python's default 5 ms a repaint
# could wait 100 ms; at 0.5 ms it waits a few.
SWITCH_INTERVAL = 0.0005


def configure_interpreter() -> None:
    """Interpreter settings for the window process (also used by the benchmark)."""
    sys.setswitchinterval(SWITCH_INTERVAL)


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Parse the window's command line (``open`` is optional)."""
    if argv and argv[0] == "open":
        argv = argv[1:]
    parser = argparse.ArgumentParser(prog="redline open", description="Open the Redline window.")
    parser.add_argument("paths", nargs="*", help="a folder, or two or more files")
    parser.add_argument("--screenshot", metavar="PNG", help="save a picture of the window and exit")
    parser.add_argument("--size", default="1400x900", help="window size for --screenshot (WxH)")
    parser.add_argument("--dark", action="store_true", help="use a dark palette")
    args = parser.parse_args(argv)
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        parser.error(f"--size must look like 1400x900, not {args.size!r}")
    args.width, args.height = width, height
    return args


def main(argv: list[str]) -> int:
    """Run the window; returns the exit code."""
    args = parse_args(argv)
    configure_interpreter()
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    compare_early(args.paths)
    from PySide6.QtWidgets import QApplication

    from gui.common.context import AppContext
    from gui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Redline")
    from gui.shell.desktop_icon import use_application_icon

    use_application_icon(app)
    context = AppContext()
    window = MainWindow(context)
    if args.dark:  # for this run only (View > Theme is remembered)
        window.themes.apply("dark")
    if args.screenshot:
        from gui.shell.screenshot import take_screenshot

        return take_screenshot(window, args.paths, args.screenshot, (args.width, args.height))
    window.show()
    start(window, args.paths)
    code = app.exec()
    context.pool.waitForDone()
    return code


def compare_early(paths: list[str]) -> None:
    """Start comparing the two files named first, before Qt loads: the engine's child
    works while the window is built (``engine_process.start_early``), and the window's
    comparison of that pair takes it over."""
    files = [p for p in paths if os.path.isfile(p)]
    if len(files) < 2:
        return
    from core.model import CompareOptions
    from core.paths import app_paths
    from core.settings import load_settings
    from gui.common.engine_process import start_early

    settings = load_settings(app_paths().settings_file).settings
    start_early(files[0], files[1], CompareOptions(ignore_case=settings.ignore_case))


def start(window: object, paths: list[str]) -> None:
    """Open the paths given, else the last folder, else (first start) the samples."""
    from gui.shell.main_window import MainWindow

    assert isinstance(window, MainWindow)
    if paths:
        missing = [p for p in paths if not os.path.exists(p)]
        if missing:
            window.show_message(f"Not found: {missing[0]}")
        window.open_paths([p for p in paths if os.path.exists(p)] or [])
        return
    settings = window.context.settings
    recent = [f for f in settings.recent_folders if os.path.isdir(f)]
    if recent:
        window.open_folder(recent[0])
    elif not settings.opened_before or not settings.recent_folders:
        window.open_folder(str(window.context.paths.samples))
