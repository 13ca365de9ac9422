"""The ``redline`` console command: engine subcommands without Qt, the window otherwise.

``redline compare ...``, ``redline nway ...`` (and later ``scan``) run the pure engine
CLI and never import Qt, so they start fast and work on machines without a display.
``redline`` alone, ``redline open PATH...`` (or ``redline PATH...`` when the first
path exists) start the window; ``redline install-desktop`` adds it to the user's
application menu (``gui.shell.desktop``); any other first word is an error of the
engine CLI naming the commands (exit 2), without loading Qt.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys

ENGINE_COMMANDS = frozenset({"compare", "scan", "nway", "completion"})
# The window's own options (``gui.shell.app.parse_args``), allowed without ``open``.
WINDOW_OPTIONS = ("--screenshot", "--size", "--dark")
# Commands that end the process without Python's teardown (see ``run``).
QUICK_EXIT_COMMANDS = frozenset({"compare", "nway"})


def _render_pdf(html: str, page_size: str) -> bytes:
    """``redline compare|nway --format pdf``: Qt is imported only now, when a PDF is asked."""
    from gui.reports.pdf import render_pdf

    return render_pdf(html, page_size)


def _opens_window(args: list[str]) -> bool:
    """``redline``, ``redline open ...``, the window's options, or existing paths
    (``redline FOLDER``, ``redline OLD NEW``, as ``open``)."""
    if not args or args[0] == "open":
        return True
    first = args[0]
    if first.startswith("-"):
        return first.split("=", 1)[0] in WINDOW_OPTIONS
    return first not in ENGINE_COMMANDS and os.path.exists(first)


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the engine CLI or the window; returns the process exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "install-desktop":
        from gui.shell.desktop import main as desktop_main

        return desktop_main(args[1:])
    if not _opens_window(args):
        # The commands, and every word that is none (an error naming the commands):
        # never the window, which without a display would abort.
        from core.cli import main as engine_main

        return engine_main(args, pdf_renderer=_render_pdf)
    from gui.shell.app import main as window_main

    return window_main(args)


def _screenshot(args: list[str]) -> bool:
    """Whether ``args`` open the window only to save a screenshot."""
    return _opens_window(args) and any(
        a == "--screenshot" or a.startswith("--screenshot=") for a in args
    )


def run() -> None:
    """The ``redline`` console script: ``main``, then the exit.

    After ``compare`` and ``nway`` the process ends without Python's teardown: the
    comparison's hundreds of thousands of small objects and every module would be
    freed one by one and a last garbage collection run, 20-30 ms of a 1 MB
    ``redline compare`` (``bench/README.md``), for memory the system takes back at
    once. Those commands hold nothing open when ``main`` returns (reports are written
    and closed, the annotation store is closed), so only the standard streams need
    flushing first. Nor does the window after ``--screenshot`` (the PNG is written
    and its jobs are done): its teardown took 0.2 s of a 1 MB pair's screenshot.
    """
    argv = sys.argv[1:]
    quick = bool(argv) and argv[0] in QUICK_EXIT_COMMANDS
    if quick:
        # Nothing of a comparison forms reference cycles (the engine pauses the
        # collector while it works anyway): no collections while modules load.
        gc.disable()
    code = main(argv)
    if not (quick or _screenshot(argv)):
        sys.exit(code)
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        pass  # the reader went away (``| head``): not an error of ours
    except OSError as exc:
        sys.stderr.write(f"redline: cannot write the output ({exc.strerror or exc})\n")
        code = 2
    with contextlib.suppress(OSError, AttributeError):
        sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
