"""The comparison engine: two texts in, a frozen ``Comparison`` out (``compare``).

The stages, in order: unchanged paragraphs and runs of lines (``paragraph_anchors``,
``line_anchors``), tokens and their normalized keys (``tokens``, ``normalize``),
alignment (``anchors``, ``lcs``, ``sequences``, ``dmp_adapter``), cleanup
(``word_cleanup``), sentences and blocks (``segment``, ``blocks``, ``slide``), moves
(``moves``), ops and statistics (``opspans``, ``stats``), rows of whole sentences
(``sentence_rows``); then what views share: side-by-side layout rows (``rows``) and
the old-to-new position map for scroll sync (``position_map``). ``aside`` counts work
that depends on the texts alone (the new side's units) on the other core;
``progress`` names the stages a caller is told of as each begins.

May import: the shared leaves only. Never ``core.text`` (texts come in decoded),
``core.report``, ``core.notes``, ``core.families``, ``core.flags`` or ``core.nway``.
"""

from core.engine import native

# The compiled modules first, where a build for these sources exists (core.engine.native).
__path__[:0] = native.compiled_path("engine")
