"""Risky-edit flags (core.flags.detect, core.flags.quotes): planted edits of each kind, and none on
trivial or harmless differences."""

from __future__ import annotations

import re

import pytest
from conftest import CONDENSED, FULL, REPO, UNRELATED

from core.engine.compare import compare
from core.engine.stats import punctuation_only
from core.flags.detect import FLAG_KINDS, FLAG_LABELS, Flag, flag_comparison, flags_by_block
from core.flags.quotes import Quotations, quote_regions
from core.model import CompareOptions
from core.text.document import document_from_text, load_document

TAIL = " The rest of the story stays exactly the same in both versions."


def flags_of(old: str, new: str, ignore_case: bool = True) -> tuple[Flag, ...]:
    comparison = compare(
        document_from_text(old + TAIL),
        document_from_text(new + TAIL),
        CompareOptions(ignore_case=ignore_case),
    )
    return flag_comparison(comparison)


RISKY = [
    (
        "number",
        "Police said 20 people were hurt.",
        "Police said 27 people were hurt.",
        '"20" → "27"',
    ),
    ("number", "He signed a four-year contract.", "He signed a five-year contract.", "four-year"),
    (
        "number",
        "About 50,000 people marched.",
        "About 55,000 people marched.",
        '"50,000" → "55,000"',
    ),
    ("number", "It lasted three days.", "It lasted several days.", '"three"'),
    ("number", "Turnout was 61.5 per cent.", "Turnout was 62.5 per cent.", "61.5"),
    ("negation", "The plan is legal, he said.", "The plan is not legal, he said.", 'added "not"'),
    ("negation", "The minister did know.", "The minister didn't know.", "didn't"),
    ("negation", "They will return.", "They will never return.", "never"),
    ("negation", "There was no evidence.", "There was evidence.", 'removed "no"'),
    ("negation", "He does not agree.", "He does agree.", '"not"'),
    ("attribution", "It is over, Smith said.", "It is over, Smith claimed.", '"said" → "claimed"'),
    ("attribution", "It is over, police said.", "It is over, according to police.", "according"),
    # ("added", like "said", reports neutrally since session 16: "told" -> "insisted")
    ("attribution", "The man left, she told reporters.", "The man left, she insisted.", "told"),
    ("attribution", "Prices will rise, he said.", "Prices will rise, he warned.", "warned"),
    ("quote", '"We will win," he said.', '"We might win," he said.', '"will" → "might"'),
    (
        "quote",
        "He called it \u201ca disgrace\u201d today.",
        "He called it \u201ca scandal\u201d today.",
        "disgrace",
    ),
    (
        "quote",
        "she said : ' we are safe here , ' and left .",
        "she said : ' we are calm here , ' and left .",
        "safe",
    ),
    (
        "quote",
        "He said it was \u2018a mistake\u2019 at first.",
        "He said it was \u2018an error\u2019 at first.",
        "mistake",
    ),
    (
        "name",
        "The summit was held in Paris last week.",
        "The summit was held in Lyon last week.",
        '"Paris" → "Lyon"',
    ),
    ("name", "The deal with the mayor was signed.", "The deal with Hidalgo was signed.", "Hidalgo"),
    ("name", "Officials met John Smith on Monday.", "Officials met John Smyth on Monday.", "Smyth"),
    (
        "name",
        "The company sold shares to Nvidia.",
        "The company sold shares to investors.",
        "Nvidia",
    ),
]


@pytest.mark.parametrize(("kind", "old", "new", "explained"), RISKY)
def test_each_kind_is_flagged_on_a_planted_edit(kind: str, old: str, new: str, explained: str):
    flags = flags_of(old, new)
    assert [f.kind for f in flags] == [kind], [(f.kind, f.explanation) for f in flags]
    assert explained in flags[0].explanation


def test_flag_spans_are_the_changed_words() -> None:
    old, new = "Police said 20 people were hurt.", "Police said 27 people were hurt."
    (flag,) = flags_of(old, new)
    assert [old[s:e] for s, e in flag.old] == ["20"]
    assert [new[s:e] for s, e in flag.new] == ["27"]
    assert flag.block == 0


