"""Annotations in the window: the panel and its model, the pane marks, the note
dialogs, undo commands, the store writer (a background worker), export and import.

May import: ``core``, ``gui.common``, ``gui.compare``, ``gui.work``.
"""
