"""How long loading a Word file and a PDF takes, against peers in the same run.

    .venv/bin/python bench/load_formats.py --make DIR    # build the files (Qt, python-docx)
    .venv/bin/python bench/load_formats.py DIR           # time them (medians)

Built: ``story.docx``, about 1 MB (``tests/docx_files.py``; real prose of the samples, each
paragraph's words shuffled per round, so the archive compresses as real text does), the same
text as ``story.txt``, and ``story.pdf``, 200 A4 pages laid out by Qt's PDF writer
(``tests/pdf_files.py``: a running header and a page number on each page).

Timed (median of ``--runs``): Redline's ``load_document`` on each file; peers in the
same run: the same text as ``.txt`` (the floor), python-docx's paragraph text,
and, where installed, docx2python, pypdf's plain ``extract_text`` and pdfminer.six's
``extract_text`` (run this script with a Python that has them to compare libraries:
``docs/formats.md``).
"""

from __future__ import annotations

import argparse
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
