"""Bulk records: fact rows in Parquet files, for corpora too large to curate as YAML.

``build/records/<name>.<table>.parquet`` holds rows of one fact table with the
table's own columns: ``date_start``/``date_end``/``date_precision`` instead of
``date``, and ``quote_start`` required (a bulk row names its offsets; the build
checks that the source text there equals the quote). ``quote_end`` is computed;
implied bounds are filled for all records alike (``tables.fill_implied_bounds``). Everything else is checked
exactly as curated records are; a problem in row N is reported as ``file:N``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from datapkg._input_files import InputFileError, regular_file
from datapkg._names import FACT_TABLES, ResourceName
from datapkg.compiler.layout import Layout
from datapkg.compiler.problems import Problem
from datapkg.schema.arrow_types import arrow_schema
from datapkg.schema.specs import TableSpec


@dataclass(frozen=True)
class BulkPart:
    file: str
    table: pa.Table


def _kind(type_: pa.DataType) -> str:
    """A type's kind, as a curator would name it: casts never cross kinds."""
    if pa.types.is_dictionary(type_):
        return _kind(type_.value_type)
    for test, kind in (
        (pa.types.is_boolean, "boolean"),  # before integers: a boolean is no count
        (pa.types.is_integer, "integer"),
        (pa.types.is_floating, "number"),
        (lambda t: pa.types.is_string(t) or pa.types.is_large_string(t), "text"),
        (pa.types.is_date, "date"),
        (pa.types.is_timestamp, "timestamp"),
        (pa.types.is_null, "null"),
    ):
        if test(type_):
            return kind
    if pa.types.is_list(type_) or pa.types.is_large_list(type_):
        return f"list of {_kind(type_.value_type)}"
    return str(type_)


_KIND_WORDS = {"integer": "whole numbers", "number": "numbers", "text": "text", "date": "dates",
               "boolean": "true/false", "timestamp": "date and time", "null": "empty"}  # fmt: skip


def _words(type_: pa.DataType) -> str:
    return _KIND_WORDS.get(_kind(type_), _kind(type_))


def _first_value(shown: str, raw: pa.Table, column: str, expected: str, got: str) -> Problem:
    """The problem at the column's first value, naming its row, record and what it is."""
    values = raw[column]
    rows = pc.indices_nonzero(pc.is_valid(values)).to_pylist()[:1] if values.null_count < len(values) else []
    if not rows:
        return Problem(shown, f"column {column!r}: {expected}, got {got}")
    row = rows[0]
    record = raw["id"][row].as_py() if "id" in raw.column_names else None
    shown_value = values[row].as_py()
    if isinstance(shown_value, dt.date):
        shown_value = shown_value.isoformat()
    return Problem(f"{shown}:{row + 1}", f"{expected}, got {shown_value!r} in {got}", record, column)


def _fits(source: pa.DataType, target: pa.DataType) -> bool:
    have, want = _kind(source), _kind(target)
    return have in (want, "null") or (have, want) == ("integer", "number")


def _not_finite(shown: str, raw: pa.Table, column: str) -> list[Problem]:
    """NaN and infinities in a float column, by row, with the record id where there is one."""
    values = raw[column]
    if not pa.types.is_floating(values.type):
        return []
    rows = pc.indices_nonzero(pc.fill_null(pc.invert(pc.is_finite(values)), False)).to_pylist()
    ids = raw["id"].to_pylist() if "id" in raw.column_names and rows else []
    return [
        Problem(f"{shown}:{row + 1}", f"{values[row].as_py()} is not a number a record can hold; "
                f"expected a finite number", ids[row] if ids else None, column)
        for row in rows[:_SHOWN_ROWS]
    ]  # fmt: skip


_SHOWN_ROWS = 20  # problems named per column; a broken column is not reported a million times


