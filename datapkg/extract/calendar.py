"""Turning date expressions into ISO strings against a reference date.

Values follow ISO 8601 at the precision the text gives: "2024-06-19" (day),
"2024-07" (month), "2024" (year), "2024-W25" (week), "2024-SU" (season, as
TimeML writes it) and "1970s" for a decade.
"""

from __future__ import annotations

import datetime as dt


def iso_day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def weekday_in_week(ref: dt.date, weekday: int) -> dt.date:
    """That weekday in the reference date's Monday-to-Sunday week ("an diesem Donnerstag")."""
    return ref + dt.timedelta(days=weekday - ref.weekday())


def weekday_before(ref: dt.date, weekday: int) -> dt.date:
    """The latest such weekday strictly before the reference date ("last Thursday")."""
    delta = (ref.weekday() - weekday) % 7 or 7
    return ref - dt.timedelta(days=delta)


def weekday_after(ref: dt.date, weekday: int) -> dt.date:
    delta = (weekday - ref.weekday()) % 7 or 7
    return ref + dt.timedelta(days=delta)


def weekday_by_tense(ref: dt.date, weekday: int, tense: int) -> str:
    """A weekday named without "this"/"last"/"next": on or before the reference date in a
    past-tense clause, on or after it in a future one, else in the reference date's week."""
    if tense < 0:
        return (ref - dt.timedelta(days=(ref.weekday() - weekday) % 7)).isoformat()
    if tense > 0:
        return (ref + dt.timedelta(days=(weekday - ref.weekday()) % 7)).isoformat()
    return weekday_in_week(ref, weekday).isoformat()


def weekday_near(ref: dt.date, weekday: int, offset: int) -> str:
    """The weekday before (-1), after (+1) or in the week of (0) the reference date."""
    if offset < 0:
        return weekday_before(ref, weekday).isoformat()
    if offset > 0:
        return weekday_after(ref, weekday).isoformat()
    return weekday_in_week(ref, weekday).isoformat()


def day_offset(ref: dt.date, days: int) -> str:
    """The day ``days`` after the reference date ("gestern": -1)."""
    return (ref + dt.timedelta(days=days)).isoformat()


def weekend(ref: dt.date, ahead: bool) -> list[str]:
    """Saturday and Sunday: the weekend at or before the reference date, or the next one."""
    if ahead:
        saturday = ref + dt.timedelta(days=(5 - ref.weekday()) % 7)
    else:
        saturday = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)
    return [saturday.isoformat(), (saturday + dt.timedelta(days=1)).isoformat()]


def day_in_month(ref: dt.date, day: int) -> str | None:
    """That day of the reference date's month ("vom 8. bis 13." in a November article)."""
    return iso_day(ref.year, ref.month, day)


def month_in_year(ref: dt.date, offset: int, month: int) -> str:
    """A month of the reference year, or of the year ``offset`` away ("im letzten Juli")."""
    return iso_month(ref.year + offset, month)


def shift(ref: dt.date, amount: int, unit: str) -> str | None:
    """The date ``amount`` units away, at that unit's precision ("vor zwei Jahren" -> "2022")."""
    if unit == "day":
        return (ref + dt.timedelta(days=amount)).isoformat()
    if unit == "week":
        return iso_week(ref + dt.timedelta(weeks=amount))
    if unit == "month":
        index = ref.year * 12 + ref.month - 1 + amount
        return iso_month(index // 12, index % 12 + 1)
    if unit == "year":
        return f"{ref.year + amount:04d}"
    if unit == "decade":
        return f"{(ref.year + 10 * amount) // 10 * 10}s"
    return None


def relative_period(ref: dt.date, unit: str, offset: int) -> str | None:
    """This (0), last (-1) or next (+1) week, month or year."""
    return shift(ref, offset, unit) if unit in ("week", "month", "year") else None
