"""What the reports say: the cut and added sentences first, numbered rows with anchors,
reflowed hard-wrapped text, context around changes in every format, file names only
with ``--no-paths``, and a text output that prints the new text as written."""

from __future__ import annotations

import itertools
import json
import re
import textwrap
from pathlib import Path

from core.cli import main
from core.engine.compare import compare
from core.report import pdf_rows
from core.report.comparison_html import render_report
from core.report.layout import ReportLayout, line_joins
from core.report.render_text import render_text
from core.text.document import document_from_text
from tests.article_gen import sentence_pool
from tests.test_report_html import Page

OLD = (
    "The council met on Monday to discuss the budget. "
    "The mayor said the plan would cost 20 million pounds. "
    "Critics called the scheme reckless and said it would fail. "
    "The vote is expected next week."
)
NEW = (
    "The council met on Monday to discuss the budget. "
    "The mayor said the plan would cost 27 million pounds. "
    "The vote is expected next week. "
    "Residents will be consulted in the spring."
)


def _pair(old: str = OLD, new: str = NEW, names: tuple[str, str] = ("old.txt", "new.txt")):
    return compare(document_from_text(old, names[0]), document_from_text(new, names[1]))


def test_summary_lists_what_was_cut_added_and_changed_before_the_text() -> None:
    html = render_report(_pair())
    page = Page(html)
    shown = page.shown()
    cut = shown.index("Critics called the scheme reckless")
    assert cut < shown.index("The two versions")  # listed before the side-by-side text
    assert shown.index("Sentences cut (1)") < cut < shown.index("Sentences added (1)")
    assert "\u201cResidents will be consulted in the spring.\u201d" in shown
    assert re.search(r"Figure:.*20.*27", shown)
    # each item links to its row, and the row is there
    cut_item = html[html.index('id="list-cut"') : html.index('id="list-added"')]
    target = re.search(r'href="#(row-\d+)"', cut_item)
    assert target is not None and target.group(1) in page.ids
    row = html[html.index(f'id="{target.group(1)}"') :]
    assert row.index("Critics called") < row.index("</tr>")


# The GNU LGPL's preamble, version 2 against 2.1 ("Everyone is permitted to copy and
# distribute verbatim copies of this license document"): the old "This license is
# quite different" became "..., and is quite different", so "This license" is a
# deleted block of its own, but no sentence cut.
LGPL_2 = """\
  Most GNU software, including some libraries, is covered by the ordinary
GNU General Public License, which was designed for utility programs.  This
license, the GNU Library General Public License, applies to certain
designated libraries.  This license is quite different from the ordinary
one; be sure to read it in full, and don't assume that anything in it is
the same as in the ordinary license.

  However, unrestricted linking of non-free programs would deprive the
users of those programs of all benefit from the free status of the
libraries themselves.  This Library General Public License is intended to
permit developers of non-free programs to use free libraries, while
preserving your freedom as a user of such programs to change the free
libraries that are incorporated in them.  (We have not seen how to achieve
this as regards changes in header files, but we have achieved it as regards
changes in the actual functions of the Library.)  The hope is that this
will lead to faster development of free libraries.
"""
LGPL_2_1 = """\
  Most GNU software, including some libraries, is covered by the
ordinary GNU General Public License.  This license, the GNU Lesser
General Public License, applies to certain designated libraries, and
is quite different from the ordinary General Public License.  We use
this license for certain libraries in order to permit linking those
libraries into non-free programs.
"""


def test_cut_lists_whole_sentences_not_the_pieces_of_a_reworded_one() -> None:
    result = _pair(LGPL_2, LGPL_2_1)
    # The engine once cut "This license" off a reworded sentence here as a deleted
    # block of its own; blocks now start where a sentence does on one side at least
    # (tests/test_gap_cuts.py). Pieces in the lists: tests/test_report_whole.py.
    shown = Page(render_report(result)).shown()
    start = shown.index("Sentences cut (")
    cut = shown[start : shown.index("Sentences added", start)]
    assert "Sentences cut (3)" in cut and "\u201cThis license\u201d" not in cut
    for sentence in ("This Library General", "(We have not seen", "The hope is that"):
        assert f"\u201c{sentence}" in cut
    assert "including 3 sentences cut entirely" in shown


