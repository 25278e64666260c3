"""The regular expression of each family of expressions, per language, built from the
lexicon's word lists and the shared pieces in ``patterns``."""

from __future__ import annotations

from collections.abc import Callable

from datapkg.extract import lexicon as lx
from datapkg.extract.patterns import ARTICLE_ONE, SP, B, E, Patterns, alt

DE_DET = "(?i:" + alt(lx.DETERMINERS["de"]) + ")"
EN_DET = "(?i:" + alt(lx.DETERMINERS["en"]) + ")"
EN_RANK_VERBS = "(?i:" + "|".join(lx.EN_RANK_VERBS) + ")"
DE_MONTH_PRE = alt(lx.MONTH_PREPOSITIONS["de"])
EN_MONTH_PRE = alt(lx.MONTH_PREPOSITIONS["en"])
DE_YEAR_PRE = alt(lx.YEAR_PREPOSITIONS["de"])
EN_YEAR_PRE = alt(lx.YEAR_PREPOSITIONS["en"])


def relative(lang: str, *offsets: int) -> str:
    """An alternation of the relative-time words for these offsets (-1 last, 0 this, +1 next)."""
    return alt(w for o in offsets for w in lx.RELATIVE[lang][o])


_DE_LAST_NEXT = [*lx.RELATIVE["de"][-1], *lx.RELATIVE["de"][1]]
DE_WEEKDAY_PRE = alt(
    [
        *(f"am {w}" for w in _DE_LAST_NEXT),
        "an diesem",
        "an jenem",
        *_DE_LAST_NEXT,
        "diesen",
        "am",
        "seit",
        "bis",
        "ab",
        "vom",
    ]
)


EXPRESSIONS: dict[str, Callable[[Patterns], str]] = {
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
            rf"|{SP}(?P<rel>(?i:{relative('de', -1, 0, 1)})){SP}(?i:jahres){E})?"
            if p.lang == "de"
            else rf"|{SP}(?P<rel>(?i:{relative('en', -1, 0, 1)})){SP}(?i:year){E})?"
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
        rf"(?:(?P<rel>(?i:{relative('de', -1, 1)})){SP})?"
        rf"(?P<s>{B}{p.season})(?:{SP}(?P<y>\d{{4}}){E})?"
    ),
    "decade": lambda p: (
        rf"{B}(?P<c>\d{{2}})?(?P<d>\d)0er(?:-?(?i:jahren|jahre|jahr)|{SP}(?i:jahren|jahre))?{E}"
        if p.lang == "de"
        else rf"(?:(?P<the>{B}the){SP})?(?:[’'](?P<d2>\d)0s|(?P<c>\d{{2}})(?P<d>\d)0s){E}"
    ),
    "weekday": lambda p: (
        rf"(?:(?P<pre>{B}(?i:{DE_WEEKDAY_PRE}))[ \u00a0]+)?"
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
        rf"(?P<rel>{B}(?i:{relative('de', -1, 0, 1)}))[ \u00a0]+(?P<u>(?i:woche|monats|monat|jahres|jahr)){E}"
        rf"|(?P<pre2>{B}(?i:anfang|mitte|ende))[ \u00a0]+(?i:der|des)[ \u00a0]+(?P<u2>(?i:woche|monats|jahres)){E}"
        if p.lang == "de"
        else rf"(?:(?P<pre>{B}(?i:earlier|later|early|late|the end of|end of|the beginning of"
        rf"|beginning of|by the end of|since|until|in))[ \u00a0]+)?"
        rf"(?P<rel>{B}(?i:{relative('en', -1, 0, 1)}))"
        rf"[ \u00a0]+(?P<u>(?i:week|month|year)){E}"
        rf"|(?P<pre2>{B}(?i:by the end of|the end of|end of|the beginning of|beginning of|the start of"
        rf"|start of|the middle of|the rest of))[ \u00a0]+the[ \u00a0]+(?P<u2>(?i:week|month|year)){E}"
    ),
}
