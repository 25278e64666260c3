"""Turning date expressions into ISO strings against a reference date.

Values follow ISO 8601 at the precision the text gives: "2024-06-19" (day),
"2024-07" (month), "2024" (year), "2024-W25" (week), "2024-SU" (season, as
TimeML writes it) and "1970s" for a decade.

Every value lies in the years ``FIRST_YEAR`` to ``LAST_YEAR`` (1 to 9999): what
``datetime.date`` holds, what a four-digit ISO year writes, and what the build accepts
in a record's dates. An expression whose date would fall outside ("vor 800.000 Tagen",
"in 20.000 Jahren", "next week" against 9999-12-31) resolves to None, never to a
five-digit or negative year and never to an error.
"""

from __future__ import annotations

import datetime as dt

FIRST_YEAR = dt.MINYEAR
LAST_YEAR = dt.MAXYEAR


def in_range(year: int) -> bool:
    """Whether a date value may name this year."""
    return FIRST_YEAR <= year <= LAST_YEAR


def add_days(ref: dt.date, days: int) -> dt.date | None:
    """The day ``days`` after ``ref``; None where that leaves the calendar."""
    try:
        return ref + dt.timedelta(days=days)
    except OverflowError:
        return None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def iso_day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except (ValueError, OverflowError):
        return None


def iso_month(year: int, month: int) -> str | None:
    return f"{year:04d}-{month:02d}" if in_range(year) and 1 <= month <= 12 else None


def iso_year(year: int) -> str | None:
    return f"{year:04d}" if in_range(year) else None


def iso_decade(year: int) -> str | None:
    """The decade a year falls in ("1970s"); None for years before the first whole decade."""
    start = year // 10 * 10
    return f"{start:04d}s" if in_range(start) and in_range(year) else None


def iso_week(day: dt.date | None) -> str | None:
    if day is None:
        return None
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def weekday_in_week(ref: dt.date, weekday: int) -> dt.date | None:
    """That weekday in the reference date's Monday-to-Sunday week ("an diesem Donnerstag")."""
    return add_days(ref, weekday - ref.weekday())


def weekday_in_other_week(ref: dt.date, weekday: int, weeks: int) -> str | None:
    """That weekday in the week ``weeks`` away ("am Mittwoch vergangener Woche": -1)."""
    moved = add_days(ref, 7 * weeks)
    return _iso(weekday_in_week(moved, weekday)) if moved is not None else None


def weekday_before(ref: dt.date, weekday: int) -> dt.date | None:
    """The latest such weekday strictly before the reference date ("last Thursday")."""
    delta = (ref.weekday() - weekday) % 7 or 7
    return add_days(ref, -delta)


def weekday_after(ref: dt.date, weekday: int) -> dt.date | None:
    delta = (weekday - ref.weekday()) % 7 or 7
    return add_days(ref, delta)


def weekday_by_tense(ref: dt.date, weekday: int, tense: int) -> str | None:
    """A weekday named without "this"/"last"/"next": on or before the reference date in a
    past-tense clause, on or after it in a future one, else in the reference date's week."""
    if tense < 0:
        return _iso(add_days(ref, -((ref.weekday() - weekday) % 7)))
    if tense > 0:
        return _iso(add_days(ref, (weekday - ref.weekday()) % 7))
    return _iso(weekday_in_week(ref, weekday))


def weekday_near(ref: dt.date, weekday: int, offset: int) -> str | None:
    """The weekday before (-1), after (+1) or in the week of (0) the reference date."""
    if offset < 0:
        return _iso(weekday_before(ref, weekday))
    if offset > 0:
        return _iso(weekday_after(ref, weekday))
    return _iso(weekday_in_week(ref, weekday))


def day_offset(ref: dt.date, days: int) -> str | None:
    """The day ``days`` after the reference date ("gestern": -1)."""
    return _iso(add_days(ref, days))


def weekend(ref: dt.date, ahead: bool) -> list[str] | None:
    """Saturday and Sunday: the weekend at or before the reference date, or the next one."""
    days = (5 - ref.weekday()) % 7 if ahead else -((ref.weekday() - 5) % 7)
    saturday = add_days(ref, days)
    sunday = add_days(saturday, 1) if saturday is not None else None
    if saturday is None or sunday is None:
        return None
    return [saturday.isoformat(), sunday.isoformat()]


def day_in_month(ref: dt.date, day: int) -> str | None:
    """That day of the reference date's month ("vom 8. bis 13." in a November article)."""
    return iso_day(ref.year, ref.month, day)


def month_in_year(ref: dt.date, offset: int, month: int) -> str | None:
    """A month of the reference year, or of the year ``offset`` away ("im letzten Juli")."""
    return iso_month(ref.year + offset, month)


def month_near(ref: dt.date, month: int, offset: int) -> str | None:
    """The first such month after the reference (+1: "next June") or the last before it (-1)."""
    if offset > 0:
        return iso_month(ref.year if month > ref.month else ref.year + 1, month)
    return iso_month(ref.year if month < ref.month else ref.year - 1, month)


def season_near(ref: dt.date, start: int, offset: int) -> int:
    """The year of the last season (starting in month ``start``) that has ended before the
    reference (-1: "last autumn"), or of the next that has not begun (+1: "next summer")."""
    if offset > 0:
        return ref.year if start > ref.month else ref.year + 1
    end = start + 2  # a winter that starts in December ends in February of the next year
    if end > 12:
        return ref.year - 1 if ref.month > end - 12 else ref.year - 2
    return ref.year if ref.month > end else ref.year - 1


def shift(ref: dt.date, amount: int, unit: str) -> str | None:
    """The date ``amount`` units away, at that unit's precision ("vor zwei Jahren" -> "2022")."""
    if unit == "day":
        return day_offset(ref, amount)
    if unit == "week":
        return iso_week(add_days(ref, 7 * amount))
    if unit == "month":
        index = ref.year * 12 + ref.month - 1 + amount
        return iso_month(index // 12, index % 12 + 1)
    if unit == "year":
        return iso_year(ref.year + amount)
    if unit == "decade":
        return iso_decade(ref.year + 10 * amount)
    return None


def relative_period(ref: dt.date, unit: str, offset: int) -> str | None:
    """This (0), last (-1) or next (+1) week, month or year."""
    return shift(ref, offset, unit) if unit in ("week", "month", "year") else None
