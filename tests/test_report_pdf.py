"""PDF reports drawn by Qt: pages, paper sizes, the documents' text, the CLI path."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core.engine.compare import compare
from core.model import Document
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


def _outline(pdf: bytes) -> list[tuple[str, int]]:
    """The bookmarks' titles and the 0-based page each opens (read from the bytes)."""
    kids = re.findall(rb"/Kids\s*\[([^\]]*)\]", pdf)[-1]
    pages = [int(n) for n in re.findall(rb"(\d+) 0 R", kids)]
    return [
        (bytes.fromhex(title.decode()).decode("utf-16-be"), pages.index(int(page)))
        for title, page in re.findall(rb"/Title <FEFF([0-9A-F]*)> .*?/Dest \[(\d+) 0 R", pdf)
    ]


def test_pdf_has_bookmarks_for_its_sections(tmp_path: Path) -> None:
    pdf = sample_pdf("a4")
    marks = _outline(pdf)
    titles = [t for t, _ in marks]
    assert titles[0] == "Summary" and "The two versions" in titles and "Legend" in titles
    assert [p for _, p in marks] == sorted(p for _, p in marks)
    assert marks[-1][1] >= 1  # the side-by-side text starts after the first page
    assert b"/PageMode /UseOutlines" in pdf
    # the cross-reference of the update points at the objects it names
    xref = int(re.findall(rb"startxref\s+(\d+)", pdf)[-1])
    section = pdf[xref:].split(b"trailer")[0].split(b"\n")
    entries, k = {}, 1
    while k < len(section) - 1:
        first, count = map(int, section[k].split())
        for j in range(count):
            entries[first + j] = int(section[k + 1 + j][:10])
        k += 1 + count
    for number, offset in entries.items():
        if number:
            assert pdf[offset:].startswith(b"%d 0 obj" % number)
    if shutil.which("pdftohtml"):
        shown = subprocess.run(
            ["pdftohtml", "-xml", "-stdout", "-i", "-", str(tmp_path / "x")],
            input=pdf,
            capture_output=True,
            check=True,
        ).stdout.decode()
        assert "<outline>" in shown and ">The two versions</item>" in shown


def test_outline_titles_keep_any_character() -> None:
    from core.report.pdf_outline import Bookmark, add_outline

    plain = render_pdf("<p>no section</p>", "a4")
    assert b"/Outlines" not in plain
    marked = add_outline(plain, [Bookmark("Caf\u00e9 \u201cx\u201d \U0001f600", 0, 700.0)])
    assert marked.startswith(plain)  # an incremental update: the original bytes kept
    assert _outline(marked) == [("Caf\u00e9 \u201cx\u201d \U0001f600", 0)]
    assert add_outline(b"not a pdf", [Bookmark("x", 0, 1.0)]) == b"not a pdf"


