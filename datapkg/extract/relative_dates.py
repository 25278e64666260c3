"""Dates relative to the reference date (weekdays, "heute", "last month"), to an event the
text names ("kurz nach Putins Besuch"), or left vague ("in letzter Zeit")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, partial

from datapkg.extract import calendar as cal
from datapkg.extract import lexicon as lx
from datapkg.extract import vague_words as vw
from datapkg.extract.mention import Context, Mention
from datapkg.extract.patterns import SP, B, E, alt
from datapkg.extract.tense import clause_tense
from datapkg.extract.values import (
    date_qualifier,
    matches,
    norm,
    relative_offset,
    rx,
    topic_year,
)  # fmt: skip

_WEEK_AFTER = {
    "de": re.compile(
        rf"{SP}(?:der{SP})?(?P<rel>(?i:vergangener|letzter|voriger|vorigen|vergangenen|letzten|kommender|"
        rf"nächster|kommenden|nächsten)){SP}(?i:woche){E}"
    ),
    "en": re.compile(
        rf"{SP}(?:of{SP})?(?P<rel>(?i:last|next|the\s+following|the\s+previous)){SP}(?i:week){E}"
    ),
}


def weekdays(ctx: Context) -> Iterator[Mention]:
    table = lx.DE_WEEKDAYS if ctx.lang == "de" else lx.EN_WEEKDAYS
    for m in matches(ctx, "weekday"):
        word = m.group("w").lower()
        day = next(v for k, v in table.items() if word.startswith(k))
        pre = norm(m.group("pre") or "")
        offset = relative_offset(pre)
        week = _WEEK_AFTER[ctx.lang].match(ctx.text, m.end())
        if week is not None:  # "am Mittwoch vergangener Woche", "on Monday of next week"
            weeks = relative_offset(week.group("rel"))
            value = ctx.resolve(partial(cal.weekday_in_other_week, weekday=day, weeks=weeks))
            end = week.end()
            yield Mention(m.start(), end, ctx.text[m.start() : end], "date", value, None, date_qualifier(pre))
            continue
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
    for m in matches(ctx, "relative_period"):
        g = m.groupdict()
        unit = lx.PERIOD_UNITS[ctx.lang][(g.get("u") or g.get("u2") or g.get("u3") or "").lower()]
        offset = relative_offset(g.get("rel"))
        value = ctx.resolve(partial(cal.relative_period, unit=unit, offset=offset))
        yield ctx.mention(m, "date", value, None, date_qualifier(g.get("pre") or g.get("pre2")))


def anchored(ctx: Context) -> Iterator[Mention]:
    """A time given by an event the text names, not by a date ("kurz nach Putins Besuch",
    "nach dem Besuch Putins", "seit Kriegsbeginn"): an anchor, no date, since the event's
    date is not in the text; the qualifier is the direction."""
    prepositions = lx.ANCHOR_PREPOSITIONS[ctx.lang]
    for m in matches(ctx, "anchored"):
        # an offset ("zwei Tage") is a duration of its own; the anchor is the event
        start = m.start("pre") if m.group("u") else m.start()
        end = m.end()
        qualifier = prepositions[norm(m.group("pre"))]
        yield Mention(start, end, ctx.text[start:end], "anchor", None, None, qualifier)


def vague_periods(ctx: Context) -> Iterator[Mention]:
    """Periods the text leaves open ("seit geraumer Zeit", "in letzter Zeit", "recently")."""
    for m in rx(ctx.lang, "vague_period").finditer(ctx.text):
        yield ctx.mention(m, "date", None, None, "vague")


def relative_years(ctx: Context) -> Iterator[Mention]:
    """ "im Vorjahr", "the previous year": the year before (or after) the year the text is
    about there (``topic_year``), which is the reference year unless the text says otherwise:
    a 2025 review of 2024 means 2023 by "Vorjahr"."""
    table = lx.RELATIVE_YEARS[ctx.lang]
    for m in rx(ctx.lang, "relative_year").finditer(ctx.text):
        offset = table[" ".join(m.group("w").lower().split())]
        topic = topic_year(ctx, m.start()) if offset else None  # "heuer" is this year
        if topic is not None:
            value = cal.iso_year(topic + offset)
        else:
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


@cache
def _time_references(lang: str) -> re.Pattern[str]:
    phrases = alt(vw.TIME_REFERENCES[lang])
    units = rf"|{B}(?P<dir>(?i:{alt(vw.UNIT_REFERENCES[lang])})){SP}(?i:{alt(vw.UNIT_REFERENCE_UNITS)}){E}"
    latest = (
        rf"|{B}(?P<latest>(?i:{alt(vw.DE_LATEST)})){E}(?!{SP}(?i:{alt(vw.DE_LATEST_NOT_BEFORE)}){E})"
        if lang == "de"
        else ""
    )
    return re.compile(rf"{B}(?P<w>(?i:{phrases})){E}{units}{latest}")


_NOT_LEAST = re.compile(r"(?i:nicht)\s+$")  # "nicht zuletzt": not least


def _guarded(ctx: Context, m: re.Match[str]) -> bool:
    """ "bald darauf", "so far as", "in the past five years": not a reference to the present."""
    words, not_before = vw.TIME_REFERENCE_GUARDS[ctx.lang]
    if norm(m.group()) not in words:
        return False
    following = ctx.text[m.end() : m.end() + 20].split()
    if not following:
        return False
    nxt = following[0].lower().strip(",.;:")
    return nxt in not_before or nxt[:1].isdigit() or norm(nxt) in lx.EN_ONES or nxt in lx.EN_TENS


def time_references(ctx: Context) -> Iterator[Mention]:
    """A time placed only against the moment of writing ("derzeit", "bislang", "in Zukunft",
    "recently", "so far", "in den kommenden Wochen"): TimeML's PRESENT_REF, PAST_REF or
    FUTURE_REF; "bislang" and "so far" reach up to the present (qualifier "by")."""
    table = vw.TIME_REFERENCES[ctx.lang]
    for m in _time_references(ctx.lang).finditer(ctx.text):
        g = m.groupdict()
        if g.get("latest"):
            yield ctx.mention(m, "date", vw.PAST_REF)
        elif g.get("dir"):
            yield ctx.mention(m, "date", vw.UNIT_REFERENCES[ctx.lang][norm(g["dir"])])
        elif not _guarded(ctx, m) and not _NOT_LEAST.search(ctx.text, max(0, m.start() - 8), m.start()):
            value, qualifier = table[norm(m.group("w"))]
            yield ctx.mention(m, "date", value, None, qualifier)


_PERIOD_ENDS = {
    "de": re.compile(
        rf"(?:(?P<pre>(?i:bis\s+zum|bis|zum|gegen|seit|ab)){SP})?(?P<w>(?i:jahresende|jahresbeginn|jahresanfang|"
        rf"monatsende|monatsbeginn|monatsanfang)){E}"
    ),
    "en": re.compile(
        rf"(?:(?P<pre>(?i:by|until|at|before|since)){SP})?(?P<w>(?i:year-end|year\s+end|month-end)){E}"
    ),
}


def period_ends(ctx: Context) -> Iterator[Mention]:
    """ "bis Jahresende", "zum Monatsanfang", "by year-end": the reference's year or month."""
    for m in _PERIOD_ENDS[ctx.lang].finditer(ctx.text):
        word = m.group("w").lower()
        unit = "month" if word.startswith(("month", "monat")) else "year"
        value = ctx.resolve(partial(cal.shift, amount=0, unit=unit))
        part = "early" if word.endswith(("beginn", "anfang")) else "late"
        yield ctx.mention(m, "date", value, None, date_qualifier(m.group("pre")) or part)
