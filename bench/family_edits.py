"""Versions of an article as an editor makes them: cut, edited, reordered, rewritten.

An article is a list of paragraphs, each a list of sentences (plain strings). Every
function takes a ``random.Random`` and returns a new article; nothing is mutated, so
the same seed gives the same version on every machine. Used by
``bench/make_families.py`` (10,000 articles from real prose) and by the tests (small
folders from the bundled samples). Importing has no side effects.

``rewrite`` makes the hard case: a version simplified for another readership that
keeps the names, numbers and most key words of each sentence but none of its
structure: the key words are regrouped two or three at a time into short template
sentences, so hardly any run of four words survives.
"""

from __future__ import annotations

import random
import re

Article = list[list[str]]

WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")

SUBSTITUTES: dict[str, tuple[str, ...]] = {
    "said": ("stated", "added"),
    "use": ("employ", "apply"),
    "used": ("employed", "applied"),
    "uses": ("employs", "applies"),
    "new": ("fresh", "novel"),
    "many": ("numerous", "several"),
    "also": ("too", "additionally"),
    "can": ("may", "could"),
    "make": ("create", "produce"),
    "large": ("big", "sizeable"),
    "small": ("little", "tiny"),
    "often": ("frequently", "commonly"),
    "first": ("initial", "earliest"),
    "important": ("significant", "crucial"),
    "different": ("distinct", "various"),
    "called": ("named", "termed"),
    "the": ("this", "that"),
    "is": ("was", "remains"),
    "are": ("were", "remain"),
}
NAMES = ("Okafor", "Nakamura", "Castillo", "Eriksen", "Haddad", "Ivanova", "Moreau", "Quinn")

# Templates of the rewrite: short plain sentences around two or three key words.
TEMPLATES_2 = (
    "{0} matters for {1}.",
    "Think of {0} and {1}.",
    "Here {0} meets {1}.",
    "{0} comes with {1}.",
    "You get {0} from {1}.",
    "Look at {0} first, then {1}.",
    "So {0} helps {1}.",
    "In short: {0}, then {1}.",
)
TEMPLATES_3 = (
    "{0} works with {1} and {2}.",
    "We see {0}, {1} and {2} here.",
    "Put simply, {0} needs {1} plus {2}.",
    "{0} gives you {1} or {2}.",
    "Now {0} joins {1} and {2}.",
    "Keep {0}, {1} and {2} in mind.",
)


def is_key_word(word: str) -> bool:
    """What a rewrite keeps: capitalized words, numbers and words of 8 letters or more."""
    return word[:1].isupper() or any(c.isdigit() for c in word) or len(word) >= 8


def _words(article: Article) -> int:
    return sum(len(WORD.findall(s)) for p in article for s in p)


def cut(article: Article, rng: random.Random, keep: float | None = None) -> Article:
    """Keep the first paragraph and a share of the others, in order (a shortened cut)."""
    keep = rng.uniform(0.45, 0.85) if keep is None else keep
    if len(article) < 3:
        sentences = [s for p in article for s in p]
        n = max(2, round(len(sentences) * keep))
        return [sentences[:n]]
    rest = list(range(1, len(article)))
    n = max(1, round(len(rest) * keep))
    # Paragraphs dropped here and there, or the tail cut off.
    kept = sorted(rng.sample(rest, n)) if rng.random() < 0.5 else rest[:n]
    return [list(article[0])] + [list(article[i]) for i in kept]


def _substitute(sentence: str, rng: random.Random) -> str:
    words = list(WORD.finditer(sentence))
    if not words:
        return sentence
    choices = [m for m in words if m.group().lower() in SUBSTITUTES] or words
    m = rng.choice(choices)
    old = m.group()
    if old.lower() in SUBSTITUTES:
        new = rng.choice(SUBSTITUTES[old.lower()])
        new = new.capitalize() if old[0].isupper() else new
    elif old.isdigit():
        new = str(int(old) + rng.randint(1, 9))
    else:
        new = rng.choice(NAMES)
    return sentence[: m.start()] + new + sentence[m.end() :]


