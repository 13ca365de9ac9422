"""The cheaper ways the flags take on heavily edited text give the answers of the ways
before: each is checked here against the way it was computed before (kept here), on
the cases its own shortcut could get wrong.
"""

from __future__ import annotations

import random
import re

import pytest

from core.flags import attribution, detect, figure_words, names, pooled, quotes
from core.flags.numerals import SCALE_WORDS, SCALES_AFTER_A_NUMBER
from core.flags.pooled import Word
from core.model import Block

PARTICLE_TEXTS = [
    "Ursula von der Leyen met van den Berg, zu dem Hof and ter der Aa.",
    "avon der Zee, vonder der Xyz, von der der Yew, Herr von der Zu der Abc.",
    "von dem\nVon der Ab, von derX, von der \u00c9lan, under Order, wonder den Dam.",
    "Voltaire zu den Zelten, van dem Bosch, vom der Kamp, ter den Berg, und der Rest.",
    "",
]


@pytest.mark.parametrize("text", PARTICLE_TEXTS)
def test_names_after_a_particle_are_found_as_before(text: str) -> None:
    before = re.compile(rf"\b(?:von|van|vom|zu|ter) (?:der|den|dem) ([{names._CAPITALS}]\w*)")
    assert names._AFTER_PARTICLE.findall(text) == before.findall(text)


SCALED_TEXTS = [
    "$5 million and 5$10 million, \u00a33.5bn, 1,500,000 and 2.1m votes, 30m away",
    ",5 million .5 bn 5.5.5 billion x$3 billion 4 5 thousand 3 mil \u20ac2 "
    "\u043c\u043b\u0440\u0434",
    "5 million$3 billion, \u00a5 7 trillion, 12,000 Thousand, 1,23 million, \u0663 million",
    "$12,345,678 billion and 0.25k or \u00a3100k; 3,400 MILLION; 10 cents, 2 mille",
    "No figure at all here.",
]


@pytest.mark.parametrize("text", SCALED_TEXTS)
def test_numbers_and_their_scales_are_read_as_before(text: str) -> None:
    scales = "|".join(sorted((*SCALE_WORDS, *SCALES_AFTER_A_NUMBER), key=len, reverse=True))
    before = re.compile(
        r"(?i)(?<![\d.,])([$\u00a3\u20ac\u00a5])?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?"
        rf"(hundred|thousand|million|billion|trillion|bn|mn|tn|k|m|b|{scales})\b"
    )
    now = re.compile(figure_words._SCALED)
    assert [
        (figure_words._sign_before(text, m.start()), *m.groups(), m.end())
        for m in now.finditer(text)
    ] == [(*m.groups(), m.end()) for m in before.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Up 5% to $3, \u00a32, \u20ac1, \u00a54, \u20b95 and \u20bd6.",
        "No sign.",
        "%",
        "",
        "[$]^-\\",
    ],
)
def test_a_sign_is_found_in_a_span_as_before(text: str) -> None:
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 2):
            before = not pooled.SIGN_CHARS.isdisjoint(text[start:end])
            assert pooled.holds_sign(text, [(start, end)]) == before
    assert pooled.has_sign(text) == (not pooled.SIGN_CHARS.isdisjoint(text))


SPEECH_TEXTS = [
    "Smith said, and SAID again; he'd said it. Unsaid, said-so, said\u2019 and 'said' told.",
    "Jones claimed: \u201cwe won\u201d, according to police, who added that the mayor stated it.",
    "\u0420\u0435\u0447\u043d\u0438\u043a \u043f\u043e\u0432\u0456\u0434\u043e\u043c\u0438\u0432"
    " i powiedzia\u0142a, \u017ce; \u017fAID (long s) and sa\u0130d, Says_x says1 says.",
]


@pytest.mark.parametrize("text", SPEECH_TEXTS)
def test_attribution_verbs_are_found_as_before(text: str) -> None:
    # (the pattern searched for along the text, as before; a match whose folded form
    # is no verb's was read as none)
    forms = attribution._attribution_forms()
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1, 3):
            before = [
                m.span()
                for m in forms.finditer(text, start, end)
                if m.group().casefold() in attribution._ATTRIBUTIONS
            ]
            now = [m.span() for m in attribution._attribution_words(text, start, end)]
            assert now == before, (start, end)
    lemmas = attribution.attribution_lemmas(text, ((0, len(text)),), loose=True)
    assert lemmas and lemmas == {
        lemma
        for m in forms.finditer(text)
        if (lemma := attribution._lemma(Word(m.group(), *m.span(), 0), text, True))
    }


