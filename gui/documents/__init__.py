"""The document list: its model and view, the family columns it shows, filling it
from a folder or files (``listing``), and the bar offering to reload a changed file.

May import: ``core``, ``gui.common``, ``gui.work``.
"""
