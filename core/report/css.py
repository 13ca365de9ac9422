"""The report's two stylesheets: one for browsers (screen and print), one for the PDF.

The PDF is drawn by Qt's ``QTextDocument``, which understands only a subset of CSS
(tables, colours, text decorations; no flex, grid, sticky headers, border radius
or wavy underlines), so it gets its own sheet over the same markup. Colours are
the window's light palette (``gui/common/styles.py`` ``LIGHT``; a test keeps them equal).
"""

from __future__ import annotations

from core.flags.detect import FlagKind

# The window's light palette (gui/common/styles.py LIGHT).
DELETED = "#fbe3e3"
WORD_DELETED = "#f2a7a7"
INSERTED = "#e0f4e0"
WORD_INSERTED = "#9fdb9f"
MOVED = "#dfe6fb"
TRIVIAL_TEXT = "#7a7a7a"
PLACEHOLDER = "#f3f3f3"
BAR = "#ececec"
BAR_TEXT = "#555555"
CURRENT = "#f0c040"
COUNTERPART = "#fff3b0"
# The window's flag badges (gui/compare/flag_icons.py COLOURS; a test keeps them equal).
FLAG_COLOURS: dict[FlagKind, str] = {
    "number": "#1f5fbf",
    "negation": "#c0262d",
    "name": "#7a3db8",
    "attribution": "#0f7f6f",
    "quote": "#b35c00",
}
_FLAGS = "".join(
    f".f-{kind}{{background-color:{colour};color:#ffffff}}" for kind, colour in FLAG_COLOURS.items()
)

_HIGHLIGHTS = f"""
.del{{background-color:{DELETED};text-decoration:line-through}}
.ins{{background-color:{INSERTED};text-decoration:underline}}
.wdel{{background-color:{WORD_DELETED};text-decoration:line-through}}
.wins{{background-color:{WORD_INSERTED};text-decoration:underline}}
.triv{{color:{TRIVIAL_TEXT};text-decoration:underline}}
.mov{{background-color:{MOVED};text-decoration:underline}}
.mov.wdel{{background-color:{WORD_DELETED};text-decoration:line-through}}
.mov.wins{{background-color:{WORD_INSERTED};text-decoration:underline}}
td.empty{{background-color:{PLACEHOLDER}}}
tr.fold td{{background-color:{BAR};color:{BAR_TEXT};font-style:italic;text-align:center}}
.cmp th{{background-color:{BAR};text-align:left}}
.k-deleted .sym{{background-color:{WORD_DELETED}}}
.k-inserted .sym{{background-color:{WORD_INSERTED}}}
.k-changed .sym{{background-color:{CURRENT}}}
.k-moved .sym{{background-color:{MOVED}}}
.k-punctuation .sym{{background-color:{BAR};color:{TRIVIAL_TEXT}}}
.note-st{{background-color:{BAR}}}
.tag{{background-color:{COUNTERPART}}}
.flag{{color:#ffffff;font-weight:bold;text-decoration:none}}
{_FLAGS}
"""

