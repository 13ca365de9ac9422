"""Saving reports from the window: the Save Report dialog, the background save of a
comparison or an N-way grid, and the PDF layout by Qt.

May import: ``core`` and ``gui.common``.
"""
