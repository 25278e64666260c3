"""The development corpus (tests/extraction_corpus/): sentences written for it, each with
the exact mentions expected, in German and English."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from datapkg.extract import extract

CORPUS = Path(__file__).resolve().parent / "extraction_corpus"


def _cases() -> list[tuple[str, dict[str, Any]]]:
    return [
        (lang, json.loads(line))
        for lang in ("de", "en")
        for line in (CORPUS / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


@pytest.mark.parametrize(
    ("lang", "case"), _cases(), ids=lambda c: c if isinstance(c, str) else c["text"][:40]
)
def test_corpus_sentence(lang: str, case: dict[str, Any]) -> None:
    found = [m.as_dict() for m in extract(case["text"], lang, case["ref"])]
    assert found == case["mentions"]
    for m in found:
        assert case["text"][m["start"] : m["end"]] == m["text"]


def test_corpus_covers_every_new_kind() -> None:
    texts = {case["text"]: case for _, case in _cases()}
    values = [m["value"] for case in texts.values() for m in case["mentions"]]
    units = {m["unit"] for case in texts.values() for m in case["mentions"]}
    assert "times" in units and "notch" in units and "Rang" in units
    assert 0.5 in values and "2024-06-19T14:27" in values and "2024-08-27T17:54" in values
    assert ["2024-11-08", "2024-11-13"] in values and "2023-09" in values and "2025-01" in values
    kinds = {m["kind"] for case in texts.values() for m in case["mentions"]}
    assert "anchor" in kinds and {"PRESENT_REF", "PAST_REF", "FUTURE_REF"} <= {
        v for v in values if isinstance(v, str)
    }


_DAYS = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))
_SENTENCES = [text for _, case in _cases() for text in [case["text"]]]


@settings(deadline=None, max_examples=60)
@given(_DAYS, st.integers(min_value=0, max_value=40), st.sampled_from(_SENTENCES))
def test_a_window_keeps_only_what_both_ends_agree_on(first: dt.date, days: int, text: str) -> None:
    """Against a window, every value is what the first and the last day both give, or open."""
    last = first + dt.timedelta(days=days)
    lang = "de" if any(w in text for w in (" der ", " die ", " das ", "Am ", "Im ", " und ")) else "en"
    windowed = extract(text, lang, (first, last))
    at_first, at_last = extract(text, lang, first), extract(text, lang, last)
    for m, a, b in zip(windowed, at_first, at_last, strict=True):
        assert (m.start, m.end) == (a.start, a.end) == (b.start, b.end)
        assert _agreed(m.value, a.value, b.value)


def _agreed(value: Any, first: Any, last: Any) -> bool:
    """``value`` is what ``first`` and ``last`` share: the same value, or open (None, or a
    date whose year is XXXX), item by item for spans."""
    if first == last:
        return bool(value == first)
    if isinstance(value, list) and isinstance(first, list) and isinstance(last, list):
        return all(_agreed(v, f, x) for v, f, x in zip(value, first, last, strict=True))
    return value is None or (isinstance(value, str) and value.startswith("XXXX"))
