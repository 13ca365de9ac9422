"""The HTML report: golden sample report, escaping, links both ways, changes only.

The golden file is ``tests/golden/report_samples.html``; see ``tests/golden/README.md``
to regenerate it (``REDLINE_UPDATE_GOLDEN=1``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from core.engine.compare import compare
from core.model import Comparison, Document
from core.notes.annotation import Annotation, make_anchor
from core.report.comparison_html import render_report
from core.text.document import document_from_text, load_document
from tests.article_gen import sentence_pool
from tests.conftest import REPO

GOLDEN = REPO / "tests" / "golden" / "report_samples.html"
OLD_SAMPLE = "resources/samples/000_a1d9523b8511cf93.txt"
NEW_SAMPLE = "resources/samples/001_a1bb97b7d4cec672.txt"
REPORT_TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "ul", "ol",
    "li", "b",
    "table", "thead", "tbody", "tr", "th", "td", "div", "span", "a", "sup", "time",
}  # fmt: skip
PAYLOAD = '<script>alert(1)</script> "><img src=x onerror=alert(1)> </script> {{ x }} &amp;'


class Page(HTMLParser):
    """Tags, attributes, ids, links and text of a report."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.tags if a.get("id")}

    def links(self) -> dict[str, str]:
        """Each link's own id (or its text position) -> its target id."""
        out = {}
        for n, (tag, attrs) in enumerate(self.tags):
            href = attrs.get("href")
            if tag == "a" and href and href.startswith("#"):
                out[attrs.get("id") or f"@{n}"] = href[1:]
        return out

    def shown(self) -> str:
        return "".join(self.text)


def note(
    number: int, text: str, old: Document | None, new: Document | None, spans, **kw
) -> Annotation:
    """An annotation on ``spans`` = (old span or None, new span or None)."""
    o, n = spans
    return Annotation(
        id=number,
        note=text,
        tag=kw.pop("tag", "Figure changed"),
        status=kw.pop("status", "open"),
        old=make_anchor(old.path, old.sha256, old.text, *o) if old and o else None,
        new=make_anchor(new.path, new.sha256, new.text, *n) if new and n else None,
        created=1_700_000_000.0,
        modified=1_700_000_500.0,
        **kw,
    )


def span_of(doc: Document, words: str) -> tuple[int, int]:
    start = doc.text.index(words)
    return start, start + len(words)


