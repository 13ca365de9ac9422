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
import contextlib
import itertools
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.engine import dataclass_code, native, regex_programs  # noqa: E402

PACKAGES = ("engine", "flags")
GROUP = "redline_native"  # the shared library: lib/redline_native__mypyc<suffix>
# Modules left as Python.
# (native decides whether the others are used; it loads regex_programs and
# dataclass_code before them)
LEFT_OUT = frozenset(
    {"core/engine/native.py", "core/engine/regex_programs.py", "core/engine/dataclass_code.py"}
)


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
    for path in sorted(p for s in ("py", "c", "h") for p in (ROOT / "core").rglob(f"*.{s}")):
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
    # The kernels written in C (core/**/*.c: the tokenizer's scanner, the span
    # comparison, ...): each module that imports one falls back to its Python without
    # a build. At -O3, as mypyc builds its own: the loops over a text's characters
    # (which read each one by the string's kind) run 10-25 % faster than at -O2.
    kernels = [
        Extension(
            ".".join(path.relative_to(ROOT).with_suffix("").parts),
            [path.relative_to(ROOT).as_posix()],
            extra_compile_args=["-O3"],
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
    record_programs(stage / regex_programs.FILE, stage / dataclass_code.FILE)
    (stage / native.MANIFEST).write_text(before, encoding="utf-8")
    old = final.with_name("native.old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    stage.rename(final)
    shutil.rmtree(old, ignore_errors=True)
    return final


# What the recorded comparisons hold besides the bundled samples: the languages and
# scripts whose expressions the engine and the flags compile only when they meet them.
WORKLOAD = (
    (
        "The mayor, John Smith, said on Tuesday that 1,200 homes were flooded and "
        '"at least 30 people" were hurt. About 4.5 million dollars (3.2%) went to '
        "repairs, according to officials. It was not the first time: in 2019 it cost "
        "$2.1bn.\n\nPolice reportedly arrested two men, aged 34 and 41.\n\n"
        "* The eight-\nminute video, filmed on 3 March, may have been shown to 20 people. "
        "They won 3-1.",
        "Mayor John Smyth said on Wednesday that 1,500 homes were flooded and "
        '"no fewer than 40 people" were hurt. Around 4.7 million dollars (3.5%) went to '
        "repairs. It was the first time: in 2018 it cost $2.3bn.\n\nPolice arrested "
        "three men, aged 34 and 44, officials said.\n\n"
        "* The nine-minute video, filmed on 4 March, was shown to 25 people. They won 2-1.",
    ),
    (
        "Am 10. November sagte der Bürgermeister, dass 22.000 Menschen be-\ntroffen "
        "seien.\n\nDer Bürgermeister sagte am Dienstag, dass 22.000 Menschen betroffen seien. "
        "«Wir haben nichts gewusst», sagte er. Мэр заявил, что пострадали 300 человек.",
        "Am 11. November sagte der Bürgermeister, dass 21.000 Menschen betroffen "
        "seien.\n\nDer Bürgermeister sagte am Mittwoch, dass 23.000 Menschen betroffen seien. "
        "«Wir haben alles gewusst», erklärte er. Мэр заявил, что пострадали 350 человек.",
    ),
    (
        "市长周二表示，至少有30人受伤，约1200户房屋被淹。"
        "東京都は5日、新たに120人の感染を確認したと発表した。"
        "서울시는 2억 원을 지원한다고 밝혔다. 𝑥 + 𝑦 = 3\n\n"
        "Minister Anna Berg (𝑥 = 2) met Jean-Luc Picard in Paris, the ministry said.",
        "市长周三表示，至少有40人受伤，约1500户房屋被淹。"
        "東京都は6日、新たに150人の感染を確認したと発表した。"
        "서울시는 3억 원을 지원한다고 밝혔다. 𝑥 + 𝑦 = 4\n\n"
        "Minister Anne Berg (𝑥 = 3) met Jean-Luc Picard in Lyon, a spokesman said.",
    ),
)


def record_programs(target: Path, code_target: Path) -> None:
    """Write the programs of the regular expressions a few comparisons compile
    (``core.engine.regex_programs``) to ``target``, and the code of the methods
    ``dataclasses`` writes for Redline's classes (``core.engine.dataclass_code``) to
    ``code_target``: the bundled samples, then ``WORKLOAD``, compared in a fresh
    process on the pure path (the same patterns, the same classes), then every module
    of ``core`` imported (the classes no comparison defines)."""
    result = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "--record",
            str(target),
            "--record-code",
            str(code_target),
        ],
        env={**os.environ, native.PURE_VARIABLE: "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not target.exists() or not code_target.exists():
        raise SystemExit(f"build_native: recording the expressions failed\n{result.stderr}")


def _record_here(target: Path, code_target: Path) -> None:
    import io
    import tempfile

    codes = dataclass_code.recording()
    from core.cli import main as redline

    sys.path.insert(0, str(ROOT / "bench"))  # (this script's folder: run, not imported)
    from variants import make_variant

    samples = sorted((ROOT / "resources" / "samples").glob("*.txt"))
    with tempfile.TemporaryDirectory() as folder:
        written = []
        for k, pair in enumerate(WORKLOAD):
            paths = (Path(folder, f"{k}-old.txt"), Path(folder, f"{k}-new.txt"))
            for path, text in zip(paths, pair):
                path.write_text(text, encoding="utf-8")
            written.append(paths)
        # Each sample against a heavily edited version of itself (``variants``: a
        # sentence in two cut or joined, words put in, figures and names changed), so
        # that the flags' expressions for quotes, speakers and figures are recorded too.
        for k, sample in enumerate(samples):
            variant = make_variant(sample.read_text(encoding="utf-8"), seed=k, rate=0.5)
            paths = (Path(folder, f"v{k}-old.txt"), Path(folder, f"v{k}-new.txt"))
            for path, text in zip(paths, (variant.old, variant.new)):
                path.write_text(text, encoding="utf-8")
            written.append(paths)
        for old, new in [*itertools.pairwise(samples), *written]:
            with contextlib.redirect_stdout(io.TextIOWrapper(io.BytesIO(), encoding="utf-8")):
                code = redline(["compare", "--format", "json", str(old), str(new)])
            if code not in (0, 1):  # (1: the texts differ)
                raise SystemExit(f"build_native: comparing {old.name} and {new.name} failed")
    data = regex_programs.record(regex_programs.cached_patterns())
    target.write_bytes(data)
    _import_every_module()
    code_target.write_bytes(dataclass_code.record(codes))


def _import_every_module() -> None:
    """Every module of ``core`` imported (its classes defined). Not the window's: Qt is
    not for a build's step (the window defines its classes as before)."""
    import importlib

    for package in ("core",):
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__main__":
                continue  # (a program: importing it runs it)
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            with contextlib.suppress(Exception):
                importlib.import_module(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--packages", default=",".join(PACKAGES), help="core packages to compile")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="C compilers at once")
    parser.add_argument("--status", action="store_true", help="say which path Redline takes")
    parser.add_argument("--record", metavar="FILE", help=argparse.SUPPRESS)  # (a build's step)
    parser.add_argument("--record-code", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.record:
        _record_here(Path(args.record), Path(args.record_code))
        return
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