def test_a_lower_case_word_becoming_a_capitalized_name_when_case_counts() -> None:
    old = "They signed the apple deal. Analysts praised the Apple board."
    new = "They signed the Apple deal. Analysts praised the Apple board."
    assert [f.kind for f in flags_of(old, new, ignore_case=False)] == ["name"]
    # Case ignored: a trivial difference, never a flag.
    assert flags_of(old, new, ignore_case=True) == ()


def test_a_name_known_from_the_other_version_counts_in_lower_case() -> None:
    # "lyon" is a name because the new version spells it "Lyon" in mid-sentence.
    old = "the summit moved from paris to lyon. It rained."
    new = "the summit moved from rome to Marseille. It rained in Lyon."
    flags = flags_of(old, new)
    assert "name" in [f.kind for f in flags]


TRIVIAL = [
    ("case", "The deal with the Mayor was signed.", "The deal with the mayor was signed."),
    ("curly quotes", 'He said "we will win" today.', "He said \u201cwe will win\u201d today."),
    ("apostrophe", "He didn't know about 20 cars.", "He didn\u2019t know about 20 cars."),
    ("punctuation", "Smith said, on Monday, that 20 died.", "Smith said on Monday that 20 died."),
    ("quote punctuation", '"We will win," he said.', '"We will win" he said.'),
    ("whitespace", "Smith  said\n20 people\tdied.", "Smith said 20 people died."),
    ("hyphen spacing", "The eight - minute video.", "The eight-minute video."),
    (
        "plain synonym",
        "The deal with the big bank was signed.",
        "The deal with the large bank was signed.",
    ),
    ("plain verb", "Workers started the repairs.", "Workers began the repairs."),
    (
        "sentence start after reordering",
        "He left the city on Monday.",
        "On Monday he left the city.",
    ),
    (
        "reordered clause",
        "Smith left the city after the vote.",
        "After the vote Smith left the city.",
    ),
    ("did not contracted", "The minister did not know.", "The minister didn't know."),
    ("tense of said", "It is over, Smith said.", "It is over, Smith says."),
]


@pytest.mark.parametrize(("what", "old", "new"), TRIVIAL, ids=[t[0] for t in TRIVIAL])
def test_no_flag_on_trivial_or_harmless_differences(what: str, old: str, new: str) -> None:
    assert flags_of(old, new) == (), what


def test_moved_unchanged_sentence_gets_no_flag() -> None:
    first = "Police said 20 people were hurt in Paris."
    middle = " ".join(f"Sentence {w} is filler text number {n}." for n, w in enumerate("abcdef"))
    last = "The mayor, Anne Hidalgo, said she was not surprised."
    comparison = compare(
        document_from_text(f"{first} {middle} {last}"),
        document_from_text(f"{middle} {last} {first}"),
    )
    assert [b.kind for b in comparison.blocks].count("moved") == 1
    assert flag_comparison(comparison) == ()


def test_added_or_removed_sentences_are_not_flagged() -> None:
    old = "The vote was held. Turnout was high."
    new = "The vote was held. Smith said 20 people were not allowed to vote. Turnout was high."
    comparison = compare(document_from_text(old), document_from_text(new))
    assert any(b.kind == "inserted" for b in comparison.blocks)
    assert flag_comparison(comparison) == ()


def test_one_flag_per_kind_per_block_sorted_by_block() -> None:
    old = "It is over, police said. Nothing changed here at all. The toll was 20, he said."
    new = (
        "It is over, according to police. Nothing changed here at all. The toll was 27, he claimed."
    )
    comparison = compare(document_from_text(old), document_from_text(new))
    flags = flag_comparison(comparison)
    assert [(f.kind) for f in flags] == ["attribution", "number", "attribution"]
    assert [f.block for f in flags] == sorted(f.block for f in flags)
    assert len(flags[0].old) == 1 and len(flags[0].new) == 1  # two changes, one flag
    assert flags[0].explanation == '"said" \u2192 "according"'
    grouped = flags_by_block(flags)
    assert [len(v) for v in grouped.values()] == [1, 2]