def edit(
    article: Article, rng: random.Random, rate: float = 0.15, donors: list[str] | None = None
) -> Article:
    """Touch about ``rate`` of the sentences: a word changed, a sentence dropped or added."""
    out: Article = []
    for paragraph in article:
        new_paragraph: list[str] = []
        for sentence in paragraph:
            roll = rng.random()
            if roll >= rate:
                new_paragraph.append(sentence)
            elif roll < rate * 0.6:
                new_paragraph.append(_substitute(sentence, rng))
            elif roll < rate * 0.8 or not donors:
                continue  # dropped
            else:
                new_paragraph += [sentence, rng.choice(donors)]
        if new_paragraph:
            out.append(new_paragraph)
    return out or [list(article[0])]


def reorder(article: Article, rng: random.Random) -> Article:
    """Move two or three paragraphs (never the first) to other places."""
    out = [list(p) for p in article]
    if len(out) < 4:
        return out
    for _ in range(rng.randint(2, 3)):
        paragraph = out.pop(rng.randrange(1, len(out)))
        out.insert(rng.randrange(1, len(out) + 1), paragraph)
    return out


def _rewrite_sentence(sentence: str, rng: random.Random, keep: float) -> list[str]:
    keys = [w for w in WORD.findall(sentence) if is_key_word(w) and rng.random() < keep]
    out: list[str] = []
    while len(keys) >= 2:
        size = 3 if len(keys) >= 3 and rng.random() < 0.5 else 2
        group, keys = keys[:size], keys[size:]
        template = rng.choice(TEMPLATES_3 if size == 3 else TEMPLATES_2)
        text = template.format(*group)
        out.append(text[0].upper() + text[1:])
    if keys:
        out.append(f"{keys[0][0].upper()}{keys[0][1:]} counts too.")
    return out


def rewrite(article: Article, rng: random.Random, keep: float = 0.7) -> Article:
    """A simplified version: key words kept (about ``keep`` of them), structure new.

    A fifth of the sentences are dropped; each other one becomes one to three short
    template sentences around its names, numbers and long words.
    """
    out: Article = []
    for paragraph in article:
        new_paragraph: list[str] = []
        for sentence in paragraph:
            if rng.random() < 0.2:
                continue
            new_paragraph += _rewrite_sentence(sentence, rng, keep)
        if new_paragraph:
            out.append(new_paragraph)
    return out or [["Nothing to say."]]


def render(article: Article) -> str:
    """The article as text: one paragraph a line, a blank line between paragraphs."""
    return "\n\n".join(" ".join(p) for p in article) + "\n"


def make_version(
    article: Article, kind: str, rng: random.Random, donors: list[str] | None = None
) -> Article:
    """One version of ``article``; ``kind`` names the steps joined by ``+``.

    Steps: ``same``, ``cut``, ``edit``, ``reorder``, ``rewrite``; e.g. ``cut+edit``.
    """
    out = [list(p) for p in article]
    for step in kind.split("+"):
        if step == "cut":
            out = cut(out, rng)
        elif step == "edit":
            out = edit(out, rng, donors=donors)
        elif step == "reorder":
            out = reorder(out, rng)
        elif step == "rewrite":
            out = rewrite(out, rng)
        elif step != "same":
            raise ValueError(f"unknown version step {step!r}")
    return out


VERSION_KINDS = (
    ("cut", 0.16),
    ("edit", 0.14),
    ("cut+edit", 0.18),
    ("edit+reorder", 0.10),
    ("cut+reorder", 0.07),
    ("cut+edit+reorder", 0.08),
    ("rewrite", 0.14),
    ("cut+rewrite", 0.13),
)


def pick_kind(rng: random.Random) -> str:
    """A version kind, drawn with the weights of ``VERSION_KINDS``."""
    kinds, weights = zip(*VERSION_KINDS)
    return rng.choices(kinds, weights)[0]
