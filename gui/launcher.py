"""The ``redline`` console command: engine subcommands without Qt, the window otherwise.

``redline compare ...``, ``redline nway ...`` (and later ``scan``) run the pure engine
CLI and never import Qt, so they start fast and work on machines without a display.
``redline`` alone or ``redline open PATH...`` start the window.
"""

from __future__ import annotations

import sys

ENGINE_COMMANDS = frozenset({"compare", "scan", "nway"})


def _render_pdf(html: str, page_size: str) -> bytes:
    """``redline compare|nway --format pdf``: Qt is imported only now, when a PDF is asked."""
    from gui.report_pdf import render_pdf

    return render_pdf(html, page_size)


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the engine CLI or the window; returns the process exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and (args[0] in ENGINE_COMMANDS or args[0] in ("-h", "--help", "--version")):
        from core.cli import main as engine_main

        return engine_main(args, pdf_renderer=_render_pdf)
    from gui.app import main as window_main

    return window_main(args)


if __name__ == "__main__":
    sys.exit(main())
