"""The comparison JSON contract (``comparison-json.md``, version 1).

Only the fields of the contract, plus additions the contract allows: per document
``path_bytes`` (the name's bytes in hexadecimal when ``path`` had to be made
printable: not UTF-8, or holding controls or bidi overrides), ``confidence``,
``size``, ``decode_warning`` and ``encoding_runner_up`` (the detector's next choice,
for a guessed encoding); ``approximate`` at the top and on
the blocks it concerns; ``flags``, the risky edits (``core.flags.detect``), each with its
kind, block index, the old and new spans it covers (from the first to the last
changed word; null for a side with no changed word) and its explanation;
``annotations`` (each with its note, tag, status and anchors; an anchor that
re-anchoring placed on text like its quote but not equal to it has
``placed_approximately``) when the caller asks for them; ``rows``, the side-by-side
rows of whole sentences (``docs/comparison-json.md``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from core.gcpause import collector_paused
from core.model import Block, Comparison, Document, Op, SentenceRow, Span
from core.text.names import path_fields

if TYPE_CHECKING:
    from core.flags.detect import Flag
    from core.notes.annotation import Annotation

FORMAT = "redline-comparison"
VERSION = 1


def _document(doc: Document) -> dict[str, Any]:
    out: dict[str, Any] = {
        **path_fields(doc.path),
        "encoding": doc.encoding,
        "sha256": doc.sha256,
        "length": doc.length,
        "confidence": round(doc.confidence, 3),
        "size": doc.size,
    }
    guess = doc.encoding_guess
    if guess is not None and guess.runner_up:
        out["encoding_runner_up"] = guess.runner_up
    if doc.decode_warning is not None:
        out["decode_warning"] = {
            "replaced_bytes": doc.decode_warning.count,
            "first_offset": doc.decode_warning.first_offset,
        }
    return out


def _op(op: Op) -> dict[str, Any]:
    out: dict[str, Any] = {
        "op": op.op,
        "old": list(op.old) if op.old is not None else None,
        "new": list(op.new) if op.new is not None else None,
    }
    if op.op == "equal":
        out["exact"] = op.exact
    return out


def _block(block: Block) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": block.kind,
        "old": list(block.old) if block.old is not None else None,
        "new": list(block.new) if block.new is not None else None,
        "ops": [_op(op) for op in block.ops],
    }
    if block.approximate:
        out["approximate"] = True
    return out


def _row(row: SentenceRow) -> dict[str, Any]:
    return {
        "old": list(row.old) if row.old is not None else None,
        "new": list(row.new) if row.new is not None else None,
        "blocks": list(row.blocks),
    }


def _covering(spans: tuple[Span, ...]) -> list[int] | None:
    return [min(s for s, _ in spans), max(e for _, e in spans)] if spans else None


def _flag(flag: Flag) -> dict[str, Any]:
    out = {
        "kind": flag.kind,
        "block": flag.block,
        "old": _covering(flag.old),
        "new": _covering(flag.new),
        "explanation": flag.explanation,
    }
    if flag.hedge:
        out["hedge"] = True  # (an added field: a statement's doubt, no source, changed)
    return out


def _annotation_dict(a: Annotation) -> dict[str, Any]:
    # The exchange format's fields (core.notes.exchange), plus the store's row id.
    from core.notes.exchange import annotation_to_dict

    out = {"id": a.id, **annotation_to_dict(a)}
    for side, anchor in (("old", a.old), ("new", a.new)):
        if anchor is not None and anchor.approximate and out.get(side):
            out[side]["placed_approximately"] = True
    return out


def comparison_to_dict(
    result: Comparison, annotations: Sequence[Annotation] | None = None
) -> dict[str, Any]:
    """The contract's object for one comparison (with ``annotations`` if given)."""
    out = _head(result)
    out["blocks"] = [_block(b) for b in result.blocks]
    out["rows"] = [_row(r) for r in result.rows]
    out.update(_tail(result, annotations, show_flags=True))
    return out


def _head(result: Comparison) -> dict[str, Any]:
    """The fields before ``blocks``, in the contract's order."""
    s = result.stats
    return {
        "format": FORMAT,
        "version": VERSION,
        "old": _document(result.old),
        "new": _document(result.new),
        "options": {
            "ignore_case": result.options.ignore_case,
            "ignore_punctuation": result.options.ignore_punctuation,
        },
        "stats": {
            "similarity": s.similarity,
            "old_words": s.old_words,
            "new_words": s.new_words,
            "common_words": s.common_words,
            "deleted_words": s.deleted_words,
            "inserted_words": s.inserted_words,
            "moved_words": s.moved_words,
        },
        "approximate": result.approximate,
    }


def _tail(
    result: Comparison,
    annotations: Sequence[Annotation] | None,
    show_flags: bool = True,
    context: int | None = None,
) -> dict[str, Any]:
    """The fields after ``blocks`` and ``rows``."""
    out: dict[str, Any] = {}
    if show_flags:
        out["flags"] = [_flag(f) for f in _flags(result)]
    if annotations is not None:
        out["annotations"] = [_annotation_dict(a) for a in annotations]
    if context is not None:
        out["context"] = _context(result, context)
    return out


