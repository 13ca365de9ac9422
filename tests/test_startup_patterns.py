"""Start-up: the patterns of wide characters are compiled only for texts that hold
them (each takes milliseconds to compile, and most runs never need one)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PROBE = """
import core.cli
from core.engine.tokens import compiled
from core.engine.compare import compare
from core.model import Document
assert compiled.cache_info().currsize == 0, "compiled at import"
compare(Document(path="a", text="He said - twice - no. Fine."),
        Document(path="b", text="He said - once - yes. Fine! Caf\\u00e9 \\u2014 ok."))
assert compiled.cache_info().currsize == 0, "compiled for a text without wide characters"
compare(Document(path="a", text="今天下雨了。"), Document(path="b", text="今天下雪了。"))
assert compiled.cache_info().currsize > 0
print("ok")
"""


def test_wide_patterns_are_compiled_only_when_a_text_needs_them() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
