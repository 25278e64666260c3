"""Pandera schemas translated from the Table Schema files, for users' own pipelines
(``datapkg.pandera_schema(name)``).

pandera's own ``from_frictionless_schema`` maps dates to strings and drops
descriptions, so this small translator keeps the schema files the single
source of truth: every constraint here is read from ``schemas/*.json``. The
build and ``datapkg validate`` check the same constraints with vectorised Arrow
kernels (``column_checks.py``), which are an order of magnitude faster on large
tables; a test keeps both in agreement.
"""

from __future__ import annotations

import re
from typing import Any

import pandera.pandas as pa

from datapkg._dtypes import pandas_dtype
from datapkg.schema.specs import TableSpec


def _pattern_check(pattern: str) -> pa.Check:
    re.compile(pattern)  # fail early on a broken schema
    # Table Schema patterns match the whole value; str.fullmatch runs vectorised on Arrow strings.
    return pa.Check(
        lambda s: s.str.fullmatch(pattern).astype(bool),
        name="pattern",
        error=f"expected text matching {pattern}",
    )


def _checks(field: dict[str, Any]) -> list[pa.Check]:
    c = field.get("constraints", {})
    checks = []
    if "enum" in c:
        checks.append(pa.Check.isin(c["enum"], error="expected one of: " + ", ".join(c["enum"])))
    if "pattern" in c:
        checks.append(_pattern_check(c["pattern"]))
    if "minimum" in c:
        checks.append(pa.Check.ge(c["minimum"], error=f"expected at least {c['minimum']}"))
    if "maximum" in c:
        checks.append(pa.Check.le(c["maximum"], error=f"expected at most {c['maximum']}"))
    if "minLength" in c:
        checks.append(
            pa.Check.str_length(
                min_value=c["minLength"], error=f"expected at least {c['minLength']} character(s)"
            )
        )
    return checks


def pandera_schema(spec: TableSpec, *, categorical: bool = True) -> pa.DataFrameSchema:
    """Schema for a table as ``datapkg.load`` returns it (enum fields categorical), or with
    ``categorical=False`` for frames whose enum fields are plain strings."""
    columns = {}
    for f in spec.fields:
        c = f.descriptor.get("constraints", {})
        columns[f.name] = pa.Column(
            pandas_dtype(f.descriptor, categorical=categorical),
            checks=_checks(f.descriptor),
            nullable=not f.required,
            unique=bool(c.get("unique", False)),
            required=True,
        )
    pk = spec.primary_key
    return pa.DataFrameSchema(
        columns,
        strict=True,
        ordered=True,
        unique=pk if len(pk) > 1 else None,
        name=spec.name,
    )
