"""File names: which ones Redline reads, and how to show any of them safely.

A path may hold bytes that are not valid UTF-8 (Python carries them as lone
surrogates), newlines, terminal escapes or bidi overrides. ``printable_path`` turns
any of them into one line of visible text; markup and quotes are kept literally,
because escaping for HTML is the report writer's job.
"""

from __future__ import annotations

import os
import stat

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
# Read by ``core.text.formats`` (kept in step with its readers by a test).
DOCUMENT_SUFFIXES = frozenset(
    {".docx", ".pdf", ".odt", ".rtf", ".eml", ".mhtml", ".mht", ".xml", ".nitf", ".newsml"}
)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DOCUMENT_SUFFIXES

# Invisible characters that reorder or hide what follows ("Trojan Source").
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def suffix_of(path: str | os.PathLike[str]) -> str:
    """Return the lower-cased suffix of the last path component (``""`` if none)."""
    return os.path.splitext(os.fspath(path))[1].lower()


def is_supported(path: str | os.PathLike[str]) -> bool:
    """Whether the name has one of the suffixes Redline reads (case-insensitive)."""
    return suffix_of(path) in SUPPORTED_SUFFIXES


def is_bare(path: str | os.PathLike[str]) -> bool:
    """Whether the name has no suffix at all and is not hidden (``AP-BAGHDAD-0611``,
    ``README``): wire copy is often saved so; such a file is read when it holds text."""
    name = os.path.basename(os.fspath(path))
    return bool(name) and not name.startswith(".") and suffix_of(name) == ""


def is_html(path: str | os.PathLike[str]) -> bool:
    """Whether the name is read as HTML (``.html`` / ``.htm``)."""
    return suffix_of(path) in HTML_SUFFIXES


def _escape_char(char: str) -> str:
    code = ord(char)
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    if 0xDC80 <= code <= 0xDCFF:
        # An undecodable byte of the original name, carried by surrogateescape.
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def _needs_escape(char: str) -> bool:
    code = ord(char)
    return (
        code < 0x20
        or 0x7F <= code <= 0x9F
        or 0xD800 <= code <= 0xDFFF
        or code in (0x2028, 0x2029)
        or char in _BIDI_CONTROLS
    )


def printable_path(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """Return ``path`` as one line of visible text, for messages and reports.

    Control characters (including newlines), line and paragraph separators, bidi
    controls and bytes that were not valid in the file system encoding are written
    as backslash escapes (``\\n``, ``\\x1b``, ``\\xff``, ``\\u202e``); everything
    else, including markup and quotes, is kept as it is.

    Args:
        path: a path as ``str``, ``bytes`` or path-like object.

    Returns:
        A string with no control characters.
    """
    text = os.fsdecode(path)
    if not any(_needs_escape(char) for char in text):
        return text
    return "".join(_escape_char(char) if _needs_escape(char) else char for char in text)


def visible_text(text: str) -> str:
    """``text`` with line breaks and tabs kept, every other control made visible.

    For text put where a control character must not go raw (an HTML attribute, a
    tooltip): NUL, ESC, DEL, C1 controls, separators and bidi overrides become the
    same backslash escapes as in ``printable_path``.
    """
    if not any(_needs_escape(char) and char not in "\n\t" for char in text):
        return text
    return "".join(
        _escape_char(char) if _needs_escape(char) and char not in "\n\t" else char for char in text
    )


def path_fields(path: str, key: str = "path") -> dict[str, str]:
    """A path for a JSON report: ``{key: path}``, valid UTF-8 and safe to print.

    A name shown exactly by ``printable_path`` is given as it is. Any other (bytes
    that are not UTF-8, as ``caf\\xe9.txt`` from a Latin-1 disk; a newline, an
    escape sequence or a bidi override) is given as ``printable_path`` shows it,
    with ``key + "_bytes"``: the name's exact bytes in hexadecimal.
    """
    shown = printable_path(path)
    if shown == path:
        return {key: path}
    raw = path.encode("utf-8", "surrogateescape" if _only_escaped(path) else "surrogatepass")
    return {key: shown, f"{key}_bytes": raw.hex()}


def _only_escaped(text: str) -> bool:
    """Whether every surrogate in ``text`` is an undecodable byte (surrogateescape)."""
    return all(not 0xD800 <= ord(c) <= 0xDFFF or 0xDC80 <= ord(c) <= 0xDCFF for c in text)


def special_file_kind(mode: int) -> str | None:
    """What a non-regular file is, for messages ("a FIFO (named pipe)"), or None."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return None
