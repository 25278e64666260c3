#!/usr/bin/env python3
"""Where a large build spends its time and memory, stage by stage.

    python benchmarks/profile_build.py [--records 1000000]

Writes a synthetic corpus (benchmarks/synthetic.py, in a child process), then runs the ordinary
build on it in this process with the main function of each stage
(``datapkg/compiler/stages``) wrapped in a timer where the stage calls it, while a thread samples resident
memory every 10 ms. Stages on worker threads (the file writers) overlap, so
their seconds add up to more than the wall time they take. The table goes to
the "profile" section of benchmarks/results.md.
"""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import datapkg.compiler.pipeline as pipeline
from datapkg.compiler.layout import Layout

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _results import machine, write_section  # noqa: E402

# (function, the stage module that calls it)
CALLS = (
    ("load_sources", "read"),
    ("load_records", "read"),
    ("load_bulk", "read"),
    ("assemble", "tabulate"),
    ("fill_implied_bounds", "tabulate"),
    ("mention_rows", "tabulate"),
    ("check_tables", "check"),
    ("write_csv", "stage"),
    ("write_parquet", "stage"),
    ("sha256_file", "stage"),
    ("dictionary_markdown", "stage"),
)
STAGES = tuple(name for name, _ in CALLS)


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 2**20


class Profile:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        self.calls: dict[str, int] = dict.fromkeys(STAGES, 0)
        self.peak: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        self.running: set[str] = set()
        self.overall_peak = 0.0
        self.lock = threading.Lock()

    def sample(self, stop: threading.Event) -> None:
        while not stop.wait(0.01):
            mb = resident_mb()
            with self.lock:
                self.overall_peak = max(self.overall_peak, mb)
                for stage in self.running:
                    self.peak[stage] = max(self.peak[stage], mb)

    def wrap(self, stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.lock:
                self.running.add(stage)
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                with self.lock:
                    self.seconds[stage] += time.perf_counter() - start
                    self.calls[stage] += 1
                    self.running.discard(stage)

        return timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=1_000_000)
    args = parser.parse_args()
    profile = Profile()
    for stage, caller in CALLS:
        module = importlib.import_module(f"datapkg.compiler.stages.{caller}")
        setattr(module, stage, profile.wrap(stage, getattr(module, stage)))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        # In a child process, so that none of its memory counts here.
        subprocess.run(
            [sys.executable, str(HERE / "synthetic.py"), str(root), "--records", str(args.records)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        stop = threading.Event()
        sampler = threading.Thread(target=profile.sample, args=(stop,), daemon=True)
        sampler.start()
        start = time.perf_counter()
        layout = Layout(root)
        pipeline.write_outputs(layout, pipeline.compile_package(layout))
        wall = time.perf_counter() - start
        stop.set()
        sampler.join()
    lines = [
        f"## Profile of the build at {args.records:,} records per table",
        "",
        f"{machine()}; `python benchmarks/profile_build.py --records {args.records}` (in process; the"
        " writers run on two threads, so their seconds overlap)",
        "",
        "| stage | calls | seconds | peak resident MiB while running |",
        "|---|---:|---:|---:|",
    ]
    for stage in STAGES:
        seconds, peak = profile.seconds[stage], profile.peak[stage]
        shown = f"{peak:,.0f}" if peak else "—"  # over before the first 10 ms sample
        lines.append(f"| `{stage}` | {profile.calls[stage]} | {seconds:.2f} | {shown} |")
    lines += ["", f"Wall time {wall:.2f} s; peak resident memory {profile.overall_peak:,.0f} MiB."]
    write_section("profile", lines)


if __name__ == "__main__":
    main()