MARKED_TEXTS = [
    "don't 'x' O'Brien's \u2019tis rock \u2019n\u2019 roll \u2018a\u2019 \"b\" \u00abc\u00bb",
    "\u201ed\u201c \u300ce\u300d _'_ 1'2 a' 'a '' \u2019\u2019 x\u2019 \u2019x",
    "\u00e9'\u00e9 \u300e\u300f '\n' \u2019\n\u2019 it's\n's",
]


@pytest.mark.parametrize("text", MARKED_TEXTS)
def test_quote_marks_are_scanned_as_before(text: str) -> None:
    before = re.compile(
        '["\u201c\u201d\u201e\u201f\u2018\u201a\u201b\u00ab\u00bb\u300c\u300d\u300e\u300f]'
        "|['\u2019](?:(?<![^\\W_]['\u2019])|(?![^\\W_]))"
    )
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            now = [m.span() for m in quotes._SCANNED.finditer(text, start, end)]
            assert now == [m.span() for m in before.finditer(text, start, end)], (start, end)


@pytest.mark.parametrize("nearby", [1, 2, 3])
@pytest.mark.parametrize("kinds", ["eceeiedcm", "eeee", "c", "", "mceeeeed"])
def test_the_block_next_to_a_block_is_found_as_before(
    nearby: int, kinds: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(detect, "NEARBY_BLOCKS", nearby)
    named = {"e": "equal", "c": "changed", "i": "inserted", "d": "deleted", "m": "moved"}
    blocks = tuple(Block(named[k], (i, i + 1), (i, i + 1), ()) for i, k in enumerate(kinds))
    padding = Block("equal", None, None, ())
    for index in range(len(blocks)):
        for step in (-1, 1):
            near = list(detect._neighbours(blocks, index, step, nearby))
            before = next((b for b in near if b.kind != "equal"), near[0] if near else padding)
            assert detect._next_to(blocks, index, step, padding) is before


def test_a_digit_tells_a_sentence_holds_figures_as_the_number_words_pattern_did() -> None:
    # ``_values`` looks for a digit before the number words' pattern: each digit it
    # finds, that pattern finds too (so the pattern alone would have told the same).
    digits = [chr(c) for c in range(0x110000) if figure_words._DECIMAL.match(chr(c))]
    assert "7" in digits and "\u0663" in digits
    assert all(figure_words._numberish().match(d) for d in digits)
    assert not figure_words._DECIMAL.search("seventy-four and elf")


def test_changed_words_of_letters_and_digits_alone_are_taken_as_the_expression_reads_them() -> None:
    """``detect._words`` takes a span of letters and digits alone whole; every span of
    random text gives the words the expression finds (the way before)."""
    import random

    rng = random.Random(5)
    palette = list("ab9Z_ -\u2010\u2013.,:'\u2019\u00e9\u00df\u00b2\u0663\u0301\u4e00\u2167 \n")
    for _ in range(3000):
        text = "".join(rng.choice(palette) for _ in range(rng.randrange(0, 30)))
        spans = []
        for _ in range(rng.randrange(0, 4)):
            s = rng.randrange(0, len(text) + 1)
            spans.append((s, rng.randrange(s, len(text) + 1)))
        spans_t = tuple(spans)
        before = tuple(
            Word(m.group(), *m.span(), 0)
            for s, e in spans_t
            for m in pooled.WORD.finditer(text, s, e)
        )
        assert detect._words(text, spans_t) == before, (text, spans_t)


VALUE_TEXTS = [
    "Changed in version 3.3: forty-six thousand and 12 people on March 5, 2021.",
    "He said one of them paid $3.5bn, or 3,500 million, in the 1990s; elf Kinder.",
    "\u2018Twenty-one\u2019 rose to 21 \u2013 on Jan 5 \u2013 and 10 de noviembre de 2025.",
    "Na\u00efve caf\u00e9 owners don\u2019t count 2 :30 or "
    "\u0434\u0432\u043e\u0454 \u0434\u0456\u0442\u0435\u0439 (two children).",
    "Die Stra\u00dfe 5 hat elf H\u00e4user und 21 000 Einwohner, p\u00f3\u0142 miliona.",
    "\u0130stanbul had 1,5 million; "
    "\u043f\u0456\u0432\u043c\u0456\u043b\u044c\u044f\u0440\u0434\u0430 and 3 - items.",
    "one by one, no one, a hundred and five, 1st, second, 05/03/2023 and 12.5%.",
    "twenty people and thirty dogs, seven boats and two",
]


@pytest.mark.parametrize("text", VALUE_TEXTS)
def test_a_sentences_figures_by_value_read_as_before(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``_values`` reads a plain word without looking around it, and folds a text
    whose characters each fold to one in one pass: every token looked at in full
    (``_NOT_PLAIN`` holding every token) gives the same figures; so does the text
    with its ``ß`` (which folds to two characters, so each token is folded alone)
    written ``ss``."""
    quick = (figure_words._values(text), figure_words._values(text, True))
    folded = text.casefold().replace("\u2019", "'").replace("-", " ")
    every = frozenset({*figure_words._NOT_PLAIN, *re.findall(figure_words._TOKENS, folded)})
    monkeypatch.setattr(figure_words, "_NOT_PLAIN", every)
    assert (figure_words._values(text), figure_words._values(text, True)) == quick
    if "\u00df" in text:
        monkeypatch.undo()
        assert figure_words._values(text.replace("\u00df", "ss")) == quick[0]


HEDGED_TEXTS = [
    "Police said more than 150 people and about \u00a330m were seen, nearly 40%.",
    "Up to  5, no fewer than\n12, ~7, \u2248 8, some US$ 9 and roughly $10 billion.",
    "mehr als 20 Menschen, pr\u00e8s de 3 000, \u043f\u043e\u0447\u0442\u0438 40, at least",
    "about5 over 6 underX 7 some-8",
]


@pytest.mark.parametrize("text", HEDGED_TEXTS)
def test_a_figure_is_shown_with_its_hedge_as_before(text: str) -> None:
    """``with_hedge`` runs its expression only when a change starts before the figure
    and ends after where a hedge could start: for every figure and every changed span
    (and none), the word shown is the one the expression alone gave."""
    from core.flags import hedges

    def before(word: Word, changed: list[tuple[int, int]]) -> Word:
        lo = max(0, word.start - hedges._REACH - 2)
        for m in hedges._hedge().finditer(text, lo, word.start):
            if m.end() == word.start and any(s < m.end(1) and m.start() < e for s, e in changed):
                return Word(text[m.start() : word.end], m.start(), word.end, word.change)
        return word

    figures = [Word(m.group(), *m.span(), 0) for m in re.finditer(r"\d[\d ,.%]*", text)]
    assert figures
    for word in figures:
        cases: list[list[tuple[int, int]]] = [[], [(word.start, word.end)]]
        near = range(max(0, word.start - 30), word.end + 1)  # (every start a hedge could have)
        cases += [[(s, e)] for s in near for e in (s + 1, s + 2, word.start, word.end) if e > s]
        cases += [[(0, 1), (s, s + 1)] for s in near]
        for changed in cases:
            assert hedges.with_hedge(word, text, changed) == before(word, changed), (
                word,
                changed,
            )


def test_acronyms_are_found_as_before() -> None:
    """``_ACRONYM`` matches its first capital before its look-behind (so the engine
    skips to a capital): the same matches as the look-behind first, from any start."""
    from core.flags import name_changes

    before = re.compile(r"(?<![\w.])(?:[A-Z]\.?){2,7}(?!\w)")
    texts = [
        "The U.S. and USA, U.N. forces, CFB Trenton, A.B.C.D.E.F.G.H and XYZabc.",
        ".US x.U.S. aUS _US 1US \u00c9US US\u00c9 U.S.A.B.C.D.E.F. I A. B",
    ]
    pieces = ["A", "B", "U", ".", " ", "a", "1", "_", "\u00c9", "-"]
    rng = random.Random(7)
    for _ in range(3000):  # (short strings of the characters each part tells apart)
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randrange(12))))
    for text in texts:
        for start in range(len(text) + 1):
            now = [m.span() for m in name_changes._ACRONYM.finditer(text, start)]
            assert now == [m.span() for m in before.finditer(text, start)], (text, start)
