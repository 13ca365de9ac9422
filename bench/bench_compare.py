#!/usr/bin/env python3
"""Speed and memory of ``redline compare`` on real-prose pairs, next to ``dwdiff``.

    make bench                                     # all sizes: 10k, 100k, 1M, 5M
    .venv/bin/python bench/bench_compare.py --sizes 10k,100k --runs 3

For each pair (built by ``make_pairs.py`` into ``bench/out/`` when missing) it times,
as whole processes, ``.venv/bin/redline compare OLD NEW --format json > /dev/null``
(exit 1 = "different" = success) and ``dwdiff OLD NEW > /dev/null``, alternately, and
takes the median of the runs (5, or 3 from 5 MB up); the peak memory of each run is
the child's own ``ru_maxrss`` (``os.wait4``). Then, in one fresh child process, it
times ``core.engine.compare.compare(load_document(old), load_document(new))`` in-process
(load + align, imports excluded). Prints a Markdown table with the machine stated and
writes it to ``bench/out/results.md`` (and ``results.json``).
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import math
import os
import platform
import re
import shutil
import signal
import stat
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
VENV_BIN = REPO / ".venv" / "bin"

sys.path.insert(0, str(BENCH))


# --------------------------------------------------------------------------- running


# Peak memory. A child's ru_maxrss on Linux starts from the high-water mark of the
# process that spawned it (exec records the old address space's hiwater; with vfork or
# posix_spawn that is the parent's), so wait4() in this (large) process would report
# at least this process's own size. The command is therefore started by a small
# intermediary that reports its child's rusage: GNU time (Debian package "time";
# baseline ~1 MB) or, without it, a minimal Python (baseline ~8 MB, stated in the notes).
_PY_HELPER = (
    "import os,sys\n"
    "pid=os.posix_spawnp(sys.argv[2],sys.argv[2:],os.environ)\n"
    "_,st,ru=os.wait4(pid,0)\n"
    "open(sys.argv[1],'w').write('%d %d %.2f %.2f' % (ru.ru_maxrss,"
    " os.waitstatus_to_exitcode(st), ru.ru_utime, ru.ru_stime))\n"
    "sys.exit(os.waitstatus_to_exitcode(st) & 255)\n"
)


def _measurer() -> tuple[list[str], str]:
    gnu_time = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    if gnu_time:
        return [gnu_time, "-f", "@ %M %x %U %S", "-o"], "GNU time"
    return [sys.executable, "-S", "-I", "-c", _PY_HELPER], "a minimal Python parent"


MEASURER, MEASURER_NAME = _measurer()


# The report goes to standard output, which is /dev/null: not ``-o /dev/null``, because
# ``-o`` writes atomically (temporary file + rename), and run as root that replaced the
# device /dev/null with a regular file (found on 2026-11-21; see bench/README.md).
def run_once(cmd: list[str], timeout: float) -> dict:
    """Run ``cmd`` (stdout to /dev/null) once; wall time, peak RSS, exit code, stderr."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as rep:
        full = [*MEASURER, rep.name, *cmd]
        full[0] = shutil.which(full[0]) or full[0]
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            full,
            stdout=subprocess.DEVNULL,
            stderr=err,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            proc.wait()
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        report = rep.read().split()
    # GNU time writes "Command exited with non-zero status N" before the numbers.
    if "@" in report:
        report = report[report.index("@") + 1 :]
    try:
        rss_kb, rc, cpu = int(report[0]), int(report[1]), float(report[2]) + float(report[3])
    except (IndexError, ValueError):
        rss_kb, rc, cpu = 0, proc.returncode, float("nan")
    stderr = "\n".join(ln for ln in stderr.splitlines() if not ln.startswith("Command exited with"))
    return {
        "wall": wall,
        "rss_mb": rss_kb / 1024,
        "cpu": cpu,
        "rc": rc if not timed_out.is_set() else -9,
        "stderr": stderr[-2000:],
        "timeout": timed_out.is_set(),
    }


def devnull_is_device() -> bool:
    try:
        return stat.S_ISCHR(os.stat("/dev/null").st_mode)
    except OSError:
        return False


