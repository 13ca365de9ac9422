"""Generated article variants with known edits, for the engine's property tests.

Articles are drawn from the real sentences of the bundled samples. Every word of
the old version has an id; the new version's words carry the id of the old word
they keep, or None when inserted. That is the ground truth the comparison's
``equal`` ops are scored against.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from core.engine.segment import segment

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"
WORD = re.compile(r"\w+(?:['\u2019\-\u2010\u2011]\w+)*")


def sentence_pool(*, terminated: bool = False) -> list[str]:
    """Distinct sentences of five words or more from the sample articles.

    With ``terminated``, only sentences that end in a full stop, question or
    exclamation mark (a headline with none cannot be told from the next sentence
    once both stand on one line).
    """
    pool: list[str] = []
    seen: set[str] = set()
    kept: list[set[str]] = []
    for name in ("001_a1bb97b7d4cec672.txt", "002_693b2ff662c8dfe1.txt"):
        text = (SAMPLES / name).read_text(encoding="utf-8")
        for s, e in segment(text).sentences:
            sentence = " ".join(text[s:e].split())
            if terminated and not _ends_itself(sentence):
                continue
            words = {w.lower() for w in WORD.findall(sentence)}
            if len(words) < 5 or sentence in seen:
                continue
            # Near-duplicates (the repeated caption of 001) would make "inserted"
            # text that truly matches old text: keep only the first of them.
            if any(len(words & other) > 0.5 * min(len(words), len(other)) for other in kept):
                continue
            seen.add(sentence)
            kept.append(words)
            pool.append(sentence)
    return pool


def _ends_itself(sentence: str) -> bool:
    """True when the segmenter ends the sentence whatever case the next one takes."""
    return sentence[-1:] in ".!?" and all(
        len(segment(f"{sentence} {follower} words here").sentences) == 2
        for follower in ("next", "Next")
    )


Token = tuple[str, "int | None"]  # (spelling, id of the old token it keeps)


@dataclass
class Variant:
    """An old and a new article as sentences of tokens, with the truth in the ids."""

    old: list[list[Token]]
    new: list[list[Token]]


def tokens_of(sentence: str, first_id: int | None) -> list[Token]:
    words = sentence.split(" ")
    if first_id is None:
        return [(w, None) for w in words]
    return [(w, first_id + k) for k, w in enumerate(words)]


def apply_edit(
    sentences: list[list[Token]], edit: tuple[str, int, int], pool: list[str], fresh: int
) -> None:
    """Apply one edit in place. ``edit`` is (kind, a, b) with a, b free integers."""
    kind, a, b = edit
    n = len(sentences)
    if n < 2:
        return
    i, j = a % n, b % n
    if kind == "delete":
        del sentences[i]
    elif kind == "insert":
        sentences.insert(i, tokens_of(pool[b % len(pool)], None))
    elif kind == "substitute":
        k = b % len(sentences[i])
        sentences[i][k] = (f"zq{fresh}", None)
    elif kind == "move" and abs(i - j) > 1:
        moved = sentences.pop(i)
        sentences.insert(j if j < i else j - 1, moved)
    elif kind == "merge" and i + 1 < n:
        first = [t for t in sentences[i] if t[0] != "."]
        sentences[i : i + 2] = [first + sentences[i + 1]]
    elif kind == "split" and len(sentences[i]) > 6:
        k = 3 + b % (len(sentences[i]) - 6)
        sentences[i : i + 1] = [[*sentences[i][:k], (".", None)], sentences[i][k:]]


def layout(
    sentences: list[list[Token]], style: str, per_paragraph: int = 4
) -> tuple[str, list[tuple[int, int, int | None]]]:
    """Render sentences as text; return the text and (start, end, id) of each token."""
    paragraphs = [sentences[k : k + per_paragraph] for k in range(0, len(sentences), per_paragraph)]
    text_parts: list[str] = []
    spans: list[tuple[int, int, int | None]] = []
    pos = 0
    for p_index, paragraph in enumerate(paragraphs):
        if p_index:
            sep = "\n\n" if style != "one-line" else " "
            text_parts.append(sep)
            pos += len(sep)
        for s_index, sentence in enumerate(paragraph):
            if s_index:
                sep = "\n" if style == "sentence-per-line" else " "
                text_parts.append(sep)
                pos += len(sep)
            for t_index, (word, tid) in enumerate(sentence):
                if t_index:
                    text_parts.append(" ")
                    pos += 1
                text_parts.append(word)
                spans.append((pos, pos + len(word), tid))
                pos += len(word)
    text = "".join(text_parts)
    if style == "wrapped":
        text = "\n\n".join(
            textwrap.fill(p, 72, break_long_words=False, break_on_hyphens=False)
            for p in text.split("\n\n")
        )
        # Wrapping only turns single spaces into line breaks: offsets are unchanged.
    return text, spans


def word_ids(
    text: str, spans: list[tuple[int, int, int | None]]
) -> dict[int, tuple[int | None, int]]:
    """Start offset of every contract word -> (id of its token, index inside it)."""
    out: dict[int, tuple[int | None, int]] = {}
    for s, e, tid in spans:
        for k, m in enumerate(WORD.finditer(text, s, e)):
            out[m.start()] = (tid, k)
    return out
