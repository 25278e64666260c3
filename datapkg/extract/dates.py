"""Dates the text states: days, day ranges, months, half-years, years, seasons, decades, times."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, partial

from datapkg.extract import calendar as cal
from datapkg.extract import lexicon as lx
from datapkg.extract.mention import Context, Mention
from datapkg.extract.patterns import SP, E, alt
from datapkg.extract.values import (
    date_qualifier,
    day_month,
    default_year,
    matches,
    month_no,
    month_value,
    relative_offset,
    rx,
    topic_year,
    unit_after,
    year_for,
)  # fmt: skip


def _word_hour(ctx: Context, token: str, part: str | None) -> int:
    """ "drei Uhr morgens" -> 3, "elf Uhr nachts" -> 23, "two o'clock in the afternoon" -> 14."""
    hour = int(token) if token.isdigit() else lx.CLOCK_HOURS[ctx.lang][token.lower()]
    later = lx.DAY_PARTS[ctx.lang].get(" ".join((part or "").lower().split()), 0)
    # "nachts" is late evening or early morning: "drei Uhr nachts" is 03:00, "elf Uhr nachts" 23:00
    return hour + later if hour < 12 and (hour >= 6 or part not in ("nachts", "at night")) else hour


def clock_times(ctx: Context) -> Iterator[Mention]:
    for m in matches(ctx, "clock"):
        if m.group("hw"):
            hour, minute, pre_group = _word_hour(ctx, m.group("hw"), m.group("part")), 0, "pre3"
        elif m.group("h2"):
            hour, minute, pre_group = int(m.group("h2")), int(m.group("m2")), "pre2"
        else:
            hour, minute, pre_group = int(m.group("h")), int(m.group("m") or 0), "pre"
        marker = (m.groupdict().get("ap") or "").lower().replace(".", "")
        if marker == "pm" and hour < 12:
            hour += 12
        elif marker == "am" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            continue
        pre = (m.group(pre_group) or "").lower()
        qualifier = None if pre in ("um", "at") else date_qualifier(pre)
        yield ctx.mention(m, "date", f"T{hour:02d}:{minute:02d}", None, qualifier)


def absolute_dates(ctx: Context) -> Iterator[Mention]:
    for m in matches(ctx, "date_dmy"):
        g = m.groupdict()
        if g.get("y3"):
            value = cal.iso_day(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        elif g.get("drel"):  # "am 19. Juni dieses Jahres"
            month, offset = month_no(ctx, g["m"]), relative_offset(g["drel"])
            found = ctx.resolve(partial(cal.month_in_year, offset=offset, month=month))
            value = cal.iso_day(int(found[:4]), month, int(g["d"])) if found and found[:4].isdigit() else None
        elif g.get("m") and g.get("d"):
            value = day_month(ctx, int(g["d"]), month_no(ctx, g["m"]), g.get("y"), m.start())
        elif ctx.lang == "de" and g.get("d2"):
            month = int(g["m2"])
            if not 1 <= month <= 12:
                continue
            year = g.get("y2")
            if year and len(year) == 2:
                year = str(2000 + int(year)) if int(year) < 50 else str(1900 + int(year))
            value = day_month(ctx, int(g["d2"]), month, year, m.start())
        else:
            value = day_month(ctx, int(g["d2"]), month_no(ctx, g["m2"]), g.get("y2"), m.start())
        if value is not None:
            yield ctx.mention(m, "date", value, None, date_qualifier(g.get("pre2")))


def day_ranges(ctx: Context) -> Iterator[Mention]:
    for m in rx(ctx.lang, "day_range").finditer(ctx.text):
        g = m.groupdict()
        month_token = g.get("m") or g.get("m1")
        first, last = (g.get("d1"), g.get("d2")) if g.get("d1") else (g.get("d3"), g.get("d4"))
        if not (month_token and first and last) or int(first) >= int(last):
            continue
        month = month_no(ctx, month_token)
        lo = day_month(ctx, int(first), month, g.get("y"), m.start())
        hi = day_month(ctx, int(last), month, g.get("y"), m.start())
        if lo and hi:
            yield ctx.mention(m, "date", [lo, hi])


# Month names that are words or names of their own when they stand alone.
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "august", "mai", "märz"})


def _bare_month(ctx: Context, m: re.Match[str]) -> bool:
    """A month name alone that can be nothing else ("June alone produced 311 articles", "the
    June treaty"): capitalised, written out, and not a word of its own."""
    word = m.group("m")
    return word[:1].isupper() and len(word) > 3 and "." not in word and word.lower() not in _AMBIGUOUS_MONTHS


def _counts_after(ctx: Context, end: int) -> bool:
    """Whether a plural noun follows the number, which then counts it ("1840 Ausfuhrgesuche")."""
    noun = unit_after(ctx, end)
    if noun is None:
        return False
    plural = ctx.lang == "de" and noun[:1].isupper() and len(noun) > 5 and noun.endswith(("e", "en", "er"))
    # "seit Februar 2022 Hilfen": a year of the calendar with a noun after stays a year
    unlikely_year = not 1900 <= int(ctx.text[end - 4 : end]) <= 2100
    return noun.lower() in lx.COUNT_NOUNS or (plural and unlikely_year)


def month_dates(ctx: Context) -> Iterator[Mention]:
    for m in matches(ctx, "date_month"):
        if not m.group("pre") and not m.group("y") and not m.group("rel") and not _bare_month(ctx, m):
            continue  # "May", "March", "August" alone are too often something else
        near = relative_offset(m.group("pre")) if m.group("pre") and not m.group("y") else 0
        if m.group("rel"):
            offset, month = relative_offset(m.group("rel")), month_no(ctx, m.group("m"))
            value: str | None = ctx.resolve(partial(cal.month_in_year, offset=offset, month=month))
        elif m.group("y") and _counts_after(ctx, m.end("y")):
            # "bis Ende Oktober 1840 Ausfuhrgesuche": the number counts, the month has no year
            end = m.end("m")
            value = month_value(ctx, month_no(ctx, m.group("m")), None, m.start())
            qualifier = date_qualifier(m.group("pre"))
            yield Mention(m.start(), end, ctx.text[m.start() : end], "date", value, None, qualifier)
            continue
        elif near:  # "next June", "letzten Juli": the nearest such month after or before the reference
            value = ctx.resolve(partial(cal.month_near, month=month_no(ctx, m.group("m")), offset=near))
        else:
            value = month_value(ctx, month_no(ctx, m.group("m")), m.group("y"), m.start())
        yield ctx.mention(m, "date", value, None, date_qualifier(m.group("pre")))


_ORDERS = {"erst": 1, "firs": 1, "zwei": 2, "seco": 2, "drit": 3, "thir": 3, "vier": 4, "four": 4}


def half_years(ctx: Context) -> Iterator[Mention]:
    for m in matches(ctx, "half_year"):
        part = m.group("h").lower()
        order = _ORDERS[m.group("o").lower()[:4]]
        half = part.startswith(("half", "halb")) or "hälfte" in part
        if half and order > 2:
            continue
        code = f"H{order}" if half else f"Q{order}"
        stated = m.group("y") or m.group("y2")
        if stated:
            year: int | None = int(stated)
        elif m.group("rel"):  # "in the first half of next year"
            year = default_year(ctx)
            year = year + relative_offset(m.group("rel")) if year is not None else None
        else:  # "Im dritten Quartal stieg der Handel" in February: last year's
            year = topic_year(ctx, m.start()) or year_for(
                ctx, (order - 1) * (6 if half else 3) + 1, m.start()
            )
        value = f"{year:04d}-{code}" if year is not None and cal.in_range(year) else None
        yield ctx.mention(m, "date", value, None, date_qualifier(m.group("pre")))


def year_dates(ctx: Context) -> Iterator[Mention]:
    for m in rx(ctx.lang, "date_year").finditer(ctx.text):
        if not m.group("pre"):
            following = unit_after(ctx, m.end())
            if following and following.lower() in lx.COUNT_NOUNS:
                continue  # "2000 Soldaten" counts soldiers
        yield ctx.mention(m, "date", m.group("y"), None, date_qualifier(m.group("pre")))


_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def seasons(ctx: Context) -> Iterator[Mention]:
    table = lx.DE_SEASONS if ctx.lang == "de" else lx.EN_SEASONS
    for m in matches(ctx, "season"):
        if not (m.group("pre") or m.group("y") or m.group("rel")):
            continue
        code = table[m.group("s").lower()]
        offset = relative_offset(m.group("rel") or m.group("pre"))
        year: int | None
        if m.group("y"):
            year = int(m.group("y"))
        elif m.group("rel2"):  # "im Sommer des vergangenen Jahres"
            year = default_year(ctx)
            year = year + relative_offset(m.group("rel2")) if year is not None else None
        elif offset:  # "im vergangenen Frühling" in November is this year's; "last autumn" in October not
            year = ctx.resolve(partial(cal.season_near, start=_SEASON_MONTHS[code], offset=offset))
        else:  # "seit dem Herbst" in January is last autumn
            year = year_for(ctx, _SEASON_MONTHS[code], m.start())
        value = f"{year:04d}-{code}" if year is not None and cal.in_range(year) else None
        yield ctx.mention(m, "date", value, None, date_qualifier(m.group("pre")))


def decades(ctx: Context) -> Iterator[Mention]:
    for m in rx(ctx.lang, "decade").finditer(ctx.text):
        century = m.group("c") or "19"
        word = (m.groupdict().get("w") or "").lower()
        digit = (
            m.group("d")
            or m.groupdict().get("d2")
            or m.groupdict().get("d3")
            or str(lx.DECADE_WORDS[ctx.lang].get(word, ""))
        )
        value = cal.iso_decade(int(f"{century}{digit}0"))
        yield ctx.mention(m, "date", value, "decade", date_qualifier(m.groupdict().get("the")))


def day_ranges_bare(ctx: Context) -> Iterator[Mention]:
    """Days without their month ("vom 8. bis 13.", "from the 8th to the 13th"): the month and
    year are the reference window's, where it lies in one month."""
    for m in rx(ctx.lang, "day_range_bare").finditer(ctx.text):
        first, last = int(m.group("d1")), int(m.group("d2"))
        if not 1 <= first < last <= 31:
            continue
        lo = ctx.resolve(partial(cal.day_in_month, day=first))
        hi = ctx.resolve(partial(cal.day_in_month, day=last))
        ok = isinstance(lo, str) and isinstance(hi, str) and not lo.startswith("X") and not hi.startswith("X")
        yield ctx.mention(m, "date", [lo, hi] if ok else None)


@cache
def _month_span(lang: str) -> re.Pattern[str]:
    month = alt(lx.DE_MONTHS if lang == "de" else lx.EN_MONTHS)
    opener, joiner = ("von|zwischen", "bis|und") if lang == "de" else ("from|between", "to|and|until|through")
    return re.compile(
        rf"(?:(?<![\w])(?P<o>(?i:{opener})){SP})?(?P<m1>(?<![\w])(?i:{month}))(?![\w])"
        rf"(?:{SP}(?P<j>(?i:{joiner})){SP}|[-–])(?P<m2>(?i:{month}))(?![\w])"
        rf"(?:,?{SP}(?P<y>\d{{4}})(?![\w])|{SP}(?P<rel>(?i:dieses|diesen|des{SP}vergangenen|of{SP}this|this|last|"
        rf"of{SP}last)){SP}(?i:jahres|year){E})?(?:{SP}(?P<q>(?i:quarter|quartal)){E})?"
    )


def month_spans(ctx: Context) -> Iterator[Mention]:
    """ "between September and December", "von März bis Mai 2024": ``[first, last]`` months; a
    span over the new year ("from November to February") starts in the year before its end."""
    for m in _month_span(ctx.lang).finditer(ctx.text):
        if not m.group("o") and (m.group("j") or "").lower() in ("and", "und"):
            continue  # "im Mai und Juni": two months; "January to October": a span
        first, last = month_no(ctx, m.group("m1")), month_no(ctx, m.group("m2"))
        stated = m.group("y")
        if m.group("rel"):  # "von März bis November dieses Jahres"
            shift = -1 if any(w in m.group("rel").lower() for w in ("vergangen", "last")) else 0
            year_now = default_year(ctx)
            stated = str(year_now + shift) if year_now is not None else None
        end = month_value(ctx, last, stated, m.start())
        if end is None or first == last:
            continue
        year = end[:4]
        if first > last:
            year = f"{int(year) - 1:04d}" if year.isdigit() else year
        if m.group("q") and last == first + 2 and first % 3 == 1:  # "the July-September quarter"
            yield ctx.mention(m, "date", f"{end[:4]}-Q{last // 3}")
        else:
            yield ctx.mention(m, "date", [f"{year}-{first:02d}", end])


_YEAR_SPAN = re.compile(r"(?<![\w.,])(?P<a>(?:18|19|20)\d{2})[-–/](?P<b>\d{2})(?![\w]|[.,]\d)")


def year_spans(ctx: Context) -> Iterator[Mention]:
    """ "1950-53", "2023/24": a span of years whose end keeps only its last two digits."""
    for m in _YEAR_SPAN.finditer(ctx.text):
        first, tail = m.group("a"), m.group("b")
        if int(tail) > int(first[2:]):
            yield ctx.mention(m, "date", [first, first[:2] + tail])
