"""The extractor on whole articles annotated by hand (tests/extraction_articles/): each
annotation is well formed, and F1 and value accuracy stay at or above the floor the
project holds itself to in each language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.extraction_accuracy import SCORED_KINDS, Score, score_folder

ARTICLES = Path(__file__).resolve().parent / "extraction_articles"
FLOOR = 0.97


def test_every_annotation_slices_its_article() -> None:
    annotations = sorted(ARTICLES.glob("*.json"))
    assert {p.stem.split("_")[0][:2] for p in annotations} == {"de", "en"}
    for path in annotations:
        annotation = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        assert annotation["lang"] == path.stem[:2]
        ends = [0]
        for m in annotation["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"], (path.name, m)
            assert m["start"] >= ends[-1] and m["kind"] in SCORED_KINDS | {"anchor"}, (path.name, m)
            ends.append(m["end"])


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    return score_folder(ARTICLES)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_f1_and_values_stay_above_the_floor(scores: dict[str, Score], lang: str) -> None:
    score = scores[lang]
    print(f"{lang}: F1 {score.f1:.3f}, values {score.value_accuracy:.3f} ({score.gold} annotated)")
    assert score.f1 >= FLOOR, "\n".join(score.misses)
    assert score.value_accuracy >= FLOOR, "\n".join(score.misses)
