"""A terminal diff in the spirit of dwdiff: ``[-deleted-]`` and ``{+inserted+}``.

One paragraph per row of whole sentences (``Comparison.rows``), in the order of the
new text, whitespace collapsed. Moved
text is wrapped in ``{>...<}`` where it now stands, with its edits marked inside.
Trivial differences print the new spelling; control and zero-width characters are
shown as ``<U+XXXX>`` inside differences.
With colour: red deletions, green insertions, cyan moves, dim trivial differences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.engine.tokens import CJK_CHARS
from core.figures import similarity_text
from core.model import Block, Comparison, SentenceRow
from core.text.names import printable_path

_SPACE = re.compile(r"\s+")
# Han, kana and full-width punctuation: parts of text written without spaces are
# joined without one ("我们今天[-公-]{+发+}布了").
_UNSPACED = re.compile(f"[{CJK_CHARS}\u3000-\u303f\uff00-\uffef]")


@dataclass(frozen=True, slots=True)
class TextStyle:
    """Markers and colours used by ``render_text``."""

    colour: bool = False

    def paint(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour else text


def _flat(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _visible(text: str) -> str:
    """Make control and zero-width characters visible (they would hide in a terminal)."""
    out = []
    for ch in text:
        cp = ord(ch)
        if (
            cp < 0x20
            or 0x7F <= cp < 0xA0
            or ch in "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
            or (0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069)
        ):
            out.append(f"<U+{cp:04X}>")
        else:
            out.append(ch)
    return "".join(out)


def _block_text(block: Block, old: str, new: str, style: TextStyle) -> str:
    parts: list[str] = []
    previous = ""
    for op in block.ops:
        if op.op == "delete" and op.old is not None:
            text = _flat(old[op.old[0] : op.old[1]])
            part = style.paint("31", f"[-{_visible(text)}-]")
        elif op.op == "insert" and op.new is not None:
            text = _flat(new[op.new[0] : op.new[1]])
            part = style.paint("32", "{+" + _visible(text) + "+}")
        elif op.new is not None:
            text = _flat(new[op.new[0] : op.new[1]])
            part = text if op.exact else style.paint("2", _visible(text))
        else:
            continue
        if parts and not (_UNSPACED.match(previous[-1:]) and _UNSPACED.match(text[:1])):
            parts.append(" ")
        parts.append(part)
        previous = text
    body = "".join(parts)
    if block.kind == "moved":
        return style.paint("36", "{>") + body + style.paint("36", "<}")
    return body


def render_text(result: Comparison, *, colour: bool = False) -> str:
    """The whole comparison as marked-up text, one row of sentences per paragraph."""
    style = TextStyle(colour)
    old, new = result.old.text, result.new.text
    s = result.stats
    lines = [
        f"--- {printable_path(result.old.path)}",
        f"+++ {printable_path(result.new.path)}",
        f"similarity {similarity_text(s.similarity)}; words: {s.deleted_words} deleted, "
        f"{s.inserted_words} inserted, {s.moved_words} moved"
        + ("; approximate" if result.approximate else ""),
        "",
    ]
    for row in result.rows or _block_rows(result):
        shown = set(row.new_blocks)
        parts = [
            _block_text(result.blocks[i], old, new, style)
            for i in row.blocks
            if i in shown or result.blocks[i].new is None
        ]
        if parts:
            lines.append(" ".join(parts))
            lines.append("")
    return "\n".join(lines)


def _block_rows(result: Comparison) -> tuple[SentenceRow, ...]:
    """One row per block, for a comparison made without rows."""
    return tuple(
        SentenceRow(b.old, b.new, (i,) if b.old else (), (i,) if b.new else ())
        for i, b in enumerate(result.blocks)
    )
