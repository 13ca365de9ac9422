"""The system libraries Qt's platform plugin needs, checked before the window starts.

PySide6's wheel brings Qt but not the X11/xcb, OpenGL, font and D-Bus libraries its
``xcb`` (and ``offscreen``) platform plugin links against; without one Qt aborts with
its own message. ``python -m gui.shell.system_libs [--platform xcb] [--install]`` asks
the dynamic loader (``ldd``) which of the plugin's libraries cannot be found, and names
the Debian/Ubuntu packages that hold them: as root on Debian or Ubuntu with
``--install`` it installs them with ``apt-get``, otherwise it prints the one command
that does. ``make run`` and ``make test`` run it. No Qt is imported.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

# Library file -> the Debian 12 / Ubuntu package holding it (the transitive
# dependencies of PySide6 6.11's libqxcb.so that a minimal system may lack).
PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libOpenGL.so.0": "libopengl0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libpng16.so.16": "libpng16-16",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
}
# Without any font Qt draws empty boxes: the smallest set that covers Latin, Greek
# and Cyrillic.
FONT_PACKAGE = "fonts-dejavu-core"
FONT_FOLDERS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")
FONT_SUFFIXES = {".ttf", ".otf", ".ttc", ".pfb"}


def platform_plugin(platform: str) -> Path | None:
    """PySide6's plugin file for ``platform`` (``xcb``, ``offscreen``), None without
    PySide6 or that plugin."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(spec.submodule_search_locations[0]) / "Qt" / "plugins" / "platforms"
    found = plugin / f"libq{platform}.so"
    return found if found.is_file() else None


def missing_in(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` reported as ``not found``, each once, in its order."""
    missing: list[str] = []
    for line in ldd_output.splitlines():
        name, _, where = line.strip().partition(" => ")
        if where.strip() == "not found" and name not in missing:
            missing.append(name)
    return missing


def missing_libraries(plugin: Path) -> list[str]:
    """The libraries the dynamic loader cannot find for ``plugin`` (and what it uses)."""
    done = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=60)
    return missing_in(done.stdout)


def has_fonts(folders: tuple[str, ...] = FONT_FOLDERS) -> bool:
    """Whether any font file is installed where fontconfig looks by default."""
    for folder in folders:
        root = Path(folder).expanduser()
        if root.is_dir() and any(p.suffix.lower() in FONT_SUFFIXES for p in root.rglob("*")):
            return True
    return False


def packages_for(libraries: list[str]) -> tuple[list[str], list[str]]:
    """The packages holding ``libraries`` (sorted, each once), and the libraries no
    package is known for."""
    packages = sorted({PACKAGES[lib] for lib in libraries if lib in PACKAGES})
    return packages, [lib for lib in libraries if lib not in PACKAGES]


def _can_apt_install() -> bool:
    return (
        os.geteuid() == 0
        and Path("/etc/debian_version").is_file()
        and bool(shutil.which("apt-get"))
    )


def _apt_install(packages: list[str]) -> bool:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)
    done = subprocess.run(["apt-get", "install", "-y", "-qq", *packages], env=env, check=False)
    return done.returncode == 0


def main(argv: list[str] | None = None) -> int:
    """Check (and with ``--install`` as root on Debian, install); 0 when Qt can load."""
    parser = argparse.ArgumentParser(prog="python -m gui.shell.system_libs")
    parser.add_argument("--platform", default="xcb", help="Qt platform plugin (xcb, offscreen)")
    parser.add_argument("--install", action="store_true", help="apt-get install what is missing")
    args = parser.parse_args(argv)
    if not sys.platform.startswith("linux") or not shutil.which("ldd"):
        return 0  # Qt's wheels for macOS and Windows bring what they load
    plugin = platform_plugin(args.platform)
    if plugin is None:
        sys.stderr.write(f"redline: Qt's {args.platform} platform plugin is not installed\n")
        return 1
    libraries = missing_libraries(plugin)
    packages, unknown = packages_for(libraries)
    if not has_fonts():
        packages = sorted([*packages, FONT_PACKAGE])
    if not packages and not unknown:
        return 0
    what = ", ".join(libraries) or "a font"
    if packages and not unknown and args.install and _can_apt_install():
        print(
            f"redline: Qt's {args.platform} plugin needs {what}: installing {' '.join(packages)}",
            flush=True,  # before apt-get's own output
        )
        if _apt_install(packages) and not missing_libraries(plugin):
            return 0
    sys.stderr.write(f"redline: Qt's {args.platform} platform plugin cannot load: missing {what}\n")
    if packages:
        sudo = "" if os.geteuid() == 0 else "sudo "
        sys.stderr.write(f"Install with:\n    {sudo}apt-get install {' '.join(packages)}\n")
    if unknown:
        sys.stderr.write(f"Install the packages that provide {', '.join(unknown)}\n")
    return 1


if __name__ == "__main__":
    sys.exit(main())
