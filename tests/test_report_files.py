"""Saving reports: CLI flags, annotations in JSON and HTML, atomic failures, no Qt."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli import main
from core.notes.annotation import Annotation, make_anchor
from core.notes.store import AnnotationStore
from core.text.document import load_document
from tests.conftest import CONDENSED, FULL, REPO
from tests.test_cli import run


def fake_renderer(html: str, page_size: str) -> bytes:
    return f"%PDF-fake {page_size} {len(html)}".encode()


@pytest.fixture
def store() -> list[int]:
    """One note on the full sample, saved in the user's annotation database."""
    old, new = load_document(str(CONDENSED)), load_document(str(FULL))
    start = new.text.index("death toll")
    note = Annotation(
        0,
        "Check the <b>toll</b>",
        "Legal risk",
        "needs-check",
        None,
        make_anchor(new.path, new.sha256, new.text, start, start + 10),
        1_700_000_000.0,
        1_700_000_100.0,
    )
    with AnnotationStore.open_default() as db:
        return [db.add(old.path, new.path, note).id]


def test_json_carries_annotations_only_when_asked(tmp_path: Path, store, capsys) -> None:
    assert main(["compare", str(CONDENSED), str(FULL), "--format", "json"]) == 1
    assert "annotations" not in json.loads(capsys.readouterr().out)
    assert main(["compare", str(CONDENSED), str(FULL), "--format", "json", "--annotations"]) == 1
    data = json.loads(capsys.readouterr().out)
    (note,) = data["annotations"]
    assert set(note) == {
        "id", "uuid", "note", "tag", "status", "orphaned", "created", "modified", "old",
        "new",
    }  # fmt: skip
    assert note["note"] == "Check the <b>toll</b>" and note["status"] == "needs-check"
    assert note["old"] is None and note["new"]["quote"] == "death toll"
    assert set(note["new"]) == {"path", "sha256", "start", "end", "quote", "prefix", "suffix"}
    text = FULL.read_text(encoding="utf-8")
    assert text[note["new"]["start"] : note["new"]["end"]] == "death toll"
    assert data["format"] == "redline-comparison" and data["version"] == 1


def test_html_with_annotations_marks_the_text(tmp_path: Path, store) -> None:
    out = tmp_path / "report.html"
    args = ["compare", str(CONDENSED), str(FULL), "--format", "html", "--annotations"]
    assert main([*args, "-o", str(out)]) == 1
    html = out.read_text(encoding="utf-8")
    assert 'id="ann-1-new" href="#note-1"' in html and 'href="#ann-1-new"' in html
    assert "Check the &lt;b&gt;toll&lt;/b&gt;" in html


def test_a_pair_without_annotations_gives_an_empty_list(tmp_path: Path, capsys) -> None:
    args = ["compare", str(CONDENSED), str(FULL), "--format", "json", "--annotations"]
    assert main(args) == 1
    assert json.loads(capsys.readouterr().out)["annotations"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--annotations"], "--annotations needs --format html, pdf or json"),
        (["--format", "pdf"], "--format pdf needs -o FILE (- for standard output)"),
    ],
)
def test_flag_mistakes_are_one_line_errors(args: list[str], message: str, capsys) -> None:
    assert main(["compare", str(CONDENSED), str(FULL), *args]) == 2
    assert capsys.readouterr().err == f"redline: {message}\n"


def test_pdf_without_qt_renderer_is_refused_and_with_one_is_written(tmp_path, capsys) -> None:
    out = tmp_path / "r.pdf"
    args = ["compare", str(CONDENSED), str(FULL), "--format", "pdf", "-o", str(out)]
    assert main(args) == 2
    assert "PySide6" in capsys.readouterr().err and not out.exists()
    assert main([*args, "--page-size", "letter"], pdf_renderer=fake_renderer) == 1
    assert out.read_bytes().startswith(b"%PDF-fake letter ")


@pytest.mark.parametrize("fmt", ["html", "pdf", "json"])
def test_report_over_a_compared_document_is_refused(tmp_path: Path, fmt: str, capsys) -> None:
    old = tmp_path / "old.txt"
    old.write_bytes(CONDENSED.read_bytes())
    before = (old.read_bytes(), os.stat(old).st_mtime_ns)
    link = tmp_path / "link.html"
    link.symlink_to(old)
    for target in (old, link):
        args = ["compare", str(old), str(FULL), "--format", fmt, "-o", str(target)]
        assert main(args, pdf_renderer=fake_renderer) == 2
        assert "refusing to overwrite a compared document" in capsys.readouterr().err
    assert (old.read_bytes(), os.stat(old).st_mtime_ns) == before


@pytest.mark.parametrize("fmt", ["html", "pdf", "json"])
@pytest.mark.parametrize(
    ("where", "error"),
    [
        ("fsync", OSError(28, "No space left on device")),
        ("replace", PermissionError(13, "Permission denied")),
    ],
)
def test_failed_write_keeps_the_earlier_report_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch, capsys, fmt: str, where: str, error: OSError
) -> None:
    out = tmp_path / f"report.{fmt}"
    out.write_text("earlier report", encoding="utf-8")

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(os, where, fail)
    args = ["compare", str(CONDENSED), str(FULL), "--format", fmt, "-o", str(out)]
    assert main(args, pdf_renderer=fake_renderer) == 2
    monkeypatch.undo()
    assert out.read_text(encoding="utf-8") == "earlier report"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and out.name in err and error.strerror in err


def test_report_formats_never_load_qt(tmp_path: Path) -> None:
    for fmt in ("html", "json"):
        out = tmp_path / f"r.{fmt}"
        proc = run("compare", str(CONDENSED), str(FULL), "--format", fmt, "--changes-only", "-o",
                   str(out))  # fmt: skip
        assert proc.returncode == 1, proc.stderr
        assert out.stat().st_size > 1000
    proc = run("compare", str(CONDENSED), str(FULL), "--format", "html", "--annotations")
    assert proc.returncode == 1, proc.stderr
    assert "</html>" in proc.stdout


def test_save_report_refuses_sources_by_any_name(tmp_path: Path) -> None:
    from core.errors import RedlineError
    from core.report.save import save_report

    doc = tmp_path / "a.txt"
    doc.write_text("x", encoding="utf-8")
    with pytest.raises(RedlineError, match="refusing"):
        save_report(tmp_path / "." / "a.txt", b"report", load_document(doc).path)
    assert doc.read_text(encoding="utf-8") == "x"


def _save_under_umask(umask: int, target: Path) -> int:
    """Write an HTML report in a process whose umask is ``umask``; the file's mode."""
    code = (
        "import os, sys; os.umask(int(sys.argv[1], 8)); from core.cli import main; "
        "sys.exit(main(['compare', sys.argv[2], sys.argv[3], '--format', 'html', '-o', "
        "sys.argv[4]]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, oct(umask), str(FULL), str(CONDENSED), str(target)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    return stat.S_IMODE(target.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_saved_reports_follow_the_umask_and_keep_a_replaced_files_mode(tmp_path: Path) -> None:
    shared = tmp_path / "shared.html"
    assert _save_under_umask(0o002, shared) == 0o664
    private = tmp_path / "private.html"
    assert _save_under_umask(0o077, private) == 0o600
    shared.chmod(0o640)
    assert _save_under_umask(0o002, shared) == 0o640  # a replaced file keeps its mode
    assert _save_under_umask(0o077, shared) == 0o640