def test_rows_are_numbered_with_an_anchor_each() -> None:
    result = _pair()
    page = Page(render_report(result))
    rows = sorted(int(i[4:]) for i in page.ids if i.startswith("row-"))
    assert rows == list(range(1, len(result.rows) + 1))
    assert page.links()["@" + str(_first_link_to(page, "row-2"))] == "row-2"
    text = render_text(result)
    assert re.findall(r"^#(\d+) ", text, re.M) == [str(n) for n in rows]


def _first_link_to(page: Page, target: str) -> int:
    return next(
        n for n, (tag, a) in enumerate(page.tags) if tag == "a" and a.get("href") == f"#{target}"
    )


def test_hard_wrapped_paragraphs_reflow_unless_original_breaks_are_asked() -> None:
    pool = sentence_pool(terminated=True)
    first = textwrap.fill(" ".join(pool[:5]), 72, break_on_hyphens=False)
    second = textwrap.fill(" ".join(pool[5:9]), 72, break_on_hyphens=False)
    wrapped = f"{first}\n\n{second}\n"
    line = first.split("\n")[0]
    following = first.split("\n")[1].split()[0]
    result = _pair(wrapped, wrapped.replace(pool[6], pool[6].upper(), 1))
    html = render_report(result)
    reflowed = Page(html).shown()
    assert f"{line} {following}" in reflowed and f"{line}\n" not in reflowed
    assert "hard-wrapped lines joined" in reflowed
    kept = Page(render_report(result, original_line_breaks=True)).shown()
    assert f"{line}\n{following}" in kept


def test_lines_of_a_text_not_hard_wrapped_are_never_joined() -> None:
    # One sentence a line, no stops (a list, verse, a dateline over the story): the
    # line breaks end sentences and the report keeps them, reflowing or not.
    lines = ["WASHINGTON", *(s.rstrip(" .") for s in sentence_pool(terminated=False)[:6])]
    merged = [lines[0], f"{lines[1]} {lines[2]}", *lines[3:]]
    result = _pair("\n".join(lines) + "\n", "\n".join(merged) + "\n")
    shown = Page(render_report(result)).shown()
    assert f"{lines[1]}\n{lines[2]}" in shown
    assert f"{lines[0]} {lines[1]}" not in shown


