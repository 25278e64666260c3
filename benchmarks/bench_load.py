#!/usr/bin/env python3
"""Cold-process load time: ``import datapkg; datapkg.load(name)`` against
``import pandas; pandas.read_parquet(same file)``, each in a fresh interpreter.

    python benchmarks/bench_load.py [--runs 21] [--resource diplomatic_actions]

Runs alternate between the two so drift hits both alike; medians are compared.
Results go to benchmarks/results.md. Target: datapkg within 1.10x of pandas.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import machine, write_section

import datapkg


def cold(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--resource", default="diplomatic_actions")
    args = parser.parse_args()
    file = datapkg.path(args.resource)
    variants = {
        "pandas.read_parquet": f"import pandas; pandas.read_parquet({str(file)!r})",
        "datapkg.load": f"import datapkg; datapkg.load({args.resource!r})",
    }
    times: dict[str, list[float]] = {name: [] for name in variants}
    for code in variants.values():
        cold(code)  # warm the file system cache
    for _ in range(args.runs):
        for name, code in variants.items():
            times[name].append(cold(code))
    medians = {name: statistics.median(t) for name, t in times.items()}
    ratio = medians["datapkg.load"] / medians["pandas.read_parquet"]
    lines = [
        "## Cold load: datapkg.load against pandas.read_parquet",
        "",
        f"{machine()}; `python benchmarks/bench_load.py --runs {args.runs} --resource {args.resource}`",
        "",
        "| command (fresh interpreter) | median s | min s | max s |",
        "|---|---:|---:|---:|",
    ]
    for name, t in times.items():
        lines.append(f"| `{variants[name]}` | {medians[name]:.3f} | {min(t):.3f} | {max(t):.3f} |")
    lines += ["", f"Ratio datapkg / pandas (medians): **{ratio:.3f}** (target ≤ 1.10)."]
    write_section("load", lines)


if __name__ == "__main__":
    main()
