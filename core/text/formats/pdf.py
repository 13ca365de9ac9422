"""PDF (``.pdf``): the text layer, as paragraphs.

The only module that imports pypdfium2 (PDFium, the PDF engine of Chromium, in a
binary wheel; BSD-3/Apache-2.0; chosen by measurement over pypdf and pdfminer.six:
``docs/formats.md``). Each page's text comes out as lines; then:

- **Running headers and footers** are dropped: a line among the first or last
  ``EDGE_LINES`` of a page whose form (digits replaced, case folded) stands at the
  edge of at least ``REPEAT_SHARE`` of the pages (and of 3 pages at least). A page
  number is such a line (``7``, ``Page 7 of 9``, ``- 7 -``). Their count is a warning.
- **Lines join into paragraphs**: a line starts a paragraph when a wider gap than
  the page's usual line step stands above it (paragraph spacing, from where the
  page places the text), and ends one when it is clearly shorter than the document's
  usual full line (the last line of a paragraph, a headline, a byline); otherwise
  the next line continues it, across pages too.
- **End-of-line hyphens** are joined when the word is one: ``gov-`` + ``ernment``
  becomes ``government`` when the document writes ``government`` elsewhere more
  often than ``gov-ernment``; when it writes neither, the hyphen is kept if either
  half is a word of the text (``well-`` + ``known``: a compound) and joined
  otherwise. A hyphen before a capital (``Jean-`` + ``Marie``) is kept. A kept
  hyphen joins without a space. The document is its own dictionary.
- Spacing inside a line is made single (some writers place each word with a tab)
  and typographic ligatures (U+FB00-FB06: ``ﬁ``) are spelled out.

Refused, each with its reason: an encrypted PDF that opens only with a password,
a PDF with (almost) no text layer (scanned pages), a damaged one.
"""

from __future__ import annotations

import ctypes
import math
import re
import threading
from collections import Counter
from itertools import pairwise
from typing import Any

from core.model import Metadata
from core.text.formats.base import Extracted, FormatError, join_paragraphs

EDGE_LINES = 2
"""How many lines at the top and at the bottom of a page may be running text."""
REPEAT_SHARE = 0.5
"""A line standing at the edge of this share of the pages is a running header/footer."""
MIN_LETTERS = 20
"""With fewer letters in the whole text layer the PDF is taken as scanned."""
SHORT_LINE = 0.8
"""A line shorter than this share of the usual full line ends its paragraph."""

_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"\w+(?:-\w+)*")
_ENDS_HYPHEN = re.compile(r"(\w+)[-\u00ad]$")
_STARTS_WORD = re.compile(r"^(\w+)")
_WORD_TAIL = 200  # longer than any word split at a line's end


def _running_key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()).casefold())


_LIGATURES = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl"}
_LIGATURES.update({0xFB05: "st", 0xFB06: "st", 0xFFFE: "-"})


def _clean_line(line: str) -> str:
    return " ".join(line.translate(_LIGATURES).split())


Line = tuple[str, bool]
"""A line's text and whether paragraph spacing stands above it."""


def drop_running_lines(pages: list[list[Line]]) -> tuple[list[list[Line]], int]:
    """The pages without their running headers, footers and page numbers.

    Returns:
        The pages' lines (blank ones removed) and how many lines were dropped.
    """
    pages = [[(_clean_line(text), gap) for text, gap in page if text.strip()] for page in pages]
    if len(pages) < 3:
        return pages, 0
    counts: Counter[str] = Counter()
    for page in pages:
        edges = page[:EDGE_LINES] + page[-EDGE_LINES:]
        counts.update({_running_key(text) for text, _ in edges})
    needed = max(3, math.ceil(REPEAT_SHARE * len(pages)))
    running = {key for key, count in counts.items() if count >= needed}
    dropped = 0
    out = []
    for page in pages:
        start, end = 0, len(page)
        while start < min(EDGE_LINES, end) and _running_key(page[start][0]) in running:
            start += 1
        while (
            end > max(start, len(page) - EDGE_LINES) and _running_key(page[end - 1][0]) in running
        ):
            end -= 1
        dropped += len(page) - (end - start)
        kept = page[start:end]
        if kept:  # the gap below a dropped header says nothing about paragraphs
            kept[0] = (kept[0][0], False)
        out.append(kept)
    return out, dropped


