"""Sentence and paragraph segmentation on the three layouts of real copy."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.engine.segment import _lines, _lines_by_pattern, segment
from tests.conftest import CONDENSED, FULL, UNRELATED


def _sentences(text: str) -> list[str]:
    return [text[s:e].strip(" \n\r\u2028\u2029\x85") for s, e in segment(text).sentences]


@pytest.mark.parametrize(
    ("path", "sentences", "paragraphs"), [(FULL, 36, 1), (CONDENSED, 11, 1), (UNRELATED, 54, 27)]
)
def test_samples_tile_and_count(path, sentences: int, paragraphs: int) -> None:
    text = path.read_text(encoding="utf-8")
    seg = segment(text)
    for spans in (seg.sentences, seg.paragraphs):
        assert spans[0][0] == 0 and spans[-1][1] == len(text)
        assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert (len(seg.sentences), len(seg.paragraphs)) == (sentences, paragraphs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("this is one . this is two . three", ["this is one .", "this is two .", "three"]),
        ("first line\nsecond line\n", ["first line", "second line"]),
        ("Mr. Smith met Dr. Jones. They spoke.", ["Mr. Smith met Dr. Jones.", "They spoke."]),
        ("The U.S. Army left. J. Smith stayed.", ["The U.S. Army left.", "J. Smith stayed."]),
        (
            'He asked "Why?" and left. "Go!" she said.',
            ['He asked "Why?" and left.', '"Go!" she said.'],
        ),
        ("it ended today. then it began", ["it ended today.", "then it began"]),
        ("Fruit, nuts etc. and more. Next one.", ["Fruit, nuts etc. and more.", "Next one."]),
        ("One\u2028two\x85three\u2029four", ["One", "two", "three", "four"]),
        # Wire copy (an editor's rewrite of iterater-r3's soldier story): ranks and
        # states abbreviated end no sentence; a word spelled like a state does.
        (
            "Two belong to the regiment, spokesman Maj. Eric Ruff said. A statement said "
            "Cpl. Hornburg was killed.",
            [
                "Two belong to the regiment, spokesman Maj. Eric Ruff said.",
                "A statement said Cpl. Hornburg was killed.",
            ],
        ),
        (
            # (a state at a sentence's end ends it: a reader of wire rewrites saw
            # "based in Superior, Wis. The damaged pipe ..." glued into one row)
            "CLEARBROOK, Minn. (AP) - A pipeline leaked. Both worked in Superior, Wis. The "
            "pipe is in Clearbrook, Minn., near the border.",
            [
                "CLEARBROOK, Minn. (AP) - A pipeline leaked.",
                "Both worked in Superior, Wis.",
                "The pipe is in Clearbrook, Minn., near the border.",
            ],
        ),
        ("He was ill. He stayed home.", ["He was ill.", "He stayed home."]),
        # (a structural reader, session 16: "S.S. Indus" was torn across two rows)
        (
            "S.S. Indus was captured by the cruiser Emden. H.M.S. Sydney sank her.",
            ["S.S. Indus was captured by the cruiser Emden.", "H.M.S. Sydney sank her."],
        ),
        (
            "Die Wahl findet am 10. November 2025 statt. Es ist die erste seit 2021.",
            ["Die Wahl findet am 10. November 2025 statt.", "Es ist die erste seit 2021."],
        ),
        ("They met in 2019. November came.", ["They met in 2019.", "November came."]),
        # (a structural reader, session 17: "sc.d. (april 6, 1903" broke the sentence)
        (
            "harold edgerton, sc.d. (april 6, 1903) was a professor. he was born in 1903.",
            ["harold edgerton, sc.d. (april 6, 1903) was a professor.", "he was born in 1903."],
        ),
        (
            "Acme Inc. (NYSE: ACM) fell. He earned a Ph.D. He then taught.",
            ["Acme Inc. (NYSE: ACM) fell.", "He earned a Ph.D.", "He then taught."],
        ),
        ("It rained. (Nobody came.) We left.", ["It rained.", "(Nobody came.)", "We left."]),
        (
            "It runs on Core 6.1. (Contributed by Brett.) It is put in sys.path. (By Andy.)",
            [
                "It runs on Core 6.1.",
                "(Contributed by Brett.)",
                "It is put in sys.path.",
                "(By Andy.)",
            ],
        ),
        (
            "Keep\x1cthe\x1dinfo\x1eseparators together.",
            ["Keep\x1cthe\x1dinfo\x1eseparators together."],
        ),
    ],
)
def test_sentence_rules(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


_WRAPPED = (
    "This is one of the oldest synchronization primitives in the\n"
    "history of computer science, invented by the Dutch scientist\n"
    "W. Dijkstra in the sixties (he named them P and V, not acquire\n"
    "and release). It is still taught to every student of systems.\n"
)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_a_hard_wrapped_text_is_read_alike_whatever_its_line_breaks(newline: str) -> None:
    # (A CR-only text once read "scientist\rW." as one word, and ended a sentence there.)
    expected = _sentences(_WRAPPED)
    assert len(expected) == 2 and expected[0].endswith("release).")
    found = _sentences(_WRAPPED.replace("\n", newline))
    assert [s.replace(newline, "\n") for s in found] == expected


def test_an_initial_after_a_tab_goes_on() -> None:
    assert _sentences("Invented by Edsger\tW. Dijkstra in 1965. It is old.") == [
        "Invented by Edsger\tW. Dijkstra in 1965.",
        "It is old.",
    ]


def test_hard_wrapped_lines_are_not_sentences() -> None:
    prose = (
        "The council met on Tuesday evening to discuss the bridge, which has been closed "
        "since the spring floods damaged its eastern pillar. Engineers told members that "
        "repairs would take at least another four months and cost more than expected."
    )
    import textwrap

    wrapped = textwrap.fill(prose, 60)
    seg = segment(wrapped)
    assert seg.wrapped
    assert [" ".join(s.split()) for s in _sentences(wrapped)] == _sentences(prose)


def test_one_unwrapped_paragraph_does_not_unwrap_the_rest() -> None:
    import textwrap

    wrapped = textwrap.fill(
        "To create an opener, instantiate an OpenerDirector, and then call add_handler "
        "repeatedly. Alternatively, you can use build_opener, a convenience function.",
        72,
    )
    long_line = "Install an opener with install_opener to make it the default for every later call."
    text = f"{wrapped}\n\n{long_line}\n\n{wrapped}\n"
    assert segment(text).wrapped
    assert len(segment(text).sentences) == 5


_BODY = (
    "The council met on Tuesday evening to discuss the bridge, which has been closed "
    "since the spring floods damaged its eastern pillar. Engineers told members that "
    "repairs would take at least another four months and cost more than expected."
)


def test_a_heading_over_a_wrapped_paragraph_is_a_sentence_of_its_own() -> None:
    # (wrap_width once said only whether a text was wrapped, 1 for its width: no line
    # was ever short of half of it, and a heading ran into the first sentence below)
    import textwrap

    from core.engine.segment import wrap_width

    body = textwrap.fill(_BODY, 72)
    text = f"{body}\n\nBridge repairs\n{body}\n\nMeanwhile\n{body}\n"
    assert 60 <= wrap_width(text) <= 72 and segment(text).wrapped
    found = [" ".join(s.split()) for s in _sentences(text)]
    assert "Bridge repairs" in found and "Meanwhile" in found
    assert found.count(_sentences(_BODY)[0]) == 3  # (each body's first sentence, whole)


def test_a_line_left_short_by_a_long_word_goes_on() -> None:
    # A path too long for the line it would end: the line before it is short, in
    # mid-sentence; and so in a paragraph wrapped narrower than the rest of the text.
    import textwrap

    body = textwrap.fill(_BODY, 72)
    path = "/usr/share/doc/python3.11/html/library/importlib.metadata.html"
    pushed = f"The manual is found, on most systems that ship it,\n{path} there."
    narrow = (
        "They were the only remaining implementations of\n"
        "importlib.abc.Loader.load_module() in importlib\n"
        "that had not been deprecated in earlier versions\n"
        "of Python in favour of the newer\n"
        "importlib.abc.Loader.exec_module() call."
    )
    # A term over its definition, and a heading over its underline (MPL 2.0).
    term = '1.4. "Executable Form"\n    means any form of the work other than Source Code.'
    underlined = "Termination\n-----------"
    text = f"{body}\n\n{pushed}\n\n{body}\n\n{narrow}\n\n{term}\n\n{underlined}\n\n{body}\n"
    assert segment(text).wrapped
    found = [" ".join(s.split()) for s in _sentences(text)]
    assert f"The manual is found, on most systems that ship it, {path} there." in found
    assert " ".join(narrow.split()) in found
    assert '"Executable Form" means any form of the work other than Source Code.' in found
    assert "Termination -----------" in found
    assert found.count(_sentences(_BODY)[-1]) == 3


@given(
    st.text(alphabet=st.sampled_from(list("ab .\r\n\x85\u2028\u2029\x0b\x0c\x1c\t")), max_size=60)
)
@settings(max_examples=500, deadline=None)
def test_line_splitting_breaks_only_at_real_line_breaks(text: str) -> None:
    # The quick split (str.splitlines) must agree with the line pattern exactly.
    lines = _lines(text)
    assert lines == _lines_by_pattern(text)
    assert lines[0][0] == 0 and lines[-1][2] == len(text)
    for (_, _, end), (start, _, _) in itertools.pairwise(lines):
        assert end == start


@pytest.mark.parametrize(
    "text",
    [
        FULL.read_text(encoding="utf-8"),
        "\u516c\u5e03\u4e86\u6cd5\u5f8b\u3002\u4e00\u9879\u89c4\u5b9a\uff01 Then English. And more",
        "\u300c\u306f\u3044\u3002\u300d\u3068\u8a00\u3063\u305f\u3002\u6b21\u3002",
        "plain ASCII. Two sentences",
    ],
)
def test_the_wide_characters_given_change_nothing(text: str) -> None:
    # (the engine finds a text's characters beyond ASCII once, for the tokenizer and
    # the segmenter both)
    from core.engine.tokens import non_ascii, tokenize

    wide = non_ascii(text)
    assert segment(text, None, wide) == segment(text)
    assert segment(text, 0, wide) == segment(text, 0)
    assert tokenize(text, wide=wide) == tokenize(text)
