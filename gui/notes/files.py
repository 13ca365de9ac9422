"""File > Export Annotations… and Import Annotations… (JSON, ``core.notes.exchange``).

Both run on the store writer (in order with the edits before them, never on the GUI
thread). Export writes the notes the panel holds, atomically, never over a compared
document. Import re-anchors each note by its quote in the documents shown, skips
notes the pair holds already (same uuid), says how many were added and skipped, and
reloads the panel. Errors are one line naming the file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from core.model import Document
from core.notes.annotation import Annotation
from core.notes.exchange import (
    ImportResult,
    import_into_store,
    read_annotations_file,
    write_annotations_file,
)
from core.notes.store import AnnotationStore
from core.text.names import printable_path
from gui.notes.writer import StoreWriter

FILTER = "Redline annotations (*.json);;All files (*)"


class AnnotationFiles(QObject):
    """Asks for the file, then exports or imports on the store ``writer``.

    ``documents`` and ``annotations`` give the pair shown and its notes; ``reload``
    loads the pair's notes again after an import.
    """

    def __init__(
        self,
        writer: StoreWriter,
        documents: Callable[[], tuple[Document, Document] | None],
        annotations: Callable[[], list[Annotation]],
        reload: Callable[[], None],
        show_message: Callable[[str], None],
        dialog_parent: QWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.writer, self.documents, self.annotations = writer, documents, annotations
        self.reload, self.show_message, self.dialog_parent = reload, show_message, dialog_parent

    def _folder(self) -> str:
        documents = self.documents()
        return os.path.dirname(os.path.abspath(documents[1].path)) if documents else ""

    def ask_export(self) -> None:
        """File > Export Annotations…"""
        documents = self.documents()
        if documents is None:
            self.show_message("Compare two documents first, then export")
            return
        old, new = (Path(d.path).stem for d in documents)
        name = os.path.join(self._folder(), f"{old} vs {new} notes.json")
        target, _ = QFileDialog.getSaveFileName(
            self.dialog_parent, "Export Annotations", name, FILTER
        )
        if target:
            self.export_to(target)

    def ask_import(self) -> None:
        """File > Import Annotations…"""
        if self.documents() is None:
            self.show_message("Compare two documents first, then import")
            return
        source, _ = QFileDialog.getOpenFileName(
            self.dialog_parent, "Import Annotations", self._folder(), FILTER
        )
        if source:
            self.import_from(source)

    def export_to(self, target: str) -> None:
        """Write the shown pair's annotations to ``target`` (in the background)."""
        documents = self.documents()
        assert documents is not None
        old, new = documents
        annotations = self.annotations()
        shown = printable_path(target)
        count = len(annotations)

        def work(_store: AnnotationStore) -> str:
            write_annotations_file(target, annotations, old, new)
            noun = "annotation" if count == 1 else "annotations"
            return f"Exported {count} {noun} to {shown}"

        self.writer.submit("export", work)

    def import_from(self, source: str) -> None:
        """Add the annotations of file ``source`` to the shown pair (in the background)."""
        documents = self.documents()
        assert documents is not None
        old, new = documents
        shown = printable_path(source)

        def work(store: AnnotationStore) -> tuple[str, ImportResult]:
            found = read_annotations_file(source)
            return shown, import_into_store(found, old, new, store)

        self.writer.submit("import", work)

    def after(self, kind: str, result: object) -> None:
        """Report a finished import and show what it added."""
        if kind != "import" or not isinstance(result, tuple):
            return
        shown, outcome = result
        added = len(outcome.added)
        orphaned = sum(1 for a in outcome.added if a.orphaned)
        parts = [f"Imported {added} annotation{'s' if added != 1 else ''} from {shown}"]
        if outcome.already_present:
            parts.append(f"{outcome.already_present} already present, skipped")
        if orphaned:
            parts.append(f"{orphaned} not found in the text (orphaned)")
        self.show_message("; ".join(parts))
        self.reload()
