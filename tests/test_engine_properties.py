"""Property tests on generated article variants (real sentences, known edits).

Thresholds come from measuring 300 seeded variants (6-20 sentences, 1-6 edits
each, random layouts): mean precision of kept words 0.99999, mean recall 0.998,
worst single example precision 1.0 and recall 0.877 (a sentence both moved and
merged into another one, which the move detector does not split out). The
assertions leave a margin under those: per example precision 0.9 and recall 0.7
on articles of 6-14 sentences, mean precision 0.995 and recall 0.985. Short
articles (2-5 sentences) are still checked for the contract's invariants and for
layout independence.
"""

from __future__ import annotations

import random
import re
import textwrap

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.engine.compare import compare
from core.model import Comparison, Document
from tests.article_gen import WORD, apply_edit, layout, sentence_pool, tokens_of, word_ids
from tests.invariants import check_invariants

POOL = sentence_pool()
EDIT_KINDS = ("delete", "insert", "substitute", "move", "merge", "split")
LAYOUTS = ("one-line", "sentence-per-line", "wrapped")

edits = st.lists(
    st.tuples(st.sampled_from(EDIT_KINDS), st.integers(0, 10_000), st.integers(0, 10_000)),
    min_size=0,
    max_size=6,
)


TERMINATED = sentence_pool(terminated=True)


def _variant(indices: list[int], edit_list, old_style: str, new_style: str, pool=POOL):
    old = []
    next_id = 0
    for i in indices:
        tokens = tokens_of(pool[i], next_id)
        next_id += len(tokens)
        old.append(tokens)
    new = [list(s) for s in old]
    spare = [pool[k] for k in range(len(pool)) if k not in set(indices)]
    for n, edit in enumerate(edit_list):
        apply_edit(new, edit, spare, n)
    old_text, old_spans = layout(old, old_style)
    new_text, new_spans = layout(new, new_style)
    return old_text, old_spans, new_text, new_spans


def _scores(result: Comparison, old_spans, new_spans) -> tuple[float, float]:
    old_text, new_text = result.old.text, result.new.text
    old_ids = word_ids(old_text, old_spans)
    by_id = {v: k for k, v in old_ids.items()}
    truth = {
        (by_id[v], k)
        for k, v in word_ids(new_text, new_spans).items()
        if v[0] is not None and v in by_id
    }
    predicted = set()
    for block in result.blocks:
        for op in block.ops:
            if op.op == "equal":
                olds = [m.start() for m in WORD.finditer(old_text, *op.old)]
                news = [m.start() for m in WORD.finditer(new_text, *op.new)]
                predicted.update(zip(olds, news))
    hits = len(predicted & truth)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(truth) if truth else 1.0
    return precision, recall


articles = st.lists(st.integers(0, len(POOL) - 1), min_size=2, max_size=14, unique=True)
# Recovery is scored on articles of the size the thresholds were measured on: in a
# 5-sentence article one sentence both moved and merged (the known gap) is a third
# of the words.
measured_articles = st.lists(st.integers(0, len(POOL) - 1), min_size=6, max_size=14, unique=True)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(measured_articles, edits, st.sampled_from(LAYOUTS), st.sampled_from(LAYOUTS))
def test_contract_invariants_and_recovery(indices, edit_list, old_style, new_style) -> None:
    old_text, old_spans, new_text, new_spans = _variant(indices, edit_list, old_style, new_style)
    result = compare(Document("old", old_text), Document("new", new_text))
    check_invariants(result)
    precision, recall = _scores(result, old_spans, new_spans)
    assert precision >= 0.9
    assert recall >= 0.7
    if not edit_list:
        assert result.identical and result.stats.similarity == 1.0


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles, edits, st.sampled_from(LAYOUTS), st.sampled_from(LAYOUTS))
def test_contract_invariants_on_short_articles(indices, edit_list, old_style, new_style) -> None:
    old_text, _, new_text, _ = _variant(indices, edit_list, old_style, new_style)
    check_invariants(compare(Document("old", old_text), Document("new", new_text)))


def test_mean_recovery_over_seeded_variants() -> None:
    rng = random.Random(20261121)
    precisions, recalls = [], []
    for _ in range(200):
        indices = rng.sample(range(len(POOL)), rng.randint(6, 20))
        edit_list = [
            (rng.choice(EDIT_KINDS), rng.randrange(10_000), rng.randrange(10_000))
            for _ in range(rng.randint(1, 6))
        ]
        styles = rng.choice(LAYOUTS), rng.choice(LAYOUTS)
        old_text, old_spans, new_text, new_spans = _variant(indices, edit_list, *styles)
        result = compare(Document("old", old_text), Document("new", new_text))
        p, r = _scores(result, old_spans, new_spans)
        precisions.append(p)
        recalls.append(r)
    assert sum(precisions) / len(precisions) >= 0.995
    assert sum(recalls) / len(recalls) >= 0.985


def _shape(result: Comparison) -> list[tuple]:
    """Blocks and ops, then the rows, with their texts, whitespace collapsed."""

    def flat(text: str, span) -> str:
        if not span:
            return ""
        # Up to whitespace: a line broken after a hyphen counts as no space at all.
        return " ".join(re.sub(r"-[ \t]*\n\s*", "-", text[span[0] : span[1]]).split())

    blocks = [
        (
            block.kind,
            tuple(
                (op.op, flat(result.old.text, op.old), flat(result.new.text, op.new), op.exact)
                for op in block.ops
            ),
        )
        for block in result.blocks
    ]
    rows = [
        ("row", flat(result.old.text, row.old), flat(result.new.text, row.new), row.blocks)
        for row in result.rows
    ]
    return blocks + rows


long_articles = st.lists(st.integers(0, len(TERMINATED) - 1), min_size=4, max_size=14, unique=True)


@settings(max_examples=60, deadline=None)
@given(long_articles, edits, st.sampled_from(LAYOUTS), st.sampled_from(LAYOUTS))
def test_rewrapping_changes_nothing(indices, edit_list, style_a, style_b) -> None:
    old_text, _, new_text, _ = _variant(indices, edit_list, "one-line", style_a, TERMINATED)
    rewrapped_text, _, _, _ = _variant(indices, [], style_b, "one-line", TERMINATED)
    reference = compare(Document("old", old_text), Document("new", new_text))
    rewrapped = compare(Document("old", rewrapped_text), Document("new", new_text))
    assert _shape(rewrapped) == _shape(reference)


def test_hard_wrapping_the_sample_changes_nothing() -> None:
    """001 (one line, `` . `` separators) and 002 (prose) re-filled at 72 columns.

    000 is left out on purpose: its sentences are marked by line breaks alone, so
    re-filling it destroys information rather than changing its layout.
    """
    from tests.conftest import FULL, UNRELATED

    for path in (FULL, UNRELATED):
        text = path.read_text(encoding="utf-8")
        wrapped = "\n\n".join(textwrap.fill(p, 72) for p in text.split("\n\n"))
        other = Document("other", text.replace("\n", " "))
        assert _shape(compare(other, Document("a", text))) == _shape(
            compare(other, Document("b", wrapped))
        )
