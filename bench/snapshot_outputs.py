"""Write every command-line output of the samples and the bench pairs into one folder.

Run it before and after a change that must not alter behaviour (a refactor, a speed-up)
and compare the two folders byte for byte:

    .venv/bin/python bench/snapshot_outputs.py /tmp/before
    ... change ...
    .venv/bin/python bench/snapshot_outputs.py /tmp/after
    diff -r /tmp/before /tmp/after && echo identical

Covered: ``compare`` in text, JSON and HTML (plain, ``--changes-only``,
``--ignore-case``, ``--ignore-punctuation``) for every pair of the bundled samples and
for the bench pairs present under ``bench/out/`` (``make_pairs.py`` builds them);
``nway`` in text, JSON and HTML on the three samples; ``scan`` in text and JSON on the
samples folder. Annotations come from an empty data folder, so the outputs do not
depend on the user's notes; the time a report was made is masked. PDF is left out:
Qt writes its creation time into it.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
BENCH_OUT = ROOT / "bench" / "out"
REDLINE = [str(Path(sys.executable).parent / "redline")]  # the installed console script


# The one line of a report that changes from run to run: when it was made.
MADE_ON = re.compile(rb'(Made by Redline [^<]* on )<time datetime="[^"]*">[^<]*</time>')


def _run(args: list[str], out: Path, env: dict[str, str]) -> None:
    done = subprocess.run([*REDLINE, *args], capture_output=True, env=env, cwd=ROOT)
    out.write_bytes(MADE_ON.sub(rb"\1<time>(time of the run)</time>", done.stdout))
    out.with_suffix(out.suffix + ".exit").write_text(
        f"{done.returncode}\n{done.stderr.decode('utf-8', 'replace')}"
    )


def _pairs(sizes: list[str]) -> list[tuple[str, Path, Path]]:
    samples = sorted(SAMPLES.glob("*.txt"))
    pairs = [
        (f"sample_{a.stem[:3]}_{b.stem[:3]}", a, b)
        for i, a in enumerate(samples)
        for b in samples[i + 1 :]
    ]
    for size in sizes:
        old, new = BENCH_OUT / size / "old.txt", BENCH_OUT / size / "new.txt"
        if old.exists() and new.exists():
            pairs.append((f"bench_{size}", old, new))
    return pairs


def snapshot(target: Path, sizes: list[str]) -> int:
    """Write the outputs into ``target``; return the number of files written."""
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, XDG_DATA_HOME=home, XDG_CONFIG_HOME=home, NO_COLOR="1")
        env.pop("PYTHONHASHSEED", None)
        count = 0
        variants = {
            "plain": [],
            "changes": ["--changes-only"],
            "case": ["--ignore-case"],
            "punct": ["--ignore-punctuation"],
        }
        for name, old, new in _pairs(sizes):
            for fmt in ("text", "json", "html"):
                for label, extra in variants.items():
                    if name.startswith("bench_") and label not in ("plain", "changes"):
                        continue
                    args = ["compare", str(old), str(new), "--format", fmt, *extra]
                    if fmt != "text":
                        args.append("--annotations")
                    _run(args, target / f"{name}.{label}.{fmt}", env)
                    count += 1
        samples = [str(p) for p in sorted(SAMPLES.glob("*.txt"))]
        for fmt in ("text", "json", "html"):
            _run(["nway", *samples, "--format", fmt], target / f"nway.{fmt}", env)
            count += 1
        for fmt in ("text", "json"):
            _run(["scan", str(SAMPLES), "--format", fmt], target / f"scan.{fmt}", env)
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("target", type=Path, help="folder to write the outputs into")
    ap.add_argument("--sizes", default="10k,100k,1M", help="bench pairs to include")
    args = ap.parse_args(argv)
    count = snapshot(args.target, [s for s in args.sizes.split(",") if s])
    print(f"{count} outputs written to {args.target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
