"""Check a curator's YAML mapping against a table's schema fields.

Only what a table cannot hold is rejected here (unknown fields, values of the
wrong type); constraints such as enums, patterns and required fields are
checked on the assembled tables (``datapkg.schema.constraints``), so each rule
lives in one place.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
from collections.abc import Iterable
from typing import Any

from datapkg.compiler.inputs.dates import DAY_FORM as _DAY
from datapkg.compiler.inputs.dates import why_not_a_date
from datapkg.compiler.inputs.yaml_input import LineDict
from datapkg.compiler.problems import Problem, at
from datapkg.schema.specs import FieldSpec

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "date": "a date (YYYY-MM-DD)",
    "boolean": "true or false",
}


# As YAML writes them, so that a curator finds what the message quotes.
_NOT_FINITE = {"nan": ".nan (not a number)", "inf": ".inf (infinity)", "-inf": "-.inf (minus infinity)"}


def _date_text(value: str) -> tuple[Any, str | None]:
    """A date written as quoted text: only the YYYY-MM-DD form, and only a real day."""
    m = _DAY.match(value)
    if m is None:
        return None, f"expected {_TYPE_WORDS['date']}, got {describe(value)}"
    reason = why_not_a_date(int(m[1]), int(m[2]), int(m[3]))
    if reason != "it is a real date":
        return None, f"expected {_TYPE_WORDS['date']}, got impossible date {value!r}: {reason}"
    return dt.date(int(m[1]), int(m[2]), int(m[3])), None


def describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"boolean {value!r}"
    if isinstance(value, float) and not math.isfinite(value):
        return _NOT_FINITE[str(value)]
    if isinstance(value, int | float):
        return f"number {value!r}"
    if isinstance(value, dt.datetime):
        return f"date and time {value.isoformat(sep=' ')}"
    if isinstance(value, dt.date):
        return f"date {value.isoformat()}"
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(value)


def coerce(spec: FieldSpec, value: Any) -> tuple[Any, str | None]:
    """The value as the table stores it, or an error saying what was expected."""
    if value is None:
        return None, None
    ok: bool
    if spec.type == "string":
        ok = isinstance(value, str)
    elif spec.type == "integer":
        ok = isinstance(value, int) and not isinstance(value, bool)
        if ok and not -(2**63) <= value < 2**63:
            return None, f"expected a whole number the tables can hold (64 bits), got {value}"
    elif spec.type == "number":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        if ok and not math.isfinite(value):
            return None, f"expected a finite number, got {describe(value)}"
        value = float(value) if ok else value
    elif spec.type == "boolean":
        ok = isinstance(value, bool)
    elif spec.type == "date":
        if isinstance(value, str):
            return _date_text(value)
        ok = isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    else:
        raise ValueError(f"unsupported field type {spec.type!r}")
    if ok:
        return value, None
    hint = " (put it in quotes)" if spec.type == "string" else ""
    return None, f"expected {_TYPE_WORDS[spec.type]}, got {describe(value)}{hint}"


def unknown_field_message(key: str, allowed: Iterable[str]) -> str:
    allowed = sorted(allowed)
    close = difflib.get_close_matches(key, allowed, n=1)
    suggestion = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown field{suggestion} Expected one of: {', '.join(allowed)}"


def typed_row(
    raw: LineDict,
    fields: dict[str, FieldSpec],
    extra: Iterable[str],
    file: str,
    record_id: str | None,
) -> tuple[dict[str, Any], list[Problem]]:
    """Schema-typed values of ``raw``; keys in ``extra`` are passed through untyped."""
    origin = raw.origin(file)
    extra = set(extra)
    row: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in raw.items():
        if key in fields:
            row[key], error = coerce(fields[key], value)
            if error:
                problems.append(at(origin, error, record_id, key))
        elif key in extra:
            row[key] = value
        else:
            message = unknown_field_message(key, set(fields) | extra)
            problems.append(at(origin, message, record_id, key))
    return row, problems
