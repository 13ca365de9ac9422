"""The engine's command line: ``redline compare OLD NEW`` and ``redline scan FOLDER``.

Exit codes: 0 the documents say the same (trivial differences only), 1 they
differ, 2 an error (one line on standard error naming the file and the problem).
``scan`` exits 0 when the folder was scanned (unreadable files are listed in the
report, not errors of the command) and 2 when the folder itself cannot be.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import stat
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from core import __version__
from core.atomic import atomic_write_bytes
from core.engine.compare import compare
from core.errors import RedlineError
from core.model import CompareOptions, Document
from core.report.render_text import render_text
from core.report.save import (
    PAGE_SIZES,
    PdfRenderer,
    nway_report_bytes,
    refuse_compared_documents,
    report_bytes,
    stored_annotations,
)
from core.text.document import has_nul, load_document
from core.text.encoding import LOW_CONFIDENCE
from core.text.formats import ReadOptions
from core.text.names import printable_path

if TYPE_CHECKING:
    from pathlib import Path

EXIT_SAME, EXIT_DIFFERENT, EXIT_ERROR = 0, 1, 2
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
# A guessed encoding resting on this few bytes outside ASCII is named with their place.
FEW_NON_ASCII = 8
SCAN_THRESHOLD = 0.25  # core.families.scan.DEFAULT_THRESHOLD (kept in step by a test)


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
    cmp.add_argument("--format", choices=("text", "json", "html", "pdf", "docx"), default="text")
    cmp.add_argument("-o", "--output", help="write to FILE instead of standard output")
    cmp.add_argument(
        "--annotations", action="store_true", help="include the saved annotations (not text)"
    )
    cmp.add_argument(
        "--changes-only", action="store_true", help="html/pdf: fold unchanged sentences"
    )
    cmp.add_argument("--page-size", choices=PAGE_SIZES, default="a4", help="pdf: paper size")
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
        type=_byte_count,
        default=DEFAULT_MAX_BYTES,
        metavar="BYTES",
        help=f"refuse larger files (default {DEFAULT_MAX_BYTES})",
    )
    cmp.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    cmp.add_argument(
        "--docx-revisions",
        choices=("current", "original"),
        default="current",
        help="read a Word file's tracked changes as accepted (current) or rejected (original)",
    )
    _add_nway_parser(sub)
    scan = sub.add_parser("scan", help="group a folder's documents into story families")
    scan.add_argument("folder", help="the folder to scan (subfolders included)")
    scan.add_argument("--format", choices=("text", "json"), default="text")
    scan.add_argument(
        "--threshold",
        type=_share,
        default=SCAN_THRESHOLD,
        metavar="X",
        help=f"word similarity that makes two documents versions (default {SCAN_THRESHOLD})",
    )
    return parser


def _add_nway_parser(sub: Any) -> None:
    nway = sub.add_parser("nway", help="which sentences of a base several versions keep")
    nway.add_argument("base", help="the version whose sentences form the rows")
    nway.add_argument("others", nargs="+", metavar="other", help="the other versions")
    nway.add_argument("--format", choices=("text", "json", "html", "pdf"), default="text")
    nway.add_argument("-o", "--output", help="write to FILE instead of standard output")
    nway.add_argument("--page-size", choices=PAGE_SIZES, default="a4", help="pdf: paper size")
    case = nway.add_mutually_exclusive_group()
    case.add_argument("--ignore-case", dest="ignore_case", action="store_true", default=True)
    case.add_argument("--case-sensitive", dest="ignore_case", action="store_false")
    nway.add_argument("--ignore-punctuation", action="store_true")
    nway.add_argument("--max-size", type=_byte_count, default=DEFAULT_MAX_BYTES, metavar="BYTES")
    nway.add_argument(
        "--encoding",
        action="append",
        default=[],
        metavar="FILE=ENC",
        help="decode FILE with encoding ENC (repeatable)",
    )


def _byte_count(text: str) -> int:
    """A size in bytes over 0, for ``--max-size``."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of bytes: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 byte: {text}")
    return value


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
    from core.families.scan import ScanOptions, scan_folder
    from core.families.scan_report import scan_to_json, scan_to_text

    result = scan_folder(args.folder, ScanOptions(threshold=args.threshold))
    out = scan_to_json(result) if args.format == "json" else scan_to_text(result)
    _deliver(None, out.encode("utf-8"))
    return EXIT_SAME


def _check_report_flags(args: argparse.Namespace, pdf_renderer: PdfRenderer | None) -> None:
    """Refuse flag combinations before any file is read."""
    if args.annotations and args.format == "text":
        raise RedlineError("--annotations needs --format html, pdf or json")
    if args.format in ("pdf", "docx") and not args.output:
        raise RedlineError(f"--format {args.format} needs -o FILE")
    if args.format == "pdf" and pdf_renderer is None:
        raise RedlineError("PDF reports need the window's libraries (PySide6), not installed")
    if args.output:
        refuse_compared_documents(args.output, args.old, args.new)


def _warn_about(doc: Document, flag: str) -> None:
    """One line on standard error for each thing the user should know about a file."""
    name = printable_path(doc.path)
    if doc.decode_warning is not None:
        w = doc.decode_warning
        sys.stderr.write(
            f"redline: warning: {name}: {w.count} byte(s) could not be decoded as {doc.encoding} "
            f"(first at byte {w.first_offset}); shown as U+FFFD\n"
        )
    guess = doc.encoding_guess
    if doc.confidence < LOW_CONFIDENCE:
        runner_up = f"; next best {guess.runner_up}" if guess and guess.runner_up else ""
        sys.stderr.write(
            f"redline: warning: {name}: encoding guessed as {doc.encoding} with low confidence "
            f"({doc.confidence:.2f}{runner_up}); use {flag} ENC if the text looks wrong\n"
        )
    if guess is not None and 0 < guess.non_ascii_bytes <= FEW_NON_ASCII:
        sys.stderr.write(
            f"redline: warning: {name}: only {guess.non_ascii_bytes} byte(s) outside ASCII "
            f"(first at byte {guess.first_non_ascii}), read as {doc.encoding}\n"
        )
    if has_nul(doc):
        sys.stderr.write(f"redline: warning: {name}: contains NUL characters\n")
    for warning in doc.warnings:
        sys.stderr.write(f"redline: warning: {name}: {warning}\n")


