"""The compiled engine (``core.engine.native``, ``make native``): when a build is used, and
that what crosses a process (pickled) comes back whole on either path.

The whole suite runs on both paths in CI (``.ci/run``: ``make test``, then ``make
test-native``); ``REDLINE_EXPECT_NATIVE=1`` makes this file check that the second run
really imported the compiled modules.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from core.engine import native, tokens
from core.engine.compare import compare
from core.engine.position_map import position_map
from core.flags.detect import flag_comparison
from core.flags.names import names_aside
from core.flags.quotes import quotes_aside
from core.text.document import document_from_text

ROOT = Path(__file__).resolve().parent.parent
OLD = (
    "WASHINGTON (Reuters) - The agency said on Monday that 40 people had died, "
    '"far more than we feared," Mr. Ortega told reporters.\n\n'
    "Officials did not confirm the figure. The storm moved north.\n"
)
NEW = (
    "The agency said on Tuesday that 45 people had died, Mr. Ortega said.\n\n"
    "The storm moved north. Officials confirmed the figure.\n"
)


def _build(tmp_path: Path, sources: dict[str, str]) -> tuple[Path, Path]:
    """A fake checkout (``core/...`` with these sources) and a build folder beside it
    whose manifest fingerprints them as they are now."""
    root = tmp_path / "repo"
    for relative, text in sources.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    build = root / "build" / "native"
    build.mkdir(parents=True)
    lines = [native.MANIFEST_HEADER, native.extension_suffix()]
    lines += [native.fingerprint(str(root), relative) for relative in sorted(sources)]
    (build / native.MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root, build


def test_a_build_of_the_sources_as_they_are_is_used(tmp_path: Path) -> None:
    root, build = _build(tmp_path, {"core/a.py": "A = 1\n", "core/engine/b.py": "B = 2\n"})
    used, why = native.check_build(str(build), str(root), {})
    assert used and "compiled" in why


def test_one_source_edited_after_the_build_turns_it_off(tmp_path: Path) -> None:
    root, build = _build(tmp_path, {"core/a.py": "A = 1\n", "core/engine/b.py": "B = 2\n"})
    (root / "core/engine/b.py").write_text("B = 22\n", encoding="utf-8")
    assert native.check_build(str(build), str(root), {}) == (
        False,
        "pure Python (the compiled build is stale: core/engine/b.py changed)",
    )
    (root / "core/engine/b.py").unlink()
    assert "core/engine/b.py is gone" in native.check_build(str(build), str(root), {})[1]


def test_a_build_of_another_python_or_layout_or_none_is_not_used(tmp_path: Path) -> None:
    root, build = _build(tmp_path, {"core/a.py": "A = 1\n"})
    manifest = build / native.MANIFEST
    lines = manifest.read_text(encoding="utf-8").splitlines()
    manifest.write_text("\n".join([lines[0], ".cpython-39-x.so", *lines[2:]]), encoding="utf-8")
    assert native.check_build(str(build), str(root), {}) == (
        False,
        "pure Python (the compiled build is for .cpython-39-x.so)",
    )
    manifest.write_text("\n".join(["redline-native 0", *lines[1:]]), encoding="utf-8")
    assert "unreadable" in native.check_build(str(build), str(root), {})[1]
    manifest.unlink()
    assert native.check_build(str(build), str(root), {}) == (
        False,
        "pure Python (no compiled build: make native)",
    )


def test_redline_pure_turns_a_good_build_off(tmp_path: Path) -> None:
    root, build = _build(tmp_path, {"core/a.py": "A = 1\n"})
    assert native.check_build(str(build), str(root), {"REDLINE_PURE": "1"}) == (
        False,
        "pure Python (REDLINE_PURE is set)",
    )
    assert native.check_build(str(build), str(root), {"REDLINE_PURE": "0"})[0]


def test_this_process_takes_the_path_it_says() -> None:
    used, why = native.status()
    suffix = native.extension_suffix()
    assert tokens.__file__.endswith(suffix) == used, why
    if os.environ.get("REDLINE_EXPECT_NATIVE") == "1":
        assert used, why


def test_the_module_says_which_path() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "build_native.py"), "--status"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout == native.status()[1] + "\n"


def _round_trip(value: object) -> object:
    return pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def test_what_crosses_a_process_comes_back_whole() -> None:
    # The jobs counted in a child (units, names, quotes, flags) and what the window's
    # engine process sends (the comparison with its rows, the scroll map, the flags):
    # compiled, a frozen class refuses the attribute-by-attribute setting pickle does
    # by default.
    old, new = document_from_text(OLD, "old.txt"), document_from_text(NEW, "new.txt")
    comparison = compare(old, new)
    flags = flag_comparison(comparison)
    assert flags
    sent: list[object] = [
        tokens.tokenize(OLD),
        comparison,
        position_map(comparison),
        flags,
        names_aside()[1](OLD, NEW),
        quotes_aside()[1](OLD, NEW),
    ]
    for value in sent:
        back = _round_trip(value)
        assert type(back) is type(value)
        # Equal, not pickled alike: a set (the names counted aside) may come back in
        # another order, by the process's hash seed (1 run in 10 failed so).
        assert back == value


@pytest.mark.parametrize("sample", sorted((ROOT / "resources" / "samples").glob("*.txt"))[:1])
def test_the_scroll_map_keeps_its_last_anchor(sample: Path) -> None:
    # A paragraph added at the end: the map's last two pairs share the old text's end,
    # and the last one (both ends) must replace, not be dropped.
    old = sample.read_text(encoding="utf-8")
    new = old + "\n\nA paragraph the editor added at the end of the article.\n"
    mapping = position_map(
        compare(document_from_text(old, "old.txt"), document_from_text(new, "new.txt"))
    )
    assert (mapping.old_anchors[-1], mapping.new_anchors[-1]) == (len(old), len(new))
    assert mapping.old_to_new(len(old)) == len(new)
    assert mapping.new_to_old(len(new)) == len(old)
