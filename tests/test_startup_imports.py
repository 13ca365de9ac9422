"""Start-up: what ``redline compare`` loads, and the lazy parts that keep it short
(``bench/bench_startup.py`` measures the whole process)."""

from __future__ import annotations

import hashlib
import random
import re
import shutil
import subprocess
import sys

import pytest

from core.command.parser import terminal_columns
from core.engine.tokens import has_wide
from core.flags import names
from core.text.digest import BUILTIN_DIGEST_BYTES, sha256_hex
from tests.conftest import CONDENSED, FULL, REPO

# Loaded only when a command needs them: none is needed by a JSON comparison.
NOT_FOR_A_JSON_COMPARISON = (
    "importlib.metadata",  # --version and About only
    "pathlib",  # the entry point and the CLI use os.path
    "hashlib",  # short documents' digests come from CPython's own SHA-256
    "difflib",  # "did you mean" for a word that is no command
    "shutil",  # argparse's width of the terminal: core.command.parser finds it
    "threading",  # the locks and the thread-local tally come from _thread
    "tempfile",
    "zipfile",
    "pickle",  # the work counted aside (core.engine.aside) forks only for long texts
    "select",
    "signal",
    "email",
    "diff_match_patch",  # its fuzzy matching re-anchors notes; the word diff is ours
    "urllib",  # (diff_match_patch's)
    "rapidfuzz",  # lists of ids past core.engine.lcs.OWN_LENGTH only
    "decimal",  # a figure and its scale read as one value ("1.5 million") only
    "core.report.render_text",  # --format text
    "core.report.layout",
    "core.report.comparison_html",  # --format html / pdf
    "core.report.docx_redline",
    "core.notes",  # --annotations
    "core.nway",
    "core.families",
    "core.cluster",
    "core.command.generate",  # completion scripts
    "PySide6",
)

_PROBE = """
import os, sys
import redline  # the console script's entry point
from gui.shell.launcher import main
out = os.dup(1)
os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
code = main(sys.argv[1:])
sys.stdout.flush()
os.dup2(out, 1)
print(code, sorted(m for m in sys.modules if m.split(".")[0] in {roots}
                   and any(m == n or m.startswith(n + ".") for n in {names})))
"""


def _modules_loaded_by(*args: str) -> str:
    names = list(NOT_FOR_A_JSON_COMPARISON)
    roots = sorted({n.split(".")[0] for n in names})
    code = _PROBE.format(roots=roots, names=names)
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _python(code: str) -> str:
    """What ``code`` prints, run by a fresh interpreter in the repository."""
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_json_comparison_loads_no_module_it_does_not_need() -> None:
    assert _modules_loaded_by("compare", str(CONDENSED), str(FULL), "--format", "json") == "1 []"


def test_a_text_comparison_loads_its_renderer_only() -> None:
    loaded = _modules_loaded_by("compare", str(CONDENSED), str(FULL))
    assert loaded == (
        "1 ['core.notes', 'core.notes.annotation', 'core.report.layout', 'core.report.render_text']"
    )


def test_help_loads_no_engine() -> None:
    code = (
        "import sys; from core.cli import main\n"
        "try:\n    main(['compare', '--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('core.engine', 'core.flags', "
        "'core.model', 'core.text.document', 'core.report.comparison_json', 'shutil'))))"
    )
    assert _python(code).splitlines()[-1] == "[]"


@pytest.mark.parametrize("columns", [None, "", "abc", "0", "-3", "50", "200"])
def test_help_is_as_wide_as_shutil_says(
    monkeypatch: pytest.MonkeyPatch, columns: str | None
) -> None:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert terminal_columns() == shutil.get_terminal_size().columns


# --------------------------------------------------------------------------- wide characters

_WIDE = re.compile("[\u3000-\U0010ffff]")
_TEXTS = ["", "plain", "caf\u00e9 \u2014 \u2fff", "\u3000", "x\u4e00y", "\U0001f600", "\uff01!"]


