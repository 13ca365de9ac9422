"""Reading parts of a ZIP-based document (DOCX, ODT) with bounds.

A zip bomb is a small archive whose parts expand to gigabytes. Each part is read
through ``zipfile``, which stops at the size the archive states; that stated size
is checked first (an archive that lies about it fails its checksum there, and is
refused as damaged), and the reading is bounded again all the same.
``MAX_UNCOMPRESSED`` is the most a document may expand to, all parts read together.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from core.text.formats.base import FormatError

MAX_UNCOMPRESSED = 256 * 1024 * 1024
"""The most the parts read from one archive may expand to, in bytes (256 MiB)."""
_CHUNK = 1024 * 1024


class Archive:
    """An open ZIP document; ``read`` gives a part's bytes, bounded.

    Raises:
        FormatError: on construction, when the bytes are not a readable ZIP archive.
    """

    def __init__(self, data: bytes, limit: int = MAX_UNCOMPRESSED) -> None:
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            self.names = frozenset(self._zip.namelist())
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            raise FormatError("broken ZIP archive (the file is damaged or cut short)") from None
        self._left = limit
        self._limit = limit

    def has(self, name: str) -> bool:
        """Whether the archive holds part ``name``."""
        return name in self.names

    def read(self, name: str) -> bytes:
        """The bytes of part ``name``.

        Raises:
            FormatError: the part is missing, encrypted, damaged, or the parts read
                so far expand past the limit.
        """
        try:
            info = self._zip.getinfo(name)
        except KeyError:
            raise FormatError(f"the archive has no {name}") from None
        if info.flag_bits & 0x1:
            raise FormatError("encrypted (password-protected) document")
        if info.file_size > self._left:
            raise self._bomb()
        chunks: list[bytes] = []
        try:
            with self._zip.open(info) as stream:
                while True:
                    chunk = stream.read(_CHUNK)
                    if not chunk:
                        break
                    self._left -= len(chunk)
                    if self._left < 0:
                        raise self._bomb()
                    chunks.append(chunk)
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            ValueError,
            EOFError,
            RuntimeError,
            NotImplementedError,
        ):
            raise FormatError(f"damaged part {name} in the ZIP archive") from None
        return b"".join(chunks)

    def _bomb(self) -> FormatError:
        limit = self._limit // (1024 * 1024)
        return FormatError(f"expands to more than {limit} MiB (a zip bomb?), not read")
