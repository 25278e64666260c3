"""Counts, ranges, percentages, money and fractions."""

from __future__ import annotations

import re
from collections.abc import Iterator

from datapkg.extract import lexicon as lx
from datapkg.extract.mention import Context, Mention
from datapkg.extract.numbers import Number, tidy
from datapkg.extract.patterns import alt
from datapkg.extract.values import (
    glued_after,
    is_year,
    matches,
    norm,
    number_value,
    qualifier_of,
    rx,
    scale_value,
    unit_after,
)  # fmt: skip


def quantities(ctx: Context) -> Iterator[Mention]:
    for m in rx(ctx.lang, "quantity").finditer(ctx.text):
        if m.group("a") is not None:
            scale = scale_value(m.group("s2"), ctx.lang)
            if scale == 1:
                continue
            q = qualifier_of(m.group("q2"), ctx.lang)
            article = m.group("a").lower()
            amount = (
                tidy(scale / 2) if "hal" in article else tidy(scale / 4) if "viertel" in article else scale
            )
            yield ctx.mention(m, "quantity", amount, unit_after(ctx, m.end()), q)
            continue
        token = m.group("n")
        value = number_value(token, ctx.lang)
        counted = norm(m.group("q") or "") in _COUNTING_QUALIFIERS  # not "über ein Abkommen"
        if value is None and (m.group("s") or counted) and token.lower() in lx.DE_ARTICLE_FORMS:
            value = 1  # "mehr als ein Dutzend", "mindestens ein Luftabwehrsystem"
        if _NAME_BEFORE.search(ctx.text, max(0, m.start() - 10), m.start()):
            continue  # "Type 12 missiles", "Block 3": a model's number
        if _ordinal_digits(ctx, m):
            continue  # "das 15. Sanktionspaket": an ordinal that names, not a count
        glued, glued_unit = m.groupdict().get("g"), m.groupdict().get("gu")  # "3m deaths", "some 30km"
        if value is None or (glued_after(ctx, m.end("n")) and not (glued or glued_unit)):
            continue
        if is_year(token) and _DATE_WORD_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
            continue  # "since at least 2012": a year
        if (
            not token[0].isdigit()
            and ctx.lang == "en"
            and value == 1
            and not m.group("s")
            and not m.group("q")
            and not (
                _ONE_SAID.match(ctx.text, m.end())
                and not _NO_ONE.search(ctx.text, max(0, m.start() - 8), m.start())
            )
        ):
            continue  # "one" alone is a pronoun more often than a number; "at least one" is a count
        if not token[0].isdigit() and re.match(r"-[^\W\d]", ctx.text[m.end("n") : m.end("n") + 2]):
            continue  # "a two-way street", "einseitig": a compound, not a count
        total = tidy(value * scale_value(m.group("s") or glued, ctx.lang))
        q = qualifier_of(m.group("q"), ctx.lang)
        unit = glued_unit or unit_after(ctx, m.end())
        if q in ("more_than", "less_than") and is_year(token) and not m.group("s") and unit is None:
            continue  # "3,6 Prozent mehr als 2024": a year compared with, not a count
        yield ctx.mention(m, "quantity", total, unit, q)


_ONE_SAID = re.compile(r"[ \t\u00a0]+(?:[A-Za-z-]+[ \t\u00a0]+){0,3}?(?:said|says|told|added|noted)(?![\w])")
_NO_ONE = re.compile(r"(?i:no|every|any|some|each|the|this|that)[ \t\u00a0]+$")  # "no one said": nobody
_COUNTING_QUALIFIERS = frozenset({"mindestens", "mehr als", "weniger als", "höchstens", "wenigstens", "nur"})
_NAME_BEFORE = re.compile(r"(?<![\w])(?:Type|Typ|Model|Modell|Block|Version|Mark|Mk)[ \u00a0-]$")
_DATE_WORD_BEFORE = re.compile(r"(?i:since|seit|until|bis|before|after|vor|nach|in|im)[ \t\u00a0]+$")
_DE_ORDINAL_AFTER = re.compile(rf"\.[ \t\u00a0]+(?!(?i:{alt(lx.DE_MONTHS)})(?![\w]))[A-ZÄÖÜ]")


def _ordinal_digits(ctx: Context, m: re.Match[str]) -> bool:
    """A German ordinal in digits after an article: "das 15. Sanktionspaket", "dem 12. Paket"."""
    if ctx.lang != "de" or not m.group("n")[:1].isdigit() or m.group("s"):
        return False
    before = ctx.text[max(0, m.start() - 8) : m.start()].split()
    article = bool(before) and before[-1].lower() in lx.DETERMINERS["de"]
    return article and _DE_ORDINAL_AFTER.match(ctx.text, m.end("n")) is not None


