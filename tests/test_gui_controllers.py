"""Each window controller is built and used in a test without the main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStackedWidget, QStatusBar, QWidget

from gui.common.context import AppContext
from gui.common.reading import ReadingChoices
from gui.common.status_line import StatusLine
from gui.compare.view import CompareView
from gui.documents.document_list import DocumentListModel, DocumentListView
from gui.documents.listing import Listing
from gui.families.controller import FamiliesController
from gui.notes.controller import AnnotationsController
from gui.nway.controller import NWayController
from gui.reports.save import ReportSaver
from gui.work.jobs import Jobs
from tests.conftest import CONDENSED, FULL, UNRELATED


class Parts:
    """The few widgets and services the controllers share, made by hand."""

    def __init__(self, qtbot) -> None:
        self.owner = QWidget()
        qtbot.addWidget(self.owner)
        self.context = AppContext()
        self.jobs = Jobs(self.context.pool, self.owner)
        self.documents = DocumentListModel(self.owner)
        self.view = DocumentListView(self.documents)
        qtbot.addWidget(self.view)
        self.bar = QStatusBar()
        qtbot.addWidget(self.bar)
        self.cancel = QAction("Cancel", self.owner)
        self.status = StatusLine(self.bar, self.cancel)
        self.messages: list[str] = []
        self.status.message_shown.connect(self.messages.append)
        self.reading = ReadingChoices()
        self.recursive = QAction("Recursive", self.owner, checkable=True)
        self.open_as_text = QAction("Open as Text", self.owner)
        self.listing = Listing(
            self.jobs,
            self.documents,
            self.view,
            self.context,
            self.reading,
            self.status,
            self.open_as_text,
            self.recursive,
            [],
            self.owner,
        )

    def close(self) -> None:
        self.jobs.shutdown()
        self.context.pool.waitForDone()


def test_listing_lists_files_and_asks_for_their_comparison(qtbot) -> None:
    parts = Parts(qtbot)
    wanted: list[tuple[str, str]] = []
    parts.listing.compare_requested.connect(lambda old, new: wanted.append((old, new)))
    with qtbot.waitSignal(parts.listing.loaded, timeout=30000):
        parts.listing.open_files([str(CONDENSED), str(FULL)])
    assert wanted == [(str(CONDENSED), str(FULL))]
    assert parts.documents.rowCount() == 2
    assert parts.messages[-1] == "2 documents listed"
    parts.listing.open_as_text([str(FULL)])
    assert str(FULL) in parts.reading.as_text
    parts.close()


def test_families_scan_a_listed_folder(qtbot, tmp_path: Path) -> None:
    for source in (CONDENSED, FULL, UNRELATED):
        (tmp_path / source.name).write_bytes(source.read_bytes())
    parts = Parts(qtbot)
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    families = FamiliesController(
        parts.context, parts.listing, stack, parts.status, parts.cancel, parts.owner
    )
    with qtbot.waitSignal(families.scanned, timeout=60000):
        parts.listing.open_folder(str(tmp_path))
    assert families.index is not None
    assert len(families.index.families) == 1
    families.jobs.shutdown()
    parts.close()


def test_nway_asks_for_three_versions_and_for_a_pair(qtbot) -> None:
    parts = Parts(qtbot)
    stack, pair_page = QStackedWidget(), QWidget()
    qtbot.addWidget(stack)
    stack.addWidget(pair_page)
    said: list[str] = []
    compare_versions = QAction("Compare Versions", parts.owner)
    nway = NWayController(
        parts.context.pool,
        stack,
        pair_page,
        parts.view,
        lambda: None,
        parts.reading,
        compare_versions,
        QAction("Ignore Case", parts.owner, checkable=True),
        said.append,
        parts.owner,
    )
    compare_versions.trigger()
    assert said == ["Select three or more documents to compare as versions"]
    asked: list[tuple[str, str]] = []
    nway.pair_requested.connect(lambda base, version: asked.append((base, version)))
    nway.show_page()
    nway.view.pair_requested.emit(str(FULL), str(CONDENSED))
    assert asked == [(str(FULL), str(CONDENSED))]
    assert stack.currentWidget() is pair_page
    parts.close()


def test_annotations_and_reports_need_a_comparison_first(qtbot) -> None:
    parts = Parts(qtbot)
    view = CompareView()
    qtbot.addWidget(view)
    said: list[str] = []
    notes = AnnotationsController(
        parts.context,
        view,
        parts.jobs.compare_finished,
        lambda: True,
        said.append,
        parts.owner,
        parts.owner,
    )
    notes.annotate()
    notes.files.ask_export()
    reports = ReportSaver(parts.context.pool, said.append, parts.owner, lambda: False, lambda: None)
    reports.ask(None, False, None)
    reports.nway.ask()
    assert said == [
        "Select text in a pane, or pick a change, then Annotate",
        "Compare two documents first, then export",
        "Compare two documents first, then save the report",
        "Compare three or more versions first, then save",
    ]
    notes.shutdown()
    parts.close()
