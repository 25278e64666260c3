"""The published Pandera schemas and the build's Arrow checks enforce the same constraints,
row for row. Both are generated from one declaration; the rows here come from the
declaration alone (field types, enums, bounds, patterns, code lists, keys and the rules
across fields), never from the published tables, so every constraint is exercised however
the data grows: a valid row built from the schema, then, for every declared constraint,
rows that break it and rows at its boundaries that meet it (substrings and superstrings of
valid values, stray newlines, missing values, duplicate keys, month and year ends)."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
import random
import re
from collections.abc import Callable
from typing import Any

import pandera.pandas as pandera
import pyarrow as pa
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

import datapkg
from datapkg._dtypes import arrow_to_pandas
from datapkg._names import RESOURCES
from datapkg.checks.pandera_schemas import pandera_schema
from datapkg.checks.table_rules import constraint_findings
from datapkg.schema.arrow_types import arrow_schema
from datapkg.schema.codelists import CODELISTS
from datapkg.schema.constraints import Constraint, constraints
from datapkg.schema.specs import FieldSpec, TableSpec, table_spec

ROWS_PER_CONSTRAINT = 300
# Dates have no declared bounds; the rules about them turn on month and year ends and leap days.
ANCHORS = (dt.date(2024, 2, 29), dt.date(2023, 12, 31))


def _spec(name: str, **changes: Any) -> TableSpec:
    schema = next(r for r in datapkg.package()["resources"] if r["name"] == name)["schema"]
    return table_spec(name, {**schema, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize("name", RESOURCES)
def test_pandera_accepts_every_installed_table(name: str) -> None:
    datapkg.pandera_schema(name).validate(datapkg.load(name), lazy=True)  # type: ignore[arg-type, call-overload]


# ------------------------------------------------------------- values from the declaration


@functools.cache
def pattern_example(pattern: str) -> str:
    """The first text Hypothesis generates for a pattern: the same on every run."""
    quick = settings(database=None, derandomize=True, phases=[Phase.generate])
    text: str = find(st.from_regex(pattern, fullmatch=True), lambda _: True, settings=quick)
    return text


def _outside(listed: frozenset[str]) -> str:
    """A code of the list's own shape that the list does not hold."""
    alphabet = sorted(set("".join(listed)))
    for code in sorted(listed):
        for i, ch in itertools.product(range(len(code)), alphabet):
            other = code[:i] + ch + code[i + 1 :]
            if other not in listed:
                return other
    raise AssertionError("a code list holding every code of its shape")


def _constraints_of(f: FieldSpec) -> dict[str, Any]:
    return dict(f.descriptor.get("constraints", {}))


def meets(f: FieldSpec, value: Any) -> set[str]:
    """The field's own constraints a value breaks, read from the declaration: the oracle both
    engines are held to."""
    c, name = _constraints_of(f), f.name
    if value is None:
        return {f"{name}:required"} if c.get("required") else set()
    tests: dict[str, Callable[[], bool]] = {
        "enum": lambda: value in c["enum"],
        "pattern": lambda: re.fullmatch(c["pattern"], value) is not None,
        "minLength": lambda: len(value) >= c["minLength"],
        "minimum": lambda: value >= c["minimum"],
        "maximum": lambda: value <= c["maximum"],
    }
    broken = {f"{name}:{k}" for k, ok in tests.items() if k in c and not ok()}
    if f.type == "number" and not math.isfinite(value):
        broken.add(f"{name}:finite")
    if "x-codelist" in f.descriptor and value not in CODELISTS[f.descriptor["x-codelist"]]:
        broken.add(f"{name}:codelist")
    return broken


def _numbers(f: FieldSpec) -> list[Any]:
    c = _constraints_of(f)
    out: list[Any] = [0, 1, -1, 2, 1000]
    for bound in (c.get("minimum"), c.get("maximum")):
        if bound is not None:
            out += [bound - 1, bound, bound + 1]
    if f.type == "integer":
        return [int(v) for v in out]
    # NaN reads as missing in pandas, so only the infinities reach both engines as values.
    return [float(v) for v in [*out, 0.5, "inf", "-inf"]]


def _near_misses(value: str) -> list[str]:
    return ["x" + value, value + "x", value + "\n", value[1:], value[:-1], value.upper(), f" {value}"]


