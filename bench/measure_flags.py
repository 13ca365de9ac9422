#!/usr/bin/env python3
"""How well ``core.flags.detect`` finds risky edits, and how many of its flags are noise.

    .venv/bin/python bench/measure_flags.py [--articles 200] [--seed 1] [--pair bench/out/1M]
    .venv/bin/python bench/measure_flags.py --real bench/out/flags_real.jsonl [--sources ...]
    .venv/bin/python bench/measure_flags.py --timing-only [--pair PAIR] [--peer COMMIT] [--runs 9]

Articles are built from the real sentences of the samples (``tests/article_gen.py``),
their first letter capitalized as in real copy (the samples are lower-cased). Into
each one, risky edits of every kind (a figure, a negation, a name, an attribution
verb, words inside a quotation) and harmless ones (a plain word's synonym, a clause
moved to the front of its sentence, a sentence moved, a comma, a capital, straight
against curly quotes) are planted, each in its own sentence. A risky edit is *found*
when a flag of its kind touches its sentence; a flag is *noise* when no risky edit of
its kind stands in the sentences it touches. Then the flags of the sample pair
000/001 are listed, to be judged by reading, and ``flag_comparison`` is timed on the
1 MB benchmark pair when it exists (``make_pairs.py`` builds it).

``--real OUT`` (real-copy mode) flags the real pairs of ``real_pairs.py`` (scripture,
samples, licences, the revision corpora), writes every flag with its two sentences to
OUT and scores them against the judged list ``flags_judged.jsonl`` (see bench/README.md).
``--timing-only`` times the flags alone, against an earlier commit's with ``--peer``.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import importlib
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from article_gen import SAMPLES, sentence_pool  # noqa: E402
from real_pairs import IN_REPO, SOURCES, RealPair, real_pairs  # noqa: E402

from core.engine.compare import compare  # noqa: E402
from core.flags.detect import FLAG_KINDS, Flag, flag_comparison  # noqa: E402
from core.gcpause import collector_paused  # noqa: E402
from core.model import Comparison, Span  # noqa: E402
from core.text.document import document_from_text, load_document  # noqa: E402

# (old clause, new clause) appended to a sentence, before its final full stop.
RISKY: dict[str, list[tuple[str, str]]] = {
    "number": [
        (", killing 20 people", ", killing 27 people"),
        (" in a four-year deal", " in a five-year deal"),
        (" worth 50,000 dollars", " worth 55,000 dollars"),
        (" for three days", " for four days"),
        (" with 1.5 million votes", " with 2.5 million votes"),
        (" , a rise of 12 per cent", " , a rise of 21 per cent"),
    ],
    "negation": [
        (" and the plan is legal", " and the plan is not legal"),
        (" though he did know", " though he didn't know"),
        (" and they will return", " and they will never return"),
        (" , and there was no evidence", " , and there was evidence"),
        (" but he could confirm it", " but he could n't confirm it"),
    ],
    "name": [
        (" near Paris", " near Lyon"),
        (" , a spokesman for Smith", " , a spokesman for Jones"),
        (" in the capital", " in Berlin"),
        (" , said a spokesman for the ministry", " , said a spokesman for Reuters"),
        (" after talks with Merkel", " after talks with Macron"),
    ],
    "attribution": [
        (" , Smith said", " , Smith claimed"),
        (" , police said", " , according to police"),
        (" , officials told reporters", " , officials added"),
        (" , she said", " , she insisted"),
        (" , the group said", " , the group alleged"),
    ],
    "quote": [
        (' , and he said "we will win"', ' , and he said "we might win"'),
        (" , calling it ' a disgrace '", " , calling it ' a scandal '"),
        (" , saying \u201cthe city is safe\u201d", " , saying \u201cthe city is calm\u201d"),
        (" , a move he called ' brave and right '", " , a move he called ' bold and right '"),
    ],
}
SYNONYMS = {
    "big": "large", "city": "town", "car": "vehicle", "began": "started", "young": "youthful",
    "video": "footage", "group": "faction", "fighters": "militants", "killed": "slain",
    "captured": "seized", "town": "city", "people": "residents", "help": "assist",
    "shows": "depicts", "yesterday": "on tuesday", "fleeing": "escaping", "latest": "newest",
}  # fmt: skip
QUOTE_MARKS = re.compile(
    "(?<!\\w)['\u2018\u2019\u201c\u201d\"]|['\u2018\u2019\u201c\u201d\"](?!\\w)"
)
HARMLESS = ("synonym", "reorder", "move", "comma", "capital", "curly")


@dataclass
class Sentence:
    text: str
    edit: int | None = None  # index of the planted edit it carries


@dataclass
class Edit:
    kind: str  # a flag kind, or one of HARMLESS
    risky: bool


def _cased(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _append(sentence: str, clause: str) -> str:
    if sentence.endswith(" ."):
        return sentence[:-2] + clause + " ."
    return sentence.rstrip(".") + clause + "."


def _harmless(kind: str, text: str, rng: random.Random) -> str | None:
    words = text.split(" ")
    if kind == "synonym":
        plain = [i for i, w in enumerate(words) if w in SYNONYMS]
        if not plain:
            return None
        i = rng.choice(plain)
        return " ".join([*words[:i], SYNONYMS[words[i]], *words[i + 1 :]])
    if kind == "reorder":  # "Just hours after X ..." -> "X ... just hours after ."
        body = words[:-1] if words[-1] in ".!?" else words
        k = rng.randint(2, 3)
        if len(body) < k + 4:
            return None
        moved = [body[0].lower(), *body[1:k]]
        return " ".join([_cased(body[k]), *body[k + 1 :], *moved, words[-1]])
    if kind == "comma":
        if " , " in text:
            return text.replace(" , ", " ", 1)
        return " ".join([*words[:3], ",", *words[3:]])
    if kind == "capital":
        i = rng.randrange(1, len(words))
        return " ".join([*words[:i], words[i].capitalize(), *words[i + 1 :]])
    if kind == "curly":  # straight against curly quotes: trivial
        if " ' " in text:
            return text.replace(" ' ", " \u2018 ", 1)
        return None
    return None


def build_article(
    pool: list[str], rng: random.Random, edits: list[Edit]
) -> tuple[list[Sentence], list[Sentence]]:
    """Old and new sentences of one article, with 3 risky and 3 harmless edits."""
    chosen = [_cased(s) for s in rng.sample(pool, 12)]
    old = [Sentence(s) for s in chosen]
    new = [Sentence(s) for s in chosen]
    slots = rng.sample(range(len(chosen)), 6)
    kinds = [*rng.sample(FLAG_KINDS, 3), *rng.sample(HARMLESS, 3)]
    move: tuple[int, int] | None = None
    for slot, kind in zip(slots, kinds):
        edit_id = len(edits)
        if kind in RISKY:
            before, after = rng.choice(RISKY[kind])
            old[slot] = Sentence(_append(old[slot].text, before), edit_id)
            new[slot] = Sentence(_append(new[slot].text, after), edit_id)
            edits.append(Edit(kind, True))
        elif kind == "move":
            move = (slot, (slot + rng.randint(3, 8)) % len(chosen))
            old[slot].edit = new[slot].edit = edit_id
            edits.append(Edit(kind, False))
        elif kind == "curly" and " ' " not in old[slot].text:
            quoted = ' , he said "we are ready"'
            old[slot] = Sentence(_append(old[slot].text, quoted), edit_id)
            curly = quoted.replace(' "', " \u201c").replace('"', "\u201d")
            new[slot] = Sentence(_append(new[slot].text, curly), edit_id)
            edits.append(Edit(kind, False))
        else:
            changed = _harmless(kind, new[slot].text, rng)
            if changed is None:
                continue
            old[slot].edit = edit_id
            new[slot] = Sentence(changed, edit_id)
            edits.append(Edit(kind, False))
    if move is not None:
        new.insert(move[1], new.pop(move[0]))
    return old, new


def render(sentences: list[Sentence]) -> tuple[str, list[tuple[Span, int | None]]]:
    """Paragraphs of four sentences; the span and edit of every sentence."""
    parts: list[str] = []
    spans: list[tuple[Span, int | None]] = []
    pos = 0
    for i, s in enumerate(sentences):
        if i:
            sep = "\n\n" if i % 4 == 0 else " "
            parts.append(sep)
            pos += len(sep)
        parts.append(s.text)
        spans.append(((pos, pos + len(s.text)), s.edit))
        pos += len(s.text)
    return "".join(parts), spans


def _edits_touched(flag: Flag, old_spans, new_spans) -> set[int]:  # type: ignore[no-untyped-def]
    touched: set[int] = set()
    for spans, mine in ((old_spans, flag.old), (new_spans, flag.new)):
        for (s, e), edit in spans:
            if edit is not None and any(a < e and b > s for a, b in mine):
                touched.add(edit)
    return touched


def measure(articles: int, seed: int, sample_quotes: bool) -> None:
    rng = random.Random(seed)
    pool = sentence_pool(terminated=True)
    if not sample_quotes:
        pool = [" ".join(QUOTE_MARKS.sub("", s).split()) for s in pool]
    edits: list[Edit] = []
    found: set[int] = set()
    noise: Counter[str] = Counter()
    noise_where: Counter[str] = Counter()
    flags_total: Counter[str] = Counter()
    for _ in range(articles):
        old, new = build_article(pool, rng, edits)
        old_text, old_spans = render(old)
        new_text, new_spans = render(new)
        comparison = compare(document_from_text(old_text), document_from_text(new_text))
        for flag in flag_comparison(comparison):
            flags_total[flag.kind] += 1
            touched = _edits_touched(flag, old_spans, new_spans)
            hits = {e for e in touched if edits[e].risky and edits[e].kind == flag.kind}
            found |= hits
            if not hits:
                noise[flag.kind] += 1
                kinds = sorted({edits[e].kind for e in touched}) or ["unedited text"]
                noise_where[f"{flag.kind} at {'+'.join(kinds)}"] += 1
    marks = "with" if sample_quotes else "without"
    print(f"\n{articles} articles of 12 sentences, seed {seed}, {marks} the samples' quote marks\n")
    print("| kind | planted | found | recall | flags | noise flags |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind in FLAG_KINDS:
        planted = [i for i, e in enumerate(edits) if e.risky and e.kind == kind]
        hit = sum(1 for i in planted if i in found)
        recall = f"{hit / len(planted):.0%}" if planted else "-"
        row = f"| {kind} | {len(planted)} | {hit} | {recall} | {flags_total[kind]} |"
        print(f"{row} {noise[kind]} |")
    harmless = Counter(e.kind for e in edits if not e.risky)
    print("\nHarmless edits planted: " + ", ".join(f"{k} {n}" for k, n in sorted(harmless.items())))
    print("Noise flags by where they stand:")
    for where, n in noise_where.most_common():
        print(f"  {n:4}  {where}")


def sample_pair() -> None:
    old = load_document(SAMPLES / "000_a1d9523b8511cf93.txt")
    new = load_document(SAMPLES / "001_a1bb97b7d4cec672.txt")
    comparison = compare(old, new)
    flags = flag_comparison(comparison)
    print(f"\nSample pair 000 -> 001: {len(flags)} flags")
    for flag in flags:
        block = comparison.blocks[flag.block]
        assert block.new is not None
        context = " ".join(new.text[block.new[0] : block.new[1]].split())[:90]
        print(f"  block {flag.block} {flag.kind}: {flag.explanation}\n      new: {context}")


JUDGED = BENCH / "flags_judged.jsonl"


def flag_key(source: str, pair: str, kind: str, old: str, new: str) -> str:
    """A stable key of one flag: its pair, its kind and its two sentences."""
    data = "\x1f".join((source, pair, kind, old, new)).encode("utf-8")
    return hashlib.sha1(data).hexdigest()[:12]


def real_flag_records(pair: RealPair) -> list[dict[str, str]]:
    """Every flag of one real pair, with the two sentences of its block."""
    comparison = compare(document_from_text(pair.old), document_from_text(pair.new))
    records = []
    for flag in flag_comparison(comparison):
        block = comparison.blocks[flag.block]
        old = " ".join(pair.old[block.old[0] : block.old[1]].split()) if block.old else ""
        new = " ".join(pair.new[block.new[0] : block.new[1]].split()) if block.new else ""
        records.append(
            {
                "key": flag_key(pair.source, pair.pair, flag.kind, old, new),
                "source": pair.source,
                "pair": pair.pair,
                "kind": flag.kind,
                "explanation": flag.explanation,
                "old": old,
                "new": new,
            }
        )
    return records


def load_judged(path: Path = JUDGED) -> dict[str, dict[str, str]]:
    """The judged flags by key (empty when there is no list)."""
    if not path.exists():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    return {r["key"]: r for r in (json.loads(line) for line in lines if line.strip())}


def real_copy(out: Path, sources: tuple[str, ...]) -> None:
    """Flag the real pairs, write every flag to ``out`` and score the judged ones."""
    judged = load_judged()
    records: list[dict[str, str]] = []
    pairs: Counter[str] = Counter()
    for pair in real_pairs(sources):
        pairs[pair.source] += 1
        records.extend(real_flag_records(pair))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for record in records:
            verdict = judged.get(record["key"])
            if verdict is not None:
                record = {**record, "verdict": verdict["verdict"], "reason": verdict["reason"]}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    missing = [s for s in sources if not pairs[s]]
    print(f"\nReal copy: {len(records)} flags on {sum(pairs.values())} pairs, written to {out}")
    print("Pairs: " + ", ".join(f"{s} {n}" for s, n in pairs.items()))
    if missing:
        print("Skipped (files not found): " + ", ".join(missing))
    found = {r["key"] for r in records}
    rounds = sorted({r.get("round", 1) for r in judged.values()})
    heads = " | ".join(f"round {n}: right/judged" for n in rounds)
    print(f"\n| kind | flags | judged | right | wrong | precision | {heads} |")
    print("|---|---:|---:|---:|---:|---:|" + "---:|" * len(rounds))
    for kind in (*FLAG_KINDS, "all"):
        mine = [
            judged[r["key"]] for r in records if kind in ("all", r["kind"]) and r["key"] in judged
        ]
        flags = sum(1 for r in records if kind in ("all", r["kind"]))
        right = sum(1 for j in mine if j["verdict"] == "right")
        wrong = sum(1 for j in mine if j["verdict"] == "wrong")
        share = f"{right / (right + wrong):.2f}" if right + wrong else "-"
        by_round = " | ".join(
            f"{sum(1 for j in mine if j.get('round', 1) == n and j['verdict'] == 'right')}/"
            f"{sum(1 for j in mine if j.get('round', 1) == n)}"
            for n in rounds
        )
        print(f"| {kind} | {flags} | {right + wrong} | {right} | {wrong} | {share} | {by_round} |")
    print(
        "\nFlags by source: "
        + ", ".join(f"{s} {sum(1 for r in records if r['source'] == s)}" for s in pairs)
    )
    gone = [r for k, r in judged.items() if k not in found and r["source"] in pairs]
    print(
        f"Judged flags no longer raised: {sum(r['verdict'] == 'wrong' for r in gone)} judged"
        f" wrong, {sum(r['verdict'] == 'right' for r in gone)} judged right"
    )


def _flags_at(commit: str) -> Callable[[Comparison], tuple[object, ...]]:
    """``flag_comparison`` as it was at ``commit``: its ``core/flags`` read from git into
    a temporary package (``peerflags``), the rest of ``core`` as it is now."""
    folder = Path(tempfile.mkdtemp(prefix="peerflags-"))
    package = folder / "peerflags"
    package.mkdir()
    listing = subprocess.run(
        ["git", "-C", str(REPO), "ls-tree", "--name-only", commit, "core/flags/"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    for path in listing:
        source = subprocess.run(
            ["git", "-C", str(REPO), "show", f"{commit}:{path}"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        (package / Path(path).name).write_text(
            source.replace("from core.flags.", "from peerflags."), encoding="utf-8"
        )
    sys.path.insert(0, str(folder))
    try:
        module = importlib.import_module("peerflags.detect")  # imports its siblings now
    finally:
        sys.path.remove(str(folder))
        shutil.rmtree(folder, ignore_errors=True)
    return module.flag_comparison  # type: ignore[no-any-return]


def timing(pair: Path, peer: str | None, runs: int = 9) -> None:
    """``flag_comparison`` on ``pair``, its runs interleaved with the peer's (the flags
    of ``peer``, a commit) when given; medians, the machine's load before and after,
    and whether the two gave the same flags."""
    if not (pair / "old.txt").exists():
        print(f"\n{pair}: no pair (bench/make_pairs.py builds it); timing skipped")
        return
    comparison = compare(load_document(pair / "old.txt"), load_document(pair / "new.txt"))
    contenders: dict[str, Callable[[Comparison], tuple[object, ...]]] = {"now": flag_comparison}
    if peer:
        contenders[f"at {peer}"] = _flags_at(peer)
    times: dict[str, list[float]] = {name: [] for name in contenders}
    cpu: dict[str, list[float]] = {name: [] for name in contenders}
    found: dict[str, list[tuple[object, ...]]] = {}
    load = os.getloadavg()[0]
    for _ in range(runs):
        for name, flags_of in contenders.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            with collector_paused():  # as the JSON report runs them (and now the flags)
                flags = flags_of(comparison)
            times[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
            found[name] = [dataclasses.astuple(f) for f in flags]  # type: ignore[call-overload]
    size = comparison.old.size / 1e6
    print(
        f"\n{pair} ({size:.1f} MB old, {len(comparison.blocks):,} blocks; compare took"
        f" {comparison.elapsed:.2f} s in this run; load {load:.1f} before,"
        f" {os.getloadavg()[0]:.1f} after):"
    )
    for name, values in times.items():
        print(
            f"  flag_comparison {name}: median {statistics.median(values) * 1000:.0f} ms,"
            f" best {min(values) * 1000:.0f} ms of {runs} (CPU time: median"
            f" {statistics.median(cpu[name]) * 1000:.0f} ms), {len(found[name])} flags"
        )
    if peer:
        same = len({repr(flags) for flags in found.values()}) == 1
        print(f"  the same flags as the peer: {'yes' if same else 'NO'}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pair", type=Path, default=BENCH / "out" / "1M")
    ap.add_argument(
        "--peer",
        metavar="COMMIT",
        help="also time the flags as they were at COMMIT (git), interleaved, as a peer",
    )
    ap.add_argument("--timing-only", action="store_true", help="only time the flags on --pair")
    ap.add_argument("--runs", type=int, default=9, help="timed runs of each contender")
    ap.add_argument(
        "--real",
        type=Path,
        metavar="OUT",
        help="real-copy mode: flag the real pairs (bench/real_pairs.py), write every flag to OUT"
        " (JSON lines) and score the judged ones (bench/flags_judged.jsonl)",
    )
    ap.add_argument(
        "--sources",
        default=",".join(SOURCES),
        help=f"real-copy sources, comma-separated (default: all; in the repo: {','.join(IN_REPO)})",
    )
    args = ap.parse_args(argv)
    if args.timing_only:
        timing(args.pair, args.peer, args.runs)
        return 0
    if args.real:
        real_copy(args.real, tuple(args.sources.split(",")))
        return 0
    measure(args.articles, args.seed, sample_quotes=False)
    measure(args.articles, args.seed, sample_quotes=True)
    sample_pair()
    timing(args.pair, args.peer, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
