"""The N-way report as HTML and PDF: the pairwise report's layout, escaping, the CLI."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli import main
from core.nway.grid import NWay, build_nway
from core.report.nway import render_nway_json
from core.report.nway_html import render_nway_html
from core.report.save import nway_report_bytes
from core.text.document import load_document
from gui.reports.pdf import render_pdf
from tests.conftest import CONDENSED, FULL, REPO
from tests.test_nway import CUT, EDITED, variant_text
from tests.test_report_html import PAYLOAD, REPORT_TAGS, Page
from tests.test_report_pdf import media_box, pages

NWAY_TAGS = REPORT_TAGS | {"br"}
HOSTILE_NAME = '<b>var"i&ant<script>.txt'


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    """The base, the full sample, and a variant whose name and text carry markup."""
    variant = tmp_path / HOSTILE_NAME
    variant.write_text(variant_text(PAYLOAD), encoding="utf-8")
    return [CONDENSED, FULL, variant]


def grid_of(files: list[Path]) -> NWay:
    docs = [load_document(p) for p in files]
    return build_nway(docs[0], docs[1:])


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "grid.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(out.split())


def test_page_is_laid_out_like_the_pairwise_report(files: list[Path]) -> None:
    html = render_nway_html(grid_of(files), generated=1_700_000_000.0)
    page = Page(html)
    assert "script-src 'none'" in html and "<script" not in html
    assert not re.search(r"(src|href)=\"(https?:|//|file:)", html)
    assert {t for t, _ in page.tags} <= NWAY_TAGS
    shown = page.shown()
    for heading in ("Summary", "Documents", "The versions against the base", "Legend"):
        assert f"{heading}" in shown
    assert "Made by Redline" in shown and "Versions report: " in shown
    for path in files:
        assert load_document(path).sha256 in shown  # every document's checksum
    # Every link lands on an element of the page (grid <-> wording lists).
    assert all(target in page.ids for target in page.links().values())
    assert page.links()[next(k for k, v in page.links().items() if v == f"B-{EDITED + 1}")]


def test_cells_and_legend_use_the_windows_colours_and_symbols() -> None:
    from core.report.css import NWAY_COLOURS, NWAY_PDF, NWAY_SCREEN
    from gui.nway.model import LIGHT

    assert NWAY_COLOURS == LIGHT
    for status, (back, fore) in LIGHT.items():
        rule = f".{status}{{background-color:{back};color:{fore}}}"
        assert rule in NWAY_SCREEN and rule in NWAY_PDF
    assert "inherit" not in NWAY_PDF  # Qt's PDF writer makes a broken colour of it


@pytest.mark.parametrize("variant", ["screen", "pdf"])
def test_markup_in_names_and_text_comes_out_as_literal_text(files, variant) -> None:
    html = render_nway_html(grid_of(files), variant=variant)
    page = Page(html)
    assert {t for t, _ in page.tags} <= NWAY_TAGS
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)
    shown = page.shown()
    assert HOSTILE_NAME in shown and f"{PAYLOAD} accent" in " ".join(shown.split())
    titles = [a["title"] for _, a in page.tags if a.get("title")]
    # Nothing hovers on paper: the PDF lists the wording instead of putting it in titles.
    assert any(PAYLOAD in t for t in titles) == (variant == "screen")


def test_wording_highlights_the_versions_own_words(files: list[Path]) -> None:
    html = render_nway_html(grid_of(files))
    row = html[html.index(f'id="B-{EDITED + 1}"') :].split("</tr>")[0]
    assert '<span class="wins">' in row and "accent as he narrates" in row
    assert f"Missing entirely: sentences {CUT + 1}." in Page(html).shown()


def test_json_and_html_bytes_are_the_cli_formats(files: list[Path]) -> None:
    grid = grid_of(files)
    assert nway_report_bytes(grid, "json") == render_nway_json(grid).encode("utf-8")
    html = nway_report_bytes(grid, "html")
    assert html.startswith(b"<!DOCTYPE html>")
    assert b'<th class="n">Base words kept</th>' in html and b"Keeps of base" not in html


def test_pdf_has_pages_version_names_and_base_text(files, tmp_path: Path) -> None:
    pdf = nway_report_bytes(grid_of(files), "pdf", pdf_renderer=render_pdf)
    assert pdf.startswith(b"%PDF-") and pages(pdf) >= 2
    assert (round(media_box(pdf)[0]), round(media_box(pdf)[1])) == (595, 842)
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    text = pdf_text(pdf, tmp_path)
    assert CONDENSED.name in text and FULL.name in text and HOSTILE_NAME in text
    assert "the man speaks with a british accent as he narrates the video" in text
    assert f"page 1 of {pages(pdf)}" in text and "at least half its words kept" in text
    assert PAYLOAD.split()[0] in text  # the version's wording, literally


def test_cli_nway_pdf_goes_through_the_launcher(files, tmp_path: Path) -> None:
    out = tmp_path / "grid.pdf"
    proc = subprocess.run(
        [sys.executable, "-m", "gui.shell.launcher", "nway", *map(str, files),
         "--format", "pdf", "--page-size", "letter", "-o", str(out)],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    data = out.read_bytes()
    assert pages(data) >= 2 and round(media_box(data)[0]) == 612
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([HOSTILE_NAME, "grid.pdf"])


def test_cli_nway_pdf_mistakes_are_one_line_errors(files, tmp_path: Path, capsys) -> None:
    args = ["nway", *map(str, files), "--format", "pdf"]
    assert main(args) == 2
    assert "--format pdf needs -o FILE" in capsys.readouterr().err
    assert main([*args, "-o", str(tmp_path / "x.pdf")]) == 2  # no Qt renderer given
    err = capsys.readouterr().err
    assert "PDF reports need" in err and err.count("\n") == 1
    before = files[2].read_bytes()
    assert main([*args, "-o", str(files[2])], pdf_renderer=render_pdf) == 2
    assert "refusing to overwrite a compared document" in capsys.readouterr().err
    assert files[2].read_bytes() == before
    assert not (tmp_path / "x.pdf").exists()


def test_text_says_what_each_version_puts_in_an_edited_sentence() -> None:
    # itn-blurbs (Wikipedia "In the news", CC BY-SA): the earthquake item as updated
    # over days; each version's own figures are what the editor compares.
    from core.report.nway import render_nway_text
    from core.text.document import document_from_text

    base = (
        "A magnitude 7.8 earthquake strikes Turkey and Syria, killing at least 1,300 people "
        "and injuring more than 6,000 others.\n"
    )
    later = (
        "An earthquake (damage pictured) strikes Turkey and Syria, killing over {} people "
        "and injuring more than {} others.\n"
    )
    versions = [
        document_from_text(later.format(*figures), f"v{i}.txt")
        for i, figures in enumerate([("7,000", "30,000"), ("12,000", "56,000")])
    ]
    text = render_nway_text(build_nway(document_from_text(base, "v0.txt"), versions))
    assert "A drops: A magnitude 7.8 \u2026 at least 1,300 \u2026 6,000" in text
    assert "A adds: An \u2026 (damage pictured) \u2026 over 7,000 \u2026 30,000" in text
    assert "B adds: An \u2026 (damage pictured) \u2026 over 12,000 \u2026 56,000" in text
