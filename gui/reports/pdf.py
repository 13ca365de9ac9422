"""PDF reports: the report's ``pdf`` HTML variant laid out by ``QTextDocument`` on pages.

``core.report.comparison_html`` builds the markup (``variant="pdf"``: the same page with a
stylesheet Qt understands); this module paginates it onto A4 or Letter pages
(portrait or landscape) with a footer (title, "page N of M") and bookmarks for the
sections (``<h2>``, ``core.report.pdf_outline``), and returns the PDF bytes, which
``core.report.save`` writes atomically. The documents are laid out at 96 dpi with
design metrics, like a browser's CSS pixels, and drawn scaled onto the high-resolution
PDF, so point sizes and pixel paddings keep their size on paper.

A comparison's side-by-side rows (``core.report.pdf_rows``) are not a Qt table: Qt
lays a table's cells out twice and walks all the pages of a table to draw each one
(9.5 s for the 1 MB pair). Their cells are laid out once, as blocks of one document
whose margins make the columns, and placed here row by row under the column header
repeated on every page; the part before the rows and the part after (notes, the full
list of flags, on a page of its own) are Qt's. Safe to call in a worker thread;
creates an offscreen ``QGuiApplication`` when there is none (``redline compare
--format pdf``).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextDocument,
    QTextLayout,
    QTextLine,
)

from core.errors import RedlineError
from core.report import pdf_rows
from core.report.css import BAR, BAR_TEXT, PLACEHOLDER
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
_SCALE = PDF_DPI / LAYOUT_DPI
_BAR, _PLACEHOLDER = QColor(BAR), QColor(PLACEHOLDER)  # the header's and fold's, an empty cell's
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


def _bookmarks(
    document: QTextDocument, page_height: float, top_pt: float, first_page: int = 0
) -> list[Bookmark]:
    """The sections (``<h2>``) with the page they start on and their height there.

    ``page_height`` is a page's body in layout pixels; ``top_pt`` the page's top edge
    of the body in PDF points from the bottom of the paper; ``first_page`` the page
    the document's first page is printed on.
    """
    layout = document.documentLayout()
    marks = []
    block = document.begin()
    while block.isValid():
        # (without the zero-width space of the heading's target, ``named_anchors``)
        title = " ".join(block.text().replace(pdf_rows.EMPTY, "").split())
        if block.blockFormat().headingLevel() == 2 and title:
            y = layout.blockBoundingRect(block).top()
            page = int(y // page_height)
            within = (y - page * page_height) * 72 / LAYOUT_DPI
            marks.append(Bookmark(title, first_page + page, top_pt - within))
        block = block.next()
    return marks


Op = Callable[[QPainter], None]


def _fill_op(rect: QRectF, colour: QColor) -> Op:
    return lambda painter: painter.fillRect(rect, colour)


def _layout_op(layout: QTextLayout, at: QPointF) -> Op:
    return lambda painter: layout.draw(painter, at)


def _line_op(line: QTextLine, at: QPointF) -> Op:
    return lambda painter: line.draw(painter, at)


def _document(html: str, size: QSizeF, keep: list[object]) -> QTextDocument:
    """``html`` laid out at 96 dpi on pages of ``size`` (height -1: one long page).

    The document and its paint device are put in ``keep``: the drawing operations
    hold its blocks' layouts, which live only as long as the document.
    """
    document = QTextDocument()
    device = _layout_device()
    keep.extend((device, document))
    document.documentLayout().setPaintDevice(device)
    document.setUseDesignMetrics(True)
    document.setDocumentMargin(0)
    document.setHtml(html)
    document.setPageSize(size)
    document.pageCount()  # lays it all out now (Qt lays big documents out lazily)
    return document


def _blocks(document: QTextDocument) -> list[QTextBlock]:
    out = []
    block = document.begin()
    while block.isValid():
        out.append(block)
        block = block.next()
    return out


def _doc_page(document: QTextDocument, page: int, body: QSizeF) -> Op:
    def draw(painter: QPainter) -> None:
        painter.save()
        top = page * body.height()
        painter.translate(0, -top)
        document.drawContents(painter, QRectF(0, top, body.width(), body.height()))
        painter.restore()

    return draw


def _end(document: QTextDocument) -> float:
    """Where the document's last text ends (with its bottom margin), in layout pixels."""
    layout = document.documentLayout()
    block = document.lastBlock()
    while block.isValid() and not block.text().strip():
        block = block.previous()
    if not block.isValid():
        return 0.0
    return layout.blockBoundingRect(block).bottom() + block.blockFormat().bottomMargin()


