"""A published CSV file against its schema and its Parquet twin.

The CSV is read once, in blocks that Arrow parses with the schema's types, and each block
is compared with the same rows of the Parquet table (``same_as_parquet``). Only when that
fails is it read again as text, every column parsed by vectorised kernels so that a value
that does not parse is a finding, not an exception (``check_csv``). When the two hold
the same rows, every constraint and rule found on the Parquet table holds for the CSV
too; when they do not, the CSV table is checked on its own, so a user of the CSV learns
exactly what is wrong with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

from datapkg.checks.arrow_values import lit
from datapkg.checks.findings import Finding, findings_at
from datapkg.schema.arrow_types import arrow_schema, arrow_type
from datapkg.schema.specs import FieldSpec, TableSpec

_NUMBER = r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$|^(?:nan|-?inf)$"
_PARSERS_EXPECT = {
    "integer": "a whole number",
    "number": "a number",
    "date": "a date (YYYY-MM-DD)",
    "boolean": "true or false",
}


@dataclass
class CsvReport:
    """What reading one CSV found: values of the wrong type, rows that differ from the
    Parquet file, and the CSV table itself when it has to be checked on its own."""

    problems: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # wrong types and differing rows
    table: pa.Table | None = None  # only when it differs from the Parquet table


def _null(type: pa.DataType) -> pa.Scalar:
    return pa.nulls(1, type)[0]


def _parse(f: FieldSpec, text: Any) -> tuple[Any, Any]:
    """The column parsed with the field's type, and a mask of the values that do not parse."""
    want = arrow_type(f)
    if f.type == "string":
        return text, None
    if f.type == "list":
        return pc.cast(pc.split_pattern(text, f.delimiter), want), None
    if f.type == "date":
        # strptime rolls 2024-02-30 over to March: a date parses only if it prints back the same.
        parsed = pc.strptime(text, format="%Y-%m-%d", unit="s", error_is_null=True)
        same = pc.equal(pc.strftime(parsed, format="%Y-%m-%d"), text)
        bad = pc.and_(pc.is_valid(text), pc.invert(pc.fill_null(same, lit(False))))
        return pc.cast(pc.if_else(bad, _null(parsed.type), parsed), want), bad
    if f.type == "boolean":
        ok = pc.match_substring_regex(text, "^(?:true|false)$")
    else:
        ok = pc.match_substring_regex(text, "^[-+]?[0-9]+$" if f.type == "integer" else _NUMBER)
    bad = pc.invert(pc.fill_null(ok, lit(True)))
    return pc.cast(pc.if_else(bad, _null(pa.string()), text), want), bad


def _differs(a: Any, b: Any) -> Any:
    """Rows where two columns of one type hold different values (two missing values agree)."""
    if pa.types.is_list(a.type):
        a, b = pc.binary_join(a, lit("\x1f")), pc.binary_join(b, lit("\x1f"))
    same = pc.fill_null(pc.equal(a, b), lit(False))
    both_missing = pc.and_(pc.is_null(a), pc.is_null(b))
    return pc.invert(pc.or_(same, both_missing))


def _blocks(path: Path, spec: TableSpec) -> Iterator[pa.RecordBatch]:
    convert = pcsv.ConvertOptions(
        column_types={f.name: pa.string() for f in spec.fields},
        null_values=[""],
        strings_can_be_null=True,
        quoted_strings_can_be_null=False,  # "" is an empty text, a bare empty field is missing
    )
    yield from pcsv.open_csv(path, convert_options=convert)


def same_as_parquet(path: Path, spec: TableSpec, parquet: pa.Table) -> bool:
    """The fast path: Arrow parses each block straight into the schema's types and the block
    equals the Parquet rows at its offset. Any parse error or difference says no (then
    ``check_csv`` says what differs)."""
    schema = arrow_schema(spec)
    types = {f.name: pa.string() if f.type == "list" else arrow_type(f) for f in spec.fields}
    convert = pcsv.ConvertOptions(
        column_types=types, null_values=[""], strings_can_be_null=True, quoted_strings_can_be_null=False
    )
    rows, same = 0, True
    try:
        for batch in pcsv.open_csv(
            str(path), convert_options=convert, read_options=pcsv.ReadOptions(block_size=1 << 20)
        ):
            if batch.schema.names != list(spec.field_names):
                same = False
                break
            columns = [
                pc.cast(pc.split_pattern(batch.column(f.name), f.delimiter), arrow_type(f))
                if f.type == "list" else batch.column(f.name)
                for f in spec.fields
            ]  # fmt: skip
            if not pa.Table.from_arrays(columns, schema=schema).equals(parquet.slice(rows, batch.num_rows)):
                same = False
                break
            rows += batch.num_rows
    except pa.ArrowInvalid:
        same = False
    return same and rows == parquet.num_rows


