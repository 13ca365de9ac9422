#!/usr/bin/env python3
"""Start-up of whole ``redline`` processes, against a peer checkout in the same run.

    .venv/bin/python bench/bench_startup.py --peer /tmp/peer --runs 15

Times, as whole processes, ``redline compare OLD NEW --format json`` on the 10k pair
(``bench/out/10k``, built by ``make_pairs.py`` when missing), ``redline --version`` and
``redline compare --help``, each with this checkout's ``.venv/bin/redline`` and, when
``--peer DIR`` names another checkout with its own ``.venv``, with the peer's,
alternating run by run so that both see the same load. Prints medians of wall and CPU
time (user + sys, from ``os.wait4``) and the load average before and after. Both
checkouts get their byte code compiled first (``compileall``), as an installed
``redline`` has it.

Each checkout runs with itself first on ``PYTHONPATH``: a worktree whose ``.venv`` is a
link to the main checkout's editable install would otherwise run the main checkout's
code. Before timing, each side is asked where its ``core`` comes from, and the run stops
if that is not the checkout itself.

With ``--instructions`` each command also runs once under valgrind's callgrind
(``PYTHONHASHSEED=0``): the instructions executed, the same whatever the load of a
shared machine (about 50 times slower to run).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
PAIR = BENCH / "out" / "10k"


def commands(pair: Path) -> dict[str, list[str]]:
    """The measured commands, by label, without the executable."""
    return {
        "compare 10k json": [
            "compare",
            str(pair / "old.txt"),
            str(pair / "new.txt"),
            "--format",
            "json",
        ],
        "--version": ["--version"],
        "compare --help": ["compare", "--help"],
    }


def environment(checkout: Path) -> dict[str, str]:
    """The environment of ``checkout``'s runs: its own code first on the path."""
    return {**os.environ, "PYTHONPATH": str(checkout)}


def check_imports_itself(checkout: Path) -> None:
    """Stop unless ``checkout``'s ``redline`` imports the checkout's own ``core``."""
    python = checkout / ".venv" / "bin" / "python"
    done = subprocess.run(
        [str(python), "-c", "import redline, core; print(core.__file__)"],
        env=environment(checkout),
        cwd="/",
        capture_output=True,
        text=True,
        check=True,
    )
    found = Path(done.stdout.strip()).resolve()
    if not found.is_relative_to(checkout.resolve()):
        raise SystemExit(f"{checkout}: its redline imports {found}, not its own core")


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``cmd`` (output to /dev/null)."""
    t0 = time.perf_counter()
    pid = os.posix_spawn(
        cmd[0],
        cmd,
        env,
        file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)],
    )
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)}: exit {code}")
    return wall, usage.ru_utime + usage.ru_stime


def instructions(cmd: list[str], env: dict[str, str]) -> int:
    """Instructions executed by one run of ``cmd`` (callgrind's ``Ir`` total)."""
    out = Path(os.devnull)
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd],
        env={**env, "PYTHONHASHSEED": "0"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no count: {done.stderr[-500:]}")
    return int(found.group(1))


def compile_bytecode(checkout: Path) -> None:
    python = checkout / ".venv" / "bin" / "python"
    dirs = [str(checkout / d) for d in ("core", "gui", "redline") if (checkout / d).is_dir()]
    subprocess.run(
        [str(python), "-m", "compileall", "-q", *dirs], check=True, stdout=subprocess.DEVNULL
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer", type=Path, help="another checkout with its own .venv")
    parser.add_argument("--runs", type=int, default=15, help="runs per command and checkout")
    parser.add_argument(
        "--instructions", action="store_true", help="also count instructions (valgrind)"
    )
    args = parser.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind (Debian package valgrind)")
    if not (PAIR / "new.txt").exists():
        subprocess.run([sys.executable, str(BENCH / "make_pairs.py"), "--sizes", "10k"], check=True)
    checkouts = {"this": REPO}
    if args.peer:
        checkouts["peer"] = args.peer.resolve()
    for checkout in checkouts.values():
        compile_bytecode(checkout)
        check_imports_itself(checkout)
    load_before = os.getloadavg()
    times: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for label, rest in commands(PAIR).items():
        for _ in range(args.runs):
            for name, checkout in checkouts.items():
                exe = str(checkout / ".venv" / "bin" / "redline")
                run = run_once([exe, *rest], environment(checkout))
                times.setdefault((label, name), []).append(run)
    load_after = os.getloadavg()
    counts: dict[tuple[str, str], int] = {}
    if args.instructions:
        for label, rest in commands(PAIR).items():
            for name, checkout in checkouts.items():
                exe = str(checkout / ".venv" / "bin" / "redline")
                counts[(label, name)] = instructions([exe, *rest], environment(checkout))
    print(
        f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f}; "
        f"{args.runs} runs each"
    )
    unit = " s (CPU) [instructions, M]" if counts else " s (CPU)"
    print("| command | " + " | ".join(f"{n}{unit}" for n in checkouts) + " |")
    print("|---|" + "---:|" * len(checkouts))
    for label in commands(PAIR):
        cells = []
        for name in checkouts:
            runs = times[(label, name)]
            wall = statistics.median(w for w, _ in runs)
            cpu = statistics.median(c for _, c in runs)
            count = f" [{counts[(label, name)] / 1e6:.0f}]" if counts else ""
            cells.append(f"{wall:.3f} ({cpu:.3f}){count}")
        print(f"| {label} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
