"""The engine's command line: ``redline compare OLD NEW``, ``nway``, ``scan FOLDER`` and
``completion SHELL`` run (the parser and its help are ``core.command.parser``).

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
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from core.atomic import atomic_write_parts

# The parser and its words (``build_parser`` is re-exported for the man page).
from core.command.parser import (
    EXIT_DIFFERENT,
    EXIT_ERROR,
    EXIT_SAME,
    STDIN,
    STDOUT,
    build_parser,
    unknown_word_message,
)
from core.errors import RedlineError
from core.report.context import DEFAULT_CONTEXT
from core.report.save import (
    PdfRenderer,
    nway_report_bytes,
    nway_without_paths,
    refuse_compared_documents,
    report_bytes,
    stored_annotations,
    without_paths,
)
from core.text.names import printable_path

# The engine, the readers and the report writers load when a command runs, and only
# those it needs: ``--help`` and ``--version`` start without them, and a JSON report
# without the terminal's text renderer (start-up time, ``bench/bench_startup.py``).
if TYPE_CHECKING:
    from pathlib import Path

    from core.model import Document
    from core.text.formats import ReadOptions

# A guessed encoding resting on this few bytes outside ASCII is named with their place.
FEW_NON_ASCII = 8


def _run_scan(args: argparse.Namespace) -> int:
    from core.families.scan import ScanOptions, scan_folder
    from core.families.scan_report import scan_to_json, scan_to_text

    if args.workers is not None and args.cluster != "local":
        raise RedlineError("--workers needs --cluster local")
    if args.output:
        _refuse_missing_folder(args.output)
    options = ScanOptions(threshold=args.threshold)
    if args.cluster:
        from core.cluster.run import scan_on_cluster

        progress = _ClusterProgress(sys.stderr.isatty() if sys.stderr else False)
        with scan_on_cluster(args.folder, args.cluster, options, args.workers, progress) as made:
            # Written as the workers hand over each piece: the client never holds it all.
            parts = made.json_parts() if args.format == "json" else made.text_parts()
            _deliver_parts(args.output, (part.encode("utf-8") for part in parts))
        return EXIT_SAME
    result = scan_folder(args.folder, options)
    out = scan_to_json(result) if args.format == "json" else scan_to_text(result)
    _deliver(args.output, out.encode("utf-8"))
    return EXIT_SAME


class _ClusterProgress:
    """Cluster scan progress on standard error: one line rewritten on a terminal,
    else a line per finished stage."""

    def __init__(self, terminal: bool) -> None:
        self.terminal = terminal

    def __call__(self, stage: str, done: int, total: int) -> None:
        finished = done >= total
        if sys.stderr is None or not (self.terminal or finished):
            return
        line = f"redline: scan on the cluster: {stage}, {done}/{total} tasks"
        sys.stderr.write(f"\r\x1b[2K{line}" if self.terminal else line)
        if finished:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _check_report_flags(args: argparse.Namespace, pdf_renderer: PdfRenderer | None) -> None:
    """Refuse flag combinations before any file is read."""
    if args.annotations and args.format == "text":
        raise RedlineError("--annotations needs --format html, pdf or json")
    _check_output(args, pdf_renderer, args.old, args.new)


def _check_output(args: argparse.Namespace, pdf_renderer: PdfRenderer | None, *docs: str) -> None:
    """Refuse an output the report cannot go to, before any file is read."""
    if args.format in ("pdf", "docx") and not args.output:
        raise RedlineError(f"--format {args.format} needs -o FILE (- for standard output)")
    if args.format == "pdf" and pdf_renderer is None:
        raise RedlineError("PDF reports need the window's libraries (PySide6), not installed")
    if sum(doc == STDIN for doc in docs) > 1:
        raise RedlineError("standard input (-) can be only one of the documents")
    if args.output and args.output != STDOUT:
        refuse_compared_documents(args.output, *(d for d in docs if d != STDIN))
        _refuse_missing_folder(args.output)


def _refuse_missing_folder(output: str) -> None:
    """``-o`` into a folder that does not exist is a typo, not a wish to create it."""
    folder = os.path.dirname(output) or "."
    if not os.path.isdir(folder):
        raise RedlineError(
            f"{printable_path(output)}: cannot write the report "
            f"(folder {printable_path(folder)} does not exist)"
        )


def _load(
    path: str, encoding: str | None, max_bytes: int, read: ReadOptions | None = None
) -> Document:
    """A document from a file, or from standard input for ``-``.

    A file named on the command line is read whatever its suffix (``README``,
    ``COPYING``, ``story.log``), as ``diff`` reads it: the user chose it. Binary
    content is still refused, naming its type.
    """
    from core.text.document import document_from_bytes, load_document

    if path != STDIN:
        return load_document(
            path, encoding=encoding, max_bytes=max_bytes, any_suffix=True, options=read
        )
    if sys.stdin is None:
        raise RedlineError("-: standard input is closed")
    try:
        data = sys.stdin.buffer.read(max_bytes + 1)
    except OSError as exc:
        raise RedlineError(f"-: cannot read standard input ({_reason(exc)})") from exc
    return document_from_bytes(data, STDIN, encoding=encoding, max_bytes=max_bytes)


def use_colour(choice: str, output: str | None) -> bool:
    """Whether the text output is coloured: ``--color`` and the conventions of
    ``NO_COLOR`` (set and not empty) and ``TERM=dumb``."""
    if choice != "auto":
        return choice == "always"
    if (output and output != STDOUT) or sys.stdout is None or not sys.stdout.isatty():
        return False
    return not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def _warn_about(doc: Document, flag: str) -> None:
    """One line on standard error for each thing the user should know about a file."""
    from core.text.document import has_nul
    from core.text.encoding import LOW_CONFIDENCE

    name = printable_path(doc.path)
    if not doc.text.strip():
        sys.stderr.write(f"redline: warning: {name}: empty (the file holds no text)\n")
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


def _write_output(target: Path, parts: Iterable[bytes]) -> None:
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
            for part in parts:
                stream.write(part)
    else:
        atomic_write_parts(target, parts)


def _deliver(output: str | None, data: bytes) -> None:
    """Write the report to ``output`` (atomically) or to standard output."""
    _deliver_parts(output, (data,))


def _deliver_parts(output: str | None, parts: Iterable[bytes]) -> None:
    """Write the report's parts, as they come, to ``output`` (atomically) or to
    standard output."""
    if not output or output == STDOUT:
        if sys.stdout is None:
            raise RedlineError("cannot write the report: standard output is closed")
        try:
            sys.stdout.flush()
            for part in parts:
                sys.stdout.buffer.write(part)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:  # a full disk (> /dev/full), a quota, an I/O error
            _drop_stdout()
            raise RedlineError(f"cannot write the report: {_reason(exc)}") from exc
        return
    try:
        from pathlib import Path  # only when writing a file: 3 ms of every start

        _write_output(Path(output), parts)
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
    from core.engine.heap import keep_big_blocks_mapped
    from core.model import CompareOptions
    from core.nway.grid import build_nway
    from core.report.nway import render_nway_text
    from core.text.formats import ReadOptions

    _check_output(args, pdf_renderer, args.base, *args.others)
    bad = [item for item in args.encoding if "=" not in item]
    if bad:
        raise RedlineError(f"--encoding {bad[0]!r}: expected FILE=ENC")
    encodings = dict(item.rpartition("=")[::2] for item in args.encoding)
    paths = [args.base, *args.others]
    read = ReadOptions(html_text=args.html_text)
    docs = [_load(p, encodings.get(p), args.max_size, read) for p in paths]
    for doc in docs:
        _warn_about(doc, f"--encoding {printable_path(doc.path)}=")
    keep_big_blocks_mapped(sum(len(doc.text) for doc in docs))
    options = CompareOptions(
        ignore_case=args.ignore_case, ignore_punctuation=args.ignore_punctuation
    )
    nway = build_nway(docs[0], docs[1:], options)
    if args.no_paths:
        nway = nway_without_paths(nway)
    if args.format == "text":
        out = render_nway_text(nway, colour=use_colour(args.color, args.output)).encode("utf-8")
    else:
        out = nway_report_bytes(
            nway, args.format, page_size=args.page_size, pdf_renderer=pdf_renderer
        )
    _deliver(args.output, out)
    return EXIT_SAME if nway.identical else EXIT_DIFFERENT


def _run_compare(args: argparse.Namespace, pdf_renderer: PdfRenderer | None) -> int:
    from core.engine.compare import compare
    from core.engine.heap import keep_big_blocks_mapped
    from core.model import CompareOptions
    from core.text.formats import ReadOptions

    _check_report_flags(args, pdf_renderer)
    read = ReadOptions(docx_revisions=args.docx_revisions, html_text=args.html_text)
    old = _load(args.old, args.encoding_old, args.max_size, read)
    new = _load(args.new, args.encoding_new, args.max_size, read)
    for doc, flag in ((old, "--encoding-old"), (new, "--encoding-new")):
        _warn_about(doc, flag)
    keep_big_blocks_mapped(len(old.text) + len(new.text))
    options = CompareOptions(
        ignore_case=args.ignore_case, ignore_punctuation=args.ignore_punctuation
    )
    _count_aside(
        old.text,
        new.text,
        flags=args.format != "text" and args.flags,
        report=_REPORT_MODULES[args.format],
    )
    result = compare(old, new, options)
    if args.no_paths:
        result = without_paths(result)
    colour = use_colour(args.color, args.output)
    context = args.context
    if args.changes_only and context is None:
        context = DEFAULT_CONTEXT
    parts: Iterable[bytes]
    if args.format == "text":
        from core.report.render_text import render_text

        parts = (render_text(result, colour=colour, context=context).encode("utf-8"),)
    else:
        annotations = stored_annotations(old, new, _notice) if args.annotations else None
        if args.format == "json":
            from core.report.comparison_json import comparison_json_parts

            # Written as made: the blocks and rows while the flags are still checked aside.
            parts = comparison_json_parts(result, annotations, args.flags, context=context)
        else:
            parts = (
                report_bytes(
                    result,
                    args.format,
                    annotations=annotations,
                    context=context,
                    original_line_breaks=args.original_line_breaks,
                    page_size=args.page_size,
                    pdf_renderer=pdf_renderer,
                    show_flags=args.flags,
                ),
            )
    _deliver_parts(args.output, parts)
    _kept[:] = (result,)
    return EXIT_SAME if result.identical else EXIT_DIFFERENT


# The last comparison made, kept until the next: ``redline compare`` ends without
# Python's teardown (``gui.shell.launcher``), and freeing its blocks one by one on the way
# out took 2-3 ms of a 1 MB pair.
_kept: list[object] = []


def _count_aside(old: str, new: str, flags: bool, report: str) -> None:
    """What depends on the texts alone, counted on the other core while this process
    compares them (``core.engine.aside``; long texts only): the new side's units, and
    what the flags can have counted there when they are shown. The module writing the
    ``report`` is loaded while this process waits for the units, if it does."""
    from core.engine import aside

    if not aside.worth_it(len(old) + len(new)):
        return
    from core.flags.aside_jobs import allow_aside

    allow_aside(old, new, flags, (report,))


# The module that writes each format's report (``_run_compare``, ``report_bytes``),
# loaded aside.
_REPORT_MODULES = {
    "json": "core.report.comparison_json",
    "text": "core.report.render_text",
    "docx": "core.report.docx_redline",
    "html": "core.report.comparison_html",
    "pdf": "core.report.comparison_html",
}


def _stop_aside() -> None:
    """The child counting aside stopped (a result the flags did not wait for, an error,
    an interruption), and the flags child reaped: it was let go once its pieces were
    in and is gone by now; reaped, its time counts among the command's. The command
    ends without the exit handlers that would do this."""
    aside = sys.modules.get("core.engine.aside")
    if aside is not None:
        aside.stop()
        aside.reap()


def main(argv: Sequence[str] | None = None, pdf_renderer: PdfRenderer | None = None) -> int:
    """Run ``redline`` with ``argv`` (default: the process arguments).

    ``pdf_renderer`` makes PDF reports (``gui.shell.launcher`` passes one that imports Qt
    only when called); without it ``--format pdf`` is a clear error.
    """
    words = list(sys.argv[1:] if argv is None else argv)
    unknown = unknown_word_message(words[0]) if words else None
    if unknown is not None:
        sys.stderr.write(f"redline: {unknown}\n")
        return EXIT_ERROR
    parser = build_parser(words[0] if words else None)  # (that command's parser alone)
    args = parser.parse_args(words)
    if args.command == "completion":
        from core.command.generate import completion_script

        _deliver(None, completion_script(parser, args.shell).encode("utf-8"))
        return EXIT_SAME
    if args.command not in ("compare", "nway", "scan"):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        if args.command == "scan":
            return _run_scan(args)
        if args.command == "nway":
            return _run_nway(args, pdf_renderer)
        try:
            return _run_compare(args, pdf_renderer)
        finally:
            _stop_aside()
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