def ensure_dwdiff() -> tuple[str | None, str]:
    """Path of dwdiff (installed with apt-get when missing and possible) and a note."""
    path = shutil.which("dwdiff")
    if path:
        return path, ""
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("dwdiff missing: apt-get install -y dwdiff ...", file=sys.stderr)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for cmd in (
            ["apt-get", "install", "-y", "-qq", "dwdiff"],
            ["apt-get", "update", "-qq"],
            ["apt-get", "install", "-y", "-qq", "dwdiff"],
        ):
            subprocess.run(cmd, env=env, capture_output=True, check=False, timeout=600)
            path = shutil.which("dwdiff")
            if path:
                return path, ""
    return (
        None,
        "dwdiff not installed and could not be installed (Debian package dwdiff): column skipped",
    )


def redline_cmd() -> list[str] | None:
    exe = VENV_BIN / "redline"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("redline")
    return [found] if found else None


def cpu_name() -> str:
    """The processor's model name (``/proc/cpuinfo``), else what ``platform`` knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def machine() -> dict:
    cpu = cpu_name()
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        pass
    commit = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "--", "core", "gui"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": mem,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "commit": commit + ("+uncommitted engine changes" if dirty else ""),
        "engine": engine_path(),
    }


def engine_path() -> str:
    """Which path the measured ``redline`` takes: compiled (``make native``) or pure."""
    done = subprocess.run(
        [sys.executable, str(BENCH / "build_native.py"), "--status"],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() or "unknown"


def dwdiff_version(path: str) -> str:
    out = subprocess.run([path, "--version"], capture_output=True, text=True, check=False).stdout
    return out.splitlines()[0] if out else "dwdiff"


# --------------------------------------------------------------------------- in-process


def inproc_main(old: str, new: str, runs: int, alone: bool = False) -> int:
    """Child mode: time load + compare in this process, print JSON on stdout.

    As the command line does, the new side's units and the flags' names and
    quotations are counted on the other core while the process compares
    (``core.engine.aside``, long texts only), unless ``alone`` (or the checkout has no
    such module).
    """
    import resource

    sys.path.insert(0, str(REPO))
    t0 = time.perf_counter()
    from core.engine.compare import compare
    from core.model import CompareOptions
    from core.text.document import load_document

    try:
        from core.report.comparison_json import comparison_to_json
    except ImportError:
        comparison_to_json = None
    count_aside = None
    if not alone:
        try:
            from core.engine import aside
            from core.flags.aside_jobs import jobs_aside

            def count_aside(a: str, b: str) -> None:
                aside.allow(a, b, jobs_aside())
        except ImportError:
            pass
    import_s = time.perf_counter() - t0
    loads, compares, renders, blocks = [], [], [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        a = load_document(old)
        b = load_document(new)
        t1 = time.perf_counter()
        if count_aside is not None:
            count_aside(a.text, b.text)
        result = compare(a, b, options=CompareOptions())
        t2 = time.perf_counter()
        if comparison_to_json is not None:
            comparison_to_json(result)
            renders.append(time.perf_counter() - t2)
        loads.append(t1 - t0)
        compares.append(t2 - t1)
        blocks = result.blocks
        del result, a, b
    kinds: dict[str, int] = {}
    for blk in blocks or ():
        kinds[blk.kind] = kinds.get(blk.kind, 0) + 1
    print(
        json.dumps(
            {
                "import_s": import_s,
                "json_s": renders,
                "load_s": loads,
                "compare_s": compares,
                "total_s": [x + y for x, y in zip(loads, compares, strict=True)],
                "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "blocks": kinds,
            }
        )
    )
    return 0


def run_inproc(old: Path, new: Path, runs: int, timeout: float, alone: bool = False) -> dict:
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--_inproc",
        str(old),
        str(new),
        "--runs",
        str(runs),
        *(["--inproc-alone"] if alone else []),
    ]
    try:
        res = subprocess.run(
            cmd, capture_output=True, text=True, timeout=timeout, check=False, cwd=REPO
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    if res.returncode != 0:
        tail = (res.stderr.strip().splitlines() or ["(no message)"])[-1]
        return {"error": f"exit {res.returncode}: {tail}", "stderr": res.stderr[-3000:]}
    return json.loads(res.stdout.strip().splitlines()[-1])


def planted_quality(red: list[str], label: str, old: Path, new: Path, timeout: float) -> dict:
    """How the JSON of one more (untimed) run shows the pair's planted edits
    (``check_output.py --summary``, in a child: this process stays small)."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "redline.json"
        done = subprocess.run(
            [*red, "compare", str(old), str(new), "--format", "json", "-o", str(report)],
            capture_output=True,
            timeout=timeout,
            check=False,
        )
        if done.returncode not in (0, 1) or not report.exists():
            return {"quality_error": f"redline exit {done.returncode}"}
        scored = subprocess.run(
            [
                sys.executable,
                str(BENCH / "check_output.py"),
                label,
                "--json",
                str(report),
                "--summary",
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    try:
        return {"quality": json.loads(scored.stdout.strip().splitlines()[-1])}
    except (ValueError, IndexError):
        return {"quality_error": (scored.stderr.strip().splitlines() or ["no output"])[-1]}


# --------------------------------------------------------------------------- bench


def fmt(x: float | None, digits: int = 3) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def bench(
    sizes: list[str],
    runs_override: int | None,
    timeout: float,
    rebuild: bool,
    do_dwdiff: bool,
    do_inproc: bool,
    inproc_alone: bool = False,
) -> dict:
    import make_pairs

    labels = [make_pairs.normal_label(s) for s in sizes]
    manifest_path = OUT / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    missing = [
        lab
        for lab in labels
        if rebuild
        or manifest.get("generator_version") != make_pairs.GENERATOR_VERSION
        or lab not in manifest.get("pairs", {})
        or not (OUT / lab / "new.txt").exists()
    ]
    if missing:
        # In a child process, so that this one stays small (see the note on peak memory).
        print(f"building pairs: {', '.join(missing)}", file=sys.stderr)
        subprocess.run(
            [sys.executable, str(BENCH / "make_pairs.py"), "--sizes", ",".join(missing)],
            check=True,
            stdout=sys.stderr,
        )
        manifest = json.loads(manifest_path.read_text())

    notes: list[str] = []
    dw, note = ensure_dwdiff() if do_dwdiff else (None, "dwdiff column skipped (--no-dwdiff)")
    if note:
        notes.append(note)
    red = redline_cmd()
    if red is None:
        notes.append(
            "no redline executable (.venv/bin/redline): run `make` / pip install -e . first"
        )

    info = machine()
    if red:
        starts = [run_once([*red, "--version"], 60) for _ in range(5)]
        info["startup_s"] = statistics.median(r["wall"] for r in starts)
        info["startup_mb"] = max(r["rss_mb"] for r in starts)
    info["dwdiff"] = dwdiff_version(dw) if dw else None
    info["peak_memory_by"] = MEASURER_NAME
    floor = run_once(["/bin/true"], 30)["rss_mb"]
    info["peak_floor_mb"] = floor
    info["load_before"] = os.getloadavg()[0]
    rows = []
    for lab in labels:
        old, new = OUT / lab / "old.txt", OUT / lab / "new.txt"
        nbytes = old.stat().st_size
        runs = runs_override or (3 if nbytes >= 4_000_000 else 5)
        row: dict = {
            "size": lab,
            "old_bytes": nbytes,
            "new_bytes": new.stat().st_size,
            "runs": runs,
        }
        rl_runs, dw_runs = [], []
        red_failed = False
        for i in range(runs):
            if red and not red_failed:
                r = run_once(
                    [*red, "compare", str(old), str(new), "--format", "json"],
                    timeout,
                )
                rl_runs.append(r)
                status = "timeout" if r["timeout"] else f"rc={r['rc']}"
                print(
                    f"{lab} run {i + 1}/{runs}: redline {r['wall']:.3f} s "
                    f"{r['rss_mb']:.0f} MB {status}",
                    file=sys.stderr,
                    flush=True,
                )
                red_failed = r["timeout"] or r["rc"] not in (0, 1)  # no point repeating it
                if not devnull_is_device():
                    raise SystemExit("/dev/null is no longer a device after running redline!")
            if dw:
                r = run_once([dw, str(old), str(new)], timeout)
                dw_runs.append(r)
                print(
                    f"{lab} run {i + 1}/{runs}: dwdiff  {r['wall']:.3f} s "
                    f"{r['rss_mb']:.0f} MB rc={r['rc']}",
                    file=sys.stderr,
                    flush=True,
                )
        ok = [r for r in rl_runs if not r["timeout"] and r["rc"] in (0, 1)]
        if rl_runs and len(ok) == len(rl_runs):
            row["redline_s"] = statistics.median(r["wall"] for r in ok)
            row["redline_mb"] = max(r["rss_mb"] for r in ok)
            row["redline_rc"] = ok[0]["rc"]
            row["redline_cpu_s"] = statistics.median(r["cpu"] for r in ok)
        elif rl_runs:
            bad = rl_runs[-1]
            row["redline_error"] = (
                f"timed out after {timeout:.0f} s"
                if bad["timeout"]
                else f"exit {bad['rc']}: " + (bad["stderr"].strip().splitlines() or [""])[-1]
            )
            row["redline_stderr"] = bad["stderr"]
        dw_ok = [r for r in dw_runs if r["rc"] in (0, 1)]
        if dw_ok:
            row["dwdiff_s"] = statistics.median(r["wall"] for r in dw_ok)
            row["dwdiff_mb"] = max(r["rss_mb"] for r in dw_ok)
            row["dwdiff_cpu_s"] = statistics.median(r["cpu"] for r in dw_ok)
        elif dw_runs:
            row["dwdiff_error"] = (
                f"exit {dw_runs[-1]['rc']}: {dw_runs[-1]['stderr'].strip()[-200:]}"
            )
        if red and not red_failed and (OUT / lab / "edits.json").exists():
            row.update(planted_quality(red, lab, old, new, timeout))
        if do_inproc:
            ip = run_inproc(old, new, runs, timeout * runs, inproc_alone)
            if "error" in ip:
                row["inproc_error"] = ip["error"]
            else:
                row["inproc_s"] = statistics.median(ip["total_s"])
                row["inproc_load_s"] = statistics.median(ip["load_s"])
                row["inproc_compare_s"] = statistics.median(ip["compare_s"])
                row["inproc_mb"] = ip["rss_mb"]
                row["inproc_import_s"] = ip["import_s"]
                row["blocks"] = ip["blocks"]
                if ip.get("json_s"):
                    row["inproc_json_s"] = statistics.median(ip["json_s"])
            if "error" in ip:
                print(f"{lab}: in-process: {ip['error']}", file=sys.stderr)
        rows.append(row)
    result = {
        "machine": info,
        "rows": rows,
        "notes": notes,
        "pairs": manifest.get("pairs", {}),
        "sources": manifest.get("sources", []),
    }
    result["machine"]["load_after"] = os.getloadavg()[0]
    return result


def to_markdown(res: dict) -> str:
    m = res["machine"]
    lines = [
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']} RAM; Python {m['python']}; "
        f"{m['dwdiff'] or 'no dwdiff'}; redline at {m['commit']}, engine "
        f"{m.get('engine', 'pure Python')}. Peak memory measured by "
        f"{m['peak_memory_by']} (floor: /bin/true shows {m['peak_floor_mb']:.1f} MB). "
        f"Load average before/after: {m['load_before']:.2f}/{m['load_after']:.2f}.",
        "",
        "| size | bytes old / new | redline median s | peak MB | dwdiff median s | redline/dwdiff "
        "| in-process s (load + compare) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in res["rows"]:
        red = (
            fmt(r.get("redline_s"))
            if "redline_s" in r
            else f"error ({r.get('redline_error', 'n/a')[:60]})"
        )
        ratio = (
            f"{r['redline_s'] / r['dwdiff_s']:.2f}x"
            if r.get("redline_s") is not None and r.get("dwdiff_s")
            else "—"
        )
        if "inproc_s" in r:
            ip = f"{r['inproc_s']:.3f} ({r['inproc_load_s']:.3f} + {r['inproc_compare_s']:.3f})"
        else:
            ip = f"error ({r['inproc_error'][:60]})" if "inproc_error" in r else "—"
        lines.append(
            f"| {r['size']} | {r['old_bytes']:,} / {r['new_bytes']:,} | {red} | "
            f"{fmt(r.get('redline_mb'), 0)} | {fmt(r.get('dwdiff_s'))} | {ratio} | {ip} |"
        )
    lines.append("")
    if m.get("byte_code"):
        lines.append(f"Redline's {m['byte_code']}.")
    if m.get("startup_s") is not None:
        lines.append(
            f"Start-up alone (`redline --version`): {m['startup_s']:.3f} s, "
            f"{m['startup_mb']:.0f} MB."
        )
    cpu = [
        f"{r['size']}: {r['redline_cpu_s']:.2f}"
        + (f" / {r['dwdiff_cpu_s']:.2f}" if r.get("dwdiff_cpu_s") is not None else "")
        for r in res["rows"]
        if r.get("redline_cpu_s") is not None
    ]
    if cpu:
        lines.append(
            "CPU time (user + sys, median) redline / dwdiff, s — steadier than wall time when "
            "the machine is busy: " + ", ".join(cpu) + "."
        )
    detail = [
        f"{r['size']}: {r['inproc_json_s']:.3f} s"
        for r in res["rows"]
        if r.get("inproc_json_s") is not None
    ]
    if detail:
        lines.append(
            "JSON report rendering in-process "
            "(`core.report.comparison_json.comparison_to_json`; part of the whole-process "
            "time, not of the last column): " + ", ".join(detail) + "."
        )
    quality = [
        f"{r['size']}: {q['right']:,} of {q['planted']:,} shown as made "
        f"({q['right'] / q['planted']:.1%}), {q['missed']} missed, {q['stray']} changes where "
        f"nothing was planted, invariants {'OK' if not q['problems'] else 'BROKEN'}"
        if (q := r.get("quality")) and q["planted"]
        else f"{r['size']}: {r['quality_error']}"
        for r in res["rows"]
        if "quality" in r or "quality_error" in r
    ]
    if quality:
        lines.append(
            "Planted edits in the same run (`check_output.py` on one more run's JSON): "
            + "; ".join(quality)
            + "."
        )
    lines.append(
        "Runs per size: "
        + ", ".join(f"{r['size']}: {r['runs']}" for r in res["rows"])
        + " (median wall time of whole processes; peak = max ru_maxrss over the runs)."
    )
    # Scaling between consecutive sizes: t ~ n^k.
    # (light pairs only: the heavily edited ones are the same sizes at other edit rates)
    pts = [
        (r["old_bytes"], r["redline_s"])
        for r in res["rows"]
        if r.get("redline_s") and "-" not in r["size"]
    ]
    ks = [
        f"{a[0] / 1e3:.0f}k→{b[0] / 1e3:.0f}k: "
        f"n^{math.log(b[1] / a[1]) / math.log(b[0] / a[0]):.2f}"
        for a, b in itertools.pairwise(pts)
        if a[1] > 0
    ]
    if ks:
        lines.append(
            "Growth of redline time (whole process, includes start-up): " + "; ".join(ks) + "."
        )
    for note in res["notes"]:
        lines.append(f"Note: {note}")
    lines += targets(res)
    return "\n".join(lines) + "\n"


def targets(res: dict) -> list[str]:
    by = {r["size"]: r for r in res["rows"]}
    out = []
    r = by.get("1M")
    if r and r.get("redline_s") is not None:
        checks = [
            f"time {r['redline_s']:.2f} s {'<' if r['redline_s'] < 1 else '>='} 1 s",
            f"peak {r['redline_mb']:.0f} MB {'<' if r['redline_mb'] < 300 else '>='} 300 MB",
        ]
        if r.get("dwdiff_s"):
            q = r["redline_s"] / r["dwdiff_s"]
            checks.append(f"{q:.2f}x dwdiff {'<=' if q <= 1.5 else '>'} 1.5x")
        out.append("Targets, 1M: " + "; ".join(checks) + ".")
    r = by.get("5M")
    if r and r.get("redline_s") is not None:
        out.append(
            f"Targets, 5M: time {r['redline_s']:.2f} s {'<' if r['redline_s'] < 5 else '>='} 5 s; "
            f"peak {r['redline_mb']:.0f} MB."
        )
    # The heavily edited pairs (issue 18): 1 MB no slower than dwdiff (1.5x at most),
    # 1 MB under 100 MB; 5 MB under 5 s and 300 MB.
    for size, r in by.items():
        if "-" not in size or r.get("redline_s") is None:
            continue
        checks = []
        if r.get("dwdiff_s"):
            q = r["redline_s"] / r["dwdiff_s"]
            checks.append(f"{q:.2f}x dwdiff {'<=' if q <= 1.0 else '>'} 1.0x")
        limit_mb = 100 if size.startswith("1M") else 300
        checks.append(
            f"peak {r['redline_mb']:.0f} MB {'<' if r['redline_mb'] < limit_mb else '>='} "
            f"{limit_mb} MB"
        )
        if size.startswith("5M"):
            ok = r["redline_s"] < 5
            checks.append(f"time {r['redline_s']:.2f} s {'<' if ok else '>='} 5 s")
        out.append(f"Targets, {size}: " + "; ".join(checks) + ".")
    return out


def measured_here() -> None:
    """Make the timed ``redline`` import this checkout's code.

    The script in ``.venv/bin`` imports whatever its environment's install points at: in
    a git worktree that shares another checkout's virtual environment, that is the
    other checkout (session 23 timed ``main`` so from a worktree, twice). This
    checkout goes first on ``PYTHONPATH``, which the timed processes inherit.
    """
    paths = [str(REPO), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))


def compile_byte_code() -> str:
    """Compile the project's modules, as ``pip install`` does for an installed program.

    A machine with PYTHONDONTWRITEBYTECODE set (this one) never caches the byte code
    of an editable install: every run would compile the engine again (~20 ms), a
    cost no installed ``redline`` pays. Returns a note for the results.
    """
    python = VENV_BIN / "python"
    subprocess.run(
        [
            str(python if python.exists() else sys.executable),
            "-m",
            "compileall",
            "-q",
            str(REPO / "core"),
            str(REPO / "gui"),
        ],
        check=False,
        capture_output=True,
    )
    setting = "set" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "not set"
    return f"byte code compiled before timing (PYTHONDONTWRITEBYTECODE {setting} here)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10k,100k,1M,5M", help="comma-separated, e.g. 10k,100k")
    ap.add_argument("--runs", type=int, default=None, help="runs per size (default 5; 3 from 5 MB)")
    ap.add_argument(
        "--timeout", type=float, default=300, help="seconds per run before it is killed"
    )
    ap.add_argument("--rebuild", action="store_true", help="rebuild the pairs first")
    ap.add_argument("--no-dwdiff", action="store_true")
    ap.add_argument("--no-inproc", action="store_true", help="skip the in-process timing")
    ap.add_argument(
        "--inproc-alone",
        action="store_true",
        help="the in-process timing without the work counted on the other core",
    )
    ap.add_argument("--_inproc", nargs=2, metavar=("OLD", "NEW"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._inproc:
        return inproc_main(args._inproc[0], args._inproc[1], args.runs or 1, args.inproc_alone)
    byte_code = compile_byte_code()
    measured_here()
    res = bench(
        [s for s in args.sizes.split(",") if s.strip()],
        args.runs,
        args.timeout,
        args.rebuild,
        not args.no_dwdiff,
        not args.no_inproc,
        args.inproc_alone,
    )
    res["machine"]["byte_code"] = byte_code
    md = to_markdown(res)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.md").write_text(md)
    (OUT / "results.json").write_text(json.dumps(res, indent=1))
    print(md)
    failed = any("redline_error" in r or "inproc_error" in r for r in res["rows"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
