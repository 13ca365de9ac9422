"""Web pages saved as one file (``.mhtml``, ``.mht``: "Webpage, single file").

A MIME ``multipart/related`` message (RFC 2557) whose first ``text/html`` part is
the page; images and style sheets ride along as further parts and are not read.
The standard library's ``email`` parser decodes the transfer encoding (usually
quoted-printable) and the charset it names (without one, as Chrome writes it, the
bytes are decoded as a file's are: ``core.text.encoding``); the page is then read
as a saved ``.html`` file is: its article, or all its visible text
(``ReadOptions.html_text``). Its title is the ``Subject`` header. A file without an
HTML part is refused with that reason.
"""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage, MIMEPart

from core.model import Metadata
from core.text.encoding import decode_bytes
from core.text.formats.base import Extracted, FormatError, HtmlText


def _html_part(message: EmailMessage) -> MIMEPart | None:
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return part
    return None


def read_mhtml(data: bytes, html_text: HtmlText = "article") -> Extracted:
    """The text of a web page saved as MHTML.

    Raises:
        FormatError: not a MIME message, or no HTML part in it.
    """
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    if not message.keys():
        raise FormatError("not a saved web page (no MIME headers)")
    part = _html_part(message)
    if part is None:
        raise FormatError("a web archive without an HTML page in it")
    charset = part.get_content_charset()
    if charset is None:  # Chrome writes none: the page's bytes are decoded as a file's
        payload = part.get_payload(decode=True)
        decoded = decode_bytes(payload if isinstance(payload, bytes) else b"")
        markup, charset = decoded.text, decoded.encoding
    else:
        try:
            markup = part.get_content()
        except (LookupError, ValueError, UnicodeError):  # an unknown or lying charset
            payload = part.get_payload(decode=True)
            markup = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if not isinstance(markup, str):
        markup = ""
    if html_text == "all":
        from core.text.html_text import html_to_text

        text = html_to_text(markup)
    else:
        from core.text.html_article import article_text

        text = article_text(markup)
    metadata = Metadata(str(message.get("Subject", "") or "").strip(), "", "")
    return Extracted(text.replace("\r\n", "\n"), "mhtml", metadata, (), charset)
