"""A seeded edit generator: turns an article into a realistically edited version.

``make_variant(text, seed=...)`` keeps ``text`` as the old version and plants the kind of
edits a copy editor makes, on about ``rate`` (default 10 %) of the sentences:

* ``substitute``: one word changed: a name (``Smith`` -> ``Okafor``), a number (one
  digit changed) or a synonym (``said`` -> ``stated``);
* ``delete``: a sentence dropped; ``insert``: a sentence (or a short paragraph of 1-3
  sentences) taken from elsewhere in the corpus (``donors``) put in;
* ``move_sentence``: a sentence moved to another paragraph at least 3 paragraphs away;
  ``move_paragraph``: a whole paragraph moved, unchanged, at least 3 paragraphs away;
* ``merge``: two neighbouring sentences joined into one (", and" / "; " / ", while");
  ``split``: one sentence cut in two at ", and" / ", but" / "; " / ", so" / ", while";
* ``rewrap``: a paragraph's lines re-wrapped at another width (layout only, no words
  change).

Untouched paragraphs are copied byte for byte; a paragraph that an edit touched is
re-wrapped at its old width (or kept on one line), so line breaks shift after the edit,
as in an editor. The result carries the ground truth: every planted edit with its
sentence spans (half-open code-point offsets) in the old and in the new text.

Deterministic: the same ``text``, ``seed``, ``rate`` and ``donors`` give the same result
on every machine (only ``random.Random(seed)`` is used). Importing has no side effects.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Edit", "Variant", "make_variant", "split_sentences"]

Span = tuple[int, int]

# Weights of the edit kinds (probability that the next planted edit is of that kind).
KIND_WEIGHTS: dict[str, float] = {
    "substitute": 0.35,
    "delete": 0.14,
    "insert": 0.14,
    "move_sentence": 0.07,
    "move_paragraph": 0.04,
    "merge": 0.08,
    "split": 0.08,
    "rewrap": 0.10,
}

NAMES = (
    "Adams",
    "Ahmed",
    "Alvarez",
    "Bergstrom",
    "Brennan",
    "Castillo",
    "Chen",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Li",
    "Moreau",
    "Murphy",
    "Nakamura",
    "Novak",
    "Okafor",
    "Petrov",
    "Quinn",
    "Rossi",
    "Schmidt",
    "Silva",
    "Tanaka",
    "Usman",
    "Varga",
    "Walsh",
    "Yilmaz",
    "Zhang",
    "London",
    "Paris",
    "Berlin",
    "Nairobi",
    "Lima",
    "Oslo",
    "Boston",
    "Madrid",
)

SYNONYMS: dict[str, tuple[str, ...]] = {
    "said": ("stated", "added", "noted"),
    "says": ("states", "notes"),
    "big": ("large", "huge"),
    "large": ("big", "sizeable"),
    "small": ("little", "tiny"),
    "many": ("numerous", "several"),
    "often": ("frequently", "commonly"),
    "show": ("reveal", "display"),
    "shows": ("reveals", "displays"),
    "use": ("employ", "utilise"),
    "used": ("employed", "utilised"),
    "uses": ("employs", "utilises"),
    "make": ("create", "produce"),
    "makes": ("creates", "produces"),
    "help": ("assist", "aid"),
    "helps": ("assists", "aids"),
    "start": ("begin", "launch"),
    "started": ("began", "launched"),
    "end": ("finish", "close"),
    "get": ("obtain", "receive"),
    "gets": ("obtains", "receives"),
    "need": ("require", "want"),
    "needs": ("requires", "wants"),
    "important": ("significant", "crucial"),
    "simple": ("easy", "plain"),
    "hard": ("difficult", "tough"),
    "quickly": ("rapidly", "swiftly"),
    "usually": ("normally", "typically"),
    "also": ("too", "additionally"),
    "however": ("but", "yet"),
    "about": ("around", "roughly"),
    "almost": ("nearly", "virtually"),
    "new": ("fresh", "novel"),
    "old": ("former", "earlier"),
    "fast": ("quick", "rapid"),
    "slow": ("sluggish", "leisurely"),
    "first": ("initial", "earliest"),
    "last": ("final", "latest"),
    "people": ("persons", "individuals"),
    "town": ("city", "village"),
    "city": ("town", "capital"),
    "killed": ("slain", "murdered"),
    "attack": ("assault", "raid"),
    "police": ("officers", "detectives"),
    "government": ("administration", "authorities"),
    "problem": ("issue", "difficulty"),
    "way": ("manner", "method"),
    "possible": ("feasible", "conceivable"),
    "different": ("distinct", "various"),
    "called": ("named", "termed"),
    "return": ("give back", "yield"),
    "returns": ("gives back", "yields"),
    "allow": ("permit", "let"),
    "allows": ("permits", "lets"),
}

# Words after which a period does not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "prof",
        "inc",
        "ltd",
        "jr",
        "sr",
        "vs",
        "e.g",
        "i.e",
        "cf",
        "etc",
        "al",
        "fig",
        "no",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "capt",
        "sgt",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "dept",
        "est",
        "u.s",
        "u.k",
    ]
)

# A sentence ends at . ! ? (with closing quotes) before a capital or a digit, or, in
# tokenized lower-case text (the news samples: "... fighters . the video ..."), at a
# stand-alone " . ".
_BOUNDARY = re.compile(r"[.!?]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])|(?<= )[.!?](?=\s)")
_SPACE_RUN = re.compile(r"[ \t\r\n]+")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])")
_CAPWORD = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]{2,}\b")
_WORD = re.compile(r"\b[A-Za-z]+\b")
_SPLIT_POINT = re.compile(r"(, and |, but |; |, so |, while )(?=[a-z])")


@dataclass(eq=False)
class _Sent:
    text: str  # whitespace collapsed to single spaces
    old: Span | None = None  # where it stands in the old text


@dataclass(eq=False)
class _Para:
    sents: list[_Sent]
    old: Span | None = None
    sep: str = "\n\n"  # what followed the paragraph in the old text
    width: int = 0  # 0: one line; else wrapped at this width
    dirty: bool = False  # must be re-rendered (else copied verbatim)


@dataclass
class Edit:
    """One planted edit (ground truth).

    ``old_spans``/``new_spans`` are half-open code-point offsets of the sentences (or, for
    ``move_paragraph`` and ``rewrap``, of the paragraph) in the old and the new text.
    """

    kind: str
    detail: str = ""
    old_spans: list[Span] = field(default_factory=list)
    new_spans: list[Span] = field(default_factory=list)
    old_text: list[str] = field(default_factory=list)
    new_text: list[str] = field(default_factory=list)
    # objects the spans are resolved from after rendering (not part of the result)
    _old_objs: list[Any] = field(default_factory=list, repr=False)
    _new_objs: list[Any] = field(default_factory=list, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "detail": self.detail,
            "old_spans": [list(s) for s in self.old_spans],
            "new_spans": [list(s) for s in self.new_spans],
            "old_text": self.old_text,
            "new_text": self.new_text,
        }


@dataclass
class Variant:
    old: str
    new: str
    edits: list[Edit]
    sentences: int  # sentences in old
    touched: int  # sentences touched by content edits

    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for e in self.edits:
            counts[e.kind] = counts.get(e.kind, 0) + 1
        return dict(sorted(counts.items()))


# --------------------------------------------------------------------------- parsing


def split_sentences(block: str, base: int = 0) -> list[Span]:
    """Half-open spans of the sentences of one paragraph (offsets shifted by ``base``)."""
    spans: list[Span] = []
    start = 0
    n = len(block)
    while start < n and block[start].isspace():
        start += 1
    for m in _BOUNDARY.finditer(block):
        end = m.end()
        if end <= start:
            continue
        word_start = block.rfind(" ", start, m.start()) + 1
        word_start = max(word_start, block.rfind("\n", start, m.start()) + 1, start)
        word = block[word_start : m.start()].lower().strip('"“‘(')
        if word in ABBREVIATIONS or re.fullmatch(r"[a-z]|(?:[a-z]\.)+[a-z]", word):
            continue  # "Dr. Smith", "J. Smith", "e.g. This"
        spans.append((base + start, base + end))
        start = end
        while start < n and block[start].isspace():
            start += 1
    end = len(block.rstrip())
    if start < end:
        spans.append((base + start, base + end))
    return spans


def _parse(text: str) -> list[_Para]:
    blocks: list[tuple[int, int, int]] = []  # (start, end, start of the next paragraph)
    i = len(text) - len(text.lstrip())
    for m in re.finditer(r"[ \t]*\n[ \t]*\n\s*", text):
        if m.start() > i:
            blocks.append((i, m.start(), m.end()))
        i = max(i, m.end())
    if text[i:].strip():
        end = len(text.rstrip())
        blocks.append((i, end, len(text)))
    # The width the text is wrapped at (most common among wrapped paragraphs): a short
    # one-line paragraph of a wrapped text is wrapped at it once an edit lengthens it.
    widths: dict[int, int] = {}
    for s, e, _ in blocks:
        if "\n" in text[s:e]:
            w = max(len(ln) for ln in text[s:e].split("\n"))
            widths[w] = widths.get(w, 0) + 1
    text_width = max(widths, key=lambda w: (widths[w], w)) if widths else 0
    paras: list[_Para] = []
    for s, e, nxt in blocks:
        block = text[s:e]
        lines = block.split("\n")
        if len(lines) > 1:
            width = max(len(ln) for ln in lines)
        else:
            width = text_width if len(block) <= max(widths, default=0) else 0
        sents = [
            _Sent(_SPACE_RUN.sub(" ", text[a:b]), (a, b)) for a, b in split_sentences(block, s)
        ]
        paras.append(_Para(sents, (s, e), text[e:nxt], width))
    return paras


def _wrap(joined: str, width: int) -> str:
    """Greedy wrap that only turns spaces into newlines (offsets stay valid)."""
    if width <= 0:
        return joined
    out: list[str] = []
    cur = 0
    for w in joined.split(" "):
        if cur == 0:
            out.append(w)
            cur = len(w)
        elif cur + 1 + len(w) <= width:
            out.append(" " + w)
            cur += 1 + len(w)
        else:
            out.append("\n" + w)
            cur = len(w)
    return "".join(out)


# --------------------------------------------------------------------------- edits


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _decap(s: str) -> str:
    w = s.split(" ", 1)[0]
    if len(w) > 1 and w[1:].islower() and w not in ("I",) and w.strip('“"‘(') not in NAMES:
        return s[:1].lower() + s[1:]
    return s


class _Planter:
    def __init__(self, text: str, seed: int, rate: float, donors: list[str] | None) -> None:
        self.text = text
        self.rng = random.Random(seed)
        self.paras = _parse(text)
        self.para_of: dict[int, _Para] = {}
        for p in self.paras:
            for s in p.sents:
                self.para_of[id(s)] = p
        self.sentences = [s for p in self.paras for s in p.sents]
        self.target = max(1, round(rate * len(self.sentences))) if self.sentences else 0
        self.touched: set[int] = set()
        self.edits: list[Edit] = []
        if donors is None:
            donors = [s.text for s in self.sentences]
        self.donors = [d for d in donors if 4 <= len(d.split()) <= 60]
        self.pool = list(self.sentences)
        self.rng.shuffle(self.pool)
        self.pool_pos = 0

    # -- picking
    def _pick(self, ok: Any = None, tries: int = 40) -> _Sent | None:
        """A random untouched old sentence (still present) satisfying ``ok``."""
        for _ in range(tries):
            if self.pool_pos >= len(self.pool):
                return None
            s = self.pool[self.pool_pos]
            self.pool_pos += 1
            if id(s) in self.touched or id(s) not in self.para_of:
                continue
            if ok is None or ok(s):
                return s
            self.pool.append(s)  # give it another chance for another kind of edit
        return None

    def _touch(self, *sents: _Sent) -> None:
        for s in sents:
            self.touched.add(id(s))

    def _far_index(self, i: int) -> int:
        """A paragraph index at least 3 away from ``i`` when the text allows it."""
        n = len(self.paras)
        choices = [j for j in (self.rng.randrange(n + 1) for _ in range(8)) if abs(j - i) >= 3]
        return choices[0] if choices else self.rng.randrange(n + 1)

    def _remove(self, s: _Sent) -> _Para:
        p = self.para_of.pop(id(s))
        p.sents.remove(s)
        p.dirty = True
        if not p.sents:
            self.paras.remove(p)
        return p

    # -- the edits; each returns the number of sentences touched, or None if not possible
    def substitute(self, among: list[_Sent] | None = None) -> int | None:
        modes = ["name", "number", "synonym"]
        self.rng.shuffle(modes)

        def candidates(s: _Sent) -> list[tuple[str, re.Match[str]]]:
            out: list[tuple[str, re.Match[str]]] = []
            for mode in modes:
                if mode == "number":
                    ms = list(_NUMBER.finditer(s.text))
                elif mode == "name":
                    ms = list(_CAPWORD.finditer(s.text))
                else:
                    ms = [m for m in _WORD.finditer(s.text) if m.group().lower() in SYNONYMS]
                if ms:
                    out.append((mode, self.rng.choice(ms)))
            return out

        if among is None:
            s = self._pick(lambda s: bool(candidates(s)))
        else:
            s = next((x for x in among if id(x) not in self.touched and candidates(x)), None)
        if s is None:
            return None
        mode, m = candidates(s)[0]
        word = m.group()
        if mode == "number":
            digits = [i for i, c in enumerate(word) if c.isdigit()]
            i = self.rng.choice(digits)
            pool = "123456789" if i == 0 else "0123456789"
            new_digit = self.rng.choice([d for d in pool if d != word[i]])
            new = word[:i] + new_digit + word[i + 1 :]
        elif mode == "name":
            new = self.rng.choice([n for n in NAMES if n != word])
        else:
            new = self.rng.choice(SYNONYMS[word.lower()])
            if word[0].isupper():
                new = _cap(new)
        old_text = s.text
        s.text = s.text[: m.start()] + new + s.text[m.end() :]
        self.para_of[id(s)].dirty = True
        self._touch(s)
        self.edits.append(
            Edit(
                "substitute",
                f"{mode}: {word!r} -> {new!r}",
                old_text=[old_text],
                _old_objs=[s],
                _new_objs=[s],
            )
        )
        return 1

    def delete(self) -> int | None:
        s = self._pick()
        if s is None:
            return None
        self._remove(s)
        self._touch(s)
        self.edits.append(Edit("delete", old_text=[s.text], _old_objs=[s]))
        return 1

    def insert(self) -> int | None:
        if not self.donors or not self.paras:
            return None
        if self.rng.random() < 0.25:  # a new paragraph of 1-3 sentences
            k = self.rng.randint(1, 3)
            new = [_Sent(self.rng.choice(self.donors)) for _ in range(k)]
            ref = self.paras[self.rng.randrange(len(self.paras))]
            p = _Para(new, None, "\n\n", ref.width, dirty=True)
            self.paras.insert(self.rng.randrange(len(self.paras) + 1), p)
            for s in new:
                self.para_of[id(s)] = p
                self._touch(s)
            self.edits.append(Edit("insert", "new paragraph", _new_objs=new))
            return k
        p = self.paras[self.rng.randrange(len(self.paras))]
        s = _Sent(self.rng.choice(self.donors))
        p.sents.insert(self.rng.randrange(len(p.sents) + 1), s)
        p.dirty = True
        self.para_of[id(s)] = p
        self._touch(s)
        self.edits.append(Edit("insert", _new_objs=[s]))
        return 1

    def move_sentence(self) -> int | None:
        if len(self.paras) < 4:
            return None
        s = self._pick()
        if s is None:
            return None
        src = self.para_of[id(s)]
        i = self.paras.index(src)
        self._remove(s)
        j = min(self._far_index(i), len(self.paras) - 1)
        dst = self.paras[j]
        dst.sents.insert(self.rng.randrange(len(dst.sents) + 1), s)
        dst.dirty = True
        self.para_of[id(s)] = dst
        self._touch(s)
        self.edits.append(
            Edit(
                "move_sentence",
                f"paragraph {i} -> {j}",
                old_text=[s.text],
                _old_objs=[s],
                _new_objs=[s],
            )
        )
        return 1

    def move_paragraph(self) -> int | None:
        if len(self.paras) < 5:
            return None

        def ok(s: _Sent) -> bool:
            p = self.para_of[id(s)]
            return (
                not p.dirty
                and p.old is not None
                and len(p.sents) <= 6
                and not any(id(x) in self.touched for x in p.sents)
            )

        s = self._pick(ok)
        if s is None:
            return None
        p = self.para_of[id(s)]
        i = self.paras.index(p)
        self.paras.pop(i)
        j = self._far_index(i)
        self.paras.insert(min(j, len(self.paras)), p)
        self._touch(*p.sents)
        self.edits.append(
            Edit(
                "move_paragraph",
                f"paragraph {i} -> {j}",
                old_text=[x.text for x in p.sents],
                _old_objs=[p],
                _new_objs=[p],
            )
        )
        return len(p.sents)

    def merge(self) -> int | None:
        def nxt(s: _Sent) -> _Sent | None:
            p = self.para_of[id(s)]
            k = p.sents.index(s)
            if k + 1 < len(p.sents):
                t = p.sents[k + 1]
                if id(t) not in self.touched and t.old is not None:
                    return t
            return None

        s = self._pick(lambda s: s.text.endswith(".") and nxt(s) is not None)
        if s is None:
            return None
        t = nxt(s)
        assert t is not None
        p = self.para_of[id(s)]
        glue = self.rng.choice([", and ", "; ", ", while "])
        merged = _Sent(s.text[:-1] + glue + _decap(t.text))
        k = p.sents.index(s)
        p.sents[k : k + 2] = [merged]
        p.dirty = True
        for x in (s, t):
            del self.para_of[id(x)]
        self.para_of[id(merged)] = p
        self._touch(s, t, merged)
        self.edits.append(
            Edit(
                "merge", repr(glue), old_text=[s.text, t.text], _old_objs=[s, t], _new_objs=[merged]
            )
        )
        return 2

    def split(self) -> int | None:
        def point(s: _Sent) -> re.Match[str] | None:
            n = len(s.text)
            ms = [m for m in _SPLIT_POINT.finditer(s.text) if 0.25 * n <= m.start() <= 0.75 * n]
            return ms[0] if ms else None

        s = self._pick(lambda s: point(s) is not None)
        if s is None:
            return None
        m = point(s)
        assert m is not None
        conj = m.group(1)
        first = s.text[: m.start()].rstrip(",;") + "."
        rest = s.text[m.end() :]
        second = (
            ("But " + rest)
            if conj == ", but "
            else ("So " + rest)
            if conj == ", so "
            else _cap(rest)
        )
        a, b = _Sent(first), _Sent(second)
        p = self.para_of.pop(id(s))
        k = p.sents.index(s)
        p.sents[k : k + 1] = [a, b]
        p.dirty = True
        self.para_of[id(a)] = self.para_of[id(b)] = p
        self._touch(s, a, b)
        self.edits.append(
            Edit("split", repr(conj), old_text=[s.text], _old_objs=[s], _new_objs=[a, b])
        )
        return 1

    def rewrap(self) -> int | None:
        s = self._pick(lambda s: not self.para_of[id(s)].dirty)
        if s is None:
            return None
        self.pool.append(s)  # layout only: the sentence stays available for other edits
        self.touched.discard(id(s))
        p = self.para_of[id(s)]
        if p.width:
            new_width = self.rng.choice([max(p.width - 12, 30), p.width + 8, 0])
        else:
            new_width = self.rng.choice([60, 72])
        if len(p.sents) == 0 or (new_width and len(" ".join(x.text for x in p.sents)) <= new_width):
            return None
        detail = f"width {p.width or 'one line'} -> {new_width or 'one line'}"
        p.width, p.dirty = new_width, True
        self.edits.append(Edit("rewrap", detail, _old_objs=[p], _new_objs=[p]))
        return 0

    def touch_paragraph(self, p: _Para) -> None:
        """An edit in a paragraph no edit reached: a word changed, else a re-wrap."""
        if self.substitute(among=list(p.sents)):
            return
        new_width = 0 if p.width else 72
        if len(" ".join(x.text for x in p.sents)) > 72:
            detail = f"width {p.width or 'one line'} -> {new_width or 'one line'}"
            p.width, p.dirty = new_width, True
            self.edits.append(Edit("rewrap", detail, _old_objs=[p], _new_objs=[p]))

    # -- driver
    def plant(self, condense: float = 0.0, every_paragraph: bool = False) -> None:
        done = cut = 0
        if condense:  # a condensed version: sentences cut first, the rest edited lightly
            while cut < round(condense * len(self.sentences)) and self.delete():
                cut += 1
        kinds = list(KIND_WEIGHTS)
        weights = [KIND_WEIGHTS[k] for k in kinds]
        failures = 0
        while done < self.target and failures < 200:
            kind = self.rng.choices(kinds, weights)[0]
            got = getattr(self, kind)()
            if got is None:
                failures += 1
                continue
            done += got
        if every_paragraph:
            for p in list(self.paras):
                if not p.dirty:
                    self.touch_paragraph(p)
        self.done = done + cut

    def render(self) -> str:
        out: list[str] = []
        pos = 0
        new_span: dict[int, Span] = {}
        last = len(self.paras) - 1
        tail = self.text[len(self.text.rstrip()) :]
        for i, p in enumerate(self.paras):
            if not p.dirty and p.old is not None:
                a, b = p.old
                block = self.text[a:b]
                for s in p.sents:
                    assert s.old is not None
                    new_span[id(s)] = (pos + s.old[0] - a, pos + s.old[1] - a)
            else:
                parts: list[str] = []
                off = pos
                for s in p.sents:
                    new_span[id(s)] = (off, off + len(s.text))
                    parts.append(s.text)
                    off += len(s.text) + 1
                block = _wrap(" ".join(parts), p.width)
            new_span[id(p)] = (pos, pos + len(block))
            out.append(block)
            pos += len(block)
            # paragraph separators as they were; the text ends as the old one did
            sep = (p.sep if p.sep.count("\n") >= 2 else "\n\n") if i < last else tail
            out.append(sep)
            pos += len(sep)
        new_text = "".join(out)
        # A paragraph re-wrapped and later emptied (its sentences deleted or moved away
        # by other edits) is no longer there: its layout edit goes with it.
        self.edits = [
            e
            for e in self.edits
            if e.kind != "rewrap" or all(id(o) in new_span for o in e._new_objs)
        ]
        for e in self.edits:
            for o in e._old_objs:
                span = o.old
                e.old_spans.append(span)
            for o in e._new_objs:
                span = new_span[id(o)]
                e.new_spans.append(span)
                if isinstance(o, _Sent):
                    e.new_text.append(new_text[span[0] : span[1]].replace("\n", " "))
            if e.kind in ("move_paragraph", "rewrap"):
                e.old_text = [self.text[a:b] for a, b in e.old_spans]
                e.new_text = [new_text[a:b] for a, b in e.new_spans]
            e._old_objs, e._new_objs = [], []
        return new_text


def make_variant(
    text: str,
    seed: int = 0,
    rate: float = 0.10,
    donors: list[str] | None = None,
    condense: float = 0.0,
    every_paragraph: bool = False,
) -> Variant:
    """Plant edits on about ``rate`` of the sentences of ``text``.

    Args:
        text: the old version (kept as is in ``Variant.old``); paragraphs are separated by
            blank lines.
        seed: seed of the private random generator.
        rate: share of old sentences that content edits touch (0.05-0.15 is what an
            editor does).
        donors: sentences to insert, "from elsewhere in the corpus"; by default sentences
            of ``text`` itself.
        condense: share of old sentences deleted first, as in a condensed version (the
            ``rate`` edits come on top).
        every_paragraph: leave no paragraph untouched: one that no edit reached gets a
            word substituted (or, with no word to change, is re-wrapped).

    Returns:
        the old and new texts and the planted edits with their spans.
    """
    planter = _Planter(text, seed, rate, donors)
    if planter.sentences:
        planter.plant(condense, every_paragraph)
    else:
        planter.done = 0
    new = planter.render()
    return Variant(text, new, planter.edits, len(planter.sentences), planter.done)