def vague_amounts(ctx: Context) -> Iterator[Mention]:
    for m in rx(ctx.lang, f"vague_{ctx.lang}").finditer(ctx.text):
        # "mehrere Milliarden Dollar", "hundreds of millions of dollars", "several hundred billion won"
        currency = re.match(
            rf"[ \u00a0](?:{ctx.p.scale}[ \u00a0])?(?:of[ \u00a0])?({ctx.p.currency})",
            ctx.text[m.end() : m.end() + 40],
        )
        if currency:  # "mehrere Milliarden Dollar"
            code = lx.CURRENCY_WORDS.get(
                " ".join(currency.group(1).lower().split()), currency.group(1).upper()
            )
            end = m.end() + currency.end()
            yield Mention(m.start(), end, ctx.text[m.start() : end], "money", None, code, "vague")
            continue
        yield ctx.mention(m, "quantity", None, unit_after(ctx, m.end()), "vague")


_LINK = re.compile(r"[ \t\u00a0]+(?:an|von|of)(?=[ \t\u00a0])")


def vague_phrases(ctx: Context) -> Iterator[Mention]:
    """Amounts named without a number word ("ein paar Experten", "eine große Anzahl an Söldnern")."""
    for m in rx(ctx.lang, "vague_phrase").finditer(ctx.text):
        link = _LINK.match(ctx.text, m.end())  # "eine große Anzahl an Söldnern"
        yield ctx.mention(m, "quantity", None, unit_after(ctx, link.end() if link else m.end()), "vague")


def formations(ctx: Context) -> Iterator[Mention]:
    """One formation counted by its article ("eine Pionier-Einheit", "an engineering unit")."""
    for m in rx(ctx.lang, "formation").finditer(ctx.text):
        yield ctx.mention(m, "quantity", 1, m.group("u"))


def ranges(ctx: Context) -> Iterator[Mention]:
    for m in rx(ctx.lang, "range").finditer(ctx.text):
        a, b, sep, z = m.group("a"), m.group("b"), m.group("sep").lower(), m.group("z")
        if sep in ("und", "and") and not (z and z.lower() in lx.RANGE_BETWEEN):
            continue
        following = ctx.text[m.end() : m.end() + 40]
        after = re.match(rf"[ \u00a0]?({ctx.p.currency})", following)
        currency = m.group("ca") or m.group("cb") or (after.group(1) if after else None)
        scaled = m.group("sa") or m.group("sb")
        if is_year(a) and is_year(b) and not scaled and not currency:
            if int(a) < int(b):
                yield ctx.mention(m, "date", [a, b], None, None)
            continue
        if "0" in (a[0], b[0]) and len(a) == len(b) == 4 and is_year(a) != is_year(b):
            continue  # "0000 oder 2023": a year out of the calendar beside a year, no span
        bounds = _bounds(ctx, m)
        if bounds is None:
            continue
        q = qualifier_of(m.group("q"), ctx.lang)
        if currency:
            code = lx.CURRENCY_WORDS.get(" ".join(currency.lower().split()), currency.upper())
            end = m.end() + (after.end() if after else 0)  # "4 bis 5,5 Milliarden Dollar"
            yield Mention(m.start(), end, ctx.text[m.start() : end], "money", bounds, code, q)
        else:
            yield _plain_range(ctx, m, following, bounds, q)


def _bounds(ctx: Context, m: re.Match[str]) -> list[Number] | None:
    """The low and high end of a range, the scale shared where the text gives it once."""
    lo, hi = number_value(m.group("a"), ctx.lang), number_value(m.group("b"), ctx.lang)
    if lo is None or hi is None or glued_after(ctx, m.end("b")):
        return None
    scale_b = scale_value(m.group("sb"), ctx.lang)
    # "elf oder zwölf tausend" shares the scale; "240,000 to 3.5 million" does not
    shared = scale_b if lo < hi else 1
    scale_a = scale_value(m.group("sa"), ctx.lang) if m.group("sa") else shared
    lo, hi = tidy(lo * scale_a), tidy(hi * scale_b)
    return [lo, hi] if lo < hi else None


