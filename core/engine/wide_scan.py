"""Whether a text holds a character from a code point on (for the tokenizer: U+3000,
Han, kana, full-width forms and everything above), without compiling a pattern for
the short texts of a quick run.

The character class ``[\\u3000-\\U0010ffff]`` finds such a character about six times
quicker than ``max(text)``, but compiling it takes about 5 ms (``re`` walks the
53,000 code points of the range in Python): a twentieth of a whole ``redline
compare`` of two news articles. So the first ``MAX_BUDGET`` characters a process
asks about are scanned with ``max`` (at most ~1 ms in all), and the class is compiled
once the texts asked about are longer than that; a long text compiles it at once.
"""

from __future__ import annotations

import re

MAX_BUDGET = 1 << 16
"""Characters scanned with ``max`` before the pattern is compiled (about 0.9 ms)."""


class WideScan:
    """``search(text)``: something (the widest character, or the match) when ``text``
    holds a character from ``first`` on, else None; as ``re.Pattern.search`` would.

    Safe in several threads: a race only spends the budget twice, or compiles the
    same pattern twice.
    """

    def __init__(self, first: str, budget: int = MAX_BUDGET) -> None:
        self.first = first
        self._budget = budget
        self._pattern: re.Pattern[str] | None = None

    def search(self, text: str) -> object | None:
        if self._pattern is None:
            if len(text) <= self._budget:
                self._budget -= len(text)
                widest = max(text, default="")
                return widest if widest >= self.first else None
            self._pattern = re.compile(f"[{re.escape(self.first)}-\U0010ffff]")
        return self._pattern.search(text)

    @property
    def compiled(self) -> bool:
        """Whether the pattern has been compiled (the texts were long)."""
        return self._pattern is not None
