"""Where the controllers' widgets and actions go in the window: docks, bars and menus.

The controllers make their widgets and actions; only the shell knows the window's
layout, so placing them is here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QVBoxLayout, QWidget

from gui.families.controller import FamiliesController
from gui.notes.controller import AnnotationsController
from gui.notes.ui import AnnotationActions
from gui.shell.actions import glyph_icon
from gui.shell.menus import WindowMenus, show_icon_only


def place_annotations(
    window: QMainWindow,
    notes: AnnotationsController,
    notes_dock: QDockWidget,
    changes_dock: QDockWidget,
) -> QMenu:
    """The annotation panel's dock tabbed behind the changes, the notices above the panes,
    the save indicator first in the status bar, the actions in the menus; returns the
    Edit menu."""
    window.tabifyDockWidget(changes_dock, notes_dock)
    changes_dock.raise_()
    edit_menu = install_menus(window, notes.actions, notes.panel)
    window.centralWidget().layout().insertWidget(1, notes.notice_bar)  # type: ignore[union-attr]
    window.statusBar().insertPermanentWidget(0, notes.indicator)
    return edit_menu


def install_menus(window: QMainWindow, actions: AnnotationActions, panel: QWidget) -> QMenu:
    """An Edit menu after File; Export/Import in File before Quit. Returns the Edit menu."""
    bar = window.menuBar()
    menus = [m for m in (a.menu() for a in bar.actions()) if isinstance(m, QMenu)]
    file_menu: QMenu = menus[0] if menus else bar.addMenu("&File")
    edit_menu = QMenu("&Edit", window)
    edit_menu.addActions([actions.undo, actions.redo])
    edit_menu.addSeparator()
    edit_menu.addActions([actions.annotate, actions.edit, actions.delete])
    edit_menu.addSeparator()
    edit_menu.addAction(actions.edit_tags)
    after_file = bar.actions()[1] if len(bar.actions()) > 1 else None
    if after_file is not None:
        bar.insertMenu(after_file, edit_menu)
    else:
        bar.addMenu(edit_menu)
    quit_action = next((a for a in file_menu.actions() if a.text() == "&Quit"), None)
    if quit_action is None:
        file_menu.addActions([actions.export, actions.import_])
    else:
        file_menu.insertActions(quit_action, [actions.export, actions.import_])
        file_menu.insertSeparator(quit_action)
    window.addActions([actions.undo, actions.redo, actions.annotate])
    panel.addAction(actions.delete)
    return edit_menu


def place_families(
    window: QMainWindow, families: FamiliesController, docs: QVBoxLayout, menus: WindowMenus
) -> None:
    """The family tree under the document list, the scan's status in the status bar,
    Group by Family and Similarity Matrix at the end of View (the matrix also at the
    end of the toolbar, as an icon, its shortcut on the window)."""
    docs.addWidget(families.tree)
    window.statusBar().addPermanentWidget(families.status)
    group, matrix = families.group_action, families.matrix_action
    menus.file_menu.insertAction(menus.window.actions.recursive, families.open_results_action)
    menus.view_menu.addSeparator()
    menus.view_menu.addActions([group, matrix])
    matrix.setIcon(glyph_icon("matrix"))
    menus.toolbar.addSeparator()
    menus.toolbar.addAction(matrix)
    show_icon_only(menus.toolbar, matrix)
    window.addActions([matrix])
