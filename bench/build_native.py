"""Build the compiled engine: ``core.engine`` and ``core.flags`` through mypyc, and the
kernels written in C (``core/**/*.c``: the tokenizer's scanner, the span comparison).

``make native`` runs this. It needs a C compiler, this Python's headers, mypy (the
``test`` extra) and setuptools 77 or newer (the ``native`` extra: older ones reject
pyproject.toml's licence field). Without a build Redline runs its pure-Python path,
with the same output (``core.engine.native`` says when a build is used).

The build goes to ``build/native.new/`` and replaces ``build/native/`` only when whole,
with the manifest written last: a failed or interrupted build leaves the last good one
(or none) in place, never half of one.

Usage: ``python bench/build_native.py [--packages engine,flags] [--jobs N] [--status]``
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.engine import native  # noqa: E402

PACKAGES = ("engine", "flags")
GROUP = "redline_native"  # the shared library: lib/redline_native__mypyc<suffix>
# Modules left as Python.
LEFT_OUT = frozenset({"core/engine/native.py"})  # (it decides whether the others are used)


def sources(packages: tuple[str, ...]) -> list[str]:
    """The modules to compile, relative to the repository ("core/engine/tokens.py")."""
    found = []
    for package in packages:
        for path in sorted((ROOT / "core" / package).glob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if path.name != "__init__.py" and relative not in LEFT_OUT:
                found.append(relative)
    return found


def manifest() -> str:
    """The manifest: its header, this Python's suffix, a line per source under core/."""
    lines = [native.MANIFEST_HEADER, native.extension_suffix()]
    for path in sorted([*(ROOT / "core").rglob("*.py"), *(ROOT / "core").rglob("*.c")]):
        lines.append(native.fingerprint(str(ROOT), path.relative_to(ROOT).as_posix()))
    return "\n".join(lines) + "\n"


def build(packages: tuple[str, ...], jobs: int) -> Path:
    """Compile into build/native.new/, then put it in place of build/native/."""
    from mypyc.build import mypycify
    from setuptools import Extension, setup

    final = Path(native.BUILD)
    stage = final.with_name("native.new")
    work = final.with_name("native-work")
    shutil.rmtree(stage, ignore_errors=True)
    before = manifest()
    os.chdir(ROOT)
    modules = sources(packages)
    # The kernels written in C (core/engine/*.c: the tokenizer's scanner, the span
    # comparison, ...): each module that imports one falls back to its Python without
    # a build.
    kernels = [
        Extension(
            ".".join(path.relative_to(ROOT).with_suffix("").parts),
            [path.relative_to(ROOT).as_posix()],
            extra_compile_args=["-O2"],
        )
        for path in sorted((ROOT / "core").rglob("*.c"))
    ]
    compiled = mypycify(
        modules,
        opt_level="3",
        group_name=GROUP,
        multi_file=True,  # one C file per module: a rebuild compiles what changed
        target_dir=str(work / "c"),
    )
    setup(
        name="redline-native",
        packages=[],
        py_modules=[],
        ext_modules=[*kernels, *compiled],
        script_args=[
            "--quiet",
            "build_ext",
            "--build-lib",
            str(stage / "out"),
            "--build-temp",
            str(work / "objects"),
            "--parallel",
            str(jobs),
        ],
    )
    if manifest() != before:
        raise SystemExit("build_native: core/ changed while it was compiled; run it again")
    built = stage / "out"
    (stage / native.LIBRARY).mkdir(parents=True)
    for library in built.glob(f"{GROUP}__mypyc*"):
        library.rename(stage / native.LIBRARY / library.name)
    (built / "core").rename(stage / "core")
    shutil.rmtree(built)
    (stage / native.MANIFEST).write_text(before, encoding="utf-8")
    old = final.with_name("native.old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    stage.rename(final)
    shutil.rmtree(old, ignore_errors=True)
    return final


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--packages", default=",".join(PACKAGES), help="core packages to compile")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="C compilers at once")
    parser.add_argument("--status", action="store_true", help="say which path Redline takes")
    args = parser.parse_args()
    if args.status:
        print(native.status()[1])
        return
    packages = tuple(p for p in args.packages.split(",") if p)
    unknown = [p for p in packages if p not in PACKAGES]
    if unknown:
        raise SystemExit(f"build_native: not a compiled package: {', '.join(unknown)}")
    started = time.perf_counter()
    final = build(packages, args.jobs)
    took = time.perf_counter() - started
    print(f"build_native: {', '.join(packages)} compiled into {final} in {took:.0f} s")


if __name__ == "__main__":
    main()
