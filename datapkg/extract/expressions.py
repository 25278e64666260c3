"""The regular expression of each family of expressions, per language, built from the
lexicon's word lists and the shared pieces in ``patterns``."""

from __future__ import annotations

from collections.abc import Callable

from datapkg.extract import lexicon as lx
from datapkg.extract.patterns import ARTICLE_ONE, SP, B, E, Patterns, alt

DE_DET = "(?i:" + alt(lx.DETERMINERS["de"]) + ")"
DE_MONTH_PRE = alt(lx.MONTH_PREPOSITIONS["de"])
EN_MONTH_PRE = alt(lx.MONTH_PREPOSITIONS["en"])
DE_YEAR_PRE = alt(lx.YEAR_PREPOSITIONS["de"])
EN_YEAR_PRE = alt(lx.YEAR_PREPOSITIONS["en"])


def words(items: object) -> str:
    """A case-insensitive alternation of lexicon words, longest first."""
    return f"(?i:{alt(items)})"  # type: ignore[arg-type]


def relative(lang: str, *offsets: int) -> str:
    """An alternation of the relative-time words for these offsets (-1 last, 0 this, +1 next)."""
    return alt(w for o in offsets for w in lx.RELATIVE[lang][o])


_DE_LAST_NEXT = [*lx.RELATIVE["de"][-1], *lx.RELATIVE["de"][1]]
WEEKDAY_PRE = {
    "de": alt([*(f"am {w}" for w in _DE_LAST_NEXT), *_DE_LAST_NEXT, *lx.WEEKDAY_PREPOSITIONS["de"]]),
    "en": alt(lx.WEEKDAY_PREPOSITIONS["en"]),
}


