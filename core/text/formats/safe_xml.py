"""Parsing XML from documents without trusting it.

A document's XML may declare a DTD with entities: external ones (``SYSTEM
"file:///etc/passwd"``) that a careless parser fetches, or nested ones that expand
to gigabytes ("billion laughs"). No format Redline reads needs a DTD, so any
``<!DOCTYPE`` before the root element is refused; without one, no entity can be
declared, and a reference to one is a parse error. The check runs expat up to the
root element only, so it costs nothing on large parts.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from xml.parsers import expat

from core.text.formats.base import FormatError


class _RootReached(Exception):
    pass


def _stop(*_args: object) -> None:
    raise _RootReached


def _refuse_doctype(*_args: object) -> None:
    raise FormatError("its XML declares a DTD (entities are never resolved)")


def check_no_doctype(data: bytes, part: str) -> None:
    """Refuse XML that declares a DTD before its root element.

    Raises:
        FormatError: a DOCTYPE is declared, or the XML is broken before its root.
    """
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    parser.StartElementHandler = _stop
    try:
        parser.Parse(data, True)
    except _RootReached:
        return
    except expat.ExpatError as error:
        raise FormatError(f"broken XML in {part} ({expat.ErrorString(error.code)})") from None
    raise FormatError(f"{part} holds no XML element")


def parse_xml(data: bytes, part: str) -> ET.Element:
    """Parse one XML part, refusing a DTD.

    Args:
        data: the part's bytes.
        part: its name, for messages (``word/document.xml``).

    Raises:
        FormatError: a DTD is declared or the XML is broken.
    """
    check_no_doctype(data, part)
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        raise FormatError(f"broken XML in {part} ({error})") from None