def _notice(message: str) -> None:
    """Something the user should know that is not a problem with their files."""
    sys.stderr.write(f"redline: notice: {message}\n")


def _write_output(target: Path, data: bytes) -> None:
    """Atomically replace a regular file; write straight into a device or a pipe.

    Renaming a temporary file over ``/dev/null`` or a FIFO would replace the special
    file itself (as root, the device), so those get a plain write.
    """
    try:
        special = not stat.S_ISREG(target.stat().st_mode)
    except FileNotFoundError:
        special = False
    if special:
        with open(target, "wb") as stream:
            stream.write(data)
    else:
        atomic_write_bytes(target, data)


def _deliver(output: str | None, data: bytes) -> None:
    """Write the report to ``output`` (atomically) or to standard output."""
    if not output:
        if sys.stdout is None:
            raise RedlineError("cannot write the report: standard output is closed")
        try:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:  # a full disk (> /dev/full), a quota, an I/O error
            _drop_stdout()
            raise RedlineError(f"cannot write the report: {_reason(exc)}") from exc
        return
    try:
        from pathlib import Path  # only when writing a file: 3 ms of every start

        _write_output(Path(output), data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise RedlineError(f"{printable_path(output)}: cannot write the report ({reason})") from exc


def _reason(error: OSError) -> str:
    """The system's reason, as the rest of a sentence ("no space left on device")."""
    reason = error.strerror or str(error)
    return reason[:1].lower() + reason[1:]


def _drop_stdout() -> None:
    """Point standard output at /dev/null: what is left in its buffer is dropped
    instead of failing again (and printing a traceback) when the process exits."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _run_nway(args: argparse.Namespace, pdf_renderer: PdfRenderer | None) -> int:
    from core.nway.grid import build_nway
    from core.report.nway import render_nway_text

    if args.format == "pdf" and not args.output:
        raise RedlineError("--format pdf needs -o FILE")
    if args.format == "pdf" and pdf_renderer is None:
        raise RedlineError("PDF reports need the window's libraries (PySide6), not installed")
    if args.output:
        refuse_compared_documents(args.output, args.base, *args.others)
    bad = [item for item in args.encoding if "=" not in item]
    if bad:
        raise RedlineError(f"--encoding {bad[0]!r}: expected FILE=ENC")
    encodings = dict(item.rpartition("=")[::2] for item in args.encoding)
    paths = [args.base, *args.others]
    docs = [load_document(p, encoding=encodings.get(p), max_bytes=args.max_size) for p in paths]
    for doc in docs:
        _warn_about(doc, f"--encoding {printable_path(doc.path)}=")
    options = CompareOptions(
        ignore_case=args.ignore_case, ignore_punctuation=args.ignore_punctuation
    )
    nway = build_nway(docs[0], docs[1:], options)
    if args.format == "text":
        out = render_nway_text(nway).encode("utf-8")
    else:
        out = nway_report_bytes(
            nway, args.format, page_size=args.page_size, pdf_renderer=pdf_renderer
        )
    _deliver(args.output, out)
    return EXIT_SAME if nway.identical else EXIT_DIFFERENT


def _run_compare(args: argparse.Namespace, pdf_renderer: PdfRenderer | None) -> int:
    _check_report_flags(args, pdf_renderer)
    read = ReadOptions(docx_revisions=args.docx_revisions)
    old = load_document(args.old, encoding=args.encoding_old, max_bytes=args.max_size, options=read)
    new = load_document(args.new, encoding=args.encoding_new, max_bytes=args.max_size, options=read)
    for doc, flag in ((old, "--encoding-old"), (new, "--encoding-new")):
        _warn_about(doc, flag)
    options = CompareOptions(
        ignore_case=args.ignore_case, ignore_punctuation=args.ignore_punctuation
    )
    result = compare(old, new, options)
    colour = args.color == "always" or (
        args.color == "auto"
        and not args.output
        and sys.stdout is not None
        and sys.stdout.isatty()
        and "NO_COLOR" not in os.environ
    )
    if args.format == "text":
        out = render_text(result, colour=colour).encode("utf-8")
    else:
        annotations = stored_annotations(old, new, _notice) if args.annotations else None
        out = report_bytes(
            result,
            args.format,
            annotations=annotations,
            changes_only=args.changes_only,
            page_size=args.page_size,
            pdf_renderer=pdf_renderer,
        )
    _deliver(args.output, out)
    return EXIT_SAME if result.identical else EXIT_DIFFERENT


def main(argv: Sequence[str] | None = None, pdf_renderer: PdfRenderer | None = None) -> int:
    """Run ``redline`` with ``argv`` (default: the process arguments).

    ``pdf_renderer`` makes PDF reports (``gui.shell.launcher`` passes one that imports Qt
    only when called); without it ``--format pdf`` is a clear error.
    """
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command not in ("compare", "nway", "scan"):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        if args.command == "scan":
            return _run_scan(args)
        if args.command == "nway":
            return _run_nway(args, pdf_renderer)
        return _run_compare(args, pdf_renderer)
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
