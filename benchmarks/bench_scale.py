#!/usr/bin/env python3
"""Build and validation time and peak memory against corpus size, and
``datapkg validate`` against ``frictionless validate`` on the same packages.

    python benchmarks/bench_scale.py [--sizes 1000 10000 100000 1000000] [--frictionless 100000 1000000]
                                     [--repeat 3]

For each N, benchmarks/synthetic.py writes a corpus with N records per fact
table into a temporary project; then, each in a fresh process, `datapkg build
--root`, `datapkg validate`, and (for the sizes given) `frictionless validate`
run on it. Wall time and peak resident memory (ru_maxrss of the child) go to
benchmarks/results.md.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import machine, write_section
from synthetic import generate


def run(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one child process; fails loudly if it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(
            f"{' '.join(command)} failed: {process.stderr.read().decode() if process.stderr else ''}"
        )
    return seconds, usage.ru_maxrss / 1024


def repeated(
    command: list[str], times: int, before: Callable[[], None] = lambda: None
) -> tuple[float, float]:
    """Median wall seconds and largest peak MB over several runs."""
    results = []
    for _ in range(times):
        before()
        results.append(run(command))
    return statistics.median(s for s, _ in results), max(mb for _, mb in results)


def clear_outputs(root: Path) -> None:
    """So that every timed build is a first build (a rebuild also compares old and new files)."""
    shutil.rmtree(root / "datapkg" / "data", ignore_errors=True)
    (root / "datapackage.json").unlink(missing_ok=True)


def verdicts(by_n: dict[int, tuple[Any, ...]]) -> list[str]:
    """The targets of the scale benchmark, each with its measurement and whether it is met."""

    def mark(ok: bool) -> str:
        return "met" if ok else "**missed**"

    out = []
    if 1_000_000 in by_n:
        _, _, build_s, build_mb, validate_s, validate_mb, _ = by_n[1_000_000]
        total, peak_gb = build_s + validate_s, max(build_mb, validate_mb) * 2**20 / 1e9
        out.append(
            f"- 10^6 per table built and validated in {total:.1f} s (target < 30 s): {mark(total < 30)}"
        )
        out.append(f"- peak memory {peak_gb:.2f} GB (target < 4 GB): {mark(peak_gb < 4)}")
    if 100_000 in by_n and 1_000_000 in by_n:
        growth = by_n[1_000_000][2] / by_n[100_000][2]
        out.append(
            f"- build time at 10^6 / at 10^5: {growth:.1f}x (linear: 10x; target ≤ 12x): {mark(growth <= 12)}"
        )
    for n, row in sorted(by_n.items()):
        if row[6]:
            speedup = row[6][0] / row[4]
            out.append(
                f"- validate vs frictionless at {n:,}: {speedup:.1f}x (target ≥ 30x): {mark(speedup >= 30)}"
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000, 1_000_000])
    parser.add_argument("--frictionless", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each datapkg command (median)")
    args = parser.parse_args()
    python = sys.executable
    frictionless = str(Path(python).parent / "frictionless")
    # Both tools run from compiled bytecode, as after `pip install` (which compiles). Without
    # this, PYTHONDONTWRITEBYTECODE (set on some machines) makes every run recompile datapkg
    # from source while frictionless, installed, never pays that.
    compileall.compile_dir(Path(__file__).resolve().parents[1] / "datapkg", quiet=1)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            root = Path(tmp) / f"n{n}"
            counts = generate(root, n)
            build = [python, "-m", "datapkg", "build", "--root", str(root)]
            build_s, build_mb = repeated(build, args.repeat, lambda r=root: clear_outputs(r))
            descriptor = str(root / "datapackage.json")
            validate_s, validate_mb = repeated([python, "-m", "datapkg", "validate", descriptor], args.repeat)
            fl = run([frictionless, "validate", descriptor]) if n in args.frictionless else None
            fact_rows = sum(v for k, v in counts.items() if k != "sources")
            rows.append((n, fact_rows, build_s, build_mb, validate_s, validate_mb, fl))
            print(rows[-1], flush=True)
    lines = [
        "## Scale: build and validation against corpus size",
        "",
        f"{machine()}; `python benchmarks/bench_scale.py` (synthetic corpus from benchmarks/synthetic.py:"
        " N records per fact table, sources copied from every real article; every command a fresh"
        " process, datapkg from compiled bytecode as installed; datapkg times are medians of"
        f" {args.repeat} runs, each build a first build; frictionless runs once)",
        "",
        "| N per table | fact rows | build s | build peak MiB | build + validate s | validate s"
        " | validate peak MiB | frictionless s | validate speed-up |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, fact_rows, build_s, build_mb, validate_s, validate_mb, fl in rows:
        fl_s = f"{fl[0]:.1f}" if fl else "—"
        speedup = f"{fl[0] / validate_s:.1f}x" if fl else "—"
        lines.append(
            f"| {n:,} | {fact_rows:,} | {build_s:.2f} | {build_mb:,.0f} | {build_s + validate_s:.2f} | "
            f"{validate_s:.2f} | {validate_mb:,.0f} | {fl_s} | {speedup} |"
        )
    lines += ["", *verdicts({r[0]: r for r in rows})]
    write_section("scale", lines)


if __name__ == "__main__":
    main()
