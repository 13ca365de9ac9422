"""The document list's width: a share of the window, names readable, until the user
drags it; then the user's width, kept and remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from gui.common.context import AppContext
from gui.shell import list_width
from gui.shell.main_window import MainWindow


def _window(qtbot, context: AppContext, size: tuple[int, int]) -> MainWindow:
    win = MainWindow(context)
    qtbot.addWidget(win)
    win.resize(*size)  # before the first show, as ``--screenshot --size`` does
    win.show()
    qtbot.waitExposed(win)
    return win


def _shown_key_headers(win: MainWindow) -> list[str]:
    view = win.document_view
    header = view.horizontalHeader()
    shown = [header.logicalIndex(v) for v in range(list_width.KEY_COLUMNS)]
    return [view.model().headerData(i, Qt.Orientation.Horizontal) for i in shown]


def _visible(win: MainWindow, visual: int) -> int:
    """Pixels of the list's column at visual position ``visual`` in view."""
    view = win.document_view
    header = view.horizontalHeader()
    section = header.logicalIndex(visual)
    left = header.sectionViewportPosition(section)
    right = left + header.sectionSize(section)
    return max(0, min(right, view.viewport().width()) - max(left, 0))


@pytest.mark.parametrize("size", [(1024, 700), (1400, 900)])
def test_the_list_takes_a_share_of_the_window_and_the_names_read_whole(qtbot, size) -> None:
    # Session 7 gave it 400 pixels: 40 % of a 1024-pixel window, each pane ~220 pixels.
    win = _window(qtbot, AppContext(), size)
    wanted = list_width.default_list_width(size[0])
    qtbot.waitUntil(lambda: win.docs_dock.width() == wanted, timeout=3000)
    qtbot.wait(100)  # the columns are fitted once the window is laid out
    assert win.docs_dock.width() <= 0.31 * size[0]
    assert win.centralWidget().width() >= 0.65 * size[0]
    assert _shown_key_headers(win) == ["Name", "Family", "Closest", "Similarity"]
    names = [win.document_view.fontMetrics().horizontalAdvance("000_a1d9523b8511cf93.txt")]
    assert _visible(win, 0) >= max(names) + 8  # a sample's name, with the cell's margins
    assert _visible(win, 1) >= 40  # and its family
    if size[0] >= 1400:  # room for all four
        assert all(_visible(win, v) > 0 for v in range(4))
        header = win.document_view.horizontalHeader()
        assert _visible(win, 3) == header.sectionSize(header.logicalIndex(3))
    win.jobs.shutdown()


def test_the_default_share_follows_the_window(qtbot) -> None:
    win = _window(qtbot, AppContext(), (1400, 900))
    qtbot.waitUntil(lambda: win.docs_dock.width() == list_width.default_list_width(1400))
    win.resize(1024, 700)
    qtbot.waitUntil(
        lambda: win.docs_dock.width() == list_width.default_list_width(1024), timeout=3000
    )
    win.jobs.shutdown()


def _drag_separator(qtbot, win: MainWindow, by: int) -> None:
    """Drag the separator right of the document list with the mouse, as a user does."""
    dock = win.docs_dock.geometry()
    start = QPoint(dock.right() + 3, dock.center().y())
    QTest.mousePress(win, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(win, start + QPoint(by * step // 5, 0))
        qtbot.wait(10)
    QTest.mouseRelease(
        win, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(by, 0)
    )


def test_a_width_the_user_drags_is_kept_and_remembered(qtbot) -> None:
    context = AppContext()
    win = _window(qtbot, context, (1400, 900))
    qtbot.waitUntil(lambda: win.docs_dock.width() == list_width.default_list_width(1400))
    _drag_separator(qtbot, win, -60)
    chosen = win.docs_dock.width()
    assert chosen < list_width.default_list_width(1400) - 40
    assert context.settings.document_list_width == chosen
    win.resize(1024, 700)  # Qt would shrink it in proportion; the default share too
    qtbot.wait(100)
    assert win.docs_dock.width() == chosen
    win.resize(1400, 900)
    qtbot.wait(100)
    assert win.docs_dock.width() == chosen
    win.jobs.shutdown()
    win.close()
    again = _window(qtbot, AppContext(), (1400, 900))  # the next start: read from disk
    assert again.context.settings.document_list_width == chosen
    qtbot.waitUntil(lambda: again.docs_dock.width() == chosen, timeout=3000)
    again.jobs.shutdown()


def test_fitting_narrows_the_family_columns_before_the_name() -> None:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    model = QStandardItemModel(1, 5)
    view = QTableView()
    view.setModel(model)
    header = view.horizontalHeader()
    for section, width in enumerate((190, 60, 150, 70, 80)):
        header.resizeSection(section, width)
    chrome = list_width.documents_width(view) - 470
    list_width.fit_key_columns(view, 250)  # far too narrow for all four
    assert [header.sectionSize(i) for i in range(4)] == [190, 60, 90, 70]
    for section, width in enumerate((190, 60, 150, 70)):
        header.resizeSection(section, width)
    assert list_width.fit_key_columns(view, 420 + chrome) <= 420 + chrome
    assert header.sectionSize(0) >= list_width.MIN_NAME and header.sectionSize(2) >= 90
