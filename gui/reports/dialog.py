"""The Save Report file dialog: file name, format (HTML, PDF, JSON; a Word redline for
a pairwise report), paper size and, for a pairwise report, "changed sentences only".
Shared by both kinds of report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QGridLayout, QWidget

from core.report.save import SUFFIXES, PageSize, ReportFormat

FILTERS: dict[str, ReportFormat] = {
    "HTML report (*.html *.htm)": "html",
    "PDF report (*.pdf)": "pdf",
    "JSON comparison data (*.json)": "json",
}
WORD_FILTER = "Word document with tracked changes (*.docx)"

EXTRA_SUFFIXES: dict[ReportFormat, tuple[str, ...]] = {"html": (".htm",)}


def with_suffix(target: Path, fmt: ReportFormat) -> Path:
    """``target`` ending in the format's suffix: another report suffix (the name the
    dialog proposed before the user picked another type) is replaced, none added."""
    suffix = target.suffix.lower()
    if suffix in (SUFFIXES[fmt], *EXTRA_SUFFIXES.get(fmt, ())):
        return target
    known = {*SUFFIXES.values(), *(s for extra in EXTRA_SUFFIXES.values() for s in extra)}
    if suffix in known:
        return target.with_suffix(SUFFIXES[fmt])
    return target.with_name(target.name + SUFFIXES[fmt])


@dataclass(frozen=True, slots=True)
class DialogChoice:
    """Where and how the user asked to save a report."""

    target: Path
    fmt: ReportFormat
    page_size: PageSize
    changes_only: bool


def ask_target(
    parent: QWidget, folder: str, name: str, changes_only: bool | None
) -> DialogChoice | None:
    """The Save Report dialog: file, format and paper size, and (for a pairwise report,
    ``changes_only`` not None) the "changed sentences only" box and the Word redline.
    None when the user cancels."""
    dialog = QFileDialog(parent, "Save Report")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # holds our options
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilters([*FILTERS, *([WORD_FILTER] if changes_only is not None else [])])
    dialog.setDirectory(folder)
    dialog.selectFile(name)
    only_changed = QCheckBox("Changed sentences only (fold unchanged ones)")
    only_changed.setChecked(bool(changes_only))
    paper = QComboBox()
    paper.addItems(["A4 paper", "Letter paper"])
    paper.setToolTip("Paper size of a PDF report")
    layout = dialog.layout()
    if isinstance(layout, QGridLayout):
        row = layout.rowCount()
        if changes_only is not None:
            layout.addWidget(only_changed, row, 0, 1, 2)
        layout.addWidget(paper, row, 2)
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    fmt = {**FILTERS, WORD_FILTER: "docx"}.get(dialog.selectedNameFilter(), "html")
    target = with_suffix(Path(dialog.selectedFiles()[0]), fmt)
    page_size: PageSize = "letter" if paper.currentIndex() == 1 else "a4"
    return DialogChoice(target, fmt, page_size, only_changed.isChecked())
