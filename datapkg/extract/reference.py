"""The reference window relative expressions resolve against.

A publisher shows a day, a month or nothing; a curator may know only a window ("25–30 June
2024"). So a reference is a day (``2024-10-23``), a month (``2024-10``), a year (``2024``)
or two of them joined by ``/`` (``2024-06-25/2024-06-30``): the earliest and latest
possible date. What the window determines is resolved ("1. November" in an October
article is 2024-11-01); what it leaves open stays open.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

Window = tuple[dt.date, dt.date]

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # ASCII: \d takes any script's digits
_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")
_YEAR = re.compile(r"[0-9]{4}")


class ReferenceFormError(ValueError):
    """A reference that is no day, month, year or window of them."""


def _period(text: str, whole: str) -> Window:
    try:
        if _DAY.fullmatch(text):
            day = dt.date.fromisoformat(text)
            return day, day
        if _MONTH.fullmatch(text):
            year, month = int(text[:4]), int(text[5:])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if _YEAR.fullmatch(text):
            return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
    except ValueError:
        pass
    raise ReferenceFormError(f"{whole!r}: expected YYYY-MM-DD, YYYY-MM or YYYY, or two of them joined by /")


def parse_reference(text: str) -> Window:
    """``DATE`` or ``DATE/DATE``, each a day, month or year: the earliest and latest date."""
    parts = text.strip().split("/")
    if len(parts) > 2:
        raise ReferenceFormError(f"{text!r}: expected DATE or DATE/DATE")
    first, last = _period(parts[0].strip(), text), _period(parts[-1].strip(), text)
    if last[1] < first[0]:
        raise ReferenceFormError(f"{text!r}: the window ends before it starts")
    return first[0], last[1]


def reference_window(ref: object) -> Window | None:
    """A reference as ``extract`` accepts it: None, a date, text as above, or a pair of dates."""
    if ref is None:
        return None
    if isinstance(ref, dt.datetime):
        return ref.date(), ref.date()
    if isinstance(ref, dt.date):
        return ref, ref
    if isinstance(ref, str):
        return parse_reference(ref)
    if isinstance(ref, tuple) and len(ref) == 2 and all(isinstance(d, dt.date) for d in ref):
        first, last = (d.date() if isinstance(d, dt.datetime) else d for d in ref)
        if last < first:
            raise ReferenceFormError(f"reference window {first}/{last} ends before it starts")
        return first, last
    raise ReferenceFormError(
        f"reference {ref!r}: expected a date, 'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or a window"
    )
