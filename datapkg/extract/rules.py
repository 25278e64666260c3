"""The extraction rules: each finds one family of expressions and parses it.

A rule yields candidate mentions; ``datapkg.extract.extract`` keeps the longest
non-overlapping ones. Rules never guess a number the text does not give:
vague amounts keep ``value`` empty with qualifier ``vague``, and dates that
need an anchor the text does not supply stay empty too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from datapkg.extract import calendar as cal
from datapkg.extract import lexicon as lx
from datapkg.extract.numbers import (
    Number,
    parse_de_ordinal,
    parse_de_word,
    parse_digits,
    parse_en_ordinal,
    parse_en_word,
    tidy,
)
from datapkg.extract.patterns import ARTICLE_ONE, SP, B, E, Patterns, alt, patterns


@dataclass(frozen=True)
class Mention:
    """One number or date expression: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    kind: str
    value: Any
    unit: str | None = None
    qualifier: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
        }


@dataclass(frozen=True)
class Context:
    text: str
    lang: str
    ref: dt.date | None
    p: Patterns

    def mention(
        self, m: re.Match[str], kind: str, value: Any, unit: str | None = None,
        qualifier: str | None = None, group: int | str = 0,
    ) -> Mention:  # fmt: skip
        start, end = m.span(group)
        return Mention(start, end, self.text[start:end], kind, value, unit, qualifier)


Rule = Callable[[Context], Iterator[Mention]]

# ---------------------------------------------------------------- helpers


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def number_value(token: str, lang: str) -> Number | None:
    """Digits or a number word; None when the token is not a number."""
    if token[0].isdigit():
        try:
            return parse_digits(token, lang)
        except ValueError:
            return None
    return parse_de_word(token) if lang == "de" else parse_en_word(token)


def scale_value(token: str | None, lang: str) -> int:
    """The product of the scale words ("hundred thousand" -> 100000)."""
    if not token:
        return 1
    table = lx.DE_SCALES if lang == "de" else lx.EN_SCALES
    total = 1
    for word in token.lower().split():
        total *= table.get(word, 1)
    return total


def qualifier_of(token: str | None, lang: str) -> str | None:
    if not token:
        return None
    table = lx.DE_QUALIFIERS if lang == "de" else lx.EN_QUALIFIERS
    return table.get(_norm(token))


_WORD_AFTER = re.compile(r"[ \t\u00a0]+([^\W\d_][\w-]*)")
_EN_STOP = frozenset(
    """of and the a an to in on at by for with from were was are is be been have has had will
    would could should may might more than or as per each that which who since between into
    over under about around nearly almost some such its their his her our this these those it
    they he she we you i not no so then still already now more""".split()
)


_DE_STOP = frozenset(
    """und oder bis sein ist sind war waren als in im am an auf aus bei mit nach von vom zu zum
    zur der die das des dem den ein eine einen einem einer eines pro je""".split()
)


_UNIT_ABBREVIATIONS = frozenset("km m kg t mm cm ha km² m² mi ft lb".split())


def unit_after(ctx: Context, end: int) -> str | None:
    """The counted noun after a quantity ("3.000 nordkoreanische Soldaten" -> "Soldaten")."""
    pos = end
    for _ in range(3):
        m = _WORD_AFTER.match(ctx.text, pos)
        if not m:
            return None
        word = m.group(1)
        lower = word.lower()
        if lower in _UNIT_ABBREVIATIONS:
            return word
        if ctx.lang == "de":
            if word[0].isupper():
                months_days = (lx.DE_MONTHS, lx.DE_WEEKDAYS)
                return None if any(lower in t for t in months_days) else word
            if lower in _DE_STOP:
                return None
        else:
            if lower == "of" and pos == end:
                pos = m.end()  # "hundreds of soldiers"
                continue
            if lower in _EN_STOP:
                return None
            if word[0].islower():
                plural_noun = lower.endswith("s") and not lower.endswith("ss")
                if plural_noun or lower in lx.COUNT_NOUNS:
                    return word
        pos = m.end()
    return None


def _glued_after(ctx: Context, end: int) -> bool:
    """A letter right after the number ("5G") means it is part of a name."""
    return end < len(ctx.text) and (ctx.text[end].isalpha() or ctx.text[end] == "_")


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and 1800 <= int(token) <= 2100


def _default_year(ctx: Context) -> int | None:
    return ctx.ref.year if ctx.ref else None


@cache
def _rx(lang: str, name: str) -> re.Pattern[str]:
    return re.compile(_SOURCES[name](patterns(lang)))


# ---------------------------------------------------------------- expressions

