"""Start-up: the patterns of wide characters are compiled only for texts that hold
them (each takes milliseconds to compile, and most runs never need one), and the
patterns most comparisons never need only when first used."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from core.flags.units import starts_wide

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


# ------------------------------------------------------------------ patterns kept as sources

# Patterns that most comparisons never need (a figure's currency sign, a hedged claim,
# a won "title", an approximate numeral, Korean scales, British spellings, a line of
# another break ...): each module keeps the source and compiles it when first used
# (``core.engine.tokens.compiled``; the spellings' ``_compiled``). Compiled at import
# they took about 12 ms of every start.
_WHEN_NEEDED = {
    "core.engine.opspans": ["_WRAPPED_HYPHEN"],
    "core.engine.paragraph_anchors": ["_PARAGRAPH_BREAK"],
    "core.engine.segment": ["_LINE", "_GOES_ON", "_MONTH_AFTER"],
    "core.flags.attribution": [
        "_QUOTE_CLOSE",
        "_CALLED_IT",
        "_PRIZE",
        "_RUN",
        "_NAME_BEFORE",
        "_NAME_AFTER",
        "_AFTER_QUOTE",
    ],
    "core.flags.claims": ["_CLAIM", "_UNCERTAIN", "_NEXT_WORD"],
    "core.flags.detect": ["_SENTENCE_END"],
    "core.flags.figure_words": [
        "_HALF",
        "_TOKENS",
        "_SPACED",
        "_KOREAN_SCALED",
        "_MONEY",
        "_SPACED_HINT",
        "_PERCENT",
        "_DATE",
    ],
    "core.flags.hedges": ["_APPROXIMATE", "_SCALE"],
    "core.flags.name_changes": ["_ENDINGS", "_CAPITALISED", "_NAME_RUN_WORD"],
    "core.flags.names": ["_LOWER_WORD", "_WORD"],
    "core.flags.numerals": ["GERMAN_ELF"],
    "core.flags.quote_changes": ["_SPEECH_MARKS"],
    "core.flags.quotes": ["_MARKS_RUN", "_ENDED_LINE", "_BLANK_LINE", "_ENDED_BREAK"],
    "core.flags.same_figures": ["_SCORE"],
    "core.flags.spellings": [
        "_OUR",
        "_ISE",
        "_YSE",
        "_TRE",
        "_OGUE",
        "_ENCE",
        "_LL",
        "_PROGRAMME",
    ],
    "core.flags.units": ["_SIGN_BEFORE"],
}

# What a JSON comparison imports, with every pattern compiled on the way noted.
_COMPILED_AT_IMPORT = """
import json, re
sources = []
real = re.compile
def noted(pattern, flags=0):
    sources.append(pattern)
    return real(pattern, flags)
re.compile = noted
import redline
from gui.shell.launcher import main
import core.cli, core.engine.compare, core.flags.detect, core.report.comparison_json
import core.text.document
print(json.dumps([s for s in sources if isinstance(s, str)]))
"""


def _source(value: str | re.Pattern[str]) -> str:
    """A pattern's source, whether it is kept as one or compiled."""
    return value if isinstance(value, str) else value.pattern


def test_rarely_needed_patterns_are_not_compiled_at_import() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _COMPILED_AT_IMPORT], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    compiled_at_import = set(json.loads(done.stdout))
    assert len(compiled_at_import) > 20  # (the ones every comparison needs: noted)
    for module, names in _WHEN_NEEDED.items():
        found = importlib.import_module(module)
        for name in names:
            assert _source(getattr(found, name)) not in compiled_at_import, (module, name)


@pytest.mark.parametrize(
    "word",
    ["", "a", "\u2fff", "\u3000", "\u3000x", "\u4e00", "\u9fff", "\ua000", "\uac00", "x\u4e00"],
)
def test_a_wide_unit_is_told_as_the_class_told_it(word: str) -> None:
    assert starts_wide(word) == (re.match("[\u3000-\u9fff]", word) is not None)
