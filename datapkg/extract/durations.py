"""Lengths of time, and offsets ("vor zwei Jahren", "zwei Tage nach")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial

from datapkg.extract import calendar as cal
from datapkg.extract import lexicon as lx
from datapkg.extract.mention import Context, Mention
from datapkg.extract.numbers import Number
from datapkg.extract.patterns import ARTICLE_ONE
from datapkg.extract.values import norm, number_value, qualifier_of, rx, unit_name


def durations(ctx: Context) -> Iterator[Mention]:
    for m in rx(ctx.lang, "duration").finditer(ctx.text):
        token, pre, post = (
            m.group("n"),
            (m.group("pre") or "").lower(),
            (m.group("post") or "").lower(),
        )
        if norm(token) in lx.FEW:
            amount: Number | None = None
        elif re.fullmatch(ARTICLE_ONE[ctx.lang], token):
            if not pre and not post:
                continue  # "ein Jahr" without a preposition is rarely a duration
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
        elif post == "ago" or (pre == "vor" and not post):
            back = -int(amount) if amount is not None else None
            value = ctx.resolve(partial(cal.shift, amount=back, unit=unit)) if back is not None else None
            start = m.start("pre") if pre == "vor" else m.start("n")
            yield Mention(start, m.end(), ctx.text[start : m.end()], "date", value, None, qualifier)
        elif pre == "in" and ctx.lang == "de" and not post:
            # "in einem Jahr", "in zwei Wochen": a time from now, not a length.
            ahead = int(amount) if amount is not None and amount == int(amount) else None
            value = ctx.resolve(partial(cal.shift, amount=ahead, unit=unit)) if ahead is not None else None
            start = m.start("pre")
            yield Mention(start, m.end(), ctx.text[start : m.end()], "date", value, None, qualifier)
        elif post in lx.OFFSET_AFTER or post in lx.OFFSET_BEFORE:
            # Offset from an event the text names ("zwei Tage nach dem Besuch"): no anchor date here.
            start = m.start("n")
            direction = "after" if post in lx.OFFSET_AFTER else "before"
            yield Mention(start, m.end(), ctx.text[start : m.end()], "date", None, unit, direction)
        else:
            start = m.start("q") if m.group("q") else m.start("n")
            end = m.end("u")
            yield Mention(start, end, ctx.text[start:end], "duration", amount, unit, qualifier)


def vague_durations(ctx: Context) -> Iterator[Mention]:
    for m in rx(ctx.lang, "vague_duration").finditer(ctx.text):
        if m.group("lang"):
            unit = unit_name(ctx, m.group("lang").lower().removesuffix("lang"))
        else:
            unit = unit_name(ctx, m.group("u"))
        yield ctx.mention(m, "duration", None, unit, "vague")
