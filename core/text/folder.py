"""Walking a folder of articles: lazily, in a stable order, without traps.

``walk_folder`` lists the files Redline reads (by suffix, and files with no suffix
that hold text: wire copy is often saved so, and their first bytes tell) one directory
at a time with ``os.scandir``, in name order, and reports what it cannot use as error
entries instead of raising: unreadable subfolders (the walk goes on), links to
folders (reported once and never followed: a loop would never end, a target inside
the root is listed at its own place, one outside could be the whole disk), broken
links, and FIFOs, sockets or devices, links to them included (never opened).
Links to regular files inside the root are listed (loading reads them bounded);
links to files outside it are reported with their target and never read, as
``/etc/passwd`` in a dropped folder is not an article. Reports Redline saved there
are listed with their reason and never compared (``core.text.own_reports``). It loads
nothing (but those first bytes); the caller loads each entry, in the background.
"""

from __future__ import annotations

import os
import stat
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from core.errors import CancelledError, FileMissingError, NotAFolderError, UnreadableError
from core.text.document import binary_kind
from core.text.names import is_bare, is_supported, printable_path, special_file_kind, suffix_of
from core.text.own_reports import made_by_redline


@dataclass(frozen=True, slots=True)
class FolderEntry:
    """One file found in a folder, or one thing that could not be used.

    Attributes:
        path: absolute path, as the file system has it (give it to ``load_document``).
        relpath: path relative to the root with ``/`` separators, made printable.
        error: why the entry cannot be used, or None for a file to load.
        size: size in bytes (0 for an error entry).
        mtime: modification time (0.0 for an error entry).
    """

    path: str
    relpath: str
    error: str | None = None
    size: int = 0
    mtime: float = 0.0


@dataclass(slots=True)
class _Dir:
    path: str
    rel: str  # "" for the root, else "a/b"
    key: tuple[int, int]


def _special_reason(mode: int) -> str:
    kind = special_file_kind(mode)
    return f"{kind}, skipped" if kind else "not a regular file, skipped"


class _Walker:
    def __init__(
        self,
        root: str,
        recursive: bool,
        should_cancel: Callable[[], bool],
        skipped: Counter[str] | None = None,
    ) -> None:
        self.skipped = skipped
        self.root_real = os.path.realpath(root)
        self.recursive = recursive
        self.should_cancel = should_cancel
        self.listed: dict[tuple[int, int], str] = {}

    def _inside(self, real: str) -> bool:
        """Whether a resolved path is the root or under it."""
        return real == self.root_real or real.startswith(self.root_real.rstrip(os.sep) + os.sep)

    def _entry(self, directory: _Dir, name: str, error: str | None = None) -> FolderEntry:
        rel = f"{directory.rel}/{name}" if directory.rel else name
        return FolderEntry(os.path.join(directory.path, name), printable_path(rel), error)

    def _list(self, directory: _Dir) -> tuple[list[os.DirEntry[str]], str | None]:
        """Entries of one directory by name; a failure mid-way keeps what was read."""
        entries: list[os.DirEntry[str]] = []
        try:
            with os.scandir(directory.path) as iterator:
                for entry in iterator:
                    entries.append(entry)
        except OSError as error:
            entries.sort(key=lambda entry: entry.name)
            return entries, f"folder could not be read ({error.strerror or error})"
        entries.sort(key=lambda entry: entry.name)
        return entries, None

    def walk(self, top: _Dir) -> Iterator[FolderEntry]:
        # An explicit stack, not recursion: depth is whatever the disk holds.
        stack: list[tuple[_Dir, Iterator[os.DirEntry[str]]]] = []
        ancestors: set[tuple[int, int]] = set()
        pending: _Dir | None = top
        while pending is not None or stack:
            if pending is not None:
                self.listed[pending.key] = pending.rel
                ancestors.add(pending.key)
                entries, error = self._list(pending)
                if error is not None:
                    yield FolderEntry(pending.path, printable_path(pending.rel or "."), error)
                stack.append((pending, iter(entries)))
                pending = None
            directory, entries_left = stack[-1]
            entry = next(entries_left, None)
            if entry is None:
                stack.pop()
                ancestors.discard(directory.key)
                continue
            if self.should_cancel():
                raise CancelledError("folder listing cancelled")
            found = self._visit(directory, entry, ancestors)
            if isinstance(found, _Dir):
                pending = found
            elif found is not None:
                yield found

    def _visit(
        self, parent: _Dir, entry: os.DirEntry[str], ancestors: set[tuple[int, int]]
    ) -> FolderEntry | _Dir | None:
        """What one directory entry is: a file, an error, a folder to enter, or nothing."""
        try:
            is_link = entry.is_symlink()
            info = entry.stat()  # follows links: the target is what matters
        except FileNotFoundError:
            if is_supported(entry.name) and os.path.islink(entry.path):
                return self._entry(parent, entry.name, "broken symbolic link")
            return None
        except OSError as error:
            return self._entry(parent, entry.name, error.strerror or str(error))
        if stat.S_ISDIR(info.st_mode):
            return self._folder(parent, entry, info, is_link, ancestors) if self.recursive else None
        if not is_supported(entry.name) and not (
            is_bare(entry.name)
            and not is_link
            and stat.S_ISREG(info.st_mode)
            and _holds_text(entry.path)
        ):
            if self.skipped is not None and stat.S_ISREG(info.st_mode):
                self.skipped[suffix_of(entry.name) or "(none)"] += 1
            return None
        if stat.S_ISREG(info.st_mode):
            if is_link and not self._inside(os.path.realpath(entry.path)):
                # /etc/passwd or /proc/self/environ through a link: not an article here.
                target = printable_path(os.path.realpath(entry.path))
                return self._entry(
                    parent,
                    entry.name,
                    f"link to a file outside this folder ({target}), not followed",
                )
            if made_by_redline(entry.path):
                return self._entry(parent, entry.name, REPORT_REASON)
            relpath = self._entry(parent, entry.name).relpath
            return FolderEntry(entry.path, relpath, None, info.st_size, info.st_mtime)
        reason = _special_reason(info.st_mode)
        return self._entry(parent, entry.name, ("link to " if is_link else "") + reason)

    def _folder(
        self,
        parent: _Dir,
        entry: os.DirEntry[str],
        info: os.stat_result,
        is_link: bool,
        ancestors: set[tuple[int, int]],
    ) -> FolderEntry | _Dir:
        key = (info.st_dev, info.st_ino)
        if key in ancestors:
            return self._entry(parent, entry.name, "symbolic link loop, not followed")
        if is_link:
            # Never followed: a target inside the root is listed at its own place,
            # one outside could be anything (the whole disk).
            real = os.path.realpath(entry.path)
            if self._inside(real):
                inside = printable_path(os.path.relpath(real, self.root_real).replace(os.sep, "/"))
                reason = f"link to a folder listed at its own place ({inside}), not followed"
            else:
                reason = "link to a folder outside this one, not followed"
            return self._entry(parent, entry.name, reason)
        if key in self.listed:  # a bind mount or a hard-linked folder
            shown = printable_path(self.listed[key] or ".")
            return self._entry(parent, entry.name, f"folder already listed as {shown}")
        return _Dir(entry.path, f"{parent.rel}/{entry.name}" if parent.rel else entry.name, key)


