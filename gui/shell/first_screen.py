"""The first screen: what to do, where the panes will be, until a comparison is asked
for; and a document list wide enough for the columns that matter.

The empty state is a page of the window's page stack (beside the pairwise view and
the N-way page): shown at start and whenever the pairwise view would be shown with
nothing compared yet; ``leave`` shows the view once a comparison starts. The stack
(``PageStack``) takes the size of the page shown only (a hidden page's, such as the
N-way grid's ~650 px, would otherwise hold the window wide and squeeze the document
list at 1024x700).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

HINTS = (
    "Select two versions and press Enter",
    "Select three or more and press Compare Versions",
    "Drop a folder here",
)
# The document list's columns to keep in view: Name, Family, Closest, Similarity
# (the first four shown; the others are scrolled to).
KEY_COLUMNS = 4
# The list's width at first start, when its key columns need more (wider columns are
# narrowed to fit, none below MIN_COLUMN): ~40% of a 1024-pixel window.
LIST_WIDTH = 400
MIN_COLUMN = 90
# A smaller window never squeezes the list below its width or this share of the window.
MAX_SHARE = 0.4


class EmptyState(QWidget):
    """The hints, centred, in the palette's placeholder colour (light and dark)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("empty_state")
        self.label = QLabel("\n\n".join(HINTS))
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.label.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)


class FirstScreen(QObject):
    """Keeps the empty state in ``stack`` while ``pair_page`` has nothing to show."""

    def __init__(
        self,
        stack: QStackedWidget,
        pair_page: QWidget,
        has_pair: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.stack, self.pair_page, self.has_pair = stack, pair_page, has_pair
        self.page = EmptyState()
        stack.addWidget(self.page)
        stack.setCurrentWidget(self.page)
        stack.currentChanged.connect(self._on_stack_current_changed)

    @property
    def shown(self) -> bool:
        """Whether the empty state is on screen."""
        return self.stack.currentWidget() is self.page

    def leave(self) -> None:
        """A comparison has started: show the pairwise view."""
        if self.shown:
            self.stack.setCurrentWidget(self.pair_page)

    def _on_stack_current_changed(self, _index: int) -> None:
        if self.stack.currentWidget() is self.pair_page and not self.has_pair():
            self.stack.setCurrentWidget(self.page)


class PageStack(QStackedWidget):
    """A page stack whose size hints are its current page's, not the largest page's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()


def _key_sections(view: QTableView) -> list[int]:
    header = view.horizontalHeader()
    return [header.logicalIndex(v) for v in range(min(KEY_COLUMNS, header.count()))]


def _chrome(view: QTableView) -> int:
    return view.verticalScrollBar().sizeHint().width() + 2 * view.frameWidth() + 2


def documents_width(view: QTableView) -> int:
    """The width that shows ``view``'s first ``KEY_COLUMNS`` columns (in the order
    shown) with its frame and scroll bar."""
    header = view.horizontalHeader()
    return sum(header.sectionSize(i) for i in _key_sections(view)) + _chrome(view)


def fit_key_columns(view: QTableView, width: int = LIST_WIDTH) -> int:
    """Narrow the key columns wider than ``MIN_COLUMN``, each by its share of the
    excess, until they fit ``width``; returns the width they need now."""
    header = view.horizontalHeader()
    excess = documents_width(view) - width
    spare = {i: header.sectionSize(i) - MIN_COLUMN for i in _key_sections(view)}
    total = sum(v for v in spare.values() if v > 0)
    if excess > 0 and total > 0:
        for section, room in spare.items():
            if room > 0:
                cut = min(room, -(-excess * room // total))
                header.resizeSection(section, header.sectionSize(section) - cut)
    return documents_width(view)


class ListWidthKeeper(QObject):
    """Keeps the document list's dock at its width (``wanted`` at first start, later
    as the user drags it) when ``window`` changes size, up to ``MAX_SHARE`` of the
    window: Qt shrinks docks in proportion with the window, hiding the Similarity
    column at 1024x700. Without ``wanted`` (a restored layout) the first width the
    dock is laid out at counts."""

    def __init__(self, window: QMainWindow, dock: QDockWidget, wanted: int | None) -> None:
        super().__init__(window)
        self.window, self.dock, self.wanted = window, dock, wanted
        self._window_width = -1
        self._settled = False  # dock sizes before the first layout are Qt's, not the user's
        window.installEventFilter(self)
        dock.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Resize:
            return False
        if watched is self.window:
            self._window_width = self.window.width()
            QTimer.singleShot(0, self._keep_width)
        elif self._settled and self.window.width() == self._window_width:
            self.wanted = self.dock.width()  # dragged by the user (or set by us)
        return False

    def _keep_width(self, again: bool = True) -> None:
        if self.wanted is None:
            self.wanted = self.dock.width()
        self._settled = True
        if self.dock.isFloating() or not self.dock.isVisible():
            return
        wanted = min(self.wanted, int(self.window.width() * MAX_SHARE))
        if self.dock.width() < wanted:
            self.window.resizeDocks([self.dock], [wanted], Qt.Orientation.Horizontal)
            if again:  # the window's first layout, still pending at its first show, undoes it
                QTimer.singleShot(0, lambda: self._keep_width(again=False))
