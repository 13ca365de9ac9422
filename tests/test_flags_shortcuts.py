"""The shortcuts the flags take for speed give the answers of the long way.

Names tallied by paragraph (the paragraphs two versions share tallied once), headings
told by their line alone, heading lines found from the line breaks, sentences folded
whole, spelled-out figures skipped past plain words and quote marks between letters
skipped: each is checked here against the way it was computed before.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

import pytest
from conftest import CONDENSED, FULL, UNRELATED

import core.flags.quotes as quotes
from core.flags import figure_words, names, pooled
from core.flags.names import Names, SharedParagraphs, tally

HEADED = (
    "BREAKING NEWS\n\nThe Minister of Finance met Smith in Paris, and this Contributor said, "
    "Go now.\n\nTerms And Conditions\nA line with Jones and the Treaty; then Jones left.\n"
    '"Covered Code" means the Code. He said unto them, Come here. Any Licensee may.\n\n'
    "  \n\nNO WARRANTY\r\nThe Bank of England raised rates; the bank said, Wait.\n\n"
    "A said\n, Go to the Palace of Westminster.\n\n\nLast Line With Capitals"
)
SAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in (FULL, CONDENSED, UNRELATED)]


def _reference_names(text: str) -> frozenset[str]:
    """The names as one tally of the whole text gives them (the way before)."""
    return Names(text, lambda: (tally(text),)).names


def _edited(text: str) -> str:
    """``text`` with every third paragraph changed, one removed and one added."""
    paragraphs = text.split("\n\n")
    out = [p + " Added by Mr Brown." if i % 3 == 1 else p for i, p in enumerate(paragraphs)]
    return "\n\n".join([*out[1:], "A New Paragraph about Brown, said Green."])


@pytest.mark.parametrize(
    "text",
    [HEADED, ", Go said Smith.\n" + HEADED, HEADED + "\n\n" + HEADED, *SAMPLE_TEXTS],
)  # (the last made up has each paragraph twice: counted, not a set)
@pytest.mark.parametrize("share", [0.0, 1.1])  # paragraphs rejoined, or whole texts
def test_names_from_shared_paragraphs_are_the_names_of_each_whole_text(
    text: str, share: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(names, "MIN_SHARED_SHARE", share)
    old, new = text, _edited(text)
    shared = SharedParagraphs(old, new)
    found = (Names(old, lambda: shared.tallies(0)), Names(new, lambda: shared.tallies(1)))
    assert found[0].names == _reference_names(old)
    assert found[1].names == _reference_names(new)
    if HEADED in text:  # (the samples are in lower case: they have none)
        assert {"smith", "paris", "jones", "brown"} <= found[1].names


def test_the_tally_of_paragraphs_adds_up_to_the_tally_of_the_text() -> None:
    parts = HEADED.split("\n\n")
    whole = tally(HEADED)
    first, rest = tally("\n\n".join(parts[::2])), tally("\n\n".join(parts[1::2]))
    added = Counter(first.capitalised)
    added.update(rest.capitalised)  # (counts may be 0 or less: not dropped)
    assert {w: n for w, n in added.items() if n} == {
        w: n for w, n in whole.capitalised.items() if n
    }
    assert whole.capitalised["Go"] == 0  # speech opened after a comma: counted off
    assert whole.after_determiner == first.after_determiner | rest.after_determiner
    assert whole.spelled == first.spelled | rest.spelled


def _headings_before(text: str) -> list[int]:
    """Heading lines as they were found before: one pass over the whole text."""
    out: list[int] = []
    for line in names._NO_LOWER_WORD_LINE.finditer(text):
        if names._heading(line.group()):
            out += [line.start(), line.end()]
    return out


@pytest.mark.parametrize("text", [HEADED, HEADED.replace("\n", "\r\n"), "\n" + HEADED + "\n"])
def test_a_heading_is_told_by_its_line_as_by_the_whole_text(text: str) -> None:
    before = _headings_before(text)
    assert before  # the text has headings
    found = Names(text)
    for pos in range(len(text) + 1):
        assert found.in_heading(pos) == (bisect_right(before, pos) % 2 == 1), pos


@pytest.mark.parametrize("text", [HEADED, "\n\nNO WARRANTY\n", "ONE TWO\nthree four five", ""])
def test_lines_without_lower_case_words_are_found_from_the_line_breaks(text: str) -> None:
    spans = [m.span() for m in names._NO_LOWER_WORD_LINE.finditer(text)]
    assert list(names._no_lower_word_lines(text)) == spans


def test_folding_a_sentence_whole_moves_a_word_bound_only_where_it_says() -> None:
    # Every character that folds to one other character keeps its class for ``WORD``
    # (word character, digit, one of its joining marks), but U+0345.
    joining = set("'\u2019-\u2010\u2011.,:")
    word, digit = re.compile(r"\w"), re.compile(r"\d")
    changed = []
    for code in range(0x80, 0x110000):
        char = chr(code)
        folded = char.casefold()
        if folded == char or len(folded) != 1:
            continue
        for pattern in (word, digit):
            if bool(pattern.match(char)) != bool(pattern.match(folded)):
                changed.append(code)
        if (char in joining) != (folded in joining):
            changed.append(code)
    assert changed == [0x345]


@pytest.mark.parametrize(
    "text",
    [
        "The Straße and STRASSE were closed by İstanbul’s mayor, 3.5 km away.",
        "ΣΟΦΊΑ met the ſtate's \u212aing; \u03b1\u0345 a mark that folds to a letter.",
        "Plain ASCII Words With Capitals, and some function words too.",
        "Curly \u201cquotes\u201d \u2014 and dashes \u2013 but no capitals to fold.",
    ],
)
def test_content_words_of_a_sentence_folded_whole_are_those_of_each_word(text: str) -> None:
    words = {m.group().casefold() for m in pooled.WORD.finditer(text)} - pooled._FUNCTION
    assert pooled.content_words(text) == {w[:5] for w in words if len(w) > 1}


@pytest.mark.parametrize(
    "sentence",
    [
        "He had twenty-one cats, one of which was three years old.",
        "A hundred and five people came on the first day, not the second.",
        "No one knew; one by one they left, and one another too.",
        "It cost $5 or 12% of 50,000 dollars in 1985 and sept 1986.",
        "They two went to the third floor; the fortieth and a half dozen.",
        "Plain words only, without a single figure in them.",
        "Version 3.11.2 and forty and six thousand and an odd one.",
    ],
)
def test_figures_of_a_sentence_are_read_as_before(sentence: str) -> None:
    # A word outside ASCII takes the long way (as every sentence did before); ``é``
    # on a line of its own before the sentence is no figure, and changes none.
    assert figure_words._values(sentence) == figure_words._values("é\n" + sentence)


@pytest.mark.parametrize(
    "text",
    [
        "He said 'don't go' and O'Brien's 'rock 'n' roll' isn't 'it'.",
        "\u2018It\u2019s here,\u2019 she said \u2019tis \u201cwe\u2019re\u201d done.",
        "tokenized ' this is it , ' and 'word' and word' and ''double'' runs.",
        "A \"quote that runs on\n\nand a 'single one",
    ],
)
def test_quotations_skip_apostrophes_between_letters_as_before(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = quotes.quote_regions(text)
    every_mark = re.compile(f"[{quotes._MARK_CHARS}]")
    monkeypatch.setattr(quotes, "_SCANNED", every_mark)  # every mark looked at
    assert quotes.quote_regions(text) == fast


def test_a_long_line_is_looked_at_once_for_its_headings() -> None:
    # (a text of one long line is not searched again for each word: linear)
    text = "Some words of one long line, with Names in it " * 2000
    found = Names(text)
    assert not any(found.in_heading(pos) for pos in range(0, len(text), 97))
    assert found._starts == [0] and found._ends == [len(text)]


@pytest.mark.parametrize(
    "text",
    [
        'He said "we will win" and left. Then "again" she said.\n\nNo marks here at all.',
        "Before the mark, words; then 'quoted words' and \u201cmore\u201d after.",
        HEADED,
    ],
)
def test_no_quotation_reaches_a_span_said_to_have_none(text: str) -> None:
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 30) + 1):
            found = quotes.Quotations(text)
            if found.none_in(start, end):
                assert not any(found.overlaps((s, s + 1)) for s in range(start, end))
    found = quotes.Quotations(text)
    assert found.none_in(0, 4) and found._found == [None]  # (marks after: not scanned)