def _plain_range(
    ctx: Context, m: re.Match[str], following: str, bounds: list[Number], q: str | None
) -> Mention:
    """A range of percentages, of a length of time ("18 bis 21 Monate", the unit in the
    span) or of a count."""
    pct = re.match(rf"[ \u00a0]?({ctx.p.percent})", following)
    unit_m = re.match(rf"[ \u00a0-]+({ctx.p.time_unit})", following)
    if pct:  # "40 to 50 percent": the percent word belongs to the span
        end = m.end() + pct.end()
        unit = lx.PERCENT_WORDS.get(norm(pct.group(1)), "%")
        return Mention(m.start(), end, ctx.text[m.start() : end], "percent", bounds, unit, q)
    if unit_m:
        units = lx.DE_TIME_UNITS if ctx.lang == "de" else lx.EN_TIME_UNITS
        end = m.end() + unit_m.end()
        unit = units[unit_m.group(1).lower()]
        return Mention(m.start(), end, ctx.text[m.start() : end], "duration", bounds, unit, q)
    return ctx.mention(m, "quantity", bounds, unit_after(ctx, m.end()), q)


def percents(ctx: Context) -> Iterator[Mention]:
    for m in matches(ctx, "percent"):
        value = number_value(m.group("n"), ctx.lang)
        if value is None:
            continue
        value = tidy(value * scale_value(m.group("s"), ctx.lang))
        unit = lx.PERCENT_WORDS.get(norm(m.group("pc")), "%")
        yield ctx.mention(m, "percent", value, unit, qualifier_of(m.group("q"), ctx.lang))


_VAGUE_BEFORE = {
    lang: re.compile(
        rf"(?<![\w])(?i:{alt((*lx.DE_VAGUE_DETERMINERS, *lx.EN_VAGUE_DETERMINERS))})[ \t\u00a0]+$"
    )
    for lang in ("de", "en")
}


_GLUED_CURRENCY = re.compile(
    r"(?<![\w])(?:(?P<q>(?i:about|around|some|nearly|almost|over|more than|less than|up to))[ \t\u00a0]+)?"
    r"(?P<c>Rbs)(?P<n>\d{1,3}(?:,\d{3})*(?:\.\d+)?)(?P<s>bn|mn|tn|m|k)?(?![\w])"
)


def glued_money(ctx: Context) -> Iterator[Mention]:
    """ "Rbs9bn", "about Rbs1.5tn": a currency glued to its number, as the Financial Times
    writes roubles."""
    if ctx.lang != "en":
        return
    for m in _GLUED_CURRENCY.finditer(ctx.text):
        value = number_value(m.group("n"), ctx.lang)
        if value is not None:
            amount = tidy(value * lx.EN_SCALES.get(m.group("s") or "", 1))
            yield ctx.mention(m, "money", amount, "RUB", qualifier_of(m.group("q"), ctx.lang))


def money(ctx: Context) -> Iterator[Mention]:
    for m in matches(ctx, "money"):
        currency = m.group("c1") or m.group("c2")
        if not currency:
            continue
        value = number_value(m.group("n"), ctx.lang)
        if (
            value is None
            and m.group("s")
            and m.group("n").lower() in ("ein", "eine", "einer", "a", "an", "one")
        ):
            value = 1  # "knapp eine Milliarde Euro"
        if value is None:
            continue
        scale_token = m.group("s")
        scale = lx.EN_SCALES.get(scale_token.lower(), 1) if scale_token else 1
        if scale_token and scale == 1:
            scale = scale_value(scale_token, ctx.lang)
        code = lx.CURRENCY_WORDS.get(" ".join(currency.lower().split()), currency.upper())
        vague = _VAGUE_BEFORE[ctx.lang].search(ctx.text, max(0, m.start() - 20), m.start())
        if vague is not None and not m.group("q") and not m.group("c1"):
            # "mehrere hundert Millionen Dollar": the number word is a scale, the amount vague
            end = m.end()
            yield Mention(vague.start(), end, ctx.text[vague.start() : end], "money", None, code, "vague")
            continue
        yield ctx.mention(m, "money", tidy(value * scale), code, qualifier_of(m.group("q"), ctx.lang))


def fractions(ctx: Context) -> Iterator[Mention]:
    table = lx.DE_FRACTIONS if ctx.lang == "de" else lx.EN_FRACTIONS
    for m in rx(ctx.lang, "fraction").finditer(ctx.text):
        word = (m.group("f") or m.group("f2")).lower()
        count: Number = 1
        if m.group("n") and m.group("n").lower() not in ("a", "ein", "eine", "einem", "einen"):
            count = number_value(m.group("n").lower(), ctx.lang) or 1
        value = tidy(count * table[word])
        yield ctx.mention(m, "quantity", value, "fraction", qualifier_of(m.group("q"), ctx.lang))
