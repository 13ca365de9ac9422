"""PDF files for the tests, laid out line by line by Qt's PDF writer: a running
header and a page number on every page, paragraphs wrapped at a fixed width, a
blank line between them. Needs a QGuiApplication (pytest-qt's ``qapp``)."""

from __future__ import annotations

import textwrap
from pathlib import Path

LINES_PER_PAGE = 25


def article_pdf(
    path: Path,
    paragraphs: list[str],
    header: str = "THE DAILY EXAMPLE  Tuesday 2 December",
    width: int = 78,
    wrapped: list[list[str]] | None = None,
) -> None:
    """Write ``paragraphs`` as a PDF (or the lines of ``wrapped`` as given)."""
    from PySide6.QtCore import QMarginsF, QPointF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

    lines: list[str] = []
    for lines_of_paragraph in wrapped or [textwrap.wrap(p, width) for p in paragraphs]:
        lines += [*lines_of_paragraph, ""]
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
        )
    )
    writer.setTitle("Storm report")
    writer.setCreator("Redline tests")
    painter = QPainter(writer)
    font = QFont("DejaVu Serif")
    font.setPointSize(9)
    painter.setFont(font)
    step = painter.fontMetrics().height() * 1.3
    pages = [lines[k : k + LINES_PER_PAGE] for k in range(0, len(lines), LINES_PER_PAGE)]
    for number, page in enumerate(pages, 1):
        if number > 1:
            writer.newPage()
        y = step
        painter.drawText(QPointF(0, y), header)
        y += step * 2
        for line in page:
            if line:
                painter.drawText(QPointF(0, y), line)
            y += step
        painter.drawText(QPointF(0, y + step), f"Page {number} of {len(pages)}")
    painter.end()


def image_only_pdf(path: Path) -> None:
    """A "scanned" page: an image, no text layer."""
    from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter

    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.drawImage(0, 0, image)
    painter.end()
