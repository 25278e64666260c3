#!/usr/bin/env python3
"""Extraction throughput in characters per second on a large text.

    python benchmarks/bench_extract.py [--megabytes 5]

The text is the two German source articles and an English paragraph, repeated
to the requested size. Results go to benchmarks/results.md (the section
between the extract markers) and are printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import machine, write_section

from datapkg.extract import extract

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = (
    "North Korea has sent about 10,000 troops to Russia, South Korea's spy agency said on Thursday; "
    "up to 12,000 could follow by December. Between 1,700 and 2,000 soldiers moved in early October, "
    "and 1.5 million shells were shipped over six months, worth $1.5 billion. "
)


def corpus(megabytes: float) -> tuple[str, str]:
    german = "\n\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "build" / "sources").glob("*.txt"))
    )
    target = int(megabytes * 1_000_000)
    return (german * (target // len(german) + 1))[:target], (ENGLISH * (target // len(ENGLISH) + 1))[:target]


def measure(text: str, lang: str) -> tuple[float, int]:
    start = time.perf_counter()
    mentions = extract(text, lang=lang, ref=dt.date(2024, 10, 23))
    return time.perf_counter() - start, len(mentions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=5.0)
    args = parser.parse_args()
    german, english = corpus(args.megabytes)
    lines = [
        "## Extraction throughput",
        "",
        f"{machine()}; `python benchmarks/bench_extract.py --megabytes {args.megabytes:g}`",
        "",
        "| text | characters | mentions | seconds | characters/s |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, text, lang in (
        ("German sources, repeated", german, "de"),
        ("English news, repeated", english, "en"),
    ):
        extract(text[:10_000], lang=lang)  # compile the patterns outside the timing
        seconds, count = measure(text, lang)
        rate = len(text) / seconds
        lines.append(f"| {label} | {len(text):,} | {count:,} | {seconds:.2f} | {rate:,.0f} |")
        print(f"{label}: {len(text):,} characters, {count:,} mentions, {seconds:.2f} s, {rate:,.0f} chars/s")
    write_section("extract", lines)


if __name__ == "__main__":
    main()
