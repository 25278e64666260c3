"""A record's ``date`` as the curator writes it, expanded to start, end and precision.

Forms: ``2024-06-19`` (a day), ``"2024-07"`` (a month), ``2024`` (a year), or a
two-item list of the same form for a span (``[2024-06-20, 2024-06-21]``,
``["2023-08", "2024-01"]``). The span's ends are the earliest and latest
possible dates, as UCDP's ``date_start``/``date_end``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class DateSpan:
    start: dt.date
    end: dt.date
    precision: str


class DateFormError(ValueError):
    pass


def _one(value: Any) -> DateSpan:
    if isinstance(value, dt.datetime):
        raise DateFormError(f"expected a date without time, got {value!r}")
    if isinstance(value, dt.date):
        return DateSpan(value, value, "day")
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:04d}"
    if not isinstance(value, str):
        raise DateFormError(f"expected a date like 2024-06-19, '2024-07' or 2024, got {value!r}")
    try:
        if m := _DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return DateSpan(day, day, "day")
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            last = calendar.monthrange(year, month)[1]
            return DateSpan(dt.date(year, month, 1), dt.date(year, month, last), "month")
        if m := _YEAR.match(value):
            year = int(m[1])
            return DateSpan(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    except ValueError as exc:
        raise DateFormError(f"impossible date {value!r}: {exc}") from None
    raise DateFormError(f"expected a date like 2024-06-19, '2024-07' or 2024, got {value!r}")


def expand_date(value: Any) -> DateSpan:
    """Parse a curator's ``date`` value; raises DateFormError with what was expected."""
    if isinstance(value, list):
        if len(value) != 2:
            raise DateFormError(f"a date span needs exactly two ends, got {len(value)}")
        first, last = _one(value[0]), _one(value[1])
        if first.precision != last.precision:
            raise DateFormError(
                f"both ends of a span need the same form, got a {first.precision} and a {last.precision}"
            )
        if last.end < first.start:
            raise DateFormError(f"span ends ({last.end}) before it starts ({first.start})")
        return DateSpan(first.start, last.end, first.precision)
    return _one(value)
