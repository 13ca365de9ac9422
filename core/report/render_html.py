"""The HTML view of a comparison: kept as the short name of ``core.report.comparison_html``.

Every piece of document text and every file name is escaped; the page carries a
Content-Security-Policy that forbids scripts, and holds no script itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.model import Comparison
from core.notes.annotation import Annotation
from core.report.comparison_html import render_report


def render_html(
    result: Comparison, annotations: Sequence[Annotation] = (), changes_only: bool = False
) -> str:
    """The self-contained report page (see ``core.report.comparison_html.render_report``)."""
    return render_report(result, annotations, changes_only=changes_only)
