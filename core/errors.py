"""Typed errors raised by the engine; the CLI and GUI turn them into one-line messages."""

from __future__ import annotations


class RedlineError(Exception):
    """Base class of every error the engine raises on purpose."""


class LoadError(RedlineError):
    """A file could not be loaded as a document.

    Attributes:
        path: the file, as the user named it.
        reason: a short human-readable reason, without the path.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class FileMissingError(LoadError):
    """The file does not exist (or vanished between listing and reading)."""


class NotAFileError(LoadError):
    """The path is a directory, FIFO, socket or device, not a regular file."""


class UnreadableError(LoadError):
    """The operating system refused to read the file (permissions, I/O error)."""


class BinaryFileError(LoadError):
    """The bytes are not text (NUL bytes, control characters, a known binary format)."""

    def __init__(self, path: str, reason: str, file_type: str | None = None) -> None:
        super().__init__(path, reason)
        self.file_type = file_type


class TooLargeError(LoadError):
    """The file is over the configured size limit."""

    def __init__(self, path: str, size: int, limit: int) -> None:
        super().__init__(path, f"file is too large ({size:,} bytes; the limit is {limit:,} bytes)")
        self.size = size
        self.limit = limit


class DecodeError(LoadError):
    """The bytes could not be decoded sensibly in any encoding."""


class DamagedDocumentError(LoadError):
    """A file in a format Redline reads cannot be read: a broken archive, XML that
    declares entities, a zip bomb, an encrypted or scanned PDF, nothing to compare."""


class UnsupportedFileError(LoadError):
    """The file type is not one Redline reads."""


class CancelledError(RedlineError):
    """Work was cancelled by the caller's ``should_cancel`` callback."""


class UnknownEncodingError(DecodeError):
    """The caller asked for an encoding Python does not know.

    Attributes:
        encoding: the name as given.
    """

    def __init__(self, encoding: str, path: str = "") -> None:
        super().__init__(path, f"unknown encoding {encoding!r}")
        self.encoding = encoding


class NotAFolderError(LoadError):
    """A folder was expected, but the path is a file or something else."""


class AnnotationStoreError(RedlineError):
    """The annotation database could not be opened or written.

    Attributes:
        path: the database file, made printable.
        reason: a short human-readable reason, without the path.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class AnnotationMissingError(AnnotationStoreError):
    """The annotation is no longer stored (deleted, perhaps by another instance)."""


class AnnotationImportError(LoadError):
    """An annotations file could not be read or does not hold Redline annotations."""
