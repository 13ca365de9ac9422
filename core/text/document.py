"""Loading one file as a ``Document``: safe reading, binary refusal, decoding.

The file is read once, read-only, bounded by ``max_bytes``, and never opened in a
way that can block (FIFOs, devices). Each failure is a typed ``LoadError`` whose
message is one line naming the file (made printable) and the reason. Binary files
are refused before decoding, but after a BOM or a UTF-16/32 NUL pattern has been
looked for, since such text is full of NUL bytes.
"""

from __future__ import annotations

import errno
import io
import os
import stat

from core.errors import (
    BinaryFileError,
    DamagedDocumentError,
    FileMissingError,
    NotAFileError,
    TooLargeError,
    UnknownEncodingError,
    UnreadableError,
    UnsupportedFileError,
)
from core.model import Document, SourceKind
from core.text.digest import sha256_hex
from core.text.encoding import decode_bytes, detect_line_ending, evident_encoding
from core.text.formats import FormatError, ReadOptions, read_format, sniff
from core.text.formats.base import HtmlText
from core.text.names import (
    SUPPORTED_SUFFIXES,
    is_bare,
    is_html,
    is_supported,
    printable_path,
    special_file_kind,
    suffix_of,
)

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
_READ_CHUNK = 1024 * 1024
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO swapped in after stat must not block
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)

# Signatures at offset 0, and what the user is told. Only signatures that no plain
# text starts with: "BM" or "MZ" could begin an article, and the control-character
# check catches such files anyway.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"\x1f\x8b", "GZIP archive"),
    (b"BZh91AY&SY", "BZIP2 archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Microsoft Office document"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xfd7zXZ\x00", "XZ archive"),
    (b"\x28\xb5\x2f\xfd", "Zstandard archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O binary"),
    (b"\x00asm", "WebAssembly module"),
    (b"OggS\x00", "Ogg media"),
    (b"fLaC\x00", "FLAC audio"),
    (b"ID3\x02", "MP3 audio"),
    (b"ID3\x03", "MP3 audio"),
    (b"ID3\x04", "MP3 audio"),
    (b"\x1a\x45\xdf\xa3", "Matroska/WebM video"),
)
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}
_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ZIP_MEMBERS = (
    ("word/document.xml", "DOCX document"),
    ("xl/workbook.xml", "XLSX spreadsheet"),
    ("ppt/presentation.xml", "PPTX presentation"),
)
_ZIP_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "ODT document",
    "application/vnd.oasis.opendocument.spreadsheet": "ODS spreadsheet",
    "application/vnd.oasis.opendocument.presentation": "ODP presentation",
    "application/epub+zip": "EPUB",
}
# C0 controls that real text does not contain. Tab, LF, VT, FF, CR, ESC (ISO-2022
# escapes) and the separators 0x1C-0x1F do occur in articles and are text.
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\x0b\x0c\r\x1b\x1c\x1d\x1e\x1f")
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES + b"\x7f")
# Over this share of such bytes (NUL included) the data is binary. Random or
# compressed bytes have about 9%; articles with stray controls well under 1%.
BINARY_CONTROL_SHARE = 0.05


def _zip_kind(data: bytes) -> str:
    import zipfile  # only for files that start like a ZIP archive

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                with archive.open("mimetype") as stream:
                    mimetype = stream.read(100).decode("ascii", "replace").strip()
                if mimetype in _ZIP_MIMETYPES:
                    return _ZIP_MIMETYPES[mimetype]
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError, KeyError):
        return "ZIP archive"
    for member_name, kind in _ZIP_MEMBERS:
        if member_name in names:
            return kind
    return "ZIP archive"