def _pdf_pages_text(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "rows.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def _pair_pdf(tmp_path: Path, old: str, new: str, **options: object) -> bytes:
    (tmp_path / "old.txt").write_text(old, encoding="utf-8")
    (tmp_path / "new.txt").write_text(new, encoding="utf-8")
    result = compare(load_document(tmp_path / "old.txt"), load_document(tmp_path / "new.txt"))
    return report_bytes(result, "pdf", pdf_renderer=render_pdf, **options)  # type: ignore[arg-type]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_pdf_rows_are_numbered_whole_under_a_header_on_every_page(tmp_path: Path) -> None:
    """Row numbers of three digits were broken in two ("31" / "5") by the narrow
    column; the column header is repeated on every page the rows go on."""
    old = "\n\n".join(f"Item {i} is described here in a few plain words." for i in range(160))
    new = old.replace("Item 7 is", "Item 7 was").replace("Item 150 is", "Item 150 was")
    pages = _pdf_pages_text(_pair_pdf(tmp_path, old, new), tmp_path)
    rows = next(k for k, page in enumerate(pages) if "The two versions" in page)
    assert len(pages) - rows >= 3
    for page in pages[rows + 1 :]:
        assert "Old: old.txt" in page and "New: new.txt" in page, page[:200]
    tokens = set(" ".join(pages).split())
    assert {str(n) for n in range(1, 161)} <= tokens


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_a_row_taller_than_a_page_flows_on_with_every_line_once(tmp_path: Path) -> None:
    """A sentence longer than a page goes on over the next pages, line by line: no
    line is lost at a page break, none is drawn twice."""
    words = " ".join(f"w{i}" for i in range(2500))
    old = f"Before it all. {words} and then it ends. After it all."
    new = old.replace("w1200 ", "changed1200 ")
    pages = _pdf_pages_text(_pair_pdf(tmp_path, old, new), tmp_path)
    found = " ".join(pages).split()
    for i in (0, 1, 700, 1199, 1201, 1900, 2499):
        assert found.count(f"w{i}") == 2, i  # once in each version
    assert found.count("w1200") == 1 and found.count("changed1200") == 1
    assert sum("w2000" in page or "w100 " in page for page in pages) >= 2  # several pages


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_pdf_folds_unchanged_rows_in_changes_only_mode(tmp_path: Path) -> None:
    old = " ".join(f"Sentence {i} stays as it was." for i in range(40))
    new = old.replace("Sentence 20 stays", "Sentence 20 moves")
    pages = _pdf_pages_text(_pair_pdf(tmp_path, old, new, changes_only=True), tmp_path)
    flat = " ".join(" ".join(pages).split())
    assert "19 unchanged sentences" in flat and "Sentence 20 moves" in flat
    assert "Sentence 5 stays" not in flat


def _links_and_names(pdf: bytes) -> tuple[list[str], set[str]]:
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    links: list[str] = []
    for page in reader.pages:
        for annotation in page.get("/Annots", []) or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            target = annotation.get("/Dest")
            if target is None and "/A" in annotation:
                target = annotation["/A"].get_object().get("/D")
            if isinstance(target, str):
                links.append(target)
    return links, set(reader.named_destinations)


def test_every_link_inside_the_pdf_has_its_target() -> None:
    """Flag badges, move links and note marks point at elements with an ``id``, which
    Qt's PDF writer made no target of: each is given a name it makes one of."""
    old = Document(
        path="old.txt",
        text=(
            "The mayor said the budget was 4 million.\n\nA second paragraph stays.\n\n"
            "This sentence will move to the end of the text.\n\nThe last one stays too."
        ),
    )
    new = Document(
        path="new.txt",
        text=(
            "The mayor said the budget was 5 million.\n\nA second paragraph stays.\n\n"
            "The last one stays too.\n\nThis sentence will move to the end of the text."
        ),
    )
    result = compare(old, new)
    pdf = report_bytes(result, "pdf", pdf_renderer=render_pdf)
    links, names = _links_and_names(pdf)
    kinds = {link.split("-")[0] for link in links}
    assert {"flag", "move"} <= kinds, kinds
    assert [link for link in links if link not in names] == []


def test_named_anchors_give_every_id_a_name() -> None:
    from core.report.pdf_rows import EMPTY, named_anchors

    html = (
        '<h2 id="notes">Notes</h2><tr class="x" id="note-3"><td class="num">[3]</td></tr>'
        '<a class="mv" id="move-1-old" href="#move-1-new">m</a>'
        '<span class="flags" id="flag-2-text">x</span>'
    )
    assert named_anchors(html) == (
        f'<h2><a name="notes">{EMPTY}</a>Notes</h2>'
        f'<tr class="x"><td class="num"><a name="note-3">{EMPTY}</a>[3]</td></tr>'
        f'<a name="move-1-old">{EMPTY}</a><a class="mv" href="#move-1-new">m</a>'
        f'<span class="flags"><a name="flag-2-text">{EMPTY}</a>x</span>'
    )