class _Cell:
    """A cell's blocks (of the laid-out rows document) and its place in the row."""

    def __init__(self, blocks: list[QTextBlock], left: float, right: float) -> None:
        self.blocks, self.left, self.right = blocks, left, right
        self.empty = len(blocks) == 1 and blocks[0].text() == pdf_rows.EMPTY
        first, last = blocks[0].layout(), blocks[-1].layout()
        self.top = first.position().y()
        bottom = last.position().y() + last.boundingRect().bottom()
        margin = blocks[-1].blockFormat().bottomMargin()
        self.height = 0.0 if self.empty else bottom + margin - self.top

    def lines(self) -> list[tuple[QTextLayout, QTextLine, float]]:
        """Every line with its top relative to the cell's top."""
        out = []
        for block in self.blocks:
            layout = block.layout()
            for k in range(layout.lineCount()):
                line = layout.lineAt(k)
                out.append((layout, line, layout.position().y() + line.y() - self.top))
        return out


def _number_font(header: bool) -> QFont:
    """The row numbers' font (the header's "#": the header's), as the stylesheet's."""
    font = QFont("DejaVu Sans")
    font.setPointSizeF(8.5 if header else 7)
    font.setBold(header)
    return font


def _number_op(text: str, header: bool, right: float, top: float) -> Op:
    """A row's number right-aligned before ``right`` (the header's "#" left-aligned),
    its top at ``top``. Drawn unscaled, like the footer: a point size is resolved
    against the PDF's resolution."""
    font = _number_font(header)
    colour = QColor("#1d1d1f" if header else BAR_TEXT)
    pad = pdf_rows.PADDING
    flags = Qt.AlignmentFlag.AlignTop | (
        Qt.AlignmentFlag.AlignLeft if header else Qt.AlignmentFlag.AlignRight
    )

    def draw(painter: QPainter) -> None:
        painter.save()
        painter.scale(1 / _SCALE, 1 / _SCALE)
        painter.setFont(font)
        painter.setPen(colour)
        rect = QRectF(pad * _SCALE, top * _SCALE, (right - 2 * pad) * _SCALE, 100 * _SCALE)
        painter.drawText(rect, flags, text)
        painter.restore()

    return draw


