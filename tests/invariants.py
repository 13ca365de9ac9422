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


def _inside_word(text: str, pos: int) -> bool:
    """True when ``pos`` falls between two letters or digits of one word (a Han or
    kana character is a word of its own)."""
    if not (0 < pos < len(text) and text[pos - 1].isalnum() and text[pos].isalnum()):
        return False
    return not (_CJK.match(text, pos - 1) or _CJK.match(text, pos))


def check_invariants(result: Comparison) -> None:
    """Assert the contract's coverage, tiling, order and normalization rules."""
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
            if op.op == "equal":
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
