"""The published Pandera schemas and the build's Arrow checks enforce the same constraints,
row for row: both are generated from one declaration, and this checks the two engines
agree on adversarial tables generated from every declared constraint (boundaries,
substrings of valid values, stray newlines, missing values, duplicate keys)."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from typing import Any

import pandera.pandas as pandera
import pyarrow as pa
import pytest

import datapkg
from datapkg._dtypes import arrow_to_pandas
from datapkg._names import RESOURCES
from datapkg.checks.pandera_schemas import pandera_schema
from datapkg.checks.table_rules import constraint_findings
from datapkg.schema.arrow_types import arrow_schema
from datapkg.schema.constraints import Constraint, constraints
from datapkg.schema.specs import TableSpec, table_spec

ROWS_PER_CONSTRAINT = 300


def _spec(name: str, **changes: Any) -> TableSpec:
    schema = next(r for r in datapkg.package()["resources"] if r["name"] == name)["schema"]
    return table_spec(name, {**schema, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize("name", RESOURCES)
def test_pandera_accepts_every_installed_table(name: str) -> None:
    datapkg.pandera_schema(name).validate(datapkg.load(name), lazy=True)  # type: ignore[arg-type]


def _numbers(c: dict[str, Any], present: list[Any]) -> list[float]:
    out = [0, 1, -1, 5, 10, 1000]
    for bound in (c.get("minimum"), c.get("maximum")):
        if bound is not None:
            out += [bound - 1, bound, bound + 1]
    return out + [p + d for p in present[:2] for d in (-1, 1)]


def _texts(c: dict[str, Any], present: list[str]) -> list[str]:
    enum = list(c.get("enum", []))
    out = ["", "x", "X Y", *enum]
    for v in [*present[:2], *enum[:1]]:  # near misses: substrings and superstrings of valid values
        out += ["x" + v, v + "x", v + "\n", v[1:], v[:-1], v.upper(), f" {v}"]
    return out


def _dates(present: list[dt.date]) -> list[dt.date]:
    out = []
    for d in present[:2]:
        first = d.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        out += [d, d - dt.timedelta(days=1), d + dt.timedelta(days=1), first, last]
        out += [dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), dt.date(d.year, 12, 30)]
        out += [d - dt.timedelta(days=400), d + dt.timedelta(days=400)]  # before and after any other
    return out or [dt.date(2024, 6, 19)]


def pool(spec: TableSpec, table: pa.Table, column: str) -> list[Any]:
    """Values to try in one column: what the data holds, missing, and values near every bound."""
    field = spec.field(column)
    c = field.descriptor.get("constraints", {})
    if field.type == "list":
        return [None, *table[column].to_pylist()[:3], [], ["x"], ["x", "x"]]
    present = [v for v in dict.fromkeys(table[column].to_pylist()) if v is not None][:4]
    if field.type in ("integer", "number"):
        extra: list[Any] = _numbers(c, present)
        # NaN reads as missing in pandas, so only the infinities reach both engines as values.
        extra = (
            [float(v) for v in [*extra, "inf", "-inf"]] if field.type == "number" else [int(v) for v in extra]
        )
    elif field.type == "date":
        extra = _dates(present)
    else:
        extra = _texts(c, present)
    return list(dict.fromkeys([None, *present, *extra]))


def adversarial_rows(
    spec: TableSpec, table: pa.Table, constraint: Constraint, seed: int
) -> list[dict[str, Any]]:
    """Rows that vary the constraint's columns over their pools (a sample of the product when
    it is large), every other column as in a valid row of the real table."""
    base = table.slice(0, 1).to_pylist()[0]
    columns = sorted(constraint.violated.columns())
    pools = [pool(spec, table, c) for c in columns]
    combos = list(itertools.product(*pools)) if _size(pools) <= ROWS_PER_CONSTRAINT else _sample(pools, seed)
    return [base | dict(zip(columns, combo, strict=True)) for combo in combos]


def _size(pools: list[list[Any]]) -> int:
    size = 1
    for p in pools:
        size *= len(p)
    return size


def _sample(pools: list[list[Any]], seed: int) -> list[tuple[Any, ...]]:
    rng = random.Random(seed)
    return [tuple(rng.choice(p) for p in pools) for _ in range(ROWS_PER_CONSTRAINT)]


def _arrow_failures(spec: TableSpec, table: pa.Table) -> set[tuple[str, int]]:
    return {(f.rule, f.row) for f in constraint_findings(spec, table) if f.row is not None}


def _pandera_failures(spec: TableSpec, table: pa.Table) -> set[tuple[str, int]]:
    # Pandera sees the table as plain-string pandas columns, so a bad enum value survives.
    frame = arrow_to_pandas(table, spec.descriptor, categorical=False)
    try:
        pandera_schema(spec, categorical=False).validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as caught:
        cases = caught.failure_cases
    else:
        return set()
    out = set()
    for check, column, index in zip(cases["check"], cases["column"], cases["index"], strict=True):
        name = f"{column}:required" if check == "not_nullable" else str(check).split(": ", 1)[0]
        out.add((name, int(index)))
    return out


def _agree(spec: TableSpec, rows: list[dict[str, Any]]) -> set[tuple[str, int]]:
    table = pa.Table.from_pylist(rows, schema=arrow_schema(spec))
    arrow, pandas = _arrow_failures(spec, table), _pandera_failures(spec, table)
    assert arrow == pandas, {
        "arrow only": sorted(arrow - pandas)[:10],
        "pandera only": sorted(pandas - arrow)[:10],
    }
    return arrow


@pytest.mark.parametrize("name", RESOURCES)
def test_both_engines_agree_on_every_declared_constraint(name: str) -> None:
    spec = _spec(name)
    table = datapkg.load(name, backend="pyarrow")  # type: ignore[arg-type]
    declared = constraints(spec)
    rows = [
        row for i, c in enumerate(declared) for row in adversarial_rows(spec, table, c, seed=i)
    ]  # fmt: skip
    failures = _agree(spec, rows)
    # Every constraint was exercised: each one fails on some generated row.
    assert {c.name for c in declared} <= {rule for rule, _ in failures}


def test_composite_primary_keys_agree_with_missing_parts() -> None:
    # No published table has a composite key yet; the declaration handles one all the same.
    spec = _spec("mentions", primaryKey=["source_id", "start"])
    table = datapkg.load("mentions", backend="pyarrow")
    base = table.slice(0, 1).to_pylist()[0]
    rows = [
        base | {"id": f"{base['id']}-{i}", "source_id": source, "start": start}
        for i, (source, start) in enumerate(itertools.product(["a", "b", None], [1, 2, 2, None]))
    ]
    failures = _agree(spec, rows)
    duplicated = sorted(row for rule, row in failures if rule == "primary_key")
    assert duplicated == [1, 2, 5, 6]  # ("a", 2) twice and ("b", 2) twice; missing parts never clash
