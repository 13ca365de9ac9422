"""Build a folder of ~10,000 articles of about 5 KB from real prose, with known families.

    .venv/bin/python bench/make_families.py [--count 10000] [--out bench/out/families]

How the articles are made (see ``bench/README.md``, "Story families"):

* The prose is ``bench/prose.py``'s corpus (~6 MB: the Python documentation and the
  Jargon File), split into sentences.
* **Passage bases**: each corpus document is cut into runs of consecutive paragraphs
  of 4.5-7 KB. Neighbouring runs of one document are different articles on the same
  topic (the same manual section): the "same topic, other story" distractors.
* **Collage bases**: the corpus holds only ~1,200 such runs, too few for 10,000
  articles, so further bases are made of sentences drawn from the whole corpus in a
  seeded random order (each layer is a new permutation of all sentences). Two
  collage bases share on average 0.04 sentences, and never two sentences in a row,
  so corpus text is reused without creating shared passages.
* Each base is either a singleton (one article) or a family of 2-6 versions made by
  ``family_edits``: cut, edited, reordered, rewritten (simplified: names, numbers and
  long words kept, structure new), and combinations; the unchanged base is one of
  the versions 60 % of the time.
* Files get random names in 40 subfolders, so nothing in a name gives a family away.
  ``truth.json`` next to the folder records each file's base and version kind.

Deterministic for a given ``--seed``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from bench.family_edits import Article, make_version, pick_kind, render  # noqa: E402
from bench.prose import load_corpus  # noqa: E402

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])")
FAMILY_SHARE = 0.35  # of bases; gives about a third of the articles as singletons


def _sentences(paragraph: str) -> list[str]:
    return [s for s in SENTENCE_END.split(paragraph) if s.strip()]


def passage_bases(docs: list[list[str]], rng: random.Random) -> list[tuple[str, Article]]:
    """Runs of consecutive paragraphs of 4.5-7 KB, named ``doc:run``."""
    bases: list[tuple[str, Article]] = []
    for d, paragraphs in enumerate(docs):
        run: Article = []
        size, target, index = 0, rng.uniform(4500, 7000), 0
        for paragraph in paragraphs:
            run.append(_sentences(paragraph))
            size += len(paragraph.encode("utf-8")) + 2
            if size >= target:
                bases.append((f"p{d}:{index}", run))
                run, size, target, index = [], 0, rng.uniform(4500, 7000), index + 1
    return bases


def collage_bases(
    sentences: list[str], rng: random.Random, layer: int
) -> list[tuple[str, Article]]:
    """One permutation of all sentences, cut into bases of 4.5-7 KB in 3-5 sentence paragraphs."""
    order = list(range(len(sentences)))
    rng.shuffle(order)
    bases: list[tuple[str, Article]] = []
    article: Article = []
    paragraph: list[str] = []
    size, target = 0, rng.uniform(4500, 7000)
    for i in order:
        paragraph.append(sentences[i])
        size += len(sentences[i].encode("utf-8")) + 1
        if len(paragraph) >= rng.randint(3, 5):
            article.append(paragraph)
            paragraph = []
        if size >= target:
            if paragraph:
                article.append(paragraph)
            bases.append((f"c{layer}:{len(bases)}", article))
            article, paragraph, size, target = [], [], 0, rng.uniform(4500, 7000)
    return bases


def build(count: int, seed: int) -> tuple[list[tuple[str, str, str]], list[str]]:
    """``(text, base, kind)`` for each article, and provenance notes."""
    rng = random.Random(seed)
    corpus = load_corpus()
    docs = [d.paragraphs for d in corpus.docs]
    sentences = [s for paragraphs in docs for p in paragraphs for s in _sentences(p)]
    donors = rng.sample(sentences, 2000)
    bases = passage_bases(docs, rng)
    rng.shuffle(bases)
    passages = len(bases)
    articles: list[tuple[str, str, str]] = []
    layer = 0
    while len(articles) < count:
        if not bases:
            layer += 1
            bases = collage_bases(sentences, rng, layer)
        name, base = bases.pop()
        if rng.random() >= FAMILY_SHARE:
            articles.append((render(base), name, "single"))
            continue
        size = rng.choice((2, 2, 2, 3, 3, 4, 5, 6))
        kinds = (["same"] if rng.random() < 0.6 else []) + [pick_kind(rng) for _ in range(size)]
        for kind in kinds[:size]:
            articles.append((render(make_version(base, kind, rng, donors)), name, kind))
    notes = [
        *corpus.sources,
        f"{len(sentences):,} sentences; {passages} passage bases; collage layers used: {layer}",
    ]
    return articles[:count], notes


def write_folder(out: Path, articles: list[tuple[str, str, str]], seed: int) -> dict[str, object]:
    """Write the articles under random names; return the ground truth."""
    if out.exists():
        shutil.rmtree(out)
    rng = random.Random(seed + 1)
    order = list(range(len(articles)))
    rng.shuffle(order)
    files = []
    for n, i in enumerate(order):
        text, base, kind = articles[i]
        name = hashlib.blake2b(f"{seed}:{n}".encode(), digest_size=6).hexdigest()
        rel = f"section{rng.randrange(40):02d}/{name}.txt"
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
        files.append({"path": rel, "base": base, "kind": kind})
    return {"seed": seed, "files": files}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, default=BENCH / "out" / "families")
    args = parser.parse_args()
    articles, notes = build(args.count, args.seed)
    truth = write_folder(args.out, articles, args.seed)
    truth["notes"] = notes
    truth_path = args.out.with_name(args.out.name + "-truth.json")
    truth_path.write_text(json.dumps(truth, indent=1), encoding="utf-8")
    sizes = [len(t.encode("utf-8")) for t, _, _ in articles]
    bases: dict[str, int] = {}
    for _, base, _ in articles:
        bases[base] = bases.get(base, 0) + 1
    families = sum(1 for n in bases.values() if n > 1)
    print(
        f"{len(articles)} articles in {args.out}, mean {sum(sizes) / len(sizes):.0f} bytes; "
        f"{families} families, {sum(1 for n in bases.values() if n == 1)} singletons"
    )
    for note in notes:
        print(" ", note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
