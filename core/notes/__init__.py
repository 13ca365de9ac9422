"""Annotations: the editor's notes on a comparison, stored and placed again.

``annotation`` (the frozen note and its anchors), ``schema`` and ``database`` (the
SQLite file), ``store`` (the store the window and the CLI use), ``reanchor`` (placing
a note again in a text that changed) and ``exchange`` (the JSON export and import).

May import: ``core.text``, ``core.engine`` and the shared leaves.
"""
