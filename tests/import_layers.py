"""The import rules of ``core`` and ``gui``, read from the source (no module is imported).

Every ``import`` and ``from ... import`` of every module counts, including those inside
functions and under ``if TYPE_CHECKING:``. A module belongs to its package's layer
(``core.engine.compare`` to ``core.engine``; the shared leaves such as ``core.model`` to
``core``); a layer may import only the layers listed for it. On top of the layers, no
two modules may import each other through any chain (no circles), and nothing outside
``gui.shell`` names ``gui.shell.main_window``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# The shared leaves of core: model, errors, atomic, paths, settings, gcpause, figures (and
# core/__init__ for the version). They import only each other.
CORE_LEAVES = "core"

CORE_LAYERS: dict[str, set[str]] = {
    CORE_LEAVES: set(),
    "core.text": {CORE_LEAVES, "core.text.formats"},
    # The readers of document formats use the text layer's decoding and HTML text.
    "core.text.formats": {CORE_LEAVES, "core.text"},
    "core.engine": {CORE_LEAVES},
    "core.flags": {CORE_LEAVES, "core.engine"},
    "core.nway": {CORE_LEAVES, "core.engine"},
    "core.families": {CORE_LEAVES, "core.text", "core.engine"},
    "core.cluster": {CORE_LEAVES, "core.text", "core.families"},
    "core.command": {CORE_LEAVES, "core.text", "core.report"},
    "core.notes": {CORE_LEAVES, "core.text", "core.engine"},
    "core.report": {
        CORE_LEAVES,
        "core.text",
        "core.engine",
        "core.flags",
        "core.nway",
        "core.families",
        "core.notes",
    },
}
CORE_LAYERS["core.cli"] = set(CORE_LAYERS)

GUI_LAYERS: dict[str, set[str]] = {
    "gui": set(),
    "gui.common": set(),
    "gui.compare": {"gui.common"},
    "gui.work": {"gui.common", "gui.compare"},
    "gui.documents": {"gui.common", "gui.work"},
    "gui.families": {"gui.common", "gui.work", "gui.documents"},
    "gui.nway": {"gui.common", "gui.work", "gui.documents"},
    "gui.notes": {"gui.common", "gui.compare", "gui.work"},
    "gui.reports": {"gui.common"},
}
GUI_LAYERS["gui.shell"] = set(GUI_LAYERS)

MAIN_WINDOW = "gui.shell.main_window"


@dataclass(frozen=True)
class Import:
    """One import statement: who imports what, where."""

    importer: str
    imported: str
    line: int


def module_names(root: Path, package: str) -> dict[str, Path]:
    """Every module of ``package`` under ``root`` by dotted name (packages by their
    ``__init__``)."""
    found: dict[str, Path] = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _resolve(importer: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = importer.split(".")
    keep = len(base) - node.level + (1 if is_package else 0)
    return ".".join(base[:keep] + ([node.module] if node.module else []))


def imports_of(name: str, path: Path, known: set[str]) -> Iterator[Import]:
    """The imports of module ``name`` that name a module in ``known`` (the one named,
    or for ``from package import module`` the submodule)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = _known_prefix(alias.name, known)
                if target:
                    yield Import(name, target, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(name, is_package, node)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                target = full if full in known else _known_prefix(base, known)
                if target:
                    yield Import(name, target, node.lineno)


def _known_prefix(dotted: str, known: set[str]) -> str | None:
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in known:
            return candidate
    return None


def layer_of(module: str, layers: dict[str, set[str]]) -> str:
    """The layer ``module`` belongs to: the longest layer name that prefixes it."""
    best = ""
    for layer in layers:
        if (module == layer or module.startswith(layer + ".")) and len(layer) > len(best):
            best = layer
    return best


def layer_violations(imports: list[Import], layers: dict[str, set[str]]) -> list[str]:
    """Imports from a layer into one it may not use."""
    found = []
    for imp in imports:
        own, other = layer_of(imp.importer, layers), layer_of(imp.imported, layers)
        if not own or not other or own == other:
            continue
        if other not in layers[own]:
            found.append(
                f"{imp.importer}:{imp.line} imports {imp.imported} ({own} may not use {other})"
            )
    return found


def cycles(imports: list[Import]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    graph: dict[str, set[str]] = {}
    for imp in imports:
        if imp.importer != imp.imported:
            graph.setdefault(imp.importer, set()).add(imp.imported)
            graph.setdefault(imp.imported, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def all_imports(root: Path) -> list[Import]:
    """Every import between modules of ``core`` and ``gui`` under ``root``."""
    modules = {**module_names(root, "core"), **module_names(root, "gui")}
    known = set(modules)
    return [imp for name, path in modules.items() for imp in imports_of(name, path, known)]


def problems(root: Path) -> list[str]:
    """Every broken rule, one line each (empty when the tree keeps them all)."""
    imports = all_imports(root)
    found = layer_violations(imports, CORE_LAYERS)
    found += layer_violations(imports, GUI_LAYERS)
    found += [
        f"{imp.importer}:{imp.line} imports gui (core never imports Qt or the window)"
        for imp in imports
        if imp.importer.startswith("core") and imp.imported.startswith("gui")
    ]
    found += [
        f"{imp.importer}:{imp.line} imports {MAIN_WINDOW} (only gui.shell may)"
        for imp in imports
        if imp.imported == MAIN_WINDOW and not imp.importer.startswith("gui.shell")
    ]
    found += ["import circle: " + " <-> ".join(group) for group in cycles(imports)]
    return found
