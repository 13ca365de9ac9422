"""Risky-edit flags in the reports: HTML badges, summary counts and list, PDF, JSON."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from core.cli import main
from core.engine.compare import compare
from core.model import Comparison
from core.report.comparison_html import render_report
from core.report.save import report_bytes
from core.text.document import document_from_text, load_document
from gui.reports.pdf import render_pdf
from tests.conftest import CONDENSED
from tests.test_report_html import REPORT_TAGS, Page

CONTRACT_ORDER = ["format", "version", "old", "new", "options", "stats", "approximate", "blocks"]


def planted_text() -> str:
    """The condensed sample with one figure changed: the first ``some 20 fighters`` -> ``27``."""
    text = CONDENSED.read_text(encoding="utf-8")
    return text.replace("killing some 20 fighters", "killing some 27 fighters", 1)


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    path = tmp_path / "planted.txt"
    path.write_text(planted_text(), encoding="utf-8")
    return path


def planted_comparison(planted: Path) -> Comparison:
    return compare(load_document(CONDENSED), load_document(planted))


def test_flagged_row_has_a_labelled_badge_linked_to_the_list(planted: Path) -> None:
    html = render_report(planted_comparison(planted))
    page = Page(html)
    badges = [a for t, a in page.tags if t == "a" and "f-number" in (a.get("class") or "")]
    assert len(badges) == 1 and badges[0]["href"] == "#flag-1-number"
    assert '"20" \u2192 "27"' in (badges[0]["title"] or "")
    # The badge stands in the flagged sentence's row, with its text label.
    row = html[html.index('id="flag-1-text"') :].split("</tr>")[0]
    assert ">\u00a0Figure\u00a0</a>" in row and "killing some" in row
    links = page.links()
    assert "flag-1-number" in page.ids and "flag-1-text" in page.ids
    assert "flag-1-text" in links.values() and "flagged" in links.values()
    assert all(target in page.ids for target in links.values())
    shown = " ".join(page.shown().split())
    assert "Flagged: 1 flag in 1 of 1 change, to check first ( Figure 1)" in shown
    assert "Flagged changes (1)" in shown and 'Figure "20" \u2192 "27"' in shown
    assert "killing some 27 fighters" in shown  # the list quotes the sentence


def test_badges_use_the_windows_colours_and_every_kind_is_in_the_legend() -> None:
    from core.report.css import FLAG_COLOURS, PDF, SCREEN
    from gui.compare.flag_icons import COLOURS

    assert FLAG_COLOURS == COLOURS
    for kind, colour in COLOURS.items():
        assert f".f-{kind}{{background-color:{colour};color:#ffffff}}" in SCREEN
        assert f".f-{kind}{{background-color:{colour};color:#ffffff}}" in PDF
    old = document_from_text("The toll was 20 people.\n", "a.txt")
    shown = Page(render_report(compare(old, old))).shown()
    for label in ("Figure", "Negation", "Name", "Attribution", "Quote"):
        assert f"\u00a0{label}\u00a0" in shown


def test_a_pair_without_flags_says_so_and_has_no_list() -> None:
    old = document_from_text("The mayor opened the bridge. It rained.\n", "a.txt")
    new = document_from_text("The mayor opened the old bridge. It rained.\n", "b.txt")
    html = render_report(compare(old, new))
    assert "Flagged:</b> no flags in 1 change; no aligned change" in html
    assert 'id="flagged"' not in html and 'id="flag-1-text"' not in html


def test_flag_explanations_with_markup_are_escaped() -> None:
    old = document_from_text('He said "we will <b>win</b> 20" today.\n', "a.txt")
    new = document_from_text('He said "we will <img src=x onerror=alert(1)> 27" today.\n', "b.txt")
    html = render_report(compare(old, new))
    page = Page(html)
    assert {t for t, _ in page.tags} <= REPORT_TAGS
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)
    shown = page.shown()
    assert "<img src=x onerror=alert(1)>" in shown and "Quote" in shown and "Figure" in shown


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_pdf_shows_the_flag_badge_and_list(planted: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(report_bytes(planted_comparison(planted), "pdf", pdf_renderer=render_pdf))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "Flagged changes (1)" in flat and 'Figure "20" \u2192 "27"' in flat
    assert "Figure just hours after" in flat  # the badge beside the flagged sentence


def test_json_adds_flags_and_keeps_the_contract(planted: Path, capsys) -> None:
    assert main(["compare", str(CONDENSED), str(planted), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert list(data) == [*CONTRACT_ORDER, "rows", "flags"]
    (flag,) = data["flags"]
    assert set(flag) == {"kind", "block", "old", "new", "explanation"}
    assert flag["kind"] == "number" and flag["explanation"] == '"20" \u2192 "27"'
    old_text = CONDENSED.read_text(encoding="utf-8")
    assert old_text[slice(*flag["old"])] == "20"
    assert planted_text()[slice(*flag["new"])] == "27"
    block = data["blocks"][flag["block"]]
    assert block["kind"] == "changed"
    assert block["new"][0] <= flag["new"][0] < flag["new"][1] <= block["new"][1]
    # Everything else is the contract as before: same ops, same statistics.
    assert data["stats"]["deleted_words"] == 1 and data["stats"]["inserted_words"] == 1
    assert [op["op"] for op in block["ops"]] == ["equal", "delete", "insert", "equal"]


def test_json_flag_with_nothing_on_one_side_has_null() -> None:
    old = document_from_text("He did go home.\n", "a.txt")
    new = document_from_text("He did not go home.\n", "b.txt")
    data = json.loads(report_bytes(compare(old, new), "json"))
    (flag,) = data["flags"]
    assert flag["kind"] == "negation" and flag["old"] is None
    assert new.text[slice(*flag["new"])] == "not"


NOUNS = (
    "apple birch cedar delta ember fjord grove harbor island jetty kettle lantern meadow "
    "nickel orchard pebble quarry river saddle timber umbra valley willow yarrow zephyr "
    "anchor bramble canyon dune estuary falcon glacier heron inlet juniper kelp lagoon "
    "marsh nettle oyster prairie quartz reef spruce tundra upland vine walrus"
).split()


def many_flags_pair() -> tuple[str, str]:
    """45 figures, 3 negations (first in reading order), 3 names, 2 attributions and 2
    quotations changed: 55 flags, each in its own paragraph."""
    old: list[str] = []
    new: list[str] = []
    for i in range(3):
        old.append(f"The {NOUNS[i]} committee did approve the plan for district {NOUNS[i]}.")
        new.append(f"The {NOUNS[i]} committee did not approve the plan for district {NOUNS[i]}.")
    for i in range(45):
        noun = NOUNS[i]
        old.append(f"The {noun} office counted {i + 10} ballots in the {noun} ward.")
        new.append(f"The {noun} office counted {i + 200} ballots in the {noun} ward.")
    for i, (a, b) in enumerate((("Paris", "Lyon"), ("Berlin", "Munich"), ("Vienna", "Graz"))):
        old.append(f"The {NOUNS[i]} envoys met officials in {a} on the {NOUNS[i + 5]} road.")
        new.append(f"The {NOUNS[i]} envoys met officials in {b} on the {NOUNS[i + 5]} road.")
    for i in range(2):
        old.append(f"The {NOUNS[i + 10]} project is late, the {NOUNS[i + 10]} engineer said.")
        new.append(f"The {NOUNS[i + 10]} project is late, the {NOUNS[i + 10]} engineer claimed.")
    for i in range(2):
        old.append(f'The {NOUNS[i + 20]} guide called the trail "steep and narrow" today.')
        new.append(f'The {NOUNS[i + 20]} guide called the trail "wide and easy" today.')
    return "\n\n".join(old) + "\n", "\n\n".join(new) + "\n"


def test_flags_follow_the_summary_grouped_by_kind_capped_at_50_with_the_rest_at_the_end() -> None:
    from core.report.flags import MAX_LISTED

    old, new = many_flags_pair()
    result = compare(document_from_text(old, "old.txt"), document_from_text(new, "new.txt"))
    html = render_report(result)
    page = Page(html)
    assert MAX_LISTED == 50
    summary, first = html.index('<h2 id="summary">Summary</h2>'), html.index('id="flagged"')
    versions, full = html.index('id="versions"'), html.index('id="flagged-all"')
    assert summary < first < html.index("<h2>Documents</h2>") < versions < full
    top = html[first : html.index("<h2>Documents</h2>")]
    ids = re.findall(r'<tr id="flag-(\d+)-(\w+)"', top)
    kinds = [k for _, k in ids]
    # 50 entries, most severe kind first: figures, then negations, then names.
    assert kinds == ["number"] * 45 + ["negation"] * 3 + ["name"] * 2
    numbers = [int(n) for n, k in ids if k == "number"]
    assert numbers == sorted(numbers)  # each kind in reading order
    assert [int(n) for n, k in ids if k == "negation"] == [1, 2, 3]  # first in the text
    shown = " ".join(page.shown().split())
    assert "Flagged changes (55)" in shown and "and 5 more" in shown
    assert "flagged-all" in page.links().values()
    every = re.findall(r'<tr id="flag-all-(\d+)-(\w+)"', html[full:])
    assert len(every) == 55
    assert [k for _, k in every] == (
        ["number"] * 45 + ["negation"] * 3 + ["name"] * 3 + ["attribution"] * 2 + ["quote"] * 2
    )
    # Badges link to the first list's entry when it is there, else to the full list's.
    hrefs = {a["href"] for t, a in page.tags if t == "a" and "flag f-" in (a.get("class") or "")}
    assert {h for h in hrefs if h.startswith("#flag-all-")} == {
        f"#flag-all-{n}-{k}" for n, k in every[50:]
    }
    assert all(target in page.ids for target in page.links().values())


def test_no_flags_leaves_them_out_of_the_report_and_the_json(tmp_path: Path, capsys) -> None:
    planted = tmp_path / "planted.txt"
    planted.write_text(planted_text(), encoding="utf-8")
    assert main(["compare", str(CONDENSED), str(planted), "--format", "html", "--no-flags"]) == 1
    html = capsys.readouterr().out
    assert "flag f-" not in html and 'id="flagged"' not in html
    assert "risky-edit flags are turned off" in html
    assert main(["compare", str(CONDENSED), str(planted), "--format", "json", "--no-flags"]) == 1
    assert "flags" not in json.loads(capsys.readouterr().out)
    assert main(["compare", str(CONDENSED), str(planted), "--format", "html"]) == 1
    assert 'id="flagged"' in capsys.readouterr().out


def test_the_summary_says_names_cannot_be_told_in_lower_case_text() -> None:
    lower = document_from_text("the uk said twenty people died.\n", "lower.txt")
    cased = document_from_text("The UK said twenty people died.\n", "cased.txt")
    html = render_report(compare(lower, cased))
    assert "Names cannot be told in all-lower-case text: lower.txt has no capitals" in html
    assert "Names cannot be told" not in render_report(compare(cased, cased))


def test_a_flag_card_shows_the_old_words_beside_the_new() -> None:
    # An editor reading the report of a wire rewrite: the card of '"One" -> "Two"'
    # quoted only the new sentence, so "One" could not be seen without the text.
    result = compare(
        document_from_text("One of the soldiers was injured in the attack.", "old"),
        document_from_text("Two of the soldiers were injured in the attack.", "new"),
    )
    html = render_report(result)
    card = html[html.index("&quot;One&quot; \u2192 &quot;Two&quot;") :]
    card = card[: card.index("see it in the text")]
    assert '<span class="dim">old:</span>' in card and '<span class="wdel">One</span>' in card
    assert '<span class="dim">new:</span>' in card and '<span class="wins">Two</span>' in card
    assert card.index("old:") < card.index("new:")


def test_a_flag_card_names_the_row_the_summary_names() -> None:
    # A reader of the ITN report: the summary listed "row 4 Figure: ..." and the card
    # of the same flag was "[2]", with nothing to tie the two numbers together.
    old = "The council met on Monday. It rained.\n\nOne of the soldiers was injured.\n"
    new = "The council met on Monday. It rained.\n\nTwo of the soldiers were injured.\n"
    html = render_report(compare(document_from_text(old, "a"), document_from_text(new, "b")))
    summary_row = re.search(r'href="#row-(\d+)">row \d+</a> <b>Figure', html)
    assert summary_row is not None
    assert f"see it in the text (row {summary_row.group(1)})" in html
    # and the card is named by that row, not by a number of its own
    card = html[html.index('class="notes flagged"') :]
    assert f'<td class="num">row&nbsp;{summary_row.group(1)}</td>' in card
    assert '<td class="num">[' not in card
