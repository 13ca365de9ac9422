"""The fingerprint cache: one file per scanned folder in Redline's cache directory.

Entries are keyed by the file's path relative to the folder, its size and its
modification time: a file whose size or mtime changed is fingerprinted again. The
file is a signature line, one JSON line (the entries' metadata) and the entries'
hash arrays as raw bytes, so 10,000 documents load in a fraction of a second. It is
written atomically (``core.atomic``). A file that is missing, truncated, of another
version or otherwise damaged is ignored as a whole: it is rebuilt, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from core.atomic import atomic_write_bytes
from core.families.fingerprint import Fingerprint
from core.paths import app_paths

CACHE_VERSION = 1
_SIGNATURE = b"REDLINE-FINGERPRINTS\n"
_FOLDER = "fingerprints"


@dataclass(frozen=True, slots=True)
class CachedFingerprint:
    """A fingerprint with what identifies the file version it was made from.

    Attributes:
        size: the file's size in bytes.
        mtime: its modification time.
        encoding: the encoding it was decoded with.
        fingerprint: the fingerprint of its text.
    """

    size: int
    mtime: float
    encoding: str
    fingerprint: Fingerprint


def cache_file(root: str, cache_dir: Path | None = None) -> Path:
    """The cache file of a folder (named by a hash of its absolute path)."""
    base = app_paths().cache if cache_dir is None else cache_dir
    real = os.path.realpath(root).encode("utf-8", "surrogateescape")
    return base / _FOLDER / f"{hashlib.blake2b(real, digest_size=12).hexdigest()}.bin"


def load_cache(path: Path) -> dict[str, CachedFingerprint]:
    """Read a cache file; anything unreadable or damaged gives an empty cache."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    try:
        return _parse(data)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        return {}


def _parse(data: bytes) -> dict[str, CachedFingerprint]:
    if not data.startswith(_SIGNATURE):
        raise ValueError("not a fingerprint cache")
    header_end = data.index(b"\n", len(_SIGNATURE))
    header = json.loads(data[len(_SIGNATURE) : header_end].decode("utf-8"))
    if not isinstance(header, dict) or header.get("version") != CACHE_VERSION:
        raise ValueError("another cache version")
    blob = memoryview(data)[header_end + 1 :]
    entries: dict[str, CachedFingerprint] = {}
    offset = 0
    for row in header["entries"]:
        relpath, size, mtime, encoding, words, n_shingles, n_keys, n_signature = row
        if not (isinstance(relpath, str) and isinstance(encoding, str)):
            raise TypeError("bad entry")
        counts = (size, words, n_shingles, n_keys, n_signature)
        if not all(isinstance(n, int) and n >= 0 for n in counts):
            raise TypeError("bad entry")
        if not isinstance(mtime, (int, float)):
            raise TypeError("bad entry")
        end_shingles = offset + 4 * n_shingles
        end_keys = end_shingles + 4 * n_keys
        end = end_keys + 4 * n_signature
        if end > len(blob):
            raise ValueError("truncated cache")
        fp = Fingerprint(
            words,
            bytes(blob[offset:end_shingles]),
            bytes(blob[end_shingles:end_keys]),
            bytes(blob[end_keys:end]),
        )
        entries[relpath] = CachedFingerprint(size, float(mtime), encoding, fp)
        offset = end
    if offset != len(blob):
        raise ValueError("cache length does not match")
    return entries


def save_cache(path: Path, entries: dict[str, CachedFingerprint]) -> None:
    """Write the cache atomically; a failure to write is not an error (it is a cache)."""
    rows = []
    chunks: list[bytes] = []
    for relpath, entry in entries.items():
        fp = entry.fingerprint
        rows.append(
            [
                relpath,
                entry.size,
                entry.mtime,
                entry.encoding,
                fp.words,
                len(fp.shingles) // 4,
                len(fp.keys) // 4,
                len(fp.signature) // 4,
            ]
        )
        chunks += (fp.shingles, fp.keys, fp.signature)
    header = json.dumps({"version": CACHE_VERSION, "entries": rows}, ensure_ascii=True)
    data = _SIGNATURE + header.encode("ascii") + b"\n" + b"".join(chunks)
    with contextlib.suppress(OSError):
        atomic_write_bytes(path, data)
