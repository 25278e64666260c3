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
DAY_FORM = _DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class DateSpan:
    start: dt.date
    end: dt.date
    precision: str


class DateFormError(ValueError):
    pass


def why_not_a_date(year: int, month: int, day: int | None = None) -> str:
    """Why year-month(-day) names no calendar date, in words a curator can act on."""
    if not 1 <= year <= 9999:
        return f"year {year} is outside 1 to 9999"
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if day is None:
        return "it is a real month"
    last = calendar.monthrange(year, month)[1]
    if day < 1:
        return "days start at 1"
    if day > last:
        return f"{calendar.month_name[month]} {year} has {last} days"
    return "it is a real date"


def _impossible(text: str, m: re.Match[str]) -> DateFormError:
    day = int(m[3]) if m.re is _DAY else None
    return DateFormError(f"impossible date {text!r}: {why_not_a_date(int(m[1]), int(m[2]), day)}")


def _one(value: Any) -> DateSpan:
    if isinstance(value, dt.datetime):
        raise DateFormError(f"expected a date without time, got {value.isoformat(sep=' ')}")
    if isinstance(value, dt.date):
        return DateSpan(value, value, "day")
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str):
        raise DateFormError(f"expected a date like 2024-06-19, '2024-07' or 2024, got {value!r}")
    if m := _DAY.match(text):
        if why_not_a_date(int(m[1]), int(m[2]), int(m[3])) != "it is a real date":
            raise _impossible(text, m)
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return DateSpan(day, day, "day")
    if m := _MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        if not (year >= 1 and 1 <= month <= 12):
            raise _impossible(text, m)
        last = calendar.monthrange(year, month)[1]
        return DateSpan(dt.date(year, month, 1), dt.date(year, month, last), "month")
    if (m := _YEAR.match(text)) and int(m[1]) >= 1:
        year = int(m[1])
        return DateSpan(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
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