def test_labels_cover_every_kind() -> None:
    assert set(FLAG_LABELS) == set(FLAG_KINDS)


def test_sample_pair_flags_no_punctuation_only_change() -> None:
    comparison = compare(load_document(CONDENSED), load_document(FULL))
    flags = flag_comparison(comparison)
    for flag in flags:
        block = comparison.blocks[flag.block]
        assert not punctuation_only(block, comparison.old.text, comparison.new.text)
        assert flag.old or flag.new


QUOTES = [
    ('He said "we will win" and left.', ["we will win"]),
    ("He said \u201cwe will win\u201d and left.", ["we will win"]),
    ("It's the mayor's view, isn't it?", []),
    ("The '90s were 'great fun' for 'em.", ["great fun"]),
    ("she said : ' we are safe , ' and left .", [" we are safe , "]),
    # A quote running on reopens at each paragraph; the blank line ends the first part.
    ('"First part\n\n"Second part" ends.', ["First part", "Second part"]),
    ('"Never closed\n\nNot quoted" here.', ["Never closed"]),
    ("the group 's fighters ' liberated ' the city .", [" liberated "]),
]


@pytest.mark.parametrize(("text", "quoted"), QUOTES)
def test_quote_regions(text: str, quoted: list[str]) -> None:
    assert [text[s:e] for s, e in quote_regions(text)] == quoted


def test_a_stray_spaced_mark_does_not_turn_the_rest_into_a_quote() -> None:
    stray = "great ] ' behind the frontline " + "the video shows the town . " * 30
    text = stray + "they have ' liberated ' the city ."
    assert [text[s:e] for s, e in quote_regions(text)] == [" liberated "]
    quotations = Quotations(text)
    assert not quotations.overlaps((text.index("video"), text.index("video") + 5))
    assert quotations.overlaps((text.index("liberated"), text.index("liberated") + 9))


# One test per failure on real copy (issue 12), in our own sentences.
ISSUE_12 = [
    (
        "an ALL-CAPS kicker makes no names",
        "BREAKING NEWS FROM THE CITY\n\nThe news reached the council late.",
        "BREAKING NEWS FROM THE CITY\n\nThe outcome reached the council late.",
    ),
    (
        "speech opened after a comma makes no names",
        "And he said, Let the people go. They let us allow it.",
        "And he said, Allow the people to go. They let us allow it.",
    ),
    (
        "a nested closing .'\" ends both quotes",
        "He said, \"She told me 'go now.'\" Then the crowd walked home quietly.",
        "He said, \"She told me 'go now.'\" Then the crowd strolled home quietly.",
    ),
    (
        "a quote whose words did not change is not flagged",
        'He said "we will surely win" and left.',
        'He said "surely we will win" and left.',
    ),
    (
        "a stray mark opens no quote",
        "The vote was held ' on a cold day.",
        "The vote was held ' on a freezing day.",
    ),
    ("one as a pronoun is no figure", "No one has seen the report.", "Nobody has seen the report."),
    ("tenses of one verb", "And the king saith unto them, Go.", "And the king said unto them, Go."),
    (
        "spake and said are one verb",
        "And the king spake unto them, Go.",
        "And the king said unto them, Go.",
    ),
    (
        "that is to say is no attribution",
        "The rule, that is to say the law, applies.",
        "The rule, namely the law, applies.",
    ),
    (
        "a figure spelled otherwise is the same figure",
        "They numbered threescore and fourteen thousand men.",
        "They numbered seventy-four thousand men.",
    ),
]


@pytest.mark.parametrize(("what", "old", "new"), ISSUE_12, ids=[t[0] for t in ISSUE_12])
def test_no_flag_on_the_real_copy_failures(what: str, old: str, new: str) -> None:
    assert flags_of(old, new) == (), what


