"""A fact row's figures against what its quote says: every number a row states (the value
its schema's ``x-claim`` names, ``value_low``, ``value_high``) must be the parsed value of a
mention of a compatible kind inside its quote, unless the record says why not.

Why not is declared, never guessed from a note: a schema's ``<field>_basis`` column (a
ranking's ``rank_basis: derived``) or a record's ``not_in_quote`` mapping
(:mod:`datapkg.compiler.inputs.not_in_quote`), which names each such field with its basis
and a reason::

    not_in_quote:
      value: {basis: derived, reason: "the sum of the two figures the quote gives"}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from datapkg._names import FACT_TABLES, ResourceName
from datapkg.compiler.assembly import OriginIndex
from datapkg.compiler.follow_on import echoes_input_problem
from datapkg.compiler.inputs.not_in_quote import BASES, BOUNDS, NOT_IN_QUOTE, claimed_number_fields
from datapkg.compiler.problems import Problem, at
from datapkg.schema.specs import TableSpec


def _kinds(field: str, spec: TableSpec, unit: Any) -> tuple[str, ...]:
    """The mention kinds that can give this field's number."""
    if field == "rank" or spec.descriptor.get("x-claim", {}).get("unit_constant") == "place":
        return ("rank",)
    if unit == "percent":
        return ("percent",)
    return ("quantity", "money")


@dataclass(frozen=True)
class _Quoted:
    """What the mentions inside one record's quote give, by kind."""

    values: dict[str, set[float]]
    texts: dict[str, list[str]]


def _by_record(mentions: Sequence[Mapping[str, Any]]) -> dict[str, _Quoted]:
    out: dict[str, _Quoted] = {}
    for m in mentions:
        numbers = {
            float(v) for k in ("value_number", "value_low", "value_high") if (v := m.get(k)) is not None
        }
        for record_id in m.get("covered_by") or ():
            quoted = out.setdefault(record_id, _Quoted({}, {}))
            quoted.values.setdefault(m["kind"], set()).update(numbers)
            quoted.texts.setdefault(m["kind"], []).append(f"{m['text']!r} = {m['value']}")
    return out


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _disagreement(field: str, value: Any, kinds: Iterable[str], quoted: _Quoted | None) -> str | None:
    kinds = tuple(kinds)
    given = set().union(*(quoted.values.get(k, set()) for k in kinds)) if quoted else set()
    if float(value) in given:
        return None
    said = [t for k in kinds for t in (quoted.texts.get(k, []) if quoted else [])]
    what = f"its {'/'.join(kinds)} mentions give {'; '.join(said)}" if said else (
        f"it holds no {'/'.join(kinds)} mention"
    )  # fmt: skip
    return (
        f"{_number(value)} is not what the quote says: {what}; correct {field}, or say why it "
        f"differs under {NOT_IN_QUOTE} ({field}: {{basis: {'|'.join(BASES)}, reason: …}})"
    )


def _row_problems(
    row: dict[str, Any], spec: TableSpec, quoted: _Quoted | None, declared: Mapping[str, str]
) -> list[tuple[str, str]]:
    """(field, message) for each claimed number of one row that its quote contradicts."""
    out = []
    for field in claimed_number_fields(spec):
        value = row.get(field)
        if value is None or (field in BOUNDS and value == row.get("value")):
            continue  # a bound equal to the value (implied by the qualifier) is checked as the value
        stated_basis = row.get(f"{field}_basis")
        message = _disagreement(field, value, _kinds(field, spec, row.get("unit")), quoted)
        if stated_basis not in (None, "stated"):
            continue
        if field in declared:
            if message is None:
                out.append((NOT_IN_QUOTE, f"{field} {_number(value)} is what the quote says; remove "
                                          f"{NOT_IN_QUOTE}.{field}"))  # fmt: skip
        elif message is not None:
            out.append((field, message))
    return out


def _exploded(mentions: pa.Table) -> pa.Table:
    """One row per (record, kind group, number) that a mention inside the record's quote gives."""
    covered = mentions["covered_by"]
    parents = pc.list_parent_indices(covered)
    taken = mentions.select(["kind", "value_number", "value_low", "value_high"]).take(parents)
    group = pc.if_else(pc.equal(taken["kind"], "money"), "quantity", taken["kind"])
    ids = pc.list_flatten(covered)
    parts = []
    for column in ("value_number", "value_low", "value_high"):
        given = pc.is_valid(taken[column])  # bounds are rare: each part holds only its numbers
        parts.append(
            pa.table(
                {
                    "id": ids,
                    "group": group,
                    "number": pc.cast(taken[column], pa.float64(), safe=False),
                    "mention": parents,
                }
            ).filter(given)
        )
    return pa.concat_tables(parts)


