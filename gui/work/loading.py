"""The work that background jobs do: pure functions, no Qt, cancellable.

``run_compare`` loads both files, compares them and lays out the view (handing a
*preview* with the first rows over as soon as it can, so the first screen shows
while the rest is laid out, then the whole layout, so the panes fill while the risk
flags are still being computed in the engine's child process); ``run_folder`` walks
a folder (or takes a list of files), loads each document to describe it, and
hands rows to a callback in batches. Both poll ``should_cancel``. Load failures
become rows or messages with the loader's one-line reason, never tracebacks.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from core.engine.position_map import PositionMap, position_map
from core.engine.progress import Progress
from core.errors import CancelledError, LoadError
from core.flags.detect import Flag, flag_comparison
from core.model import Comparison
from gui.common.engine_process import EngineRequest, Use, load_and_compare
from gui.compare.changes import summarize_changes
from gui.compare.plan import build_plan
from gui.compare.result import CompareRequest, CompareResult

BATCH_SECONDS = 0.1
BATCH_ROWS = 500
PREVIEW_ROWS = 400  # more than a screen of rows at any window size
# A comparison's progress in the window, as shares of the whole job: the engine's
# stages (``core.engine.progress``) take about three quarters of it, laying the
# comparison out most of the rest, waiting for the flags the end (``run_compare``'s
# seconds on the benchmark pairs of 1 MB and 5 MB).
ENGINE_SHARE = 0.75
LAYING_OUT = "laying out the panes"
FLAGGING = "looking for risky edits"
FLAGGING_SHARE = 0.97


@dataclass(frozen=True, slots=True)
class FolderRequest:
    """A folder to list (``root``) or an explicit list of ``files``.

    ``encodings`` are the user's choices per path; files in ``as_text`` are read as
    text even if they look binary or have an unsupported suffix.
    """

    root: str | None
    files: tuple[str, ...] = ()
    recursive: bool = True
    encodings: tuple[tuple[str, str], ...] = ()
    as_text: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One row of the document list (metadata only: texts are reloaded to compare).

    ``error`` is the one-line reason a file could not be used; ``error_kind`` is
    ``binary`` or ``unsupported`` when reading it as text anyway is possible,
    ``report`` for a report Redline made (``core.text.own_reports``);
    ``as_text`` marks a file the user chose to read as text. ``source_kind`` is the
    format read (``docx``...), ``warnings`` what its reader said (tracked changes
    accepted).
    """

    path: str
    relpath: str
    size: int = 0
    mtime: float = 0.0
    words: int = -1
    encoding: str = ""
    confidence: float = 0.0
    error: str | None = None
    error_kind: str = ""
    as_text: bool = False
    source_kind: str = "text"
    warnings: tuple[str, ...] = ()

    @property
    def can_open_as_text(self) -> bool:
        """Refused as binary or for its suffix: "Open as Text Anyway" may read it."""
        return self.error_kind in ("binary", "unsupported")


Engine = Callable[[EngineRequest, Callable[[], bool]], Comparison]
# Compares, hands the comparison to a callback at once, and returns its flags
# (``gui.common.engine_process.compare_and_flag``).
FlaggingEngine = Callable[[EngineRequest, Callable[[], bool], Use, Progress], tuple[Flag, ...]]


def flag_here(
    request: EngineRequest,
    should_cancel: Callable[[], bool],
    use: Use,
    progress: Progress = None,
) -> tuple[Flag, ...]:
    """Load, compare and flag in this process (tests; ``run_compare``'s default)."""
    comparison = load_and_compare(request, should_cancel, progress=progress)
    use(comparison, lambda: position_map(comparison))
    return flag_comparison(comparison)


def run_compare(
    request: CompareRequest,
    should_cancel: Callable[[], bool],
    preview: Callable[[CompareResult], None] | None = None,
    engine: FlaggingEngine = flag_here,
    progress: Progress = None,
) -> CompareResult:
    """Load, compare and lay out (in a worker thread); ``preview`` gets the first rows,
    then the whole layout without the flags (the same plan as the result's).
    ``progress`` is told each stage as it begins, with the share of the whole job
    done: the engine's, then ``LAYING_OUT`` and ``FLAGGING``.

    ``engine`` loads, compares and flags: in this process by default, or with the
    comparison and its flags computed in a child process, the flags while this thread
    lays the comparison out (``gui.common.engine_process.compare_and_flag``, what the
    window uses).
    """
    seconds: dict[str, float] = {}
    laid_out: list[CompareResult] = []

    def tell(stage: str, share: float) -> None:
        if progress is not None:
            progress(stage, share)

    def lay_out(comparison: Comparison, mapping: Callable[[], PositionMap]) -> None:
        if request.reuse is None:
            seconds["compare"] = time.perf_counter() - start
        tell(LAYING_OUT, ENGINE_SHARE)
        laid_out.append(_lay_out(request, comparison, mapping, should_cancel, preview, seconds))
        tell(FLAGGING, FLAGGING_SHARE)

    def engine_stage(stage: str, done: float) -> None:
        tell(stage, done * ENGINE_SHARE)

    start = time.perf_counter()
    if request.reuse is None:
        flags = engine(request.engine_request(), should_cancel, lay_out, engine_stage)
    else:
        reuse = request.reuse
        lay_out(reuse, lambda: position_map(reuse))
        flags = flag_comparison(reuse)
    # The time spent waiting for the flags once the layout was done.
    seconds["flags"] = time.perf_counter() - start - seconds.get("compare", 0) - seconds["plan"]
    result = laid_out[0]
    return CompareResult(
        request, result.plan, result.changes, result.mapping, seconds, flags, result.note_order
    )