def test_context_and_changes_only_in_text_and_json(tmp_path: Path, capsys) -> None:
    pool = sentence_pool(terminated=True)[:12]
    edited = [*pool[:5], pool[5].replace(" the ", " a ", 1), *pool[6:]]
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("\n".join(pool), encoding="utf-8")
    new.write_text("\n".join(edited), encoding="utf-8")
    assert main(["compare", str(old), str(new), "--changes-only", "--color", "never"]) == 1
    out = capsys.readouterr().out
    assert pool[4] in out and pool[6] in out and pool[3] not in out and pool[7] not in out
    assert "\u2026 4 unchanged sentences, " in out and "(rows 1\u20134)" in out
    assert "(rows 8\u201312)" in out
    assert main(["compare", str(old), str(new), "-C", "0", "--color", "never"]) == 1
    out = capsys.readouterr().out
    assert pool[4] not in out and "#6 " in out and "(rows 7\u201312)" in out
    assert main(["compare", str(old), str(new), "--format", "json", "--context", "2"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["context"] == {"sentences": 2, "folded": [[0, 3], [8, 12]]}
    assert len(data["rows"]) == 12  # the contract's blocks and the rows stay complete
    assert main(["compare", str(old), str(new), "--format", "json"]) == 1
    assert "context" not in json.loads(capsys.readouterr().out)


def test_no_paths_keeps_only_file_names_in_every_format(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "secret-desk" / "drafts"
    folder.mkdir(parents=True)
    old, new = folder / "story-v1.txt", folder / "story-v2.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    for fmt in ("text", "json", "html"):
        assert main(["compare", str(old), str(new), "--format", fmt, "--no-paths"]) == 1
        out = capsys.readouterr().out
        assert "secret-desk" not in out and "story-v2.txt" in out, fmt
        assert main(["compare", str(old), str(new), "--format", fmt]) == 1
        assert "secret-desk" in capsys.readouterr().out, fmt
    for fmt in ("text", "json", "html"):
        args = ["nway", str(old), str(new), str(old), "--format", fmt, "--no-paths"]
        assert main(args) == 1
        out = capsys.readouterr().out
        assert "secret-desk" not in out and "story-v2.txt" in out, fmt


def test_text_prints_the_new_text_as_written() -> None:
    old = "He said \u201chello\u201d to Mary. She left at 5 pm, quickly."
    new = "He said \u201chello there\u201d to Mary. She left at 6 pm, quickly."
    text = render_text(_pair(old, new))
    assert "He said \u201chello {+there+}\u201d to Mary." in text
    assert "She left at [-5-] {+6+} pm, quickly." in text
    cut = render_text(_pair("He said hello to Mary.", "He said to Mary."))
    assert "He said [-hello-] to Mary." in cut
    end = render_text(_pair("They won the cup today.", "They won the cup."))
    assert "They won the cup [-today-]." in end
    # A word cut at a sentence's start keeps its space (the KJV against the WEB).
    start = render_text(_pair("And the earth was void.", "The earth was formless."))
    assert "[-And-] The earth was" in start
    quoted = render_text(_pair('And "the plan is dead," he said.', '"The plan is dead," he said.'))
    assert '[-And-] "The plan' in quoted
    stop = render_text(
        _pair("Let there be light: and there was.", "Let there be light, and there was.")
    )
    assert "light[-:-]{+,+} and" in stop
    # A cut glued to the word before it keeps to that word, the space after it.
    glued = render_text(
        _pair("Edgerton, Sc.D. (April 6, 1903) taught.", "Edgerton (April 6, 1903) taught.")
    )
    assert "Edgerton[-, Sc.D.-] (April 6" in glued


def test_text_marks_moves_at_both_places_with_one_number() -> None:
    pool = sentence_pool(terminated=True)[:8]
    moved = [*pool[1:6], pool[0], *pool[6:]]
    text = render_text(_pair(" ".join(pool), " ".join(moved)))
    assert re.search(r"\{>1 " + re.escape(pool[0]) + "<}", text)
    assert "[>1<]" in text
    assert text.index("[>1<]") < text.index("{>1 ")


def test_reflowed_pieces_join_to_the_reflowed_whole() -> None:
    """However a text is cut into pieces (styles, marks), the pieces read as the whole."""
    import random

    text = "One two\nthree  \n  four.\n\nFive six\r\nseven\neight.\n\n\nNine\nten.\n"
    layout = ReportLayout((), {}, (), {"old": (), "new": ()}, joins={"new": line_joins(text)})
    whole = layout.shown("new", text, 0, len(text))
    assert whole == "One two three four.\n\nFive six seven eight.\n\n\nNine ten.\n"
    rng = random.Random(7)
    for _ in range(300):
        cuts = sorted({0, len(text), *rng.sample(range(len(text)), rng.randint(1, 12))})
        pieces = [layout.shown("new", text, a, b) for a, b in itertools.pairwise(cuts)]
        assert "".join(pieces) == whole, cuts


def test_pdf_variant_row_links_have_targets_qt_finds() -> None:
    """Qt's PDF resolves a link only to an ``<a name>``: each "row N" link has one."""
    html = render_report(_pair(), variant="pdf")
    targets = set(re.findall(r'href="#(row-\d+)"', html))
    assert targets and targets <= set(re.findall(r'<a name="(row-\d+)">', html))


def test_pdf_variant_anchors_only_the_rows_linked_to() -> None:
    """Qt's PDF writer takes twice as long with an anchor on every row: only the rows
    the summary links to get one."""
    html = render_report(_pair(), variant="pdf")
    named = set(re.findall(r'<a name="(row-\d+)">', html))
    assert named == set(re.findall(r'href="#(row-\d+)"', html))
    assert len(named) < html.count('<div class="po">')


def test_pdf_variant_gives_rows_not_a_table() -> None:
    """The PDF's rows (``core.report.pdf_rows``): a number per row ("." for a fold),
    the header's two cells and then an old and a new cell per row, or a fold's."""
    old = " ".join(f"Sentence {i} stays as it was." for i in range(30))
    result = _pair(old, old.replace("Sentence 9 stays", "Sentence 9 went"))
    for changes_only in (False, True):
        html = render_report(result, variant="pdf", changes_only=changes_only)
        assert '<table class="cmp"' not in html
        parts = pdf_rows.split_rows(html)
        assert parts is not None
        _, numbers, cells, _ = parts
        folds = numbers.count(pdf_rows.FOLD_NUMBER)
        assert (folds > 0) == changes_only
        assert [int(n) for n in numbers if n != "."] == sorted(int(n) for n in numbers if n != ".")
        assert cells.count(f'<div class="{pdf_rows.FOLD}">') == folds
        rows = len(numbers) - folds + 1  # and the header
        assert cells.count(f'<div class="{pdf_rows.OLD}') == rows
        assert cells.count(f'<div class="{pdf_rows.NEW}') == rows
    assert pdf_rows.split_rows(render_report(result)) is None  # the screen's is a table


def test_text_puts_no_space_where_two_blocks_of_a_row_touch() -> None:
    # GPL 1 against GPL 2: the new sentence is the old one of section 1 with the tail
    # of section 2's "d)" moved onto it; the moved piece ends at "fee" and the old
    # sentence's full stop follows it directly in the new text.
    old = (
        "Give any other recipients of the Program a copy of this General Public License "
        "along with the Program.  You may charge a fee for the physical act of "
        "transferring a copy.\n\n"
        "  2. You may modify your copy or copies of the Program, provided that you also "
        "do the following:\n\n"
        "    a) cause the modified files to carry prominent notices stating that you "
        "changed the files and the date of any change; and\n\n"
        "    d) You may charge a fee for the physical act of transferring a copy, and you "
        "may at your option offer warranty protection in exchange for a fee.\n\n"
        "Mere aggregation of another independent work with the Program does not bring "
        "the other work under the scope of these terms.\n"
    )
    new = (
        "Give any other recipients of the Program a copy of this License along with the "
        "Program.\n\n"
        "You may charge a fee for the physical act of transferring a copy, and you may "
        "at your option offer warranty protection in exchange for a fee.\n\n"
        "  2. You may modify your copy or copies of the Program, provided that you also "
        "meet all of these conditions:\n\n"
        "    a) You must cause the modified files to carry prominent notices stating "
        "that you changed the files and the date of any change.\n\n"
        "Mere aggregation of another independent work with the Program does not bring "
        "the other work under the scope of this License.\n"
    )
    text = render_text(_pair(old, new))
    row = next(line for line in text.splitlines() if "transferring a copy" in line)
    assert "exchange for a fee" in row and not re.search(r"(\}|\]) \.", row), row


def test_a_sentence_that_opens_a_quotation_is_not_quoted_twice() -> None:
    # The AP-style rewrite: a cut sentence quoted as “"They told us, ...” read as two
    # quotations; it is shown as written. One that opens with a single mark nests.
    old = (
        'The city fell on Tuesday. "They told us to go home," a police officer said. '
        "' This region has been freed,' he says. Many fled north."
    )
    new = "The city fell on Tuesday. Many fled north."
    shown = Page(render_report(_pair(old, new))).shown()
    start = shown.index("Sentences cut (")
    cut = shown[start : shown.index("Sentences added", start)]
    assert '"They told us to go home," a police officer said.' in cut
    assert '\u201c"They' not in cut
    assert "\u201c' This region has been freed,' he says.\u201d" in cut


def test_reworded_sentences_are_counted_by_the_rows_shown() -> None:
    # The AP-style rewrite: "Prime Minister Nouri al-Maliki said the government would
    # arm ..." joins two old sentences and is paired in two blocks, one numbered row.
    from tests.test_flags_reordered_quotes import AP_NEW, AP_OLD

    result = _pair(AP_OLD, AP_NEW)
    shown = Page(render_report(result)).shown()
    text = render_text(result)
    rows = [
        line
        for line in text.splitlines()
        if line.startswith("#") and ("[-" in line or "{+" in line) and "<}" not in line
    ]
    assert "Changed: 4 sentences reworded" in shown
    assert len(rows) == 4, rows


def test_text_puts_no_space_where_a_cut_touched_its_neighbour_in_the_old_text() -> None:
    # An editor's Chinese rewrite: a lead clause cut before its sentence showed
    # "[-据希腊媒体报道，-] 涉事列车": a space neither text has. Blocks that touch in the
    # old text around a cut are printed touching; spaced English stays spaced.
    old = "铁路工人宣布罢工。\n\n据希腊媒体报道，涉事列车载有约350名乘客。站长已被逮捕。\n"
    new = "铁路工人宣布罢工。\n\n涉事列车载有约350名乘客。站长已被逮捕。\n"
    assert "[-据希腊媒体报道，-]涉事列车" in render_text(_pair(old, new))
    old = "The strike began on Monday. Police said nine were arrested. The station closed.\n"
    new = "The strike began on Monday. The station closed.\n"
    text = render_text(_pair(old, new))
    assert "[-Police said nine were arrested.-]" in text
    assert "Monday." in text and "[-Police" in text and "Monday.[-" not in text
