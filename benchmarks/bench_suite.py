#!/usr/bin/env python3
"""How long a curator's check and the whole test suite take, as a developer runs them.

    python benchmarks/bench_suite.py [--repeat 3] [--check-only]

Runs `python3 tasks.py check` and `python3 tasks.py test` from the repository root, each
as its own process, several times in turn, with the virtual environment already made (the
first run of either installs it; that is set-up, not the loop). Wall time and CPU time
(user + system, of the process and all its children) of each run go to
benchmarks/results.md as median, minimum and maximum. `check` rebuilds the package, so
the working tree must be a fresh build for the figures to mean a curator's loop.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import machine, write_section

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"check": 15.0, "test": 120.0}


def run(task: str) -> tuple[float, float]:
    """Wall and CPU seconds of one `python3 tasks.py TASK`, children included."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "tasks.py", task], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"tasks.py {task} failed:\n{error[-3000:]}")
    return wall, usage.ru_utime + usage.ru_stime


def summary(task: str, runs: list[tuple[float, float]]) -> str:
    walls, cpus = [w for w, _ in runs], [c for _, c in runs]
    return (
        f"| `python3 tasks.py {task}` | {len(runs)} | {statistics.median(walls):.1f} | {min(walls):.1f} | "
        f"{max(walls):.1f} | {statistics.median(cpus):.1f} | {TARGETS[task]:.0f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--check-only", action="store_true", help="time the check alone")
    args = parser.parse_args()
    tasks = ["check"] if args.check_only else ["check", "test"]
    run("check")  # set-up and a first build: not what is timed
    runs: dict[str, list[tuple[float, float]]] = {task: [] for task in tasks}
    for _ in range(args.repeat):
        for task in tasks:
            runs[task].append(run(task))
    lines = [
        "## The curator's check and the whole test suite",
        "",
        f"{machine()}; `python benchmarks/bench_suite.py --repeat {args.repeat}` (each task its own"
        " process, in turn, the virtual environment made beforehand; CPU is user + system of the"
        " process and its children)",
        "",
        "| command | runs | median wall s | min | max | median CPU s | target wall s |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *(summary(task, runs[task]) for task in tasks),
        "",
    ]
    for task in tasks:
        median = statistics.median(w for w, _ in runs[task])
        verdict = "met" if median <= TARGETS[task] else "**missed**"
        target = f"target ≤ {TARGETS[task]:.0f} s"
        lines.append(f"- `tasks.py {task}`: median {median:.1f} s ({target}): {verdict}")
    write_section("suite", lines)


if __name__ == "__main__":
    main()