DE_DET = (
    "(?i:"
    + alt(
        """der die das den dem des ein eine einen einem einer eines zum zur im am beim vom
    sein seine seinem seinen seiner ihr ihre ihrem ihren ihrer unser unsere unserem
    dieser diese diesem diesen dieses""".split()
    )
    + ")"
)
EN_DET = "(?i:" + alt("the a an its his her their our this that every".split()) + ")"
EN_RANK_VERBS = "(?i:came|comes|finished|finishes|ranked|ranks|placed|places|rated|stands)"
DE_MONTH_PRE = alt(
    ["im", "seit", "bis", "ab", "vom", "von", "anfang", "mitte", "ende", "bis ende",
     "bis anfang", "bis mitte", "seit anfang", "seit ende", "seit mitte", "ab mitte",
     "ab anfang", "ab ende", "noch im", "schon im", "bereits im", "erst im", "bis zum"]
)  # fmt: skip
EN_MONTH_PRE = alt(
    ["in", "since", "by", "until", "till", "from", "early", "mid", "mid-", "late", "end of",
     "the end of", "beginning of", "the beginning of", "earlier in", "later in", "through",
     "in early", "in mid", "in mid-", "in late", "by early", "by mid", "by late", "by the end of",
     "until the end of", "since early", "since mid", "since late"]
)  # fmt: skip
DE_YEAR_PRE = alt(
    ["im jahr", "im jahre", "seit", "bis", "ab", "anfang", "mitte", "ende", "bis ende",
     "seit anfang", "seit ende", "um", "für", "vor", "nach", "im laufe des jahres"]
)  # fmt: skip
EN_YEAR_PRE = alt(
    ["in", "since", "by", "until", "from", "early", "mid", "mid-", "late", "end of",
     "the end of", "in early", "in mid", "in mid-", "in late", "for", "before", "after",
     "by the end of", "the year"]
)  # fmt: skip
DATE_QUALIFIER = {
    "seit": "since", "since": "since", "bis": "by", "by": "by", "until": "by", "till": "by",
    "bis zum": "by", "ab": "from", "von": "from", "vom": "from", "from": "from",
    "anfang": "early", "early": "early", "beginning of": "early", "mitte": "mid", "mid": "mid",
    "mid-": "mid", "ende": "late", "late": "late", "end of": "late", "the end of": "late",
    "vor": "before", "before": "before", "nach": "after", "after": "after", "um": "approx",
    "through": "by",
}  # fmt: skip


def _date_qualifier(pre: str | None) -> str | None:
    if not pre:
        return None
    words = _norm(pre).replace("the ", "").split()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            key = " ".join(words[i : i + n])
            if key in DATE_QUALIFIER:
                return DATE_QUALIFIER[key]
    return None


def _months(lang: str) -> dict[str, int]:
    return lx.DE_MONTHS if lang == "de" else lx.EN_MONTHS


def _month_no(ctx: Context, token: str) -> int:
    return _months(ctx.lang)[token.lower()]


def _day_month(ctx: Context, day: int, month: int, year: str | None) -> str | None:
    if year:
        return cal.iso_day(int(year), month, day)
    default = _default_year(ctx)
    if default is not None:
        return cal.iso_day(default, month, day)
    return f"XXXX-{month:02d}-{day:02d}" if cal.iso_day(2024, month, day) else None


def _month_value(ctx: Context, month: int, year: str | None) -> str:
    if year:
        return cal.iso_month(int(year), month)
    default = _default_year(ctx)
    return cal.iso_month(default, month) if default is not None else f"XXXX-{month:02d}"


