"""Dates relative to the reference date (weekdays, "heute", "last month"), to an event the
text names ("kurz nach Putins Besuch"), or left vague ("in letzter Zeit")."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from datapkg.extract import calendar as cal
from datapkg.extract import lexicon as lx
from datapkg.extract.mention import Context, Mention
from datapkg.extract.values import (
    clause_tense,
    date_qualifier,
    norm,
    relative_offset,
    rx,
    unit_name,
)  # fmt: skip


def weekdays(ctx: Context) -> Iterator[Mention]:
    table = lx.DE_WEEKDAYS if ctx.lang == "de" else lx.EN_WEEKDAYS
    for m in rx(ctx.lang, "weekday").finditer(ctx.text):
        word = m.group("w").lower()
        day = next(v for k, v in table.items() if word.startswith(k))
        pre = norm(m.group("pre") or "")
        offset = relative_offset(pre)
        if offset == 0 and pre in lx.BARE_WEEKDAY_PREPOSITIONS:
            # "am Donnerstag", "on Thursday": the tense says which one, as in news copy
            # ("arrived on Thursday" is the last one, "will meet on Thursday" the next).
            tense = clause_tense(ctx, m.start())
            value = ctx.resolve(partial(cal.weekday_by_tense, weekday=day, tense=tense))
        else:
            value = ctx.resolve(partial(cal.weekday_near, weekday=day, offset=offset))
        yield ctx.mention(m, "date", value, None, date_qualifier(pre))


def relative_words(ctx: Context) -> Iterator[Mention]:
    for m in rx(ctx.lang, "relative_word").finditer(ctx.text):
        offset = lx.RELATIVE_DAYS[ctx.lang][m.group("w").lower()]
        value = ctx.resolve(partial(cal.day_offset, days=offset))
        yield ctx.mention(m, "date", value)


def relative_periods(ctx: Context) -> Iterator[Mention]:
    for m in rx(ctx.lang, "relative_period").finditer(ctx.text):
        g = m.groupdict()
        unit = lx.PERIOD_UNITS[ctx.lang][(g.get("u") or g.get("u2") or "").lower()]
        offset = relative_offset(g.get("rel"))
        value = ctx.resolve(partial(cal.relative_period, unit=unit, offset=offset))
        yield ctx.mention(m, "date", value, None, date_qualifier(g.get("pre") or g.get("pre2")))


def anchored(ctx: Context) -> Iterator[Mention]:
    """A date given by an event the text names, not by a date ("kurz nach Putins Besuch",
    "zwei Tage nach dem Besuch Putins", "seit Kriegsbeginn"): the value stays empty, since
    the event's date is not in the text; the qualifier is the direction, the unit the
    offset's unit when there is one."""
    prepositions = lx.ANCHOR_PREPOSITIONS[ctx.lang]
    for m in rx(ctx.lang, "anchored").finditer(ctx.text):
        unit = unit_name(ctx, m.group("u")) if m.group("u") else None
        yield ctx.mention(m, "date", None, unit, prepositions[norm(m.group("pre"))])


def vague_periods(ctx: Context) -> Iterator[Mention]:
    """Periods the text leaves open ("seit geraumer Zeit", "in letzter Zeit", "recently")."""
    for m in rx(ctx.lang, "vague_period").finditer(ctx.text):
        yield ctx.mention(m, "date", None, None, "vague")


def relative_years(ctx: Context) -> Iterator[Mention]:
    """ "im Vorjahr", "the previous year": the year before (or after) the reference year."""
    table = lx.RELATIVE_YEARS[ctx.lang]
    for m in rx(ctx.lang, "relative_year").finditer(ctx.text):
        offset = table[" ".join(m.group("w").lower().split())]
        value = ctx.resolve(partial(cal.shift, amount=offset, unit="year"))
        yield ctx.mention(m, "date", value, None, date_qualifier(m.group("pre")))


def story_days(ctx: Context) -> Iterator[Mention]:
    """ "am Folgetag", "the next day": a day relative to another day of the story, which the
    reference cannot fix; the value stays empty, the qualifier says which way."""
    table = lx.STORY_DAYS[ctx.lang]
    for m in rx(ctx.lang, "story_day").finditer(ctx.text):
        yield ctx.mention(m, "date", None, "day", table[" ".join(m.group().lower().split())])


def weekends(ctx: Context) -> Iterator[Mention]:
    """ "over the weekend", "am Wochenende": the last weekend before the reference, or the
    next one in a future-tense clause ("this weekend" / "last weekend" say it themselves)."""
    for m in rx(ctx.lang, "weekend").finditer(ctx.text):
        words = m.group().lower()
        ahead = "this" in words or (clause_tense(ctx, m.start()) > 0 and "last" not in words)
        value = ctx.resolve(partial(cal.weekend, ahead=ahead))
        yield ctx.mention(m, "date", value)
