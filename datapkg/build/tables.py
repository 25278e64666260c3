"""Assemble rows into Arrow tables typed by the Table Schema, sorted by primary key."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pyarrow as pa

from datapkg.build.schemas import TableSpec

ARROW_TYPES = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
}


def arrow_schema(spec: TableSpec) -> pa.Schema:
    """Arrow schema whose field metadata carries each field's description, so the
    Parquet files explain themselves to readers that never see the descriptor."""
    return pa.schema(
        [
            pa.field(
                f.name,
                ARROW_TYPES[f.type],
                nullable=True,
                metadata={"description": f.descriptor.get("description", "")},
            )
            for f in spec.fields
        ],
        metadata={"resource": spec.name},
    )


def sort_key(spec: TableSpec) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """Primary-key order; a missing key sorts first (None never compares with a value)."""

    def key(row: dict[str, Any]) -> tuple[Any, ...]:
        return tuple((row[k] is not None, row[k] if row[k] is not None else "") for k in spec.primary_key)

    return key


def build_table(spec: TableSpec, ordered: Sequence[dict[str, Any]]) -> pa.Table:
    """Rows must already be in ``sort_key`` order, so callers can keep a parallel list."""
    columns = {name: [row.get(name) for row in ordered] for name in spec.field_names}
    schema = arrow_schema(spec)
    return pa.table([pa.array(columns[f.name], type=f.type) for f in schema], schema=schema)