# Each source builds one regex for a language from its Patterns.
_SOURCES: dict[str, Callable[[Patterns], str]] = {
    "quantity": lambda p: (
        rf"(?:(?P<q>{B}{p.qualifier}){SP})?(?P<n>{p.number})(?:{SP}(?P<s>{p.scale}(?:{SP}{p.scale})?))?"
        rf"|(?:(?P<q2>{B}{p.qualifier}){SP})?(?P<a>{B}{ARTICLE_ONE[p.lang]}|{B}(?i:half{SP}a)){SP}(?P<s2>{p.scale})"
    ),
    "vague_de": lambda p: (
        rf"(?:(?P<d>{B}(?i:{alt(lx.DE_VAGUE_DETERMINERS)})){SP})"
        rf"(?P<h>(?i:{alt(lx.DE_VAGUE_HEADS)})(?:e|en|er|n)?){E}"
        rf"|{B}(?P<h2>(?i:zehntausende|hunderttausende|dutzende|hunderte|tausende|zigtausende)n?"
        rf"|Millionen|Milliarden){E}"
    ),
    "vague_en": lambda p: (
        rf"(?:(?P<d>{B}(?i:{alt(lx.EN_VAGUE_DETERMINERS)})){SP})"
        rf"(?P<h>(?i:{alt(lx.EN_VAGUE_HEADS)})s?){E}(?:{SP}of{SP}(?i:thousands|millions){E})?"
        rf"|{B}(?P<h2>(?i:dozens|hundreds|thousands|millions|billions)){E}"
        rf"(?:{SP}of{SP}(?i:thousands|millions){E})?"
    ),
    "range": lambda p: (
        rf"(?:(?P<z>{B}(?i:zwischen|between|von|from)){SP})?"
        rf"(?:(?P<q>{B}{p.qualifier}){SP})?"
        rf"(?P<a>{p.number})(?:{SP}(?P<sa>{p.scale}))?"
        rf"\s*(?P<sep>(?i:bis|und|and|to)(?![\w])|[-–—])\s*"
        rf"(?P<b>{p.number})(?:{SP}(?P<sb>{p.scale}))?"
    ),
    "percent": lambda p: (
        rf"(?:(?P<q>{B}{p.qualifier}){SP})?(?P<n>{p.number})(?:{SP}(?P<s>{p.scale}))?"
        rf"[ \u00a0\u202f]?(?P<pc>{p.percent})"
    ),
    "money": lambda p: (
        rf"(?:(?P<q>{B}{p.qualifier}){SP})?(?:(?P<c1>{p.currency})[ \u00a0]?)?"
        rf"(?P<n>{p.number})(?:[ \u00a0]?(?P<s>{p.scale}|(?:bn|mn|m|k)(?![\w])))?"
        rf"(?:{SP}(?P<c2>{p.currency}))?"
    ),
    "duration": lambda p: (
        rf"(?:(?P<pre>{B}(?i:seit|vor|nach|für|in|innerhalb von|binnen|über|um|"
        rf"im laufe von|for|within|over|after|in|ago|during|than)){SP})?"
        rf"(?:(?P<q>{B}{p.qualifier}){SP})?"
        rf"(?P<n>{p.number}|{B}{ARTICLE_ONE[p.lang]}|{B}(?i:a couple of|a few|ein paar))[- \u00a0]+"
        rf"(?P<u>{p.time_unit})"
        rf"(?:{SP}(?P<post>(?i:nach|vor|später|danach|zuvor|früher|after|before|later|earlier"
        rf"|ago|zurück|lang|long)){E})?"
    ),
    "vague_duration": lambda p: (
        rf"(?P<pre>{B}(?i:seit|since|for|über|over|in den vergangenen|in den letzten"
        rf"|in recent|in the past|over the past|for the past)){SP}"
        rf"(?:(?P<d>(?i:mehreren|einigen|vielen|wenigen|ein paar|several|a few|many|some)){SP})?"
        rf"(?P<u>(?i:jahrzehnten|jahren|monaten|wochen|tagen|stunden|jahrhunderten|decades"
        rf"|years|months|weeks|days|hours|centuries)){E}"
        rf"|{B}(?P<lang>(?i:jahrzehnte|jahre|monate|wochen|tage|stunden)lang){E}"
    ),
    "rank": lambda p: (
        rf"(?P<noun>{B}(?:{p.rank_noun}|Nr\.|No\.|(?i:nummer|number))){SP}(?P<n>\d{{1,3}}){E}(?!\.\d)"
        + (
            rf"|(?P<n2>{B}\d{{1,3}})\.{SP}(?P<noun2>{p.rank_noun})"
            if p.lang == "de"
            else rf"|(?P<n4>{B}\d{{1,4}})(?P<suf>st|nd|rd|th){E}"
        )
    ),
    # German digit ordinals need a determiner: "dem 36." (sentence-final "36." is a count).
    "rank_det": lambda p: rf"(?P<det>{B}{DE_DET}){SP}(?P<n3>\d{{1,3}}\.)(?={SP}[^\W\d])",
    "ordinal_word": lambda p: (
        rf"(?P<det>{B}(?:{DE_DET if p.lang == 'de' else EN_DET + '|' + EN_RANK_VERBS})){SP}"
        rf"(?:(?i:ersten|first)\s+)?(?P<w>{p.ordinal_word})"
        + (
            ""
            if p.lang == "de"
            # "the country's second-largest": a superlative compound needs no determiner
            else rf"|(?P<w2>{p.ordinal_word})(?=-(?i:largest|biggest|highest|lowest|smallest|most|best|worst"
            rf"|strongest|deadliest|longest|oldest|richest|busiest|heaviest){E})"
        )
    ),
    "fraction": lambda p: (
        rf"(?:(?P<q>{B}{p.qualifier}){SP})?(?:(?P<n>{B}(?i:ein|eine|einem|einen|zwei|drei|vier)){SP}"
        rf"(?P<f>(?i:drittel|viertel|fünftel|zehntel))|(?P<det>{B}(?i:die|der|zur|eine|einer)){SP}"
        rf"(?P<f2>Hälfte)){E}"
        if p.lang == "de"
        else rf"(?:(?P<q>{B}{p.qualifier}){SP})?(?:(?P<n>{B}(?i:a|one|two|three|four))[- ]"
        rf"(?P<f>(?i:half|thirds?|quarters?|fifths?|tenths?))|(?P<f2>{B}(?i:half))(?={SP}(?i:of|a){E}))"
        rf"{E}"
    ),
    "clock": lambda p: (
        rf"(?:(?P<pre>{B}(?i:um|gegen|ab|bis)){SP})?(?P<h>{B}\d{{1,2}})(?:[.:](?P<m>\d{{2}}))?{SP}Uhr{E}"
        rf"|(?:(?P<pre2>{B}(?i:um|gegen|ab|bis)){SP})?(?P<h2>{B}\d{{1,2}}):(?P<m2>\d{{2}})(?![\d:])"
        if p.lang == "de"
        else rf"(?:(?P<pre2>{B}(?i:at|around|by|until)){SP})?(?P<h2>{B}\d{{1,2}}):(?P<m2>\d{{2}})"
        rf"(?![\d:])(?![ \u00a0]?(?i:a\.m\.|p\.m\.|am|pm){E})|"
        rf"(?:(?P<pre>{B}(?i:at|around|by|until)){SP})?(?P<h>{B}\d{{1,2}})(?:[.:](?P<m>\d{{2}}))?"
        rf"[ \u00a0]?(?P<ap>(?i:a\.m\.|p\.m\.|am|pm)){E}"
    ),
    "date_dmy": lambda p: (
        rf"(?:(?P<wd>{B}(?:(?i:am|vom|bis){SP})?{p.weekday}),?{SP}(?:(?i:den|dem){SP})?)?"
        rf"(?P<d>{B}\d{{1,2}})\.{SP}?(?P<m>{p.month})(?:{SP}(?P<y>\d{{4}}){E})?"
        rf"|(?P<d2>{B}\d{{1,2}})\.(?P<m2>\d{{1,2}})\.(?P<y2>\d{{4}}|\d{{2}})?(?!\d)"
        rf"|(?P<y3>{B}\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}){E}"
        if p.lang == "de"
        else rf"(?:(?P<wd>{B}(?:(?i:on){SP})?{p.weekday}),?{SP}(?:(?i:the){SP})?)?"
        rf"(?P<d>{B}\d{{1,2}})(?:st|nd|rd|th)?{SP}(?:of{SP})?(?P<m>{p.month})"
        rf"(?:,?{SP}(?P<y>\d{{4}}){E})?"
        rf"|(?:(?P<wd2>{B}(?:(?i:on){SP})?{p.weekday}),?{SP})?"
        rf"(?P<m2>{B}{p.month}){SP}(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?{E}(?:,?{SP}(?P<y2>\d{{4}}){E})?"
        rf"|(?P<y3>{B}\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}){E}"
    ),
    "day_range": lambda p: (
        rf"(?:(?P<pre>{B}(?i:vom|von|zwischen|from|between)){SP})?(?P<d1>{B}\d{{1,2}})\.?"
        rf"\s*(?i:bis(?:{SP}zum)?|und|-|–)\s*(?P<d2>\d{{1,2}})\.{SP}?(?P<m>{p.month})"
        rf"(?:{SP}(?P<y>\d{{4}}){E})?"
        if p.lang == "de"
        else rf"(?:(?P<pre>{B}(?i:from|between)){SP})?(?:(?P<m1>{B}{p.month}){SP}(?P<d1>\d{{1,2}})"
        rf"\s*(?:-|–|to|and|through)\s*(?P<d2>\d{{1,2}})|(?P<d3>{B}\d{{1,2}})\s*(?:-|–|to|and)\s*"
        rf"(?P<d4>\d{{1,2}}){SP}(?P<m>{p.month})){E}(?:,?{SP}(?P<y>\d{{4}}){E})?"
    ),
    "date_month": lambda p: (
        rf"(?:(?P<pre>{B}(?i:{DE_MONTH_PRE if p.lang == 'de' else EN_MONTH_PRE}))[ \u00a0-]+)?"
        rf"(?P<m>{B}{p.month})(?:,?{SP}(?P<y>\d{{4}}){E}"
        + (
            rf"|{SP}(?P<rel>(?i:vergangenen|letzten|dieses|diesen|nächsten|kommenden)){SP}(?i:jahres){E})?"
            if p.lang == "de"
            else rf"|{SP}(?P<rel>(?i:last|this|next)){SP}(?i:year){E})?"
        )
    ),
    "half_year": lambda p: (
        rf"(?:(?P<pre>{B}(?i:in|im|seit|bis|since|by)){SP}(?:(?i:der|the){SP})?)?"
        rf"(?P<o>{B}(?i:ersten|zweiten|erste|zweite|first|second))"
        rf"{SP}(?:(?P<h>(?i:hälfte|jahreshälfte|halbjahr|half|quartal|quarter))){E}"
        rf"(?:{SP}(?i:des{SP}jahres|of{SP}the{SP}year|(?:des|of){SP}(?P<y>\d{{4}})|(?P<y2>\d{{4}})){E})?"
    ),
    "date_year": lambda p: (
        rf"(?:(?P<pre>{B}(?i:{DE_YEAR_PRE if p.lang == 'de' else EN_YEAR_PRE}))[ \u00a0-]+)?"
        rf"(?P<y>{B}(?:18|19|20)\d{{2}}){E}(?![.,]\d)"
    ),
    "season": lambda p: (
        rf"(?:(?P<pre>{B}(?i:im|seit|bis|ab|in|this|last|next|in the|the|since|by)){SP})?"
        rf"(?:(?P<rel>(?i:vergangenen|letzten|kommenden|nächsten)){SP})?"
        rf"(?P<s>{B}{p.season})(?:{SP}(?P<y>\d{{4}}){E})?"
    ),
    "decade": lambda p: (
        rf"{B}(?P<c>\d{{2}})?(?P<d>\d)0er(?:-?(?i:jahren|jahre|jahr)|{SP}(?i:jahren|jahre))?{E}"
        if p.lang == "de"
        else rf"(?:(?P<the>{B}the){SP})?(?:[’'](?P<d2>\d)0s|(?P<c>\d{{2}})(?P<d>\d)0s){E}"
    ),
    "weekday": lambda p: (
        rf"(?:(?P<pre>{B}(?i:am vergangenen|am kommenden|am letzten|am nächsten|an diesem|an jenem"
        rf"|vergangenen|letzten|kommenden|nächsten|diesen|am|seit|bis|ab|vom))[ \u00a0]+)?"
        rf"(?P<w>{B}{p.weekday})"
        if p.lang == "de"
        else rf"(?:(?P<pre>{B}(?i:on last|last|next|this|coming|on|by|since|until|from|past))"
        rf"[ \u00a0]+)?(?P<w>{B}{p.weekday})"
    ),
    "relative_word": lambda p: (
        rf"{B}(?P<w>(?i:heute|gestern|vorgestern|übermorgen)|morgen){E}"
        if p.lang == "de"
        else rf"{B}(?P<w>(?i:today|yesterday|tomorrow|tonight)){E}"
    ),
    "relative_period": lambda p: (
        rf"(?:(?P<pre>{B}(?i:anfang|mitte|ende|bis ende|seit anfang|im laufe|in|im|in der|im verlauf)"
        rf")[ \u00a0]+(?:(?i:der|des|dem|den)[ \u00a0]+)?)?"
        rf"(?P<rel>{B}(?i:vergangenen|vergangene|vergangenes|letzten|letzte|letztes|kommenden"
        rf"|kommende|kommendes|nächsten|nächste|nächstes|diesem|diesen|diese|dieses|dieser|laufenden"
        rf"|laufende|laufendes))[ \u00a0]+(?P<u>(?i:woche|monats|monat|jahres|jahr)){E}"
        rf"|(?P<pre2>{B}(?i:anfang|mitte|ende))[ \u00a0]+(?i:der|des)[ \u00a0]+(?P<u2>(?i:woche|monats|jahres)){E}"
        if p.lang == "de"
        else rf"(?:(?P<pre>{B}(?i:earlier|later|early|late|the end of|end of|the beginning of"
        rf"|beginning of|by the end of|since|until|in))[ \u00a0]+)?"
        rf"(?P<rel>{B}(?i:this|last|next|the past|the coming|the previous|the following))"
        rf"[ \u00a0]+(?P<u>(?i:week|month|year)){E}"
        rf"|(?P<pre2>{B}(?i:by the end of|the end of|end of|the beginning of|beginning of|the start of"
        rf"|start of|the middle of|the rest of))[ \u00a0]+the[ \u00a0]+(?P<u2>(?i:week|month|year)){E}"
    ),
}


