"""Assemble rows into Arrow tables typed by the Table Schema, sorted by primary key."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from datapkg.schema.arrow_types import arrow_schema
from datapkg.schema.constraints import QUALIFIER_BOUNDS
from datapkg.schema.specs import TableSpec


def fill_implied_bounds(table: pa.Table) -> pa.Table:
    """The bounds a qualifier implies (``QUALIFIER_BOUNDS``: "exact" both, "more_than" the
    low one, ...), so users can filter on value_low/value_high alone. Bounds the curator
    gave are kept; the checks require them to agree."""
    value, qualifier = table["value"], table["qualifier"]
    for column in ("value_low", "value_high"):
        qualifiers = [q for q, bounds in QUALIFIER_BOUNDS.items() if column in bounds]
        implied = pc.is_in(qualifier, value_set=pa.array(qualifiers))
        current = table[column]
        fill = pc.and_(pc.and_(implied, pc.is_null(current)), pc.is_valid(value))
        index = table.schema.get_field_index(column)
        # the Field, not its name, keeps the description in the Parquet metadata
        table = table.set_column(index, table.schema.field(index), pc.if_else(fill, value, current))
    return table


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
