"""The code of the methods ``dataclasses`` writes, compiled once by ``make native``.

For each dataclass a process defines, ``dataclasses`` writes its ``__init__``,
``__repr__``, ``__eq__``, ``__hash__`` (and a frozen class's ``__setattr__`` and
``__delattr__``) as Python source and compiles it with ``exec``: 22 classes and 123
sources before a comparison starts, 12 ms of every ``redline compare`` on the 2-core
machine, about as long as the rest of the start-up's Python modules take to load.
``make native`` records the code compiled from each source it meets (``recording``,
``record``) into the build; ``load`` gives ``dataclasses`` an ``exec`` of its own that
runs the recorded code of a source it knows, and hands any other to Python's
``exec``, so a class no comparison defined (or a source this Python writes otherwise)
is compiled as before. The code is what ``exec`` compiles from the same text (the
same file name, ``<string>``; ``dataclasses`` has no ``__future__`` import to pass
on), so the methods are the same either way (``tests/test_dataclass_code.py``).

A file is valid only for the Python that wrote it (its ``sys.version``, checked before
the code is read), and used by exactly that Python, else not at all.

May import: the standard library only (``core.engine.native`` loads it at start-up,
before any module of the engine).
"""

from __future__ import annotations

import builtins
import marshal
import sys
from types import CodeType
from typing import Any

FORMAT = "redline-dataclass-code 1"
FILE = "dataclass_code.marshal"


def python_key() -> tuple[str, int]:
    """What a file is valid for: this Python's version and build."""
    return (sys.version, sys.hexversion)


def compiled(source: str) -> CodeType:
    """``source`` compiled as ``exec`` compiles it for ``dataclasses``."""
    return compile(source, "<string>", "exec", dont_inherit=True)


def _dataclasses() -> Any:
    import dataclasses

    return dataclasses


def recording() -> dict[str, CodeType]:
    """From now on, the code of every source ``dataclasses`` compiles in this process,
    by its source, in the dict returned (filled as classes are defined)."""
    found: dict[str, CodeType] = {}

    def exec_recorded(source: object, *args: Any, **kwargs: Any) -> None:
        if isinstance(source, str):
            found[source] = compiled(source)
        builtins.exec(source, *args, **kwargs)  # type: ignore[arg-type]

    _dataclasses().exec = exec_recorded
    return found


def record(codes: dict[str, CodeType]) -> bytes:
    """The file of ``codes`` (by source) for this Python: its header, then each
    source's code marshalled on its own (read only when its class is defined: the
    whole program's 600 sources take 14 ms to read as code, 0.3 ms as bytes)."""
    return marshal.dumps((FORMAT, python_key())) + marshal.dumps(
        {source: marshal.dumps(code) for source, code in codes.items()}
    )


def load(path: str) -> int:
    """Have ``dataclasses`` run the code recorded in the file at ``path`` for the
    sources it holds, when the file is for this Python and ``dataclasses`` has no
    ``exec`` of its own yet. Returns how many sources it holds: none when the file is
    missing, damaged or for another Python."""
    try:
        with open(path, "rb") as handle:
            header = marshal.load(handle)
            if header != (FORMAT, python_key()):
                return 0
            codes = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return 0
    if not isinstance(codes, dict) or not all(
        isinstance(k, str) and isinstance(v, bytes) for k, v in codes.items()
    ):
        return 0
    dataclasses = _dataclasses()
    if "exec" in vars(dataclasses):
        return 0  # (given one already: recording, or loaded)
    known = codes.get

    def exec_known(source: object, *args: Any, **kwargs: Any) -> None:
        found = known(source) if isinstance(source, str) else None
        code = None
        if found is not None:
            try:
                code = marshal.loads(found)
            except (EOFError, ValueError, TypeError):
                code = None  # (damaged: compiled from its source)
        if not isinstance(code, CodeType):
            code = source
        builtins.exec(code, *args, **kwargs)  # type: ignore[arg-type]

    dataclasses.exec = exec_known
    return len(codes)


def unload() -> None:
    """``dataclasses`` given back Python's own ``exec`` (what a test changed)."""
    vars(_dataclasses()).pop("exec", None)
