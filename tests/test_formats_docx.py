"""Word files in: body, tables, headings, notes, tracked changes, metadata, sniffing."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from core.engine.compare import compare
from core.errors import DamagedDocumentError
from core.model import CompareOptions
from core.text.document import load_document
from core.text.formats import ReadOptions
from tests.docx_files import NOTES_RELS, docx_bytes, notes_xml, para, story_docx

STORY = [
    "Storm hits the coast",
    "The storm reached the coast on Monday. Three people were hurt.",
    "Officials said the roads would reopen on Tuesday.",
]
TRACKED = (
    "<w:p><w:r><w:t>The mayor </w:t></w:r>"
    '<w:del w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>denied'
    "</w:delText></w:r></w:del>"
    '<w:ins w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:t>confirmed</w:t>'
    '</w:r></w:ins><w:r><w:t xml:space="preserve"> the report.</w:t></w:r></w:p>'
    # A paragraph mark deleted: the two paragraphs are one once accepted.
    '<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="A" w:date="2024-01-01T00:00:00Z"/>'
    '</w:rPr></w:pPr><w:r><w:t xml:space="preserve">First half </w:t></w:r></w:p>'
    + para("second half.")
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_paragraphs_headings_and_metadata(tmp_path: Path) -> None:
    path = write(tmp_path, "story.docx", story_docx(STORY, "Storm", "Jane Roe"))
    document = load_document(path)
    assert document.text == "\n\n".join(STORY)
    assert document.source_kind == "docx"
    assert (document.metadata.title, document.metadata.author) == ("Storm", "Jane Roe")
    assert document.metadata.date  # python-docx stamps a date
    assert document.warnings == ()


def test_a_docx_and_a_txt_of_the_same_story_compare_as_equal(tmp_path: Path) -> None:
    docx_path = write(tmp_path, "story.docx", story_docx(STORY))
    txt_path = tmp_path / "story.txt"
    txt_path.write_text("\n".join(STORY) + "\n", encoding="utf-8")
    result = compare(load_document(txt_path), load_document(docx_path), CompareOptions())
    assert result.identical


def test_a_txt_that_is_really_a_docx_is_read_as_one(tmp_path: Path) -> None:
    path = write(tmp_path, "renamed.txt", story_docx(STORY))
    document = load_document(path)
    assert document.source_kind == "docx" and document.text.startswith(STORY[0])


def test_tables_in_document_order(tmp_path: Path) -> None:
    table = (
        "<w:tbl><w:tr><w:tc>" + para("Town") + "</w:tc><w:tc>" + para("Damage") + "</w:tc></w:tr>"
        "<w:tr><w:tc>" + para("Harwich") + "</w:tc><w:tc>" + para("Severe") + "</w:tc></w:tr>"
        "</w:tbl>"
    )
    path = write(tmp_path, "t.docx", docx_bytes(para("Before.") + table + para("After.")))
    assert load_document(path).text.split("\n\n") == [
        "Before.",
        "Town",
        "Damage",
        "Harwich",
        "Severe",
        "After.",
    ]


def test_footnotes_and_endnotes_follow_the_body_marked(tmp_path: Path) -> None:
    body = (
        '<w:p><w:r><w:t>Police said so.</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r>'
        '<w:r><w:t xml:space="preserve"> Again.</w:t></w:r><w:r><w:endnoteReference w:id="5"/>'
        "</w:r></w:p>" + para("Last paragraph.")
    )
    extra = {
        "word/_rels/document.xml.rels": NOTES_RELS,
        "word/footnotes.xml": notes_xml("footnote", {2: "Statement of 3 May."}),
        "word/endnotes.xml": notes_xml("endnote", {5: "Corrected on 4 May."}),
    }
    path = write(tmp_path, "n.docx", docx_bytes(body, extra=extra))
    assert load_document(path).text.split("\n\n") == [
        "Police said so.[1] Again.[i]",
        "Last paragraph.",
        "[1] Statement of 3 May.",
        "[i] Corrected on 4 May.",
    ]


def test_tracked_changes_read_as_accepted_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "tracked.docx", docx_bytes(TRACKED))
    document = load_document(path)
    assert document.text == "The mayor confirmed the report.\n\nFirst half second half."
    assert document.warnings == ("3 tracked change(s) read as accepted",)


def test_tracked_changes_read_as_rejected_on_request(tmp_path: Path) -> None:
    path = write(tmp_path, "tracked.docx", docx_bytes(TRACKED))
    document = load_document(path, options=ReadOptions(docx_revisions="original"))
    assert document.text == "The mayor denied the report.\n\nFirst half\n\nsecond half."
    assert "rejected" in document.warnings[0]


def test_moves_and_text_boxes(tmp_path: Path) -> None:
    body = (
        '<w:p><w:moveFrom w:id="1" w:author="A"><w:r><w:t>Moved.</w:t></w:r></w:moveFrom></w:p>'
        "<w:p><w:r><w:t>Host</w:t></w:r><w:r><mc:AlternateContent "
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        "<mc:Choice><w:txbxContent>" + para("Box text") + "</w:txbxContent></mc:Choice>"
        "<mc:Fallback><w:txbxContent>" + para("Box text") + "</w:txbxContent></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
        '<w:p><w:moveTo w:id="2" w:author="A"><w:r><w:t>Moved.</w:t></w:r></w:moveTo></w:p>'
    )
    path = write(tmp_path, "m.docx", docx_bytes(body))
    assert load_document(path).text.split("\n\n") == ["Host", "Box text", "Moved."]


def test_deep_nesting_is_read_without_recursion(tmp_path: Path) -> None:
    depth = 3000
    body = "<w:tbl><w:tr><w:tc>" * depth + para("Deep") + "</w:tc></w:tr></w:tbl>" * depth
    assert load_document(write(tmp_path, "deep.docx", docx_bytes(body))).text == "Deep"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04 this is not really an archive", "broken ZIP archive"),
        (story_docx(STORY)[:200], "broken ZIP archive"),
        (b"Plain words in a file named .docx", "broken ZIP archive"),
        (
            docx_bytes(
                para("&xxe;"),
                prolog='<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
            ),
            "declares a DTD",
        ),
        (
            docx_bytes(
                para("&lol2;"),
                prolog='<!DOCTYPE d [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>',
            ),
            "declares a DTD",
        ),
        (docx_bytes("<w:p><w:r><w:t>unclosed</w:r></w:p>"), "broken XML in word/document.xml"),
    ],
    ids=["not-a-zip", "cut-short", "plain-text", "external-entity", "entity-expansion", "bad-xml"],
)
def test_bad_word_files_are_one_line_naming_file_and_reason(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path = write(tmp_path, "bad.docx", data)
    with pytest.raises(DamagedDocumentError) as caught:
        load_document(path)
    message = str(caught.value)
    assert message.startswith(str(path) + ": ") and reason in message
    assert "\n" not in message and "passwd" not in message.split(": ", 1)[1]


def test_a_zip_bomb_is_refused_past_the_stated_size(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("word/document.xml", b"<" + b" " * (300 * 1024 * 1024))
    path = write(tmp_path, "bomb.docx", buffer.getvalue())
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(DamagedDocumentError, match="more than 256 MiB"):
        load_document(path)


def test_a_part_that_lies_about_its_size_is_refused_as_damaged() -> None:
    from core.text.formats import archive

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as made:
        made.writestr("word/document.xml", b" " * (3 * 1024 * 1024))
    opened = archive.Archive(buffer.getvalue(), limit=2 * 1024 * 1024)
    info = opened._zip.getinfo("word/document.xml")
    info.file_size = 1024  # the central directory lies: zipfile stops there, CRC fails
    with pytest.raises(archive.FormatError, match=r"damaged part word/document\.xml"):
        opened.read("word/document.xml")


def test_the_command_line_names_the_bad_word_file_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from core.cli import main

    bad = write(tmp_path, "bad.docx", b"PK\x03\x04 cut short")
    good = write(tmp_path, "good.docx", story_docx(STORY))
    assert main(["compare", str(good), str(bad)]) == 2
    assert capsys.readouterr().err == (
        f"redline: {bad}: broken ZIP archive (the file is damaged or cut short)\n"
    )


def test_tracked_changes_are_a_warning_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from core.cli import main

    tracked = write(tmp_path, "tracked.docx", docx_bytes(TRACKED))
    plain = tmp_path / "plain.txt"
    plain.write_text("The mayor denied the report.\n\nFirst half\n\nsecond half.\n", "utf-8")
    assert main(["compare", str(plain), str(tracked), "--docx-revisions", "original"]) == 0
    err = capsys.readouterr().err
    how = "read as rejected (the original text)"
    assert err == f"redline: warning: {tracked}: 3 tracked change(s) {how}\n"
