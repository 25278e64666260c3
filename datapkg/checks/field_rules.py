"""Field constraints from the Table Schema, checked on whole Arrow columns.

Every constraint in ``schemas/*.json`` (required, enum, pattern, minimum,
maximum, minLength, unique) becomes one vectorised Arrow compute call; only the
rows that fail are turned into Python objects for their messages. This is the
engine of ``datapkg build`` and ``datapkg validate``: a million-row table takes
a fraction of a second. The same constraints are also published as Pandera
schemas (``pandera_schemas.py``) for users' own pipelines; a test keeps the two
in agreement.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from datapkg.checks.arrow_values import lit, values
from datapkg.schema.arrow_types import ARROW_TYPES
from datapkg.schema.specs import TableSpec


@dataclass(frozen=True, order=True)
class Finding:
    table: str
    row: int | None  # position in the table, to locate the record's origin
    record_id: str | None
    field: str | None
    message: str


def any_of(*masks: Any) -> Any:
    """Element-wise OR with Kleene logic (a null and true is true)."""
    out = masks[0]
    for m in masks[1:]:
        out = pc.or_kleene(out, m)
    return out


def all_of(*masks: Any) -> Any:
    """Element-wise AND with Kleene logic (a null and false is false)."""
    out = masks[0]
    for m in masks[1:]:
        out = pc.and_kleene(out, m)
    return out


def positions(mask: pa.ChunkedArray | pa.Array) -> list[int]:
    """Row positions where a boolean mask is true (nulls count as false)."""
    if not pc.any(mask).as_py():  # any() and indices_nonzero() both skip nulls
        return []
    return [int(i) for i in pc.indices_nonzero(mask).to_pylist()]


def rows_at(table: pa.Table, where: list[int]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = table.take(values(where, pa.int64())).to_pylist()
    return rows


def findings_where(
    name: str, table: pa.Table, mask: pa.ChunkedArray | pa.Array, field: str, message: Any
) -> list[Finding]:
    """One finding per row where ``mask`` holds; ``message`` is text or a function of the row."""
    return findings_at(name, table, positions(mask), field, message)


def findings_at(name: str, table: pa.Table, where: list[int], field: str, message: Any) -> list[Finding]:
    """One finding per row position in ``where`` (ascending)."""
    if not where:
        return []
    out = []
    for position, row in zip(where, rows_at(table, where), strict=True):
        text = message(row) if callable(message) else message
        out.append(Finding(name, position, row.get("id"), field, text))
    return out


def distinct_rows(table: pa.Table, columns: list[str]) -> list[dict[str, Any]]:
    """One row for each distinct combination of some columns' values.

    Built from dictionary codes with plain compute kernels: Acero's group_by would
    import pandas, which costs a validation run more than the work itself.
    """
    keys: Any = None
    for column in columns:
        encoded = pc.dictionary_encode(table[column]).combine_chunks()
        codes = pc.fill_null(pc.cast(encoded.indices, pa.int64()), lit(len(encoded.dictionary)))
        if keys is None:
            keys = codes
        else:
            # re-encode after each step so the combined code stays below the row count
            combined = pc.add(pc.multiply(keys, lit(len(encoded.dictionary) + 1)), codes)
            keys = pc.cast(pc.dictionary_encode(combined).indices, pa.int64())
    if keys is None or table.num_rows == 0:
        return []
    first_rows = pc.index_in(pc.unique(keys), value_set=keys)  # first occurrence of each key
    rows: list[dict[str, Any]] = table.select(columns).take(first_rows).to_pylist()
    return rows


def _duplicates(column: pa.ChunkedArray) -> pa.ChunkedArray | None:
    """Mask of rows whose value occurs more than once, or None when all are distinct."""
    non_null = pc.drop_null(column)
    if len(pc.unique(non_null)) == len(non_null):
        return None
    counts = pa.table({"v": column}).group_by("v").aggregate([("v", "count")])
    repeated = pc.filter(counts["v"], pc.greater(counts["v_count"], 1))
    return pc.is_in(column, value_set=repeated)


def _field_findings(spec: TableSpec, table: pa.Table, field: dict[str, Any]) -> Iterator[Finding]:
    name, c = field["name"], field.get("constraints", {})
    column = table[name]

    def value(row: dict[str, Any]) -> Any:
        return row[name]

    if c.get("required"):
        yield from findings_where(spec.name, table, pc.is_null(column), name, "required, but missing")
    if "enum" in c:
        bad = pc.and_(
            pc.is_valid(column), pc.invert(pc.is_in(column, value_set=values(c["enum"], column.type)))
        )
        expected = "expected one of: " + ", ".join(c["enum"])
        yield from findings_where(spec.name, table, bad, name, lambda r: f"{value(r)!r}: {expected}")
    if "pattern" in c:
        bad = pc.invert(pc.match_substring_regex(column, c["pattern"]))
        text = f"expected text matching {c['pattern']}"
        yield from findings_where(spec.name, table, bad, name, lambda r: f"{value(r)!r}: {text}")
    if "minimum" in c:
        bad = pc.less(column, lit(c["minimum"], column.type))
        yield from findings_where(
            spec.name, table, bad, name, lambda r: f"{value(r)!r}: expected at least {c['minimum']}"
        )
    if "maximum" in c:
        bad = pc.greater(column, lit(c["maximum"], column.type))
        yield from findings_where(
            spec.name, table, bad, name, lambda r: f"{value(r)!r}: expected at most {c['maximum']}"
        )
    if "minLength" in c:
        bad = pc.less(pc.utf8_length(column), lit(c["minLength"], pa.int32()))
        text = f"expected at least {c['minLength']} character(s)"
        yield from findings_where(spec.name, table, bad, name, lambda r: f"{value(r)!r}: {text}")
    if c.get("unique"):
        mask = _duplicates(column)
        if mask is not None:
            yield from findings_where(
                spec.name, table, mask, name, lambda r: f"duplicate value {value(r)!r}: must be unique"
            )


def structure_findings(spec: TableSpec, table: pa.Table) -> list[Finding]:
    """The schema's columns, in its order, with its types; findings here have no row."""
    out: list[Finding] = []
    expected = list(spec.field_names)
    if table.column_names != expected:
        missing = [n for n in expected if n not in table.column_names]
        extra = [n for n in table.column_names if n not in expected]
        for n in missing:
            out.append(Finding(spec.name, None, None, n, "column missing"))
        for n in extra:
            out.append(Finding(spec.name, None, None, n, "column not in the schema"))
        if missing or extra:
            return out
        out.append(
            Finding(spec.name, None, None, None, f"columns out of order: expected {', '.join(expected)}")
        )
    for f in spec.fields:
        want = ARROW_TYPES[f.type]
        if table.schema.field(f.name).type != want:
            out.append(
                Finding(
                    spec.name,
                    None,
                    None,
                    f.name,
                    f"wrong column type {table.schema.field(f.name).type}: expected {want}",
                )
            )
    return out


def field_findings(spec: TableSpec, table: pa.Table) -> list[Finding]:
    """Every field constraint, on a table whose structure is right."""
    return [finding for f in spec.fields for finding in _field_findings(spec, table, f.descriptor)]
