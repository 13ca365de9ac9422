"""How long loading a Word file and a PDF takes, against peers in the same run.

    .venv/bin/python bench/load_formats.py --make DIR    # build the files (Qt, python-docx)
    .venv/bin/python bench/load_formats.py DIR           # time them (medians)

Built: ``story.docx``, about 1 MB (``tests/docx_files.py``; real prose of the samples, each
paragraph's words shuffled per round, so the archive compresses as real text does), the same
text as ``story.txt``, ``story.pdf``, 200 A4 pages laid out by Qt's PDF writer
(``tests/pdf_files.py``: a running header and a page number on each page), and the saved
web pages of the tests (``tests/saved_pages.py``: 4 real articles in 4 page layouts) plus
``big.html``, 1 MB: the news-site layout around all the articles many times over.

Timed (median of ``--runs``): Redline's ``load_document`` on each file; peers in the
same run: the same text as ``.txt`` (the floor), python-docx's paragraph text, pypdf's
and pypdfium2's plain text of every page (no positions, no paragraphs), the visible
text of the pages (``--html-text all``) and, where installed, docx2python,
pdfminer.six's ``extract_text`` and trafilatura's ``extract`` (run this script with a
Python that has them to compare libraries: ``docs/formats.md``). For the pages, how
many of the 16 give exactly the article (headline, byline, paragraphs) is printed too.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

DOCX_BYTES = 1024 * 1024
PDF_PAGES = 200


def _paragraphs() -> list[str]:
    out = []
    for path in sorted((REPO / "resources" / "samples").glob("*.txt")):
        out += [" ".join(line.split()) for line in path.read_text("utf-8").splitlines()]
    return [p for p in out if p]


def _shuffled(paragraph: str, seed: int) -> str:
    """The paragraph's words in a seeded order: real words, no long repeats that
    would let a 1 MB archive hold far more text than a real 1 MB file does."""
    import random

    words = paragraph.split()
    random.Random(seed * 7919 + len(paragraph)).shuffle(words)
    return " ".join(words)


def make(folder: Path) -> None:
    from xml.sax.saxutils import escape

    from tests.docx_files import docx_bytes, para

    folder.mkdir(parents=True, exist_ok=True)
    base = _paragraphs()
    rounds = 16
    while True:  # grown until the file is 1 MB: each try linear, a few tries
        paragraphs = [_shuffled(p, n) for n in range(1, rounds + 1) for p in base]
        data = docx_bytes("".join(para(escape(text)) for text in paragraphs))
        if len(data) >= DOCX_BYTES:
            break
        rounds = int(rounds * max(1.1, min(2.0, DOCX_BYTES / len(data))) + 1)
    (folder / "story.docx").write_bytes(data)
    (folder / "story.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    _make_pdf(folder / "story.pdf", base)
    print(f"{folder}/story.docx {len(data):,} bytes, {len(paragraphs):,} paragraphs")
    _make_pages(folder)


def _make_pages(folder: Path) -> None:
    from dataclasses import replace

    from tests.saved_pages import LAYOUTS, article_text, load_articles, news_site

    pages = folder / "pages"
    pages.mkdir(exist_ok=True)
    articles = load_articles()
    for article in articles:
        (pages / f"{article.name}.expected.txt").write_text(article_text(article), "utf-8")
        for layout, wrap in LAYOUTS.items():
            (pages / f"{article.name}.{layout}.html").write_text(wrap(article), "utf-8")
    body: list[str] = []
    while sum(map(len, body)) < DOCX_BYTES - 30_000:  # the chrome and markup: the rest
        body += [p for article in articles for p in article.paragraphs]
    big = news_site(replace(articles[0], paragraphs=tuple(body)))
    (folder / "big.html").write_text(big, "utf-8")
    print(f"{pages}: {len(articles) * len(LAYOUTS)} pages; {folder}/big.html {len(big):,} chars")


def _make_pdf(path: Path, base: list[str]) -> None:
    from PySide6.QtGui import QGuiApplication

    from tests.pdf_files import LINES_PER_PAGE, article_pdf

    app = QGuiApplication.instance() or QGuiApplication([])
    import textwrap

    wrapped: list[list[str]] = []
    lines = 0
    round_number = 0
    while lines < PDF_PAGES * LINES_PER_PAGE:
        round_number += 1
        for text in base:
            block = textwrap.wrap(f"{text} (round {round_number})", 78)
            wrapped.append(block)
            lines += len(block) + 1
    article_pdf(path, [], wrapped=wrapped)
    del app


def _median(function: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(folder: Path, runs: int) -> None:
    from core.text.document import load_document

    docx_path, pdf_path, txt_path = (folder / f"story.{s}" for s in ("docx", "pdf", "txt"))
    rows: list[tuple[str, Callable[[], object]]] = [
        ("redline load .txt (same text, the floor)", lambda: load_document(txt_path)),
        ("redline load .docx", lambda: load_document(docx_path)),
    ]
    try:
        import docx

        rows.append(
            (
                "python-docx paragraphs",
                lambda: [p.text for p in docx.Document(str(docx_path)).paragraphs],
            )
        )
    except ImportError:
        pass
    try:
        from docx2python import docx2python

        rows.append(("docx2python text", lambda: docx2python(str(docx_path)).text))
    except ImportError:
        pass
    rows.append(("redline load .pdf", lambda: load_document(pdf_path)))
    try:
        import pypdf

        rows.append(
            (
                "pypdf extract_text (plain)",
                lambda: [p.extract_text() for p in pypdf.PdfReader(str(pdf_path)).pages],
            )
        )
    except ImportError:
        pass
    if importlib.util.find_spec("pypdfium2") is not None:
        rows.append(("pypdfium2 get_text_range (plain)", lambda: _pdfium_plain(pdf_path)))
    try:
        from pdfminer.high_level import extract_text

        rows.append(("pdfminer.six extract_text", lambda: extract_text(str(pdf_path))))
    except ImportError:
        pass
    print(f"{'':45} median of {runs} (s)")
    for name, function in rows:
        try:
            print(f"{name:45} {_median(function, runs):8.3f}")
        except Exception as error:  # a peer that cannot read the file is a finding too
            print(f"{name:45} failed: {type(error).__name__}: {error}")
    if (folder / "pages").is_dir():
        measure_pages(folder, runs)


def _pdfium_plain(path: Path) -> list[str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    texts = [page.get_textpage().get_text_range() for page in document]
    document.close()
    return texts


def measure_pages(folder: Path, runs: int) -> None:
    """Saved pages: time per page and how many give exactly the article."""
    from core.text.html_article import article_text
    from core.text.html_text import html_to_text

    pages = sorted((folder / "pages").glob("*.html"))
    expected = {
        p: (folder / "pages" / f"{p.name.split('.')[0]}.expected.txt").read_text("utf-8")
        for p in pages
    }
    markup = {p: p.read_text("utf-8") for p in pages}
    big = (folder / "big.html").read_text("utf-8")
    readers: list[tuple[str, Callable[[str], str]]] = [
        ("redline article (default)", article_text),
        ("redline --html-text all (all visible text)", html_to_text),
    ]
    try:
        import trafilatura

        def trafilatura_text(html: str) -> str:
            found = trafilatura.bare_extraction(html, with_metadata=True)
            parts = [found.title, found.author, *(found.text or "").split("\n")]
            return "\n\n".join(part for part in parts if part)

        readers.append(("trafilatura title + author + text", trafilatura_text))
    except ImportError:
        pass
    print(f"\n{len(pages)} saved pages{'':16} per page, median (ms)   exact   1 MB page (s)")
    for name, read in readers:
        times = [_median(lambda html=markup[p], read=read: read(html), runs) for p in pages]
        exact = sum(read(markup[p]) == expected[p] for p in pages)
        big_time = _median(lambda read=read: read(big), runs)
        print(
            f"{name:45} {1000 * statistics.median(times):8.2f}"
            f"   {exact:2}/{len(pages)}   {big_time:8.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--make", action="store_true", help="build the files")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.make:
        make(args.folder)
    else:
        measure(args.folder, args.runs)


if __name__ == "__main__":
    main()
