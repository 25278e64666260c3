"""Parsers of curator input: dates, quote placement, YAML with line numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from datapkg.compiler.inputs.dates import DateFormError, expand_date
from datapkg.compiler.inputs.quotes import occurrences, place_quote
from datapkg.compiler.inputs.yaml_input import load_yaml


@pytest.mark.parametrize(
    ("value", "start", "end", "precision"),
    [
        (dt.date(2024, 6, 19), "2024-06-19", "2024-06-19", "day"),
        ("2024-06-19", "2024-06-19", "2024-06-19", "day"),
        ("2024-02", "2024-02-01", "2024-02-29", "month"),
        ("2023-02", "2023-02-01", "2023-02-28", "month"),
        (2024, "2024-01-01", "2024-12-31", "year"),
        ([dt.date(2024, 6, 20), dt.date(2024, 6, 21)], "2024-06-20", "2024-06-21", "day"),
        (["2023-08", "2024-01"], "2023-08-01", "2024-01-31", "month"),
    ],
)
def test_date_forms(value: object, start: str, end: str, precision: str) -> None:
    span = expand_date(value)
    assert (span.start.isoformat(), span.end.isoformat(), span.precision) == (start, end, precision)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-06-31", "impossible date '2024-06-31'"),
        ("2024-13", "impossible date '2024-13'"),
        ("June 2024", "expected a date like"),
        ([dt.date(2024, 6, 21), dt.date(2024, 6, 20)], "ends (2024-06-20) before it starts"),
        ([dt.date(2024, 6, 21), "2024-07"], "same form"),
        ([2024], "exactly two ends"),
        (True, "expected a date like"),
    ],
)
def test_bad_dates_say_what_was_expected(value: object, message: str) -> None:
    with pytest.raises(DateFormError, match=None) as caught:
        expand_date(value)
    assert message in str(caught.value)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_any_day_month_and_year_round_trips(day: dt.date) -> None:
    assert expand_date(day.isoformat()) == expand_date(day)
    month = expand_date(f"{day.year:04d}-{day.month:02d}")
    assert month.start <= day <= month.end and month.start.day == 1
    assert (month.end + dt.timedelta(days=1)).day == 1
    year = expand_date(day.year)
    assert year.start <= day <= year.end


@given(st.text(min_size=1), st.data())
def test_a_unique_slice_is_found_at_its_offset(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    found, error = place_quote(text, quote, None)
    if occurrences(text, quote) == [start]:
        assert (found, error) == (start, None)
    else:
        assert found is None and error is not None
    assert place_quote(text, quote, start) == (start, None)
    if found is not None:
        assert text[found : found + len(quote)] == quote


@given(st.text(), st.text(min_size=1))
def test_place_quote_never_returns_a_wrong_offset(text: str, quote: str) -> None:
    found, error = place_quote(text, quote, None)
    assert (found is None) != (error is None)
    if found is not None:
        assert text[found : found + len(quote)] == quote


def test_ambiguous_quote_lists_offsets() -> None:
    assert place_quote("ab ab", "ab", None) == (
        None,
        "quote occurs 2 times (at offsets [0, 3]); quote more context or give quote_start to choose one",
    )


def test_missing_quote_shows_the_first_difference() -> None:
    _, error = place_quote("Platz 36 und", "Platz 37", None)
    assert error is not None and "the first 7 characters match at offset 0" in error


def test_yaml_keeps_lines_and_rejects_duplicate_keys(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("items:\n  - id: a\n    value: 1\n  - id: b\n    id: c\n", encoding="utf-8")
    doc, problems = load_yaml(path, "r.yaml")
    assert doc is None
    assert [str(p) for p in problems] == ["r.yaml:5: YAML syntax error: duplicate key 'id' (first on line 4)"]
    path.write_text("items:\n  - id: a\n    value: 1\n", encoding="utf-8")
    doc, problems = load_yaml(path, "r.yaml")
    assert problems == []
    item = doc["items"][0]
    assert (item.line, item.key_lines) == (2, {"id": 2, "value": 3})


@given(st.text())
def test_yaml_loader_never_crashes(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.yaml"
        path.write_bytes(text.encode("utf-8", errors="replace"))
        doc, problems = load_yaml(path, "f.yaml")
        assert doc is None or problems == []
        for p in problems:
            assert p.where.startswith("f.yaml")


def test_yaml_reads_numbers_as_yaml_1_2(tmp_path: Path) -> None:
    # YAML 1.1 reads digits joined by underscores as one integer: a source id would be lost.
    path = tmp_path / "ids.yaml"
    path.write_text(
        "source_id: 900_0000000000000001\ncode: 017\nyear: 2024\nshare: 0.5\nneg: -3\nday: 2024-06-19\n",
        encoding="utf-8",
    )
    data, problems = load_yaml(path, "ids.yaml")
    assert problems == []
    assert dict(data) == {
        "source_id": "900_0000000000000001",
        "code": "017",
        "year": 2024,
        "share": 0.5,
        "neg": -3,
        "day": dt.date(2024, 6, 19),
    }


@given(st.from_regex(r"[0-9]{3}_[0-9a-f]{16}", fullmatch=True))
def test_any_source_id_stays_text(source_id: str) -> None:
    import yaml

    from datapkg.compiler.inputs.yaml_input import _Loader

    assert yaml.load(f"id: {source_id}\n", Loader=_Loader) == {"id": source_id}
