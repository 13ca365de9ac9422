"""A terminal diff in the spirit of dwdiff: ``[-deleted-]`` and ``{+inserted+}``.

One paragraph per row of whole sentences (the report's rows, ``core.engine.rows``),
numbered as in the HTML and PDF reports (``#12``), in the order of the new text.
The new text is printed as it is written: the words, the punctuation and the spaces
between them come from the new document (a run of whitespace holding a line break
reads as one space, since a row is one paragraph of output); only the markers are
added, a space before a deletion where the old text had one. Moved text is wrapped
in ``{>1 ...<}`` where it now stands, with its edits marked inside, and leaves
``[>1<]`` where it was (the same number at both places). Trivial differences print
the new spelling; control and zero-width characters are shown as ``<U+XXXX>``
inside differences. With ``context`` (changes only), runs of unchanged rows fold
into one line (``core.report.context``).
With colour: red deletions, green insertions, cyan moves, dim trivial differences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from core.engine.rows import Row, comparison_rows
from core.engine.tokens import count_words
from core.figures import similarity_text
from core.model import Block, Comparison
from core.report.context import changed_rows, visible_rows
from core.report.layout import move_numbers
from core.text.names import printable_path

_BROKEN = re.compile(r"\s*[\n\r\v\f\x85\u2028\u2029]\s*")


@dataclass(frozen=True, slots=True)
class TextStyle:
    """Markers and colours used by ``render_text``."""

    colour: bool = False

    def paint(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour else text


def _written(text: str) -> str:
    """Text as written, but a whitespace run holding a line break as one space."""
    return _BROKEN.sub(" ", text)


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


def _marked(text: str) -> str:
    """Text inside a marker: written, runs of whitespace single, controls visible."""
    return _visible(" ".join(text.split()))


def _deletion(old: str, span: tuple[int, int], style: TextStyle) -> str:
    return style.paint("31", f"[-{_marked(old[span[0] : span[1]])}-]")


_OPENING_MARKS = "\"'\u201c\u2018\u00ab([{"


def _opens_word(text: str, at: int, end: int) -> bool:
    """Whether ``text[at:end]`` starts with a word, or a quote mark or bracket opening
    one (``"The``, ``(The``)."""
    if at < end and text[at] in _OPENING_MARKS:
        at += 1
    return at < end and text[at].isalnum()


def _block_body(block: Block, old: str, new: str, style: TextStyle) -> str:
    """A block's new text as written with its edits marked (a deleted block: the old)."""
    if block.new is None:
        return _deletion(old, block.old, style) if block.old is not None else ""
    parts: list[str] = []
    cursor = block.new[0]
    ops = block.ops
    for k, op in enumerate(ops):
        if op.op == "delete" and op.old is not None:
            following = next((o.new[0] for o in ops[k + 1 :] if o.new is not None), block.new[1])
            gap = _written(new[cursor:following])
            cursor = max(cursor, following)
            spaced_before = op.old[0] > 0 and old[op.old[0] - 1].isspace()
            if gap and op.old[0] > 0 and not spaced_before and parts:
                # a cut glued to the word before it ("edgerton, sc.d. (april" ->
                # "edgerton (april"): marked against that word, the space after it
                parts.extend((_deletion(old, op.old, style), gap))
                continue
            parts.append(gap or (" " if spaced_before and parts else ""))
            parts.append(_deletion(old, op.old, style))
            spaced_after = op.old[1] < len(old) and old[op.old[1]].isspace()
            if gap or (spaced_after and _opens_word(new, following, block.new[1])):
                parts.append(" ")  # (a word cut before the sentence's first word)
            continue
        if op.new is None:
            continue
        if op.new[0] > cursor:
            parts.append(_written(new[cursor : op.new[0]]))
        text = new[op.new[0] : op.new[1]]
        if op.op == "insert":
            parts.append(style.paint("32", "{+" + _marked(text) + "+}"))
        elif op.exact:
            parts.append(_written(text))
        else:
            parts.append(style.paint("2", _visible(_written(text))))
        cursor = max(cursor, op.new[1])
    return "".join(parts).strip()


def _cut_after_space(block: Block, old: str) -> bool:
    """Whether the block opens with a cut that stood after a space in the old text
    (then it is set apart from the block before, as it was written)."""
    lead = block.ops[0] if block.ops else None
    if lead is None or lead.op != "delete" or lead.old is None:
        return False
    return lead.old[0] > 0 and old[lead.old[0] - 1].isspace()


def _row_text(result: Comparison, row: Row, moves: dict[int, int], style: TextStyle) -> str:
    """One row: its blocks in reading order, joined by the new text's own spacing."""
    old, new = result.old.text, result.new.text
    shown_new, moved = set(row.new), set(row.moved)
    parts: list[str] = []
    last_end: int | None = None
    touching = False  # the last part shown is a block of the new text
    old_end: int | None = None  # where the last block shown ends in the old text
    shown = sorted({*row.old, *row.new})
    origins = _origins(result, shown, shown_new & moved & set(row.old))
    for i in shown:
        block = result.blocks[i]
        for k in origins.get(i, ()):
            parts += [" " if parts else "", style.paint("36", f"[>{moves[k]}<]")]
            touching = False
        # Touching a cut shown just before, in the old text ("[-据希腊媒体报道，-]涉事列车"):
        # text without spaces, or a cut inside a word.
        after_cut = not touching and _touch(old, old_end, block.old)
        if i in shown_new and block.new is not None:
            body = _block_body(block, old, new, style)
            if i in moved:
                body = style.paint("36", "{>" + f"{moves[i]} ") + body + style.paint("36", "<}")
            gap = new[last_end : block.new[0]] if last_end is not None else ""
            if not parts or (not gap and touching and not _cut_after_space(block, old)):
                parts.append("")  # "fee<}." as written, not "fee<} ."
            elif after_cut and not gap:
                parts.append("")
            else:
                parts.append(" " if not gap.strip() else _written(gap))
            parts.append(body)
            last_end = block.new[1]
            old_end = block.old[1] if block.old is not None else None
            touching = True
            continue
        if block.new is None:
            joined = not parts or _touch(old, old_end, block.old)
            parts += ["" if joined else " ", _block_body(block, old, new, style)]
            old_end = block.old[1] if block.old is not None else None
        elif i in moved:  # where a moved block was
            parts += [" " if parts else "", style.paint("36", f"[>{moves[i]}<]")]
            old_end = None
        touching = False
    for k in origins.get(-1, ()):
        parts += [" " if parts else "", style.paint("36", f"[>{moves[k]}<]")]
    return "".join(parts)


def _origins(result: Comparison, shown: list[int], both: set[int]) -> dict[int, list[int]]:
    """Where to mark the old place of a block moved inside its row (``both``: shown at
    its new place in the row, its old place in the row too): before the first block of
    the row that stood after it in the old text (-1: at the row's end)."""
    out: dict[int, list[int]] = {}
    starts = {i: b.old[0] for i in shown if (b := result.blocks[i]).old is not None}
    for k in sorted(both):
        span = result.blocks[k].old
        if span is None:
            continue
        after = [i for i, start in starts.items() if i != k and i not in both and start >= span[1]]
        anchor = min(after, key=starts.__getitem__) if after else -1
        following = [i for i in shown if i > k and i not in both and i in starts]
        if anchor == (following[0] if following else -1):
            continue  # (its old place is where it is shown, past insertions: no marker)
        out.setdefault(anchor, []).append(k)
    return out


def _touch(old: str, end: int | None, span: tuple[int, int] | None) -> bool:
    """Whether a block of the old text at ``span`` follows the one ending at ``end``
    with nothing between them, not even the space a block keeps at its end."""
    return (
        end is not None
        and span is not None
        and span[0] == end
        and end > 0
        and not old[end - 1].isspace()
        and span[0] < len(old)
        and not old[span[0]].isspace()
    )


def _fold(result: Comparison, rows: Sequence[Row], start: int, end: int) -> str:
    words = sum(
        count_words(result.new.text[b.new[0] : b.new[1]])
        for row in rows[start:end]
        for b in (result.blocks[i] for i in row.new)
        if b.new is not None
    )
    n = end - start
    where = f"row {start + 1}" if n == 1 else f"rows {start + 1}\u2013{end}"
    noun = "sentence" if n == 1 else "sentences"
    return f"\u2026 {n:,} unchanged {noun}, {words:,} words ({where}) \u2026"


def render_text(result: Comparison, *, colour: bool = False, context: int | None = None) -> str:
    """The whole comparison as marked-up text, one numbered row per paragraph.

    Args:
        result: the comparison.
        colour: ANSI colours.
        context: show only the changed rows and this many rows around each (None:
            every row).
    """
    style = TextStyle(colour)
    s = result.stats
    lines = [
        f"--- {printable_path(result.old.path)}",
        f"+++ {printable_path(result.new.path)}",
        f"similarity {similarity_text(s.similarity)}; words: {s.deleted_words} deleted, "
        f"{s.inserted_words} inserted, {s.moved_words} moved"
        + ("; approximate" if result.approximate else ""),
        "",
    ]
    rows = comparison_rows(result)
    moves = move_numbers(rows)
    if context is None:
        items: list[int | tuple[int, int]] = list(range(len(rows)))
    else:
        items = visible_rows(changed_rows(result, rows), context)
    for item in items:
        if isinstance(item, tuple):
            lines += [style.paint("2", _fold(result, rows, *item)), ""]
            continue
        text = _row_text(result, rows[item], moves, style)
        if text:
            lines += [f"#{item + 1} {text}", ""]
    return "\n".join(lines)
