"""Places in a ranking ("Platz 36", "dem 36.", "the fifth", "fünftmächtigste") and moves in
one ("um einen Rang")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from datapkg.extract.lexicon import DE_ORDINAL_STEMS
from datapkg.extract.mention import Context, Mention
from datapkg.extract.numbers import parse_de_ordinal, parse_en_ordinal
from datapkg.extract.values import number_value, rx

_DE_SMALL = (
    "eins",
    "zwei",
    "drei",
    "vier",
    "fünf",
    "sechs",
    "sieben",
    "acht",
    "neun",
    "zehn",
    "elf",
    "zwölf",
)
_DE_RANK_WORD = re.compile(rf"\b(?:Platz|Rang)\s+(?P<w>{'|'.join(_DE_SMALL)})\b", re.IGNORECASE)


def ranks(ctx: Context) -> Iterator[Mention]:
    for m in rx(ctx.lang, "rank").finditer(ctx.text):
        if m.group("n"):
            yield ctx.mention(m, "rank", int(m.group("n")))
        elif ctx.lang == "de" and m.group("n2"):
            yield ctx.mention(m, "rank", int(m.group("n2")))
        elif ctx.lang == "en" and m.group("n4"):
            yield ctx.mention(m, "rank", int(m.group("n4")))
    if ctx.lang == "de":
        for m in rx(ctx.lang, "rank_det").finditer(ctx.text):
            yield ctx.mention(m, "rank", int(m.group("n3")[:-1]), group="n3")
        for m in _DE_RANK_WORD.finditer(ctx.text):  # "auf Platz zwei"
            yield ctx.mention(m, "rank", _DE_SMALL.index(m.group("w").lower()) + 1)


def ordinal_words(ctx: Context) -> Iterator[Mention]:
    parse = parse_de_ordinal if ctx.lang == "de" else parse_en_ordinal
    for m in rx(ctx.lang, "ordinal_word").finditer(ctx.text):
        if m.groupdict().get("w2"):
            value = parse(m.group("w2"))
            if value is not None:
                yield ctx.mention(m, "rank", value, group="w2")
            continue
        word = m.group("w")
        if ctx.lang == "en" and word.lower() == "second" and (m.group("det") or "").lower() in ("a", "an"):
            continue  # "a second" is time or "another"
        if ctx.lang == "de" and word.lower() in ("achten", "achte") and word.islower():
            continue  # the verb "achten"
        value = parse(word)
        if value is not None:
            yield ctx.mention(m, "rank", value, group="w")


def ordinal_compounds(ctx: Context) -> Iterator[Mention]:
    """An ordinal glued to a superlative: "fünftmächtigste", "zweitgrößten", "fifth-strongest"."""
    parse = parse_de_ordinal if ctx.lang == "de" else parse_en_ordinal
    for m in rx(ctx.lang, "ordinal_compound").finditer(ctx.text):
        stem = m.group("w")
        value = DE_ORDINAL_STEMS.get(stem.lower()) if ctx.lang == "de" else parse(stem)
        if value is not None:
            yield ctx.mention(m, "rank", value)


def rank_steps(ctx: Context) -> Iterator[Mention]:
    """A move in a ranking counted in places: "um einen Rang", "dropped two notches"."""
    for m in rx(ctx.lang, "rank_step").finditer(ctx.text):
        token = m.group("n")
        amount = (
            1
            if token.lower() in ("ein", "eine", "einen", "a", "an", "one")
            else number_value(token, ctx.lang)
        )
        if amount is not None:
            # English keeps the verb out ("dropped two notches" -> "two notches"); German keeps "um".
            start = m.start("n") if ctx.lang == "en" else m.start()
            yield Mention(start, m.end(), ctx.text[start : m.end()], "quantity", amount, m.group("u"))
