#!/usr/bin/env python3
"""Time against input size: do extraction and add-source grow linearly?

    python benchmarks/bench_growth.py [--max-kb 1024] [--runs 3] [--only NAME ...]

Each workload is a text repeated to sizes doubling from 16,000 characters up to
``--max-kb`` thousand: realistic German and English news paragraphs written for this
benchmark, and shapes that once took super-linear time (space-grouped digits, lists of
weekdays, months, ordinals, number words, joined ranges, dotted digits, long runs of
digits, spaces or punctuation). A size's time is the median of ``--runs`` runs
(time.perf_counter). The growth exponent is the least-squares slope of log(time) against
log(size): 1 is linear, 2 quadratic. A workload whose single run exceeds ``--budget``
seconds grows no further and is fitted on the sizes it reached.

The whole of add-source (into a scratch copy of this repository's inputs, the files it
writes removed after each run) runs last. Results go to benchmarks/results.md (the
section between the growth markers) and are printed; the exit status is 1 when any
exponent exceeds 1.1 or a workload fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import machine, write_section

from datapkg.extract import extract

ROOT = Path(__file__).resolve().parents[1]
REF = dt.date(2024, 10, 23)
LIMIT = 1.1
FIRST_SIZE = 16_000

GERMAN = (
    "Nach Angaben des südkoreanischen Geheimdienstes hat Nordkorea seit Anfang Oktober rund "
    "11.000 Soldaten nach Russland verlegt. Bis Dezember könnten weitere 3.000 Mann folgen, hieß "
    "es am Mittwoch in Seoul. Im Gegenzug soll Moskau Luftabwehrsysteme und Öl im Wert von etwa "
    "1,5 Milliarden Euro geliefert haben. Am 19. Juni 2024 unterzeichneten beide Staaten einen "
    "Vertrag über gegenseitigen Beistand; vor zwei Jahren war davon noch keine Rede. Laut einer "
    "Rangliste liegt die nordkoreanische Armee auf Platz 36, mit mehr als 1,2 Millionen aktiven "
    "Soldaten. Zwischen 10.000 und 12.000 Kräfte sollen in der Region Kursk stehen, etwa 40 "
    "Prozent davon in Pioniereinheiten. Seit den 1990er-Jahren hat sich die Zusammenarbeit "
    "verdreifacht, sagte ein Fachmann am Donnerstag.\n\n"
)
ENGLISH = (
    "According to Seoul's intelligence service, North Korea has moved about 11,000 soldiers to "
    "Russia since early October. Another 3,000 could follow by December, officials said on "
    "Wednesday. In return, Moscow is said to have delivered air defence systems and oil worth "
    "roughly $1.5 billion. On June 19, 2024, the two states signed a mutual assistance treaty; "
    "two years ago nobody spoke of such a pact. A global ranking puts the North Korean army in "
    "36th place, with more than 1.2 million active personnel. Between 10,000 and 12,000 troops "
    "are reported in the Kursk region, about 40 percent of them in engineering units. "
    "Cooperation has tripled since the 1990s, an analyst said last Thursday.\n\n"
)
SHAPES: dict[str, tuple[str, str]] = {
    "space-grouped digits": ("1 000 000 ", "de"),
    "German weekdays": ("Montag, Dienstag und Mittwoch ", "de"),
    "English weekdays": ("Monday, Tuesday and on Friday ", "en"),
    "German months": ("Januar Februar im März ", "de"),
    "English months": ("January, February in March ", "en"),
    "German ordinals": ("der erste zweite dritte ", "de"),
    "English ordinals": ("the first second third ", "en"),
    "German number words": ("drei vier fünfundzwanzig ", "de"),
    "English number words": ("three four twenty-five ", "en"),
    "ranges joined by und": ("zwischen 3 und 4 und ", "de"),
    "ranges joined by commas": ("3, 4, ", "de"),
    "dotted digits": ("1.000.", "de"),
    "one run of digits": ("1", "de"),
    "spaces": (" ", "de"),
    # a rare word the extractor searches around, glued into one long word
    "German season glued": ("Herbst", "de"),
    "English currency glued": ("Dollar", "en"),
    "German ranks in a ranking": ("auf dem dritten Platz ", "de"),
    "English dates relative to a date": ("on April 20, three days later, ", "en"),
    "German vague counts": ("mehrere Staaten und ", "de"),
    "punctuation": (".,;-", "de"),
    "offsets beyond the calendar": ("vor 800.000 Tagen ", "de"),
}


def slope(sizes: list[int], seconds: list[float]) -> float | None:
    """The least-squares slope of log(seconds) on log(size); None below two sizes."""
    if len(sizes) < 2:
        return None
    xs, ys = [math.log(s) for s in sizes], [math.log(max(t, 1e-9)) for t in seconds]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


@dataclass
class Growth:
    """One workload's runs: wall-clock seconds (perf_counter) and, beside them, the
    process's CPU seconds, which other load on a shared machine does not move."""

    name: str
    walls: dict[int, list[float]] = field(default_factory=dict)
    cpus: dict[int, list[float]] = field(default_factory=dict)
    note: str = ""

    @property
    def sizes(self) -> list[int]:
        return sorted(self.walls)

    def seconds(self, cpu: bool = False) -> list[float]:
        table = self.cpus if cpu else self.walls
        return [statistics.median(table[s]) for s in self.sizes]

    @property
    def exponent(self) -> float | None:
        return slope(self.sizes, self.seconds())

    @property
    def failed(self) -> bool:
        exponent = self.exponent
        return self.note.startswith("failed") or exponent is None or exponent > LIMIT

    def measure(self, run: Callable[[str], object], unit: str, size: int) -> float:
        text = repeated(unit, size)
        wall, cpu = time.perf_counter(), time.process_time()
        run(text)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        self.walls.setdefault(size, []).append(wall)
        self.cpus.setdefault(size, []).append(cpu)
        return wall


def repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def grow(
    name: str, unit: str, run: Callable[[str], object], args: argparse.Namespace, largest: int
) -> Growth:
    """Time ``run`` on ``unit`` repeated to each size, until the largest or the budget; then
    again over all sizes reached, so that a change of the machine's load meets every size."""
    growth = Growth(name)
    run(repeated(unit, 2_000))  # compile patterns, load vocabularies: outside the timing
    size = FIRST_SIZE
    try:
        while size <= largest:
            if growth.measure(run, unit, size) > args.budget:
                growth.note = f"stopped after {size:,}: a run took over {args.budget:g} s"
                break
            size *= 2
        for _ in range(args.runs - 1):
            for size in growth.sizes:
                growth.measure(run, unit, size)
    except Exception as error:  # a workload that breaks is reported, not hidden
        growth.note = f"failed at {size:,}: {type(error).__name__}: {error}"
    for size, seconds in zip(growth.sizes, growth.seconds(), strict=True):
        print(f"  {name}: {size:,} characters in {seconds:.3f} s", flush=True)
    return growth


def extraction(lang: str) -> Callable[[str], object]:
    return lambda text: extract(text, lang=lang, ref=REF)


def adding(lang: str) -> Callable[[str], object]:
    """The whole of ``datapkg add-source`` (candidates, event links, the draft and metadata
    files, their read-back check, the writing) into a scratch copy of the project; the three
    files it writes are removed after each run, so every run adds the same next source."""
    import atexit
    import shutil
    import tempfile

    from datapkg.compiler.curation.add_source import add_source
    from datapkg.compiler.curation.source_files import SourceOptions
    from datapkg.compiler.layout import Layout

    scratch = Path(tempfile.mkdtemp(prefix="bench-growth-"))
    atexit.register(shutil.rmtree, scratch, True)
    for name in ("build", "schemas", "datapkg/data"):
        shutil.copytree(ROOT / name, scratch / name)
    for name in ("pyproject.toml", "datapackage.json"):
        shutil.copy2(ROOT / name, scratch / name)
    layout, article = Layout(scratch), scratch / "article.txt"
    options = SourceOptions(lang=lang, published=REF.isoformat(), title="Benchmark article")

    def run(text: str) -> None:
        article.write_text(text, encoding="utf-8")
        for path in add_source(layout, article, options).written:
            path.unlink()

    return run


