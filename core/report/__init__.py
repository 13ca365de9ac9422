"""Reports of a comparison or an N-way grid: HTML, JSON, text, and saving them.

``comparison_html`` (with ``blocks``, ``layout``, ``flags`` and ``css``) is the
report page, ``render_html`` its short name; ``comparison_json`` the contract's JSON;
``render_text`` the terminal diff; ``nway`` and ``nway_html`` the N-way grid's text,
JSON and page; ``save`` builds the bytes of any of them and writes them atomically.

May import: every other package of ``core`` except ``core.cli`` and ``core.command``.
"""
