"""How well ``extract`` finds and reads the mentions of annotated articles.

    python -m tests.extraction_accuracy DIR [DIR ...]

Each DIR holds articles ``N.txt`` with their annotations ``N.json``: ``{"lang", "ref",
"mentions": [{"start", "end", "text", "kind", "value", "qualifier"}]}``, written and
annotated by hand by someone who had not seen the extractor. A found mention matches an
annotated one of the same kind whose span it overlaps (each used once); F1 is over
matches, value accuracy is the share of matches whose value is the annotated one.
Anchors (a time given only by an event, kind ``anchor``) are not numbers or dates, so
they are left out of both sides.
"""

from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from datapkg.extract import extract

SCORED_KINDS = frozenset({"quantity", "date", "rank", "percent", "money", "duration"})


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    matched: int = 0
    right_value: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.right_value / self.matched if self.matched else 1.0

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.found += other.found
        self.matched += other.matched
        self.right_value += other.right_value
        self.misses += other.misses


def same_value(found: Any, gold: Any) -> bool:
    if isinstance(found, list) and isinstance(gold, list):
        return len(found) == len(gold) and all(same_value(f, g) for f, g in zip(found, gold, strict=True))
    if isinstance(found, int | float) and isinstance(gold, int | float):
        return math.isclose(found, gold, rel_tol=1e-9, abs_tol=1e-9)
    return bool(found == gold)


def _around(text: str, mention: dict[str, Any]) -> str:
    """The words around a mention, for reading a miss."""
    left = text[max(0, mention["start"] - 70) : mention["start"]]
    right = text[mention["end"] : mention["end"] + 50]
    return "\n    … " + " ".join(f"{left}[{mention['text']}]{right}".split()) + " …"


def score_article(text: str, annotation: dict[str, Any], name: str = "") -> Score:
    gold = [g for g in annotation["mentions"] if g["kind"] in SCORED_KINDS]
    found = [m.as_dict() for m in extract(text, annotation["lang"], annotation["ref"])]
    found = [m for m in found if m["kind"] in SCORED_KINDS]
    score = Score(gold=len(gold), found=len(found))
    used: set[int] = set()
    for g in gold:
        match = next(
            (
                i
                for i, m in enumerate(found)
                if i not in used
                and m["kind"] == g["kind"]
                and m["start"] < g["end"]
                and g["start"] < m["end"]
            ),
            None,
        )
        if match is None:
            score.misses.append(f"{name} missed {g['kind']} {g['text']!r} = {g['value']!r}{_around(text, g)}")
            continue
        used.add(match)
        score.matched += 1
        if same_value(found[match]["value"], g["value"]):
            score.right_value += 1
        else:
            m = found[match]
            score.misses.append(
                f"{name} value {m['text']!r}: {m['value']!r}, annotated {g['value']!r}{_around(text, m)}"
            )
    for i, m in enumerate(found):
        if i not in used:
            score.misses.append(
                f"{name} spurious {m['kind']} {m['text']!r} = {m['value']!r}{_around(text, m)}"
            )
    return score


def score_folder(folder: Path) -> dict[str, Score]:
    """Scores by language over every annotated article in ``folder``."""
    by_lang: dict[str, Score] = {}
    for path in sorted(folder.glob("*.json")):
        annotation = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        score = score_article(text, annotation, f"{folder.name}/{path.stem}")
        by_lang.setdefault(annotation["lang"], Score()).add(score)
    return by_lang


def main(argv: list[str]) -> None:
    total: dict[str, Score] = {}
    for arg in argv:
        for lang, score in score_folder(Path(arg)).items():
            total.setdefault(lang, Score()).add(score)
    for lang, s in sorted(total.items()):
        for line in s.misses:
            print(line)
        print(
            f"{lang}: {s.gold} annotated, {s.found} found, {s.matched} matched; precision {s.precision:.3f}, "
            f"recall {s.recall:.3f}, F1 {s.f1:.3f}, values {s.value_accuracy:.3f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
