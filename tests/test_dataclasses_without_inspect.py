"""``core.import_dataclasses``: ``dataclasses`` imported without ``inspect``, which comes
when it is first needed, and is the real module for everyone else."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(code: str) -> str:
    """``code`` in a fresh Python without ``site`` (which may import ``inspect``
    itself), with the repository first on its path."""
    prelude = f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
    done = subprocess.run(
        [sys.executable, "-S", "-c", prelude + code],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_importing_core_leaves_inspect_unimported() -> None:
    out = _run(
        "import core, dataclasses\n"
        "from core.model import Block\n"
        "print('inspect' in sys.modules, 'ast' in sys.modules, Block.__doc__.split()[0])\n"
    )
    assert out.split() == ["False", "False", "A"]


def test_a_class_without_a_docstring_gets_its_signature() -> None:
    # (what dataclasses asks inspect for: the real module, imported then)
    out = _run(
        "import core, dataclasses\n"
        "@dataclasses.dataclass\n"
        "class Point:\n"
        "    x: int\n"
        "    y: int = 0\n"
        "print(Point.__doc__, 'inspect' in sys.modules)\n"
    )
    assert out.split() == ["Point(x:", "int,", "y:", "int", "=", "0)", "True"]


def test_every_later_import_gets_the_real_inspect() -> None:
    out = _run(
        "import core, dataclasses, inspect\n"
        "print(type(inspect).__name__, inspect.signature(len) is not None,"
        " hasattr(inspect, 'getsource'))\n"
    )
    assert out.split() == ["module", "True", "True"]
