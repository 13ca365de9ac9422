"""How the user asked particular files to be read, shared by every part that loads them.

``encodings``: the encoding chosen with *Reopen with Encoding*, per path.
``as_text``: files the user chose to read as text although they look binary or have
an unsupported suffix (*Open as Text Anyway*). Listing, comparing and the N-way
grid all read a file the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ReadingChoices:
    """The user's reading choices of this session (not saved)."""

    encodings: dict[str, str] = field(default_factory=dict)
    as_text: set[str] = field(default_factory=set)
