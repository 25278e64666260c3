"""Dates the text states: days, day ranges, months, half-years, years, seasons, decades, times."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from datapkg.extract import calendar as cal
from datapkg.extract import lexicon as lx
from datapkg.extract.mention import Context, Mention
from datapkg.extract.values import (
    date_qualifier,
    day_month,
    default_year,
    month_no,
    month_value,
    relative_offset,
    rx,
    unit_after,
)  # fmt: skip


def clock_times(ctx: Context) -> Iterator[Mention]:
    for m in rx(ctx.lang, "clock").finditer(ctx.text):
        if m.group("h2"):
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
    for m in rx(ctx.lang, "date_dmy").finditer(ctx.text):
        g = m.groupdict()
        if g.get("y3"):
            value = cal.iso_day(int(g["y3"]), int(g["m3"]), int(g["d3"]))
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
            yield ctx.mention(m, "date", value)


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


def month_dates(ctx: Context) -> Iterator[Mention]:
    for m in rx(ctx.lang, "date_month").finditer(ctx.text):
        if not m.group("pre") and not m.group("y") and not m.group("rel"):
            continue  # a bare month name ("Mai", "August") is too often something else
        if m.group("rel"):
            offset, month = relative_offset(m.group("rel")), month_no(ctx, m.group("m"))
            value: str | None = ctx.resolve(partial(cal.month_in_year, offset=offset, month=month))
        else:
            value = month_value(ctx, month_no(ctx, m.group("m")), m.group("y"), m.start())
        yield ctx.mention(m, "date", value, None, date_qualifier(m.group("pre")))


def half_years(ctx: Context) -> Iterator[Mention]:
    for m in rx(ctx.lang, "half_year").finditer(ctx.text):
        part = m.group("h").lower()
        order = 1 if m.group("o").lower().startswith(("erst", "first")) else 2
        code = f"H{order}" if part.startswith(("half", "halb")) or "hälfte" in part else f"Q{order}"
        stated = m.group("y") or m.group("y2")
        year = int(stated) if stated else default_year(ctx)
        value = f"{year:04d}-{code}" if year is not None and cal.in_range(year) else None
        yield ctx.mention(m, "date", value, None, date_qualifier(m.group("pre")))


def year_dates(ctx: Context) -> Iterator[Mention]:
    for m in rx(ctx.lang, "date_year").finditer(ctx.text):
        if not m.group("pre"):
            following = unit_after(ctx, m.end())
            if following and following.lower() in lx.COUNT_NOUNS:
                continue  # "2000 Soldaten" counts soldiers
        yield ctx.mention(m, "date", m.group("y"), None, date_qualifier(m.group("pre")))


def seasons(ctx: Context) -> Iterator[Mention]:
    table = lx.DE_SEASONS if ctx.lang == "de" else lx.EN_SEASONS
    for m in rx(ctx.lang, "season").finditer(ctx.text):
        if not (m.group("pre") or m.group("y") or m.group("rel")):
            continue
        code = table[m.group("s").lower()]
        year: int | None = int(m.group("y")) if m.group("y") else default_year(ctx)
        if year is not None and not m.group("y"):
            year += relative_offset(m.group("rel") or m.group("pre"))
        value = f"{year:04d}-{code}" if year is not None and cal.in_range(year) else None
        yield ctx.mention(m, "date", value, None, date_qualifier(m.group("pre")))


def decades(ctx: Context) -> Iterator[Mention]:
    for m in rx(ctx.lang, "decade").finditer(ctx.text):
        century = m.group("c") or "19"
        digit = m.group("d") or m.groupdict().get("d2")
        yield ctx.mention(m, "date", cal.iso_decade(int(f"{century}{digit}0")), "decade")


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
