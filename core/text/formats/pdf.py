"""PDF (``.pdf``): the text layer, as paragraphs.

The only module that imports pypdf (pure Python, BSD; chosen by measurement:
``docs/formats.md``). Each page's text comes out as lines; then:

- **Running headers and footers** are dropped: a line among the first or last
  ``EDGE_LINES`` of a page whose form (digits replaced, case folded) stands at the
  edge of at least ``REPEAT_SHARE`` of the pages (and of 3 pages at least). A page
  number is such a line (``7``, ``Page 7 of 9``, ``- 7 -``). Their count is a warning.
- **Lines join into paragraphs**: a line starts a paragraph when a wider gap than
  the page's usual line step stands above it (paragraph spacing, from where pypdf
  places the text), and ends one when it is clearly shorter than the document's
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

import io
import logging
import math
import re
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


def _running_key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()).casefold())


_LIGATURES = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl"}
_LIGATURES.update({0xFB05: "st", 0xFB06: "st"})


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
            hyphen = _ENDS_HYPHEN.search(current)
            word = _STARTS_WORD.match(line)
            if hyphen and word:
                joined = _joined_hyphen(hyphen.group(1), word.group(1), vocabulary)
                current = current[: hyphen.end(1)] + ("" if joined else "-") + line
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


def _page_lines(page: Any) -> list[tuple[str, float | None]]:
    """A page's lines, each with the height pypdf places its first text at."""
    lines: list[list[str]] = [[]]
    heights: list[float | None] = [None]

    def visit(text: str, cm: Any, tm: Any, _font: Any, _size: Any) -> None:
        parts = text.split("\n")
        for number, part in enumerate(parts):
            if number:
                lines.append([])
                heights.append(None)
            if part.strip() and heights[-1] is None:
                heights[-1] = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            lines[-1].append(part)

    page.extract_text(visitor_text=visit)
    return [("".join(parts), y) for parts, y in zip(lines, heights) if "".join(parts).strip()]


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


def _metadata(info: Any) -> Metadata:
    if info is None:
        return Metadata()
    try:
        created = info.creation_date
        date = created.isoformat() if created is not None else ""
    except (ValueError, TypeError, AttributeError):
        date = ""
    return Metadata(str(info.title or "").strip(), str(info.author or "").strip(), date)


def _read_pages(data: bytes) -> tuple[list[list[tuple[str, bool]]], Metadata]:
    try:
        import pypdf
    except ImportError:
        raise FormatError("reading PDF needs the pypdf package, which is not installed") from None
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are not the user's
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _opens_without_password(reader):
            raise FormatError("encrypted PDF (it needs a password), not read")
        pages = mark_gaps([_page_lines(page) for page in reader.pages])
        return pages, _metadata(reader.metadata)
    except FormatError:
        raise
    except RecursionError:
        raise FormatError("damaged PDF (its objects nest without end)") from None
    except Exception as error:  # pypdf raises anything on damaged input; one line each
        raise FormatError(f"damaged PDF ({type(error).__name__})") from None


def _opens_without_password(reader: Any) -> bool:
    """Many PDFs are encrypted with an empty user password (printing restrictions)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # an unsupported cipher or a missing crypto library: not readable
        return False


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
