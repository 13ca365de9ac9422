"""The N-way grid on the samples: planted cuts, edits, rewrites and moves; reports; CLI."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from conftest import CONDENSED, FULL

from core.cli import main
from core.engine.compare import compare
from core.errors import CancelledError
from core.nway.grid import (
    NWay,
    build_nway,
    default_base,
    kept_shares,
    nway_from_comparisons,
    sort_by_similarity,
)
from core.report.nway import render_nway_json, render_nway_text
from core.report.nway_html import render_nway_html
from core.text.document import document_from_text, load_document
from gui.shell.launcher import ENGINE_COMMANDS

# What the planted variant does to each line (= sentence) of 000: the statuses its
# column must show. Unlisted lines are kept as they are.
CUT, EDITED, INSERTED, REWRITTEN, MOVED, EMOJI = 2, 4, 7, 8, 1, 0
PLANTED = {CUT: "missing", EDITED: "edited", INSERTED: "edited", REWRITTEN: "reworded"}
REWRITE = "officials in damascus denied every word of that report on sunday evening"


def variant_lines(markup: str = "strong") -> list[str]:
    """The lines of the planted variant of 000, in their new order."""
    lines = CONDENSED.read_text(encoding="utf-8").split("\n")
    new = list(lines)
    new[EMOJI] = "\U0001f3a5 " + lines[EMOJI]  # not a word: the sentence stays kept
    new[EDITED] = lines[EDITED].replace("british accent", f"{markup} accent")
    new[INSERTED] = lines[INSERTED].replace("after the town", "after the small town")
    new[REWRITTEN] = REWRITE
    order = [i for i in range(len(lines)) if i not in (CUT, MOVED)] + [MOVED]
    return [new[i] for i in order]


def variant_text(markup: str = "strong") -> str:
    return "\n".join(variant_lines(markup)) + "\n"


@pytest.fixture(scope="module")
def grid():
    base = load_document(CONDENSED)
    variant = document_from_text(variant_text(), "variant.txt")
    return build_nway(base, [load_document(FULL), variant])


def test_statuses_per_sentence_are_as_planted(grid) -> None:
    assert len(grid.sentences) == 11
    column = [row.cells[1].status for row in grid.sentences]
    expected = [PLANTED.get(k, "kept") for k in range(11)]
    assert column == expected
    # 000 is condensed from 001: 001 keeps (nearly) every sentence, changed at most.
    assert all(row.cells[0].status != "missing" for row in grid.sentences)
    assert [row.cells[0].status for row in grid.sentences].count("kept") >= 5


def test_wording_is_the_versions_own_text(grid) -> None:
    text = grid.versions[1].document.text
    lines = variant_lines()

    def said(k: int) -> str | None:
        span = grid.sentences[k].cells[1].span
        return None if span is None else text[span[0] : span[1]]

    base_lines = CONDENSED.read_text(encoding="utf-8").split("\n")
    assert said(CUT) is None
    assert said(EDITED) == base_lines[EDITED].replace("british", "strong")
    assert said(INSERTED) == base_lines[INSERTED].replace("the town", "the small town")
    assert said(REWRITTEN) == REWRITE  # reworded: its replacement is shown
    assert said(MOVED) == lines[-1]  # found where it now stands
    assert said(EMOJI) == base_lines[EMOJI]  # code points, after the emoji
    assert grid.sentences[EDITED].words == 19


def test_summaries_per_version(grid) -> None:
    variant = grid.versions[1]
    stats = variant.comparison.stats
    assert (variant.kept, variant.edited, variant.reworded, variant.missing) == (7, 2, 1, 1)
    assert variant.kept_share == pytest.approx(stats.common_words / stats.old_words)
    assert 0.8 < variant.kept_share < 0.95
    rewrite_words = len(REWRITE.split())
    assert rewrite_words <= variant.added_words <= rewrite_words + 2  # strong, small
    full = grid.versions[0]
    assert full.kept_share > 0.95 and full.added_words > 400
    assert full.similarity == full.comparison.stats.similarity
    assert full.similarity < variant.similarity


def test_sort_by_similarity_moves_cells_with_their_versions(grid) -> None:
    ordered = sort_by_similarity(grid)
    assert [v.document.path for v in ordered.versions] == ["variant.txt", str(FULL)]
    for before, after in zip(grid.sentences, ordered.sentences):
        assert after.cells == (before.cells[1], before.cells[0])


def _every_pair(docs: list) -> dict:
    n = len(docs)
    return {(i, j): compare(docs[i], docs[j]) for i in range(n) for j in range(i + 1, n)}


@pytest.mark.parametrize("order", [(0, 1, 2), (1, 2, 0), (2, 0, 1)])
def test_default_base_is_the_fullest_version_whatever_the_order(order) -> None:
    """The wire copy (001, full) is the base, not a version condensed from it (000, or
    the planted edit of 000, whose words are all found in the others)."""
    story = [
        load_document(FULL),
        load_document(CONDENSED),
        document_from_text(variant_text(), "variant.txt"),
    ]
    docs = [story[k] for k in order]
    pairs = _every_pair(docs)
    share = kept_shares(3, pairs)
    full, condensed = order.index(0), order.index(1)
    assert share[condensed][full] > 0.95 and share[full][condensed] < 0.6  # 001 keeps 000
    covers = [sum(share[j][i] for j in range(3) if j != i) / 2 for i in range(3)]
    assert default_base(docs, pairs) == covers.index(max(covers)) == full


@pytest.mark.parametrize(
    ("texts", "base"),
    [
        # Each covers all of the others' words: the longer text, then the earlier.
        (["Alpha beta gamma.", "Alpha beta gamma!!", "Alpha beta."], 1),
        (["Alpha beta gamma.", "Alpha beta gamma.", "Alpha beta."], 0),
        # The one holding most of the two others' words, although it is not the longest.
        (["Alpha beta gamma delta.", "Alpha beta epsilon.", "Zeta eta theta iota kappa."], 0),
    ],
)
def test_default_base_ties_and_cover(texts: list[str], base: int) -> None:
    docs = [document_from_text(t, f"{k}.txt") for k, t in enumerate(texts)]
    assert default_base(docs, _every_pair(docs)) == base


def test_whole_sentence_moved_and_wordless_sentences() -> None:
    base = document_from_text(
        "Alpha beta gamma delta.\n***\nEpsilon zeta eta theta.\nIota kappa lambda mu.\n"
    )
    moved = document_from_text(
        "***\nEpsilon zeta eta theta.\nIota kappa lambda mu.\nAlpha beta gamma delta.\n"
    )
    cut = document_from_text("Alpha beta gamma delta.\nEpsilon zeta eta theta.\nIota kappa.\n")
    grid = build_nway(base, [moved, cut])
    assert [r.words for r in grid.sentences] == [4, 0, 4, 4]
    assert grid.versions[0].comparison.stats.moved_words == 4
    assert [r.cells[0].status for r in grid.sentences] == ["kept"] * 4
    assert [r.cells[1].status for r in grid.sentences] == ["kept", "missing", "kept", "edited"]


def test_progress_and_cancel() -> None:
    base = load_document(CONDENSED)
    seen: list[tuple[int, int]] = []
    build_nway(base, [load_document(FULL)] * 2, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(0, 2), (1, 2), (2, 2)]
    with pytest.raises(CancelledError):
        build_nway(base, [load_document(FULL)], should_cancel=lambda: True)
    with pytest.raises(ValueError, match="one base"):
        base2 = document_from_text("Other text.")
        nway_from_comparisons([compare(base, base2), compare(base2, base)])


def test_identical_versions_keep_everything() -> None:
    base = load_document(CONDENSED)
    copy = document_from_text(base.text.replace("\n", "\r\n"), "copy.txt")
    grid = build_nway(base, [copy])
    assert grid.identical
    assert {r.cells[0].status for r in grid.sentences} == {"kept"}
    assert grid.versions[0].kept_share == 1.0 and grid.versions[0].added_words == 0


# -- reports and the command line ---------------------------------------------------


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    variant = tmp_path / '<b>var"i&ant<script>.txt'
    variant.write_text(variant_text("<script>alert(1)</script>"), encoding="utf-8")
    return [CONDENSED, FULL, variant]


def test_cli_json(files: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "grid.json"
    assert main(["nway", *map(str, files), "--format", "json", "-o", str(out)]) == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("redline-nway", 2)
    assert data["base"]["path"] == str(CONDENSED) and data["base"]["words"] > 400
    assert [v["path"] for v in data["versions"]] == [str(files[1]), str(files[2])]
    assert [v["kept"] for v in data["versions"]][1] == 7
    assert len(data["sentences"]) == 11
    variant_text_ = files[2].read_text(encoding="utf-8")
    cells = [s["cells"][1] for s in data["sentences"]]
    assert [c["status"] for c in cells] == [PLANTED.get(k, "kept") for k in range(11)]
    assert cells[CUT]["span"] is None
    s, e = cells[EDITED]["span"]
    assert "<script>alert(1)</script> accent" in variant_text_[s:e]
    base = CONDENSED.read_text(encoding="utf-8")
    s, e = data["sentences"][3]["base"]
    assert base[s:e] == base.split("\n")[3]


def test_cli_text_grid(files: list[Path], capsys) -> None:
    assert main(["nway", *map(str, files)]) == 1
    lines = capsys.readouterr().out.splitlines()
    below = lines[lines.index("AB  sentence") + 1 :]
    grid = [line for line in below if not line.startswith(" ")]
    assert len(grid) == 11
    assert [line[1] for line in grid] == [
        {"kept": "=", "edited": "~", "reworded": "*", "missing": "\u00b7"}[PLANTED.get(k, "kept")]
        for k in range(11)
    ]
    assert grid[CUT][:2] == "=\u00b7" and grid[CUT][4:].startswith("just hours after")
    assert any(
        line.startswith("  B  ") and "7 kept, 2 edited, 1 reworded, 1 missing" in line
        for line in lines
    )

    # Under a reworded sentence: the version's own wording; under an edited one: the
    # base words the version drops.
    def under(row: int) -> list[str]:
        at = below.index(grid[row]) + 1
        return below[at : below.index(grid[row + 1])]

    assert f"B says: {REWRITE}" in [line.strip() for line in under(REWRITTEN)]
    assert "B drops: british" in [line.strip() for line in under(EDITED)]
    assert not [line for line in under(MOVED + 2) if "B " in line]  # kept: nothing under


def test_cli_html_escapes_text_and_names(files: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "grid.html"
    assert main(["nway", *map(str, files), "--format", "html", "-o", str(out)]) == 1
    page = out.read_text(encoding="utf-8")
    assert "script-src 'none'" in page
    assert "<script" not in page.lower()
    assert not re.search(r"<[^>]*\son\w+=", page)  # no event handler attribute at all
    assert "&lt;b&gt;var&quot;i&amp;ant&lt;script&gt;.txt" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; accent" in page
    # Hover: the wording is the cell's title; print: it is listed under the grid.
    assert re.search(r'title="B: edited\n[^"]*&lt;script&gt;alert', page)
    assert 'id="B-5"' in page and 'href="#B-5"' in page
    legend = (("=", "kept as is"), ("~", "edited"), ("*", "reworded"), ("\u00b7", "missing"))
    for symbol, meaning in legend:
        # The legend has symbols, not colour alone (spaces may be non-breaking).
        label = r"\s".join(map(re.escape, (symbol, *meaning.split())))
        assert re.search(label + r"\s*</span>", page), meaning


def test_html_report_renders(files: list[Path]) -> None:
    grid = build_nway(*(load_document(p) for p in files[:1]), [load_document(files[2])])
    page = render_nway_html(grid)
    assert page.count('<tr id="s') == 11 and page.count('class="c missing"') == 1
    assert page.count('class="c reworded"') == 1
    assert render_nway_json(grid).endswith("\n")
    assert render_nway_text(grid).count("\n") > 11


def test_cli_errors_are_one_line(files: list[Path], tmp_path: Path, capsys) -> None:
    before = (files[2].read_bytes(), os.stat(files[2]).st_mtime_ns)
    assert main(["nway", *map(str, files), "-o", str(files[2])]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert (files[2].read_bytes(), os.stat(files[2]).st_mtime_ns) == before
    assert main(["nway", str(files[0]), str(tmp_path / "gone.txt")]) == 2
    err = capsys.readouterr().err
    assert "gone.txt" in err and err.count("\n") == 1 and "Traceback" not in err
    assert main(["nway", str(files[0]), str(files[1]), "--encoding", "latin-1"]) == 2
    assert "FILE=ENC" in capsys.readouterr().err
    assert "nway" in ENGINE_COMMANDS


# A report and its simplified rewrite (own sentences): one sentence kept, one edited,
# one reworded beyond half its words, one dropped, one kept.
HARBOUR = (
    "The harbour opened at dawn on Saturday. "
    "Fishing boats from three villages unloaded their catch on the eastern pier. "
    "The harbour master, who had worked there for thirty years, blamed the council for "
    "the broken crane. "
    "A brass band played until noon. "
    "Tickets for the evening concert sold out within an hour.\n"
)
HARBOUR_SIMPLE = (
    "The harbour opened at dawn on Saturday. "
    "Boats from three villages unloaded fish on the eastern pier. "
    "The man in charge of the harbour said the crane was broken and that it was the "
    "town's fault. "
    "Tickets for the evening concert sold out within an hour.\n"
)


def harbour_grid() -> NWay:
    base = document_from_text(HARBOUR, "harbour.txt")
    return build_nway(base, [document_from_text(HARBOUR_SIMPLE, "simple.txt")])


def test_reworded_sentence_is_not_missing_and_shows_the_versions_wording() -> None:
    grid = harbour_grid()
    cells = [row.cells[0] for row in grid.sentences]
    assert [c.status for c in cells] == ["kept", "edited", "reworded", "missing", "kept"]
    text = grid.versions[0].document.text

    def said(k: int) -> str | None:
        span = cells[k].span
        return None if span is None else text[span[0] : span[1]]

    # Reworded: under half its words kept, its replacement is the version's sentence.
    assert cells[2].kept_words < grid.sentences[2].words / 2
    assert said(2) == (
        "The man in charge of the harbour said the crane was broken and that it was the "
        "town's fault."
    )
    assert said(1) == "Boats from three villages unloaded fish on the eastern pier."
    assert said(3) is None  # dropped: nothing in its place
    # The base words each version drops.
    base = grid.base.text
    assert [base[s:e] for s, e in cells[1].dropped] == ["Fishing", "their catch"]
    # The whole sentence, its full stop included (the rewrite before it keeps its own).
    assert " ".join(base[s:e] for s, e in cells[3].dropped) == "A brass band played until noon."
    assert cells[0].dropped == () and cells[4].dropped == ()
    v = grid.versions[0]
    assert (v.kept, v.edited, v.reworded, v.missing) == (2, 1, 1, 1)


def test_every_sentence_of_a_simplified_rewrite_has_a_counterpart() -> None:
    """Each sentence said again in plain words, most under half their words: the
    pairwise comparison pairs them all, so none is missing (version 1 said missing)."""
    base = document_from_text(
        "Precipitation was considerably heavier than forecasters had anticipated. "
        "Several thoroughfares in the municipality were rendered impassable by flooding. "
        "Residents were advised to refrain from unnecessary journeys. "
        "Emergency services attended numerous incidents overnight.\n",
        "formal.txt",
    )
    simple = document_from_text(
        "It rained much more than the weather people said it would. "
        "Some roads in the town were under water and nobody could drive on them. "
        "People were told to stay at home if they could. "
        "Police and firemen went out to many calls in the night.\n",
        "simple.txt",
    )
    grid = build_nway(base, [simple])
    statuses = [row.cells[0].status for row in grid.sentences]
    assert len(statuses) == 4 and "missing" not in statuses
    assert statuses.count("reworded") >= 3
    text = simple.text
    for row, wanted in zip(grid.sentences, text.split(". ")):
        span = row.cells[0].span
        assert span is not None and text[span[0] : span[1]].startswith(wanted[:20])


def test_json_cells_carry_kept_words_and_dropped_spans() -> None:
    data = json.loads(render_nway_json(harbour_grid()))
    assert data["version"] == 2
    (version,) = data["versions"]
    assert {k: version[k] for k in ("kept", "edited", "reworded", "missing")} == {
        "kept": 2,
        "edited": 1,
        "reworded": 1,
        "missing": 1,
    }
    cells = [s["cells"][0] for s in data["sentences"]]
    assert [c["status"] for c in cells] == ["kept", "edited", "reworded", "missing", "kept"]
    assert cells[1]["kept_words"] == 9 and data["sentences"][1]["words"] == 12
    assert [HARBOUR[s:e] for s, e in cells[1]["dropped"]] == ["Fishing", "their catch"]
    assert cells[3]["span"] is None and cells[0]["dropped"] == []


def test_report_shows_the_reworded_wording_and_the_dropped_words() -> None:
    grid = harbour_grid()
    html = render_nway_html(grid)
    assert 'class="c reworded"' in html and 'href="#A-3"' in html
    row = html[html.index('id="A-3"') :].split("</tr>")[0]
    assert "\u00a0reworded\u00a0" in row.replace(" ", "\u00a0")
    said = row.split('<span class="who">A:</span>')[1]
    assert (
        re.sub(r"<[^>]+>", "", said)
        .strip()
        .startswith("The man in charge of the harbour said the crane was broken")
    )
    assert '<span class="wins">The man in charge of the harbour said the crane' in said
    base = row.split('<span class="who">A:</span>')[0]
    assert "blamed the council for the broken crane" in base.split('class="wdel">', 1)[1]
    edited = html[html.index('id="A-2"') :].split("</tr>")[0]
    assert '<span class="wdel">Fishing</span>' in edited
    assert '<span class="wdel">their catch</span>' in edited
    gone = html[html.index('id="A-4"') :].split("</tr>")[0]
    assert "(nothing in its place)" in gone and "Missing entirely: sentences 4." in html
    text = render_nway_text(grid)
    assert "A says: The man in charge of the harbour said the crane was broken" in text
    assert "A drops: Fishing \u2026 their catch" in text
