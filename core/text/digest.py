"""The SHA-256 digest of a document's bytes, without loading OpenSSL for short ones.

Importing ``hashlib`` loads OpenSSL's library: 3-4 ms of the start of a comparison
of two short articles. CPython's own SHA-256 module loads in 0.2 ms but is slower
per byte (3.2 against 0.6 ms per MB), so it serves documents up to
``BUILTIN_DIGEST_BYTES`` while ``hashlib`` is not loaded yet; the digest is the same.
"""

from __future__ import annotations

import sys

BUILTIN_DIGEST_BYTES = 256 * 1024


def sha256_hex(data: bytes) -> str:
    """The SHA-256 hex digest of ``data``."""
    if len(data) <= BUILTIN_DIGEST_BYTES and "hashlib" not in sys.modules:
        try:
            from _sha256 import sha256  # CPython 3.11 (3.12 names it _sha2)
        except ImportError:
            pass
        else:
            return str(sha256(data).hexdigest())
    import hashlib

    return hashlib.sha256(data).hexdigest()
