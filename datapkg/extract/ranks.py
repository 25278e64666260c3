"""Places in a ranking written with a number or a compound ("Platz 36", "dem 36.",
"fünftmächtigste") and moves in one ("um einen Rang"); ordinal words are in ``ordinals``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from datapkg.extract.lexicon import DE_ORDINAL_STEMS, RANK_NUMBER_NAMES
from datapkg.extract.mention import Context, Mention
from datapkg.extract.numbers import parse_de_ordinal, parse_en_ordinal
from datapkg.extract.ordinals import about_ranking, is_rank
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


_LISTED = re.compile(r"\b[A-ZÄÖÜ][\w-]*\s+\((?P<n>\d{1,3})\)")


def listed_ranks(ctx: Context) -> Iterator[Mention]:
    """Places in parentheses after names in a sentence about a ranking: "Indien (4), Südkorea (5)"."""
    for m in _LISTED.finditer(ctx.text):
        if about_ranking(ctx, m.start("n"), m.end("n")):
            yield ctx.mention(m, "rank", int(m.group("n")), group="n")


def ranks(ctx: Context) -> Iterator[Mention]:
    for m in rx(ctx.lang, "rank").finditer(ctx.text):
        if m.group("nw"):
            yield ctx.mention(m, "rank", RANK_NUMBER_NAMES[ctx.lang][m.group("nw").lower()])
        elif m.group("n"):
            yield ctx.mention(m, "rank", int(m.group("n")))
        elif ctx.lang == "de" and m.group("n2"):
            yield ctx.mention(m, "rank", int(m.group("n2")))
        elif ctx.lang == "en" and m.group("n4") and is_rank(ctx, m.start(), m.end()):
            yield ctx.mention(m, "rank", int(m.group("n4")))  # not "the 11th Army Corps"
    if ctx.lang == "de":
        for m in rx(ctx.lang, "rank_det").finditer(ctx.text):
            # "auf dem 36." in a ranking, not "das 15. Sanktionspaket"
            if about_ranking(ctx, m.start("n3"), m.end("n3")):
                yield ctx.mention(m, "rank", int(m.group("n3")[:-1]), group="n3")
        for m in _DE_RANK_WORD.finditer(ctx.text):  # "auf Platz zwei"
            yield ctx.mention(m, "rank", _DE_SMALL.index(m.group("w").lower()) + 1)


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
