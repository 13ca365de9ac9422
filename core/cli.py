"""The engine's command line: ``redline compare OLD NEW`` and ``redline scan FOLDER``.

Exit codes: 0 the documents say the same (trivial differences only), 1 they
differ, 2 an error (one line on standard error naming the file and the problem).
``scan`` exits 0 when the folder was scanned (unreadable files are listed in the
report, not errors of the command) and 2 when the folder itself cannot be.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path

from core import __version__
from core.atomic import atomic_write_text
from core.compare import compare
from core.document import has_nul, load_document
from core.encoding import LOW_CONFIDENCE
from core.errors import RedlineError
from core.families import DEFAULT_THRESHOLD, ScanOptions, scan_folder
from core.model import CompareOptions, Comparison, Document
from core.names import printable_path
from core.render_html import render_html
from core.render_text import render_text
from core.report_json import comparison_to_json
from core.scan_report import scan_to_json, scan_to_text

EXIT_SAME, EXIT_DIFFERENT, EXIT_ERROR = 0, 1, 2
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_ERROR, f"redline: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """The ``redline`` argument parser with its subcommands."""
    parser = _Parser(prog="redline", description="Compare versions of an article.")
    parser.add_argument("--version", action="version", version=f"redline {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    cmp = sub.add_parser("compare", help="compare two documents")
    cmp.add_argument("old", help="the earlier version")
    cmp.add_argument("new", help="the later version")
    cmp.add_argument("--format", choices=("text", "json", "html"), default="text")
    cmp.add_argument("-o", "--output", help="write to FILE instead of standard output")
    case = cmp.add_mutually_exclusive_group()
    case.add_argument("--ignore-case", dest="ignore_case", action="store_true", default=True)
    case.add_argument("--case-sensitive", dest="ignore_case", action="store_false")
    cmp.add_argument(
        "--ignore-punctuation", action="store_true", help="punctuation differences are trivial"
    )
    cmp.add_argument("--encoding-old", metavar="ENC", help="decode OLD with this encoding")
    cmp.add_argument("--encoding-new", metavar="ENC", help="decode NEW with this encoding")
    cmp.add_argument(
        "--max-size",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="BYTES",
        help=f"refuse larger files (default {DEFAULT_MAX_BYTES})",
    )
    cmp.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    scan = sub.add_parser("scan", help="group a folder's documents into story families")
    scan.add_argument("folder", help="the folder to scan (subfolders included)")
    scan.add_argument("--format", choices=("text", "json"), default="text")
    scan.add_argument(
        "--threshold",
        type=_share,
        default=DEFAULT_THRESHOLD,
        metavar="X",
        help=f"word similarity that makes two documents versions (default {DEFAULT_THRESHOLD})",
    )
    return parser


def _share(text: str) -> float:
    """A number in (0, 1], for ``--threshold``."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"must be over 0 and at most 1: {text}")
    return value


def _run_scan(args: argparse.Namespace) -> int:
    result = scan_folder(args.folder, ScanOptions(threshold=args.threshold))
    out = scan_to_json(result) if args.format == "json" else scan_to_text(result)
    sys.stdout.write(out)
    sys.stdout.flush()
    return EXIT_SAME


def _render(result: Comparison, fmt: str, colour: bool) -> str:
    if fmt == "json":
        return comparison_to_json(result)
    if fmt == "html":
        return render_html(result)
    return render_text(result, colour=colour)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _warn_about(doc: Document, flag: str) -> None:
    """One line on standard error for each thing the user should know about a file."""
    name = printable_path(doc.path)
    if doc.decode_warning is not None:
        w = doc.decode_warning
        sys.stderr.write(
            f"redline: warning: {name}: {w.count} byte(s) could not be decoded as {doc.encoding} "
            f"(first at byte {w.first_offset}); shown as U+FFFD\n"
        )
    if doc.confidence < LOW_CONFIDENCE:
        sys.stderr.write(
            f"redline: warning: {name}: encoding guessed as {doc.encoding} with low confidence "
            f"({doc.confidence:.2f}); use {flag} ENC if the text looks wrong\n"
        )
    if has_nul(doc):
        sys.stderr.write(f"redline: warning: {name}: contains NUL characters\n")


def _write_output(target: Path, text: str) -> None:
    """Atomically replace a regular file; write straight into a device or a pipe.

    Renaming a temporary file over ``/dev/null`` or a FIFO would replace the special
    file itself (as root, the device), so those get a plain write.
    """
    try:
        special = not stat.S_ISREG(target.stat().st_mode)
    except FileNotFoundError:
        special = False
    if special:
        with open(target, "w", encoding="utf-8") as stream:
            stream.write(text)
    else:
        atomic_write_text(target, text)


def _run_compare(args: argparse.Namespace) -> int:
    if args.output and any(_same_file(args.output, p) for p in (args.old, args.new)):
        raise RedlineError(
            f"{printable_path(args.output)}: refusing to overwrite a compared document"
        )
    old = load_document(args.old, encoding=args.encoding_old, max_bytes=args.max_size)
    new = load_document(args.new, encoding=args.encoding_new, max_bytes=args.max_size)
    for doc, flag in ((old, "--encoding-old"), (new, "--encoding-new")):
        _warn_about(doc, flag)
    options = CompareOptions(
        ignore_case=args.ignore_case, ignore_punctuation=args.ignore_punctuation
    )
    result = compare(old, new, options)
    colour = args.color == "always" or (
        args.color == "auto"
        and not args.output
        and sys.stdout.isatty()
        and "NO_COLOR" not in os.environ
    )
    out = _render(result, args.format, colour)
    if args.output:
        try:
            _write_output(Path(args.output), out)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise RedlineError(
                f"{printable_path(args.output)}: cannot write the report ({reason})"
            ) from exc
    else:
        sys.stdout.write(out)
        sys.stdout.flush()
    return EXIT_SAME if result.identical else EXIT_DIFFERENT


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``redline`` with ``argv`` (default: the process arguments)."""
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command not in ("compare", "scan"):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return _run_scan(args) if args.command == "scan" else _run_compare(args)
    except RedlineError as exc:
        sys.stderr.write(f"redline: {exc}\n")
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader (``| head``) went away: not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_DIFFERENT
    except KeyboardInterrupt:
        sys.stderr.write("redline: interrupted\n")
        return 130
    except Exception as exc:  # a bug of ours: one line, the traceback only on request
        if os.environ.get("REDLINE_DEBUG"):
            raise
        sys.stderr.write(
            f"redline: internal error: {type(exc).__name__}: {exc} "
            "(set REDLINE_DEBUG=1 for details, and please report it)\n"
        )
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
