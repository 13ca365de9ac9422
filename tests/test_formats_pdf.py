"""PDF in: the text layer as paragraphs, running headers and page numbers dropped,
end-of-line hyphens joined, encrypted and scanned PDFs refused."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from core.engine.compare import compare
from core.errors import DamagedDocumentError
from core.model import CompareOptions
from core.text.document import load_document
from core.text.formats.pdf import drop_running_lines, lines_to_paragraphs
from tests.conftest import UNRELATED
from tests.docx_files import story_docx
from tests.pdf_files import article_pdf, image_only_pdf

DEBIAN_PDF = Path("/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf")


def story() -> list[str]:
    """The real article of the samples (mixed case, curly quotes), one paragraph a line."""
    text = UNRELATED.read_text(encoding="utf-8")
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def test_a_pdf_of_an_article_compares_with_its_docx_as_equal(qapp, tmp_path: Path) -> None:
    paragraphs = story()
    pdf, docx = tmp_path / "story.pdf", tmp_path / "story.docx"
    article_pdf(pdf, paragraphs)
    docx.write_bytes(story_docx(paragraphs))
    from_pdf = load_document(pdf)
    assert from_pdf.source_kind == "pdf"
    assert "THE DAILY EXAMPLE" not in from_pdf.text and "Page 1 of" not in from_pdf.text
    assert from_pdf.warnings and "dropped" in from_pdf.warnings[0]
    assert from_pdf.metadata.title == "Storm report"
    result = compare(load_document(docx), from_pdf, CompareOptions())
    assert result.identical, [b for b in result.blocks if b.kind != "equal"][:3]


def test_paragraphs_follow_the_short_last_lines(qapp, tmp_path: Path) -> None:
    towns = "Harwich Dover Ramsgate Margate Deal Hythe Rye Hastings Lewes Seaford".split()
    paragraphs = [
        text
        for town in towns  # over three pages, no paragraph twice
        for text in (
            "The storm reached the coast on Monday night and three people were hurt "
            f"when a roof fell on a bus shelter in the harbour town of {town}.",
            f"Officials in {town} said the roads would reopen on Tuesday once the fallen "
            "trees had been cleared from the main routes into the town centre.",
            f"Short one on {town}.",
        )
    ]
    pdf = tmp_path / "p.pdf"
    article_pdf(pdf, paragraphs)
    assert load_document(pdf).text.split("\n\n") == paragraphs


def test_hyphens_at_line_ends_are_joined_where_the_word_is_one() -> None:
    lines = [
        "The government said on Monday that the gov-",
        "ernment would act, and the well-known mayor of",
        "the town, Jean-Paul Roe, said so too in a well-",
        "known statement read out at the town hall. Jean-",
        "Marie agreed with every word that had been said.",
    ]
    assert lines_to_paragraphs(lines) == [
        "The government said on Monday that the government would act, and the "
        "well-known mayor of the town, Jean-Paul Roe, said so too in a well-known "
        "statement read out at the town hall. Jean-Marie agreed with every word "
        "that had been said."
    ]


def test_running_lines_need_most_pages() -> None:
    words = "alpha beta gamma delta epsilon".split()
    pages = [
        [("Header 2024", False), (f"Body {words[n - 1]}", False), (f"{n}", True)]
        for n in range(1, 6)
    ]
    pages[2] = [("Other top", False), ("Body gamma", False), ("3", True)]
    kept, dropped = drop_running_lines(pages)
    assert kept[0] == [("Body alpha", False)]
    assert kept[2] == [("Other top", False), ("Body gamma", False)]
    assert dropped == 9
    two_pages = [[("Same", False), ("a", False)], [("Same", False), ("b", False)]]
    assert drop_running_lines(two_pages) == (two_pages, 0)


def test_an_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "locked.pdf"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(DamagedDocumentError) as caught:
        load_document(path)
    assert str(caught.value) == f"{path}: encrypted PDF (it needs a password), not read"


def test_a_scanned_pdf_is_refused(qapp, tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    image_only_pdf(path)
    with pytest.raises(DamagedDocumentError, match="no text layer"):
        load_document(path)


def test_a_damaged_pdf_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"  # sniffed by content, whatever the name
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> garbage")
    with pytest.raises(DamagedDocumentError) as caught:
        load_document(path)
    assert str(caught.value).startswith(f"{path}: damaged PDF (")
    assert "\n" not in str(caught.value)


@pytest.mark.skipif(not DEBIAN_PDF.exists(), reason="shared-mime-info's PDF is not installed")
def test_a_real_pdf_from_a_debian_package() -> None:
    document = load_document(DEBIAN_PDF)
    assert "Shared MIME-info Database" in document.text
    assert document.warnings  # its running footers
    assert "\n\n" in document.text and document.metadata.date.startswith("20")


LATEX_PDF = Path("/usr/share/doc/libtasn1-doc/libtasn1.pdf")


@pytest.mark.skipif(not LATEX_PDF.exists(), reason="libtasn1-doc's PDF is not installed")
def test_words_hyphenated_by_tex_are_joined() -> None:
    # PDFium runs such lines together with U+FFFE for the hyphen; they are split
    # again and joined where the document itself writes the word whole.
    text = load_document(LATEX_PDF).text
    assert "\ufffe" not in text
    assert "Distinguished Encoding Rules (DER) manipulation." in text
    assert "declarations" in text and "declara-tions" not in text


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("D:20261202072522Z", "2026-12-02T07:25:22+00:00"),
        ("D:20220429171908+02'00'", "2022-04-29T17:19:08+02:00"),
        ("D:2022", "2022"),
        ("yesterday", "yesterday"),
    ],
)
def test_pdf_dates_read_as_iso_8601(raw: str, iso: str) -> None:
    from core.text.formats.pdf import _iso_date

    assert _iso_date(raw) == iso
