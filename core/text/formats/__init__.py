"""Document formats other than plain text: which one a file is, and its text.

One module per format (``docx``), each giving an ``Extracted``: the text that a
comparison's offsets index (paragraphs separated by a blank line), the format,
metadata and warnings. ``sniff`` names the format from the content first and the
suffix second, so a Word file renamed ``.txt`` is read as Word, and a ``.docx``
that is not a ZIP archive is refused as a broken one. Parts of ZIP documents are
read with a bound on what they expand to (``archive``) and XML with DTDs refused
(``safe_xml``).

May import: the shared leaves (``core.model``, ``core.errors``) and ``core.text``
(decoding, the visible text of HTML); nothing else of ``core``.
"""

from __future__ import annotations

from core.model import SourceKind
from core.text.formats.base import Extracted, FormatError, ReadOptions

__all__ = ["FORMAT_NAMES", "Extracted", "FormatError", "ReadOptions", "read_format", "sniff"]

FORMAT_NAMES: dict[str, str] = {
    "text": "Text",
    "html": "HTML",
    "mhtml": "Web archive",
    "docx": "Word",
    "pdf": "PDF",
    "odt": "OpenDocument",
    "rtf": "RTF",
    "eml": "E-mail",
    "nitf": "NITF",
    "newsml": "NewsML-G2",
}
"""How each format is named to the user (the window's Format column)."""

_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
_BY_SUFFIX: dict[str, SourceKind] = {
    ".docx": "docx",
    ".pdf": "pdf",
    ".odt": "odt",
    ".rtf": "rtf",
    ".eml": "eml",
    ".mhtml": "mhtml",
    ".mht": "mhtml",
}
_XML_SUFFIXES = frozenset({".xml", ".nitf", ".newsml"})
DOCUMENT_SUFFIXES = frozenset(_BY_SUFFIX) | _XML_SUFFIXES
"""Suffixes read by a format reader (``core.text.names`` lists them as readable)."""


def _zip_kind(data: bytes) -> SourceKind | None:
    # The readers load only for such files: zipfile and XML are start-up time.
    from core.text.formats.archive import Archive
    from core.text.formats.docx import is_docx
    from core.text.formats.odt import is_odt

    try:
        archive = Archive(data)
        if is_docx(archive):
            return "docx"
        if is_odt(archive):
            return "odt"
    except FormatError:
        return None
    return None


def sniff(data: bytes, suffix: str) -> SourceKind | None:
    """The format reader for these bytes, or None to read them as text.

    Args:
        data: the file's bytes.
        suffix: its lower-cased suffix (``.docx``).
    """
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.lstrip(b"\xef\xbb\xbf").startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(_ZIP_SIGNATURES):
        found = _zip_kind(data)
        if found is not None:
            return found
    if suffix in _XML_SUFFIXES:
        from core.text.formats.newsxml import root_kind

        # Other XML is refused by the NewsML reader with that reason.
        return root_kind(data) or "newsml"
    return _BY_SUFFIX.get(suffix)


def read_format(kind: SourceKind, data: bytes, options: ReadOptions | None = None) -> Extracted:
    """Read ``data`` as format ``kind``.

    Raises:
        FormatError: the file cannot be read as that format; the reason is one line.
    """
    options = options or ReadOptions()
    if kind == "docx":
        from core.text.formats.archive import Archive
        from core.text.formats.docx import read_docx

        return read_docx(Archive(data), options.docx_revisions)
    if kind == "odt":
        from core.text.formats.archive import Archive
        from core.text.formats.odt import read_odt

        return read_odt(Archive(data))
    if kind == "eml":
        from core.text.formats.eml import read_eml

        return read_eml(data)
    if kind in ("nitf", "newsml"):
        from core.text.formats.newsxml import read_news_xml

        return read_news_xml(data, kind)
    if kind == "rtf":
        from core.text.formats.rtf import read_rtf

        return read_rtf(data)
    if kind == "mhtml":
        from core.text.formats.mhtml import read_mhtml

        return read_mhtml(data, options.html_text)
    if kind == "pdf":
        from core.text.formats.pdf import read_pdf

        return read_pdf(data)
    raise FormatError(f"no reader for {kind}")
