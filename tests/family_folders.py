"""Folders of articles with known story families, for the scan tests.

Bases are the sample articles (001 and 002 are unrelated stories on the same topic)
and Language Reference topics that ship with every CPython (``pydoc_data``);
versions are made by ``bench.family_edits`` (cut, edited, reordered, rewritten).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from bench.family_edits import Article, cut, edit, render, reorder, rewrite
from tests.conftest import FULL, UNRELATED

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def article_from_text(text: str) -> Article:
    """Paragraphs (non-empty lines or blank-line blocks) of sentences."""
    blocks = [b for b in re.split(r"\n\s*\n|\n", text) if b.strip()]
    return [[s for s in _SENTENCE_END.split(" ".join(b.split())) if s] for b in blocks]


def topic_article(name: str) -> Article:
    """A Language Reference topic as an article (another subject than the samples)."""
    from pydoc_data.topics import topics

    return article_from_text(topics[name])


def build_folder(root: Path, seed: int = 7) -> dict[str, str]:
    """Write a folder with known families; return each relative path's story name.

    Story ``jisr``: the full sample 001, a cut, an edited and reordered cut, and a
    rewrite. Story ``mosul``: sample 002 alone (same topic as ``jisr``). Story
    ``lambda``: a topic and its edited cut. Story ``if``: a topic alone.
    """
    rng = random.Random(seed)
    jisr = article_from_text(FULL.read_text(encoding="utf-8"))
    mosul = article_from_text(UNRELATED.read_text(encoding="utf-8"))
    other = topic_article("assignment")
    alone = topic_article("class")
    files = {
        "wire/jisr.txt": (jisr, "jisr"),
        "web/jisr-short.txt": (cut(jisr, rng, keep=0.6), "jisr"),
        "web/jisr-edited.txt": (reorder(edit(cut(jisr, rng, keep=0.8), rng), rng), "jisr"),
        "kids/jisr-simple.txt": (rewrite(jisr, rng), "jisr"),
        "wire/mosul.txt": (mosul, "mosul"),
        "docs/assignment.txt": (other, "assignment"),
        "docs/assignment-cut.txt": (edit(cut(other, rng, keep=0.6), rng), "assignment"),
        "docs/class.txt": (alone, "class"),
    }
    for rel, (article, _) in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(render(article), encoding="utf-8")
    return {rel: story for rel, (_, story) in files.items()}


def expected_families(stories: dict[str, str]) -> set[frozenset[str]]:
    """The families the ground truth implies (stories with two or more files)."""
    by_story: dict[str, set[str]] = {}
    for rel, story in stories.items():
        by_story.setdefault(story, set()).add(rel)
    return {frozenset(m) for m in by_story.values() if len(m) > 1}
