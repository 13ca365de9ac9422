"""A comparison as the window shows it: the request (what to compare, how to show it)
and the result laid out for the panes, with its change list and scroll map.

Both are immutable snapshots handed between the GUI thread and the workers
(``gui.work.loading`` computes a result from a request).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.engine.position_map import PositionMap
from core.flags.detect import Flag
from core.model import CompareOptions, Comparison
from core.report.layout import NoteOrder
from gui.common.engine_process import EngineRequest
from gui.compare.changes import Change
from gui.compare.plan import ViewOptions, ViewPlan


@dataclass(frozen=True, slots=True)
class CompareRequest:
    """What to compare and how to show it (an immutable snapshot for the worker).

    ``reuse`` holds a finished comparison when only the view options changed;
    ``*_as_text`` open a binary or unsupported file as text anyway.
    """

    old_path: str
    new_path: str
    options: CompareOptions = field(default_factory=CompareOptions)
    view: ViewOptions = field(default_factory=ViewOptions)
    old_encoding: str | None = None
    new_encoding: str | None = None
    reuse: Comparison | None = None
    old_as_text: bool = False
    new_as_text: bool = False

    def engine_request(self) -> EngineRequest:
        """What the engine (possibly in a child process) needs of this request."""
        return EngineRequest(
            self.old_path,
            self.new_path,
            self.options,
            self.old_encoding,
            self.new_encoding,
            self.old_as_text,
            self.new_as_text,
        )


@dataclass(frozen=True, slots=True)
class CompareResult:
    """A comparison laid out for the panes, with its change list and scroll map.

    A preview (``plan.partial``) has the first rows only, no changes, no map and no
    flags. ``flags`` are the risky edits (``core.flags.detect``), sorted by block.
    """

    request: CompareRequest
    plan: ViewPlan
    changes: tuple[Change, ...]
    mapping: PositionMap | None
    seconds: dict[str, float] = field(default_factory=dict)
    flags: tuple[Flag, ...] = ()
    note_order: NoteOrder | None = None  # the notes' reading order, as reports number them

    @property
    def comparison(self) -> Comparison:
        """The engine's result."""
        return self.plan.comparison