SCREEN = (
    _HIGHLIGHTS
    + f"""
:root{{color-scheme:light}}
body{{font:15px/1.5 system-ui,-apple-system,"Segoe UI","DejaVu Sans",sans-serif;color:#1d1d1f;
 background:#fff;margin:24px auto;max-width:1400px;padding:0 20px}}
h1{{font-size:23px;margin:0 0 2px}}
h2{{font-size:17px;margin:30px 0 8px;padding-bottom:3px;border-bottom:1px solid #ddd}}
p.sub{{color:{BAR_TEXT};margin:0 0 14px}}
table{{border-collapse:collapse}}
table.meta{{width:100%;font-size:13.5px}} table.opts{{width:auto;min-width:50%}}
.meta th,.meta td{{text-align:left;vertical-align:top;padding:4px 10px 4px 0;
 border-bottom:1px solid #eee;overflow-wrap:anywhere}}
.meta th{{color:{BAR_TEXT};font-weight:600;white-space:nowrap;width:9em}}
.meta thead th{{color:#1d1d1f;font-size:14px}}
.hash{{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px}}
ul.summary{{margin:4px 0;padding-left:1.2em}} ul.summary li{{margin:3px 0}}
.warn{{background:{COUNTERPART};border-left:4px solid {CURRENT};padding:6px 10px}}
table.legend td{{padding:3px 12px 3px 0;font-size:13.5px}}
table.cmp{{width:100%;table-layout:fixed;margin-top:8px}}
.cmp th{{padding:7px 10px;font-size:13.5px;position:sticky;top:0;z-index:1}}
.cmp td{{vertical-align:top;padding:7px 10px;border-top:1px solid #e3e3e3;width:48%;
 white-space:pre-wrap;overflow-wrap:anywhere}}
.cmp th.rn{{width:3.2em;text-align:right;padding-right:6px}}
.cmp td.rn{{width:3.2em;padding:7px 6px 7px 0;text-align:right;white-space:nowrap;font-size:12px}}
.cmp td.rn a{{color:{BAR_TEXT};text-decoration:none}}
h3{{font-size:15px;margin:16px 0 4px}}
ol.changes{{margin:4px 0;padding-left:0;list-style:none;font-size:14px}}
ol.changes li{{margin:3px 0;overflow-wrap:anywhere}}
a.rowref{{font-size:12px;color:{BAR_TEXT};white-space:nowrap}}
.cmp td + td{{border-left:1px solid #e3e3e3}}
tr.fold td{{padding:4px 10px;font-size:13.5px}}
.b + .b{{margin-top:.6em}}
.triv{{text-decoration:underline dotted}}
.mov{{text-decoration:underline wavy #7f8fc9}}
.sym{{display:inline-block;min-width:1.3em;text-align:center;border-radius:3px;
 font-weight:700;font-size:12px;line-height:1.5;color:#222;user-select:none}}
a.mv{{font-size:12px;color:#24325e;background:{MOVED};border:1px solid #9aa9d8;
 border-radius:3px;padding:0 4px;text-decoration:none;white-space:nowrap}}
.ann{{border-bottom:3px solid {CURRENT}}}
sup.am{{line-height:0}}
.flag{{display:inline-block;border-radius:3px;padding:0 3px;font-size:12px;line-height:1.5;
 font-weight:700;white-space:nowrap}}
.flags .flag{{margin-right:3px}}
.flag-line{{margin:2px 0}}
a.am{{font-size:11px;font-weight:700;color:#6b4e00;text-decoration:none;background:{COUNTERPART};
 border:1px solid {CURRENT};border-radius:3px;padding:0 2px}}
:target{{outline:3px solid {CURRENT};outline-offset:1px}}
table.notes{{width:100%;font-size:14px}}
.notes td{{vertical-align:top;padding:6px 10px 6px 0;border-top:1px solid #eee}}
.notes td.num{{font-weight:700;width:4em;white-space:nowrap}}
.note-text{{white-space:pre-wrap;overflow-wrap:anywhere;margin:2px 0}}
.quote{{color:#333;font-size:13px;margin:2px 0;overflow-wrap:anywhere}}
.tag,.note-st{{border-radius:3px;padding:0 5px;font-size:12.5px}}
.back{{font-size:12.5px;white-space:nowrap}}
.dim{{color:{BAR_TEXT}}}
@page{{margin:14mm 12mm}}
@media print{{
 *{{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
 body{{font-size:10pt;margin:0;max-width:none;padding:0}}
 .cmp th{{position:static}}
 .cmp td,.meta td,.notes td{{font-size:9.5pt}}
 tr{{break-inside:avoid}} h2{{break-after:avoid}}
 a{{color:inherit}} :target{{outline:none}}
}}
"""
)

