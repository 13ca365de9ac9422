"""``redline install-desktop``: Redline in this user's application menu (no Qt).

Copies the desktop entry, the icon and the AppStream metainfo from ``resources`` into
the user's XDG data folder (``$XDG_DATA_HOME``, else ``~/.local/share``):
``applications/redline.desktop``, ``icons/hicolor/scalable/apps/redline.svg`` and
``metainfo/redline.metainfo.xml``. The entry's ``Exec`` names this installation's
``redline`` by its full path, so the menu (and "Open With" on folders and text files)
works although a virtual environment's ``bin`` is not on the desktop's ``PATH``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from core.atomic import atomic_write_bytes, atomic_write_text
from core.paths import resources_dir

APP_ID = "redline"
# Characters that make an Exec argument need quoting (Desktop Entry spec, "Exec key").
RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def data_home(environ: dict[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME``, else ``~/.local/share``."""
    env = os.environ if environ is None else environ
    home = env.get("XDG_DATA_HOME", "")
    return Path(home) if os.path.isabs(home) else Path.home() / ".local" / "share"


def exec_argument(arg: str) -> str:
    """``arg`` as written in an ``Exec`` value: quoted when it holds a reserved
    character, ``%`` doubled, then backslashes doubled (the string-value escape,
    applied on top of the quoting)."""
    arg = arg.replace("%", "%%")
    if any(c in RESERVED for c in arg):
        arg = '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
    return arg.replace("\\", "\\\\")


def redline_command(argv0: str | None = None) -> list[str]:
    """How the desktop should start this installation: its ``redline`` script by full
    path, or ``python -m redline`` with this interpreter when run some other way."""
    script = Path(sys.argv[0] if argv0 is None else argv0)
    if script.name == "redline" and script.is_file():
        return [str(script.resolve())]
    return [sys.executable, "-m", "redline"]


def desktop_entry(template: str, command: list[str]) -> str:
    """The desktop entry of ``resources`` with ``Exec``/``TryExec`` naming ``command``."""
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + " ".join(exec_argument(a) for a in [*command, "open"]) + " %F"
        elif line.startswith("TryExec="):
            line = "TryExec=" + command[0].replace("\\", "\\\\")
        lines.append(line)
    return "\n".join(lines) + "\n"


def install_desktop(data: Path, command: list[str], resources: Path | None = None) -> list[Path]:
    """Write the entry, icon and metainfo under ``data``; returns the files written."""
    source = resources or resources_dir()
    entry = data / "applications" / f"{APP_ID}.desktop"
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    metainfo = data / "metainfo" / f"{APP_ID}.metainfo.xml"
    for path in (entry, icon, metainfo):
        path.parent.mkdir(parents=True, exist_ok=True)
    template = (source / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    atomic_write_text(entry, desktop_entry(template, command))
    atomic_write_bytes(icon, (source / f"{APP_ID}.svg").read_bytes())
    atomic_write_bytes(metainfo, (source / f"{APP_ID}.metainfo.xml").read_bytes())
    return [entry, icon, metainfo]


def _refresh_mime_cache(data: Path) -> None:
    """Let "Open With" see the entry's file types now (where the tool exists; the
    menu itself watches the folder)."""
    tool = shutil.which("update-desktop-database")
    if tool:
        folder = str(data / "applications")
        subprocess.run([tool, "-q", folder], check=False, capture_output=True, timeout=60)


def main(argv: list[str]) -> int:
    """``redline install-desktop``; returns the exit code."""
    if argv:
        sys.stderr.write(f"redline install-desktop: takes no arguments, not {argv[0]!r}\n")
        return 2
    data = data_home()
    try:
        written = install_desktop(data, redline_command())
    except OSError as exc:
        sys.stderr.write(f"redline install-desktop: cannot write {exc.filename}: {exc.strerror}\n")
        return 2
    _refresh_mime_cache(data)
    for path in written:
        sys.stdout.write(f"installed {path}\n")
    return 0