class _RowPages:
    """Places rows on pages (``pages``: each page's drawing operations) below the
    column header, which is repeated on top of every page the rows continue on. A row
    is its number (empty for a fold) and its cells; ``number_width`` the width of the
    numbers' column."""

    def __init__(
        self, pages: list[list[Op]], height: float, width: float, number_width: float
    ) -> None:
        self.pages, self.height, self.width = pages, height, width
        self.number_width = number_width
        self.header: list[_Cell] = []
        self.header_height = 0.0

    @staticmethod
    def _height(cells: list[_Cell]) -> float:
        return max(c.height for c in cells) + 2 * pdf_rows.PADDING

    def _fill(self, page: int, rect: QRectF, colour: QColor) -> None:
        self.pages[page].append(_fill_op(rect, colour))

    def _cell_at(self, page: int, cell: _Cell, top: float) -> None:
        if cell.empty:
            return
        at = QPointF(0, top + pdf_rows.PADDING - cell.top)
        self.pages[page].extend(_layout_op(block.layout(), at) for block in cell.blocks)

    def _row_at(self, number: str, cells: list[_Cell], top: float, height: float) -> None:
        page = len(self.pages) - 1
        fill = _BAR if number in ("#", "") else None
        if fill is not None:
            self._fill(page, QRectF(0, top, self.width, height), fill)
        for cell in cells:
            if cell.empty and fill is None:
                rect = QRectF(cell.left, top, cell.right - cell.left, height)
                self._fill(page, rect, _PLACEHOLDER)
            self._cell_at(page, cell, top)
        if number:
            header = number == "#"
            at = top + pdf_rows.PADDING
            self.pages[page].append(_number_op(number, header, self.number_width, at))

    def _new_page(self) -> float:
        self.pages.append([])
        self._row_at("#", self.header, 0, self.header_height)
        return self.header_height

    def start(self, header: list[_Cell], top: float) -> float:
        """The column header at ``top`` of the last page (of a new page when it and a
        row would not fit); returns where the first row starts."""
        self.header, self.header_height = header, self._height(header)
        if top + 2 * self.header_height > self.height:
            return self._new_page()
        self._row_at("#", header, top, self.header_height)
        return top + self.header_height

    def place(self, number: str, cells: list[_Cell], top: float) -> float:
        """The row at ``top`` of the last page (at the top of a new page when it does
        not fit); returns where the next row starts."""
        height = self._height(cells)
        room = self.height - top
        fits_a_page = height <= self.height - self.header_height
        begins_here = _first_lines(cells) + 2 * pdf_rows.PADDING <= room
        if top > self.header_height and ((fits_a_page and height > room) or not begins_here):
            top = self._new_page()
        if top + height <= self.height:
            self._row_at(number, cells, top, height)
            return top + height
        return self._split(number, cells, top)

    def _split(self, number: str, cells: list[_Cell], top: float) -> float:
        """A row taller than a page: each cell's lines flow on to the next pages."""
        first = len(self.pages) - 1
        pad = pdf_rows.PADDING
        ends: list[tuple[int, float]] = [(first, top + 2 * pad)]
        placed: list[tuple[int, QTextLayout, QTextLine, float]] = []
        for cell in cells:
            page, y, last = first, top + pad, 0.0
            for layout, line, line_top in [] if cell.empty else cell.lines():
                y += line_top - last  # the gap from the previous line (block margins)
                # a new page unless this is the top of one (a line taller than a page)
                if y + line.height() > self.height - pad and y > self.header_height + pad:
                    page, y = page + 1, self.header_height + pad
                placed.append((page, layout, line, y))
                last = line_top + line.height()
                y += line.height()
            ends.append((page, y + pad))
        end_page, end = max(ends)
        if number:
            self.pages[first].append(_number_op(number, False, self.number_width, top + pad))
        while len(self.pages) - 1 < end_page:
            self._new_page()
        for page in range(first, end_page + 1):
            start = top if page == first else self.header_height
            stop = end if page == end_page else self.height
            for cell in cells:
                if cell.empty:
                    rect = QRectF(cell.left, start, cell.right - cell.left, stop - start)
                    self._fill(page, rect, _PLACEHOLDER)
        for page, layout, line, y in placed:
            at = QPointF(layout.position().x(), y - line.y())
            self.pages[page].append(_line_op(line, at))
        return end


def _first_lines(cells: list[_Cell]) -> float:
    """The height of the row's first lines (the tallest)."""
    layouts = [c.blocks[0].layout() for c in cells if not c.empty]
    return max((t.lineAt(0).height() for t in layouts if t.lineCount()), default=0.0)


def _number_width(numbers: list[str], width: float) -> int:
    """The width of the numbers' column: the widest number's, 4 % of the page at
    least, in whole pixels (Qt rounds CSS margins to them)."""
    widest = max(numbers, key=len, default="")
    metrics = QFontMetricsF(_number_font(False), _layout_device())
    text = metrics.horizontalAdvance(widest) + 2 * pdf_rows.PADDING
    return math.ceil(max(width * 0.04, text))


