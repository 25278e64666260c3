"""The Parquet files read the same in DuckDB, polars and pyarrow: same rows, same types."""

from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl
import pyarrow.parquet as pq
import pytest

import datapkg
from datapkg._names import RESOURCES

_ARROW_FOR = {
    "string": "string", "integer": "int64", "number": "double", "date": "date32[day]", "list": "list<element: string>",
}  # fmt: skip
_DUCKDB_FOR = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "number": "DOUBLE",
    "date": "DATE",
    "list": "VARCHAR[]",
}
_POLARS_FOR = {
    "string": pl.String, "integer": pl.Int64, "number": pl.Float64, "date": pl.Date, "list": pl.List(pl.String),
}  # fmt: skip


def _schema(name: str) -> list[dict[str, str]]:
    return next(r for r in datapkg.package()["resources"] if r["name"] == name)["schema"]["fields"]


@pytest.mark.parametrize("name", RESOURCES)
def test_three_readers_agree(name: str) -> None:
    path = datapkg.path(name)  # type: ignore[arg-type]
    fields = _schema(name)
    arrow = pq.read_table(path)
    assert [str(t) for t in arrow.schema.types] == [_ARROW_FOR[f["type"]] for f in fields]
    relation = duckdb.sql(f"SELECT * FROM read_parquet('{path}') ORDER BY id")
    assert [str(t) for t in relation.types] == [_DUCKDB_FOR[f["type"]] for f in fields]
    frame = pl.read_parquet(path).sort("id")
    assert [frame.schema[f["name"]] for f in fields] == [_POLARS_FOR[f["type"]] for f in fields]
    expected = sorted(arrow.to_pylist(), key=lambda r: r["id"])
    assert [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()] == expected
    assert frame.to_dicts() == expected


def test_duckdb_answers_a_question() -> None:
    path = datapkg.path("diplomatic_actions")
    rows = duckdb.sql(
        f"SELECT id FROM read_parquet('{path}') WHERE action_type = 'sign-agreement' AND date_start = DATE '2024-06-19' "
        "AND source_id = '000_7e917bff9e613273' ORDER BY id"
    ).fetchall()
    assert rows == [("kim-signs-treaty-2024-06-19",), ("putin-signs-treaty-2024-06-19",)]
    read = {r["id"]: r["date_start"] for r in pq.read_table(path, columns=["id", "date_start"]).to_pylist()}
    assert read["kim-signs-treaty-2024-06-19"] == dt.date(2024, 6, 19)  # a date, not a timestamp or text
