"""Side-by-side rows: the layout lives in ``core.rows`` (pure), shared with the reports."""

from __future__ import annotations

from core.rows import Row, RowKind, anchor_blocks, build_rows

__all__ = ["Row", "RowKind", "anchor_blocks", "build_rows"]