PDF = (
    _HIGHLIGHTS
    + f"""
body{{font-family:"DejaVu Sans","Liberation Sans",sans-serif;font-size:8.5pt;color:#1d1d1f}}
h1{{font-size:15pt;margin-bottom:2pt}}
h2{{font-size:11.5pt;margin-top:14pt;margin-bottom:4pt}}
p.sub{{color:{BAR_TEXT}}}
.meta th{{text-align:left;color:{BAR_TEXT};font-weight:bold}}
.meta thead th{{color:#1d1d1f}}
.hash{{font-family:"DejaVu Sans Mono",monospace;font-size:7pt}}
.warn{{background-color:{COUNTERPART}}}
.po,.pw{{white-space:pre-wrap}}
div.ph{{font-weight:bold;color:#1d1d1f;font-size:8.5pt}}
.pf{{color:{BAR_TEXT};font-style:italic;text-align:center}}
h3{{font-size:9.5pt;margin-top:8pt;margin-bottom:2pt}}
a.rowref{{color:{BAR_TEXT};font-size:7.5pt}}
.meta td,.meta th{{border-bottom:0.5pt solid #e6e6e6}}
.sym{{font-weight:bold}}
.b{{margin-bottom:5px}}
a.mv{{color:#24325e;background-color:{MOVED};text-decoration:none;font-size:7.5pt}}
.ann{{text-decoration:overline}}
a.am{{color:#6b4e00;background-color:{COUNTERPART};font-weight:bold;text-decoration:none}}
.notes td.num{{font-weight:bold}}
.note-text{{white-space:pre-wrap}}
.quote{{color:#333}}
.back{{font-size:7.5pt}}
.flag{{font-size:7.5pt}}
.dim{{color:{BAR_TEXT}}}
"""
)

# The N-way report (core.report.nway_html): the window's cell colours
# (gui/nway/model.py LIGHT: background, text; a test keeps them equal).
NWAY_COLOURS: dict[str, tuple[str, str]] = {
    "kept": ("#cfeecf", "#14501a"),
    "edited": ("#ffe3a0", "#6a4a00"),
    "reworded": ("#e4d8f6", "#4a2a7a"),
    "missing": ("#f8c9c6", "#8a1c14"),
}
# Links in cells get their colour spelled out: Qt's PDF writer turns ``inherit``
# into a broken colour operator that PDF readers complain about.
_CELLS = "".join(
    f".{status}{{background-color:{back};color:{fore}}}"
    f"td.{status} a{{color:{fore};text-decoration:none}}"
    for status, (back, fore) in NWAY_COLOURS.items()
)

NWAY_SCREEN = (
    SCREEN
    + _CELLS
    + f"""
table.versions{{width:auto;min-width:60%}}
.versions td.n,.versions th.n{{text-align:right;width:auto;padding-left:14px}}
.versions td.name{{min-width:16em}} table.docs th{{width:3em}}
.cell{{display:inline-block;border-radius:3px;padding:0 2px;font-weight:600;white-space:nowrap}}
table.grid{{width:100%;margin-top:8px}}
.grid th{{background-color:{BAR};text-align:left;padding:6px 8px;font-size:13.5px;
 position:sticky;top:0;z-index:1}}
.grid th.v,.grid td.c{{text-align:center;width:2.2em;padding:6px 2px}}
.grid td{{vertical-align:top;border-top:1px solid #e3e3e3;padding:6px 8px}}
.grid td.num,.wording td.num{{color:{BAR_TEXT};text-align:right;width:2.5em;font-size:13px}}
.grid td.text{{white-space:pre-wrap;overflow-wrap:anywhere}}
td.c{{font-weight:700;font-family:ui-monospace,"DejaVu Sans Mono",monospace}}
td.c a{{display:block}}
table.wording{{width:100%;font-size:14px}}
.wording td{{vertical-align:top;border-top:1px solid #eee;padding:5px 8px}}
.wording td.said{{white-space:pre-wrap;overflow-wrap:anywhere}}
.wording .who{{color:{BAR_TEXT};font-size:12px;font-weight:600}}
.wording td.st{{white-space:nowrap;width:11em;font-size:13px}}
@media print{{.grid th{{position:static}} .grid td,.wording td{{font-size:9.5pt}}
}}
"""
)

NWAY_PDF = (
    PDF
    + _CELLS
    + f"""
.versions td.n,.versions th.n{{text-align:right}}
.cell{{font-weight:bold}}
.grid th{{background-color:{BAR};text-align:left}}
.grid th.v,.grid td.c{{text-align:center}}
td.c{{font-weight:bold;font-family:"DejaVu Sans Mono",monospace}}
table.grid,table.wording{{border-collapse:collapse}}
.grid td,.wording td{{border-top:0.5pt solid #d0d0d0}}
.grid td.num,.wording td.num{{color:{BAR_TEXT};text-align:right}}
.grid td.text,.wording td.said{{white-space:pre-wrap}}
"""
)
