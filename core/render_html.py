"""A first, self-contained HTML view of a comparison: the two versions side by side.

Every piece of document text and every file name is escaped; the page carries a
Content-Security-Policy that forbids scripts, and holds no script itself.
"""

from __future__ import annotations

from html import escape

from core.model import Block, Comparison, Span
from core.stats import punctuation_only

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:1.5em;color:#1d1d1f}
h1{font-size:1.3em;margin:0 0 .3em} .meta{color:#555;margin-bottom:1em}
table{border-collapse:collapse;width:100%;table-layout:fixed}
td{vertical-align:top;padding:.35em .6em;border-top:1px solid #e3e3e3;
 white-space:pre-wrap;overflow-wrap:anywhere}
th{text-align:left;padding:.3em .6em;background:#f4f4f4}
.del{background:#ffd7d5;text-decoration:line-through}
.ins{background:#d3f5d3;text-decoration:underline}
.whole-del{background:#ffecea;text-decoration:line-through}
.whole-ins{background:#e9f9e9;text-decoration:underline}
.triv{color:#777;text-decoration:underline dotted}
tr.moved td{background:#eef3ff}
tr.punctuation .ins,tr.punctuation .del{opacity:.55} .kind{color:#888;font-size:.8em;display:block}
.legend span{margin-right:1em;padding:0 .3em}
@media print{td{font-size:10pt}}
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'"


def _span(text: str, span: Span | None) -> str:
    return escape(text[span[0] : span[1]]) if span else ""


def _side(block: Block, text: str, side: str) -> str:
    whole = block.kind in ("deleted", "inserted")
    parts: list[str] = []
    cursor = None
    for op in block.ops:
        span = op.old if side == "old" else op.new
        if span is None:
            continue
        if cursor is not None:
            parts.append(escape(text[cursor : span[0]]))
        cursor = span[1]
        body = _span(text, span)
        if op.op == "equal":
            parts.append(body if op.exact else f'<span class="triv">{body}</span>')
        else:
            cls = ("whole-" if whole else "") + ("del" if op.op == "delete" else "ins")
            parts.append(f'<span class="{cls}">{body}</span>')
    return "".join(parts)


def render_html(result: Comparison) -> str:
    """One HTML page with both versions in aligned rows (no external resources)."""
    s = result.stats
    rows = []
    for block in result.blocks:
        kind: str = block.kind
        if punctuation_only(block, result.old.text, result.new.text):
            kind = "punctuation"
        label = "" if kind == "equal" else f'<span class="kind">{kind}</span>'
        rows.append(
            f'<tr class="{kind}"><td>{label}{_side(block, result.old.text, "old")}</td>'
            f"<td>{label}{_side(block, result.new.text, 'new')}</td></tr>"
        )
    old_name, new_name = escape(result.old.path), escape(result.new.path)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<title>Redline: {old_name} against {new_name}</title>
<style>{_CSS}</style></head><body>
<h1>{old_name} &rarr; {new_name}</h1>
<div class="meta">Similarity {s.similarity:.2f} &middot; {s.old_words} and {
        s.new_words
    } words &middot;
{s.deleted_words} deleted, {s.inserted_words} inserted, {s.moved_words} moved{
        " &middot; approximate" if result.approximate else ""
    }</div>
<div class="legend"><span class="del">deleted</span><span class="ins">inserted</span>
<span class="triv">trivial difference</span><span style="background:#eef3ff">moved</span></div>
<table><thead><tr><th>{old_name} ({escape(result.old.encoding)})</th>
<th>{new_name} ({escape(result.new.encoding)})</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table></body></html>
"""
