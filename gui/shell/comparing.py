"""The pairwise comparison the window shows: which pair, how it is read and shown, its
background job, and everything a finished comparison updates.

``PairComparison.compare`` snapshots the options (the actions' states, the user's
reading choices) into a ``CompareRequest`` and starts the job; a preview shows the
first rows at once, the finished result fills the panes, the change list and the
summary, and the pair's files are watched for changes on disk (the reload bar).
Toggling an option re-runs the comparison, reusing the engine's result when only the
view changed.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal

from core.model import CompareOptions
from gui.common.context import AppContext
from gui.common.elided import ElidedLabel
from gui.common.reading import ReadingChoices
from gui.common.status_line import StatusLine
from gui.compare.change_list import ChangeListView
from gui.compare.plan import ViewOptions
from gui.compare.result import CompareRequest, CompareResult
from gui.compare.summary import short_summaries, summary
from gui.compare.view import CompareView
from gui.documents.reload_bar import ReloadBar
from gui.shell.actions import Actions
from gui.work.jobs import Jobs, now


class PairComparison(QObject):
    """Runs and shows the comparison of one pair at a time (a new one cancels the last)."""

    shown = Signal(float)  # fully painted; seconds since the comparison was started
    compared = Signal(str, str, float)  # a pair's paths and its comparison's similarity

    def __init__(
        self,
        jobs: Jobs,
        view: CompareView,
        changes_view: ChangeListView,
        summary_label: ElidedLabel,
        reload_bar: ReloadBar,
        status: StatusLine,
        reading: ReadingChoices,
        actions: Actions,
        context: AppContext,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.jobs, self.view, self.changes_view = jobs, view, changes_view
        self.summary_label, self.reload_bar, self.status = summary_label, reload_bar, status
        self.reading, self.actions, self.context = reading, actions, context
        self.watcher = QFileSystemWatcher(self)
        self.pair: tuple[str, str] | None = None
        self.expanded: frozenset[int] = frozenset()
        self.result: CompareResult | None = None
        self.show_seconds = 0.0
        self._compare_started = 0.0
        self._announce = False
        self._connect()

    def _connect(self) -> None:
        a = self.actions
        a.swap.triggered.connect(self._on_swap_triggered)
        a.reload.triggered.connect(self.recompare)
        a.ignore_case.toggled.connect(self._on_ignore_case_toggled)
        a.show_trivial.toggled.connect(self._on_view_option_toggled)
        a.only_changed.toggled.connect(self._on_view_option_toggled)
        a.line_breaks.toggled.connect(self._on_view_option_toggled)
        a.hide_punctuation.toggled.connect(self._on_hide_punctuation_toggled)
        a.only_flagged.toggled.connect(self._on_only_flagged_toggled)
        self.jobs.compare_progress.connect(self.status.show_progress)
        self.jobs.compare_preview.connect(self._on_jobs_compare_preview)
        self.jobs.compare_finished.connect(self._on_jobs_compare_finished)
        self.jobs.compare_failed.connect(self._on_jobs_compare_failed)
        self.view.expand_requested.connect(self._on_view_expand_requested)
        self.view.build_finished.connect(self._on_view_build_finished)
        self.watcher.fileChanged.connect(self.reload_bar.offer)
        self.reload_bar.reload_requested.connect(self.recompare)

    def compare(self, old: str, new: str, reuse: bool = False) -> None:
        """Compare ``old`` with ``new`` in the background (cancels a running one)."""
        if (old, new) != self.pair:
            self.expanded = frozenset()
        self.pair = (old, new)
        a = self.actions
        request = CompareRequest(
            old,
            new,
            CompareOptions(ignore_case=a.ignore_case.isChecked()),
            ViewOptions(
                a.show_trivial.isChecked(),
                a.only_changed.isChecked(),
                self.expanded,
                a.line_breaks.isChecked(),
            ),
            self.reading.encodings.get(old),
            self.reading.encodings.get(new),
            self.result.comparison if reuse and self.result else None,
            old in self.reading.as_text,
            new in self.reading.as_text,
        )
        self._compare_started = now()
        self.jobs.start_compare(request)
        self.status.set_loading(True, "Comparing\u2026")

    def clear(self) -> None:
        """Forget the pair shown (another folder was opened): nothing is compared."""
        self.jobs.cancel("compare")
        self.pair, self.result, self.expanded = None, None, frozenset()
        self.view.clear()
        self.changes_view.set_changes(())
        self.summary_label.setText("")
        self.reload_bar.hide()
        self._watch()

    def recompare(self) -> None:
        """Compare the pair shown again (reload both files)."""
        if self.pair:
            self.compare(*self.pair)

    def recompare_if_shown(self, paths: list[str]) -> None:
        """Compare again if one of ``paths`` is shown (it is now read another way)."""
        if self.pair and set(paths) & set(self.pair):
            self.compare(*self.pair)

    def _on_jobs_compare_preview(self, preview: CompareResult) -> None:
        keep = self.result is not None and preview.request.reuse is self.result.comparison
        self.view.show_result(preview, keep_scroll=keep)

    def _on_jobs_compare_finished(self, result: CompareResult) -> None:
        keep = self.result is not None and result.request.reuse is self.result.comparison
        self.result = result
        self._announce = True
        self.view.show_result(result, keep_scroll=keep)
        self.changes_view.set_changes(result.changes, result.flags)
        self.summary_label.set_texts(
            short_summaries(result.comparison, result.flags),
            summary(result.comparison, result.flags),
        )
        self.status.set_loading(self.jobs.busy("folder"), "")
        self._watch(result.request.old_path, result.request.new_path)
        self.reload_bar.hide()
        c = result.comparison
        self.compared.emit(result.request.old_path, result.request.new_path, c.stats.similarity)
        if not self.view.builder.busy:  # the panes were filled before the flags came
            self._on_view_build_finished()

    def _on_view_build_finished(self) -> None:
        """The comparison is fully shown: tell tests, the benchmark and --screenshot."""
        if self._announce:
            self._announce = False
            self.show_seconds = self.view.builder.longest_slice
            self.shown.emit(now() - self._compare_started)

    def _on_jobs_compare_failed(self, message: str) -> None:
        self.status.set_loading(self.jobs.busy("folder"), "")
        for path in self.pair or ():  # (the file's name: a whole path did not fit)
            message = message.replace(path, os.path.basename(path))
        self.status.show_message(message)

    def _on_swap_triggered(self) -> None:
        if self.pair:
            self.compare(self.pair[1], self.pair[0])

    def _on_ignore_case_toggled(self, checked: bool) -> None:
        self.context.update_settings(ignore_case=checked)
        self.recompare()

    def _on_view_option_toggled(self, _checked: bool) -> None:
        a = self.actions
        self.context.update_settings(
            show_trivial=a.show_trivial.isChecked(),
            only_changed=a.only_changed.isChecked(),
            line_breaks=a.line_breaks.isChecked(),
        )
        if self.pair:
            self.compare(*self.pair, reuse=True)

    def _on_hide_punctuation_toggled(self, checked: bool) -> None:
        self.context.update_settings(hide_punctuation=checked)
        self.view.set_hide_minor(checked)
        self.changes_view.set_hide_minor(checked)

    def _on_only_flagged_toggled(self, checked: bool) -> None:
        self.context.update_settings(only_flagged=checked)
        self.view.set_only_flagged(checked)
        self.changes_view.set_only_flagged(checked)

    def _on_view_expand_requested(self, group: int) -> None:
        self.expanded = self.expanded | {group}
        if self.pair:
            self.compare(*self.pair, reuse=True)

    def _watch(self, *paths: str) -> None:
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        self.watcher.addPaths([p for p in paths if os.path.exists(p)])
