"""The documents a cluster scan reads: a local folder (the local scan's walk) or an
fsspec URL (``s3://bucket/prefix``, ``memory://...``), listed on a worker
(``listing``: the client keeps the listing's counts, never the file names; each
chunk's read task gets its slice, ``listing_part``).

A local folder is walked by ``core.text.folder.walk_folder`` and read by the local
scan's ``fingerprint_file``: the workers must see it at the same path. A URL is
listed by fsspec in the walk's order (per folder by name, subfolders at their place)
and each file's bytes are decoded by ``fingerprint_bytes`` (the same decoding, so
encodings and bad files behave the same). Only this module imports fsspec.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import partial
from typing import Any

from core.cluster.stages import Reader, Source
from core.errors import FileMissingError, NotAFolderError, RedlineError, TooLargeError
from core.families.fingerprint import Fingerprint
from core.families.scan import ScanError, ScanOptions, fingerprint_bytes, fingerprint_file
from core.text.folder import walk_folder
from core.text.names import is_supported, printable_path


@dataclass(frozen=True, slots=True)
class Listing:
    """What a scan reads: its root, the files (index = place), the walk's errors and
    the reader the workers use."""

    root: str
    files: tuple[Source, ...]
    errors: tuple[ScanError, ...]
    read: Reader


def scan_root(path: str) -> str:
    """The root a scan of ``path`` reports: an absolute folder (made on the client,
    whose working folder the workers do not share) or a URL without its last ``/``."""
    if path.startswith("file://"):
        path = path[len("file://") :]
    return path.rstrip("/") if is_url(path) else os.path.abspath(path)


def listing(root: str, options: ScanOptions) -> Listing | str:
    """``list_sources`` on a worker: a folder that cannot be scanned is its error's
    message (the errors do not survive pickling), which the client raises."""
    try:
        return list_sources(root, options)
    except RedlineError as error:
        return str(error)


def listing_counts(found: Listing) -> tuple[int, int]:
    """The files and the walk's errors of a listing."""
    return len(found.files), len(found.errors)


def listing_part(found: Listing, start: int, stop: int) -> tuple[tuple[Source, ...], Reader]:
    """The files of one chunk, and the reader."""
    return found.files[start:stop], found.read


def is_url(path: str) -> bool:
    """Whether a scan path is an fsspec URL rather than a local folder."""
    return "://" in path


def list_sources(path: str, options: ScanOptions) -> Listing:
    """The files to scan under a local folder or an fsspec URL.

    Raises:
        FileMissingError, NotAFolderError, UnreadableError: the folder itself.
        RedlineError: a URL without fsspec, or of a protocol fsspec cannot open.
    """
    if path.startswith("file://"):
        path = path[len("file://") :]
    if not is_url(path):
        return _local(path, options)
    return _remote(path, options)


def _local(path: str, options: ScanOptions) -> Listing:
    root = os.path.abspath(path)
    files: list[Source] = []
    errors: list[ScanError] = []
    for entry in walk_folder(root, recursive=options.recursive):
        if entry.error is not None:
            errors.append(ScanError(entry.relpath, entry.error))
        else:
            files.append(Source(len(files), entry.path, entry.relpath))
    read = partial(fingerprint_file, max_bytes=options.max_bytes)
    return Listing(root, tuple(files), tuple(errors), read)


def _filesystem(url: str) -> tuple[Any, str]:
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise RedlineError(
            f"{printable_path(url)}: URLs need fsspec: pip install 'redline[cluster]'"
        ) from None
    try:
        return url_to_fs(url)  # type: ignore[no-any-return]
    except (ImportError, ValueError) as error:
        raise RedlineError(f"{printable_path(url)}: cannot open this URL ({error})") from None


def _remote(url: str, options: ScanOptions) -> Listing:
    root = url.rstrip("/")
    fs, base = _filesystem(root)
    shown = printable_path(url)
    if not fs.exists(base):
        raise FileMissingError(shown, "no such folder")
    if not fs.isdir(base):
        raise NotAFolderError(shown, "is not a folder")
    base = base.rstrip("/")
    found = fs.find(base, maxdepth=None if options.recursive else 1)
    relpaths = [p[len(base) + 1 :] for p in found if p.startswith(base + "/") and is_supported(p)]
    # The walk's order: per folder by name, a subfolder at its place among the files.
    relpaths.sort(key=lambda rel: rel.split("/"))
    files = tuple(Source(i, f"{root}/{rel}", printable_path(rel)) for i, rel in enumerate(relpaths))
    read = partial(_read_remote, fs, options.max_bytes)
    return Listing(root, files, (), read)


def _read_remote(fs: Any, max_bytes: int, url: str) -> tuple[Fingerprint, str] | str:
    """Read one file through fsspec (bounded) and fingerprint it as the local scan does."""
    try:
        size = fs.size(url)
        if size is not None and size > max_bytes:
            return TooLargeError(url, size, max_bytes).reason
        with fs.open(url, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    return fingerprint_bytes(data, url, max_bytes)