# ---------------------------------------------------------------- rules


def quantities(ctx: Context) -> Iterator[Mention]:
    for m in _rx(ctx.lang, "quantity").finditer(ctx.text):
        if m.group("a") is not None:
            scale = scale_value(m.group("s2"), ctx.lang)
            if scale == 1:
                continue
            q = qualifier_of(m.group("q2"), ctx.lang)
            amount = tidy(scale / 2) if m.group("a").lower().startswith("half") else scale
            yield ctx.mention(m, "quantity", amount, unit_after(ctx, m.end()), q)
            continue
        token = m.group("n")
        value = number_value(token, ctx.lang)
        if value is None or _glued_after(ctx, m.end("n")):
            continue
        if not token[0].isdigit() and ctx.lang == "en" and value == 1 and not m.group("s"):
            continue  # "one" alone is a pronoun more often than a number
        total = tidy(value * scale_value(m.group("s"), ctx.lang))
        q = qualifier_of(m.group("q"), ctx.lang)
        yield ctx.mention(m, "quantity", total, unit_after(ctx, m.end()), q)


def vague_amounts(ctx: Context) -> Iterator[Mention]:
    for m in _rx(ctx.lang, f"vague_{ctx.lang}").finditer(ctx.text):
        yield ctx.mention(m, "quantity", None, unit_after(ctx, m.end()), "vague")


