"""One table against its schema: the columns and their types, then every declared
constraint (:func:`datapkg.schema.constraints.constraints`), each one vectorised mask."""

from __future__ import annotations

import pyarrow as pa

from datapkg.checks.arrow_eval import violations
from datapkg.checks.findings import Finding, findings_where
from datapkg.schema.arrow_types import arrow_type
from datapkg.schema.constraints import constraints
from datapkg.schema.specs import TableSpec


def structure_findings(spec: TableSpec, table: pa.Table) -> list[Finding]:
    """The schema's columns, in its order, with its types; findings here have no row."""
    out: list[Finding] = []
    expected = list(spec.field_names)
    if table.column_names != expected:
        missing = [n for n in expected if n not in table.column_names]
        extra = [n for n in table.column_names if n not in expected]
        out += [Finding(spec.name, None, None, n, "column missing") for n in missing]
        out += [Finding(spec.name, None, None, n, "column not in the schema") for n in extra]
        if missing or extra:
            return out
        order = f"columns out of order: expected {', '.join(expected)}"
        out.append(Finding(spec.name, None, None, None, order))
    for f in spec.fields:
        want, have = arrow_type(f), table.schema.field(f.name).type
        if have != want:
            out.append(Finding(spec.name, None, None, f.name, f"wrong column type {have}: expected {want}"))
    return out


def constraint_findings(spec: TableSpec, table: pa.Table) -> list[Finding]:
    """Every declared constraint, on a table whose structure is right."""
    return [
        finding
        for c in constraints(spec)
        for finding in findings_where(
            spec.name, table, violations(c.violated, table), c.field or "", c.message, c.name
        )
    ]