def test_no_flags_on_a_pair_sharing_almost_nothing() -> None:
    comparison = compare(
        document_from_text("The team scored two goals in the final.\n\n15."),
        document_from_text("The team scored two goals in the final.\n\nA definition of terms."),
    )
    assert flag_comparison(comparison) == ()


def test_explanations_quote_whole_words_never_a_lone_mark() -> None:
    flags = flags_of('He said "thou art here" and left.', 'He said "you are here" and left.')
    assert [f.kind for f in flags] == ["quote"]
    assert flags[0].explanation == '"thou art" \u2192 "you are" inside a quote'


def test_names_are_told_per_document_and_lower_case_text_has_none() -> None:
    from core.flags.detect import has_no_capitals

    assert has_no_capitals("the uk and british officials met .")
    assert not has_no_capitals("The UK met.")
    assert flags_of("He met officials from Britain.", "He met officials from France.")[0].kind == (
        "name"
    )


@pytest.mark.parametrize(
    "path", [FULL, CONDENSED, UNRELATED, REPO / "bench" / "real" / "web.txt"], ids=lambda p: p.name
)
def test_paragraphs_found_near_a_change_agree_with_the_whole_texts(path) -> None:
    text = path.read_text(encoding="utf-8")
    regions = quote_regions(text)
    inside = {pos for s, e in regions for pos in range(s, e)}
    quotations = Quotations(text)
    for pos in range(0, len(text), 7):
        assert quotations.overlaps((pos, pos + 1)) == (pos in inside), pos


def test_a_name_against_its_lower_case_spelling_is_no_name_change() -> None:
    # "Light" is a name of the old text; the new one says "light": case is trivial.
    old = "They saw the Light. The Light filled the hall at dawn."
    new = "They saw the Light. The hall was filled with light at dawn."
    assert "name" not in [f.kind for f in flags_of(old, new)]


def test_negation_explanations_name_the_negations_that_went() -> None:
    flags = flags_of("He did not go, not at all, to the city.", "He did not go at all to the city.")
    assert [(f.kind, f.explanation) for f in flags] == [("negation", 'removed "not"')]


def test_explanations_on_real_copy_quote_words_never_a_lone_mark_or_an_unchanged_pair() -> None:
    kjv = (REPO / "bench" / "real" / "kjv.txt").read_text(encoding="utf-8")
    web = (REPO / "bench" / "real" / "web.txt").read_text(encoding="utf-8")
    flags = flag_comparison(compare(document_from_text(kjv), document_from_text(web)))
    assert len(flags) > 100
    for flag in flags:
        text = flag.explanation.removesuffix(" inside a quote")
        quoted = re.findall(r'"([^"]*)"', text)
        assert quoted, flag.explanation
        for part in quoted:
            items = part.removesuffix(", \u2026").split(", ")  # "…": more words
            assert all(re.search(r"\w", item) for item in items), flag.explanation
        if "\u2192" in text:
            assert quoted[0] != quoted[1], flag.explanation


def test_explanations_keep_a_name_of_several_words_together() -> None:
    # itn-blurbs: "removed "Nicolas, Philibert"" read as two people.
    on = "On the Adamant wins the Golden Bear at the Berlin International Film Festival."
    flags = flags_of(
        "On the Adamant (director Nicolas Philibert pictured) wins the Golden Bear at the "
        "Berlin International Film Festival.",
        on,
    )
    assert ("name", 'removed "Nicolas Philibert"') in [(f.kind, f.explanation) for f in flags]
    iom = flags_of(
        "About 500,000 people have fled, the International Organization for Migration said.",
        "About 500,000 people have fled.",
    )
    assert 'removed "International Organization for Migration"' in [f.explanation for f in iom]
    two = flags_of("The award went to Smith, Jones and Brown.", "The award went to Brown.")
    assert [f.explanation for f in two if f.kind == "name"] == ['removed "Smith, Jones"']
