"""Every paragraph's quotations found at once (``every_paragraph``, done on the other
core for a text of many changes) answer as the paragraphs found near each change do."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.flags.quotes import Quotations, every_paragraph, packed, paragraph_around
from tests.conftest import CONDENSED, FULL, UNRELATED

REPO = Path(__file__).resolve().parent.parent
_WORD = re.compile(r"\w+")


def _agree(text: str, shared: frozenset[str] = frozenset()) -> None:
    # (as the other core sends it: arrays, each paragraph's quotations made lists when
    # first asked for)
    scanned = Quotations(text, packed(every_paragraph(text, shared)))
    lazy = Quotations(text)
    starts, ends, _ = every_paragraph(text)
    assert starts == sorted(starts)
    for match in _WORD.finditer(text):
        pos, end = match.span()
        # The walked paragraph holding a word is the one found around it.
        k = max(i for i, s in enumerate(starts) if s <= pos) if len(text) < 3000 else None
        if k is not None:
            assert (starts[k], ends[k]) == paragraph_around(text, pos), pos
        assert scanned.overlaps((pos, end)) == lazy.overlaps((pos, end)), pos
        assert scanned.interior(pos) == lazy.interior(pos), pos
        for stop in (end, min(len(text), end + 40)):
            # (``none_in`` may say no for a paragraph it never read; then no span
            # inside overlaps anyway: what the check does with the answer agrees)
            if scanned.none_in(pos, stop):
                assert not lazy.overlaps((pos, stop)), pos


@pytest.mark.parametrize(
    "path", [FULL, CONDENSED, UNRELATED, REPO / "bench" / "real" / "web.txt"], ids=lambda p: p.name
)
def test_every_paragraph_answers_as_the_paragraphs_near_each_change(path: Path) -> None:
    _agree(path.read_text(encoding="utf-8"))


_PIECES = [
    "He said",
    '"we will go"',
    "'maybe'",
    "\u201cyes\u201d",
    "\u2018no\u2019",
    "don't",
    "the '90s",
    ".",
    "!",
    ":",
    "\n",
    "\n\n",
    "  \n",
    " ",
    "word",
    "Another line",
    "\u00abnon\u00bb",
    '"',
    "'",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60), st.data())
def test_every_paragraph_agrees_on_any_layout(pieces: list[str], data: st.DataObject) -> None:
    text = " ".join(pieces)
    blank_lines = text.split("\n\n")
    # Pieces between blank lines both versions have are left (found when asked).
    shared = data.draw(st.frozensets(st.sampled_from(blank_lines)))
    _agree(text, shared)


def test_pieces_both_versions_have_are_left_and_the_others_scanned() -> None:
    text = FULL.read_text(encoding="utf-8")
    pieces = text.split("\n\n")
    shared = frozenset(pieces[::2])
    starts, _, _ = every_paragraph(text, shared)
    offset = 0
    for k, piece in enumerate(pieces):
        inside = [s for s in starts if offset <= s < offset + len(piece)]
        if piece.strip():
            assert bool(inside) == (k % 2 == 1 and piece not in pieces[::2]), k
        offset += len(piece) + 2


def test_a_scanned_text_reads_no_paragraph_again(monkeypatch: pytest.MonkeyPatch) -> None:
    text = FULL.read_text(encoding="utf-8")
    scanned = Quotations(text, packed(every_paragraph(text)))
    import core.flags.quotes as quotes

    monkeypatch.setattr(quotes, "paragraph_around", lambda *a: pytest.fail("read again"))
    monkeypatch.setattr(quotes, "_paragraph_regions", lambda *a: pytest.fail("scanned again"))
    for match in _WORD.finditer(text):
        scanned.overlaps(match.span())