EXPRESSIONS: dict[str, Callable[[Patterns], str]] = {
    "quantity": lambda p: (
        rf"(?:(?P<q>{B}{p.qualifier}){SP})?(?P<n>{p.number})(?:{SP}(?P<s>{p.scale}(?:{SP}{p.scale})?)"
        # "9mn", "1bn" glued to their number, as the Financial Times writes them
        + (
            rf"|(?P<g>(?:mn|bn|tn|m)){E}|(?P<gu>(?:km|kg|mm|cm|sq[ \u00a0]?km|sq[ \u00a0]?miles)){E})?"
            if p.lang == "en"
            else ")?"
        )
        + rf"|(?:(?P<q2>{B}{p.qualifier}){SP})?(?P<a>{B}(?i:half{SP}a|eine{SP}halbe|einer{SP}halben|eine{SP}viertel)"
        rf"|{B}{ARTICLE_ONE[p.lang]}){SP}(?P<s2>{p.scale})"
    ),
    "vague_de": lambda p: (
        rf"(?:(?P<d>{B}{words(lx.DE_VAGUE_DETERMINERS)}){SP})"
        rf"(?P<h>{words(lx.DE_VAGUE_HEADS)}(?:e|en|er|n)?){E}"
        rf"|{B}(?P<h2>{words(lx.DE_VAGUE_PLURALS)}n?|{alt(lx.DE_VAGUE_SCALE_NOUNS)}){E}"
    ),
    "vague_en": lambda p: (
        rf"(?:(?P<d>{B}{words(lx.EN_VAGUE_DETERMINERS)}){SP})"
        rf"(?P<h>{words(lx.EN_VAGUE_HEADS)}s?){E}(?:{SP}of{SP}{words(lx.EN_VAGUE_OF)}{E})?"
        rf"|{B}(?P<h2>{words(lx.EN_VAGUE_PLURALS)}){E}"
        rf"(?:{SP}of{SP}{words(lx.EN_VAGUE_OF)}{E})?"
    ),
    "range": lambda p: (
        rf"(?:(?P<z>{B}{words(lx.RANGE_OPENERS)}){SP})?"
        rf"(?:(?P<q>{B}{p.qualifier}){SP})?"
        rf"(?P<ca>US\$|[$€£¥])?(?P<a>{p.number})(?:{SP}(?P<sa>{p.scale}))?"
        rf"\s*(?P<sep>{words(lx.RANGE_SEPARATORS)}(?![\w])|[-–—])\s*"
        rf"(?P<cb>US\$|[$€£¥])?(?P<b>{p.number})(?:{SP}(?P<sb>{p.scale}))?"
    ),
    "percent": lambda p: (
        rf"(?:(?P<q>{B}{p.qualifier}){SP})?(?P<n>{p.number})(?:{SP}(?P<s>{p.scale}))?"
        rf"[ \u00a0\u202f]?(?P<pc>{p.percent})"
    ),
    "money": lambda p: (
        rf"(?:(?P<q>{B}{p.qualifier}){SP})?(?:(?P<c1>{p.currency})[ \u00a0]?)?"
        rf"(?P<n>{p.number}|{B}{ARTICLE_ONE[p.lang]}(?={SP}{p.scale}))(?:[ \u00a0]?(?P<s>{p.scale}|(?:bn|mn|m|k|tn|trn)(?![\w])))?"
        rf"(?:{SP}(?P<c2>{p.currency}))?"
    ),
    "duration": lambda p: (
        rf"(?:(?P<pre>{B}{words(lx.DURATION_PREPOSITIONS)}){SP})?"
        rf"(?:(?P<q>{B}{p.qualifier}){SP})?"
        rf"(?P<n>{p.number}|{B}{ARTICLE_ONE[p.lang]}|{B}{words(lx.FEW)})[- \u00a0]+(?:(?i:more|weitere|weiteren){SP})?"
        rf"(?P<u>{p.time_unit})"
        rf"(?:{SP}(?P<post>{words([*lx.OFFSET_AFTER, *lx.OFFSET_BEFORE, 'ago', *lx.DURATION_LENGTH_WORDS])}){E})?"
    ),
    "vague_duration": lambda p: (
        rf"(?P<pre>{B}{words(lx.VAGUE_PERIOD_PREPOSITIONS)}){SP}"
        rf"(?:(?P<d>{words(lx.VAGUE_PERIOD_DETERMINERS)}){SP}(?:(?i:more|weiteren|weitere){SP})?)?"
        rf"(?P<u>{words(lx.PLURAL_TIME_UNITS)}){E}"
        rf"|{B}(?P<lang>{words(lx.DE_LENGTH_COMPOUNDS)}(?i:lang)){E}"
        # "weeks after Kim met Putin", "Monate später": a vague length before an offset word
        rf"|{B}(?P<u2>{words(lx.PLURAL_TIME_UNITS)}|(?i:tage|monate|jahre)){E}"
        rf"(?={SP}(?i:after|before|later|earlier|nach|vor|später|zuvor){E})"
    ),
    "rank": lambda p: (
        rf"(?P<noun>{B}(?:{p.rank_noun}|Nr\.|No\.|{words(lx.RANK_NUMBER_WORDS)})){SP}(?P<n>\d{{1,3}}){E}(?!\.\d)"
        rf"|{B}{words(lx.RANK_NUMBER_WORDS)}{SP}(?P<nw>{words(lx.RANK_NUMBER_NAMES[p.lang])}){E}"
        + (
            rf"|(?P<n2>{B}\d{{1,3}})\.{SP}(?P<noun2>{p.rank_noun})"
            if p.lang == "de"
            else rf"|(?P<n4>{B}\d{{1,4}})(?P<suf>st|nd|rd|th){E}"
        )
    ),
    # German digit ordinals need a determiner: "dem 36." (sentence-final "36." is a count).
    "rank_det": lambda p: rf"(?P<det>{B}{DE_DET}){SP}(?P<n3>\d{{1,3}}\.)(?={SP}[^\W\d])",
    "fraction": lambda p: (
        rf"(?:(?P<q>{B}{p.qualifier}){SP})?(?:(?P<n>{B}{words(lx.FRACTION_COUNTS['de'])}){SP}"
        rf"(?P<f>{words(k for k in lx.DE_FRACTIONS if k not in ('hälfte', 'halb'))})"
        rf"|(?P<det>{B}{words(lx.DE_HALF_DETERMINERS)}){SP}(?P<f2>Hälfte)){E}"
        if p.lang == "de"
        else rf"(?:(?P<q>{B}{p.qualifier}){SP})?(?:(?P<n>{B}{words(lx.FRACTION_COUNTS['en'])})[- ]"
        rf"(?P<f>{words(lx.EN_FRACTIONS)})|(?P<f2>{B}(?i:half))(?={SP}(?i:of|a){E})){E}"
    ),
    "clock": lambda p: (
        rf"(?:(?P<pre>{B}{words(lx.CLOCK_PREPOSITIONS['de'])}){SP})?(?P<h>{B}\d{{1,2}})(?:[.:](?P<m>\d{{2}}))?{SP}Uhr{E}"
        rf"|(?:(?P<pre2>{B}{words(lx.CLOCK_PREPOSITIONS['de'])}){SP})?(?P<h2>{B}\d{{1,2}}):(?P<m2>\d{{2}})(?![\d:])"
        rf"|(?:(?P<pre3>{B}{words(lx.CLOCK_PREPOSITIONS['de'])}){SP})?(?P<hw>{B}{words(lx.CLOCK_HOURS['de'])}){SP}Uhr{E}"
        rf"(?:{SP}(?P<part>{words(lx.DAY_PARTS['de'])}){E})?"
        if p.lang == "de"
        else rf"(?:(?P<pre2>{B}{words(lx.CLOCK_PREPOSITIONS['en'])}){SP})?(?P<h2>{B}\d{{1,2}}):(?P<m2>\d{{2}})"
        rf"(?![\d:])(?![ \u00a0]?(?i:a\.m\.|p\.m\.|am|pm){E})|"
        rf"(?:(?P<pre>{B}{words(lx.CLOCK_PREPOSITIONS['en'])}){SP})?(?P<h>{B}\d{{1,2}})(?:[.:](?P<m>\d{{2}}))?"
        rf"[ \u00a0]?(?P<ap>(?i:a\.m\.|p\.m\.|am|pm)){E}"
        rf"|(?:(?P<pre3>{B}{words(lx.CLOCK_PREPOSITIONS['en'])}){SP})?(?P<hw>{B}\d{{1,2}}|{B}{words(lx.CLOCK_HOURS['en'])})"
        rf"{SP}o[’']clock(?:{SP}(?P<part>{words(lx.DAY_PARTS['en'])}){E})?"
    ),
    "date_dmy": lambda p: (
        rf"(?:(?P<wd>{B}(?:{words(lx.WEEKDAY_DATE_PREPOSITIONS['de'])}{SP})?{p.weekday}),?{SP}(?:(?i:den|dem){SP})?)?"
        rf"(?P<d>{B}\d{{1,2}})\.{SP}?(?P<m>{p.month})(?:{SP}(?P<y>\d{{4}}){E}"
        rf"|{SP}(?P<drel>{relative('de', -1, 0, 1)}){SP}(?i:jahres){E})?"
        rf"|(?P<d2>{B}\d{{1,2}})\.(?P<m2>\d{{1,2}})\.(?P<y2>\d{{4}}|\d{{2}})?(?!\d)"
        rf"|(?P<y3>{B}\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}){E}"
        if p.lang == "de"
        else rf"(?:(?P<wd>{B}(?:{words(lx.WEEKDAY_DATE_PREPOSITIONS['en'])}{SP})?{p.weekday}),?{SP}(?:(?i:the){SP})?)?"
        rf"(?P<d>{B}\d{{1,2}})(?:st|nd|rd|th)?{SP}(?:of{SP})?(?P<m>{p.month})"
        rf"(?:,?{SP}(?P<y>\d{{4}}){E})?"
        rf"|(?:(?P<wd2>{B}(?:{words(lx.WEEKDAY_DATE_PREPOSITIONS['en'])}{SP})?{p.weekday}),?{SP}"
        rf"|(?P<pre2>{B}{words(lx.DAY_PREPOSITIONS)}){SP})?"  # "since November 12"
        rf"(?P<m2>{B}{p.month}){SP}(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?{E}(?:,?{SP}(?P<y2>\d{{4}}){E})?"
        rf"|(?P<y3>{B}\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}){E}"
    ),
    "day_range": lambda p: (
        rf"(?:(?P<pre>{B}{words(lx.DAY_RANGE_OPENERS['de'])}){SP}(?:(?i:dem){SP})?)?(?P<d1>{B}\d{{1,2}})\.?"
        rf"\s*(?:{words(lx.DAY_RANGE_SEPARATORS['de'])}|-|–)\s*(?:(?i:dem|zum){SP})?(?P<d2>\d{{1,2}})\.{SP}?(?P<m>{p.month})"
        rf"(?:{SP}(?P<y>\d{{4}}){E})?"
        if p.lang == "de"
        else rf"(?:(?P<pre>{B}{words(lx.DAY_RANGE_OPENERS['en'])}){SP})?(?:(?P<m1>{B}{p.month}){SP}(?P<d1>\d{{1,2}})"
        rf"\s*(?:-|–|{words(lx.DAY_RANGE_SEPARATORS['en'])})\s*(?P<d2>\d{{1,2}})|(?P<d3>{B}\d{{1,2}})\s*(?:-|–|to|and)\s*"
        rf"(?P<d4>\d{{1,2}}){SP}(?P<m>{p.month})){E}(?:,?{SP}(?P<y>\d{{4}}){E})?"
    ),
    "date_month": lambda p: (
        rf"(?:(?P<pre>{B}(?i:{DE_MONTH_PRE if p.lang == 'de' else EN_MONTH_PRE}))[ \u00a0-]+)?"
        + (rf"(?P<m>{B}(?i:{alt(lx.DE_MONTHS)}))s?(?![\w])" if p.lang == "de" else rf"(?P<m>{B}{p.month})")
        + rf"(?:,?{SP}(?P<y>\d{{4}}){E}"
        + (
            rf"|{SP}(?:(?i:des){SP})?(?P<rel>(?i:{relative('de', -1, 0, 1)})){SP}(?i:jahres){E})?"
            if p.lang == "de"
            else rf"|{SP}(?:(?i:of){SP})?(?P<rel>(?i:{relative('en', -1, 0, 1)})){SP}(?i:year){E})?"
        )
    ),
    "half_year": lambda p: (
        rf"(?:(?P<pre>{B}{words(lx.HALF_YEAR_PREPOSITIONS)}){SP}(?:(?i:der|the){SP})?)?"
        rf"(?P<o>{B}{words(lx.HALF_YEAR_ORDERS)})"
        rf"[- \u00a0]+(?:(?P<h>{words(lx.HALF_YEAR_NOUNS)})){E}"
        rf"(?:{SP}(?i:des{SP}jahres|of{SP}the{SP}year|(?:des|of){SP}(?P<y>\d{{4}})|(?P<y2>\d{{4}})"
        rf"|(?:des|of){SP}(?P<rel>{relative(p.lang, -1, 0, 1)}){SP}(?:jahres|year)){E})?"
    ),
    "date_year": lambda p: (
        rf"(?:(?P<pre>{B}(?i:{DE_YEAR_PRE if p.lang == 'de' else EN_YEAR_PRE}))[ \u00a0-]+)?"
        rf"(?P<y>{B}(?:18|19|20)\d{{2}}){E}(?![.,]\d)"
    ),
    "season": lambda p: (
        rf"(?:(?P<pre>{B}{words(lx.SEASON_PREPOSITIONS)}){SP})?"
        rf"(?:(?P<rel>(?i:{relative('de', -1, 1)})){SP})?"
        rf"(?P<s>{B}{p.season})(?:{SP}(?:(?i:of|des{SP}jahres){SP})?(?P<y>\d{{4}}){E}"
        rf"|{SP}(?i:des|of){SP}(?P<rel2>(?i:{relative(p.lang, -1, 0, 1)})){SP}(?i:jahres|year){E})?"
    ),
    "decade": lambda p: (
        rf"{B}(?P<c>\d{{2}})?(?P<d>\d)0er(?:-?{words(lx.DE_DECADE_NOUNS)}|{SP}{words(lx.DE_DECADE_NOUNS)})?{E}"
        rf"|{B}(?P<w>(?i:{alt(lx.DECADE_WORDS['de'])}))(?:-?{words(lx.DE_DECADE_NOUNS)}|{SP}{words(lx.DE_DECADE_NOUNS)}){E}"
        if p.lang == "de"
        else rf"(?:(?P<the>{B}(?i:the|early|mid|late|in\s+the|the\s+early|the\s+late)){SP})?"
        rf"(?:[’'](?P<d2>\d)0s|{B}(?P<c>\d{{2}})(?P<d>\d)0s|(?<=[a-z] )(?P<d3>\d)0s"
        rf"|(?<=the )(?P<w>(?i:{alt(lx.DECADE_WORDS['en'])}))){E}"
    ),
    "weekday": lambda p: rf"(?:(?P<pre>{B}(?i:{WEEKDAY_PRE[p.lang]}))[ \u00a0]+)?(?P<w>{B}{p.weekday})",
    "relative_word": lambda p: (
        rf"{B}(?P<w>{words(w for w in lx.RELATIVE_DAYS[p.lang] if w not in lx.DE_CASE_SENSITIVE_DAYS)}"
        + "".join(f"|{w}" for w in lx.RELATIVE_DAYS[p.lang] if w in lx.DE_CASE_SENSITIVE_DAYS)
        + rf"){E}"
    ),
    "relative_period": lambda p: (
        rf"(?:(?P<pre>{B}{words(lx.PERIOD_PREPOSITIONS['de'])})[ \u00a0]+(?:{words(lx.DE_GENITIVE_ARTICLES)}[ \u00a0]+)?)?"
        rf"(?P<rel>{B}(?i:{relative('de', -1, 0, 1)}))[ \u00a0]+(?P<u>{words(lx.PERIOD_UNITS['de'])}){E}"
        rf"|(?P<pre2>{B}{words(lx.PERIOD_PARTS['de'])})[ \u00a0]+(?:(?i:der|des)[ \u00a0]+(?P<u2>(?i:woche|monats|jahres))"
        rf"|(?P<u3>(?i:jahr|monat))){E}"  # "Ende des Jahres"; Swiss "Anfang Jahr"
        if p.lang == "de"
        else rf"(?:(?P<pre>{B}{words(lx.PERIOD_PREPOSITIONS['en'])})[ \u00a0]+)?"
        rf"(?P<rel>{B}(?i:{relative('en', -1, 0, 1)}))"
        rf"[ \u00a0]+(?P<u>{words(lx.PERIOD_UNITS['en'])}){E}"
        rf"|(?P<pre2>{B}{words(lx.PERIOD_PARTS['en'])})[ \u00a0]+the[ \u00a0]+(?P<u2>{words(lx.PERIOD_UNITS['en'])}){E}"
    ),
    "anchored": lambda p: (
        rf"(?:(?:(?P<n>{p.number}|{B}{ARTICLE_ONE[p.lang]}|{B}{words(lx.FEW)})[- \u00a0]+(?P<u>{p.time_unit})"
        rf"|(?P<near>{B}{words(lx.ANCHOR_NEAR[p.lang])})){SP})?"
        rf"(?P<pre>{B}{words(lx.ANCHOR_PREPOSITIONS[p.lang])}){SP}"
        rf"(?:{words(lx.ANCHOR_DETERMINERS[p.lang])}{SP})?"
        rf"(?:(?P<who>[A-ZÄÖÜ][\w-]*(?:s|'s|’s)){SP})?"
        rf"(?P<ev>(?:{'|'.join(lx.EVENT_PHRASES[p.lang])})"
        rf"|(?:[\w-]*(?i:{alt(lx.EVENT_NOUNS[p.lang])})){E})"
        # a place ("in Vietnam") or a genitive ("Putins") may follow; a month begins a date of its own
        rf"(?:{SP}(?!(?:(?i:in|im|to|nach){SP})?(?i:{alt(lx.DE_MONTHS if p.lang == 'de' else lx.EN_MONTHS)}){E})"
        rf"(?:(?i:in|im|to|nach){SP}[A-ZÄÖÜ][\w-]*|[A-ZÄÖÜ][\w-]*s){E})?"
    ),
    "vague_period": lambda p: rf"{B}{words(lx.VAGUE_PERIODS[p.lang])}{E}",
    "vague_phrase": lambda p: rf"{B}{words(lx.VAGUE_AMOUNT_PHRASES[p.lang])}{E}",
    "formation": lambda p: (
        rf"{B}(?i:{alt(lx.FORMATION_ARTICLES[p.lang])}){SP}(?P<u>"
        # an English noun may have one word before it; a German one is a capitalised compound
        + (rf"(?:[\w-]+{SP})?[\w-]*" if p.lang == "en" else r"[A-ZÄÖÜ][\w-]*")
        + rf"(?i:{alt(lx.FORMATION_NOUNS[p.lang])})(?:en|n|s)?){E}"
    ),
    "ordinal_compound": lambda p: (
        rf"{B}(?P<w>(?i:{alt(lx.DE_ORDINAL_STEMS)})){lx.DE_SUPERLATIVE_TAIL}{E}"
        if p.lang == "de"
        else rf"{B}(?P<w>{p.ordinal_word})-(?i:{alt(lx.EN_SUPERLATIVES)}|{lx.EN_SUPERLATIVE_TAIL}){E}"
    ),
    "rank_step": lambda p: (
        rf"{B}(?i:um){SP}(?P<n>{p.number}|{B}(?i:einen|eine|ein)){SP}"
        rf"(?P<u>(?i:{alt(lx.RANK_STEP_NOUNS['de'])})){E}"
        if p.lang == "de"
        else rf"{B}(?i:{alt(lx.EN_RANK_MOVES)}){SP}(?:(?i:by){SP})?"
        rf"(?P<n>{p.number}|{B}(?i:a|an|one)){SP}(?P<u>(?i:{alt(lx.RANK_STEP_NOUNS['en'])})){E}"
    ),
    "multiplier": lambda p: (
        rf"{B}(?P<v>(?i:{alt(k for k in lx.DE_MULTIPLYING if k.startswith('ver'))})\w*)"
        rf"|{B}(?P<d>(?i:doppelt)){SP}(?i:{alt(lx.DE_COMPARED)}){E}"
        rf"|{B}(?P<dd>(?i:doppelte|doppelten|doppelter|doppeltes)){E}"
        rf"|{B}(?P<n>\d+|{words([*lx.DE_ONES, *lx.DE_TEENS, *lx.DE_TENS, 'hundert', 'tausend'])})"
        rf"-?(?P<x>(?i:{alt(lx.DE_MULTIPLIER_SUFFIXES)})){E}"
        if p.lang == "de"
        else rf"{B}(?P<v>{words(lx.EN_MULTIPLYING)}){E}"
        rf"|{B}(?P<n>\d+|{words([*lx.EN_ONES, *lx.EN_TENS, 'hundred', 'thousand'])})-?"
        rf"(?P<x>{words(lx.EN_MULTIPLIER_SUFFIXES)}){E}"
        rf"|{B}(?P<n2>{p.number}){SP}(?P<t>(?i:times))(?={SP}(?i:as|more|the|larger|bigger|higher|greater|"
        rf"smaller|fewer|less){E})"
        # "double the annual cap", "nearly triple that": a factor before what it multiplies
        rf"|{B}(?P<v2>(?i:double|triple|quadruple))"
        rf"(?={SP}(?i:the|that|its|their|what|this|from){E})"
    ),
    "spoken_decimal": lambda p: (
        rf"{B}(?P<i>\d+|{p.number})(?:{SP}|-)(?i:{alt(lx.DECIMAL_POINT[p.lang])})(?:{SP}|-)"
        rf"(?P<f>\d+|(?i:{alt(lx.DIGIT_WORDS[p.lang])})(?:(?:{SP}|-)(?i:{alt(lx.DIGIT_WORDS[p.lang])}))*){E}"
        rf"(?:{SP}(?P<s>{p.scale}))?(?:[ \u00a0]?(?P<pc>{p.percent}))?"
    ),
    "relative_year": lambda p: (
        rf"(?:(?P<pre>{B}(?i:im|des|aus\s+dem|seit\s+dem|vom|gegenüber\s+dem)){SP})?"
        rf"(?P<w>{B}(?i:{alt(lx.RELATIVE_YEARS['de'])})){E}"
        if p.lang == "de"
        else rf"(?:(?P<pre>{B}(?i:in|of|since)){SP})?(?P<w>{B}(?i:{alt(lx.RELATIVE_YEARS['en'])})){E}"
    ),
    "day_range_bare": lambda p: (
        rf"{B}(?i:vom){SP}(?P<d1>\d{{1,2}})\.{SP}(?i:bis(?:{SP}zum)?){SP}(?P<d2>\d{{1,2}})\."
        rf"(?!{SP}?(?:\d|(?i:{alt(lx.DE_MONTHS)})))"
        if p.lang == "de"
        else rf"{B}(?i:from){SP}(?i:the){SP}(?P<d1>\d{{1,2}})(?i:st|nd|rd|th){SP}(?i:to|until|through){SP}"
        rf"(?i:the){SP}(?P<d2>\d{{1,2}})(?i:st|nd|rd|th){E}(?!{SP}(?:of{SP})?(?i:{alt(lx.EN_MONTHS)}))"
    ),
    "story_day": lambda p: rf"{B}{words(lx.STORY_DAYS[p.lang])}{E}",
    "weekend": lambda p: rf"{B}{words(lx.WEEKEND[p.lang])}{E}",
}

# A word every match of an expression contains, and how far before it the expression may
# start (``values.matches`` searches only around it). Only for expressions whose core is
# rare in news text: around a frequent word (months, time units) the windows cost more
# than one scan.
CORES: dict[str, tuple[Callable[[Patterns], str], int]] = {
    "season": (lambda p: p.season.replace(E, ""), 40),
    "anchored": (
        lambda p: f"(?:{'|'.join(lx.EVENT_PHRASES[p.lang])})|(?i:{alt(lx.EVENT_NOUNS[p.lang])})",
        70,
    ),
    "clock": (lambda p: r"(?i:uhr|\d:\d\d|a\.m\.|p\.m\.|am|pm|o[’']clock)", 40),
    "percent": (lambda p: p.percent.replace(E, ""), 40),
    "money": (lambda p: p.currency.replace(E, ""), 50),
    "half_year": (lambda p: f"(?i:{alt(lx.HALF_YEAR_NOUNS)})", 40),
    "multiplier": (
        lambda p: (
            r"(?i:fach|mal|doppel|verdreifach|vervierfach|verfünffach|verzehnfach|fold|times|twice|thrice"
            r"|doubl|tripl|quadrupl)"
        ),
        30,
    ),
}
