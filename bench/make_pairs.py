#!/usr/bin/env python3
"""Build benchmark pairs (old.txt, new.txt) of real prose with planted edits.

    python bench/make_pairs.py                     # 10k, 100k, 1M, 5M into bench/out/
    python bench/make_pairs.py --sizes 10k,1M --rate 0.15 --seed 7
    python bench/make_pairs.py --sizes 1M-heavy30,1M-heavy50,1M-condensed   # heavily edited

For each size the old text is made of whole real documents (see ``prose.py``: the
Python documentation and the Jargon File from Debian packages, and the bundled news
samples), taken in a seeded random order and concatenated until the size is reached,
each document under its title and in its own line layout. ``variants.make_variant``
then plants edits on ~10 % of the sentences; inserted sentences come from documents
that are not in the pair. Written per size into ``bench/out/<size>/``: ``old.txt``,
``new.txt`` and ``edits.json`` (the ground truth); ``bench/out/manifest.json`` says
what was built from what.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import textwrap
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import prose
import variants

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"
DEFAULT_SIZES = "10k,100k,1M,5M"
GENERATOR_VERSION = 3
# Edit profiles, asked for by a label suffix ("1M-heavy30"); no suffix: the light pairs.
PROFILES: dict[str, dict] = {
    "": {},
    # every paragraph touched, 30 % / 50 % of the sentences edited
    "heavy30": {"rate": 0.30, "every_paragraph": True},
    "heavy50": {"rate": 0.50, "every_paragraph": True},
    # a condensed version: 40 % of the sentences cut, the rest lightly edited
    "condensed": {"rate": 0.10, "condense": 0.40},
}


def split_label(label: str) -> tuple[str, str]:
    """The size and the edit profile of a label: ``1M-heavy30`` is 1M, heavy30."""
    size, _, profile = label.partition("-")
    if profile not in PROFILES:
        raise SystemExit(f"make_pairs: unknown edit profile {profile!r} in {label!r}")
    return size, profile


def normal_label(label: str) -> str:
    size, profile = split_label(label.strip())
    return size_label(parse_size(size)) + (f"-{profile}" if profile else "")


def parse_size(label: str) -> int:
    s = label.strip().lower().removesuffix("b")
    mult = {"k": 1000, "m": 1000_000}.get(s[-1:], 1)
    return int(float(s[:-1] if mult > 1 else s) * mult)


def size_label(n: int) -> str:
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1000 and n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


def _render_doc(doc: prose.Doc, budget: int) -> tuple[str, int]:
    """The document as text (title, then paragraphs in the source's layout)."""
    width = {"python-doc": 72, "jargon-file": 75}.get(doc.source, 0)  # news: a line each
    title = re.sub(r"<\d+>$", "", doc.title)  # info's "Library<36>" -> "Library"
    parts = [] if doc.source == "news-sample" else [title]
    used = sum(len(t.encode()) + 2 for t in parts)
    for p in doc.paragraphs:
        block = (
            "\n".join(textwrap.wrap(p, width, break_long_words=False, break_on_hyphens=False))
            if width
            else p
        )
        parts.append(block)
        used += len(block.encode()) + 2
        if used >= budget:
            break
    return "\n\n".join(parts), used


def compose(corpus: prose.Corpus, size: int, seed: int) -> tuple[str, list[prose.Doc], list[str]]:
    """Old text of about ``size`` bytes from whole documents; returns (text, used, notes)."""
    rng = random.Random(seed)
    news = [d for d in corpus.docs if d.source == "news-sample"]
    rest = [d for d in corpus.docs if d.source != "news-sample"]
    rng.shuffle(rest)
    order = (news + rest) if size <= 20_000 else rest + news  # a small pair reads like news
    notes: list[str] = []
    chunks: list[str] = []
    used: list[prose.Doc] = []
    total = 0
    i = 0
    while total < size:
        if i and i % len(order) == 0:
            notes.append(
                f"corpus ({corpus.size / 1e6:.2f} MB) is smaller than {size_label(size)}: "
                "documents repeat in this pair"
            )
        doc = order[i % len(order)]
        i += 1
        text, n = _render_doc(doc, size - total)
        chunks.append(text)
        used.append(doc)
        total += n
    return "\n\n".join(chunks) + "\n", used, sorted(set(notes))


def build(
    labels: list[str],
    out: Path = OUT,
    seed: int = 1,
    rate: float = 0.10,
    offline: bool = False,
    quiet: bool = False,
) -> dict:
    corpus = prose.load_corpus(offline=offline)
    if not corpus.docs:
        raise SystemExit("make_pairs: no prose at all could be obtained (see messages above)")
    for note in corpus.notes:
        print(f"NOTE: {note}", file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)
    manifest_path = out / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    manifest.update(
        {
            "generator_version": GENERATOR_VERSION,
            "sources": corpus.sources,
            "corpus_notes": corpus.notes,
        }
    )
    pairs = manifest.setdefault("pairs", {})
    for label in labels:
        size_part, profile = split_label(label)
        size = parse_size(size_part)
        options = {"rate": rate, **PROFILES[profile]}
        t0 = time.perf_counter()
        pair_seed = seed * 1_000_003 + zlib.crc32(label.encode())
        old, used, notes = compose(corpus, size, pair_seed)
        used_ids = {id(d) for d in used}
        donor_docs = [d for d in corpus.docs if id(d) not in used_ids] or corpus.docs
        donors = [
            p[a:b] for d in donor_docs for p in d.paragraphs for a, b in variants.split_sentences(p)
        ]
        v = variants.make_variant(old, seed=pair_seed, donors=donors, **options)
        d = out / label
        d.mkdir(parents=True, exist_ok=True)
        (d / "old.txt").write_text(v.old, encoding="utf-8")
        (d / "new.txt").write_text(v.new, encoding="utf-8")
        info = {
            "label": label,
            "seed": pair_seed,
            "profile": profile or "light",
            **options,
            "old_bytes": len(v.old.encode()),
            "new_bytes": len(v.new.encode()),
            "old_sha256": hashlib.sha256(v.old.encode()).hexdigest(),
            "new_sha256": hashlib.sha256(v.new.encode()).hexdigest(),
            "documents": len(used),
            "sources": sorted({doc.source for doc in used}),
            "sentences": v.sentences,
            "touched": v.touched,
            "edits": v.summary(),
            "notes": notes,
        }
        (d / "edits.json").write_text(
            json.dumps(
                {**info, "planted": [e.to_json() for e in v.edits]}, ensure_ascii=False, indent=1
            ),
            encoding="utf-8",
        )
        pairs[label] = info
        if not quiet:
            print(
                f"{label:>5}: {info['old_bytes']:>9,} B old / {info['new_bytes']:>9,} B new, "
                f"{len(used)} docs, {v.sentences} sentences, {v.touched} touched "
                f"({v.touched / max(v.sentences, 1):.1%}), {len(v.edits)} edits "
                f"[{time.perf_counter() - t0:.1f} s]"
            )
        for note in notes:
            print(f"NOTE: {label}: {note}", file=sys.stderr)
    manifest_path.write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--sizes", default=DEFAULT_SIZES, help=f"comma-separated (default {DEFAULT_SIZES})"
    )
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rate", type=float, default=0.10, help="share of sentences edited (0.10)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--offline", action="store_true", help="download no Debian package")
    args = ap.parse_args(argv)
    labels = [normal_label(s) for s in args.sizes.split(",") if s.strip()]
    manifest = build(labels, args.out, args.seed, args.rate, args.offline)
    for s in manifest["sources"]:
        print(f"prose: {s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
