"""The programs of Redline's regular expressions, compiled once by ``make native``.

Python compiles a regular expression to a program for its matcher (``_sre``) in Python
code, each time a process first uses it: about 150 expressions, 35 ms of a long
comparison's process and 10 ms of a short one's (a class of Han characters alone takes
2 ms: its ranges are walked a character at a time). ``make native`` records the program
of every expression a few comparisons use (``record``) into the build; ``load`` puts
them in ``re``'s own cache at start-up, built from their programs in about a
millisecond, so ``re.compile`` and the module functions find them compiled.

A program is valid only for the Python that made it: the file says which (its
version, the matcher's magic number and code size, the widest character), and is used
by exactly that Python, else not at all. ``_sre.compile`` checks every program it is
given; a damaged file, or a Python whose ``re`` keeps no such cache, leaves every
expression to be compiled as before. The patterns are the same either way, so are the
results (``tests/test_regex_programs.py``).

May import: the standard library only (``core.engine.native`` loads it at start-up,
before any module of the engine).
"""

from __future__ import annotations

import marshal
import re
import sys
from collections.abc import Iterable
from typing import Any

FORMAT = "redline-regex-programs 1"
FILE = "regex_programs.marshal"

# A program: the pattern and the flags it is asked for with (the cache's key), then
# the flags, code, group count, group names and the names by index that ``_sre``
# takes.
Program = tuple[str, int, int, list[int], int, dict[str, int], tuple[str | None, ...]]


def _matcher() -> Any:
    import _sre

    return _sre


def python_key() -> tuple[str, int, int, int]:
    """What a program is valid for: this Python's version, the matcher's magic
    number, its code size and the widest character."""
    sre = _matcher()
    return (sys.version, int(sre.MAGIC), int(sre.CODESIZE), sys.maxunicode)


def _compiler() -> tuple[Any, Any]:
    """``re``'s parser and compiler modules (``re._parser`` and ``re._compiler`` from
    Python 3.11, ``sre_parse`` and ``sre_compile`` before)."""
    if hasattr(re, "_compiler"):
        return re._parser, re._compiler  # type: ignore[attr-defined]
    import sre_compile
    import sre_parse

    return sre_parse, sre_compile


def program(pattern: str, flags: int) -> Program:
    """The program of ``pattern`` with ``flags``, as ``re.compile`` makes it."""
    parser, compiler = _compiler()
    tree = parser.parse(pattern, flags)
    code = [int(c) for c in compiler._code(tree, flags)]
    groupindex = {str(k): int(v) for k, v in tree.state.groupdict.items()}
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    final = int(flags | tree.state.flags)
    return (pattern, flags, final, code, tree.state.groups - 1, groupindex, tuple(indexgroup))


def cached_patterns() -> list[tuple[str, int]]:
    """The text patterns in ``re``'s cache now, with their flags (what this process
    compiled so far, up to the cache's size)."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return []
    found = []
    for key in cache:
        if isinstance(key, tuple) and len(key) == 3 and key[0] is str:
            pattern, flags = key[1], key[2]
            if isinstance(pattern, str) and isinstance(flags, int):
                found.append((pattern, int(flags)))
    return found


def record(patterns: Iterable[tuple[str, int]]) -> bytes:
    """The file of the programs of ``patterns`` (those ``re`` caches: no debug output,
    no locale), for this Python."""
    programs = []
    for pattern, flags in dict.fromkeys(patterns):
        if flags & (re.DEBUG | re.LOCALE):
            continue
        programs.append(program(pattern, flags))
    return marshal.dumps((FORMAT, python_key(), programs))


def load(path: str) -> int:
    """Put the programs of the file at ``path`` in ``re``'s cache, when the file is for
    this Python. Returns how many were put there: none when the file is missing,
    damaged or for another Python, or ``re`` keeps no such cache."""
    cache = getattr(re, "_cache", None)
    room = getattr(re, "_MAXCACHE", 0)
    if not isinstance(cache, dict) or not isinstance(room, int):
        return 0
    try:
        with open(path, "rb") as handle:
            found = marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):
        return 0
    if not (isinstance(found, tuple) and len(found) == 3 and found[0] == FORMAT):
        return 0
    if found[1] != python_key() or not isinstance(found[2], list):
        return 0
    sre = _matcher()
    put = 0
    for entry in found[2]:
        if len(cache) >= room * 3 // 4:  # (room left for what the process compiles)
            break
        try:
            pattern, flags, final, code, groups, groupindex, indexgroup = entry
            key = (str, pattern, flags)
            if key not in cache:
                cache[key] = sre.compile(pattern, final, code, groups, groupindex, indexgroup)
                put += 1
        except (TypeError, ValueError, RuntimeError, OverflowError):
            continue  # (a program the matcher refuses: compiled when used)
    return put
