"""The installed program's entry point: puts Redline's own packages first on the path.

In the repository (and an editable install) ``core``, ``gui`` and ``resources`` are
top-level folders. The wheel installs them inside this package instead
(``site-packages/redline/core``, ...), so they never share a folder with another
distribution's top-level ``core`` or ``gui``: pip would otherwise write both into one
``site-packages/core`` and the last one installed (or uninstalled) would break the
other. ``run`` puts this folder first on ``sys.path`` and starts the ``redline``
command; the code keeps importing ``core`` and ``gui`` by those names.

May import: ``gui.shell.launcher`` (after the path is set); nothing else of Redline.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def use_bundled_packages() -> None:
    """Make ``core``, ``gui`` and ``resources`` of the wheel win over any others.

    A no-op in the repository, where they are not inside this folder.
    """
    if (_HERE / "core" / "__init__.py").is_file() and sys.path[:1] != [str(_HERE)]:
        sys.path.insert(0, str(_HERE))


def run() -> None:
    """The ``redline`` console script."""
    use_bundled_packages()
    from gui.shell.launcher import run as launch

    launch()
