"""The compiled engine, where one was built for this checkout (``make native``).

``make native`` (``bench/build_native.py``) compiles the modules of ``core.engine`` and
``core.flags`` (all but this one, ``regex_programs`` and ``dataclass_code``) with mypyc into
``build/native/`` beside ``core/``: one extension shim per module in
``build/native/core/<package>/`` and the shared library they load in
``build/native/lib/``. Each of the two packages' ``__init__`` puts the folder that
``compiled_path`` returns first on its ``__path__``, so its modules import from the
build, and the modules left out of it from their sources. The build also holds the
kernels written in C (``core/engine/*.c``: the tokenizer's scanner, the span
comparison, the paragraph scan, the placing of units, the alignment's anchors, the
keys' numbering, the move votes, the word diffs), which their modules use where they
can import them, the programs of the regular expressions a few comparisons compile
(``core.engine.regex_programs``), which ``re`` then finds compiled, and the code of the
methods ``dataclasses`` writes for Redline's classes (``core.engine.dataclass_code``).

The build is used only when it is right for this process: built by this Python (its
extension suffix), from exactly the sources now in ``core/`` (the build records the
size and modification time of every ``core/**/*.py`` and ``*.c``; one edit, and the sources are
imported instead), and not turned off with ``REDLINE_PURE=1``. Otherwise, as in an
installed wheel (which carries no build), every module imports from its source: the
pure-Python path is always there and gives the same output. ``status`` says which path
this process takes and why (``bench/build_native.py --status`` prints it).

May import: the standard library, ``core.engine.regex_programs`` and
``core.engine.dataclass_code`` (which import nothing else); it runs at start-up, before
anything else of ``core.engine``, so it reads one small text file and stats the
sources, and with a build loads its expressions' programs and its dataclasses' code,
nothing more.
"""

from __future__ import annotations

import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES

# The manifest's first line; a build written by another layout is not used.
MANIFEST_HEADER = "redline-native 1"
MANIFEST = "manifest.txt"
LIBRARY = "lib"  # build/native/lib/: the shared library of every compiled module
PURE_VARIABLE = "REDLINE_PURE"

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.path.join(_ROOT, "build", "native")

_state: tuple[bool, str] | None = None


def extension_suffix() -> str:
    """This Python's suffix for extension modules (``.cpython-311-x86_64-linux-gnu.so``;
    from the import system, already loaded: sysconfig would cost a millisecond)."""
    return EXTENSION_SUFFIXES[0] if EXTENSION_SUFFIXES else ""


def fingerprint(root: str, relative: str) -> str:
    """One manifest line for a source file: its size, modification time and path."""
    found = os.stat(os.path.join(root, relative))
    return f"{found.st_size} {found.st_mtime_ns} {relative}"


def check_build(build: str, root: str, environ: dict[str, str] | None = None) -> tuple[bool, str]:
    """Whether the build in ``build`` may be used for the sources under ``root``, and why.

    The reason names what stops it: ``REDLINE_PURE``, no build, another Python, or the
    first source file that changed since the build.
    """
    env = os.environ if environ is None else environ
    if env.get(PURE_VARIABLE, "") not in ("", "0"):
        return False, f"pure Python ({PURE_VARIABLE} is set)"
    try:
        with open(os.path.join(build, MANIFEST), encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return False, "pure Python (no compiled build: make native)"
    if len(lines) < 3 or lines[0] != MANIFEST_HEADER:
        return False, "pure Python (the compiled build's manifest is unreadable)"
    if lines[1] != extension_suffix():
        return False, f"pure Python (the compiled build is for {lines[1] or 'another Python'})"
    for line in lines[2:]:
        relative = line.split(" ", 2)[-1]
        try:
            now = fingerprint(root, relative)
        except OSError:
            return False, f"pure Python (the compiled build is stale: {relative} is gone)"
        if now != line:
            return False, f"pure Python (the compiled build is stale: {relative} changed)"
    return True, f"compiled with mypyc ({build})"


def status() -> tuple[bool, str]:
    """This process's path, checked once: (compiled?, a line that says which and why)."""
    global _state
    if _state is None:
        _state = check_build(BUILD, _ROOT)
        library = os.path.join(BUILD, LIBRARY)
        if _state[0] and library not in sys.path:
            sys.path.append(library)  # the shims import the shared library by name
        if _state[0]:
            from core.engine import dataclass_code, regex_programs

            regex_programs.load(os.path.join(BUILD, regex_programs.FILE))
            dataclass_code.load(os.path.join(BUILD, dataclass_code.FILE))
    return _state


def compiled_path(package: str) -> list[str]:
    """The folder to put first on ``core.<package>.__path__``: [] on the pure path."""
    if not status()[0]:
        return []
    return [os.path.join(BUILD, "core", package)]
