"""The checks that keep what events add up to honest: the derived columns of ``events`` equal
what the fact tables give (:mod:`datapkg.checks.event_rollup`, recomputed here, so ``datapkg
validate`` vouches only for what it computed); the figures counted for one event share a unit;
and a figure counted against another (a field marked ``x-same-event``) names one of the same
event in the same unit.
"""

from __future__ import annotations

from collections.abc import Mapping

import pyarrow as pa
import pyarrow.compute as pc

from datapkg._names import FACT_TABLES, ResourceName
from datapkg.checks.arrow_values import lit
from datapkg.checks.event_rollup import DERIVED, EVENTS, RulesError, derive, rules_and_claims
from datapkg.checks.findings import Finding, all_of, findings_at, findings_where
from datapkg.schema.specs import TableSpec


def event_findings(
    specs: Mapping[ResourceName, TableSpec], tables: Mapping[ResourceName, pa.Table]
) -> list[Finding]:
    """Events whose figures mix units, derived columns that differ from what the claims give,
    and figures counted against a figure of another event or unit."""
    pa.default_memory_pool().release_unused()  # what the checks before freed, before this one allocates
    events = tables[EVENTS]
    try:
        rules, claims = rules_and_claims(specs, tables)
    except RulesError as error:
        return [Finding(EVENTS, None, None, "strongest_status", str(error), "event_rules")]
    derived, mixed = derive(rules, events, claims, tables["sources"])
    rows = events["id"].to_pylist()
    out = findings_at(EVENTS, events, sorted(mixed), "unit", lambda r: _mixed(mixed[rows.index(r["id"])]))
    given = {name: events[name].to_pylist() for name in DERIVED}
    for name in DERIVED:
        wrong = [e for e in range(events.num_rows) if given[name][e] != derived[name][e]]
        out += findings_at(
            EVENTS, events, wrong, name,
            lambda r, name=name: f"{r[name]!r}, but its claims give "
            f"{derived[name][rows.index(r['id'])]!r}: the events table does not match "
            "the fact tables",
            "event_derived",
        )  # fmt: skip
    for name in FACT_TABLES:
        out += same_event_findings(name, specs[name], tables[name])
    return out


def _mixed(units: list[str]) -> str:
    return (
        f"its claims give figures in different units ({', '.join(units)}), which are never combined: "
        f"name the unit its figures are read in (unit: {units[0]}), or give the claims of each unit "
        "their own event"
    )


def same_event_findings(name: str, spec: TableSpec, table: pa.Table) -> list[Finding]:
    """A figure counted against another (``x-same-event``) names one about the same event, in the
    same unit: a total, its increments and its parts are one thing counted."""
    out: list[Finding] = []
    for field in (f.name for f in spec.fields if f.descriptor.get("x-same-event")):
        position = pc.index_in(table[field], value_set=table["id"])
        found, rows = pc.is_valid(position), pc.fill_null(position, lit(0, pa.int32()))
        for column, what in (("event_id", "event"), ("unit", "unit")):
            if column not in table.column_names:
                continue
            differs = all_of(found, pc.not_equal(table[column], pc.take(table[column], rows)))
            message = f"is a figure of another {what} than {{!r}}: a figure is counted against one of the "
            message += f"same {what}"
            out += findings_where(
                name, table, differs, field,
                lambda r, f=field, c=column, m=message: f"{r[f]!r} " + m.format(r[c]),
            )  # fmt: skip
    return out
