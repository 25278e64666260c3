"""Factors and spoken decimals: "doppelt so viele", "verdoppelt", "fünfmal", "dreifache",
"twice", "threefold", "five times as many"; "null Komma fünf", "zero-point-five".

A factor is a quantity whose unit is "times" and whose value is the factor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from datapkg.extract import lexicon as lx
from datapkg.extract.mention import Context, Mention
from datapkg.extract.numbers import tidy
from datapkg.extract.values import matches, number_value, qualifier_of, rx, scale_value

TIMES = "times"


def _factor(ctx: Context, token: str) -> int | None:
    lower = token.lower()
    if ctx.lang == "en":
        return lx.EN_MULTIPLYING.get(lower)
    return next((factor for stem, factor in lx.DE_MULTIPLYING.items() if lower.startswith(stem)), None)


def multipliers(ctx: Context) -> Iterator[Mention]:
    for m in matches(ctx, "multiplier"):
        g = m.groupdict()
        value: int | float | None
        if g.get("v2"):
            value = {"double": 2, "triple": 3, "quadruple": 4}[g["v2"].lower()]
        elif g.get("v") or g.get("d") or g.get("dd"):
            value = _factor(ctx, g.get("v") or g.get("d") or g.get("dd") or "")
        else:
            token = g.get("n") or g.get("n2") or ""
            if token.lower() in ("ein", "eins", "eine", "one"):
                continue  # "einmal", "onefold": once, not a factor
            value = number_value(token, ctx.lang)
        if value is None or value <= 1:
            continue
        before = re.search(
            rf"(?<![\w])({ctx.p.qualifier})[ \t\u00a0]+$", ctx.text[max(0, m.start() - 20) : m.start()]
        )
        if g.get("v2") and before:  # "nearly double the level", "more than triple"
            start = m.start() - len(before.group(0))
            q = qualifier_of(before.group(1), ctx.lang)
            yield Mention(start, m.end(), ctx.text[start : m.end()], "quantity", value, TIMES, q)
        else:
            yield ctx.mention(m, "quantity", value, TIMES)


def spoken_decimals(ctx: Context) -> Iterator[Mention]:
    """Decimals as transcripts write them out: the whole part, "Komma"/"point", then digits
    in words or figures ("null Komma 75", "zero-point-75")."""
    digits = lx.DIGIT_WORDS[ctx.lang]
    for m in rx(ctx.lang, "spoken_decimal").finditer(ctx.text):
        whole = number_value(m.group("i"), ctx.lang)
        if whole is None:
            continue
        spoken = m.group("f")
        fraction = (
            spoken
            if spoken.isdigit()
            else "".join(str(digits[w.lower()]) for w in spoken.replace("-", " ").split())
        )
        value = tidy(float(f"{int(whole)}.{fraction}") * scale_value(m.group("s"), ctx.lang))
        if m.group("pc"):
            yield ctx.mention(m, "percent", value, "%")
        else:
            yield ctx.mention(m, "quantity", value)