def _context(result: Comparison, context: int) -> dict[str, Any]:
    """``--changes-only`` in JSON: the blocks and rows stay complete (the contract);
    this names the runs of ``rows`` a changes-only reader folds."""
    from core.engine.rows import comparison_rows
    from core.report.context import folded_runs

    runs = folded_runs(result, comparison_rows(result), context)
    return {"sentences": context, "folded": [list(run) for run in runs]}


def comparison_to_json(
    result: Comparison,
    annotations: Sequence[Annotation] | None = None,
    show_flags: bool = True,
    *,
    context: int | None = None,
) -> str:
    """The contract's JSON text (UTF-8 safe, non-ASCII kept as is); without the added
    ``flags`` field when ``show_flags`` is False.

    Compact, because only the compact form uses the C encoder: ``indent`` made a
    1 MB pair's report take 0.5 s to write (pipe it through ``python -m json.tool``
    to read it). With ``context`` (changes only), a ``context`` object names the
    rows a reader folds; every block and row is still there. The blocks and rows,
    nothing but fixed words, numbers and booleans, are written directly: the same
    text as ``json.dumps`` gives, in half the time (10 ms instead of 22 ms for the
    1 MB pair's 6,300 blocks).
    """
    return "".join(_text_parts(result, annotations, show_flags, context))


def comparison_json_parts(
    result: Comparison,
    annotations: Sequence[Annotation] | None = None,
    show_flags: bool = True,
    *,
    context: int | None = None,
) -> Iterator[bytes]:
    """``comparison_to_json``'s text as UTF-8, in two parts: everything up to the rows
    first, then the fields after them (the flags): a caller writing the first while
    the second is made (``redline compare --format json``) neither joins nor encodes
    the megabytes of blocks once the flags are done."""
    for part in _text_parts(result, annotations, show_flags, context):
        yield part.encode("utf-8")


def _text_parts(
    result: Comparison,
    annotations: Sequence[Annotation] | None,
    show_flags: bool,
    context: int | None,
) -> Iterator[str]:
    with collector_paused():
        head = json.dumps(_head(result), ensure_ascii=False, separators=(",", ":"))
        # The blocks and rows first: flags begun in a child (``flags_ahead``) go on
        # meanwhile.
        yield f"{head[:-1]},{_blocks_and_rows(result)}"
    with collector_paused():
        tail = json.dumps(
            _tail(result, annotations, show_flags, context),
            ensure_ascii=False,
            separators=(",", ":"),
        )
    yield (f",{tail[1:]}" if tail != "{}" else "}") + "\n"


def _blocks_and_rows(result: Comparison) -> str:
    return blocks_and_rows(result.blocks, result.rows)


def blocks_and_rows_in_python(blocks: Sequence[Block], rows: Sequence[SentenceRow]) -> str:
    """The ``"blocks":[...],"rows":[...]`` fields as compact JSON text (``contract_json.c``
    on the compiled path: the same text, 33 ms -> 3 ms for a 1 MB pair's 10,000 blocks
    and rows)."""
    written = ",".join(map(_block_json, blocks)), ",".join(map(_row_json, rows))
    return f'"blocks":[{written[0]}],"rows":[{written[1]}]'


blocks_and_rows: Callable[[Sequence[Block], Sequence[SentenceRow]], str]
try:
    # The compiled path's (``core/engine/contract_json.c``, built by ``make native``).
    from core.engine.contract_json import blocks_and_rows
except ImportError:
    blocks_and_rows = blocks_and_rows_in_python


def _row_json(row: SentenceRow) -> str:
    """``_row(row)`` as compact JSON text."""
    blocks = ",".join(map(str, row.blocks))
    return f'{{"old":{_span_json(row.old)},"new":{_span_json(row.new)},"blocks":[{blocks}]}}'


def _span_json(span: Span | None) -> str:
    return "null" if span is None else f"[{span[0]},{span[1]}]"


def _op_json(op: Op) -> str:
    sides = f'"old":{_span_json(op.old)},"new":{_span_json(op.new)}'
    if op.op == "equal":
        return f'{{"op":"equal",{sides},"exact":{"true" if op.exact else "false"}}}'
    return f'{{"op":"{op.op}",{sides}}}'


def _block_json(block: Block) -> str:
    """``_block(block)`` as compact JSON text."""
    ops = ",".join(map(_op_json, block.ops))
    approximate = ',"approximate":true' if block.approximate else ""
    return (
        f'{{"kind":"{block.kind}","old":{_span_json(block.old)},'
        f'"new":{_span_json(block.new)},"ops":[{ops}]{approximate}}}'
    )


def _flags(result: Comparison) -> tuple[Flag, ...]:
    from core.flags.detect import (
        flag_comparison,  # loads with the first comparison, not at start-up
    )

    return flag_comparison(result)
