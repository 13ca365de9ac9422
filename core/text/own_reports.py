"""Reports Redline made: in a folder of versions they are no versions of the story.

An editor saves the report beside the articles it compares (the save dialog offers
their folder). Listed again, "wire vs edited.html" and ".pdf" became versions of the
story, and the PDF, which holds most of what the others say, was named its likely
original. ``made_by_redline`` tells them by the mark each report carries near its
start: the HTML reports' ``<meta name="generator" content="Redline ...">``, the PDF's
``/Creator (Redline)`` (Qt writes the document information first), the Word
document's ``<dc:creator>Redline</dc:creator>``. Only the first ``HEAD_BYTES`` are
read (the Word document's core properties, a small member, at most as many).

May import: the standard library only.
"""

from __future__ import annotations

import os
import zipfile

HEAD_BYTES = 4096

_HTML_MARK = b'<meta name="generator" content="Redline '
_PDF_MARKS = (b"/Creator (Redline)", b"/Creator (\xfe\xff" + "Redline".encode("utf-16-be") + b")")
_DOCX_MARK = b"<dc:creator>Redline</dc:creator>"


def made_by_redline(path: str) -> bool:
    """Whether the file at ``path`` is a report Redline wrote (HTML, PDF or Word); a
    file that cannot be read is not (its loading says why)."""
    suffix = os.path.splitext(path)[1].casefold()
    try:
        if suffix in (".html", ".htm", ".xhtml"):
            return _HTML_MARK in _head(path)
        if suffix == ".pdf":
            head = _head(path)
            return any(mark in head for mark in _PDF_MARKS)
        if suffix == ".docx":
            with zipfile.ZipFile(path) as archive, archive.open("docProps/core.xml") as member:
                return _DOCX_MARK in member.read(HEAD_BYTES)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, RuntimeError):
        return False
    return False


def _head(path: str) -> bytes:
    with open(path, "rb") as stream:
        return stream.read(HEAD_BYTES)