def _joined_hyphen(head: str, tail: str, vocabulary: Counter[str]) -> bool:
    """Whether ``head-`` at a line's end and ``tail`` make one word without the hyphen."""
    if not tail[:1].islower():
        return False
    joined, hyphenated = (head + tail).casefold(), f"{head}-{tail}".casefold()
    joined_count, hyphenated_count = max(vocabulary[joined], 0), max(vocabulary[hyphenated], 0)
    if joined_count or hyphenated_count:
        return joined_count >= hyphenated_count
    # Neither form elsewhere: halves that are words of the text make a compound.
    return vocabulary[head.casefold()] <= 0 and vocabulary[tail.casefold()] <= 0


def lines_to_paragraphs(flow: list[Line] | list[str]) -> list[str]:
    """Join a page flow's lines into paragraphs (see the module docstring); a line
    with paragraph spacing above it starts a new one."""
    if not flow:
        return []
    spaced = [item if isinstance(item, tuple) else (item, False) for item in flow]
    lines = [text for text, _ in spaced]
    lengths = sorted(len(line) for line in lines)
    full = lengths[int(0.9 * (len(lengths) - 1))]  # the usual full line
    vocabulary = Counter(w.casefold() for line in lines for w in _WORD.findall(line))
    for line, following in pairwise(lines):  # the halves split at a line's end
        hyphen, word = _ENDS_HYPHEN.search(line), _STARTS_WORD.match(following)
        if hyphen and word:
            vocabulary.subtract((hyphen.group(1).casefold(), word.group(1).casefold()))
    paragraphs: list[str] = []
    current = ""
    for line, gap in spaced:
        if current and gap:
            paragraphs.append(current)
            current = ""
        if current:
            # The hyphen is looked for at the end only: a paragraph is long, and a
            # search of all of it for each of its lines would be quadratic.
            tail = current[-_WORD_TAIL:] if current.endswith(("-", "\u00ad")) else ""
            hyphen = _ENDS_HYPHEN.search(tail) if tail else None
            word = _STARTS_WORD.match(line)
            if hyphen and word:
                joined = _joined_hyphen(hyphen.group(1), word.group(1), vocabulary)
                cut = len(current) - len(tail) + hyphen.end(1)
                current = current[:cut] + ("" if joined else "-") + line
            elif current.endswith("\u00ad"):
                current = current[:-1] + line
            else:
                current = f"{current} {line}"
        else:
            current = line
        if len(line) < SHORT_LINE * full:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


PARAGRAPH_GAP = 1.5
"""A vertical gap this many times the page's usual line step starts a paragraph."""


# PDFium joins a word hyphenated at a line's end itself, marking the hyphen U+FFFE:
# the line may break after it too.
_WORD_START = re.compile(r"(?:^|(?<=[\s\ufffe]))[^\s\ufffe]")
_NEW_LINE_SHIFT = 0.7
"""A baseline this many glyph heights away starts a new line (a superscript moves less)."""


def _glyph_height(textpage: Any, index: int) -> float:
    _left, bottom, _right, top = textpage.get_charbox(index)
    return float(top - bottom)


def _page_lines(textpage: Any, raw: Any) -> list[tuple[str, float | None]]:
    """A page's lines in PDFium's reading order, each with the height of its text.

    PDFium's own line breaks are kept, and a line is also broken where the text's
    baseline moves by most of a glyph's height: PDFium runs some wrapped lines
    together (one ending in a hyphen, for one), which would hide paragraph ends.
    """
    handle = textpage.raw
    count = raw.FPDFText_CountChars(handle)
    text = textpage.get_text_range()
    if len(text) != count:  # characters outside the BMP: one code point each
        text = "".join(chr(raw.FPDFText_GetUnicode(handle, i)) for i in range(count))
    x, y = ctypes.c_double(), ctypes.c_double()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    origin = raw.FPDFText_GetCharOrigin
    lines: list[tuple[str, float | None]] = []
    start = 0
    for row in text.split("\n"):  # PDFium ends its lines with "\r\n"
        # Where PDFium ran two lines together it put a space between them: only a
        # word's first character can stand on a new line, so only those are placed.
        line_start, line_y = 0, None
        for word in _WORD_START.finditer(row):
            origin(handle, start + word.start(), x_ref, y_ref)
            if line_y is None:
                line_y = y.value
            elif abs(y.value - line_y) > 1 and abs(y.value - line_y) > _NEW_LINE_SHIFT * max(
                _glyph_height(textpage, start + word.start()),
                _glyph_height(textpage, start + word.start() - 2),
            ):
                lines.append((row[line_start : word.start()], line_y))
                line_start, line_y = word.start(), y.value
        lines.append((row[line_start:].rstrip("\r"), line_y))
        start += len(row) + 1
    return [(line, height) for line, height in lines if line.strip()]


