"""The real document pairs the risky-edit flags are judged on (``measure_flags.py --real``).

Each source yields ``RealPair``s: two versions of one real text. Sources, in order:

- ``scripture``: the King James Version against the World English Bible, the same
  chapters (``bench/real/``, public domain, built by ``make_scripture.py``): in the repo;
- ``samples``: the news samples of ``resources/samples`` (000 -> 001, 001 -> 002): in the repo;
- ``licences``: GPL-2 -> GPL-3, LGPL-2.1 -> LGPL-3, GFDL-1.2 -> GFDL-1.3, MPL-1.1 -> MPL-2.0
  from ``/usr/share/common-licenses`` (Debian's ``base-files``), when present;
- ``iterater``, ``wiki``, ``ua-gec``, ``jp-law``: the revision corpora of
  ``../shared/corpora`` (see their READMEs), when present.

A source whose files are missing yields nothing: callers say what they skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SCRIPTURE = BENCH / "real"
SAMPLES = REPO / "resources" / "samples"
LICENCES = Path("/usr/share/common-licenses")
CORPORA = REPO.parent / "shared" / "corpora"
if not CORPORA.exists():  # a worktree beside the main checkout: /work/wt-N
    CORPORA = Path("/work/shared/corpora")

LICENCE_PAIRS = (("GPL-2", "GPL-3"), ("LGPL-2.1", "LGPL-3"), ("GFDL-1.2", "GFDL-1.3"))
LICENCE_PAIRS += (("MPL-1.1", "MPL-2.0"),)
SOURCES = ("scripture", "samples", "licences", "iterater", "wiki", "ua-gec", "jp-law")
IN_REPO = ("scripture", "samples")


@dataclass(frozen=True, slots=True)
class RealPair:
    """Two versions of one real text.

    Attributes:
        source: one of ``SOURCES``.
        pair: its name inside the source (stable: judged flags refer to it).
        old: the older text.
        new: the newer text.
    """

    source: str
    pair: str
    old: str
    new: str


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _scripture() -> Iterator[RealPair]:
    old, new = SCRIPTURE / "kjv.txt", SCRIPTURE / "web.txt"
    if old.exists() and new.exists():
        yield RealPair("scripture", "kjv-web", _read(old), _read(new))


def _samples() -> Iterator[RealPair]:
    names = sorted(p.name for p in SAMPLES.glob("00?_*.txt"))
    for a, b in pairwise(names):
        yield RealPair("samples", f"{a[:3]}-{b[:3]}", _read(SAMPLES / a), _read(SAMPLES / b))


def _licences() -> Iterator[RealPair]:
    for a, b in LICENCE_PAIRS:
        if (LICENCES / a).exists() and (LICENCES / b).exists():
            yield RealPair("licences", f"{a}-{b}", _read(LICENCES / a), _read(LICENCES / b))


def _lines(path: Path) -> Iterator[dict[str, str]]:
    if path.exists():
        for line in _read(path).splitlines():
            if line.strip():
                yield json.loads(line)


def _pair_folders(name: str, corpus: str) -> Iterator[RealPair]:
    """A corpus of ``pairs/ID/old.txt`` and ``new.txt``, listed in ``index.jsonl``."""
    root = CORPORA / corpus
    for item in _lines(root / "index.jsonl"):
        folder = root / "pairs" / item["id"]
        yield RealPair(name, item["id"], _read(folder / "old.txt"), _read(folder / "new.txt"))


def _manifest_pairs(name: str, corpus: str) -> Iterator[RealPair]:
    """A corpus whose ``manifest.jsonl`` names each pair's old and new file."""
    root = CORPORA / corpus
    for item in _lines(root / "manifest.jsonl"):
        yield RealPair(name, item["id"], _read(root / item["old"]), _read(root / item["new"]))


_LOADERS = {
    "scripture": _scripture,
    "samples": _samples,
    "licences": _licences,
    "iterater": lambda: _pair_folders("iterater", "iterater-r3"),
    "wiki": lambda: _manifest_pairs("wiki", "wiki-versions"),
    "ua-gec": lambda: _pair_folders("ua-gec", "ua-gec"),
    "jp-law": lambda: _manifest_pairs("jp-law", "jp-law-versions"),
}


def real_pairs(sources: tuple[str, ...] = SOURCES) -> Iterator[RealPair]:
    """The pairs of ``sources`` whose files are present, in the order of ``SOURCES``."""
    for source in SOURCES:
        if source in sources:
            yield from _LOADERS[source]()
