"""Risky edits: changed figures, negations, names, attribution and quotations.

``detect`` finds them in a ``Comparison``, one module per kind (``figures``,
``negations``, ``name_changes``, ``attribution``, ``quote_changes``) over what
``pooled`` holds; ``names`` tells which words of a document are names; ``quotes`` tells
which text is quoted speech.

May import: ``core.engine`` and the shared leaves.
"""

from core.engine import native

# The compiled modules first, where a build for these sources exists (core.engine.native).
__path__[:0] = native.compiled_path("flags")