def _texts(f: FieldSpec) -> list[str]:
    c = _constraints_of(f)
    shown: list[str] = list(c.get("enum", []))
    if "x-codelist" in f.descriptor:
        listed = CODELISTS[f.descriptor["x-codelist"]]
        shown += [*sorted(listed)[:2], _outside(listed)]
    if "pattern" in c:
        shown.append(pattern_example(c["pattern"]))
    if "minLength" in c:
        shown += ["x" * (c["minLength"] - 1), "x" * c["minLength"]]
    out = ["", "x", "X Y", *shown]
    for v in [*shown[:2], *shown[-1:]]:
        out += _near_misses(v)
    return out


def _dates() -> list[dt.date]:
    out = []
    for d in ANCHORS:
        first = d.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        out += [d, d - dt.timedelta(days=1), d + dt.timedelta(days=1), first, last]
        out += [dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), dt.date(d.year, 12, 30)]
    return out


def pool(f: FieldSpec) -> list[Any]:
    """Values to try in one column: missing, every boundary, and near misses of valid values."""
    if f.type == "list":
        return [None, [], ["x"], ["x", "x"], ["X Y", "x"]]
    if f.type in ("integer", "number"):
        values: list[Any] = _numbers(f)
    elif f.type == "date":
        values = _dates()
    elif f.type == "string":
        values = _texts(f)
    else:
        raise AssertionError(f"no values for the type {f.type!r} of {f.name}: add them here")
    return list(dict.fromkeys([None, *values]))


def valid(f: FieldSpec) -> list[Any]:
    """The values of the pool that meet the field's own constraints, missing last."""
    present = [v for v in pool(f) if v is not None and not meets(f, v)]
    return present + ([] if f.required else [None])


# ------------------------------------------------------------------------ the valid row


def _broken_per_row(spec: TableSpec, rows: list[dict[str, Any]]) -> list[int]:
    table = pa.Table.from_pylist(rows, schema=arrow_schema(spec))
    counts = [0] * len(rows)
    for finding in constraint_findings(spec, table):
        counts[finding.row or 0] += 1
    return counts


def _first_broken(spec: TableSpec, row: dict[str, Any]) -> Constraint | None:
    table = pa.Table.from_pylist([row], schema=arrow_schema(spec))
    names = {f.rule for f in constraint_findings(spec, table)}
    return next((c for c in constraints(spec) if c.name in names), None)


@functools.cache
def base_row(name: str) -> dict[str, Any]:
    """A row meeting every declared constraint: each field's first valid value (optional fields
    missing), then, while a rule is broken, one of its columns changed to the valid value that
    leaves the fewest constraints broken."""
    spec = _spec(name)
    row = {f.name: valid(f)[0] if f.required else None for f in spec.fields}
    for _ in range(2 * len(spec.fields)):
        broken = _first_broken(spec, row)
        if broken is None:
            return row
        tries = [row | {c: v} for c in sorted(broken.violated.columns()) for v in valid(spec.field(c))]
        counts = _broken_per_row(spec, tries)
        row = tries[counts.index(min(counts))]
    raise AssertionError(f"no row of {name} meets every constraint; last tried {row}")


def _distinct(f: FieldSpec, base: Any, i: int) -> Any:
    """The i-th of distinct valid values of a key field, so rows about other rules share no key."""
    if f.type != "string":
        return base + i
    pattern = _constraints_of(f).get("pattern", ".*")
    made = next((v for v in (f"{base}{i}", f"{i}{base}") if re.fullmatch(pattern, v)), None)
    assert made is not None, f"no distinct values of {f.name} from {base!r}"
    return made


def keyed(spec: TableSpec, rows: list[dict[str, Any]], offset: int = 0) -> list[dict[str, Any]]:
    unique = [f.name for f in spec.fields if _constraints_of(f).get("unique")]
    keys = dict.fromkeys([*spec.primary_key, *unique])
    base = base_row(spec.name)
    return [
        r | {k: _distinct(spec.field(k), base[k], offset + i) for k in keys}
        for i, r in enumerate(rows)
    ]  # fmt: skip


# --------------------------------------------------------------------- the two engines


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


# ------------------------------------------------------------------------------ tests


