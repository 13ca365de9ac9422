"""The annotation actions, the status bar's save indicator and a message bar for a store
that had to be set aside (the window places them: ``gui.shell.placement``)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from gui.common.plain import tooltip


@dataclass
class AnnotationActions:
    """The window's annotation actions."""

    undo: QAction
    redo: QAction
    annotate: QAction
    edit: QAction
    delete: QAction
    edit_tags: QAction
    export: QAction
    import_: QAction


def _action(parent: QWidget, text: str, keys: list[str], tip: str) -> QAction:
    action = QAction(text, parent)
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.setToolTip(tip)
    action.setStatusTip(tip)
    return action


def build_annotation_actions(parent: QWidget, stack: QUndoStack) -> AnnotationActions:
    """Create the actions, owned by ``parent`` (the controller connects them)."""
    undo = stack.createUndoAction(parent, "&Undo")
    undo.setShortcuts([QKeySequence("Ctrl+Z")])
    redo = stack.createRedoAction(parent, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    actions = AnnotationActions(
        undo=undo,
        redo=redo,
        annotate=_action(
            parent,
            "&Annotate\u2026",
            ["Ctrl+M"],
            "Add a note to the selected text, or else to the current change",
        ),
        edit=_action(parent, "&Edit Annotation\u2026", [], "Edit the selected annotation"),
        delete=_action(parent, "&Delete Annotation", ["Del"], "Delete the selected annotation"),
        edit_tags=_action(parent, "Edit &Tags\u2026", [], "Add, rename or remove annotation tags"),
        export=_action(
            parent, "&Export Annotations\u2026", [], "Save this comparison's notes as JSON"
        ),
        import_=_action(
            parent, "&Import Annotations\u2026", [], "Add notes from an exported JSON file"
        ),
    )
    # Del deletes an annotation only while the annotations panel has the focus.
    actions.delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return actions


class NoticeBar(QFrame):
    """A one-line message above the comparison with a Dismiss button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#notice_bar { background: palette(alternate-base); }")
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        dismiss = QPushButton("Dismiss", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(dismiss)
        dismiss.clicked.connect(self.hide)
        self.hide()

    def show_text(self, text: str) -> None:
        """Show ``text`` (literally) until dismissed."""
        self.label.setText(text)
        self.show()


class SaveIndicator(QLabel):
    """ "Saving…" while annotation writes are queued, then "All notes saved"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notes_saved_label")
        self.setTextFormat(Qt.TextFormat.PlainText)
        # A crowded status bar squeezes its widgets: keep the longest state readable.
        longest = max(("Saving\u2026", "Notes NOT saved", "All notes saved"), key=len)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(longest) + 8)
        self.error = ""

    def set_pending(self, pending: int) -> None:
        """Show the state for ``pending`` queued writes."""
        if pending:
            self.setText("Saving\u2026")
        elif self.error:
            self.setText("Notes NOT saved")
            self.setToolTip(tooltip(self.error))
        else:
            self.setText("All notes saved")
            self.setToolTip("Every annotation is saved")

    def set_error(self, message: str) -> None:
        """A write failed: say so until the next write succeeds."""
        self.error = message
