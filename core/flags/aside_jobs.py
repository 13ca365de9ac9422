"""What the flags count on the other core while the texts are compared, asked for
without loading the flags.

``core.engine.aside`` forks the units child once the unchanged paragraphs are found;
besides the new side's units, the child finds both versions' names, every
paragraph's quotations and the URL starts, for the flags to take later. Asking for
them from ``core.flags.detect`` loaded every module of the flags first (3.5-4 ms of
the start, before the child could be forked). Here the jobs load their modules in
the child when they run, and the process loads the flags while it waits for the
child's units (``aside.allow``'s ``meanwhile``), or once the blocks are built.

May import: ``core.engine.aside``, ``core.flags.job_names`` and the standard library at
its top (``core.cli`` and the window's engine child ask for the jobs before anything
else of the flags); the flags' modules inside the functions that run them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from core.engine import aside
from core.flags.job_names import NAMES_JOB, QUOTES_JOB, URLS_JOB

# What the flags load only when a text needs it (a number and its scale read as one
# value: ``core.flags.figure_words._scaled``), 1.2 ms; and the flags themselves.
FLAGS_MODULES = ("core.flags.detect", "decimal")


def jobs_aside() -> list[aside.Job]:
    """What the flags can have counted on the other core while the texts are compared
    (``core.engine.aside.allow``): both versions' names, then every paragraph's
    quotations and the URL starts (taken only if ready by then)."""
    return [(NAMES_JOB, _names), (QUOTES_JOB, _quotations), (URLS_JOB, _url_starts)]


def _names(old: str, new: str) -> object:
    from core.flags.names import names_aside

    return names_aside()[1](old, new)


def _quotations(old: str, new: str) -> object:
    from core.flags.quotes import quotes_aside

    return quotes_aside()[1](old, new)


def _url_starts(old: str, new: str) -> object:
    from core.flags.figure_words import urls_aside

    return urls_aside()[1](old, new)


def allow_aside(old: str, new: str, flags: bool, modules: Sequence[str] = ()) -> None:
    """Let the comparison of ``old`` and ``new`` count aside (``core.engine.aside.allow``;
    the caller runs one thread): the new side's units; with the flags shown, also
    ``jobs_aside`` and most of the flags, checked in a child once the blocks are
    built (``core.flags.detect.flags_ahead``). While this process would wait for the
    units, it loads ``modules`` (what the caller needs later) and, with the flags,
    ``FLAGS_MODULES`` (then in both processes once the flags child is forked)."""
    wanted = (*modules, *FLAGS_MODULES) if flags else tuple(modules)
    meanwhile = partial(load_modules, wanted) if wanted else None
    if flags:
        aside.allow(old, new, jobs_aside(), when_built=flags_ahead, meanwhile=meanwhile)
    else:
        aside.allow(old, new, meanwhile=meanwhile)


def flags_ahead(comparison: object) -> None:
    """``core.flags.detect.flags_ahead``, the flags loaded first if they are not yet."""
    from core.flags.detect import flags_ahead as begin

    begin(comparison)


def load_modules(names: Sequence[str]) -> None:
    """The modules ``names`` imported."""
    for name in names:
        __import__(name)
