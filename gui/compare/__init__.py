"""The comparison view: two aligned panes with their margin marks, link map,
overview strip, scroll sync and counterpart highlighting, the view plan they draw
(``plan``, ``changes``), the request and result they show (``result``), the change
list and its panel, and the status summary.

May import: ``core`` and ``gui.common``.
"""
