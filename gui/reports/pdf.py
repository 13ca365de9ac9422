"""PDF reports: the report's ``pdf`` HTML variant laid out by ``QTextDocument`` on pages.

``core.report.comparison_html`` builds the markup (``variant="pdf"``: the same page with a
stylesheet Qt understands); this module only paginates it onto A4 or Letter pages
(portrait or landscape) with a footer (title, "page N of M") and bookmarks for the
sections (``<h2>``, ``core.report.pdf_outline``), and returns the PDF bytes, which
``core.report.save`` writes atomically. The document is laid out at 96 dpi with design
metrics, like a browser's CSS pixels, and drawn scaled onto the high-resolution
PDF, so point sizes and pixel paddings keep their size on paper. Safe to call in a
worker thread; creates an offscreen ``QGuiApplication`` when there is none
(``redline compare --format pdf``).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from core.report.pdf_outline import Bookmark, add_outline

LAYOUT_DPI = 96
PDF_DPI = 1200
_PORTRAIT, _LANDSCAPE = QPageLayout.Orientation.Portrait, QPageLayout.Orientation.Landscape
PAGE_SIZES = {
    "a4": (QPageSize.PageSizeId.A4, _PORTRAIT),
    "letter": (QPageSize.PageSizeId.Letter, _PORTRAIT),
    "a4-landscape": (QPageSize.PageSizeId.A4, _LANDSCAPE),
    "letter-landscape": (QPageSize.PageSizeId.Letter, _LANDSCAPE),
}
MARGINS_MM = QMarginsF(13, 12, 13, 10)
FOOTER_PX = 26
_app: QGuiApplication | None = None


def _ensure_app() -> None:
    """Text layout needs a (Gui)Application; make an offscreen one for the command line."""
    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication(["redline", "-platform", "offscreen"])


def _layout_device() -> QImage:
    """A 96-dpi paint device for the text layout, whatever the screen says."""
    image = QImage(1, 1, QImage.Format.Format_RGB32)
    dots_per_metre = round(LAYOUT_DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


def _footer(painter: QPainter, rect: QRectF, title: str, page: int, pages: int) -> None:
    painter.save()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(7.5)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.darkGray)
    painter.drawLine(rect.topLeft(), rect.topRight())
    text_rect = rect.adjusted(0, 4, 0, 0)
    flags = Qt.AlignmentFlag.AlignTop
    painter.drawText(text_rect, flags | Qt.AlignmentFlag.AlignLeft, title)
    painter.drawText(text_rect, flags | Qt.AlignmentFlag.AlignRight, f"page {page} of {pages}")
    painter.restore()


def _bookmarks(document: QTextDocument, page_height: float, top_pt: float) -> list[Bookmark]:
    """The sections (``<h2>``) with the page they start on and their height there.

    ``page_height`` is a page's body in layout pixels; ``top_pt`` the page's top edge
    of the body in PDF points from the bottom of the paper.
    """
    layout = document.documentLayout()
    marks = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 2 and block.text().strip():
            y = layout.blockBoundingRect(block).top()
            page = int(y // page_height)
            within = (y - page * page_height) * 72 / LAYOUT_DPI
            marks.append(Bookmark(" ".join(block.text().split()), page, top_pt - within))
        block = block.next()
    return marks


def render_pdf(html: str, page_size: str = "a4") -> bytes:
    """Lay ``html`` out on pages of ``page_size`` (``a4`` or ``letter``, either with
    ``-landscape``); PDF bytes.

    Raises:
        ValueError: an unknown page size.
    """
    if page_size not in PAGE_SIZES:
        raise ValueError(f"unknown page size {page_size!r} (use {', '.join(PAGE_SIZES)})")
    _ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(PAGE_SIZES[page_size][0]),
            PAGE_SIZES[page_size][1],
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setCreator("Redline")
    document = QTextDocument()
    device = _layout_device()
    document.documentLayout().setPaintDevice(device)
    document.setUseDesignMetrics(True)
    document.setDocumentMargin(0)
    document.setHtml(html)
    title = document.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
    writer.setTitle(title)
    scale = PDF_DPI / LAYOUT_DPI
    paint = writer.pageLayout().paintRectPixels(PDF_DPI)
    width, height = paint.width() / scale, paint.height() / scale
    body = QSizeF(width, height - FOOTER_PX)
    document.setPageSize(body)
    pages = document.pageCount()
    painter = QPainter(writer)
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            top = page * body.height()
            painter.translate(0, -top)
            document.drawContents(painter, QRectF(0, top, body.width(), body.height()))
            painter.restore()
            # Unscaled: the footer's point size is resolved against the PDF's resolution.
            footer = QRectF(0, (body.height() + 6) * scale, paint.width(), (FOOTER_PX - 6) * scale)
            _footer(painter, footer, title, page + 1, pages)
    finally:
        painter.end()
    buffer.close()
    full = writer.pageLayout().fullRect(QPageLayout.Unit.Point)
    margin_top = writer.pageLayout().margins(QPageLayout.Unit.Point).top()
    marks = _bookmarks(document, body.height(), full.height() - margin_top)
    return add_outline(bytes(data.data()), marks)
