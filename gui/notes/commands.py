"""Undoable annotation edits (a ``QUndoStack`` holds them): add, edit, delete.

Each command only tells the annotations controller what to apply; the controller
updates the panel and the panes at once and queues the store write. Undoing a
delete restores the annotation with its id (``AnnotationStore.restore``); undoing
an edit puts back the previous note, tag and status.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from core.notes.annotation import Annotation
from gui.notes.dialogs import NoteValues


class Applier(Protocol):
    """What the commands need from the controller."""

    def apply_add(self, annotation: Annotation, restore: bool) -> None: ...
    def apply_edit(self, uuid: str, values: NoteValues) -> None: ...
    def apply_delete(self, uuid: str) -> None: ...


def values_of(annotation: Annotation) -> NoteValues:
    """The editable values of ``annotation``."""
    return NoteValues(annotation.note, annotation.tag, annotation.status)


def with_values(annotation: Annotation, values: NoteValues) -> Annotation:
    """``annotation`` with the note, tag and status of ``values``."""
    return replace(annotation, note=values.note, tag=values.tag, status=values.status)


class AddCommand(QUndoCommand):
    """Add an annotation; undo deletes it, redo restores it with the same id."""

    def __init__(self, applier: Applier, annotation: Annotation) -> None:
        super().__init__("Add Annotation")
        self.applier, self.annotation = applier, annotation
        self._done_once = False

    def redo(self) -> None:
        self.applier.apply_add(self.annotation, restore=self._done_once)
        self._done_once = True

    def undo(self) -> None:
        self.applier.apply_delete(self.annotation.uuid)


class EditCommand(QUndoCommand):
    """Change an annotation's note, tag and status; undo puts the previous ones back."""

    def __init__(self, applier: Applier, uuid: str, before: NoteValues, after: NoteValues) -> None:
        super().__init__("Edit Annotation")
        self.applier, self.uuid, self.before, self.after = applier, uuid, before, after

    def redo(self) -> None:
        self.applier.apply_edit(self.uuid, self.after)

    def undo(self) -> None:
        self.applier.apply_edit(self.uuid, self.before)


class DeleteCommand(QUndoCommand):
    """Delete an annotation; undo restores it (same id, uuid and times)."""

    def __init__(self, applier: Applier, annotation: Annotation) -> None:
        super().__init__("Delete Annotation")
        self.applier, self.annotation = applier, annotation

    def redo(self) -> None:
        self.applier.apply_delete(self.annotation.uuid)

    def undo(self) -> None:
        self.applier.apply_add(self.annotation, restore=True)