def sample_report(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(REPO)
    old, new = load_document(OLD_SAMPLE), load_document(NEW_SAMPLE)
    result = compare(old, new)
    annotations = [
        note(1, "Town name: Syria or Syrian?", old, new, (span_of(old, "syrian"), (None))),
        note(
            2,
            "Check the toll with the agency.",
            None,
            new,
            (None, span_of(new, "death toll")),
            tag="Legal risk",
            status="needs-check",
        ),
        note(3, "The quote was cut.", old, None, ((0, 4), None), orphaned=True, tag=None),
    ]
    return render_report(result, annotations, generated=1_700_000_000.0)


def normalized(html: str) -> str:
    """Only timestamps vary between machines and checkouts (file modification times)."""
    return re.sub(r"<time datetime=\"[^\"]*\">[^<]*</time>", "<time>TIME</time>", html)


def test_sample_report_matches_the_golden_file(monkeypatch: pytest.MonkeyPatch) -> None:
    html = normalized(sample_report(monkeypatch))
    if os.environ.get("REDLINE_UPDATE_GOLDEN"):
        GOLDEN.write_text(html, encoding="utf-8")
    assert html == GOLDEN.read_text(encoding="utf-8"), "regenerate: see tests/golden/README.md"


def test_sample_report_holds_the_metadata_an_editor_sends(monkeypatch) -> None:
    html = sample_report(monkeypatch)
    page = Page(html)
    shown = page.shown()
    old = load_document(REPO / OLD_SAMPLE)
    for expected in (
        "000_a1d9523b8511cf93.txt",
        OLD_SAMPLE,
        old.sha256,
        "2,852 bytes",
        "5,778 bytes",
        "utf-8",
        "differences are trivial",  # case
        "465 words (51% of the new version)",
        "4 words (under 1% of the old version)",
        "Similarity",
        "Could not be placed (1)",
        "The quote was cut.",
    ):
        assert expected in shown, expected
    assert {t for t, _ in page.tags} <= REPORT_TAGS
    assert not re.search(r"(src|href)=\"(https?:|//|file:)", html)  # nothing external
    assert "script-src 'none'" in html and "<script" not in html


def test_annotation_marks_link_to_notes_and_back(monkeypatch) -> None:
    page = Page(sample_report(monkeypatch))
    links = page.links()
    ids = page.ids
    assert links["ann-1-old"] == "note-1" and links["ann-2-new"] == "note-2"
    backs = {target for target in links.values() if target.startswith("ann-")}
    assert backs == {"ann-1-old", "ann-2-new"}
    assert backs <= ids and {"note-1", "note-2", "note-3"} <= ids
    assert all(target in ids for target in links.values())
    # The orphan has a note but no mark, and shows its quote.
    assert "ann-3-old" not in ids and "\u201cthis\u201d" in page.shown()


def moved_pair() -> Comparison:
    pool = sentence_pool(terminated=True)[:8]
    old = " ".join(pool)
    new = " ".join([*pool[1:6], pool[0], *pool[6:]])
    return compare(document_from_text(old, "old.txt"), document_from_text(new, "new.txt"))


def test_moved_text_links_both_ways() -> None:
    page = Page(render_report(moved_pair()))
    links = page.links()
    assert links["move-1-old"] == "move-1-new" and links["move-1-new"] == "move-1-old"
    assert {"move-1-old", "move-1-new"} <= page.ids
    assert "\u21c41\u2192new" in page.shown()


def test_changes_only_collapses_unchanged_rows_but_not_annotated_ones() -> None:
    pool = sentence_pool(terminated=True)[:12]
    edited = [*pool[:3], pool[3].replace(" the ", " a ", 1), *pool[4:]]
    old = document_from_text("\n".join(pool), "old.txt")
    new = document_from_text("\n".join(edited), "new.txt")
    result = compare(old, new)
    full = Page(render_report(result)).shown()
    short = Page(render_report(result, context=0)).shown()
    assert pool[0] in full and pool[0] not in short and pool[11] not in short
    assert "\u2026 3 unchanged sentences" in short and "\u2026 8 unchanged sentences" in short
    assert "rows 1\u20133" in short and "rows 5\u201312" in short
    assert pool[4] not in short
    # changes only: one sentence of context on either side of the change by default
    around = Page(render_report(result, changes_only=True)).shown()
    assert pool[2] in around and pool[4] in around and pool[1] not in around
    assert "\u2026 2 unchanged sentences" in around and "\u2026 7 unchanged sentences" in around
    wide = Page(render_report(result, context=2)).shown()
    assert pool[1] in wide and pool[5] in wide and pool[0] not in wide
    annotated = note(1, "keep me", old, None, (span_of(old, pool[9][:20]), None))
    kept = Page(render_report(result, [annotated], context=0))
    assert pool[9] in kept.shown() and "\u2026 3 unchanged sentences" in kept.shown()
    assert "\u2026 5 unchanged sentences" in kept.shown()
    assert kept.links()["ann-1-old"] == "note-1"


def hostile_pair(tmp_path: Path) -> tuple[Comparison, list[Annotation]]:
    (tmp_path / "<b>x<").mkdir()
    old_path = tmp_path / "<b>x</b>.txt"
    old_path.write_text(f"The mayor said nothing today. {PAYLOAD}\n", encoding="utf-8")
    new_path = tmp_path / "a\"b'c&.txt"
    new_path.write_text(
        "The mayor said something else entirely today. "
        "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">\u202eevil\n",
        encoding="utf-8",
    )
    old, new = load_document(old_path), load_document(new_path)
    hostile = note(
        1,
        f"note {PAYLOAD}",
        old,
        new,
        (span_of(old, "<script>"), span_of(new, "<img")),
        tag='"><script>alert(2)</script>',
    )
    return compare(old, new), [hostile]


def test_markup_in_texts_names_and_notes_comes_out_as_literal_text(tmp_path: Path) -> None:
    result, annotations = hostile_pair(tmp_path)
    for changes_only in (False, True):
        html = render_report(result, annotations, changes_only=changes_only)
        page = Page(html)
        assert {t for t, _ in page.tags} <= REPORT_TAGS - {"script"}
        assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)
        assert not any(t == "img" for t, _ in page.tags)
        shown = page.shown()
        assert PAYLOAD in shown and "<b>x</b>.txt" in shown and "a\"b'c&.txt" in shown
        assert f"note {PAYLOAD}" in shown and '"><script>alert(2)</script>' in shown
        assert "\u202e" not in shown  # the bidi override is shown as a visible dot
        assert "script-src 'none'" in html


def chromium_dom(path: Path) -> str:
    profile = tempfile.mkdtemp()
    try:
        return subprocess.run(
            [
                "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                f"--user-data-dir={profile}", "--dump-dom", path.as_uri(),
            ],
            capture_output=True, text=True, timeout=90, check=True,
        ).stdout  # fmt: skip
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_chromium_shows_the_payloads_as_text_and_runs_nothing(tmp_path: Path) -> None:
    result, annotations = hostile_pair(tmp_path)
    report = tmp_path / "report.html"
    report.write_text(render_report(result, annotations), encoding="utf-8")
    page = Page(chromium_dom(report))
    assert page.tags, "chromium returned no DOM"
    assert not any(t in ("img", "script") for t, _ in page.tags)
    assert not any("data-pwned" in attrs for _, attrs in page.tags)
    shown = page.shown()
    assert PAYLOAD in shown and "<b>x</b>.txt" in shown and "a\"b'c&.txt" in shown


def test_report_colours_and_marks_are_the_windows() -> None:
    from core.report import blocks as report_blocks
    from core.report import css as report_css
    from gui.common import styles
    from gui.compare import margin_marks

    for field in ("deleted", "word_deleted", "inserted", "word_inserted", "moved"):
        assert getattr(report_css, field.upper()) == getattr(styles.LIGHT, field)
    assert styles.LIGHT.trivial_text == report_css.TRIVIAL_TEXT
    assert report_blocks.SYMBOLS == margin_marks.SYMBOLS
