"""Checks every comparison must pass, whatever the input (the contract's rules)."""

from __future__ import annotations

import itertools
import re

from core.engine.tokens import CJK_CHARS, tokenize
from core.model import Comparison, Span

# A line broken after a hyphen ("al-\nnusra") is layout, as in the engine.
_WRAPPED_HYPHEN = re.compile(r"(?<=[-\u2010\u2011])[^\S\r\n]*(?:\r\n?|[\n\x85\u2028])\s*")


def _layout_free(raw: str) -> str:
    return " ".join(_WRAPPED_HYPHEN.sub("", raw).split())


def _covered(spans: list[Span], text: str, side: str) -> None:
    spans = sorted(spans)
    cursor = 0
    for start, end in spans:
        assert 0 <= start < end <= len(text), f"{side} span {start, end} out of range"
        assert start >= cursor, f"{side} spans overlap at {start}"
        assert text[cursor:start].strip() == "", f"{side} text {text[cursor:start]!r} not covered"
        cursor = end
    assert text[cursor:].strip() == "", f"{side} tail {text[cursor:]!r} not covered"


def _keys(text: str, span: Span, fold: bool) -> tuple[str, ...]:
    return tokenize(text[span[0] : span[1]], fold_case=fold).keys


_CJK = re.compile(f"[{CJK_CHARS}]")
_VOICING = "\u3099\u309a\uff9e\uff9f"  # marks that stay with the kana before (ｶﾞ)


def _inside_word(text: str, pos: int) -> bool:
    """True when ``pos`` falls between two letters or digits of one word (a Han or
    kana character, with the voicing marks after a kana, is a word of its own)."""
    if not (0 < pos < len(text) and text[pos - 1].isalnum() and text[pos].isalnum()):
        return False
    at = pos - 1
    while at > 0 and text[at] in _VOICING:
        at -= 1
    return not (_CJK.match(text, at) or _CJK.match(text, pos))


def check_rows(result: Comparison) -> None:
    """Rows tile both texts' blocks in order, and no row side cuts a sentence."""
    from core.engine.blocks import unit_boundaries
    from core.engine.segment import segment
    from core.engine.tokens import attach_punctuation

    assert result.rows or not result.blocks
    for side, doc in (("old", result.old), ("new", result.new)):
        spans = [b.old if side == "old" else b.new for b in result.blocks]
        order = sorted((s[0], i) for i, s in enumerate(spans) if s is not None)
        shown = [i for r in result.rows for i in (r.old_blocks if side == "old" else r.new_blocks)]
        assert shown == [i for _, i in order], f"{side} rows do not tile the blocks in order"
        units = tokenize(doc.text, fold_case=False)
        if result.options.ignore_punctuation:  # the engine's units: marks attached
            units = attach_punctuation(units)
        raw = segment(doc.text).sentence_starts
        starts = {0, *(units.starts[k] for k in unit_boundaries(units.starts, raw))}
        for row in result.rows:
            members = row.old_blocks if side == "old" else row.new_blocks
            span = row.old if side == "old" else row.new
            if not members:
                assert span is None
                continue
            assert span == (spans[members[0]][0], spans[members[-1]][1])  # type: ignore[index]
            before = max(s for s in starts if s <= span[0])
            assert not doc.text[before : span[0]].strip(), f"{side} row starts mid-sentence"
            after = [s for s in sorted(starts) if s >= span[1]]
            end = after[0] if after else len(doc.text)
            assert not doc.text[span[1] : end].strip(), f"{side} row ends inside a sentence"


def check_invariants(result: Comparison) -> None:
    """Assert the contract's coverage, tiling, order and normalization rules, and
    that the rows are whole sentences (``check_rows``)."""
    check_rows(result)
    old, new = result.old.text, result.new.text
    _covered([b.old for b in result.blocks if b.old], old, "old")
    _covered([b.new for b in result.blocks if b.new], new, "new")
    new_starts = [b.new[0] for b in result.blocks if b.new]
    assert new_starts == sorted(new_starts), "blocks are not in the order of the new text"
    fold = result.options.ignore_case
    for block in result.blocks:
        assert block.kind in {"equal", "changed", "deleted", "inserted", "moved"}
        assert (block.old is None) == (block.kind == "inserted")
        assert (block.new is None) == (block.kind == "deleted")
        for side, span, text in (("old", block.old, old), ("new", block.new, new)):
            op_spans = [getattr(op, side) for op in block.ops if getattr(op, side)]
            if span is None:
                assert not op_spans
                continue
            assert op_spans == sorted(op_spans), f"{side} ops not in reading order"
            assert op_spans[0][0] == span[0] and op_spans[-1][1] == span[1]
            for (_, e1), (s2, _) in itertools.pairwise(op_spans):
                assert text[e1:s2].strip() == "", f"{side} ops do not tile the block"
        for op in block.ops:
            for span, text in ((op.old, old), (op.new, new)):
                if span is not None:
                    assert not _inside_word(text, span[0]), f"op starts inside a word at {span[0]}"
                    assert not _inside_word(text, span[1]), f"op ends inside a word at {span[1]}"
            if op.op == "equal" and (op.old[0] == op.old[1] or op.new[0] == op.new[1]):
                # Layout: a sentence-final mark against a line break (or the end).
                assert not op.exact
                mark = old[op.old[0] : op.old[1]] or new[op.new[0] : op.new[1]]
                assert set(mark) <= set(".!?\u2026\u3002\uff01\uff1f"), mark
            elif op.op == "equal":
                assert op.old and op.new
                if not result.options.ignore_punctuation:
                    assert _keys(old, op.old, fold) == _keys(new, op.new, fold)
                raw_old = _layout_free(old[op.old[0] : op.old[1]])
                raw_new = _layout_free(new[op.new[0] : op.new[1]])
                if op.exact:
                    assert raw_old == raw_new
            elif op.op == "delete":
                assert op.old and op.new is None
            else:
                assert op.new and op.old is None
    s = result.stats
    assert s.common_words + s.deleted_words == s.old_words
    total = s.old_words + s.new_words
    assert abs(s.similarity - (2 * s.common_words / total if total else 0.0)) < 1e-3