def check_csv(path: Path, shown: str, spec: TableSpec, parquet: pa.Table) -> CsvReport:
    report = CsvReport()
    try:
        # The detailed pass: text parsed by kernels so that every bad value is a finding. Blocks
        # are parsed, compared and dropped, so a large CSV never sits in memory beside its twin.
        rows = sum(b.num_rows for b in _typed_batches(_blocks(path, spec), spec, parquet, report))
        if rows != parquet.num_rows:
            report.problems.append(f"{shown}: {rows} rows, but the Parquet file has {parquet.num_rows}")
        if report.findings or rows != parquet.num_rows:
            # Only a CSV that differs is read whole, to be checked on its own.
            batches = list(_typed_batches(_blocks(path, spec), spec, parquet, CsvReport()))
            report.table = pa.Table.from_batches(batches, schema=arrow_schema(spec))
    except (pa.ArrowInvalid, OSError) as error:
        report.problems.append(f"{shown}: unreadable CSV ({error})")
    return report


def _typed_batches(
    reader: Iterator[pa.RecordBatch], spec: TableSpec, parquet: pa.Table, report: CsvReport
) -> Iterator[pa.RecordBatch]:
    schema, offset = arrow_schema(spec), 0
    for batch in reader:
        if batch.schema.names != list(spec.field_names):
            raise pa.ArrowInvalid(
                f"header {', '.join(batch.schema.names)}; expected {', '.join(spec.field_names)}"
            )
        columns = []
        for f in spec.fields:
            typed, bad = _parse(f, batch.column(f.name))
            columns.append(typed)
            if bad is not None:
                report.findings += _offset(_bad_values(spec, batch, f, bad), offset)
        typed_batch = pa.RecordBatch.from_arrays(columns, schema=schema)
        report.findings += _offset(_changed_rows(spec, typed_batch, parquet, offset), offset)
        offset += batch.num_rows
        yield typed_batch


def _bad_values(spec: TableSpec, batch: pa.RecordBatch, f: FieldSpec, bad: Any) -> list[Finding]:
    table = pa.Table.from_batches([batch])
    expected = _PARSERS_EXPECT[f.type]
    where = [int(i) for i in pc.indices_nonzero(bad).to_pylist()]
    return findings_at(
        spec.name, table, where, f.name, lambda r: f"{r[f.name]!r}: expected {expected}", "type"
    )


def _changed_rows(spec: TableSpec, batch: pa.RecordBatch, parquet: pa.Table, offset: int) -> list[Finding]:
    twin = parquet.slice(offset, batch.num_rows)
    if twin.num_rows < batch.num_rows:
        batch = batch.slice(0, twin.num_rows)
    out: list[Finding] = []
    for f in spec.fields:
        mask = _differs(batch.column(f.name), twin[f.name])
        if not pc.any(mask).as_py():
            continue
        where = pc.indices_nonzero(mask)
        rows = zip(
            where.to_pylist(), batch.column("id").take(where).to_pylist(),
            batch.column(f.name).take(where).to_pylist(), twin[f.name].take(where).to_pylist(), strict=True,
        )  # fmt: skip
        out += [
            Finding(
                spec.name,
                row,
                rid,
                f.name,
                f"{_show(csv)} differs from the Parquet file ({_show(pq)})",
                "same_as_parquet",
            )
            for row, rid, csv, pq in rows
        ]
    return out


def _show(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else repr(value)


def _offset(findings: list[Finding], offset: int) -> list[Finding]:
    return [
        Finding(f.table, (f.row or 0) + offset, f.record_id, f.field, f.message, f.rule) for f in findings
    ]