def _lay_out(
    request: CompareRequest,
    comparison: Comparison,
    mapping: Callable[[], PositionMap],
    should_cancel: Callable[[], bool],
    preview: Callable[[CompareResult], None] | None,
    seconds: dict[str, float],
) -> CompareResult:
    """The plan, change list and scroll map (``mapping()``) of ``comparison`` (no
    flags yet)."""
    from core.engine.rows import comparison_rows
    from core.report.layout import NoteOrder
    from gui.common.utf16 import Utf16Index

    if should_cancel():
        raise CancelledError("cancelled")
    laid_out = time.perf_counter()
    view = request.view
    rows = comparison_rows(comparison, only_changed=view.only_changed, expanded=view.expanded)
    indexes = (Utf16Index(comparison.old.text), Utf16Index(comparison.new.text))
    if preview is not None and len(rows) > PREVIEW_ROWS:
        first = build_plan(comparison, view, indexes, rows, PREVIEW_ROWS)
        seconds["preview"] = time.perf_counter() - laid_out
        preview(CompareResult(request, first, (), None, dict(seconds)))
    plan = build_plan(comparison, view, indexes, rows)
    changes = summarize_changes(plan)
    scroll_map = mapping()
    # (the notes are numbered by every row, as reports number them, folded or not)
    full = comparison_rows(comparison) if view.only_changed else rows
    order = NoteOrder(comparison, full)
    seconds["plan"] = time.perf_counter() - laid_out
    result = CompareResult(request, plan, changes, scroll_map, dict(seconds), note_order=order)
    if preview is not None:  # the panes need no flags: they fill while these come
        preview(result)
    return result


def run_folder(
    request: FolderRequest,
    emit_rows: Callable[[list[DocumentRow]], None],
    should_cancel: Callable[[], bool],
) -> str:
    """Describe every document of the request, emitting rows in batches.

    Returns:
        A one-line summary for the status bar.
    """
    batch: list[DocumentRow] = []
    last = time.perf_counter()
    total = failed = reports = 0
    skipped: Counter[str] = Counter()
    for row in _rows(request, should_cancel, skipped):
        if should_cancel():
            raise CancelledError("cancelled")
        batch.append(row)
        total += 1
        reports += row.error_kind == "report"
        failed += row.error is not None and row.error_kind != "report"
        if len(batch) >= BATCH_ROWS or time.perf_counter() - last > BATCH_SECONDS:
            emit_rows(batch)
            batch, last = [], time.perf_counter()
    if batch:
        emit_rows(batch)
    noun = "document" if total == 1 else "documents"
    summary = f"{total:,} {noun} listed"
    if failed:
        summary += f", {failed:,} could not be loaded"
    if reports:
        summary += (
            f", {reports:,} {'reports' if reports > 1 else 'report'} made by Redline left out"
        )
    return summary + skipped_summary(skipped)


def skipped_summary(skipped: Counter[str]) -> str:
    """``, 12 files of other types not listed (.pdf 9, .jpg 3)``, or nothing."""
    count = sum(skipped.values())
    if not count:
        return ""
    common = sorted(skipped.items(), key=lambda item: (-item[1], item[0]))[:3]
    kinds = ", ".join(f"{suffix} {n:,}" for suffix, n in common)
    more = ", …" if len(skipped) > 3 else ""
    noun = "file" if count == 1 else "files"
    return f", {count:,} {noun} of other types not listed ({kinds}{more})"


def _rows(request: FolderRequest, should_cancel: Callable[[], bool], skipped: Counter[str]):  # type: ignore[no-untyped-def]
    overrides = dict(request.encodings)
    if request.root is None:
        for path in request.files:
            if should_cancel():
                raise CancelledError("cancelled")
            name = os.path.basename(path)
            yield describe(path, name, overrides.get(path), path in request.as_text)
        return
    from core.text.folder import REPORT_REASON, walk_folder

    for entry in walk_folder(
        request.root, recursive=request.recursive, should_cancel=should_cancel, skipped=skipped
    ):
        path = os.fspath(entry.path)
        relpath = os.fspath(entry.relpath)
        if entry.error is not None:
            reason = getattr(entry.error, "reason", None) or str(entry.error)
            kind = "report" if reason == REPORT_REASON else ""
            yield DocumentRow(
                path, relpath, entry.size or 0, entry.mtime or 0.0, error=reason, error_kind=kind
            )
        else:
            yield describe(path, relpath, overrides.get(path), path in request.as_text)


def describe(
    path: str, relpath: str, encoding: str | None = None, as_text: bool = False
) -> DocumentRow:
    """Load one document to describe it; a load failure becomes an error row."""
    from core.engine.tokens import count_words
    from core.errors import BinaryFileError, UnsupportedFileError
    from core.text.document import load_document

    try:
        doc = load_document(path, encoding=encoding, any_suffix=as_text, allow_binary=as_text)
    except LoadError as exc:
        size, mtime = _stat(path)
        kind = (
            "binary"
            if isinstance(exc, BinaryFileError)
            else "unsupported"
            if isinstance(exc, UnsupportedFileError)
            else ""
        )
        return DocumentRow(path, relpath, size, mtime, error=exc.reason, error_kind=kind)
    return DocumentRow(
        path,
        relpath,
        doc.size,
        doc.mtime,
        count_words(doc.text),
        doc.encoding,
        doc.confidence,
        as_text=as_text,
        source_kind=doc.source_kind,
        warnings=doc.warnings,
    )


def _stat(path: str) -> tuple[int, float]:
    try:
        st = os.stat(path)
    except OSError:
        return 0, 0.0
    return st.st_size, st.st_mtime
