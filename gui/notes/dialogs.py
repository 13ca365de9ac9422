"""The annotation editor (note, tag, status) and the tag list editor.

Both show user text literally (plain-text labels). The editor returns the values
chosen; the tag editor returns the new list (stored by the caller with ``set_tags``).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.notes.annotation import STATUS_LABELS, STATUSES, Anchor, Status
from gui.compare.changes import excerpt

NO_TAG = "(no tag)"


@dataclass(frozen=True, slots=True)
class NoteValues:
    """What the user wrote and chose in the editor."""

    note: str
    tag: str | None
    status: Status


class AnnotationDialog(QDialog):
    """Write a note and pick a tag and a status for the quoted text."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        quotes: list[tuple[str, str]],
        tags: list[str],
        values: NoteValues,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("annotation_dialog")
        self.setWindowTitle(title)
        self.initial = values
        self.quotes: list[QLabel] = []  # one per side the note is attached to
        for _side, quote in quotes or [("", "")]:
            label = QLabel(excerpt(quote, 160) if quote else "(empty text)")
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            self.quotes.append(label)
        self.note = QPlainTextEdit(values.note)
        self.note.setObjectName("note_edit")
        self.note.setPlaceholderText("Your note on this text")
        self.note.setTabChangesFocus(True)
        self.tag = QComboBox()
        self.tag.addItem(NO_TAG, None)
        for tag in tags:
            self.tag.addItem(tag, tag)
        if values.tag is not None and self.tag.findData(values.tag) < 0:
            self.tag.addItem(values.tag, values.tag)  # a tag since removed from the list
        self.tag.setCurrentIndex(max(self.tag.findData(values.tag), 0))
        self.status = QComboBox()
        for status in STATUSES:
            self.status.addItem(STATUS_LABELS[status], status)
        self.status.setCurrentIndex(max(self.status.findData(values.status), 0))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # Enter starts a new line of the note; Ctrl+Enter saves it, from any field.
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setToolTip("Save the note (Ctrl+Enter)")
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        form = QFormLayout(self)
        for (side, _quote), label in zip(quotes or [("", "")], self.quotes, strict=True):
            form.addRow(f"{side} text:" if side else "Text:", label)
        form.addRow("Note:", self.note)
        form.addRow("Tag:", self.tag)
        form.addRow("Status:", self.status)
        form.addRow(buttons)
        self.resize(480, 300)

    def reject(self) -> None:
        """Cancel (the button, Escape, the window's close button): what was written or
        chosen here is given up only once the user says so."""
        if self.values() != self.initial and not self._discard_confirmed():
            return
        super().reject()

    def _discard_confirmed(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.windowTitle(),
            "Discard what you wrote in this note?",
            parent=self,
        )
        discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("Keep Editing", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is discard

    def values(self) -> NoteValues:
        """The note, tag and status as chosen."""
        return NoteValues(
            self.note.toPlainText(), self.tag.currentData(), self.status.currentData()
        )


def side_quotes(old: Anchor | None, new: Anchor | None) -> list[tuple[str, str]]:
    """("Old", quote) and ("New", quote) for the sides a note is attached to."""
    return [(side, a.quote) for side, a in (("Old", old), ("New", new)) if a is not None]


def ask_note(
    parent: QWidget | None,
    title: str,
    quotes: list[tuple[str, str]],
    tags: list[str],
    values: NoteValues,
) -> NoteValues | None:
    """Show the editor over ``quotes`` (side, text); the chosen values, or None if
    cancelled."""
    dialog = AnnotationDialog(parent, title, quotes, tags, values)
    try:
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class TagsDialog(QDialog):
    """Add, rename and remove tags of the list offered in the editor and the filter."""

    def __init__(self, parent: QWidget | None, tags: list[str]) -> None:
        super().__init__(parent)
        self.setObjectName("tags_dialog")
        self.setWindowTitle("Edit Tags")
        self.list = QListWidget()
        self.list.addItems(tags)
        self.new_tag = QLineEdit()
        self.new_tag.setPlaceholderText("New tag")
        add = QPushButton("Add")
        rename = QPushButton("Rename\u2026")
        remove = QPushButton("Remove")
        add.clicked.connect(self._on_add_clicked)
        self.new_tag.returnPressed.connect(self._on_add_clicked)
        rename.clicked.connect(self._on_rename_clicked)
        remove.clicked.connect(self._on_remove_clicked)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.new_tag, 1)
        row.addWidget(add)
        side = QHBoxLayout()
        side.addWidget(rename)
        side.addWidget(remove)
        side.addStretch(1)
        layout = QVBoxLayout(self)
        hint = QLabel("Notes keep the tag they have: renaming or removing changes the list only.")
        hint.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.list, 1)
        layout.addLayout(side)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def tags(self) -> list[str]:
        """The list as edited."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def add(self, name: str) -> bool:
        """Add ``name`` (stripped) unless it is empty or listed already."""
        name = " ".join(name.split())
        if not name or name in self.tags():
            return False
        self.list.addItem(name)
        return True

    def rename(self, row: int, name: str) -> bool:
        """Rename the tag at ``row`` to ``name`` unless empty or taken."""
        name = " ".join(name.split())
        if not name or name in self.tags() or not 0 <= row < self.list.count():
            return False
        self.list.item(row).setText(name)
        return True

    def _on_add_clicked(self) -> None:
        if self.add(self.new_tag.text()):
            self.new_tag.clear()

    def _on_rename_clicked(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        name, ok = QInputDialog.getText(self, "Rename Tag", "New name:", text=item.text())
        if ok:
            self.rename(self.list.row(item), name)

    def _on_remove_clicked(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
