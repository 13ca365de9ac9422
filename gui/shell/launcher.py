"""The ``redline`` console command: engine subcommands without Qt, the window otherwise.

``redline compare ...``, ``redline nway ...`` (and later ``scan``) run the pure engine
CLI and never import Qt, so they start fast and work on machines without a display.
``redline`` alone or ``redline open PATH...`` start the window; ``redline
install-desktop`` adds it to the user's application menu (``gui.shell.desktop``).
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys

ENGINE_COMMANDS = frozenset({"compare", "scan", "nway"})
# Commands that end the process without Python's teardown (see ``run``).
QUICK_EXIT_COMMANDS = frozenset({"compare", "nway"})


def _render_pdf(html: str, page_size: str) -> bytes:
    """``redline compare|nway --format pdf``: Qt is imported only now, when a PDF is asked."""
    from gui.reports.pdf import render_pdf

    return render_pdf(html, page_size)


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the engine CLI or the window; returns the process exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and (args[0] in ENGINE_COMMANDS or args[0] in ("-h", "--help", "--version")):
        from core.cli import main as engine_main

        return engine_main(args, pdf_renderer=_render_pdf)
    if args and args[0] == "install-desktop":
        from gui.shell.desktop import main as desktop_main

        return desktop_main(args[1:])
    from gui.shell.app import main as window_main

    return window_main(args)


def run() -> None:
    """The ``redline`` console script: ``main``, then the exit.

    After ``compare`` and ``nway`` the process ends without Python's teardown: the
    comparison's hundreds of thousands of small objects and every module would be
    freed one by one and a last garbage collection run, 20-30 ms of a 1 MB
    ``redline compare`` (``bench/README.md``), for memory the system takes back at
    once. Those commands hold nothing open when ``main`` returns (reports are written
    and closed, the annotation store is closed), so only the standard streams need
    flushing first.
    """
    argv = sys.argv[1:]
    quick = bool(argv) and argv[0] in QUICK_EXIT_COMMANDS
    if quick:
        # Nothing of a comparison forms reference cycles (the engine pauses the
        # collector while it works anyway): no collections while modules load.
        gc.disable()
    code = main(argv)
    if not quick:
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
