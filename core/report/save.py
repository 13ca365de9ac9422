"""Saving a report (HTML, PDF, JSON; for a comparison also a Word redline) of a
comparison or of an N-way grid, for the command line and the window.

The content is built here; only the PDF needs Qt, so its renderer is passed in
(``gui.reports.pdf.render_pdf``: HTML and a page size in, PDF bytes out) and
``core`` never imports it. Every report is written atomically
(``core.atomic``): a failed write leaves an earlier report intact and no temporary
file. A report is never written over one of the compared documents.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal

from core.atomic import atomic_write_bytes
from core.errors import RedlineError
from core.report.context import DEFAULT_CONTEXT
from core.text.names import printable_path

# Types only: the command line's parser reads PAGE_SIZES, and ``redline --help`` and
# ``--version`` load none of the engine.
if TYPE_CHECKING:
    from pathlib import Path

    from core.model import Comparison, Document
    from core.notes.annotation import Annotation
    from core.nway.grid import NWay

ReportFormat = Literal["html", "pdf", "json", "docx"]
PageSize = Literal["a4", "letter", "a4-landscape", "letter-landscape"]
FORMATS: tuple[ReportFormat, ...] = ("html", "pdf", "json")
PAGE_SIZES: tuple[PageSize, ...] = ("a4", "letter", "a4-landscape", "letter-landscape")
SUFFIXES: dict[ReportFormat, str] = {
    "html": ".html",
    "pdf": ".pdf",
    "json": ".json",
    "docx": ".docx",
}

PdfRenderer = Callable[[str, str], bytes]
"""Renders the report's ``pdf`` HTML variant on pages of a size (``a4``, ``letter``, or
either with ``-landscape``)."""


def stored_annotations(
    old: Document, new: Document, notice: Callable[[str], None] | None = None
) -> list[Annotation]:
    """The annotations saved for this pair of documents, placed in their texts.

    Args:
        old: the old document.
        new: the new document.
        notice: told the one-line message when an unusable database was set aside
            (and a fresh one started) on opening.

    Raises:
        AnnotationStoreError: the annotation database could not be opened.
    """
    from core.notes.store import AnnotationStore, annotations_for  # only when asked for

    with AnnotationStore.open_default() as store:
        if store.recovered_message and notice is not None:
            notice(store.recovered_message)
        return annotations_for(old, new, store)


def _same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def refuse_compared_documents(target: str | Path, *documents: str | Path) -> None:
    """Refuse a report target that is one of the compared documents.

    Raises:
        RedlineError: ``target`` names (or links to) one of ``documents``.
    """
    if any(_same_file(target, doc) for doc in documents):
        raise RedlineError(
            f"{printable_path(os.fspath(target))}: refusing to overwrite a compared document"
        )


def report_bytes(
    result: Comparison,
    fmt: ReportFormat,
    *,
    annotations: Sequence[Annotation] | None = None,
    changes_only: bool = False,
    page_size: PageSize = "a4",
    pdf_renderer: PdfRenderer | None = None,
    show_flags: bool = True,
    context: int | None = None,
    original_line_breaks: bool = False,
) -> bytes:
    """The report's bytes in ``fmt``.

    Args:
        result: the comparison.
        fmt: ``html``, ``pdf``, ``json`` or ``docx`` (a Word redline:
            ``core.report.docx_redline``).
        annotations: notes to include (None: the JSON has no ``annotations`` key).
        changes_only: fold unchanged sentences but ``context`` around each change
            (HTML and PDF; the JSON keeps every block and names the folded rows).
        page_size: ``a4`` or ``letter``, either ``-landscape`` (PDF).
        pdf_renderer: renders the PDF (required for ``pdf``).
        show_flags: False leaves the risky-edit flags out (``--no-flags``; JSON: no
            ``flags`` key).
        context: sentences of context around each change (implies ``changes_only``;
            default 1 when only changes are shown).
        original_line_breaks: HTML and PDF keep single line breaks (no reflow).

    Raises:
        RedlineError: PDF asked without a renderer.
    """
    if changes_only and context is None:
        context = DEFAULT_CONTEXT
    if fmt == "json":
        from core.report.comparison_json import comparison_to_json

        return comparison_to_json(result, annotations, show_flags, context=context).encode("utf-8")
    if fmt == "docx":
        from core.report.docx_redline import comparison_docx

        return comparison_docx(result, annotations or ())
    # The HTML report's modules load only when a report is asked for (start-up time).
    from core.report.comparison_html import render_report

    if fmt == "html":
        html = render_report(
            result,
            annotations or (),
            context=context,
            original_line_breaks=original_line_breaks,
            show_flags=show_flags,
        )
        return html.encode("utf-8")
    if pdf_renderer is None:
        raise RedlineError("PDF reports need the window's libraries (PySide6), not installed")
    html = render_report(
        result,
        annotations or (),
        context=context,
        original_line_breaks=original_line_breaks,
        variant="pdf",
        show_flags=show_flags,
    )
    return pdf_renderer(html, page_size)


def nway_report_bytes(
    nway: NWay,
    fmt: ReportFormat,
    *,
    page_size: PageSize = "a4",
    pdf_renderer: PdfRenderer | None = None,
) -> bytes:
    """The N-way report's bytes in ``fmt`` (``html``, ``pdf`` or ``json``).

    Raises:
        RedlineError: PDF asked without a renderer, or a Word redline (only a
            comparison of two documents has one).
    """
    if fmt == "docx":
        raise RedlineError(
            "a Word redline compares two documents; N-way reports are html, pdf or json"
        )
    if fmt == "json":
        from core.report.nway import render_nway_json

        return render_nway_json(nway).encode("utf-8")
    # The N-way report's modules load only when one is asked for (start-up time).
    from core.report.nway_html import render_nway_html

    if fmt == "html":
        return render_nway_html(nway).encode("utf-8")
    if pdf_renderer is None:
        raise RedlineError("PDF reports need the window's libraries (PySide6), not installed")
    return pdf_renderer(render_nway_html(nway, variant="pdf"), page_size)


def without_paths(result: Comparison) -> Comparison:
    """``result`` with each document known by its file name only (``--no-paths``:
    a report handed outside keeps no folder names)."""
    import dataclasses

    return dataclasses.replace(result, old=_named_only(result.old), new=_named_only(result.new))


def nway_without_paths(nway: NWay) -> NWay:
    """``nway`` with each document known by its file name only (``--no-paths``)."""
    import dataclasses

    versions = tuple(
        dataclasses.replace(v, comparison=without_paths(v.comparison)) for v in nway.versions
    )
    return dataclasses.replace(nway, base=_named_only(nway.base), versions=versions)


def _named_only(doc: Document) -> Document:
    import dataclasses

    return dataclasses.replace(doc, path=os.path.basename(doc.path) or doc.path)


def nway_documents(nway: NWay) -> list[str]:
    """The paths of every document of the grid (a report may overwrite none of them)."""
    return [nway.base.path, *(v.document.path for v in nway.versions)]


def save_report(target: Path, data: bytes, *documents: str | Path) -> None:
    """Write a report atomically; refuse the compared documents.

    Raises:
        RedlineError: the target is a compared document, or it could not be written
            (the message names the file and the reason; an earlier file is intact).
    """
    refuse_compared_documents(target, *documents)
    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise RedlineError(
            f"{printable_path(os.fspath(target))}: cannot write the report ({reason})"
        ) from exc