def ranges(ctx: Context) -> Iterator[Mention]:
    for m in _rx(ctx.lang, "range").finditer(ctx.text):
        a, b, sep, z = m.group("a"), m.group("b"), m.group("sep").lower(), m.group("z")
        if sep in ("und", "and") and not (z and z.lower() in ("zwischen", "between")):
            continue
        if _is_year(a) and _is_year(b) and not (m.group("sa") or m.group("sb")):
            if int(a) < int(b):
                yield ctx.mention(m, "date", [a, b], None, None)
            continue
        lo, hi = number_value(a, ctx.lang), number_value(b, ctx.lang)
        if lo is None or hi is None or _glued_after(ctx, m.end("b")):
            continue
        scale_b = scale_value(m.group("sb"), ctx.lang)
        scale_a = scale_value(m.group("sa"), ctx.lang) if m.group("sa") else scale_b
        lo, hi = tidy(lo * scale_a), tidy(hi * scale_b)
        if lo >= hi:
            continue
        kind, unit = "quantity", None
        following = ctx.text[m.end() : m.end() + 40]
        pct = re.match(rf"[ \u00a0]?({ctx.p.percent})", following)
        unit_m = re.match(rf"[ \u00a0-]+({ctx.p.time_unit})", following)
        if pct:
            kind, unit = "percent", lx.PERCENT_WORDS.get(_norm(pct.group(1)), "%")
        elif unit_m:
            kind = "duration"
            units = lx.DE_TIME_UNITS if ctx.lang == "de" else lx.EN_TIME_UNITS
            unit = units[unit_m.group(1).lower()]
        else:
            unit = unit_after(ctx, m.end())
        yield ctx.mention(m, kind, [lo, hi], unit, qualifier_of(m.group("q"), ctx.lang))


