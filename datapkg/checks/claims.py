"""Every fact row read as one claim, in the same columns whatever its table: who it is about
and what it says (as each fact schema's ``x-claim`` names them), its event, source, status,
polarity, number and dates.

    "x-claim": {"subject": "force", "what": "measure"}                       (troop_figures)
    "x-claim": {"subject": "country", "counterpart": "relative_to", "what": "metric",
                "value": "rank", "unit_constant": "place"}                   (military_rankings)

``subject``, ``counterpart`` and ``what`` name columns; ``value`` and ``unit`` name the
columns of the number and its unit (default ``value`` and ``unit``); ``unit_constant`` is the
unit of a table whose rows all count one thing. A fact table without ``x-claim`` still gives
its claims, with those columns empty; so does a table without a column of the usual names
(``location``, ``count_type``, the quantity and date columns). The events' derived columns
(:mod:`datapkg.checks.event_rollup`) and :func:`datapkg.claims` are both read from here.

Only Arrow kernels: no conversion of Python values (which would import pandas).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pyarrow as pa
import pyarrow.compute as pc

from datapkg._names import FACT_TABLES, ResourceName
from datapkg.checks.arrow_values import lit
from datapkg.schema.specs import TableSpec

CLAIM_COLUMNS: dict[str, pa.DataType] = {
    "event_id": pa.string(),
    "table": pa.string(),
    "id": pa.string(),
    "source_id": pa.string(),
    "subject": pa.string(),
    "counterpart": pa.string(),
    "what": pa.string(),
    "location": pa.string(),
    "claim_status": pa.string(),
    "polarity": pa.string(),
    "attributed_to": pa.string(),
    "count_type": pa.string(),
    "value": pa.int64(),
    "value_low": pa.int64(),
    "value_high": pa.int64(),
    "qualifier": pa.string(),
    "unit": pa.string(),
    "date_start": pa.date32(),
    "date_end": pa.date32(),
    "quote": pa.string(),
    "quote_en": pa.string(),
}
"""The columns of a claim, in order, with their types."""

_ROLES = ("subject", "counterpart", "what")


def _source_column(name: str, spec: TableSpec) -> str | None:
    """The column of a fact table that gives claim column ``name``, if the table has one."""
    role = spec.descriptor.get("x-claim", {})
    if name in _ROLES:
        column = role.get(name)
    elif name == "value":
        column = role.get("value", "value")
    elif name == "unit":
        column = role.get("unit", "unit")
    else:
        column = name
    return column if column in spec.field_names else None


def _constant(text: str, rows: int) -> pa.Array:
    return pa.repeat(lit(text), rows)


def table_claims(
    name: str, spec: TableSpec, table: pa.Table, extra: Sequence[str] = (), only: Sequence[str] | None = None
) -> pa.Table:
    """One fact table's rows as claims (``only`` some of the claim columns, if given); ``extra``
    columns of the table come along as text (empty where the table has no such column)."""
    rows = table.num_rows
    columns: dict[str, pa.Array | pa.ChunkedArray] = {}
    for column, type_ in CLAIM_COLUMNS.items():
        if only is not None and column not in only:
            continue
        found = _source_column(column, spec)
        if column == "table":
            columns[column] = _constant(name, rows)
        elif found is not None:
            columns[column] = pc.cast(table[found], type_)
        elif column == "unit" and "unit_constant" in spec.descriptor.get("x-claim", {}):
            columns[column] = _constant(str(spec.descriptor["x-claim"]["unit_constant"]), rows)
        else:
            columns[column] = pa.nulls(rows, type_)
    for column in extra:
        if column not in columns:
            present = column in table.column_names
            columns[column] = pc.cast(table[column], pa.string()) if present else pa.nulls(rows, pa.string())
    return pa.table(columns)


def claim_rows(
    specs: Mapping[ResourceName, TableSpec],
    tables: Mapping[ResourceName, pa.Table],
    extra: Sequence[str] = (),
    only: Sequence[str] | None = None,
) -> pa.Table:
    """The claims of every fact table, table by table in resource order."""
    parts = [table_claims(name, specs[name], tables[name], extra, only) for name in FACT_TABLES]
    return pa.concat_tables(parts)
