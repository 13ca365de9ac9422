"""A flag on a statement's doubt alone is labelled "Hedge", not "Attribution".

The session 20 third reader: "the release may be the last" -> "will be the last"
flagged as an attribution sent the editor to look for a changed source; no source
changed. Such flags keep the kind ``attribution`` (what other programs read), with an
added JSON field ``"hedge": true``, and are labelled "Hedge" wherever an editor reads
them (the window's tooltips and status line, the reports). A source's own hedge cut
("reportedly") stays an attribution.
"""

from __future__ import annotations

import json

from core.engine.compare import compare
from core.flags.detect import flag_comparison, flag_label
from core.report.comparison_json import comparison_to_json
from core.report.save import report_bytes
from core.text.document import document_from_text

HEDGED = (
    "The release may be the last of the 1.x series.",
    "The release will be the last of the 1.x series.",
)
SOURCED = ("The bug was reportedly fixed in June.", "The bug was fixed in June.")


def _compared(old: str, new: str):
    return compare(document_from_text(old, "old"), document_from_text(new, "new"))


def test_a_doubt_cut_is_a_hedge() -> None:
    (flag,) = flag_comparison(_compared(*HEDGED))
    assert (flag.kind, flag.hedge, flag_label(flag)) == ("attribution", True, "Hedge")


def test_a_source_cut_stays_an_attribution() -> None:
    (flag,) = flag_comparison(_compared(*SOURCED))
    assert (flag.kind, flag.hedge, flag_label(flag)) == ("attribution", False, "Attribution")


def test_the_json_says_hedge_only_for_hedges() -> None:
    hedged = json.loads(comparison_to_json(_compared(*HEDGED)))["flags"]
    sourced = json.loads(comparison_to_json(_compared(*SOURCED)))["flags"]
    assert hedged[0]["kind"] == "attribution" and hedged[0]["hedge"] is True
    assert "hedge" not in sourced[0]


def test_the_html_report_labels_it_hedge() -> None:
    html = report_bytes(_compared(*HEDGED), "html").decode("utf-8")
    assert 'title="Hedge: &quot;may&quot; → &quot;will&quot;">\u00a0Hedge\u00a0</a>' in html
    assert (
        '<div class="flag-line"><span class="flag f-attribution">\u00a0Hedge\u00a0</span>' in html
    )
    assert "Attributions and hedges" in html
