"""Bulk records: fact rows in Parquet files, for corpora too large to curate as YAML.

``build/records/<name>.<table>.parquet`` holds rows of one fact table with the
table's own columns: ``date_start``/``date_end``/``date_precision`` instead of
``date``, and ``quote_start`` required (a bulk row names its offsets; the build
checks that the source text there equals the quote). ``quote_end`` is computed;
implied bounds are filled for all records alike (``tables.fill_implied_bounds``). Everything else is checked
exactly as curated records are; a problem in row N is reported as ``file:N``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from datapkg._names import FACT_TABLES, ResourceName
from datapkg.compiler.layout import Layout
from datapkg.compiler.problems import Problem
from datapkg.schema.arrow_types import arrow_schema
from datapkg.schema.specs import TableSpec


@dataclass(frozen=True)
class BulkPart:
    file: str
    table: pa.Table


def _read(path_shown: str, raw: pa.Table, spec: TableSpec) -> tuple[pa.Table | None, list[Problem]]:
    schema = arrow_schema(spec)
    allowed = set(spec.field_names) - {"quote_end"}
    problems = [
        Problem(path_shown, f"unknown column {c!r}; expected columns of {spec.name} (without quote_end)")
        for c in raw.column_names
        if c not in allowed
    ]
    defaults = spec.defaults
    required = [f.name for f in spec.fields if f.required and f.name not in ("quote_end", *defaults)]
    absent = [c for c in required if c not in raw.column_names]
    problems += [Problem(path_shown, f"required column {c!r} is missing") for c in absent]
    if problems:
        return None, problems
    columns = []
    for field in schema:
        if field.name == "quote_end":
            columns.append(pa.nulls(raw.num_rows, field.type))
        elif field.name in raw.column_names:
            try:
                columns.append(pc.cast(raw[field.name], field.type))
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as error:
                message = f"column {field.name!r}: expected {field.type} ({error})"
                problems.append(Problem(path_shown, message))
                columns.append(pa.nulls(raw.num_rows, field.type))
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
            raw = pq.ParquetFile(path).read()
        except (OSError, pa.ArrowInvalid) as error:
            problems.append(Problem(shown, f"unreadable Parquet file ({error})"))
            continue
        table, errors = _read(shown, raw, specs[table_name])
        problems += errors
        if table is not None and not errors:
            parts.setdefault(table_name, []).append(BulkPart(shown, table))
    return parts, problems
