"""The names of the flags' jobs counted in the units child (``core.flags.aside_jobs``),
by which each module that takes a result asks for it (``core.engine.aside.take``)."""

from __future__ import annotations

NAMES_JOB = "names"  # both versions' names (``core.flags.names.pair_names``)
QUOTES_JOB = "quotes"  # every paragraph's quotations (``core.flags.quotes``)
URLS_JOB = "url starts"  # where URLs start (``core.flags.figure_words``)
