#!/usr/bin/env python3
"""What a user gets who builds and validates a large package with the ordinary commands,
and ``datapkg validate`` against ``frictionless validate`` on the same packages.

    python benchmarks/bench_scale.py [--sizes 1000 10000 100000 1000000] [--frictionless 100000 1000000]
                                     [--repeat 3]

For each N, ``python benchmarks/synthetic.py DIR --records N`` writes a corpus with N records
per fact table. Then, ``--repeat`` times: the outputs are removed, ``datapkg build --root DIR``
runs (a first build), ``datapkg validate DIR/datapackage.json`` checks it, the same build
command runs again over the outputs now there (a rebuild, which compares old and new files
and replaces them), and validate runs again. Each command is its own process, started as a
user starts it (the console script beside this interpreter, in this environment, its
bytecode as it is); wall time is measured around the process, peak resident memory is the
child's ru_maxrss. ``frictionless validate DIR/datapackage.json`` runs once for the sizes
given. Results go to the "scale" section of benchmarks/results.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from _results import machine, write_section  # noqa: E402

MIB_PER_GB = 1e9 / 2**20
TARGET_SECONDS = 20
TARGET_GB = 4
MEANING = """\
Seconds are wall time around each process: the median of {repeat} runs ({validations} for
validate, one right after each build). In brackets: the median CPU time of the process (user +
system). The build and validate use both cores, so CPU time above wall time is work done in
parallel; wall time well above CPU time is time the process waited (for a core that other
processes held, or for the disk). Peak MiB is the largest resident memory (ru_maxrss) of that
command's process over its runs. *build + validate* is the median of the slower build plus the
median of validate: what a user waits for who types the two commands. The speed-up is
frictionless's time over validate's median. `datapkg validate` without an argument checks the
installed package, not DIR."""


COMMANDS = ("first", "rebuild", "validate")  # the timed datapkg commands: two kinds of build, validate
LABELS = {"first": "first build", "rebuild": "rebuild", "validate": "validate"}


@dataclass(frozen=True)
class Run:
    seconds: float  # wall
    cpu_seconds: float  # user + system
    peak_mib: float


@dataclass
class Size:
    """Every run of one corpus size."""

    n: int
    fact_rows: int
    runs: dict[str, list[Run]] = field(default_factory=lambda: {c: [] for c in COMMANDS})
    frictionless: Run | None = None

    def median(self, command: str) -> float:
        return statistics.median(r.seconds for r in self.runs[command])

    def cpu(self, command: str) -> float:
        return statistics.median(r.cpu_seconds for r in self.runs[command])

    def peak(self, command: str) -> float:
        return max(r.peak_mib for r in self.runs[command])

    def shown(self, command: str) -> str:
        return f"{self.median(command):.2f} ({self.cpu(command):.2f})"

    def slower_build(self) -> str:
        return "rebuild" if self.median("rebuild") >= self.median("first") else "first"

    def two_commands(self) -> float:
        """A user's build (the slower kind) followed by validate, in seconds."""
        return self.median(self.slower_build()) + self.median("validate")

    def peak_gb(self) -> float:
        return max(self.peak(c) for c in COMMANDS) / MIB_PER_GB


