"""What every reader gives back, and the one way a reader says it cannot read a file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from core.model import Metadata, SourceKind

DocxRevisions = Literal["current", "original"]
HtmlText = Literal["article", "all"]


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How documents with more than one possible text are read.

    Attributes:
        docx_revisions: ``current`` reads a Word document's tracked changes as
            accepted, ``original`` as rejected.
        html_text: ``article`` reads a saved web page as its article (headline,
            byline, body: ``core.text.html_article``), ``all`` as all its visible text.
    """

    docx_revisions: DocxRevisions = "current"
    html_text: HtmlText = "article"


@dataclass(frozen=True, slots=True)
class Extracted:
    """The text a reader took out of a file, with what the file says about itself.

    Attributes:
        text: paragraphs separated by a blank line; offsets of a comparison index it.
        kind: the format read.
        metadata: title, author, date.
        warnings: one sentence each, without the path.
        encoding: the character encoding the text was stored in.
    """

    text: str
    kind: SourceKind
    metadata: Metadata = field(default_factory=Metadata)
    warnings: tuple[str, ...] = ()
    encoding: str = "utf-8"


class FormatError(Exception):
    """A reader cannot read the file; ``reason`` is one line without the path."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def join_paragraphs(paragraphs: list[str]) -> str:
    """Paragraphs as text: blank-line separated, empty ones and edge spaces dropped."""
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())
