"""Frozen result types of a comparison: documents in, blocks of word ops out.

Offsets are half-open ``(start, end)`` code-point indices into a document's decoded
text, exactly as ``comparison-json.md`` (version 1) defines them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Span = tuple[int, int]
OpKind = Literal["equal", "delete", "insert"]
BlockKind = Literal["equal", "changed", "deleted", "inserted", "moved"]
LineEnding = Literal["lf", "crlf", "cr", "mixed", "none"]
SourceKind = Literal["text", "html", "mhtml", "docx", "pdf", "odt", "rtf", "eml", "nitf", "newsml"]


@dataclass(frozen=True, slots=True)
class DecodeWarning:
    """Bytes that were replaced while decoding (never silently).

    Attributes:
        count: how many bytes could not be decoded and were replaced by U+FFFD.
        first_offset: byte offset of the first one in the file.
    """

    count: int
    first_offset: int


@dataclass(frozen=True, slots=True)
class EncodingGuess:
    """What a guessed encoding rests on, for the warning shown with it.

    Attributes:
        runner_up: the detector's next choice (a Python codec name), ``""`` if none.
        runner_up_confidence: its confidence.
        non_ascii_bytes: how many bytes outside ASCII the guess was made from.
        first_non_ascii: byte offset of the first of them, -1 if none.
    """

    runner_up: str = ""
    runner_up_confidence: float = 0.0
    non_ascii_bytes: int = 0
    first_non_ascii: int = -1


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a document says about itself, where its format has it (``""`` otherwise).

    Attributes:
        title: the title (DOCX/ODT core properties, an e-mail's subject, a headline).
        author: the author or sender (a wire story's byline).
        date: the date as the document gives it (ISO 8601 where the format has it).
    """

    title: str = ""
    author: str = ""
    date: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded document. ``text`` is kept exactly as decoded; offsets index it.

    Attributes:
        path: the path as the user gave it (shown in messages and reports).
        text: the decoded text (for HTML: the visible text).
        encoding: the codec used, e.g. ``"utf-8"``, ``"windows-1252"``.
        confidence: 1.0 for a BOM or valid UTF-8, else the detector's confidence.
        sha256: hex digest of the file's bytes.
        size: size of the file in bytes.
        line_ending: the line-ending style of the text.
        bom: whether the bytes started with a byte-order mark.
        decode_warning: replaced bytes, if any.
        source_kind: the format read: ``"text"``, ``"html"``, ``"mhtml"``, ``"docx"``, ``"pdf"``,
            ``"odt"``, ``"rtf"``, ``"eml"``, ``"nitf"`` or ``"newsml"``.
        mtime: modification time of the file (seconds since the epoch), 0 if none.
        encoding_guess: for an encoding guessed by the detector, what the guess
            rests on (the runner-up, the bytes outside ASCII); None otherwise.
        metadata: title, author and date, where the format has them.
        warnings: what the reader did that the user should know (tracked changes
            read as accepted), one sentence each, without the path.
    """

    path: str
    text: str
    encoding: str = "utf-8"
    confidence: float = 1.0
    sha256: str = ""
    size: int = 0
    line_ending: LineEnding = "none"
    bom: bool = False
    decode_warning: DecodeWarning | None = None
    source_kind: SourceKind = "text"
    mtime: float = 0.0
    encoding_guess: EncodingGuess | None = None
    metadata: Metadata = field(default_factory=Metadata)
    warnings: tuple[str, ...] = ()

    @property
    def length(self) -> int:
        """Number of code points in ``text``."""
        return len(self.text)


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """What counts as a difference.

    Attributes:
        ignore_case: fold case before matching (differences then show as trivial).
        ignore_punctuation: punctuation-only differences count as trivial.
    """

    ignore_case: bool = True
    ignore_punctuation: bool = False


# A comparison's many small frozen objects (ops, blocks, rows) pickle as their class
# and fields (``__reduce__``): a frozen slotted dataclass's own pickling reads
# ``dataclasses.fields`` again for every object (the window's engine child sent the
# 1 MB heavy pair in 0.12 s and it was unpickled in 0.27 s; by fields, 0.03 and 0.17 s).


@dataclass(frozen=True, slots=True)
class Op:
    """One word-level operation inside a block.

    ``equal`` ops have both spans; ``exact`` is False when the raw texts differ in a
    way the normalization removes (a trivial difference). ``delete`` has only ``old``,
    ``insert`` only ``new``.
    """

    op: OpKind
    old: Span | None
    new: Span | None
    exact: bool = True

    def __reduce__(self) -> tuple[type[Op], tuple[object, ...]]:
        return Op, (self.op, self.old, self.new, self.exact)


@dataclass(frozen=True, slots=True)
class Block:
    """A run of sentences of old aligned with a run of sentences of new.

    ``kind`` is ``equal``, ``changed``, ``deleted`` (old only), ``inserted`` (new
    only) or ``moved`` (the two spans stand at different places). ``approximate``
    marks a block whose word ops come from a bounded, not optimal, diff.
    """

    kind: BlockKind
    old: Span | None
    new: Span | None
    ops: tuple[Op, ...]
    approximate: bool = False

    def __reduce__(self) -> tuple[type[Block], tuple[object, ...]]:
        return Block, (self.kind, self.old, self.new, self.ops, self.approximate)


@dataclass(frozen=True, slots=True)
class SentenceRow:
    """One side-by-side row: whole sentences of old beside whole sentences of new.

    Attributes:
        old: the old span the row shows (first block start to last block end), or None.
        new: the new span, or None.
        old_blocks: indices of the blocks whose old span is shown, in old order.
        new_blocks: indices of the blocks whose new span is shown, in new order.
    """

    old: Span | None
    new: Span | None
    old_blocks: tuple[int, ...]
    new_blocks: tuple[int, ...]

    def __reduce__(self) -> tuple[type[SentenceRow], tuple[object, ...]]:
        return SentenceRow, (self.old, self.new, self.old_blocks, self.new_blocks)

    @property
    def blocks(self) -> tuple[int, ...]:
        """Every block with a part in the row, in the engine's (reading) order."""
        return tuple(sorted({*self.old_blocks, *self.new_blocks}))


@dataclass(frozen=True, slots=True)
class Stats:
    """Word statistics as ``comparison-json.md`` defines them."""

    similarity: float
    old_words: int
    new_words: int
    common_words: int
    deleted_words: int
    inserted_words: int
    moved_words: int


@dataclass(frozen=True, slots=True)
class Comparison:
    """The frozen result of ``core.engine.compare.compare``."""

    old: Document
    new: Document
    options: CompareOptions
    stats: Stats
    blocks: tuple[Block, ...]
    approximate: bool = False
    elapsed: float = field(default=0.0, compare=False)
    rows: tuple[SentenceRow, ...] = ()

    @property
    def identical(self) -> bool:
        """True when no block holds a difference that counts (trivial ones do not)."""
        return all(b.kind == "equal" for b in self.blocks)
