"""The date a claim's words give, as a records file writes it: the extractor's resolved dates,
read as curators read them. A weekday in a clause about the past lies before publication; a
period a "seit"/"since" opens runs to publication; a deadline month or year runs from
publication to its end ("before the end of February"); "this year" in a claim about the past
runs to publication; a month named as a deadline that has passed is next year's. Without a date,
the publication window.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from datapkg.compiler.curation.cues import claim_status
from datapkg.compiler.curation.sentences import Sentence
from datapkg.extract import Mention

if TYPE_CHECKING:
    from datapkg.compiler.curation.candidates import Draft

_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True)
class DateGuess:
    value: Any  # as a records file writes it: a date, "YYYY-MM", a year, or a two-item span
    basis: str
    text: str | None
    after_publication: bool
    mention: Mention | None = None


def _iso_value(value: str) -> Any:
    """An ISO day, month or year as a records file writes it."""
    if len(value) == 10:
        return dt.date.fromisoformat(value)
    return int(value) if len(value) == 4 else value


def _bounds(value: str) -> tuple[dt.date, dt.date]:
    """First and last day of an ISO day, month or year."""
    if len(value) == 10:
        day = dt.date.fromisoformat(value)
        return day, day
    year = int(value[:4])
    if len(value) == 7:
        month = int(value[5:7])
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def date_in(draft: Draft, span: Sentence) -> DateGuess | None:
    """The first date the extractor resolved inside ``span`` (days, months, years, spans of them);
    a period a "since" opens first ("killed on Thursday … since they entered combat in December")."""
    mentions = draft.mentions_in(span.start, span.end)
    since = [
        m for m in mentions if m.kind == "date" and _SINCE.search(draft.text[max(0, m.start - 40) : m.start])
    ]
    for m in since + mentions:
        if m.kind != "date":
            continue
        values = m.value if isinstance(m.value, list) else [m.value]
        values = [w for v in values for w in _week_days(v)]
        if (
            not all(isinstance(v, str) and _ISO.match(v) for v in values)
            or len({len(v) for v in values}) != 1
        ):
            continue
        values = _past_weekday(draft, span, m, values)
        values = _coming_month(draft, m, values)
        values = _spans_of_periods(draft, span, m, values)
        value = [_iso_value(v) for v in values] if len(values) == 2 else _iso_value(values[0])
        relative = not re.search(r"\d|" + "|".join(_MONTH_WORDS), m.text.lower())
        if m.qualifier == "since" or _SINCE.search(draft.text[max(0, m.start - 40) : m.start]):
            # "seit August 2023", "since the start of the year": from then to the publication
            value = [_bounds(values[0])[0], draft.published[1]]
        future = m.qualifier == "by" or _bounds(values[0])[0] > draft.published[1]
        return DateGuess(value, "resolved" if relative else "stated", m.text, future, m)
    return None


_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def _week_days(value: Any) -> list[Any]:
    """An ISO week ("2024-W47") as its first and last day; any other value as it is."""
    week = _WEEK.match(value) if isinstance(value, str) else None
    if week is None:
        return [value]
    monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
    return [monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()]


_DEADLINE = re.compile(
    r"\b(?:before|by|until|bis|vor)\s+(?:the end of\s+|Ende\s+)?$|^(?:bis|by)\b", re.IGNORECASE
)


def _coming_month(draft: Draft, m: Mention, values: list[str]) -> list[str]:
    """A month named as a deadline lies ahead: "before the end of February" in a December
    article is next February, not the one past."""
    before = draft.text[max(0, m.start - 25) : m.start]
    if (
        len(values) != 1
        or len(values[0]) != 7
        or not (_DEADLINE.search(before) or _DEADLINE.search(m.text[:20]))
    ):
        return values
    year, month = int(values[0][:4]), int(values[0][5:])
    if _bounds(values[0])[1] >= draft.published[0] or year + 1 > 9999:
        return values
    return [f"{year + 1:04d}-{month:02d}"]


_THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_THIS_YEAR = re.compile(r"\b(?:this year|dieses Jahr|in diesem Jahr|diesjährig\w*)\b", re.IGNORECASE)


def _spans_of_periods(draft: Draft, span: Sentence, m: Mention, values: list[str]) -> list[str]:
    """A month or year named as a deadline runs from publication to its end ("before the end of
    February", "by the end of the year"); "early next year" is its first quarter; "this year" in a
    claim about the past runs to publication."""
    if len(values) != 1 or len(values[0]) not in (4, 7):
        return values
    first, last = _bounds(values[0])
    before = draft.text[max(0, m.start - 25) : m.start]
    if _DEADLINE.search(before) or (
        m.qualifier == "late" and re.search(r"(?i)\b(?:before|by|bis|vor)\b", before)
    ):
        return [draft.published[0].isoformat(), last.isoformat()]
    if len(values[0]) == 4 and m.qualifier == "early":
        return [f"{values[0]}-01", f"{values[0]}-03"]
    if len(values[0]) == 7 and m.qualifier in _THIRDS and last > draft.published[1]:
        # "Anfang Oktober" in an article of 19 October: a past claim may not end after publication
        low, high = _THIRDS[m.qualifier]
        return [f"{values[0]}-{low:02d}", f"{values[0]}-{min(high, last.day):02d}"]
    past = claim_status(span.text, draft.lang) != "projected"
    if len(values[0]) == 4 and _THIS_YEAR.search(m.text) and last > draft.published[1] and past:
        return [first.isoformat(), draft.published[1].isoformat()]
    return values


_SINCE = re.compile(
    r"\b(?:seit|since)\b(?:\s+(?!(?:and|und)\b)[\w-]+){0,4}\s+$", re.IGNORECASE
)  # "seit dem", "since they entered combat in"
_WEEKDAYS = re.compile(
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|wochenende",
    re.IGNORECASE,
)


def _past_weekday(draft: Draft, span: Sentence, m: Mention, values: list[str]) -> list[str]:
    """A weekday of a clause that tells what happened is the one before publication: "Peskow wies
    die Berichte am Sonntag zurück" in a Tuesday's article is two days before, not five after."""
    if not _WEEKDAYS.search(m.text) or len(values[0]) != 10 or m.qualifier == "by":
        return values
    days = [dt.date.fromisoformat(v) for v in values]
    last_week = re.search(r"(?i)\b(?:last|vergangen\w*|letzt\w*)\b", m.text) is not None
    if (days[0] <= draft.published[1] and not (last_week and days[-1] >= draft.published[0])) or claim_status(
        span.text, draft.lang
    ) == "projected":
        return values
    week = dt.timedelta(days=7)
    return [(d - week).isoformat() if d - week >= draft.published[0] - week else d.isoformat() for d in days]


def date_guess(draft: Draft, start: int, end: int) -> DateGuess | None:
    """:func:`date_in` over ``text[start:end]``."""
    return date_in(draft, Sentence(start, end, draft.text[start:end]))


_MONTH_WORDS = (
    "jan",
    "feb",
    "mär",
    "apr",
    "mai",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "okt",
    "oct",
    "nov",
    "dez",
    "dec",
)


def publication_date(draft: Draft) -> DateGuess:
    earliest, latest = draft.published
    return DateGuess(earliest if earliest == latest else [earliest, latest], "publication", None, False)
