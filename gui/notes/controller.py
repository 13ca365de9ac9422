"""Annotating in the window: Ctrl+M on a change or a selection, the panel, undo, marks.

``AnnotationsController`` ties the annotation panel (a dock), the pane marks, the
undo stack and the store writer to the main window. The panel's model is what the
user sees and is changed at once; every change is queued on the ``StoreWriter``
(one worker, in order) and committed there. When a comparison is shown the pair's
annotations are loaded and re-anchored in the background; a result for a pair no
longer shown is dropped, and edits made while it loaded are kept over it.

A change's annotation anchors both sides of its block; a selection anchors its own
side. Positions are code points (``DiffPane.document_range`` converts from Qt).
"""

from __future__ import annotations

import time
import uuid as uuid_module
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtGui import QTextCursor, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from core.model import Comparison, Document
from core.notes.annotation import Anchor, Annotation, make_anchor
from gui.common.context import AppContext
from gui.compare.pane import DiffPane
from gui.compare.result import CompareResult
from gui.compare.scroll_sync import ScrollSync
from gui.compare.view import CompareView
from gui.notes.commands import AddCommand, DeleteCommand, EditCommand, values_of, with_values
from gui.notes.dialogs import NoteValues, TagsDialog, ask_note, side_quotes
from gui.notes.files import AnnotationFiles
from gui.notes.marks import PaneNotes, note_spans, pane_ranges
from gui.notes.panel import AnnotationPanel
from gui.notes.ui import NoticeBar, SaveIndicator, build_annotation_actions
from gui.notes.writer import Loaded, StoreWriter


