"""Reports Redline saved among the versions it compared are listed with their reason,
never as versions (``core.text.own_reports``).

An editor's first use (session 18): the HTML and PDF reports saved in the story's
folder came back as versions of the story, and the PDF was starred its likely original.
"""

from __future__ import annotations

from pathlib import Path

from core.cli import main
from core.text.folder import REPORT_REASON, walk_folder
from core.text.own_reports import made_by_redline
from gui.reports.pdf import render_pdf

WIRE = "The council met on Monday. It approved the budget of 4 million euros.\n"
EDITED = "The council met on Tuesday. It approved the budget of 5 million euros.\n"


def test_reports_saved_in_the_folder_are_no_versions(tmp_path: Path) -> None:
    (tmp_path / "1-wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "2-edited.txt").write_text(EDITED, encoding="utf-8")
    pair = [str(tmp_path / "1-wire.txt"), str(tmp_path / "2-edited.txt")]
    for suffix in ("html", "pdf", "docx"):
        out = str(tmp_path / f"1-wire vs 2-edited.{suffix}")
        assert main(["compare", *pair, "--format", suffix, "-o", out], render_pdf) == 1
    # an article saved as HTML, and a PDF and a Word file someone else made, are versions
    (tmp_path / "3-web.html").write_text(
        '<html><head><meta name="generator" content="WordPress 6.4"></head>'
        f"<body><p>{WIRE}</p></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "4-scan.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Creator (Writer) >> endobj\n")
    listed = {entry.relpath: entry.error for entry in walk_folder(str(tmp_path))}
    assert listed == {
        "1-wire vs 2-edited.docx": REPORT_REASON,
        "1-wire vs 2-edited.html": REPORT_REASON,
        "1-wire vs 2-edited.pdf": REPORT_REASON,
        "1-wire.txt": None,
        "2-edited.txt": None,
        "3-web.html": None,
        "4-scan.pdf": None,
    }


def test_a_file_that_cannot_be_read_is_no_report(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert not made_by_redline(str(broken))
    assert not made_by_redline(str(tmp_path / "missing.html"))


def test_the_window_lists_them_as_left_out_not_as_failed(tmp_path: Path) -> None:
    from gui.work.loading import FolderRequest, run_folder

    (tmp_path / "1-wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "2-edited.txt").write_text(EDITED, encoding="utf-8")
    pair = [str(tmp_path / "1-wire.txt"), str(tmp_path / "2-edited.txt")]
    assert main(["compare", *pair, "--format", "html", "-o", str(tmp_path / "r.html")]) == 1
    rows = []
    summary = run_folder(FolderRequest(str(tmp_path)), rows.extend, lambda: False)
    assert summary == "3 documents listed, 1 report made by Redline left out"
    kinds = {row.relpath: (row.error, row.error_kind) for row in rows}
    assert kinds["r.html"] == (REPORT_REASON, "report")
