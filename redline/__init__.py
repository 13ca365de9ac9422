"""The installed program's entry point: puts Redline's own packages first on the path.

In the repository (and an editable install) ``core``, ``gui`` and ``resources`` are
top-level folders. The wheel installs them inside this package instead
(``site-packages/redline/core``, ...), so they never share a folder with another
distribution's top-level ``core`` or ``gui``: pip would otherwise write both into one
``site-packages/core`` and the last one installed (or uninstalled) would break the
other. ``run`` puts this folder first on ``sys.path`` (and on ``PYTHONPATH``, for the
child processes that compare large pairs: Python 3.11's fork server starts with the
default path and would import another distribution's ``gui`` first) and starts the
``redline`` command; the code keeps importing ``core`` and ``gui`` by those names.

May import: ``gui.shell.launcher`` (after the path is set); nothing else of Redline.
"""

from __future__ import annotations

import os
import sys

# os.path, not pathlib: pathlib and what it imports (urllib.parse, ipaddress) cost
# ~5 ms of every start, and nothing of ``redline compare`` needs them.
_HERE = os.path.dirname(os.path.realpath(__file__))


def use_bundled_packages() -> None:
    """Make ``core``, ``gui`` and ``resources`` of the wheel win over any others.

    A no-op in the repository, where they are not inside this folder.
    """
    if not os.path.isfile(os.path.join(_HERE, "core", "__init__.py")):
        return
    here = _HERE
    if sys.path[:1] != [here]:
        sys.path.insert(0, here)
    inherited = os.environ.get("PYTHONPATH", "")
    if inherited.split(os.pathsep)[:1] != [here]:
        os.environ["PYTHONPATH"] = here + (os.pathsep + inherited if inherited else "")


def run() -> None:
    """The ``redline`` console script."""
    use_bundled_packages()
    from gui.shell.launcher import run as launch

    launch()
