"""Risky-edit flags in the window: badges in the change list, the "Show only flagged
changes" filter (menu action and check box, remembered) and the status-bar counts."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from core.engine.compare import compare
from core.flags.detect import Flag
from core.settings import load_settings
from core.text.document import document_from_text
from gui.common.context import AppContext
from gui.compare.summary import flag_summary
from gui.shell.main_window import MainWindow

OLD = """The council met on Tuesday to vote on the new budget.

Police said 20 people were hurt in the crash, Smith said.

The big bridge will close for repairs next month.

Residents were told to use the northern road instead.

The mayor thanked the workers, the volunteers and the police.
"""
NEW = """The council met on Tuesday to vote on the new budget.

Police said 27 people were hurt in the crash, Smith claimed.

The large bridge will close for repairs next month.

Residents were told to use the northern road instead!

The mayor thanked the workers, the volunteers and the police.
"""


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    os.utime(old, (1_600_000_000, 1_600_000_000))
    return str(old), str(new)


def shown_window(qtbot, pair: tuple[str, str]) -> MainWindow:
    win = MainWindow(AppContext())
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    with qtbot.waitSignal(win.comparison_shown, timeout=30000):
        win.compare(*pair)
    return win


@pytest.fixture
def window(qtbot, pair: tuple[str, str]):
    win = shown_window(qtbot, pair)
    tester = QAbstractItemModelTester(
        win.changes_view.changes_model, QAbstractItemModelTester.FailureReportingMode.Fatal
    )
    yield win
    del tester
    win.jobs.shutdown()


def listed(win: MainWindow) -> list[str]:
    model = win.changes_view.changes_model
    return [model.index(r, 2).data() for r in range(model.rowCount())]


def test_flagged_changes_show_badges_and_tooltips(window: MainWindow) -> None:
    model = window.changes_view.changes_model
    assert window.result is not None
    assert [f.kind for f in window.result.flags] == ["number", "attribution"]
    rows = {model.index(r, 2).data(): r for r in range(model.rowCount())}
    assert len(rows) == 3  # the figure/attribution sentence, the synonym, the "!"
    flagged = rows[next(t for t in rows if "27 people" in t)]
    plain = rows[next(t for t in rows if "large bridge" in t)]
    icon = model.index(flagged, 0).data(Qt.ItemDataRole.DecorationRole)
    assert icon is not None and not icon.isNull()
    tip = model.index(flagged, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Figure: &quot;20&quot; \u2192 &quot;27&quot;" in tip
    assert "Attribution: &quot;said&quot; \u2192 &quot;claimed&quot;" in tip
    assert model.index(plain, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    # The flagged row's icon has colour where the plain row's (kept for alignment) is blank.
    size = window.changes_view.iconSize()
    flagged_image = icon.pixmap(size).toImage()
    blank = model.index(plain, 0).data(Qt.ItemDataRole.DecorationRole).pixmap(size).toImage()
    assert flagged_image.pixelColor(4, size.height() // 2).alpha() == 255
    assert blank.pixelColor(4, size.height() // 2).alpha() == 0


def test_status_bar_counts_flags(window: MainWindow) -> None:
    # One wording for what is counted, in the status line's tooltip and above the
    # change list; the status line itself says how many.
    assert "2 flags in 1 of 3 changes: 1 figure, 1 attribution" in window.summary_label.toolTip()
    assert "\u2022  2 flags" in window.summary_label.text()
    assert window.change_panel.count_label.text() == "2 flags in 1 of 3 changes"


def test_only_flagged_filter_hides_unflagged_rows_and_is_remembered(
    qtbot, window: MainWindow, pair: tuple[str, str]
) -> None:
    box = window.change_panel.only_flagged
    assert not box.isChecked() and len(listed(window)) == 3
    window.actions.only_flagged.trigger()  # View > Show Only Flagged Changes
    assert box.isChecked()
    assert len(listed(window)) == 1 and "27 people" in listed(window)[0]
    assert load_settings(window.context.paths.settings_file).settings.only_flagged
    box.setChecked(False)  # the check box near the list is the same choice
    assert not window.actions.only_flagged.isChecked()
    assert len(listed(window)) == 3
    box.setChecked(True)
    again = shown_window(qtbot, pair)  # a new window restores the choice
    try:
        assert again.actions.only_flagged.isChecked()
        assert again.change_panel.only_flagged.isChecked()
        assert len(listed(again)) == 1
    finally:
        again.jobs.shutdown()


def test_filter_keeps_the_selected_flagged_change(window: MainWindow) -> None:
    view = window.changes_view
    model = view.changes_model
    row = next(r for r in range(model.rowCount()) if "27 people" in model.index(r, 2).data())
    view.selectRow(row)
    index = model.indices[row]
    window.actions.only_flagged.trigger()
    assert view.selectionModel().currentIndex().row() == model.row_of(index) == 0


def test_flag_summary_wording() -> None:
    old = document_from_text("One. Two. Three. Four. Five.")
    new = document_from_text("Uno. Two. Tres. Four. Cinco.")
    comparison = compare(old, new)
    changed = [i for i, b in enumerate(comparison.blocks) if b.kind != "equal"]
    assert len(changed) == 3
    flags = [
        Flag("number", changed[0], (), (), ""),
        Flag("attribution", changed[0], (), (), ""),
        Flag("number", changed[2], (), (), ""),
    ]
    expected = "3 flags in 2 of 3 changes: 2 figures, 1 attribution"
    assert flag_summary(comparison, flags) == expected
    assert flag_summary(comparison, []) == "no flags in 3 changes"
    assert flag_summary(comparison, flags[:1]) == "1 flag in 1 of 3 changes: 1 figure"


def test_summary_names_the_runner_up_of_a_guessed_encoding() -> None:
    from core.engine.compare import compare
    from core.model import EncodingGuess
    from gui.compare.summary import summary

    old = document_from_text("The council met on Tuesday.", "old.txt")
    guessed = replace(
        old, encoding="cp1252", confidence=0.12, encoding_guess=EncodingGuess("cp850")
    )
    line = summary(compare(guessed, old))
    assert "old cp1252 (12% sure, next best cp850)" in line and "new utf-8" in line


def test_the_short_summary_counts_words_without_zeros() -> None:
    from gui.compare.summary import short_summary

    old = document_from_text("The council met on Tuesday. It rained.", "old.txt")
    added = document_from_text("The council met on Tuesday. It rained all day.", "new.txt")
    line = short_summary(compare(old, added), [])
    assert "\u2022  +2 words  \u2022  0 moved  \u2022  0 flags" in line and "\u2212" not in line
    line = short_summary(compare(added, old), [])
    assert "\u2022  \u22122 words  \u2022" in line and "+" not in line
    assert short_summary(compare(old, old)).startswith("No differences  \u2022  Similarity")
    assert "\u2022  0 words  \u2022" in short_summary(compare(old, old))


def test_next_and_previous_change_step_through_flagged_changes_only_when_asked(
    qtbot, tmp_path: Path
) -> None:
    """With Show Only Flagged Changes, F7 and Shift+F7 go from flag to flag, as the
    list then shows them; the other changes stay highlighted in the panes."""
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(
        "The big bridge will close.\n\nPolice said 20 people were hurt.\n\n"
        "Residents use the northern road.\n\nThe fire spread to 3 houses.\n",
        encoding="utf-8",
    )
    new.write_text(
        "The large bridge will close.\n\nPolice said 27 people were hurt.\n\n"
        "Residents use the southern road.\n\nThe fire spread to 5 houses.\n",
        encoding="utf-8",
    )
    win = shown_window(qtbot, (str(old), str(new)))
    try:
        view = win.view
        flagged = {flag.block for flag in win.result.flags}
        kinds = [change.block in flagged for change in view.changes]
        assert kinds == [False, True, False, True]
        win.actions.next_change.trigger()
        assert view.current == 0  # every change, while the filter is off
        win.actions.only_flagged.trigger()
        win.actions.next_change.trigger()
        assert view.current == 1
        win.actions.next_change.trigger()
        assert view.current == 3
        win.actions.next_change.trigger()
        assert view.current == 3  # the last flagged change stays
        win.actions.previous_change.trigger()
        assert view.current == 1
    finally:
        win.jobs.shutdown()


def test_a_hedge_is_labelled_hedge_in_the_tooltip() -> None:
    from gui.compare.flag_icons import flags_tooltip

    hedge = Flag("attribution", 0, ((0, 3),), ((0, 4),), '"may" → "will"', hedge=True)
    source = replace(hedge, explanation='removed "reportedly"', hedge=False)
    tip = flags_tooltip([hedge, source])
    assert "Hedge: &quot;may&quot; → &quot;will&quot;" in tip
    assert "Attribution: removed &quot;reportedly&quot;" in tip
