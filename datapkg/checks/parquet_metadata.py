"""A Parquet file's own description of its columns against the descriptor's schema.

The loader types each column from the file alone (``datapkg._parquet_schema``: the Arrow
types, the enum values in the field metadata) and pandas reads the schema metadata too, so a
file whose metadata was edited, and whose size and hash were then recorded anew, would load
differently from what the descriptor says. The build writes exactly
:func:`datapkg.schema.arrow_types.arrow_schema` with the table's title, description and
version (``with_table_metadata``): every key it writes must be there with the value it
writes, and no other key.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from datapkg.schema.arrow_types import ENUM_KEY, ENUM_SEPARATOR, arrow_schema, with_table_metadata
from datapkg.schema.specs import TableSpec

Metadata = dict[bytes, bytes] | None


def metadata_problems(shown: str, spec: TableSpec, schema: pa.Schema, about: dict[str, str]) -> list[str]:
    """Each difference between the metadata of a file's columns and the descriptor's schema,
    and between the file's title, description and version (``about``) and the descriptor's,
    naming the file, the column and what differs. Columns and types are compared by
    :func:`datapkg.checks.table_rules.structure_findings`."""
    expected = with_table_metadata(arrow_schema(spec), about)
    if schema.equals(expected, check_metadata=True):
        return []
    out = _differences(f"{shown}: file metadata", schema.metadata, expected.metadata)
    for field in schema:
        if field.name not in expected.names:
            continue
        where = f"{shown}: column {field.name!r}"
        if not field.nullable:
            out.append(f"{where}: marked as never missing; the build writes every column as nullable")
        out += _differences(f"{where}: field metadata", field.metadata, expected.field(field.name).metadata)
    return out


def _text(value: bytes) -> str:
    return repr(value.decode("utf-8", "replace"))


def _differences(where: str, have: Metadata, want: Metadata) -> list[str]:
    have, want = have or {}, want or {}
    out = []
    for key in sorted(set(have) | set(want)):
        name = key.decode("utf-8", "replace")
        if key not in want:
            out.append(f"{where}: has {name!r}, which the build does not write ({_text(have[key])})")
        elif key not in have:
            out.append(f"{where}: lacks {name!r}; the descriptor says {_text(want[key])}")
        elif have[key] != want[key]:
            out.append(f"{where}: {_changed(key, have[key], want[key])}")
    return out


def _changed(key: bytes, have: bytes, want: bytes) -> str:
    if key != ENUM_KEY.encode():
        return f"{key.decode()} is {_text(have)}; the descriptor says {_text(want)}"
    mine = have.decode("utf-8", "replace").split(ENUM_SEPARATOR)
    theirs = want.decode("utf-8").split(ENUM_SEPARATOR)
    added, lacking = [v for v in mine if v not in theirs], [v for v in theirs if v not in mine]
    if not added and not lacking and len(mine) != len(theirs):
        return f"enum values listed more than once ({', '.join(map(repr, mine))})"
    if not added and not lacking:
        return f"enum values in another order than the descriptor's ({', '.join(map(repr, theirs))})"
    parts = ([f"adds {', '.join(map(repr, added))}"] if added else []) + (
        [f"lacks {', '.join(map(repr, lacking))}"] if lacking else []
    )
    return f"enum values differ from the descriptor's: {'; '.join(parts)}"


def statistics_problems(shown: str, metadata: Any, table: pa.Table) -> list[str]:
    """Row-group statistics against the values they summarise: query engines trust them to skip
    data (``datapkg.duckdb()`` queries the files), so a forged minimum, maximum or count of
    missing values would hide rows from a query that ``datapkg validate`` passed."""
    out: list[str] = []
    offset = 0
    for g in range(metadata.num_row_groups):
        group = metadata.row_group(g)
        for j in range(group.num_columns):
            chunk = group.column(j)
            name, nested = chunk.path_in_schema, chunk.path_in_schema.endswith(".list.element")
            base = name.removesuffix(".list.element")
            if chunk.statistics is None or base not in table.column_names:
                continue
            column = table[base].slice(offset, group.num_rows)
            column = pc.list_flatten(column) if nested else column
            out += _chunk_problems(
                f"{shown}: row group {g}, column {name!r}", chunk.statistics, column, nested
            )
        offset += group.num_rows
    return out


def _chunk_problems(where: str, stats: Any, column: Any, nested: bool) -> list[str]:
    out = []
    try:
        if not nested and stats.has_null_count and stats.null_count != column.null_count:
            out.append(
                f"{where}: statistics say {stats.null_count} missing value(s); it has {column.null_count}"
            )
        if stats.has_min_max:
            actual = pc.min_max(column)
            low, high = actual["min"].as_py(), actual["max"].as_py()
            if (stats.min, stats.max) != (low, high):
                out.append(
                    f"{where}: statistics say its values run from {stats.min!r} to {stats.max!r}; "
                    f"they run from {low!r} to {high!r}"
                )
    except (pa.ArrowException, ValueError, TypeError, UnicodeDecodeError) as error:
        out.append(f"{where}: unreadable statistics ({error})")
    return out