@pytest.mark.parametrize("text", [*_TEXTS, "a" * 70_000 + "\u4e00", "caf\u00e9" * 20_000])
def test_wide_characters_found_as_the_class_finds_them(text: str) -> None:
    assert has_wide(text) == (_WIDE.search(text) is not None)


def test_wide_characters_found_without_compiling_a_pattern(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pattern compiled")

    monkeypatch.setattr(re, "compile", refused)
    monkeypatch.setattr(re, "search", refused)
    assert has_wide("a" * 100_000 + "\u3000") and not has_wide("caf\u00e9 \u2014" * 10_000)


# --------------------------------------------------------------------------- digests


@pytest.mark.parametrize("size", [0, 1, 1000, BUILTIN_DIGEST_BYTES, BUILTIN_DIGEST_BYTES + 1])
def test_the_digest_is_sha256_whatever_computes_it(size: int) -> None:
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()


def test_the_digest_of_a_short_document_loads_no_openssl() -> None:
    code = (
        "import sys; from core.text.digest import sha256_hex\n"
        "a = sha256_hex(b'short')\nloaded = 'hashlib' in sys.modules\n"
        "b = sha256_hex(b'x' * (1 << 20))\n"
        "print(a, loaded, 'hashlib' in sys.modules)"
    )
    assert _python(code).split() == [hashlib.sha256(b"short").hexdigest(), "False", "True"]


# --------------------------------------------------------------------------- flags' patterns


def test_rarely_needed_flag_patterns_are_compiled_when_first_needed() -> None:
    code = """
from core.engine.compare import compare
from core.flags.attribution import _attribution_forms
from core.flags.figure_words import _numberish
from core.model import Document
from core.report.comparison_json import comparison_to_json
sizes = lambda: (_attribution_forms.cache_info().currsize, _numberish.cache_info().currsize)
assert sizes() == (0, 0), "compiled at import"
comparison_to_json(compare(Document(path="a", text="The cat sat. It was red."),
                           Document(path="b", text="The dog sat. It was red.")))
print(sizes())
comparison_to_json(compare(Document(path="a", text="Smith said forty people came."),
                           Document(path="b", text="Smith claimed fifty people came.")))
print(sizes())
"""
    assert _python(code).split("\n")[:2] == ["(0, 0)", "(1, 1)"]


def _names_patterns_as_written_before() -> list[re.Pattern[str]]:
    """The names' patterns with the class of capitals in every look-behind and one
    look-behind per determiner form (as they were before the start-up work)."""
    caps, ends, tail = (
        names._CAPITALS,
        names._DETERMINER_ENDS,
        r"\w*(?:['\u2019\-\u2010\u2011]\w+)*",
    )
    determiners = "|".join(
        f"(?<=(?<!\\w){d} [{caps}])|(?<=(?<!\\w){d[0].upper()}{d[1:]} [{caps}])"
        for d in names.DETERMINERS
    )
    return [
        re.compile(rf"[{caps}](?<=[\w,;%] [{caps}]){tail}"),
        re.compile(rf"[{caps}](?<=[{ends}] [{caps}])(?:{determiners}){tail}"),
        re.compile(rf"[{caps}](?<=, [{caps}]){tail}"),
    ]


def test_the_names_patterns_find_what_they_found_before() -> None:
    now = [names._CAPITALISED_MID, names._AFTER_DETERMINER, names._AFTER_COMMA]
    pieces = ["a ", "A ", "an ", "this ", "These ", "every ", "Our ", "xa ", "ban ", ", "]
    pieces += ["Ë", "Жук", "Quay", "Ґ", "\n", " ", "'", "said, ", "word ", "% ", "_an "]
    rnd = random.Random(18)
    texts = [p.read_text(encoding="utf-8") for p in (CONDENSED, FULL)]
    texts += ["".join(rnd.choice(pieces) for _ in range(40)) for _ in range(2000)]
    for before, after in zip(_names_patterns_as_written_before(), now, strict=True):
        for text in texts:
            assert [m.span() for m in before.finditer(text)] == [
                m.span() for m in after.finditer(text)
            ], (after.pattern, text)