def _groups(field: str, spec: TableSpec, rows: pa.Table) -> pa.Array | pa.ChunkedArray:
    """Each row's kind group for this field, as :func:`_kinds` gives it (money counts as quantity)."""
    if _kinds(field, spec, None) == ("rank",):
        return pa.array(["rank"] * rows.num_rows, pa.string())
    if "unit" not in rows.column_names:
        return pa.array(["quantity"] * rows.num_rows, pa.string())
    return pc.if_else(pc.equal(rows["unit"], "percent").fill_null(False), "percent", "quantity")


def _suspects(spec: TableSpec, rows: pa.Table, quoted: pa.Table, quiet: set[str]) -> set[int]:
    """Rows with a claimed number that no mention of its kind in its quote gives: the only
    rows whose messages are worked out one by one (a table may hold millions)."""
    placed = pc.and_(pc.is_valid(rows["quote_start"]), pc.is_valid(rows["id"]))
    if quiet:
        placed = pc.and_(placed, pc.invert(pc.is_in(rows["source_id"], pa.array(sorted(quiet), pa.string()))))
    suspects: set[int] = set()
    for field in claimed_number_fields(spec):
        keep = pc.and_(placed, pc.is_valid(rows[field]))
        if f"{field}_basis" in rows.column_names:
            basis = rows[f"{field}_basis"]
            keep = pc.and_(keep, pc.or_(pc.is_null(basis), pc.equal(basis, "stated")).fill_null(True))
        number = pc.cast(rows[field], pa.float64(), safe=False)  # beyond 2**53: the nearest float
        row = pa.array(range(rows.num_rows), pa.int64())
        keyed = pa.table(
            {"id": rows["id"], "group": _groups(field, spec, rows), "number": number, "row": row}
        )
        keyed = keyed.filter(keep)
        unmatched = keyed.join(quoted, keys=["id", "group", "number"], join_type="left anti")
        suspects.update(unmatched["row"].to_pylist())
    return suspects


def quoted_value_problems(
    specs: Mapping[ResourceName, TableSpec],
    tables: Mapping[ResourceName, pa.Table],
    indexes: Mapping[str, OriginIndex],
    mentions: pa.Table,
    declared: Mapping[str, dict[str, str]],
    quiet_sources: set[str],
) -> list[Problem]:
    """Every claimed number its quote contradicts, at its record's file and line."""
    exploded = _exploded(mentions)
    quoted_keys = exploded.select(["id", "group", "number"])
    problems = []
    for name in FACT_TABLES:
        spec, table = specs.get(name), tables.get(name)
        if spec is None or table is None or not claimed_number_fields(spec):
            continue
        wanted = [c for c in table.column_names if c in {"id", "source_id", "quote_start", "unit"}
                  or c in claimed_number_fields(spec) or c.endswith("_basis")]  # fmt: skip
        rows = table.select(wanted)
        ids = rows["id"].to_pylist() if declared else []
        chosen = _suspects(spec, rows, quoted_keys, quiet_sources) | {
            i for i, record_id in enumerate(ids) if record_id in declared
        }
        problems += _table_problems(name, spec, rows, sorted(chosen), exploded, mentions, indexes, declared,
                                    quiet_sources)  # fmt: skip
    return problems


def _table_problems(
    name: str, spec: TableSpec, rows: pa.Table, chosen: list[int], exploded: pa.Table,
    mentions: pa.Table, indexes: Mapping[str, OriginIndex], declared: Mapping[str, dict[str, str]],
    quiet_sources: set[str],
) -> list[Problem]:  # fmt: skip
    if not chosen:
        return []
    picked = rows.take(pa.array(chosen, pa.int64())).to_pylist()
    ids = pa.array(sorted({r["id"] for r in picked if r["id"] is not None}), pa.string())
    near = pc.unique(exploded.filter(pc.is_in(exploded["id"], ids))["mention"])
    columns = ["text", "kind", "value", "value_number", "value_low", "value_high", "covered_by"]
    quoted = _by_record(mentions.select(columns).take(near).to_pylist())
    problems = []
    for i, row in zip(chosen, picked, strict=True):
        if row["quote_start"] is None or row["id"] is None or row["source_id"] in quiet_sources:
            continue  # an unplaced quote, a missing id: reported as such, and no mention names it
        origin, skip = indexes[name].origin(i), indexes[name].problem_fields(i)
        for field, message in _row_problems(row, spec, quoted.get(row["id"]), declared.get(row["id"], {})):
            if origin is not None and not echoes_input_problem(field, skip, spec):
                problems.append(at(origin, message, row["id"], field))
    return problems