def percents(ctx: Context) -> Iterator[Mention]:
    for m in _rx(ctx.lang, "percent").finditer(ctx.text):
        value = number_value(m.group("n"), ctx.lang)
        if value is None:
            continue
        value = tidy(value * scale_value(m.group("s"), ctx.lang))
        unit = lx.PERCENT_WORDS.get(_norm(m.group("pc")), "%")
        yield ctx.mention(m, "percent", value, unit, qualifier_of(m.group("q"), ctx.lang))


def money(ctx: Context) -> Iterator[Mention]:
    for m in _rx(ctx.lang, "money").finditer(ctx.text):
        currency = m.group("c1") or m.group("c2")
        if not currency:
            continue
        value = number_value(m.group("n"), ctx.lang)
        if value is None:
            continue
        scale_token = m.group("s")
        scale = lx.EN_SCALES.get(scale_token.lower(), 1) if scale_token else 1
        if scale_token and scale == 1:
            scale = scale_value(scale_token, ctx.lang)
        code = lx.CURRENCY_WORDS.get(currency.lower().replace(" ", ""), currency.upper())
        yield ctx.mention(m, "money", tidy(value * scale), code, qualifier_of(m.group("q"), ctx.lang))


def _unit_name(ctx: Context, token: str) -> str:
    units = lx.DE_TIME_UNITS if ctx.lang == "de" else lx.EN_TIME_UNITS
    return units[token.lower()]


_AFTER_WORDS = ("nach", "später", "danach", "after", "later")
_BEFORE_WORDS = ("vor", "zuvor", "früher", "before", "earlier", "zurück")


def durations(ctx: Context) -> Iterator[Mention]:
    for m in _rx(ctx.lang, "duration").finditer(ctx.text):
        token, pre, post = (
            m.group("n"),
            (m.group("pre") or "").lower(),
            (m.group("post") or "").lower(),
        )
        if token.lower() in ("a few", "a couple of", "ein paar"):
            amount: Number | None = None
        elif re.fullmatch(ARTICLE_ONE[ctx.lang], token):
            if not pre and not post:
                continue  # "ein Jahr" without a preposition is rarely a duration
            amount = 1
        else:
            amount = number_value(token, ctx.lang)
            if amount is None:
                continue
        unit = _unit_name(ctx, m.group("u"))
        qualifier = qualifier_of(m.group("q"), ctx.lang) or ("vague" if amount is None else None)
        if post in ("lang", "long"):
            start = m.start("q") if m.group("q") else m.start("n")
            yield Mention(start, m.end(), ctx.text[start : m.end()], "duration", amount, unit, qualifier)
        elif post == "ago" or (pre == "vor" and not post):
            value = cal.shift(ctx.ref, -int(amount), unit) if ctx.ref and amount is not None else None
            start = m.start("pre") if pre == "vor" else m.start("n")
            yield Mention(start, m.end(), ctx.text[start : m.end()], "date", value, None, qualifier)
        elif pre == "in" and ctx.lang == "de" and not post:
            # "in einem Jahr", "in zwei Wochen": a time from now, not a length.
            value = (
                cal.shift(ctx.ref, int(amount), unit)
                if ctx.ref and amount is not None and amount == int(amount)
                else None
            )
            start = m.start("pre")
            yield Mention(start, m.end(), ctx.text[start : m.end()], "date", value, None, qualifier)
        elif post in _AFTER_WORDS or post in _BEFORE_WORDS:
            # Offset from an event the text names ("zwei Tage nach dem Besuch"): no anchor date here.
            start = m.start("n")
            direction = "after" if post in _AFTER_WORDS else "before"
            yield Mention(start, m.end(), ctx.text[start : m.end()], "date", None, unit, direction)
        else:
            start = m.start("q") if m.group("q") else m.start("n")
            end = m.end("u")
            yield Mention(start, end, ctx.text[start:end], "duration", amount, unit, qualifier)


