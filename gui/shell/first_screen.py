"""The first screen: what to do, where the panes will be, until a comparison is asked
for.

The empty state is a page of the window's page stack (beside the pairwise view and
the N-way page): shown at start and whenever the pairwise view would be shown with
nothing compared yet; ``leave`` shows the view once a comparison starts. The stack
(``PageStack``) takes the size of the page shown only (a hidden page's, such as the
N-way grid's ~650 px, would otherwise hold the window wide and squeeze the document
list at 1024x700).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

HINTS = (
    "Select two versions and press Enter",
    "Select three or more and press Compare Versions",
    "Drop a folder here",
)


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

    def back(self) -> None:
        """The pair shown went (cleared, or it could not be compared): the empty state
        again, with what to do, rather than two blank panes."""
        if self.stack.currentWidget() is self.pair_page:
            self.stack.setCurrentWidget(self.page)

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
