"""The Word redline: accepting every change gives the new text, rejecting every change
the old one; the parts are well formed against the schema's rules for what we write;
annotations are comments; LibreOffice opens it where installed."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.cli import main
from core.engine.compare import compare
from core.model import CompareOptions, Comparison, Document
from core.report.docx_redline import comparison_docx
from core.report.redline_stream import redline_pieces, side_text
from core.text.document import document_from_text, load_document
from core.text.formats import ReadOptions, read_format
from tests.conftest import CONDENSED, FULL, UNRELATED
from tests.test_engine_properties import LAYOUTS, POOL, _variant, edits
from tests.test_report_html import note, span_of

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SAMPLES = (CONDENSED, FULL, UNRELATED)


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def check_round_trip(result: Comparison, data: bytes) -> None:
    """Accept all: the new text; reject all: the old (paragraph by paragraph)."""
    accepted = read_format("docx", data, ReadOptions("current")).text
    rejected = read_format("docx", data, ReadOptions("original")).text
    assert paragraphs(accepted) == paragraphs(result.new.text)
    assert paragraphs(rejected) == paragraphs(result.old.text)


@pytest.mark.parametrize("old", SAMPLES, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("new", SAMPLES, ids=lambda p: p.name[:3])
def test_samples_accept_gives_new_and_reject_gives_old(old: Path, new: Path) -> None:
    result = compare(load_document(old), load_document(new), CompareOptions())
    pieces = redline_pieces(result)
    assert side_text(result, pieces, accept=True) == result.new.text
    assert side_text(result, pieces, accept=False).split() == result.old.text.split()
    check_round_trip(result, comparison_docx(result))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, len(POOL) - 1), min_size=2, max_size=12, unique=True),
    edits,
    st.sampled_from(LAYOUTS),
    st.sampled_from(LAYOUTS),
    st.booleans(),
)
def test_generated_edits_round_trip(indices, edit_list, old_style, new_style, fold) -> None:
    old_text, _, new_text, _ = _variant(indices, edit_list, old_style, new_style)
    result = compare(
        document_from_text(old_text, "old.txt"),
        document_from_text(new_text, "new.txt"),
        CompareOptions(ignore_case=fold),
    )
    check_round_trip(result, comparison_docx(result))


def _pair(old: str, new: str) -> Comparison:
    return compare(document_from_text(old, "old.txt"), document_from_text(new, "new.txt"))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("One. Two.\n\nThree.", "One.\n\nTwo. Three."),  # a paragraph split and a join
        ("Alpha beta.\n\nGamma delta.", "Gamma delta.\n\nAlpha beta."),  # a move
        ("The figure was 12.", "The figure was 13."),
        ("", "Only new.\n\nTwo paragraphs."),
        ("Only old.", ""),
        ("Tab\there, a \x01 control and \ufffe.", "Tab\there, a \x01 control."),
        ("Line one\nline two.", "Line one\nline two, changed."),
    ],
)
def test_edge_cases_round_trip(old: str, new: str) -> None:
    result = _pair(old, new)
    data = comparison_docx(result)
    accepted = read_format("docx", data, ReadOptions("current")).text
    rejected = read_format("docx", data, ReadOptions("original")).text
    clean = re.compile("[\x00-\x08\x0e-\x1f\ufffe]")
    assert paragraphs(accepted) == paragraphs(clean.sub("\ufffd", new))
    assert paragraphs(rejected) == paragraphs(clean.sub("\ufffd", old))


def test_moves_are_move_from_and_move_to() -> None:
    old = "Alpha beta gamma delta.\n\nEpsilon zeta eta theta.\n\nIota kappa lambda mu."
    new = "Iota kappa lambda mu.\n\nAlpha beta gamma delta.\n\nEpsilon zeta eta theta."
    result = _pair(old, new)
    assert any(b.kind == "moved" for b in result.blocks)
    body = _part(comparison_docx(result), "word/document.xml")
    assert body.find(f".//{W}moveFrom") is not None and body.find(f".//{W}moveTo") is not None
    names = {e.get(f"{W}name") for e in body.iter() if e.tag.endswith("RangeStart")}
    assert names and all(n and n.startswith("move") for n in names)


def test_revisions_are_authored_redline_at_the_time_given() -> None:
    result = _pair("The mayor denied it.", "The mayor confirmed it.")
    body = _part(comparison_docx(result, when=1_700_000_000), "word/document.xml")
    revisions = [e for e in body.iter() if e.tag in (f"{W}ins", f"{W}del")]
    assert revisions
    assert {(e.get(f"{W}author"), e.get(f"{W}date")) for e in revisions} == {
        ("Redline", "2023-11-14T22:13:20Z")
    }


def test_annotations_are_comments_anchored_to_their_text() -> None:
    old = load_document(CONDENSED)
    new = load_document(FULL)
    result = compare(old, new)
    annotations = [
        note(1, "Town name?", old, new, (None, span_of(new, "northwestern syrian town"))),
        note(2, "Why cut?", old, new, (span_of(old, "syrian"), None), tag=None, status="rejected"),
    ]
    data = comparison_docx(result, annotations)
    comments = _part(data, "word/comments.xml")
    texts = ["".join(c.itertext()) for c in comments]
    assert texts == ["[Figure changed \u00b7 Open] Town name?", "[Rejected] Why cut?"]
    body = _part(data, "word/document.xml")
    starts = [e.get(f"{W}id") for e in body.iter(f"{W}commentRangeStart")]
    ends = [e.get(f"{W}id") for e in body.iter(f"{W}commentRangeEnd")]
    refs = [e.get(f"{W}id") for e in body.iter(f"{W}commentReference")]
    assert sorted(starts) == sorted(ends) == sorted(refs) == ["0", "1"]
    assert _commented_text(body, "0") == "northwestern syrian town"
    check_round_trip(result, data)


def _commented_text(body: ET.Element, number: str) -> str:
    inside, out = False, []
    for element in body.iter():
        if element.tag == f"{W}commentRangeStart" and element.get(f"{W}id") == number:
            inside = True
        elif element.tag == f"{W}commentRangeEnd" and element.get(f"{W}id") == number:
            break
        elif inside and element.tag == f"{W}t":
            out.append(element.text or "")
    return "".join(out)


def _part(data: bytes, name: str) -> ET.Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return ET.fromstring(archive.read(name))


# The schema's content model (ECMA-376 Part 1, CT_* types) for every element written:
# allowed children in order of appearance rules, and required attributes.
_RUN_CHILDREN = {"t", "delText", "tab", "br", "commentReference"}
_P_CONTENT = {
    "r",
    "ins",
    "del",
    "moveFrom",
    "moveTo",
    "commentRangeStart",
    "commentRangeEnd",
    "moveFromRangeStart",
    "moveFromRangeEnd",
    "moveToRangeStart",
    "moveToRangeEnd",
}
CONTENT_MODEL: dict[str, tuple[set[str], set[str]]] = {
    "document": ({"body"}, set()),
    "body": ({"p", "sectPr"}, set()),
    "p": ({"pPr"} | _P_CONTENT, set()),
    "pPr": ({"rPr"}, set()),
    "rPr": ({"ins", "del"}, set()),
    "r": (_RUN_CHILDREN, set()),
    "ins": ({"r"}, {"id", "author", "date"}),
    "del": ({"r"}, {"id", "author", "date"}),
    "moveFrom": ({"r"}, {"id", "author", "date"}),
    "moveTo": ({"r"}, {"id", "author", "date"}),
    "t": (set(), set()),
    "delText": (set(), set()),
    "tab": (set(), set()),
    "br": (set(), set()),
    "sectPr": (set(), set()),
    "commentRangeStart": (set(), {"id"}),
    "commentRangeEnd": (set(), {"id"}),
    "commentReference": (set(), {"id"}),
    "moveFromRangeStart": (set(), {"id", "name", "author", "date"}),
    "moveToRangeStart": (set(), {"id", "name", "author", "date"}),
    "moveFromRangeEnd": (set(), {"id"}),
    "moveToRangeEnd": (set(), {"id"}),
    "comments": ({"comment"}, set()),
    "comment": ({"p"}, {"id", "author", "date"}),
}


def schema_problems(root: ET.Element) -> list[str]:
    problems = []
    for element in root.iter():
        assert element.tag.startswith(W), element.tag
        name = element.tag[len(W) :]
        if name not in CONTENT_MODEL:
            problems.append(f"unexpected element {name}")
            continue
        children, required = CONTENT_MODEL[name]
        kids = [c.tag[len(W) :] for c in element]
        problems += [f"{k} inside {name}" for k in kids if k not in children]
        if name == "p" and "pPr" in kids and kids.index("pPr") != 0:
            problems.append("pPr not first in p")
        if name in ("ins", "del") and element.find(f"{W}r/{W}t") is not None and name == "del":
            problems.append("w:t inside a deletion (must be w:delText)")
        attrs = {a.split("}")[-1] for a in element.attrib}
        problems += [f"{name} lacks {a}" for a in required - attrs]
        date = element.get(f"{W}date")
        if date is not None and not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", date):
            problems.append(f"bad date {date}")
    return problems


def test_parts_pass_the_schema_rules_for_what_is_written() -> None:
    old, new = load_document(CONDENSED), load_document(FULL)
    result = compare(new, old)  # deletions, insertions and moves
    annotations = [note(1, "A note", new, old, (span_of(new, "northwestern syrian town"), None))]
    data = comparison_docx(result, annotations)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        types = ET.fromstring(archive.read("[Content_Types].xml"))
        overrides = {e.get("PartName", "").lstrip("/") for e in types if "PartName" in e.attrib}
        assert overrides <= names and "word/document.xml" in overrides
        assert "word/comments.xml" in overrides
        for rels in [n for n in names if n.endswith(".rels")]:
            base = rels.replace("_rels/", "").removesuffix(".rels").rsplit("/", 1)
            folder = base[0] + "/" if len(base) == 2 else ""
            for rel in ET.fromstring(archive.read(rels)):
                assert folder + rel.get("Target", "") in names
    body = _part(data, "word/document.xml")
    assert schema_problems(body) == []
    assert schema_problems(_part(data, "word/comments.xml")) == []
    ids = [
        e.get(f"{W}id")
        for e in body.iter()
        if e.tag[len(W) :] in ("ins", "del", "moveFrom", "moveTo")
    ]
    assert len(ids) == len(set(ids))
    import docx  # python-docx opens it

    assert docx.Document(io.BytesIO(data)).paragraphs


def test_cli_writes_a_word_redline(tmp_path: Path) -> None:
    target = tmp_path / "redline.docx"
    assert main(["compare", str(CONDENSED), str(FULL), "--format", "docx", "-o", str(target)]) == 1
    result = compare(load_document(CONDENSED), load_document(FULL))
    check_round_trip(result, target.read_bytes())


def test_cli_refuses_a_word_redline_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(CONDENSED), str(FULL), "--format", "docx"]) == 2
    assert (
        capsys.readouterr().err == "redline: --format docx needs -o FILE (- for standard output)\n"
    )


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_redline_to_pdf(tmp_path: Path) -> None:
    result = compare(load_document(CONDENSED), load_document(FULL))
    source = tmp_path / "redline.docx"
    source.write_bytes(comparison_docx(result))
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / "redline.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF-")
    if shutil.which("pdftotext"):
        shown = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        # Tracked changes show both versions: a deleted and an inserted word are there.
        assert "northwestern syrian town" in shown and "syria" in shown


def test_document_of_a_docx_keeps_the_format(tmp_path: Path) -> None:
    result = compare(load_document(CONDENSED), load_document(FULL))
    path = tmp_path / "r.docx"
    path.write_bytes(comparison_docx(result))
    loaded: Document = load_document(path)
    assert loaded.source_kind == "docx" and loaded.warnings