def vague_durations(ctx: Context) -> Iterator[Mention]:
    for m in _rx(ctx.lang, "vague_duration").finditer(ctx.text):
        if m.group("lang"):
            unit = _unit_name(ctx, m.group("lang").lower().removesuffix("lang"))
        else:
            unit = _unit_name(ctx, m.group("u"))
        yield ctx.mention(m, "duration", None, unit, "vague")


def ranks(ctx: Context) -> Iterator[Mention]:
    for m in _rx(ctx.lang, "rank").finditer(ctx.text):
        if m.group("n"):
            yield ctx.mention(m, "rank", int(m.group("n")))
        elif ctx.lang == "de" and m.group("n2"):
            yield ctx.mention(m, "rank", int(m.group("n2")))
        elif ctx.lang == "en" and m.group("n4"):
            yield ctx.mention(m, "rank", int(m.group("n4")))
    if ctx.lang == "de":
        for m in _rx(ctx.lang, "rank_det").finditer(ctx.text):
            yield ctx.mention(m, "rank", int(m.group("n3")[:-1]), group="n3")


def ordinal_words(ctx: Context) -> Iterator[Mention]:
    parse = parse_de_ordinal if ctx.lang == "de" else parse_en_ordinal
    for m in _rx(ctx.lang, "ordinal_word").finditer(ctx.text):
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


def fractions(ctx: Context) -> Iterator[Mention]:
    table = lx.DE_FRACTIONS if ctx.lang == "de" else lx.EN_FRACTIONS
    for m in _rx(ctx.lang, "fraction").finditer(ctx.text):
        word = (m.group("f") or m.group("f2")).lower()
        count: Number = 1
        if m.group("n") and m.group("n").lower() not in ("a", "ein", "eine", "einem", "einen"):
            count = number_value(m.group("n").lower(), ctx.lang) or 1
        value = tidy(count * table[word])
        yield ctx.mention(m, "quantity", value, "fraction", qualifier_of(m.group("q"), ctx.lang))


def clock_times(ctx: Context) -> Iterator[Mention]:
    for m in _rx(ctx.lang, "clock").finditer(ctx.text):
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
        qualifier = None if pre in ("um", "at") else _date_qualifier(pre)
        yield ctx.mention(m, "date", f"T{hour:02d}:{minute:02d}", None, qualifier)


