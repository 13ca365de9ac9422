#!/usr/bin/env python3
"""Build the scripture pair of the flags' real-copy check: ``bench/real/kjv.txt`` (King James
Version, 1769 text) and ``bench/real/web.txt`` (World English Bible, 2020), the same chapters.

    python3 bench/make_scripture.py

Both are in the public domain (the SWORD modules' ``Copyright=PUBLIC DOMAIN``). Needs Debian's
``diatheke``, ``sword-text-kjv`` and ``sword-text-web``. Each chapter is one paragraph, its verses
joined by a space, without verse numbers or Strong's numbers; a book's name heads its chapters.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "real"
MODULES = {"kjv": "engKJV2006eb", "web": "engWEB2015eb"}
CHAPTERS = ("Genesis 1-4", "Numbers 1", "Ruth 1-4", "1 Samuel 17", "Luke 15")
VERSE = re.compile(r"^(?P<book>(?:\d )?[A-Z][a-z]+) (?P<chapter>\d+):\d+: ?(?P<text>.*)$")
STRONG = re.compile(r" ?<[HG]\d+>")


def chapters(module: str) -> str:
    paragraphs: list[str] = []
    for key in CHAPTERS:
        out = subprocess.run(
            ["diatheke", "-b", module, "-f", "plain", "-k", key],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        verses: dict[tuple[str, str], list[str]] = {}
        for line in out.splitlines():
            m = VERSE.match(line)
            if m:
                text = " ".join(STRONG.sub("", m["text"]).split())
                verses.setdefault((m["book"], m["chapter"]), []).append(text)
        for (book, chapter), texts in verses.items():
            paragraphs.append(f"{book} {chapter}")
            paragraphs.append(" ".join(texts))
    return "\n\n".join(paragraphs) + "\n"


def main() -> int:
    OUT.mkdir(exist_ok=True)
    for name, module in MODULES.items():
        (OUT / f"{name}.txt").write_text(chapters(module), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