@pytest.mark.parametrize("name", RESOURCES)
def test_a_row_built_from_the_schema_passes_both_engines(name: str) -> None:
    spec = _spec(name)
    rows = keyed(spec, [base_row(name)] * 3)
    assert _agree(spec, rows) == set()


def adversarial_rows(spec: TableSpec, constraint: Constraint, seed: int) -> list[dict[str, Any]]:
    """Rows that vary the constraint's columns over their pools (a sample of the product when
    it is large), every other column as in the valid row."""
    base = base_row(spec.name)
    columns = sorted(constraint.violated.columns())
    pools = [pool(spec.field(c)) for c in columns]
    combos = list(itertools.product(*pools)) if _size(pools) <= ROWS_PER_CONSTRAINT else _sample(pools, seed)
    rows = [base | dict(zip(columns, combo, strict=True)) for combo in combos]
    keys = {*spec.primary_key, *(f.name for f in spec.fields if _constraints_of(f).get("unique"))}
    # Rows about other rules get keys of their own, so a duplicate key stays the key rules' business.
    return rows if keys & set(columns) else keyed(spec, rows, offset=seed * 10 * ROWS_PER_CONSTRAINT)


def _size(pools: list[list[Any]]) -> int:
    size = 1
    for p in pools:
        size *= len(p)
    return size


def _sample(pools: list[list[Any]], seed: int) -> list[tuple[Any, ...]]:
    rng = random.Random(seed)
    return [tuple(rng.choice(p) for p in pools) for _ in range(ROWS_PER_CONSTRAINT)]


@pytest.mark.parametrize("name", RESOURCES)
def test_both_engines_agree_on_every_declared_constraint(name: str) -> None:
    spec = _spec(name)
    declared = constraints(spec)
    rows = [row for i, c in enumerate(declared) for row in adversarial_rows(spec, c, seed=i)]
    failures = _agree(spec, rows)
    # Every constraint was exercised: each one fails on some generated row.
    assert {c.name for c in declared} <= {rule for rule, _ in failures}


@pytest.mark.parametrize("name", RESOURCES)
def test_each_field_constraint_holds_exactly_at_its_boundaries(name: str) -> None:
    """Each value of each column's pool, alone in a valid row: the field constraints both engines
    report are the ones the declaration says it breaks (minimum passes, minimum - 1 fails, …)."""
    spec = _spec(name)
    cases = [(f, v) for f in spec.fields for v in pool(f)]
    keys = keyed(spec, [base_row(name)] * len(cases))
    rows = [row | {f.name: v} for row, (f, v) in zip(keys, cases, strict=True)]
    failures = _agree(spec, rows)
    for i, (f, v) in enumerate(cases):
        reported = {rule for rule, row in failures if row == i and rule.startswith(f"{f.name}:")}
        assert reported - {f"{f.name}:unique"} == meets(f, v), (f.name, v)


@pytest.mark.parametrize("name", RESOURCES)
def test_both_engines_agree_on_random_tables(name: str) -> None:
    """Several columns changed at once, keys included, in tables of a few rows."""
    spec = _spec(name)
    base = base_row(name)
    # The pools are made before Hypothesis runs: a pattern's example is itself found by Hypothesis.
    changes = st.fixed_dictionaries({}, optional={f.name: st.sampled_from(pool(f)) for f in spec.fields})

    @settings(max_examples=5)
    @given(edits=st.lists(changes, min_size=1, max_size=4))
    def agree(edits: list[dict[str, Any]]) -> None:
        _agree(spec, [base | edit for edit in edits])

    agree()


def test_composite_primary_keys_agree_with_missing_parts() -> None:
    # No published table has a composite key yet; the declaration handles one all the same.
    spec = _spec("mentions", primaryKey=["source_id", "start"])
    base = base_row("mentions")
    rows = [
        base | {"id": f"{base['id']}{i}", "source_id": source, "start": start}
        for i, (source, start) in enumerate(itertools.product(["a", "b", None], [1, 2, 2, None]))
    ]
    failures = _agree(spec, rows)
    duplicated = sorted(row for rule, row in failures if rule == "primary_key")
    assert duplicated == [1, 2, 5, 6]  # ("a", 2) twice and ("b", 2) twice; missing parts never clash