def run(command: list[str]) -> Run:
    """Wall seconds and peak resident MiB of one child process; fails loudly if it fails."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a full pipe would stall the child
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed: {errors.read().decode(errors='replace')}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def commands(root: Path, n: int | str) -> dict[str, list[str]]:
    """The command lines a user types, as run here (the interpreter and scripts of this environment)."""
    bin_dir = Path(sys.executable).parent
    descriptor = str(root / "datapackage.json")
    return {
        "corpus": [sys.executable, str(HERE / "synthetic.py"), str(root), "--records", str(n)],
        "build": [str(bin_dir / "datapkg"), "build", "--root", str(root)],
        "validate": [str(bin_dir / "datapkg"), "validate", descriptor],
        "frictionless": [str(bin_dir / "frictionless"), "validate", descriptor],
    }


def shown(command: list[str], root: Path) -> str:
    """A command as a user would type it: scripts by name, the corpus folder as DIR."""
    words = [Path(w).name if w.startswith(str(Path(sys.executable).parent)) else w for w in command]
    words = ["benchmarks/synthetic.py" if w == str(HERE / "synthetic.py") else w for w in words]
    return " ".join(w.replace(str(root), "DIR") for w in words)


def clear_outputs(root: Path) -> None:
    """What the build writes, removed, so that the next build is a first build."""
    shutil.rmtree(root / "datapkg" / "data", ignore_errors=True)
    (root / "datapackage.json").unlink(missing_ok=True)


def measure(root: Path, n: int, repeat: int, frictionless: bool) -> Size:
    command = commands(root, n)
    corpus = subprocess.run(command["corpus"], check=True, capture_output=True, text=True)
    counts = json.loads(corpus.stdout)
    size = Size(n, sum(v for k, v in counts.items() if k != "sources"))
    for _ in range(repeat):
        clear_outputs(root)
        size.runs["first"].append(run(command["build"]))
        size.runs["validate"].append(run(command["validate"]))
        size.runs["rebuild"].append(run(command["build"]))
        size.runs["validate"].append(run(command["validate"]))
    if frictionless:
        size.frictionless = run(command["frictionless"])
    return size


def stale_bytecode() -> list[str]:
    """datapkg modules whose bytecode does not match their source: Python compiles them on every
    run while PYTHONDONTWRITEBYTECODE is set, as it is on some machines."""
    stale = []
    for source in sorted((ROOT / "datapkg").rglob("*.py")):
        cached = Path(importlib.util.cache_from_source(str(source)))
        stat = source.stat()
        header = cached.read_bytes()[8:16] if cached.is_file() else b""
        expected = (int(stat.st_mtime) & 0xFFFFFFFF).to_bytes(4, "little")
        if header != expected + (stat.st_size & 0xFFFFFFFF).to_bytes(4, "little"):
            stale.append(str(source.relative_to(ROOT)))
    return stale


def verdicts(by_n: dict[int, Size]) -> list[str]:
    """The targets of the scale benchmark, each with its measurement and whether it is met."""

    def mark(ok: bool) -> str:
        return "met" if ok else "**missed**"

    out = []
    if 1_000_000 in by_n:
        big = by_n[1_000_000]
        total, kind = big.two_commands(), big.slower_build()
        out.append(
            f"- build + validate, as two commands, at 10^6 per table: {total:.1f} s ({LABELS[kind]} "
            f"{big.median(kind):.1f} s + validate {big.median('validate'):.1f} s; target "
            f"< {TARGET_SECONDS} s): {mark(total < TARGET_SECONDS)}"
        )
        out.append(
            f"- peak resident memory of any one command (a build or validate) at 10^6: {big.peak_gb():.2f} GB"
            f" (target < {TARGET_GB} GB):"
            f" {mark(big.peak_gb() < TARGET_GB)}"
        )
    if 100_000 in by_n and 1_000_000 in by_n:
        small, big = by_n[100_000], by_n[1_000_000]
        growth = big.median(big.slower_build()) / small.median(small.slower_build())
        out.append(
            f"- build time at 10^6 / at 10^5: {growth:.1f}x (linear: 10x; target ≤ 12x): {mark(growth <= 12)}"
        )
    for n, size in sorted(by_n.items()):
        if size.frictionless:
            speedup = size.frictionless.seconds / size.median("validate")
            out.append(
                f"- validate vs frictionless at {n:,}: {speedup:.1f}x (target ≥ 30x): {mark(speedup >= 30)}"
            )
    return out


def table(sizes: list[Size]) -> list[str]:
    lines = [
        "| N per table | fact rows | first build s (CPU) | rebuild s (CPU) | validate s (CPU)"
        " | build + validate s | peak MiB: first / rebuild / validate | frictionless s | validate speed-up |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in sizes:
        fl = s.frictionless
        fl_s, speedup = (
            (f"{fl.seconds:.1f}", f"{fl.seconds / s.median('validate'):.1f}x") if fl else ("—", "—")
        )
        peaks = " / ".join(f"{s.peak(c):,.0f}" for c in COMMANDS)
        times = " | ".join(s.shown(c) for c in COMMANDS)
        lines.append(
            f"| {s.n:,} | {s.fact_rows:,} | {times} | {s.two_commands():.2f} | {peaks} | {fl_s} | {speedup} |"
        )
    return lines


def section(sizes: list[Size], repeat: int, loads: tuple[float, float], stale: list[str]) -> list[str]:
    root = Path("DIR")
    command = commands(root, "N")
    bytecode = (
        "datapkg ran from its current bytecode"
        if not stale
        else f"{len(stale)} datapkg modules had stale bytecode and were compiled on every run"
        f" (PYTHONDONTWRITEBYTECODE {'set' if os.environ.get('PYTHONDONTWRITEBYTECODE') else 'unset'})"
    )
    return [
        "## Scale: what a user gets who builds and validates with the ordinary commands",
        "",
        f"{machine()}; `python benchmarks/bench_scale.py --sizes {' '.join(str(s.n) for s in sizes)}"
        f" --repeat {repeat}`; load average {loads[0]:.1f} at the start, {loads[1]:.1f} at the end;"
        f" {bytecode}",
        "",
        "Each N is a corpus of N records per fact table (sources copied from every real article), then",
        "these commands, each its own process, as a user types them in this environment:",
        "",
        "```sh",
        "# the corpus (prints the rows per fact table)",
        shown(command["corpus"], root),
        "# first build, after `rm -r DIR/datapkg/data DIR/datapackage.json`",
        shown(command["build"], root),
        shown(command["validate"], root),
        "# rebuild over the outputs now there",
        shown(command["build"], root),
        shown(command["validate"], root),
        "# once, for the comparison",
        shown(command["frictionless"], root),
        "```",
        "",
        *MEANING.format(repeat=repeat, validations=2 * repeat).splitlines(),
        "",
        *table(sizes),
        "",
        *verdicts({s.n: s for s in sizes}),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000, 1_000_000])
    parser.add_argument("--frictionless", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each datapkg command (median)")
    parser.add_argument(
        "--no-write", action="store_true", help="print the section, leave results.md as it is"
    )
    args = parser.parse_args()
    stale, start_load = stale_bytecode(), os.getloadavg()[0]
    sizes = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            sizes.append(measure(Path(tmp) / f"n{n}", n, args.repeat, n in args.frictionless))
            print(sizes[-1], flush=True)
    lines = section(sizes, args.repeat, (start_load, os.getloadavg()[0]), stale)
    if args.no_write:
        print("\n".join(lines))
    else:
        write_section("scale", lines)


if __name__ == "__main__":
    main()
