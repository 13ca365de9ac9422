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
from core.model import Comparison, Document
from core.report.comparison_json import comparison_to_json
from core.text.names import printable_path

if TYPE_CHECKING:
    from pathlib import Path

    from core.notes.annotation import Annotation
    from core.nway.grid import NWay

ReportFormat = Literal["html", "pdf", "json", "docx"]
PageSize = Literal["a4", "letter"]
FORMATS: tuple[ReportFormat, ...] = ("html", "pdf", "json")
PAGE_SIZES: tuple[PageSize, ...] = ("a4", "letter")
SUFFIXES: dict[ReportFormat, str] = {
    "html": ".html",
    "pdf": ".pdf",
    "json": ".json",
    "docx": ".docx",
}

PdfRenderer = Callable[[str, str], bytes]
"""Renders the report's ``pdf`` HTML variant on pages of a size (``a4``, ``letter``)."""


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
) -> bytes:
    """The report's bytes in ``fmt``.

    Args:
        result: the comparison.
        fmt: ``html``, ``pdf``, ``json`` or ``docx`` (a Word redline:
            ``core.report.docx_redline``).
        annotations: notes to include (None: the JSON has no ``annotations`` key).
        changes_only: fold unchanged sentences (HTML and PDF).
        page_size: ``a4`` or ``letter`` (PDF).
        pdf_renderer: renders the PDF (required for ``pdf``).

    Raises:
        RedlineError: PDF asked without a renderer.
    """
    if fmt == "json":
        return comparison_to_json(result, annotations).encode("utf-8")
    if fmt == "docx":
        from core.report.docx_redline import comparison_docx

        return comparison_docx(result, annotations or ())
    # The HTML report's modules load only when a report is asked for (start-up time).
    from core.report.comparison_html import render_report

    if fmt == "html":
        return render_report(result, annotations or (), changes_only=changes_only).encode("utf-8")
    if pdf_renderer is None:
        raise RedlineError("PDF reports need the window's libraries (PySide6), not installed")
    html = render_report(result, annotations or (), changes_only=changes_only, variant="pdf")
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
