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
    "docx": "Word",
    "pdf": "PDF",
}
"""How each format is named to the user (the window's Format column)."""

_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
_BY_SUFFIX: dict[str, SourceKind] = {".docx": "docx", ".pdf": "pdf"}
DOCUMENT_SUFFIXES = frozenset(_BY_SUFFIX)
"""Suffixes read by a format reader (``core.text.names`` lists them as readable)."""


def _zip_kind(data: bytes) -> SourceKind | None:
    # The readers load only for such files: zipfile and XML are start-up time.
    from core.text.formats.archive import Archive
    from core.text.formats.docx import is_docx

    try:
        archive = Archive(data)
        if is_docx(archive):
            return "docx"
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
    if data.startswith(_ZIP_SIGNATURES):
        found = _zip_kind(data)
        if found is not None:
            return found
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
    if kind == "pdf":
        from core.text.formats.pdf import read_pdf

        return read_pdf(data)
    raise FormatError(f"no reader for {kind}")
