#!/usr/bin/env python3
"""Cold-process load time of the loader against the bare libraries, each in a fresh
interpreter, for every backend:

- pandas: ``import datapkg; datapkg.load(name)`` against ``import pandas; pandas.read_parquet(file)``
- pyarrow: ``datapkg.load(name, backend="pyarrow")`` against ``pyarrow.parquet.read_table(file)``
- polars: ``datapkg.load(name, backend="polars")`` against ``polars.read_parquet(file)`` (if installed)

    python benchmarks/bench_load.py [--runs 21] [--resource diplomatic_actions]

The two commands of a pair alternate run by run, so drift hits both alike; the ratio is
taken of the medians of the same run. Results go to benchmarks/results.md. Target: the
loader no slower than the bare library (ratio ≤ 1.00), although it also types every
column by its schema (categoricals in schema order, nullable integers, dates).
"""

from __future__ import annotations

import argparse
import importlib.util
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


def pairs(resource: str) -> dict[str, tuple[str, str]]:
    file = str(datapkg.path(resource))  # type: ignore[arg-type]
    out = {
        "pandas": (
            f"import datapkg; datapkg.load({resource!r})",
            f"import pandas; pandas.read_parquet({file!r})",
        ),
        "pyarrow": (
            f"import datapkg; datapkg.load({resource!r}, backend='pyarrow')",
            f"import pyarrow.parquet as pq; pq.read_table({file!r})",
        ),
    }
    if importlib.util.find_spec("polars") is not None:
        out["polars"] = (
            f"import datapkg; datapkg.load({resource!r}, backend='polars')",
            f"import polars; polars.read_parquet({file!r})",
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--resource", default="diplomatic_actions")
    args = parser.parse_args()
    lines = [
        "## Cold load: datapkg.load against the bare libraries",
        "",
        f"{machine()}; `python benchmarks/bench_load.py --runs {args.runs} --resource {args.resource}`",
        "",
        "| backend | command (fresh interpreter) | median s | min s | max s | ratio (medians) |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for backend, (ours, bare) in pairs(args.resource).items():
        times: dict[str, list[float]] = {ours: [], bare: []}
        cold(ours), cold(bare)  # warm the file system cache
        for _ in range(args.runs):
            for code in (ours, bare):
                times[code].append(cold(code))
        medians = {code: statistics.median(t) for code, t in times.items()}
        ratio = medians[ours] / medians[bare]
        for code in (ours, bare):
            t = times[code]
            shown = f"**{ratio:.3f}**" if code == ours else ""
            lines.append(
                f"| {backend} | `{code}` | {medians[code]:.3f} | {min(t):.3f} | {max(t):.3f} | {shown} |"
            )
    lines += ["", "Ratio: the loader's median over the bare library's, same run (target ≤ 1.00)."]
    write_section("load", lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
