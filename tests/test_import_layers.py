"""The folders show the architecture: imports go down the layers only, with no circles."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.import_layers import CORE_LAYERS, GUI_LAYERS, problems

REPO = Path(__file__).resolve().parent.parent


def test_core_and_gui_keep_their_import_rules() -> None:
    assert problems(REPO) == []


def test_every_package_is_a_layer_and_says_what_it_holds() -> None:
    for top, layers in (("core", CORE_LAYERS), ("gui", GUI_LAYERS)):
        for init in sorted((REPO / top).glob("*/__init__.py")):
            name = f"{top}.{init.parent.name}"
            assert name in layers, f"{name} has no place in the import layers"
            text = init.read_text(encoding="utf-8")
            assert text.startswith('"""') and "May import" in text, f"{init} lacks its docstring"


def test_only_leaves_and_package_faces_stand_at_the_top() -> None:
    top = sorted(p.name for top in ("core", "gui") for p in (REPO / top).glob("*.py"))
    assert len(top) <= 10, top


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (  # the engine reaching up into the reports
            {"core/engine/compare.py": "from core.report.save import save_report\n"},
            "core.engine may not use core.report",
        ),
        (  # an upward import hidden in a function still counts
            {"core/text/document.py": "def f():\n    from core.engine import tokens\n"},
            "core.text may not use core.engine",
        ),
        (  # relative imports are resolved
            {"core/flags/detect.py": "from ..notes import store\n"},
            "core.flags may not use core.notes",
        ),
        (
            {"gui/families/tree.py": "if TYPE_CHECKING:\n    from gui.shell import main_window\n"},
            "only gui.shell may",
        ),
        (
            {
                "gui/compare/pane.py": "from gui.compare import view\n",
                "gui/compare/view.py": "import gui.compare.pane\n",
            },
            "import circle: gui.compare.pane <-> gui.compare.view",
        ),
        ({"core/model.py": "import gui.common.styles\n"}, "core never imports Qt"),
    ],
)
def test_the_rules_catch_what_they_forbid(tmp_path: Path, files: dict[str, str], expected: str):
    base = {
        "core/__init__.py": "",
        "core/model.py": "",
        "core/engine/__init__.py": "",
        "core/engine/tokens.py": "",
        "core/engine/compare.py": "",
        "core/text/__init__.py": "",
        "core/text/document.py": "",
        "core/report/__init__.py": "",
        "core/report/save.py": "",
        "core/flags/__init__.py": "",
        "core/flags/detect.py": "",
        "core/notes/__init__.py": "",
        "core/notes/store.py": "",
        "gui/__init__.py": "",
        "gui/common/__init__.py": "",
        "gui/common/styles.py": "",
        "gui/compare/__init__.py": "",
        "gui/compare/pane.py": "",
        "gui/compare/view.py": "",
        "gui/families/__init__.py": "",
        "gui/families/tree.py": "",
        "gui/shell/__init__.py": "",
        "gui/shell/main_window.py": "",
    }
    root = _tree(tmp_path, {**base, **files})
    found = problems(root)
    assert any(expected in line for line in found), found
    assert problems(_tree(tmp_path, base)) == []