def absolute_dates(ctx: Context) -> Iterator[Mention]:
    for m in _rx(ctx.lang, "date_dmy").finditer(ctx.text):
        g = m.groupdict()
        if g.get("y3"):
            value = cal.iso_day(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        elif g.get("m") and g.get("d"):
            value = _day_month(ctx, int(g["d"]), _month_no(ctx, g["m"]), g.get("y"))
        elif ctx.lang == "de" and g.get("d2"):
            month = int(g["m2"])
            if not 1 <= month <= 12:
                continue
            year = g.get("y2")
            if year and len(year) == 2:
                year = str(2000 + int(year)) if int(year) < 50 else str(1900 + int(year))
            value = _day_month(ctx, int(g["d2"]), month, year)
        else:
            value = _day_month(ctx, int(g["d2"]), _month_no(ctx, g["m2"]), g.get("y2"))
        if value is not None:
            yield ctx.mention(m, "date", value)


def day_ranges(ctx: Context) -> Iterator[Mention]:
    for m in _rx(ctx.lang, "day_range").finditer(ctx.text):
        g = m.groupdict()
        month_token = g.get("m") or g.get("m1")
        first, last = (g.get("d1"), g.get("d2")) if g.get("d1") else (g.get("d3"), g.get("d4"))
        if not (month_token and first and last) or int(first) >= int(last):
            continue
        month = _month_no(ctx, month_token)
        lo = _day_month(ctx, int(first), month, g.get("y"))
        hi = _day_month(ctx, int(last), month, g.get("y"))
        if lo and hi:
            yield ctx.mention(m, "date", [lo, hi])


def month_dates(ctx: Context) -> Iterator[Mention]:
    for m in _rx(ctx.lang, "date_month").finditer(ctx.text):
        if not m.group("pre") and not m.group("y") and not m.group("rel"):
            continue  # a bare month name ("Mai", "August") is too often something else
        if m.group("rel") and ctx.ref:
            rel = m.group("rel").lower()
            offset = (
                -1
                if rel in ("vergangenen", "letzten", "last")
                else (1 if rel in ("nächsten", "kommenden", "next") else 0)
            )
            value: str | None = cal.iso_month(ctx.ref.year + offset, _month_no(ctx, m.group("m")))
        elif m.group("rel"):
            value = None
        else:
            value = _month_value(ctx, _month_no(ctx, m.group("m")), m.group("y"))
        yield ctx.mention(m, "date", value, None, _date_qualifier(m.group("pre")))


def half_years(ctx: Context) -> Iterator[Mention]:
    for m in _rx(ctx.lang, "half_year").finditer(ctx.text):
        part = m.group("h").lower()
        order = 1 if m.group("o").lower().startswith(("erst", "first")) else 2
        code = f"H{order}" if part.startswith(("half", "halb")) or "hälfte" in part else f"Q{order}"
        year = m.group("y") or m.group("y2") or (str(ctx.ref.year) if ctx.ref else None)
        value = f"{year}-{code}" if year else None
        yield ctx.mention(m, "date", value, None, _date_qualifier(m.group("pre")))


def year_dates(ctx: Context) -> Iterator[Mention]:
    for m in _rx(ctx.lang, "date_year").finditer(ctx.text):
        if not m.group("pre"):
            following = unit_after(ctx, m.end())
            if following and following.lower() in lx.COUNT_NOUNS:
                continue  # "2000 Soldaten" counts soldiers
        yield ctx.mention(m, "date", m.group("y"), None, _date_qualifier(m.group("pre")))


def seasons(ctx: Context) -> Iterator[Mention]:
    table = lx.DE_SEASONS if ctx.lang == "de" else lx.EN_SEASONS
    for m in _rx(ctx.lang, "season").finditer(ctx.text):
        if not (m.group("pre") or m.group("y") or m.group("rel")):
            continue
        code = table[m.group("s").lower()]
        year: int | None = int(m.group("y")) if m.group("y") else _default_year(ctx)
        rel = (m.group("rel") or m.group("pre") or "").lower()
        if year is not None and not m.group("y") and rel in ("vergangenen", "letzten", "last"):
            year -= 1
        if year is not None and not m.group("y") and rel in ("kommenden", "nächsten", "next"):
            year += 1
        value = f"{year:04d}-{code}" if year is not None else None
        yield ctx.mention(m, "date", value, None, _date_qualifier(m.group("pre")))


def decades(ctx: Context) -> Iterator[Mention]:
    for m in _rx(ctx.lang, "decade").finditer(ctx.text):
        century = m.group("c") or "19"
        digit = m.group("d") or m.groupdict().get("d2")
        yield ctx.mention(m, "date", f"{century}{digit}0s", "decade")


_PAST = ("vergangenen", "letzten", "last", "past", "on last")
_NEXT = ("kommenden", "nächsten", "next", "coming")


def weekdays(ctx: Context) -> Iterator[Mention]:
    table = lx.DE_WEEKDAYS if ctx.lang == "de" else lx.EN_WEEKDAYS
    for m in _rx(ctx.lang, "weekday").finditer(ctx.text):
        word = m.group("w").lower()
        day = next(v for k, v in table.items() if word.startswith(k))
        pre = _norm(m.group("pre") or "")
        value = None
        if ctx.ref is not None:
            if any(pre.endswith(w) for w in _PAST):
                value = cal.weekday_before(ctx.ref, day).isoformat()
            elif any(pre.endswith(w) for w in _NEXT):
                value = cal.weekday_after(ctx.ref, day).isoformat()
            else:
                value = cal.weekday_in_week(ctx.ref, day).isoformat()
        yield ctx.mention(m, "date", value, None, _date_qualifier(pre))


_RELATIVE_DAYS = {
    "heute": 0, "gestern": -1, "vorgestern": -2, "morgen": 1, "übermorgen": 2,
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
}  # fmt: skip


def relative_words(ctx: Context) -> Iterator[Mention]:
    for m in _rx(ctx.lang, "relative_word").finditer(ctx.text):
        offset = _RELATIVE_DAYS[m.group("w").lower()]
        value = (ctx.ref + dt.timedelta(days=offset)).isoformat() if ctx.ref else None
        yield ctx.mention(m, "date", value)


_PERIOD_UNITS = {"woche": "week", "weeks": "week", "monat": "month", "monats": "month", "jahr": "year",
                 "jahres": "year", "week": "week", "month": "month", "year": "year"}  # fmt: skip


def relative_periods(ctx: Context) -> Iterator[Mention]:
    for m in _rx(ctx.lang, "relative_period").finditer(ctx.text):
        g = m.groupdict()
        unit = _PERIOD_UNITS[(g.get("u") or g.get("u2") or "").lower()]
        rel = (g.get("rel") or "").lower()
        offset = (
            -1
            if rel.startswith(("vergangen", "letzt", "last", "the past", "the previous"))
            else (1 if rel.startswith(("kommend", "nächst", "next", "the coming", "the following")) else 0)
        )
        value = cal.relative_period(ctx.ref, unit, offset) if ctx.ref else None
        yield ctx.mention(m, "date", value, None, _date_qualifier(g.get("pre") or g.get("pre2")))


# Higher priority first when two candidates cover exactly the same text.
RULES: tuple[tuple[str, Rule], ...] = (
    ("date", absolute_dates),
    ("date", day_ranges),
    ("date", clock_times),
    ("date", weekdays),
    ("date", relative_periods),
    ("date", relative_words),
    ("date", month_dates),
    ("date", half_years),
    ("date", seasons),
    ("date", decades),
    ("money", money),
    ("percent", percents),
    ("duration", durations),
    ("duration", vague_durations),
    ("date", year_dates),
    ("quantity", fractions),
    ("rank", ranks),
    ("rank", ordinal_words),
    ("range", ranges),
    ("quantity", quantities),
    ("quantity", vague_amounts),
)
