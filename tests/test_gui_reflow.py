"""Hard-wrapped prose reads as paragraphs in the panes (issue 13: wire copy wrapped at
72 columns was ragged); View > Show Original Line Breaks keeps the files' own breaks.
Offsets never move: the pane text is as long as the document."""

from __future__ import annotations

import textwrap
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from test_gui_window import compare, folder, window  # noqa: F401

from gui.common.utf16 import display_text
from gui.compare.plan import reflowed
from gui.shell.main_window import MainWindow

PROSE = (
    "The council voted on Tuesday to close the harbour road for three weeks while "
    "engineers repair the sea wall, which was damaged in the January storms. Residents "
    "of the lower town will be able to use the ferry free of charge during the works. "
    "The mayor said the repairs could not wait until the summer."
)


def test_single_line_breaks_read_as_spaces_paragraph_breaks_stay() -> None:
    text = "one line\nwrapped here\n\nnext paragraph\r\nwrapped too\n"
    shown = reflowed(display_text(text))
    assert len(shown) == len(text)
    assert shown.split("\u2028\u2028")[0] == "one line wrapped here"
    assert "next paragraph\u200b wrapped too" in shown


@given(st.text(alphabet="ab \n\t", max_size=60))
def test_reflow_keeps_the_length_and_every_paragraph_break(text: str) -> None:
    shown = reflowed(display_text(text))
    assert len(shown) == len(text)
    assert shown.count("\u2028") <= text.count("\n")
    # What was a blank-line paragraph break still breaks the line.
    for k in range(len(text) - 1):
        if text[k] == "\n" and text[k + 1] == "\n":
            assert shown[k] == shown[k + 1] == "\u2028"


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "wire.txt", tmp_path / "edited.txt"
    old.write_text(textwrap.fill(PROSE, 72) + "\n", encoding="utf-8")
    new.write_text(textwrap.fill(PROSE.replace("three weeks", "a month"), 72) + "\n")
    return old, new


def test_panes_reflow_wrapped_prose_and_show_original_breaks_on_request(
    qtbot,
    window: MainWindow,  # noqa: F811
    tmp_path: Path,
) -> None:
    old, new = _pair(tmp_path)
    with qtbot.waitSignal(window.folder_loaded, timeout=20000):
        window.open_folder(str(tmp_path))
    compare(qtbot, window, old.name, new.name)
    view = window.view
    raw = view.old_pane.document().toRawText() + view.new_pane.document().toRawText()
    assert "\u2028" not in raw  # each side one paragraph, drawn as prose
    assert "the harbour road for three weeks while" in raw  # across a wrap of the file
    with qtbot.waitSignal(window.comparison_shown, timeout=30000):
        window.actions.line_breaks.setChecked(True)
    assert "\u2028" in view.old_pane.document().toRawText()
    assert window.context.settings.line_breaks  # remembered


def test_lines_of_a_text_not_hard_wrapped_stay_lines(
    qtbot,
    window: MainWindow,  # noqa: F811
    tmp_path: Path,
) -> None:
    # One sentence a line without stops (a dateline, a list): a single line break
    # ends a sentence there, so even in a row of several sentences it is kept.
    lines = ["WASHINGTON", "The council voted on Tuesday", "Residents were not told", "Work starts"]
    old, new = tmp_path / "a-lines.txt", tmp_path / "b-merged.txt"
    old.write_text("\n".join(lines) + "\n", encoding="utf-8")
    new.write_text("\n".join([lines[0], f"{lines[1]} and {lines[2]}", lines[3]]) + "\n")
    with qtbot.waitSignal(window.folder_loaded, timeout=20000):
        window.open_folder(str(tmp_path))
    compare(qtbot, window, old.name, new.name)
    raw = window.view.old_pane.document().toRawText()
    assert f"{lines[1]}\u2028{lines[2]}" in raw