def _plan_with_rows(
    html: str, body: QSizeF, keep: list[object]
) -> tuple[list[list[Op]], QTextDocument, list[tuple[QTextDocument, int]]]:
    """The pages of a report with ``core.report.pdf_rows`` rows: the part before the
    rows laid out by Qt, the rows placed here, the part after on the next page.

    Returns the pages' drawing operations, the first document (title) and the
    documents with headings and the page each starts on (bookmarks).
    """
    parts = pdf_rows.split_rows(html)
    if parts is None:
        raise ValueError("no rows section in the PDF markup")
    pre, numbers, cell_html, post = parts
    head = html[: html.index("<body")]
    del parts, html  # the documents hold the text (less memory at the peak)
    width, height = body.width(), body.height()
    before = _document(pre + "</body></html>", body, keep)
    del pre
    end = _end(before)
    last_page = int(end // height)
    pages: list[list[Op]] = [[_doc_page(before, k, body)] for k in range(last_page + 1)]
    number_width = _number_width(numbers, width)
    column = (width - number_width) // 2
    pad = pdf_rows.PADDING
    margins = {
        pdf_rows.OLD: (number_width + pad, column + pad),
        pdf_rows.NEW: (number_width + column + pad, pad),
        pdf_rows.FOLD: (number_width + pad, pad),
    }
    style = "".join(
        f".{name}{{margin-left:{left:.0f}px;margin-right:{right:.0f}px}}"
        for name, (left, right) in margins.items()
    )
    styled = head.replace("</head>", f"<style>{style}</style></head>", 1)
    cells = _document(f"{styled}<body>{cell_html}</body></html>", QSizeF(width, -1), keep)
    del cell_html
    spans = {
        pdf_rows.OLD: (number_width, number_width + column),
        pdf_rows.NEW: (number_width + column, width),
        pdf_rows.FOLD: (number_width, width),
    }
    kinds = {margin: name for name, margin in margins.items()}
    blocks = _blocks(cells)
    columns = [
        kinds.get((round(b.blockFormat().leftMargin()), round(b.blockFormat().rightMargin())))
        for b in blocks
    ]
    at = 0

    def take(name: str) -> _Cell:
        nonlocal at
        start = at
        while at < len(blocks) and columns[at] == name:
            at += 1
        if at == start:
            raise RedlineError(f"PDF report: its rows are out of step at block {start} (a bug)")
        return _Cell(blocks[start:at], *spans[name])

    placer = _RowPages(pages, height, width, number_width)
    y = placer.start([take(pdf_rows.OLD), take(pdf_rows.NEW)], end - last_page * height)
    for number in numbers:
        if number == pdf_rows.FOLD_NUMBER:
            y = placer.place("", [take(pdf_rows.FOLD)], y)
        else:
            y = placer.place(number, [take(pdf_rows.OLD), take(pdf_rows.NEW)], y)
    if at != len(blocks):
        raise RedlineError(f"PDF report: {len(blocks) - at} blocks left after its rows (a bug)")
    documents = [(before, 0)]
    after = _document(head + "<body>" + post, body, keep)
    if after.toPlainText().strip():
        documents.append((after, len(pages)))
        pages.extend([_doc_page(after, k, body)] for k in range(int(_end(after) // height) + 1))
    return pages, before, documents


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
    scale = _SCALE
    paint = writer.pageLayout().paintRectPixels(PDF_DPI)
    width, height = paint.width() / scale, paint.height() / scale
    body = QSizeF(width, height - FOOTER_PX)
    keep: list[object] = []
    html = pdf_rows.named_anchors(html)
    if pdf_rows.ROWS_START in html:
        pages, first, documents = _plan_with_rows(html, body, keep)
    else:
        first = _document(html, body, keep)
        pages = [[_doc_page(first, k, body)] for k in range(first.pageCount())]
        documents = [(first, 0)]
    title = first.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
    writer.setTitle(title)
    painter = QPainter(writer)
    try:
        for page, operations in enumerate(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            for operation in operations:
                operation(painter)
            painter.restore()
            # Unscaled: the footer's point size is resolved against the PDF's resolution.
            footer = QRectF(0, (body.height() + 6) * scale, paint.width(), (FOOTER_PX - 6) * scale)
            _footer(painter, footer, title, page + 1, len(pages))
    finally:
        painter.end()
    buffer.close()
    full = writer.pageLayout().fullRect(QPageLayout.Unit.Point)
    margin_top = writer.pageLayout().margins(QPageLayout.Unit.Point).top()
    marks = [
        mark
        for document, start in documents
        for mark in _bookmarks(document, body.height(), full.height() - margin_top, start)
    ]
    del pages, first, documents, keep  # the documents go before the PDF is copied
    return add_outline(bytes(data.data()), marks)
