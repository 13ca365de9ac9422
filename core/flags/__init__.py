"""Risky edits: changed figures, negations, names, attribution and quotations.

``detect`` finds them in a ``Comparison``; ``names`` tells which words of a document
are names; ``quotes`` tells which text is quoted speech.

May import: ``core.engine`` and the shared leaves.
"""