def workloads() -> list[tuple[str, str, Callable[[], Callable[[str], object]]]]:
    """Name, repeated text and a factory of the timed call, add-source last."""
    items: list[tuple[str, str, Callable[[], Callable[[str], object]]]] = [
        ("extract: German news", GERMAN, partial(extraction, "de")),
        ("extract: English news", ENGLISH, partial(extraction, "en")),
    ]
    items += [(f"extract: {name}", unit, partial(extraction, lang)) for name, (unit, lang) in SHAPES.items()]
    items += [
        ("add-source: German news", GERMAN, partial(adding, "de")),
        ("add-source: English news", ENGLISH, partial(adding, "en")),
    ]
    return items


def table(results: list[Growth]) -> list[str]:
    sizes = sorted({s for g in results for s in g.sizes})
    lines = [
        "| workload | "
        + " | ".join(f"{s // 1000:,}k" for s in sizes)
        + " | exponent | CPU exponent | note |",
        "|---|" + "---:|" * len(sizes) + "---:|---:|---|",
    ]
    for g in results:
        medians = dict(zip(g.sizes, g.seconds(), strict=True))
        cells = [f"{medians[s]:.3f}" if s in medians else "" for s in sizes]
        exponent = f"{g.exponent:.2f}" if g.exponent is not None else "n/a"
        cpu = slope(g.sizes, g.seconds(cpu=True))
        mark = f"**{exponent}**" if g.failed else exponent
        cpu_mark = f"{cpu:.2f}" if cpu is not None else "n/a"
        lines.append(f"| {g.name} | " + " | ".join(cells) + f" | {mark} | {cpu_mark} | {g.note} |")
    return lines


def report(results: list[Growth], command: str, load: float) -> list[str]:
    failed = [g.name for g in results if g.failed]
    verdict = (
        f"**over {LIMIT} or failed: {', '.join(failed)}**" if failed else f"every exponent ≤ {LIMIT}: met"
    )
    return [
        "## Growth: time against input size",
        "",
        f"{machine()}; `{command}`; load average {load:.1f} at the start, "
        f"{os.getloadavg()[0]:.1f} at the end",
        "",
        "Seconds (median of the runs, time.perf_counter) per size in characters; the exponent is",
        "the least-squares slope of log(time) on log(size): 1 is linear, 2 quadratic. The CPU",
        "exponent is the same fit to the process's CPU time (time.process_time), which the load",
        "of other processes on a shared machine does not move; the verdict uses the wall clock.",
        "",
        *table(results),
        "",
        f"- {verdict}",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--max-kb", type=int, default=1024, help="largest size, in 1000 characters")
    parser.add_argument("--runs", type=int, default=3, help="runs per size; the median counts")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds before a workload stops growing")
    parser.add_argument("--only", nargs="*", default=None, help="workloads whose name has one of these")
    parser.add_argument("--shape-max-kb", type=int, default=1024, help="largest size of the hostile shapes")
    args = parser.parse_args()
    # A shared machine's load moves wall-clock times: the report says what it was.
    load = os.getloadavg()[0]
    results = []
    for name, unit, factory in workloads():
        if args.only and not any(part in name for part in args.only):
            continue
        print(name, flush=True)
        try:
            run = factory()
        except Exception as error:
            results.append(Growth(name, note=f"failed to start: {type(error).__name__}: {error}"))
            continue
        shape = name.removeprefix("extract: ") in SHAPES
        results.append(grow(name, unit, run, args, (args.shape_max_kb if shape else args.max_kb) * 1000))
    command = "python benchmarks/bench_growth.py " + " ".join(sys.argv[1:])
    write_section("growth", report(results, command.strip(), load))
    return 1 if any(g.failed for g in results) else 0


if __name__ == "__main__":
    sys.exit(main())
