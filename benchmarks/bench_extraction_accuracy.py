#!/usr/bin/env python3
"""How well the extractor finds and reads numbers and dates in whole articles annotated by
hand (tests/extraction_articles/), per language.

    python benchmarks/bench_extraction_accuracy.py [DIR ...]

A found mention matches an annotated one of the same kind whose span it overlaps; F1 is
over matches, value accuracy the share of matches with the annotated value. Results go to
benchmarks/results.md (between the extraction-accuracy markers) and are printed; with DIR
arguments (other annotated folders) they are only printed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _results import machine, write_section

from tests.extraction_accuracy import Score, score_folder

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dirs", nargs="*", type=Path)
    args = parser.parse_args()
    folders = args.dirs or [ROOT / "tests" / "extraction_articles"]
    total: dict[str, Score] = {}
    articles: dict[str, int] = {}
    for folder in folders:
        for lang, score in score_folder(folder).items():
            total.setdefault(lang, Score()).add(score)
        for path in folder.glob("*.json"):
            lang = json.loads(path.read_text(encoding="utf-8"))["lang"]
            articles[lang] = articles.get(lang, 0) + 1
    lines = [
        "## Extraction accuracy on annotated articles",
        "",
        f"{machine()}; `python benchmarks/bench_extraction_accuracy.py`",
        "",
        "| language | articles | annotated | found | matched | precision | recall | F1 | values right |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for lang, s in sorted(total.items()):
        lines.append(
            f"| {lang} | {articles.get(lang, 0)} | {s.gold} | {s.found} | {s.matched} | {s.precision:.3f} "
            f"| {s.recall:.3f} | {s.f1:.3f} | {s.value_accuracy:.3f} |"
        )
    print("\n".join(lines))
    if not args.dirs:
        write_section("extraction-accuracy", lines)


if __name__ == "__main__":
    main()