class AnnotationsController(QObject):
    """The annotation side of the window.

    It annotates what ``view`` shows (while ``pair_page_shown`` says the comparison
    is the page on screen), follows the comparisons ``compare_finished`` announces,
    stores through ``context``'s annotation store and reports through
    ``show_message``; ``dialog_parent`` owns its dialogs and actions. The window
    places ``panel`` in a dock, ``notice_bar`` above the panes, ``indicator`` in the
    status bar and the actions in its menus (``gui.shell.placement``).
    """

    def __init__(
        self,
        context: AppContext,
        view: CompareView,
        compare_finished: SignalInstance,
        pair_page_shown: Callable[[], bool],
        show_message: Callable[[str], None],
        dialog_parent: QWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.view, self.dialog_parent = context, view, dialog_parent
        self.pair_page_shown, self.show_message = pair_page_shown, show_message
        self.writer = StoreWriter(context.annotation_store, context.take_store_notice, self)
        self.stack = QUndoStack(self)
        self.panel = AnnotationPanel()
        self.model = self.panel.model
        self.actions = build_annotation_actions(dialog_parent, self.stack)
        self.notice_bar = NoticeBar()
        self.indicator = SaveIndicator()
        self.files = AnnotationFiles(
            self.writer,
            lambda: self.documents,
            lambda: list(self.model.annotations),
            self.reload,
            show_message,
            dialog_parent,
            self,
        )
        self.notes = (PaneNotes(view.old_pane), PaneNotes(view.new_pane))
        self.comparison: Comparison | None = None  # the last comparison finished
        self.pair: tuple[str, str] | None = None
        self.documents: tuple[Document, Document] | None = None
        self.tags: list[str] = []
        self.current = ""
        self.placed = False  # the shown annotations are anchored to the texts shown
        self._load_id = 0
        self._touched: dict[str, Annotation | None] = {}
        self._connect(compare_finished)

    def _connect(self, compare_finished: SignalInstance) -> None:
        a, w = self.actions, self.writer
        a.annotate.triggered.connect(self.annotate)
        a.edit.triggered.connect(self._on_edit_triggered)
        a.delete.triggered.connect(self._on_delete_triggered)
        a.edit_tags.triggered.connect(self.ask_tags)
        a.export.triggered.connect(self.files.ask_export)
        a.import_.triggered.connect(self.files.ask_import)
        w.done.connect(self._on_writer_done)
        w.failed.connect(self._on_writer_failed)
        w.loaded.connect(self._on_writer_loaded)
        w.notice.connect(self.notice_bar.show_text)
        w.pending_changed.connect(self.indicator.set_pending)
        self.panel.activated.connect(self.show_annotation)
        self.panel.edit_requested.connect(self.edit)
        self.panel.delete_requested.connect(self.delete)
        compare_finished.connect(self._on_jobs_compare_finished)
        self.view.builder.finished.connect(self.refresh_marks)
        for signal in (
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.dataChanged,
            self.model.modelReset,  # (a note put before others: the numbers move on)
        ):
            signal.connect(self.refresh_marks)

    def shown_for(self, comparison: Comparison) -> tuple[Annotation, ...] | None:
        """The annotations on screen for ``comparison``, once placed in its texts
        (a report then carries what the editor sees), else None."""
        if not self.placed or self.pair != (comparison.old.path, comparison.new.path):
            return None
        return tuple(self.model.annotations)

    # -- loading -----------------------------------------------------------------------

    def _on_jobs_compare_finished(self, result: CompareResult) -> None:
        comparison = self.comparison = result.comparison
        pair = (comparison.old.path, comparison.new.path)
        if pair != self.pair:
            self.stack.clear()  # its commands belong to the pair shown before
            self.model.set_annotations([])
            self.current = ""
        self.pair, self.documents = pair, (comparison.old, comparison.new)
        self.placed = False
        # numbered in reading order, as the reports number them
        self.model.set_order(result.note_order.key if result.note_order is not None else None)
        self.refresh_marks()
        self.reload()

    def forget_pair(self) -> None:
        """No pair is shown any more (another folder was opened)."""
        self.stack.clear()
        self.comparison, self.pair, self.documents = None, None, None
        self.current, self.placed, self._load_id = "", False, 0
        self.model.set_annotations([])
        self.model.set_order(None)

    def reload(self) -> None:
        """Load the shown pair's annotations again (re-anchored), in the background."""
        if self.documents is not None:
            self._touched = {}
            self._load_id = self.writer.load(*self.documents)

    def _on_writer_loaded(self, job_id: int, loaded: Loaded) -> None:
        if job_id != self._load_id or (loaded.old_path, loaded.new_path) != self.pair:
            return  # another pair, or an older load of this one
        found = {a.uuid: a for a in loaded.annotations}
        for uuid, annotation in self._touched.items():  # edits made while it loaded
            if annotation is None:
                found.pop(uuid, None)
            else:
                found[uuid] = annotation
        self._load_id, self._touched = 0, {}
        self.tags = list(loaded.tags)
        self.panel.set_tags(self.tags)
        self.model.set_annotations(list(found.values()))
        self.placed = True
        self.refresh_marks()
        self.indicator.set_pending(self.writer.pending)
        if loaded.reversed_notes and not found:
            count = loaded.reversed_notes
            notes = f"{count} notes were" if count != 1 else "1 note was"
            self.show_message(
                f"{notes} made on these two versions with the sides the other way round: "
                "Swap Sides (Ctrl+Shift+X) to see them"
            )

    def refresh_marks(self) -> None:
        """Recompute the panes' note marks (annotations or the built rows changed)."""
        shown = self.model.annotations if self.placed else []
        numbers = {a.uuid: row + 1 for row, a in enumerate(self.model.annotations)}
        for pane_notes in self.notes:
            pane_notes.set_spans(note_spans(pane_notes.pane, shown, numbers), self.current)

    # -- applying changes (the undo commands call these) ----------------------------------

    def _touch(self, uuid: str, annotation: Annotation | None) -> None:
        if self._load_id:
            self._touched[uuid] = annotation

    def apply_add(self, annotation: Annotation, restore: bool) -> None:
        """Show ``annotation`` and store it (``restore``: with its former id)."""
        pair, writer = self.pair, self.writer
        assert pair is not None
        self._touch(annotation.uuid, annotation)
        self.model.put(annotation)
        if restore:
            writer.submit("restore", lambda store: writer.restore(store, pair, annotation))
        else:
            writer.submit("add", lambda store: writer.add(store, pair, annotation))

    def apply_edit(self, uuid: str, values: NoteValues) -> None:
        """Give annotation ``uuid`` these note, tag and status, and store them."""
        found = self.model.find(uuid)
        if found is None:
            return
        edited, writer = with_values(found, values), self.writer
        self._touch(uuid, edited)
        self.model.put(edited)
        writer.submit("update", lambda store: writer.update(store, edited))

    def apply_delete(self, uuid: str) -> None:
        """Remove annotation ``uuid`` from the panel, the panes and the store."""
        found, writer = self.model.find(uuid), self.writer
        if found is None:
            return
        self._touch(uuid, None)
        self.model.remove(uuid)
        writer.submit("delete", lambda store: writer.delete(store, found))

    def _on_writer_done(self, kind: str, result: object) -> None:
        self.indicator.set_error("")
        if isinstance(result, Annotation) and kind in ("add", "restore", "update"):
            shown = self.model.find(result.uuid)
            if shown is not None:  # take the row id and times, keep later edits
                stored = replace(shown, id=result.id, created=result.created)
                self.model.annotations[self.model.row_of(result.uuid)] = replace(
                    stored, modified=result.modified
                )
        elif isinstance(result, str):
            self.show_message(result)
        self.files.after(kind, result)

    def _on_writer_failed(self, message: str) -> None:
        self.indicator.set_error(message)
        self.indicator.set_pending(self.writer.pending)
        self.show_message(message)

    # -- user actions ------------------------------------------------------------------

    def _focused_pane(self) -> DiffPane | None:
        focus = QApplication.focusWidget()
        for pane in (self.view.old_pane, self.view.new_pane):
            if focus is pane or focus is pane.viewport():
                return pane
        return None

    def target(self) -> tuple[Anchor | None, Anchor | None] | None:
        """What Ctrl+M annotates: the focused pane's selection, else the current change."""
        comparison, view = self.comparison, self.view
        if comparison is None or view.result is None or not self.pair_page_shown():
            return None
        change = view.changes[view.current] if 0 <= view.current < len(view.changes) else None
        block = comparison.blocks[change.block] if change is not None else None
        pane = self._focused_pane()
        if pane is not None and pane.textCursor().hasSelection():
            cursor = pane.textCursor()
            start, end = pane.document_range(cursor.selectionStart(), cursor.selectionEnd())
            own = None if block is None else (block.old if pane.side == "old" else block.new)
            if start < end and own != (start, end):
                return side_anchor(comparison, pane.side, start, end)
        if block is None:
            return None
        old = _anchor(comparison.old, block.old)
        new = _anchor(comparison.new, block.new)
        return old, new

    def annotate(self) -> None:
        """Ctrl+M: ask for a note on the selection or the current change, then add it."""
        found = self.target()
        if found is None or self.pair is None:
            self.show_message("Select text in a pane, or pick a change, then Annotate")
            return
        old, new = found
        values = ask_note(
            self.dialog_parent,
            "Annotate",
            side_quotes(old, new),
            self.tags,
            NoteValues("", None, "open"),
        )
        if values is not None:
            self.add(old, new, values)

    def add(self, old: Anchor | None, new: Anchor | None, values: NoteValues) -> Annotation:
        """Add an annotation with these anchors and values (undoable); returns it."""
        now = time.time()
        annotation = Annotation(
            0, values.note, values.tag, values.status, old, new, now, now,
            uuid=str(uuid_module.uuid4()),
        )  # fmt: skip
        self.stack.push(AddCommand(self, annotation))
        return annotation

    def edit(self, uuid: str, values: NoteValues | None = None) -> None:
        """Edit annotation ``uuid``: with ``values``, else through the editor (undoable)."""
        found = self.model.find(uuid)
        if found is None:
            return
        if values is None:
            quotes = side_quotes(found.old, found.new)
            values = ask_note(
                self.dialog_parent, "Edit Annotation", quotes, self.tags, values_of(found)
            )
        if values is not None and values != values_of(found):
            self.stack.push(EditCommand(self, uuid, values_of(found), values))

    def delete(self, uuid: str) -> None:
        """Delete annotation ``uuid`` (undoable)."""
        found = self.model.find(uuid)
        if found is not None:
            self.stack.push(DeleteCommand(self, found))

    def _on_edit_triggered(self) -> None:
        uuid = self.panel.current_uuid()
        if uuid:
            self.edit(uuid)

    def _on_delete_triggered(self) -> None:
        uuid = self.panel.current_uuid()
        if uuid:
            self.delete(uuid)

    def ask_tags(self) -> None:
        """Edit > Edit Tags: the tag list dialog; the list is stored at once."""
        dialog = TagsDialog(self.dialog_parent, self.tags)
        if dialog.exec():
            self.set_tags(dialog.tags())
        dialog.deleteLater()

    def set_tags(self, tags: list[str]) -> None:
        """Use and store the tag list ``tags``."""
        self.tags = list(tags)
        self.panel.set_tags(self.tags)
        chosen = list(tags)
        self.writer.submit("tags", lambda store: store.set_tags(chosen))

    # -- showing an annotation ------------------------------------------------------------

    def show_annotation(self, uuid: str) -> None:
        """Scroll both panes to annotation ``uuid`` and select its text in each."""
        found = self.model.find(uuid)
        if found is None:
            return
        self.current = uuid
        self.refresh_marks()
        number = self.model.number(uuid)
        if found.orphaned or not self.placed:
            what = "is orphaned: its text is no longer in" if found.orphaned else "is not placed in"
            self.show_message(f"Note #{number} {what} the documents shown")
            return
        view = self.view
        view.finish()
        chosen = []
        for side, pane in (("new", view.new_pane), ("old", view.old_pane)):
            anchor = found.anchor(side)  # type: ignore[arg-type]
            ranges = pane_ranges(pane, anchor.start, anchor.end) if anchor else []
            if ranges:
                chosen.append((pane, ranges[0][0], ranges[-1][1]))
        for pane, start, end in chosen:
            cursor = QTextCursor(pane.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            pane.setTextCursor(cursor)
        for i, (pane, start, _end) in enumerate(chosen):
            _scroll_to(pane, start, view.sync, follow=i == 0)

    def shutdown(self) -> None:
        """Wait for every queued write to be committed, then close the store."""
        self.writer.wait()
        self.context.close_store()


def _anchor(document: Document, span: tuple[int, int] | None) -> Anchor | None:
    if span is None:
        return None
    return make_anchor(document.path, document.sha256, document.text, span[0], span[1])


def side_anchor(
    comparison: Comparison, side: str, start: int, end: int
) -> tuple[Anchor | None, Anchor | None]:
    """Anchors for text ``start``..``end`` selected on one side (the other is None)."""
    if side == "old":
        return _anchor(comparison.old, (start, end)), None
    return None, _anchor(comparison.new, (start, end))


def _scroll_to(pane: DiffPane, position: int, sync: ScrollSync, follow: bool) -> None:
    """Scroll ``pane`` so ``position`` stands at a quarter of its height; the other pane
    follows only with ``follow`` (the first side scrolled leads, the second keeps it)."""
    y = max(round(pane.y_of_position(position)) - pane.viewport().height() // 4, 0)
    mapping = sync.mapping
    if not follow:
        sync.mapping = None
    pane.verticalScrollBar().setValue(y)
    sync.mapping = mapping
