"""PDF reports drawn by Qt: pages, paper sizes, the documents' text, the CLI path."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core.engine.compare import compare
from core.report.save import report_bytes
from core.text.document import load_document
from gui.reports.pdf import render_pdf
from tests.conftest import CONDENSED, FULL, REPO


def sample_pdf(page_size: str) -> bytes:
    result = compare(load_document(CONDENSED), load_document(FULL))
    return report_bytes(result, "pdf", page_size=page_size, pdf_renderer=render_pdf)


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def media_box(pdf: bytes) -> tuple[float, float]:
    match = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert match, "no MediaBox"
    return float(match[1]), float(match[2])


def test_sample_pdf_has_several_pages_of_the_asked_size() -> None:
    a4, letter = sample_pdf("a4"), sample_pdf("letter")
    assert a4.startswith(b"%PDF-") and pages(a4) > 1 and pages(letter) > 1
    width, height = media_box(a4)
    assert (round(width), round(height)) == (595, 842)  # 210 x 297 mm in points
    width, height = media_box(letter)
    assert (round(width), round(height)) == (612, 792)  # 8.5 x 11 in


def test_landscape_pages_are_wider_than_high() -> None:
    for size, (width, height) in (("a4-landscape", (842, 595)), ("letter-landscape", (792, 612))):
        box = media_box(render_pdf("<p>x</p>", size))
        assert (round(box[0]), round(box[1])) == (width, height), size


def test_unknown_page_size_is_refused() -> None:
    with pytest.raises(ValueError, match="page size"):
        render_pdf("<p>x</p>", "a3")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_pdf_text_holds_both_documents_and_page_numbers(tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(sample_pdf("a4"))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    for words in ("jisr al-shughour", "syrian government warplanes", "scroll down for video"):
        assert words in flat, words
    assert "000_a1d9523b8511cf93.txt" in flat and "001_a1bb97b7d4cec672.txt" in flat
    assert f"page 1 of {pages(pdf.read_bytes())}" in flat
    assert "465 words (51% of the new version)" in flat


def test_redline_compare_writes_a_pdf_through_the_launcher(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    proc = subprocess.run(
        [sys.executable, "-m", "gui.shell.launcher", "compare", str(CONDENSED), str(FULL),
         "--format", "pdf", "--page-size", "letter", "-o", str(out)],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    data = out.read_bytes()
    assert pages(data) > 1 and round(media_box(data)[0]) == 612
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]
