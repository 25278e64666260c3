"""Findings: what a check reports, one per failing row, and the mask helpers that turn
a boolean Arrow mask into them. Only failing rows become Python objects."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from datapkg.checks.arrow_values import lit, values


@dataclass(frozen=True, order=True)
class Finding:
    table: str
    row: int | None  # position in the table, to locate the record's origin
    record_id: str | None
    field: str | None
    message: str
    rule: str = ""  # the constraint's name, where a declared constraint found it


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
    name: str, table: pa.Table, mask: pa.ChunkedArray | pa.Array, field: str, message: Any, rule: str = ""
) -> list[Finding]:
    """One finding per row where ``mask`` holds; ``message`` is text or a function of the row."""
    return findings_at(name, table, positions(mask), field, message, rule)


def findings_at(
    name: str, table: pa.Table, where: list[int], field: str, message: Any, rule: str = ""
) -> list[Finding]:
    """One finding per row position in ``where`` (ascending)."""
    if not where:
        return []
    out = []
    for position, row in zip(where, rows_at(table, where), strict=True):
        text = message(row) if callable(message) else message
        out.append(Finding(name, position, row.get("id"), field, text, rule))
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
