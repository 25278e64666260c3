"""Arrow values built from buffers equal what pyarrow's own conversion gives."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from datapkg.checks.arrow_values import lit, values

FLOATS = st.floats(allow_nan=False)
DATES = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


@given(st.lists(st.text()))
def test_strings_round_trip_with_multibyte_characters(items: list[str]) -> None:
    array = values(items, pa.string())
    array.validate(full=True)
    assert array.to_pylist() == items
    assert array.equals(pa.array(items, pa.string()))


@given(st.lists(st.integers(min_value=-(2**63), max_value=2**63 - 1)))
def test_int64_round_trip(items: list[int]) -> None:
    assert values(items, pa.int64()).to_pylist() == items


@given(st.lists(st.integers(min_value=-(2**31), max_value=2**31 - 1)))
def test_int32_round_trip(items: list[int]) -> None:
    assert values(items, pa.int32()).equals(pa.array(items, pa.int32()))


@given(st.lists(FLOATS))
def test_float64_round_trip(items: list[float]) -> None:
    assert values(items, pa.float64()).to_pylist() == items


@given(st.lists(st.booleans()))
def test_booleans_round_trip(items: list[bool]) -> None:
    array = values(items, pa.bool_())
    array.validate(full=True)
    assert array.to_pylist() == items


@given(st.lists(DATES))
def test_dates_round_trip(items: list[dt.date]) -> None:
    assert values(items, pa.date32()).to_pylist() == items


@pytest.mark.parametrize(
    ("value", "type_", "expected_type"),
    [
        ("vague", None, pa.string()),
        (True, None, pa.bool_()),
        (7, None, pa.int64()),
        (0.5, None, pa.float64()),
        (dt.date(2024, 6, 19), None, pa.date32()),
        (1900, pa.int64(), pa.int64()),
        (0, pa.float64(), pa.float64()),
        (3, pa.int32(), pa.int32()),
    ],
)
def test_scalars_take_the_type_of_the_python_value_unless_given(
    value: object, type_: pa.DataType | None, expected_type: pa.DataType
) -> None:
    scalar = lit(value, type_)
    assert scalar.type == expected_type
    assert scalar.as_py() == value


def test_unsupported_types_are_refused() -> None:
    with pytest.raises(TypeError, match="no buffer layout for timestamp"):
        values([0], pa.timestamp("s"))
    with pytest.raises(TypeError, match="no Arrow type for"):
        lit(object())


def test_building_values_does_not_import_pandas() -> None:
    code = (
        "import sys, datetime as dt, pyarrow as pa; from datapkg.checks.arrow_values import lit, values; "
        "values(['a', 'ü'], pa.string()); values([1], pa.int64()); values([True], pa.bool_()); "
        "lit(dt.date(2024, 1, 1)); lit(1.5); print('pandas' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
