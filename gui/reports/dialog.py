"""The Save Report file dialog: file name, format (HTML, PDF, JSON; a Word redline for
a pairwise report), paper size and, for a pairwise report, "changed sentences only" and
"risky-edit flags". Shared by both kinds of report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QGridLayout, QWidget

from core.report.save import PAGE_SIZES, SUFFIXES, PageSize, ReportFormat

FILTERS: dict[str, ReportFormat] = {
    "HTML report (*.html *.htm)": "html",
    "PDF report (*.pdf)": "pdf",
    "JSON comparison data (*.json)": "json",
}
WORD_FILTER = "Word document with tracked changes (*.docx)"

PAPER_NAMES: dict[PageSize, str] = {
    "a4": "A4 paper",
    "letter": "Letter paper",
    "a4-landscape": "A4 landscape",
    "letter-landscape": "Letter landscape",
}
EXTRA_SUFFIXES: dict[ReportFormat, tuple[str, ...]] = {"html": (".htm",)}
FORMAT_OF_SUFFIX: dict[str, ReportFormat] = {
    **{suffix: fmt for fmt, suffix in SUFFIXES.items()},
    **{suffix: fmt for fmt, extra in EXTRA_SUFFIXES.items() for suffix in extra},
}


def with_suffix(target: Path, fmt: ReportFormat) -> Path:
    """``target`` ending in the format's suffix: another report suffix (the name the
    dialog proposed before the user picked another type) is replaced, none added."""
    suffix = target.suffix.lower()
    if suffix in (SUFFIXES[fmt], *EXTRA_SUFFIXES.get(fmt, ())):
        return target
    if suffix in FORMAT_OF_SUFFIX:
        return target.with_suffix(SUFFIXES[fmt])
    return target.with_name(target.name + SUFFIXES[fmt])


def typed_target(typed: Path, selected: ReportFormat) -> tuple[Path, ReportFormat]:
    """The file and format of a typed name: a report suffix the user typed wins over
    the type selected in the dialog (``report.pdf`` with HTML selected is a PDF);
    a name without one gets the selected type's suffix."""
    fmt = FORMAT_OF_SUFFIX.get(typed.suffix.lower())
    if fmt is not None:
        return typed, fmt
    return with_suffix(typed, selected), selected


@dataclass(frozen=True, slots=True)
class DialogChoice:
    """Where and how the user asked to save a report."""

    target: Path
    fmt: ReportFormat
    page_size: PageSize
    changes_only: bool
    flags: bool = True
    no_paths: bool = False


def ask_target(
    parent: QWidget, folder: str, name: str, changes_only: bool | None
) -> DialogChoice | None:
    """The Save Report dialog: file, format and paper size, and (for a pairwise report,
    ``changes_only`` not None) the "changed sentences only" and "risky-edit flags" boxes
    and the Word redline.
    None when the user cancels."""
    dialog = QFileDialog(parent, "Save Report")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # holds our options
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilters([*FILTERS, *([WORD_FILTER] if changes_only is not None else [])])
    dialog.setDirectory(folder)
    dialog.selectFile(name)
    only_changed = QCheckBox("Changed sentences only (fold unchanged ones)")
    only_changed.setChecked(bool(changes_only))
    flags = QCheckBox("Risky-edit flags (the list after the summary, badges in the text)")
    flags.setObjectName("report_flags_box")
    flags.setChecked(True)
    paper = QComboBox()
    paper.addItems([PAPER_NAMES[size] for size in PAGE_SIZES])
    paper.setToolTip("Paper size of a PDF report")
    no_paths = QCheckBox("File names only (no folders)")
    no_paths.setToolTip("Name the documents without their folders, for a report sent outside")
    layout = dialog.layout()
    if isinstance(layout, QGridLayout):
        row = layout.rowCount()
        if changes_only is not None:
            layout.addWidget(only_changed, row, 0, 1, 2)
            layout.addWidget(flags, row + 1, 0, 1, 2)
        layout.addWidget(paper, row, 2)
        # Below the pair's boxes (it was drawn over the flags box).
        layout.addWidget(no_paths, row + (2 if changes_only is not None else 1), 0, 1, 2)
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    target, fmt = typed_target(
        Path(dialog.selectedFiles()[0]),
        {**FILTERS, WORD_FILTER: "docx"}.get(dialog.selectedNameFilter(), "html"),
    )
    page_size: PageSize = PAGE_SIZES[max(paper.currentIndex(), 0)]
    return DialogChoice(
        target, fmt, page_size, only_changed.isChecked(), flags.isChecked(), no_paths.isChecked()
    )
