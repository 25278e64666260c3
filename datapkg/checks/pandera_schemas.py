"""Pandera schemas for users' own pipelines (``datapkg.pandera_schema(name)``), generated
from the same constraint declaration as the build's Arrow checks
(:mod:`datapkg.schema.constraints`), evaluated on pandas with Arrow's semantics
(:mod:`datapkg.checks.pandas_eval`). Each Pandera check's error reads
``<constraint name>: <what is expected>``, naming the same rule ``datapkg validate`` does.

pandera's own ``from_frictionless_schema`` maps dates to strings and drops
descriptions, which is why the translation is ours.
"""

from __future__ import annotations

from typing import Any

import pandera.pandas as pa

from datapkg._dtypes import pandas_dtype
from datapkg.checks.pandas_eval import violations
from datapkg.schema.constraints import Constraint, constraints
from datapkg.schema.specs import TableSpec


def _check(c: Constraint, *, column: str | None) -> pa.Check:
    if column is None:
        return pa.Check(
            lambda frame: ~violations(c.violated, frame), name=c.name, error=f"{c.name}: {c.expected}"
        )
    return pa.Check(
        lambda series: ~violations(c.violated, series.to_frame(column)),
        name=c.name,
        error=f"{c.name}: {c.expected}",
        ignore_na=False,  # missing values follow the declaration's own semantics
    )


def _is_column_check(c: Constraint) -> bool:
    return c.field is not None and c.violated.columns() == {c.field} and not c.name.endswith(":required")


def pandera_schema(spec: TableSpec, *, categorical: bool = True) -> pa.DataFrameSchema:
    """Schema for a table as ``datapkg.load`` returns it (enum fields categorical), or with
    ``categorical=False`` for frames whose enum fields are plain strings."""
    declared = constraints(spec)
    columns: dict[str, Any] = {}
    for f in spec.fields:
        checks = [_check(c, column=f.name) for c in declared if _is_column_check(c) and c.field == f.name]
        columns[f.name] = pa.Column(
            pandas_dtype(f.descriptor, categorical=categorical),
            checks=checks,
            nullable=not f.required,  # the "required" constraint, as Pandera says it
            required=True,
        )
    frame_checks = [
        _check(c, column=None)
        for c in declared
        if not _is_column_check(c) and not c.name.endswith(":required")
    ]
    return pa.DataFrameSchema(columns, checks=frame_checks, strict=True, ordered=True, name=spec.name)