def magic_kind(data: bytes) -> str | None:
    """Name the file format announced by the first bytes ("PNG image"), if any."""
    if data.startswith(_ZIP_SIGNATURES):
        return _zip_kind(data)
    for signature, kind in _MAGIC:
        if data.startswith(signature):
            return kind
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    if data[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    return None


def binary_kind(data: bytes) -> str | None:
    """Name the kind of binary data ``data`` is, or None if it may be text.

    Known formats are named ("PNG image", "DOCX document"); otherwise data with
    many NUL bytes or other control characters is binary too. UTF-16/32 text is
    full of NUL bytes, ISO-2022-KR of SO/SI: they are recognised first
    (``core.text.encoding.evident_encoding``).
    """
    kind = magic_kind(data)
    if kind is not None or not data or evident_encoding(data) is not None:
        return kind
    controls = len(data.translate(None, _NOT_CONTROL))  # deletes all but the controls
    if controls > BINARY_CONTROL_SHARE * len(data):
        return "mostly NUL bytes" if data.count(0) * 2 > len(data) else "binary data"
    return None


def has_nul(document: Document) -> bool:
    """Whether the text holds a NUL character (kept as is; worth a warning)."""
    return "\0" in document.text


def _special_kind(mode: int) -> str:
    kind = special_file_kind(mode)
    return f"is {kind}, not a file" if kind else "is not a regular file"


def _os_reason(error: OSError) -> str:
    return error.strerror or error.__class__.__name__


def _stat(path: str, shown: str) -> os.stat_result:
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        if os.path.islink(path):
            raise FileMissingError(
                shown, "broken symbolic link (its target does not exist)"
            ) from None
        raise FileMissingError(shown, "no such file") from None
    except PermissionError as error:
        raise UnreadableError(shown, _os_reason(error)) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotAFileError(shown, "symbolic link loop") from None
        raise UnreadableError(shown, _os_reason(error)) from None
    except ValueError:  # an embedded NUL in the path
        raise FileMissingError(shown, "no such file (invalid name)") from None


def _read_bounded(path: str, shown: str, max_bytes: int) -> tuple[bytes, os.stat_result]:
    """Open read-only without blocking, check it is a regular file, read max+1 bytes."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise FileMissingError(shown, "the file vanished before it could be read") from None
    except OSError as error:
        raise UnreadableError(shown, _os_reason(error)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFileError(shown, _special_kind(info.st_mode))
        if info.st_size > max_bytes:
            raise TooLargeError(shown, info.st_size, max_bytes)
        chunks: list[bytes] = []
        remaining = max_bytes + 1  # one more than allowed reveals a file that grew
        while remaining > 0:
            chunk = os.read(fd, min(_READ_CHUNK, remaining))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as error:
        raise UnreadableError(shown, _os_reason(error)) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise TooLargeError(shown, len(data), max_bytes)
    return data, info


def load_document(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    any_suffix: bool = False,
    allow_binary: bool = False,
    options: ReadOptions | None = None,
) -> Document:
    """Read a text, Markdown, HTML or other document file as a ``Document``.

    The format is found from the content first (a Word file named ``.txt`` is read
    as Word) and the suffix second (``core.text.formats``).

    Args:
        path: the file; kept as given in ``Document.path``.
        encoding: a codec to use instead of detection ("reopen with encoding").
        max_bytes: larger files are refused before anything is read.
        any_suffix: read a file whose suffix is not a supported one, as text (a file
            with no suffix at all is read so always: ``core.text.names.is_bare``).
        allow_binary: skip the format and binary checks ("open as text anyway").
        options: how documents with more than one text are read (tracked changes).

    Returns:
        The decoded document; for ``.html``/``.htm`` the text is the article
        (``options.html_text``: ``all`` for all the visible text).

    Raises:
        FileMissingError: no such file, a broken link, or it vanished.
        NotAFileError: a folder, FIFO, socket, device or link loop.
        UnsupportedFileError: an unsupported suffix without ``any_suffix``.
        TooLargeError: over ``max_bytes`` (checked before reading).
        UnreadableError: the system refused (permission, I/O error).
        BinaryFileError: not text; ``file_type`` names the format when known.
        UnknownEncodingError: ``encoding`` is not a known text codec.
        DamagedDocumentError: a document format that cannot be read (a broken
            archive, a DTD, a zip bomb); the reason says which.
    """
    raw_path = os.fspath(path)
    shown = printable_path(raw_path)
    info = _stat(raw_path, shown)
    if not stat.S_ISREG(info.st_mode):
        raise NotAFileError(shown, _special_kind(info.st_mode))
    if not any_suffix and not is_supported(raw_path) and not is_bare(raw_path):
        wanted = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise UnsupportedFileError(shown, f"unsupported file type (Redline reads {wanted})")
    if info.st_size > max_bytes:
        raise TooLargeError(shown, info.st_size, max_bytes)
    data, info = _read_bounded(raw_path, shown, max_bytes)
    return _decoded_document(
        raw_path, data, info.st_mtime, encoding=encoding, allow_binary=allow_binary, options=options
    )


def document_from_bytes(
    data: bytes,
    path: str = "-",
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    mtime: float = 0.0,
) -> Document:
    """A document read from a stream (``-``, standard input): decoded as a file is.

    Args:
        data: the bytes read.
        path: the name shown for it (``-`` for standard input).
        encoding: a codec to use instead of detection.
        max_bytes: more bytes than this are refused.
        mtime: the modification time, if the stream has one (else 0).

    Raises:
        TooLargeError: over ``max_bytes``.
        BinaryFileError: not text.
        UnknownEncodingError: ``encoding`` is not a known text codec.
    """
    if len(data) > max_bytes:
        raise TooLargeError(printable_path(path), len(data), max_bytes)
    return _decoded_document(path, data, mtime, encoding=encoding, allow_binary=False)


def _decoded_document(
    raw_path: str,
    data: bytes,
    mtime: float,
    *,
    encoding: str | None,
    allow_binary: bool,
    options: ReadOptions | None = None,
) -> Document:
    """Decode the bytes read from ``raw_path`` into a ``Document`` (a known format by
    its reader)."""
    shown = printable_path(raw_path)
    if not allow_binary:
        kind = sniff(data, suffix_of(raw_path))
        if kind is not None:
            return _formatted(raw_path, shown, data, mtime, kind, options)
        # A chosen encoding says "this is text": only a known format is refused then.
        binary = binary_kind(data) if encoding is None else magic_kind(data)
        if binary is not None:
            raise BinaryFileError(shown, f"binary file ({binary})", binary)
    try:
        decoded = decode_bytes(data, encoding=encoding)
    except UnknownEncodingError as error:
        raise UnknownEncodingError(error.encoding, shown) from None
    html = is_html(raw_path)
    html_text = options.html_text if options is not None else "article"
    text = _visible_text(decoded.text, html_text) if html else decoded.text
    return Document(
        path=raw_path,
        text=text,
        encoding=decoded.encoding,
        confidence=decoded.confidence,
        sha256=sha256_hex(data),
        size=len(data),
        line_ending=detect_line_ending(text),
        bom=decoded.bom,
        decode_warning=decoded.decode_warning,
        source_kind="html" if html else "text",
        mtime=mtime,
        encoding_guess=decoded.guess,
    )


def _formatted(
    path: str,
    shown: str,
    data: bytes,
    mtime: float,
    kind: SourceKind,
    options: ReadOptions | None,
) -> Document:
    """A document read by its format's reader; its failure is one line."""
    try:
        extracted = read_format(kind, data, options)
    except FormatError as error:
        raise DamagedDocumentError(shown, error.reason) from None
    return Document(
        path=path,
        text=extracted.text,
        encoding=extracted.encoding,
        sha256=sha256_hex(data),
        size=len(data),
        line_ending=detect_line_ending(extracted.text),
        source_kind=extracted.kind,
        mtime=mtime,
        metadata=extracted.metadata,
        warnings=extracted.warnings,
    )


def document_from_text(text: str, path: str = "<text>") -> Document:
    """Wrap text already in memory as a ``Document`` (tests, pasted text).

    ``sha256`` and ``size`` are those of the text's UTF-8 bytes.
    """
    data = text.encode("utf-8", "surrogatepass")
    return Document(
        path=path,
        text=text,
        sha256=sha256_hex(data),
        size=len(data),
        line_ending=detect_line_ending(text),
    )


def _visible_text(markup: str, html_text: HtmlText) -> str:
    """A saved web page's article, or all its visible text (the parser loads only for
    HTML files)."""
    if html_text == "all":
        from core.text.html_text import html_to_text

        return html_to_text(markup)
    from core.text.html_article import article_text

    return article_text(markup)
