"""The document list's width: a share of the window until the user drags it, then theirs.

While the user has not chosen a width, the list's dock takes ``LIST_SHARE`` of the
window's width, between ``MIN_LIST`` and ``LIST_WIDTH`` pixels, whatever the window's
size: the names stay readable and the panes get the room (a fixed 400 pixels was 40 %
of a 1024-pixel window and left each pane about 220 pixels). Its key columns (Name,
Family, Closest, Similarity) are narrowed to fit that width when they all can; when
they cannot, the name keeps its width and the family columns are scrolled to.

Once the user drags the separator between the list and the panes, that width is
theirs: remembered (``Settings.document_list_width``) and kept when the window changes
size (Qt shrinks docks in proportion with the window), up to ``MAX_SHARE`` of it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTableView

# The document list's columns to keep in view: Name, Family, Closest, Similarity
# (the first four shown; the others are scrolled to).
KEY_COLUMNS = 4
LIST_SHARE = 0.3  # of the window's width, until the user drags the list wider or narrower
MIN_LIST = 240
LIST_WIDTH = 420
MIN_COLUMN = 90  # a key column other than the name is never narrowed below this
MIN_NAME = 180  # nor the name (a sample's name, "000_a1d9523b8511cf93.txt", reads whole)
MAX_SHARE = 0.4  # a smaller window never squeezes a chosen width below this share


def default_list_width(window_width: int) -> int:
    """The list's width in a window ``window_width`` pixels wide, until the user drags it."""
    return max(MIN_LIST, min(LIST_WIDTH, round(window_width * LIST_SHARE)))


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


def fit_key_columns(view: QTableView, width: int) -> int:
    """Narrow the key columns, each by its share of the excess (the name down to
    ``MIN_NAME``, the others to ``MIN_COLUMN``), until they fit ``width``; when they
    cannot all fit, only the others are narrowed and the name keeps its width.
    Returns the width the key columns need now."""
    header = view.horizontalHeader()
    sections = _key_sections(view)
    excess = documents_width(view) - width
    floors = {i: MIN_NAME if n == 0 else MIN_COLUMN for n, i in enumerate(sections)}
    spare = {i: max(header.sectionSize(i) - floors[i], 0) for i in sections}
    if excess > sum(spare.values()):
        spare[sections[0]] = 0  # the name stays readable; the family columns scroll
        excess = sum(spare.values())
    total = sum(spare.values())
    if excess > 0 and total > 0:
        for section, room in spare.items():
            if room > 0:
                cut = min(room, -(-excess * room // total))
                header.resizeSection(section, header.sectionSize(section) - cut)
    return documents_width(view)


class ListWidthKeeper(QObject):
    """Gives the document list's ``dock`` its width whenever ``window`` changes size:
    ``chosen`` pixels once the user has dragged it (``remember`` is told the new
    width), else ``default_list_width``. ``fit`` (a first start) has its key columns
    fitted to the list's first width."""

    def __init__(
        self,
        window: QMainWindow,
        dock: QDockWidget,
        chosen: int,
        remember: Callable[[int], None],
        fit: QTableView | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.dock, self.chosen, self.remember = window, dock, chosen, remember
        self._fit = fit
        self._pressed: int | None = None  # the dock's width when a drag may have started
        self._window_width = -1  # only a change of the window's width moves the list
        window.installEventFilter(self)

    def target(self) -> int:
        """The width the list should have in the window as it is now."""
        width = self.window.width()
        if self.chosen > 0:
            return min(self.chosen, int(width * MAX_SHARE))
        return default_list_width(width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.window:
            return False
        kind = event.type()
        if kind == QEvent.Type.Resize and self.window.width() != self._window_width:
            self._window_width = self.window.width()
            QTimer.singleShot(0, self._keep_width)
        elif kind == QEvent.Type.MouseButtonPress:  # on the window itself: a separator
            self._pressed = self.dock.width()
        elif kind == QEvent.Type.MouseButtonRelease and self._pressed is not None:
            pressed, self._pressed = self._pressed, None
            if self.dock.width() != pressed and not self.dock.isFloating():
                self.chosen = self.dock.width()
                self.remember(self.chosen)
        return False

    def _keep_width(self, again: bool = True) -> None:
        if self.dock.isFloating() or not self.dock.isVisible() or self._pressed is not None:
            return
        target = self.target()
        if self._fit is not None:
            fit_key_columns(self._fit, target)
            self._fit = None
        if abs(self.dock.width() - target) > 1:
            self.window.resizeDocks([self.dock], [target], Qt.Orientation.Horizontal)
            if again:  # the window's first layout, still pending at its first show, undoes it
                QTimer.singleShot(0, lambda: self._keep_width(again=False))
