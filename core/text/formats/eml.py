"""E-mail (``.eml``): the message body, with its headers as metadata.

The standard library's ``email`` parser (modern policy) decodes transfer encodings
and charsets. The body is the plain-text part, or the visible text of the HTML part
when there is none (``core.text.html_text``). Subject, sender and date are the
title, author and date (ISO 8601). A message that holds only attachments is
refused with that reason.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
from email.message import EmailMessage, MIMEPart

from core.model import Metadata
from core.text.formats.base import Extracted, FormatError


def _content(part: MIMEPart) -> str:
    try:
        content = part.get_content()
    except (LookupError, ValueError, UnicodeError):  # an unknown or lying charset
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    return content if isinstance(content, str) else ""


def _date(message: EmailMessage) -> str:
    raw = str(message.get("Date", "") or "")
    try:
        return email.utils.parsedate_to_datetime(raw).isoformat() if raw else ""
    except (TypeError, ValueError, IndexError):
        return raw.strip()


def read_eml(data: bytes) -> Extracted:
    """The text of an e-mail message.

    Raises:
        FormatError: no text part (only attachments) or no message at all.
    """
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    if not message.keys():
        raise FormatError("not an e-mail message (no headers)")
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        attachments = sum(1 for _ in message.iter_attachments())
        if attachments:
            raise FormatError(f"an e-mail with only attachments ({attachments}), no text to read")
        raise FormatError("an e-mail with no text part")
    text = _content(body)
    if body.get_content_subtype() == "html":
        from core.text.html_text import html_to_text

        text = html_to_text(text)
    metadata = Metadata(
        str(message.get("Subject", "") or "").strip(),
        str(message.get("From", "") or "").strip(),
        _date(message),
    )
    return Extracted(
        text.replace("\r\n", "\n"), "eml", metadata, (), body.get_content_charset() or "utf-8"
    )