def _column(shown: str, raw: pa.Table, field: pa.Field) -> tuple[pa.ChunkedArray, list[Problem]]:
    values = raw[field.name]
    if not _fits(values.type, field.type):
        expected = f"expected {field.type} ({_words(field.type)})"
        column = f"a column of {values.type} ({_words(values.type)}); values are not converted between kinds"
        problem = _first_value(shown, raw, field.name, expected, column)
        return pa.chunked_array([pa.nulls(raw.num_rows, field.type)]), [problem]
    problems = _not_finite(shown, raw, field.name)
    try:
        return pc.cast(values, field.type), problems
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as error:  # e.g. a count beyond 64 bits
        message = f"column {field.name!r}: expected {field.type} ({error})"
        return pa.chunked_array([pa.nulls(raw.num_rows, field.type)]), [Problem(shown, message)]


def _column_problems(path_shown: str, raw: pa.Table, spec: TableSpec) -> list[Problem]:
    names = raw.column_names
    allowed = set(spec.field_names) - {"quote_end"}
    problems = [
        Problem(path_shown, f"column {c!r} appears {names.count(c)} times; expected each column once")
        for c in sorted({c for c in names if names.count(c) > 1})
    ]
    problems += [
        Problem(path_shown, f"unknown column {c!r}; expected columns of {spec.name} (without quote_end)")
        for c in dict.fromkeys(names)
        if c not in allowed
    ]
    defaults = spec.defaults
    required = [f.name for f in spec.fields if f.required and f.name not in ("quote_end", *defaults)]
    return problems + [
        Problem(path_shown, f"required column {c!r} is missing") for c in required if c not in names
    ]


def _read(path_shown: str, raw: pa.Table, spec: TableSpec) -> tuple[pa.Table | None, list[Problem]]:
    schema = arrow_schema(spec)
    problems = _column_problems(path_shown, raw, spec)
    if problems:
        return None, problems
    defaults = spec.defaults
    columns: list[Any] = []
    for field in schema:
        if field.name == "quote_end":
            columns.append(pa.nulls(raw.num_rows, field.type))
        elif field.name in raw.column_names:
            column, errors = _column(path_shown, raw, field)
            columns.append(column)
            problems += errors
        elif field.name in defaults:  # a column the schema gives a default may be left out
            columns.append(pa.array([defaults[field.name]] * raw.num_rows, field.type))
        else:
            columns.append(pa.nulls(raw.num_rows, field.type))
    table = pa.table(columns, schema=schema)
    quote_end = pc.add(table["quote_start"], pc.cast(pc.utf8_length(table["quote"]), pa.int64()))
    table = table.set_column(schema.get_field_index("quote_end"), schema.field("quote_end"), quote_end)
    return table, problems


def load_bulk(layout: Layout, specs: dict[ResourceName, TableSpec]) -> tuple[
    dict[ResourceName, list[BulkPart]], list[Problem]
]:  # fmt: skip
    parts: dict[ResourceName, list[BulkPart]] = {}
    problems: list[Problem] = []
    for path in sorted(layout.records_dir.glob("*.parquet")):
        shown = layout.shown(path)
        table_name = path.stem.rpartition(".")[2]
        if table_name not in FACT_TABLES:
            problems.append(Problem(shown, f"bulk record files are named <name>.<table>.parquet with a fact "
                                           f"table: {', '.join(FACT_TABLES)}"))  # fmt: skip
            continue
        try:
            regular_file(path)  # a pipe here would block the build
            raw = pq.ParquetFile(path).read()
        except InputFileError as error:
            problems.append(Problem(shown, str(error.strerror)))
            continue
        except (OSError, pa.ArrowException) as error:
            problems.append(Problem(shown, f"unreadable Parquet file ({error})"))
            continue
        table, errors = _read(shown, raw, specs[table_name])
        problems += errors
        if table is not None and not errors:
            parts.setdefault(table_name, []).append(BulkPart(shown, table))
    return parts, problems
