"""ODT, RTF, e-mail, NITF and NewsML-G2 in: text, metadata, bad input as one line."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest

from core.engine.compare import compare
from core.errors import DamagedDocumentError
from core.text.document import load_document
from core.text.formats import DOCUMENT_SUFFIXES
from core.text.names import DOCUMENT_SUFFIXES as LISTED_SUFFIXES

HEADLINE = "Storm hits the coast"
BODY = [
    "The storm reached the coast on Monday. Three people were hurt.",
    "Officials said the roads would reopen on Tuesday.",
]
REAL_ODT = Path("/usr/lib/libreoffice/share/template/common/internal/idxexample.odt")


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_the_listed_suffixes_are_the_readers() -> None:
    assert LISTED_SUFFIXES == DOCUMENT_SUFFIXES


def odt_bytes(body: str, meta: str = "") -> bytes:
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml",
            f"<office:document-content {ns}><office:body><office:text>{body}"
            "</office:text></office:body></office:document-content>",
        )
        archive.writestr(
            "meta.xml",
            f"<office:document-meta {ns}><office:meta>{meta}</office:meta></office:document-meta>",
        )
    return buffer.getvalue()


def test_odt_paragraphs_lists_tables_notes_changes_and_metadata(tmp_path: Path) -> None:
    body = (
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
        "<text:p>Deleted words</text:p></text:deletion></text:changed-region>"
        "</text:tracked-changes>"
        f"<text:h>{HEADLINE}</text:h>"
        "<text:p>The storm reached the coast<text:s/>on Monday."
        "<text:note><text:note-citation>1</text:note-citation><text:note-body>"
        "<text:p>Police figures.</text:p></text:note-body></text:note>"
        " Three<text:tab/>people were hurt.</text:p>"
        "<text:list><text:list-item><text:p>First item</text:p></text:list-item></text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>Cell</text:p>"
        "</table:table-cell></table:table-row></table:table>"
    )
    meta = (
        "<dc:title>Storm</dc:title><dc:creator>Jane Roe</dc:creator><dc:date>2024-05-03</dc:date>"
    )
    document = load_document(write(tmp_path, "story.odt", odt_bytes(body, meta)))
    assert document.text.split("\n\n") == [
        HEADLINE,
        "The storm reached the coast on Monday.[1] Three\tpeople were hurt.",
        "First item",
        "Cell",
        "[1] Police figures.",
    ]
    assert document.source_kind == "odt"
    assert (document.metadata.title, document.metadata.author) == ("Storm", "Jane Roe")
    assert document.warnings == ("1 tracked change(s) read as accepted",)


@pytest.mark.skipif(not REAL_ODT.exists(), reason="LibreOffice's idxexample.odt is not installed")
def test_a_real_odt_from_a_debian_package() -> None:
    document = load_document(REAL_ODT)  # libreoffice-common
    assert document.text.startswith("HEADING1\n\nENTRY1") and document.metadata.author


RTF = (
    r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times;}}{\colortbl;\red0\green0\blue0;}"
    r"{\info{\title Storm}{\author Jane Roe}{\creatim\yr2024\mo5\dy3\hr9\min30}"
    r"{\doccomm not text}}"
    "\n" + HEADLINE + r"\par" + "\n"
    r"The storm reached the coast on Monday. Three people were hurt.\par "
    r"Officials said the roads would reopen on Tuesday.\par"
    r"{\*\generator Some Writer;}}"
)


def test_rtf_text_and_metadata(tmp_path: Path) -> None:
    document = load_document(write(tmp_path, "story.rtf", RTF))
    assert document.text.split("\n\n") == [HEADLINE, *BODY]
    assert document.metadata.title == "Storm" and document.metadata.date == "2024-05-03T09:30"
    assert document.source_kind == "rtf" and document.warnings == ()


def test_rtf_characters_and_a_txt_that_is_rtf(tmp_path: Path) -> None:
    rtf = r"{\rtf1\ansi\ansicpg1252 Caf\'e9 \u8364?5 \ldblquote quoted\rdblquote\par}"
    document = load_document(write(tmp_path, "renamed.txt", rtf))
    assert document.text == "Café €5 \u201cquoted\u201d"


def test_rtf_with_binary_objects_skips_them_with_a_warning(tmp_path: Path) -> None:
    binary = b"{\\rtf1 Before.\\par{\\pict\\pngblip\\bin6 \x00\x01{}\\\xff}After.\\par" + (
        b"{\\object\\objemb{\\*\\objdata 0102ff}}}"
    )
    document = load_document(write(tmp_path, "objects.rtf", binary))
    assert document.text == "Before.\n\nAfter."
    assert document.warnings == ("2 embedded picture(s) or object(s) skipped",)


def test_rtf_whose_binary_runs_past_the_end_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "cut.rtf", b"{\\rtf1 Text {\\pict\\bin999999 \x00\x01}}")
    with pytest.raises(DamagedDocumentError) as caught:
        load_document(path)
    assert str(caught.value) == (f"{path}: damaged RTF (binary data runs past the end of the file)")


def test_deeply_nested_rtf_groups(tmp_path: Path) -> None:
    rtf = "{\\rtf1 " + "{" * 50000 + "Deep" + "}" * 50000 + "}"
    assert load_document(write(tmp_path, "deep.rtf", rtf)).text == "Deep"


def test_email_plain_part_and_headers(tmp_path: Path) -> None:
    message = EmailMessage()
    message["Subject"] = HEADLINE
    message["From"] = "Jane Roe <jane@example.org>"
    message["Date"] = "Fri, 03 May 2024 09:30:00 +0000"
    message.set_content("\n\n".join(BODY))
    message.add_alternative("<p>HTML version</p>", subtype="html")
    document = load_document(write(tmp_path, "story.eml", message.as_bytes()))
    assert document.text.strip().split("\n\n") == BODY
    assert document.metadata.title == HEADLINE
    assert document.metadata.author == "Jane Roe <jane@example.org>"
    assert document.metadata.date == "2024-05-03T09:30:00+00:00"


def test_email_with_only_html(tmp_path: Path) -> None:
    message = EmailMessage()
    message["Subject"] = "HTML only"
    message.set_content(
        "<html><body><p>Visible</p><script>x()</script></body></html>", subtype="html"
    )
    document = load_document(write(tmp_path, "html.eml", message.as_bytes()))
    assert document.text.strip() == "Visible"


def test_email_with_only_attachments_is_refused(tmp_path: Path) -> None:
    message = EmailMessage()
    message["Subject"] = "Files"
    message.add_attachment(b"\x89PNG...", maintype="image", subtype="png", filename="a.png")
    path = write(tmp_path, "files.eml", message.as_bytes())
    with pytest.raises(DamagedDocumentError) as caught:
        load_document(path)
    assert str(caught.value) == f"{path}: an e-mail with only attachments (1), no text to read"


NITF = f"""<?xml version="1.0" encoding="UTF-8"?>
<nitf><head><title>Storm</title><docdata><date.issue norm="20240503T093000Z"/></docdata></head>
<body><body.head><hedline><hl1>{HEADLINE}</hl1></hedline>
<byline>By Jane Roe</byline><dateline>HARWICH, England (AP)</dateline></body.head>
<body.content><p>{BODY[0]}</p><block><p>{BODY[1]}</p></block></body.content></body></nitf>"""

NEWSML = f"""<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>
<newsItem guid="urn:x"><contentMeta><contentCreated>2024-05-03T09:30:00Z</contentCreated>
<headline>{HEADLINE}</headline><by>By Jane Roe</by><dateline>HARWICH, England</dateline>
</contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml">
<html xmlns="http://www.w3.org/1999/xhtml"><body><p>{BODY[0]}</p><p>{BODY[1]}</p>
</body></html></inlineXML></contentSet></newsItem></itemSet></newsMessage>"""


@pytest.mark.parametrize(
    ("name", "xml", "kind"), [("a.xml", NITF, "nitf"), ("b.xml", NEWSML, "newsml")]
)
def test_wire_xml_headline_byline_dateline_body(tmp_path: Path, name, xml, kind) -> None:
    document = load_document(write(tmp_path, name, xml))
    assert document.source_kind == kind
    assert document.text.split("\n\n")[:3] == [
        HEADLINE,
        "By Jane Roe",
        document.text.split("\n\n")[2],
    ]
    assert document.text.split("\n\n")[3:] == BODY
    assert document.metadata.title == HEADLINE and document.metadata.date.startswith("2024")


def test_nitf_and_newsml_of_one_story_compare_as_equal(tmp_path: Path) -> None:
    nitf = load_document(write(tmp_path, "a.xml", NITF.replace(" (AP)", "")))
    newsml = load_document(write(tmp_path, "b.xml", NEWSML))
    assert compare(nitf, newsml).identical


@pytest.mark.parametrize(
    ("xml", "reason"),
    [
        ("<rss><channel/></rss>", "NewsML-G2 without a newsItem"),
        (
            '<!DOCTYPE nitf [<!ENTITY x SYSTEM "file:///etc/passwd">]><nitf>&x;</nitf>',
            "declares a DTD",
        ),
        ("<nitf><body>", "broken XML"),
    ],
)
def test_bad_wire_xml_is_one_line(tmp_path: Path, xml: str, reason: str) -> None:
    path = write(tmp_path, "wire.xml", xml)
    with pytest.raises(DamagedDocumentError) as caught:
        load_document(path)
    assert str(caught.value).startswith(f"{path}: ") and reason in str(caught.value)


@pytest.mark.skipif(
    not REAL_ODT.exists() or shutil.which("soffice") is None, reason="LibreOffice is not installed"
)
def test_libreoffices_own_docx_and_odt_of_a_real_file_read_alike(tmp_path: Path) -> None:
    """A DOCX not made by us: LibreOffice's export of libreoffice-common's idxexample.odt."""
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "docx",
            "--outdir",
            str(tmp_path),
            str(REAL_ODT),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    from_docx = load_document(tmp_path / "idxexample.docx")
    from_odt = load_document(REAL_ODT)
    assert from_docx.source_kind == "docx" and "ENTRY11" in from_docx.text
    assert compare(from_odt, from_docx).identical
