"""Redline's comparison engine: loading, segmentation, alignment, word diff, reports.

Pure Python: never imports Qt. Usable from the command line (``redline compare``).
"""

from __future__ import annotations

__version__ = "0.1.0"