REPORT_REASON = "a report made by Redline, not a version"
"""Why a report Redline saved in the folder is listed but never compared
(``core.text.own_reports``)."""


# The bytes of a file without a suffix read to tell whether it holds text.
SNIFF_BYTES = 4096


def _holds_text(path: str) -> bool:
    """Whether the file at ``path`` (no suffix: wire copy is often saved so) starts as
    text, not as a program, an image or an archive; an unreadable one does not."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError:
        return False
    return binary_kind(head) is None


def walk_folder(
    root: str | os.PathLike[str],
    *,
    recursive: bool = True,
    should_cancel: Callable[[], bool] | None = None,
    skipped: Counter[str] | None = None,
) -> Iterator[FolderEntry]:
    """List the readable files of a folder, lazily, with errors as entries.

    Files are yielded per directory in name order (case-sensitive: ``A.txt`` and
    ``a.txt`` are both listed), subfolders at their place in that order. Only
    supported suffixes are listed; other regular files are counted by suffix in
    ``skipped`` (when given) so the caller can say what was left out; broken links
    or special files whose names do not have such a suffix are ignored.

    Args:
        root: the folder.
        recursive: descend into subfolders.
        should_cancel: polled for every entry; when it returns True the walk stops.
        skipped: filled with the number of unlisted regular files per suffix.

    Yields:
        ``FolderEntry`` items: files to load, or errors to show in one summary.

    Raises:
        FileMissingError: ``root`` does not exist.
        NotAFolderError: ``root`` is not a folder.
        UnreadableError: ``root`` cannot be examined.
        CancelledError: ``should_cancel`` returned True.
    """
    top = os.path.abspath(os.fspath(root))
    shown = printable_path(os.fspath(root))
    try:
        info = os.stat(top)
    except FileNotFoundError:
        raise FileMissingError(shown, "no such folder") from None
    except OSError as error:
        raise UnreadableError(shown, error.strerror or str(error)) from None
    if not stat.S_ISDIR(info.st_mode):
        raise NotAFolderError(shown, "is not a folder")
    walker = _Walker(top, recursive, should_cancel or (lambda: False), skipped)
    yield from walker.walk(_Dir(top, "", (info.st_dev, info.st_ino)))