def mark_gaps(pages: list[list[tuple[str, float | None]]]) -> list[list[Line]]:
    """Each line with whether a wider gap than the document's usual line step stands
    above it on its page (paragraph spacing)."""
    steps = sorted(
        abs(a - b)
        for page in pages
        for (_, a), (_, b) in pairwise(page)
        if a is not None and b is not None and a != b
    )
    # The lower quartile: in a text of short paragraphs most steps are paragraph gaps.
    usual = steps[len(steps) // 4] if steps else 0.0
    out = []
    for page in pages:
        marked = []
        for index, (text, y) in enumerate(page):
            above = page[index - 1][1] if index else None
            gap = y is not None and above is not None and abs(y - above) > PARAGRAPH_GAP * usual
            marked.append((text, gap and usual > 0))
        out.append(marked)
    return out


_PDF_DATE = re.compile(
    r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?"
)


def _iso_date(value: str) -> str:
    """``D:20261202072522Z`` as ``2026-12-02T07:25:22+00:00`` (as much as it gives)."""
    found = _PDF_DATE.match(value.strip())
    if found is None:
        return value.strip()
    year, month, day, hour, minute, second, utc, sign, zone_hours, zone_minutes = found.groups()
    date = "-".join(part for part in (year, month, day) if part)
    if hour:
        date += f"T{hour}:{minute or '00'}:{second or '00'}"
        if utc:
            date += "+00:00"
        elif sign:
            date += f"{sign}{zone_hours}:{zone_minutes or '00'}"
    return date


# PDFium may not be called from two threads at once, not even on different documents
# (pypdfium2's documentation): the window loads files in background threads.
_PDFIUM = threading.Lock()
_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD


def _read_pages(data: bytes) -> tuple[list[list[Line]], Metadata]:
    try:
        import pypdfium2
        import pypdfium2.raw as raw
    except ImportError:
        raise FormatError(
            "reading PDF needs the pypdfium2 package, which is not installed"
        ) from None
    with _PDFIUM:
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as error:
            if error.err_code == _PASSWORD_ERROR:
                raise FormatError("encrypted PDF (it needs a password), not read") from None
            reason = str(error).rpartition("PDFium: ")[2].rstrip(").") or "unreadable"
            raise FormatError(f"damaged PDF ({reason.lower()})") from None
        try:
            pages = []
            for page in document:
                textpage = page.get_textpage()
                try:
                    pages.append(_page_lines(textpage, raw))
                finally:
                    textpage.close()
                    page.close()
            info = document.get_metadata_dict(skip_empty=True)
        except pypdfium2.PdfiumError as error:
            raise FormatError(f"damaged PDF ({error})") from None
        finally:
            document.close()
    metadata = Metadata(
        info.get("Title", "").strip(),
        info.get("Author", "").strip(),
        _iso_date(info.get("CreationDate", "")),
    )
    return mark_gaps(pages), metadata


def read_pdf(data: bytes) -> Extracted:
    """The text of a PDF's text layer, as paragraphs.

    Raises:
        FormatError: encrypted, scanned (no text layer) or damaged.
    """
    pages, metadata = _read_pages(data)
    if sum(ch.isalpha() for page in pages for text, _ in page for ch in text) < MIN_LETTERS:
        raise FormatError("no text layer (a scanned PDF?); Redline does not read images")
    kept, dropped = drop_running_lines(pages)
    paragraphs = lines_to_paragraphs([line for page in kept for line in page])
    warnings = (
        (f"{dropped} running header, footer or page-number line(s) dropped",) if dropped else ()
    )
    return Extracted(join_paragraphs(paragraphs), "pdf", metadata, warnings)
