"""Lengths of time, and offsets ("vor zwei Jahren", "zwei Tage nach")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, partial

from datapkg.extract import calendar as cal
from datapkg.extract import lexicon as lx
from datapkg.extract.mention import Context, Mention
from datapkg.extract.numbers import Number
from datapkg.extract.patterns import ARTICLE_ONE, SP, alt, patterns
from datapkg.extract.values import matches, norm, number_value, qualifier_of, unit_name

_OF_AFTER = re.compile(r"[ \t\u00a0]+(?i:of)(?![\w])")


def durations(ctx: Context) -> Iterator[Mention]:
    for m in matches(ctx, "duration"):
        token, pre, post = (
            m.group("n"),
            (m.group("pre") or "").lower(),
            (m.group("post") or "").lower(),
        )
        if norm(token) in lx.FEW:
            amount: Number | None = None
        elif re.fullmatch(ARTICLE_ONE[ctx.lang], token):
            if not pre and not post and not _OF_AFTER.match(ctx.text, m.end()):
                continue  # "ein Jahr" alone is rarely a duration; "a week of training" is one
            amount = 1
        else:
            amount = number_value(token, ctx.lang)
            if amount is None:
                continue
        unit = unit_name(ctx, m.group("u"))
        qualifier = qualifier_of(m.group("q"), ctx.lang) or ("vague" if amount is None else None)
        if post in ("lang", "long"):
            start = m.start("q") if m.group("q") else m.start("n")
            yield Mention(start, m.end(), ctx.text[start : m.end()], "duration", amount, unit, qualifier)
        elif post == "ago" or pre == "vor":  # "vor zwei Monaten (vor der Entsendung gewarnt)"
            back = -int(amount) if amount is not None else None
            value = ctx.resolve(partial(cal.shift, amount=back, unit=unit)) if back is not None else None
            start = m.start("pre") if pre == "vor" else m.start("n")
            end = m.end() if post == "ago" else m.end("u")
            yield Mention(start, end, ctx.text[start:end], "date", value, None, qualifier)
        elif pre == "in" and ctx.lang == "de" and not post:
            # "in einem Jahr", "in zwei Wochen": a time from now, not a length.
            ahead = int(amount) if amount is not None and amount == int(amount) else None
            value = ctx.resolve(partial(cal.shift, amount=ahead, unit=unit)) if ahead is not None else None
            start = m.start("pre")
            yield Mention(start, m.end(), ctx.text[start : m.end()], "date", value, None, qualifier)
        elif post in lx.OFFSET_AFTER or post in lx.OFFSET_BEFORE:
            start = m.start("q") if m.group("q") else m.start("n")  # "roughly four months after"
            direction = "after" if post in lx.OFFSET_AFTER else "before"
            if post in lx.ANCHOR_PREPOSITIONS[ctx.lang]:
                # "zwei Tage nach dem Besuch": the length, and the event is an anchor of its own
                end = m.end("u")
                yield Mention(start, end, ctx.text[start:end], "duration", amount, unit, direction)
            else:  # "zwei Tage später": a day of the story the reference cannot fix
                yield Mention(start, m.end(), ctx.text[start : m.end()], "date", None, unit, direction)
        else:
            start = m.start("q") if m.group("q") else m.start("n")
            end = m.end("u")
            yield Mention(start, end, ctx.text[start:end], "duration", amount, unit, qualifier)


def vague_durations(ctx: Context) -> Iterator[Mention]:
    for m in matches(ctx, "vague_duration"):
        if m.group("lang"):
            unit = unit_name(ctx, m.group("lang").lower().removesuffix("lang"))
        else:
            unit = unit_name(ctx, m.group("u") or m.group("u2"))
        yield ctx.mention(m, "duration", None, unit, "vague")


_LENGTH_SUFFIXES = {
    "de": {"jährig": "year", "monatig": "month", "wöchig": "week", "tägig": "day", "stündig": "hour",
           "minütig": "minute"},
    "en": {"year-old": "year", "years-old": "year", "year": "year", "month": "month", "week": "week", "day": "day",
           "hour": "hour"},
}  # fmt: skip


@cache
def _lengths(lang: str) -> re.Pattern[str]:
    number = patterns(lang).number
    suffix = rf"(?P<u>(?i:{alt(_LENGTH_SUFFIXES[lang])}))"
    if lang == "de":  # "58-jährige", "zweitägigen"
        words = rf"(?<![\w])(?i:(?:{alt(lx.DE_NUMBER_MORPHEMES)})+)"
        return re.compile(rf"(?P<n>{number}-|{words}){suffix}(?:e|en|er|es|em)?(?![\w])")
    return re.compile(rf"(?P<n>{number})-{suffix}s?(?![\w-])")  # "a 26-year-old", "a two-day visit"


def ages(ctx: Context) -> Iterator[Mention]:
    """An age or a length as an adjective ("58-jährige", "zweitägigen", "a 26-year-old", "a
    two-day visit"): a duration."""
    for m in _lengths(ctx.lang).finditer(ctx.text):
        amount = number_value(m.group("n").rstrip("-"), ctx.lang)
        if amount is not None:
            unit = _LENGTH_SUFFIXES[ctx.lang][m.group("u").lower()]
            yield ctx.mention(m, "duration", amount, unit)


@cache
def _relative_spans(lang: str) -> re.Pattern[str]:
    p = patterns(lang)
    if lang == "de":
        return re.compile(
            rf"(?<![\w])(?P<pre>(?i:in|vor)){SP}(?P<a>{p.number})(?:,|{SP}(?i:oder|bis)){SP}(?P<b>{p.number})"
            rf"[- \u00a0]+(?P<u>{p.time_unit})"
        )
    return re.compile(
        rf"(?P<a>{p.number}){SP}(?i:or|to){SP}(?P<b>{p.number})[- \u00a0]+(?P<u>{p.time_unit}){SP}(?P<pre>(?i:ago))"
        rf"(?![\w])"
    )


def relative_spans(ctx: Context) -> Iterator[Mention]:
    """ "in zwei oder drei Jahren", "vor ein, zwei Jahren", "two or three years ago": a span of
    dates that far from the reference."""
    for m in _relative_spans(ctx.lang).finditer(ctx.text):
        lo, hi = number_value(m.group("a"), ctx.lang), number_value(m.group("b"), ctx.lang)
        if m.group("a").lower() in ("ein", "eine", "einem"):
            lo = 1
        if lo is None or hi is None or not lo < hi or lo != int(lo) or hi != int(hi):
            continue
        sign = -1 if m.group("pre").lower() in ("vor", "ago") else 1
        unit = unit_name(ctx, m.group("u"))
        ends = [ctx.resolve(partial(cal.shift, amount=sign * int(n), unit=unit)) for n in (lo, hi)]
        value = sorted(ends) if all(isinstance(e, str) for e in ends) else None
        yield ctx.mention(m, "date", value, None, "approx")
