"""Loading files: right text and encoding, or one clear typed error naming the file."""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import os
import socket
import threading
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Literal

import pytest

from core.errors import (
    BinaryFileError,
    DamagedDocumentError,
    FileMissingError,
    LoadError,
    NotAFileError,
    TooLargeError,
    UnknownEncodingError,
    UnreadableError,
    UnsupportedFileError,
)
from core.model import DecodeWarning, Document
from core.text.document import document_from_text, has_nul, load_document

ARTICLE = (
    "Storm hits the coast. “Nobody expected this,” said the mayor — roads were closed.\n"
    "Residents of Saint-Étienne-du-Rouvray were evacuated overnight.\n"
)


def _write(tmp_path: Path, name: str | bytes, data: bytes) -> str:
    path = os.path.join(os.fsencode(tmp_path), os.fsencode(name))
    os.makedirs(os.path.dirname(path), exist_ok=True)  # "<b>x</b>.txt" holds a "/"
    with open(path, "wb") as handle:
        handle.write(data)
    return os.fsdecode(path)


def _fingerprint(path: str) -> tuple[str, int]:
    with open(path, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()
    return digest, os.stat(path).st_mtime_ns


def _load_unchanged(path: str, **options: object) -> Document:
    """Load, and check the source file is byte-for-byte and mtime unchanged."""
    before = _fingerprint(path)
    document = load_document(path, **options)  # type: ignore[arg-type]
    assert _fingerprint(path) == before
    return document


def _finishes(action: Callable[[], object], seconds: float = 5.0) -> object:
    """Run ``action`` in a thread; fail (instead of hanging) if it blocks."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(action())
        except BaseException as error:  # handed back to the test
            outcome.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "the call blocked"
    return outcome[0]


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


# Loading text ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "text", "encoding", "bom"),
    [
        ("a.txt", ARTICLE.encode(), ARTICLE, "utf-8", False),
        ("A.TXT", ARTICLE.encode(), ARTICLE, "utf-8", False),
        ("notes.md", b"# Title\n\nBody\n", "# Title\n\nBody\n", "utf-8", False),
        ("notes.markdown", b"x", "x", "utf-8", False),
        ("notes.text", b"x", "x", "utf-8", False),
        ("empty.txt", b"", "", "utf-8", False),
        ("bom-only.txt", codecs.BOM_UTF8, "", "utf-8", True),
        ("bom16-only.txt", codecs.BOM_UTF16_LE, "", "utf-16-le", True),
        ("bom.txt", codecs.BOM_UTF8 + ARTICLE.encode(), ARTICLE, "utf-8", True),
        ("u16.txt", codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), ARTICLE, "utf-16-be", True),
        ("u16-nobom.txt", ARTICLE.encode("utf-16-le"), ARTICLE, "utf-16-le", False),
        ("u32-nobom.txt", ARTICLE.encode("utf-32-be"), ARTICLE, "utf-32-be", False),
        ("cp1252.txt", (ARTICLE * 4).encode("cp1252", "replace"), None, "cp1252", False),
    ],
)
def test_loads_text_files(
    tmp_path: Path, name: str, data: bytes, text: str | None, encoding: str, bom: bool
) -> None:
    path = _write(tmp_path, name, data)
    document = _load_unchanged(path)
    assert document.text == (text if text is not None else data.decode(encoding))
    assert (document.encoding, document.bom, document.source_kind) == (encoding, bom, "text")
    assert document.size == len(data)
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.mtime == os.stat(path).st_mtime
    assert document.path == path
    assert document.decode_warning is None


def test_zero_byte_file_is_an_empty_document(tmp_path: Path) -> None:
    document = _load_unchanged(_write(tmp_path, "empty.txt", b""))
    assert (document.text, document.length, document.size, document.line_ending) == (
        "",
        0,
        0,
        "none",
    )


def test_same_text_with_and_without_bom(tmp_path: Path) -> None:
    plain = load_document(_write(tmp_path, "plain.txt", ARTICLE.encode()))
    marked = load_document(_write(tmp_path, "marked.txt", codecs.BOM_UTF8 + ARTICLE.encode()))
    assert plain.text == marked.text
    assert (plain.bom, marked.bom) == (False, True)


@pytest.mark.parametrize(
    ("data", "ending"),
    [
        (b"a\nb\n", "lf"),
        (b"a\r\nb\r\n", "crlf"),
        (b"a\rb\r", "cr"),
        (b"a\r\nb\nc\r", "mixed"),
        (b"one line", "none"),
    ],
)
def test_line_endings_are_recorded_and_kept(tmp_path: Path, data: bytes, ending: str) -> None:
    document = load_document(_write(tmp_path, "le.txt", data))
    assert document.line_ending == ending
    assert document.text == data.decode()  # no newline translation


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_unicode_normalization_is_kept_as_is(tmp_path: Path, form: Literal["NFC", "NFD"]) -> None:
    text = unicodedata.normalize(form, "Café crème, naïve Zoë, Ångström\n")
    document = load_document(_write(tmp_path, "n.txt", text.encode()))
    assert document.text == text


def test_stray_c0_controls_are_text(tmp_path: Path) -> None:
    text = ARTICLE + "Record\x1eunit\x1fgroup\x1dfile\x1c and a stray \x01 bell\x07.\n" + ARTICLE
    document = load_document(_write(tmp_path, "c0.txt", text.encode()))
    assert document.text == text


def test_one_nul_in_a_large_text_is_kept(tmp_path: Path) -> None:
    data = ARTICLE.encode() * 500 + b"\x00" + ARTICLE.encode() * 500
    document = load_document(_write(tmp_path, "nul.txt", data))
    assert document.text == data.decode()
    assert has_nul(document)
    assert not has_nul(load_document(_write(tmp_path, "clean.txt", ARTICLE.encode())))


def test_one_nul_in_a_windows_1252_text_is_kept(tmp_path: Path) -> None:
    data = ARTICLE.encode("cp1252", "replace") * 50 + b"\x00" + b"caf\xe9\n" * 50
    document = load_document(_write(tmp_path, "nul1252.txt", data))
    assert document.encoding == "cp1252"
    assert has_nul(document)


def test_utf8_with_one_bad_byte_past_200kb(tmp_path: Path) -> None:
    good = ARTICLE.encode() * 3000
    offset = 300_000
    while good[offset] >= 0x80:
        offset += 1
    data = good[:offset] + b"\xe9" + good[offset + 1 :]
    document = load_document(_write(tmp_path, "damaged.txt", data))
    assert document.encoding == "utf-8"
    assert document.decode_warning == DecodeWarning(count=1, first_offset=offset)


def test_html_gives_visible_text(tmp_path: Path) -> None:
    markup = (
        "<html><head><title>Storm</title><script>alert(1)</script></head>"
        "<body><p>Roads &amp; rails</p><p>closed</p></body></html>"
    )
    for name in ("page.html", "page.HTM"):
        document = _load_unchanged(_write(tmp_path, name, markup.encode()))
        assert document.text == "Storm\n\nRoads & rails\n\nclosed"
        assert document.source_kind == "html"
        assert document.sha256 == hashlib.sha256(markup.encode()).hexdigest()


def test_encoding_override(tmp_path: Path) -> None:
    path = _write(tmp_path, "o.txt", "café".encode())
    document = load_document(path, encoding="latin-1")
    assert (document.text, document.encoding, document.confidence) == ("cafÃ©", "iso8859-1", 1.0)


def test_unknown_encoding_override_names_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "o.txt", b"abc")
    with pytest.raises(UnknownEncodingError) as caught:
        load_document(path, encoding="klingon")
    assert caught.value.path == path
    assert "klingon" in str(caught.value)


def test_document_from_text() -> None:
    document = document_from_text("é\r\nb")
    assert document.path == "<text>"
    assert document.sha256 == hashlib.sha256("é\r\nb".encode()).hexdigest()
    assert (document.size, document.line_ending, document.encoding) == (5, "crlf", "utf-8")


# Binary files ---------------------------------------------------------------------

_ODT = {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64), "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00" + bytes(32), "GIF image"),
        (_zip({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<w/>"}), "XLSX spreadsheet"),
        (_zip({"mimetype": b"application/epub+zip", "OEBPS/a.xhtml": b"<x/>"}), "EPUB"),
        (_zip({"notes.txt": b"hello"}), "ZIP archive"),
        (b"PK\x03\x04 truncated zip", "ZIP archive"),
        (gzip.compress(ARTICLE.encode()), "GZIP archive"),
        (b"\x7fELF\x02\x01\x01" + bytes(100), "ELF executable"),
        (bytes(4096), "mostly NUL bytes"),
        (bytes(range(256)) * 8, "binary data"),
    ],
)
def test_binary_files_renamed_txt_are_refused_with_their_type(
    tmp_path: Path, data: bytes, kind: str
) -> None:
    path = _write(tmp_path, "renamed.txt", data)
    with pytest.raises(BinaryFileError) as caught:
        _load_unchanged(path)
    assert caught.value.file_type == kind
    assert str(caught.value) == f"{path}: binary file ({kind})"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "damaged PDF"),
        (_zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<w/>"}), "no document body"),
        (_zip(_ODT), "no text body"),
    ],
    ids=["pdf", "docx", "odt"],
)
def test_documents_renamed_txt_are_read_by_their_format(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path = _write(tmp_path, "renamed.txt", data)
    with pytest.raises(DamagedDocumentError) as caught:
        load_document(path)
    assert str(caught.value).startswith(f"{path}: ") and reason in str(caught.value)


def test_binary_can_be_opened_as_text_anyway(tmp_path: Path) -> None:
    path = _write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(16))
    document = load_document(path, allow_binary=True)
    assert document.text[1:4] == "PNG"


# Refused paths --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["report.doc", "sheet.xlsx", "archive.txt.gz"])
def test_unsupported_suffix(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path, name, b"plain text")
    with pytest.raises(UnsupportedFileError) as caught:
        load_document(path)
    assert str(caught.value).startswith(f"{path}: unsupported file type")
    assert load_document(path, any_suffix=True).text == "plain text"


@pytest.mark.parametrize("name", ["README", "AP-BAGHDAD-0611", "story-v2"])
def test_a_file_without_a_suffix_is_read_as_text(tmp_path: Path, name: str) -> None:
    # Wire copy is often saved without a suffix; its content says whether it is text.
    path = _write(tmp_path, name, b"plain text")
    assert load_document(path).text == "plain text"
    binary = _write(tmp_path, name + "-core", b"\x7fELF\x02\x01\x01\x00" + bytes(64))
    with pytest.raises(BinaryFileError):
        load_document(binary)


def test_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "gone.txt")
    with pytest.raises(FileMissingError, match="no such file"):
        load_document(path)


def test_file_deleted_between_listing_and_reading(tmp_path: Path) -> None:
    path = _write(tmp_path, "brief.txt", b"x")
    os.remove(path)
    with pytest.raises(FileMissingError):
        load_document(path)


def test_file_vanishing_between_stat_and_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, "brief.txt", b"x")

    def vanished(*args: object, **kwargs: object) -> int:
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(os, "open", vanished)
    with pytest.raises(FileMissingError, match="vanished"):
        load_document(path)


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(NotAFileError, match="is a folder"):
        load_document(folder)


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    path = str(tmp_path / "pipe.txt")
    os.mkfifo(path)
    error = _finishes(lambda: load_document(path))
    assert isinstance(error, NotAFileError)
    assert "FIFO" in error.reason


def test_socket_is_refused(tmp_path: Path) -> None:
    path = str(tmp_path / "s.txt")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(path)
        with pytest.raises(NotAFileError, match="socket"):
            load_document(path)
    finally:
        server.close()


def test_link_to_dev_zero_is_refused_without_reading(tmp_path: Path) -> None:
    path = str(tmp_path / "zero.txt")
    os.symlink("/dev/zero", path)
    error = _finishes(lambda: load_document(path))
    assert isinstance(error, NotAFileError)
    assert "device" in error.reason


def test_dangling_symlink(tmp_path: Path) -> None:
    path = str(tmp_path / "dangling.txt")
    os.symlink(str(tmp_path / "nowhere.txt"), path)
    with pytest.raises(FileMissingError, match="broken symbolic link"):
        load_document(path)


def test_symlink_loop(tmp_path: Path) -> None:
    path = str(tmp_path / "loop.txt")
    os.symlink(path, path)
    with pytest.raises(LoadError):
        load_document(path)


def test_fifo_swapped_in_after_stat_is_refused_without_blocking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regular = _write(tmp_path, "regular.txt", b"text")
    fifo = str(tmp_path / "swapped.txt")
    os.mkfifo(fifo)
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda p, *a, **k: real_stat(regular if p == fifo else p))
    error = _finishes(lambda: load_document(fifo))
    assert isinstance(error, NotAFileError)


def test_sparse_100mb_file_is_refused_by_size_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "huge.txt")
    with open(path, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)

    def no_open(*args: object, **kwargs: object) -> int:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(os, "open", no_open)
    with pytest.raises(TooLargeError) as caught:
        load_document(path, max_bytes=64 * 1024 * 1024)
    assert (caught.value.size, caught.value.limit) == (100 * 1024 * 1024, 64 * 1024 * 1024)
    assert str(caught.value).startswith(f"{path}: file is too large")


def test_growing_file_is_read_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "growing.txt", b"x" * 10_000)
    real_stat, real_fstat, real_read = os.stat, os.fstat, os.read
    requested: list[int] = []

    def small(result: os.stat_result) -> os.stat_result:
        fields = list(result)
        fields[6] = 10  # st_size as it was when listed
        return os.stat_result(fields)

    def counting_read(fd: int, size: int) -> bytes:
        requested.append(size)
        return real_read(fd, size)

    monkeypatch.setattr(os, "stat", lambda p, *a, **k: small(real_stat(p, *a, **k)))
    monkeypatch.setattr(os, "fstat", lambda fd: small(real_fstat(fd)))
    monkeypatch.setattr(os, "read", counting_read)
    with pytest.raises(TooLargeError):
        load_document(path, max_bytes=1000)
    assert sum(requested) <= 1001


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (PermissionError(13, "Permission denied"), "Permission denied"),
        (OSError(5, "Input/output error"), "Input/output error"),
    ],
)
def test_unreadable_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, reason: str
) -> None:
    path = _write(tmp_path, "locked.txt", b"secret")

    def refuse(*args: object, **kwargs: object) -> int:
        raise error

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(UnreadableError) as caught:
        load_document(path)
    assert str(caught.value) == f"{path}: {reason}"


def test_read_error_after_open_is_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, "bad-sector.txt", b"x" * 100)

    def failing_read(fd: int, size: int) -> bytes:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "read", failing_read)
    with pytest.raises(UnreadableError, match="Input/output error"):
        load_document(path)


# Names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        (b"caf\xe9.txt", "caf\\xe9.txt"),
        (b"two\nlines.txt", "two\\nlines.txt"),
        (b"esc\x1b[31m.txt", "esc\\x1b[31m.txt"),
        ("rtl\u202etxt.exe.txt".encode(), "rtl\\u202etxt.exe.txt"),
        (b"<b>x</b>.txt", "<b>x</b>.txt"),
        (b"a\"b'c&.txt", "a\"b'c&.txt"),
    ],
)
def test_odd_names_load_and_are_shown_escaped(tmp_path: Path, name: bytes, shown: str) -> None:
    path = _write(tmp_path, name, b"\x89PNG\r\n\x1a\n" + bytes(8))
    with pytest.raises(BinaryFileError) as caught:
        load_document(path)
    message = str(caught.value)
    assert message == f"{tmp_path}/{shown}: binary file (PNG image)"
    assert message.isprintable()
    os.remove(os.fsencode(path))
    path = _write(tmp_path, name, b"fine")
    assert load_document(path).text == "fine"


def test_every_error_message_is_one_line(tmp_path: Path) -> None:
    odd = str(tmp_path / "new\nline.txt")
    with pytest.raises(LoadError) as caught:
        load_document(odd)
    assert "\n" not in str(caught.value)
    assert "Traceback" not in str(caught.value)
