"""Words the extractor knows, per language: number words, scales, qualifiers,
months, weekdays, time units and currencies. Lower-case keys; matching is
case-insensitive where German capitalises nouns and sentence starts."""

from __future__ import annotations

from typing import Final

# --- cardinals -------------------------------------------------------------
DE_ONES: Final = {
    "null": 0, "eins": 1, "ein": 1, "eine": 1, "zwei": 2, "zwo": 2, "zweier": 2, "drei": 3, "dreier": 3, "vier": 4,
    "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
}  # fmt: skip
DE_TEENS: Final = {
    "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
    "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
}  # fmt: skip
DE_TENS: Final = {
    "zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50,
    "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
}  # fmt: skip
# "ein", "eine" alone are the indefinite article: a number only before a scale word.
DE_ARTICLE_FORMS: Final = frozenset({"ein", "eine", "einen", "einem", "einer", "eines", "eins"})

EN_ONES: Final = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
EN_TENS: Final = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

# Scale words after a number ("1,32 Millionen", "six million", "$5bn").
DE_SCALES: Final = {
    "dutzend": 12, "tausend": 10**3, "tsd.": 10**3, "million": 10**6, "millionen": 10**6, "mio.": 10**6, "mio": 10**6,
    "milliarde": 10**9, "milliarden": 10**9, "mrd.": 10**9, "mrd": 10**9,
    "billion": 10**12, "billionen": 10**12,
}  # fmt: skip
EN_SCALES: Final = {
    "dozen": 12, "hundred": 100, "thousand": 10**3, "million": 10**6, "millions": 10**6,
    "billion": 10**9, "billions": 10**9, "trillion": 10**12, "bn": 10**9, "m": 10**6,
    "mn": 10**6, "k": 10**3, "tn": 10**12, "trn": 10**12,
}  # fmt: skip

# Amounts named without a number: value stays empty, qualifier "vague".
DE_VAGUE_HEADS: Final = (
    "dutzend", "hundert", "tausend", "zehntausend", "hunderttausend", "zigtausend",
    "million", "milliarde",
)  # fmt: skip
DE_VAGUE_DETERMINERS: Final = (
    "mehrere", "mehreren", "mehrerer", "einige", "einigen", "einiger", "ein paar", "viele",
    "vielen", "vieler", "wenige", "wenigen", "etliche", "etlichen", "zahlreiche", "zahlreichen",
)  # fmt: skip
EN_VAGUE_HEADS: Final = ("dozen", "hundred", "thousand", "million", "billion")
EN_VAGUE_DETERMINERS: Final = (
    "several", "a few", "few", "many", "some", "tens of", "hundreds of", "a couple of",
)  # fmt: skip

# --- qualifiers before a number -----------------------------------------------
DE_QUALIFIERS: Final = {
    "circa": "approx", "ca.": "approx", "zirka": "approx", "etwa": "approx", "rund": "approx",
    "ungefähr": "approx", "annähernd": "approx", "knapp": "approx", "fast": "approx",
    "beinahe": "approx", "nahezu": "approx", "schätzungsweise": "approx",
    "über": "more_than", "mehr als": "more_than", "weit über": "more_than",
    "gut": "more_than", "mindestens": "at_least", "wenigstens": "at_least",
    "bis zu": "up_to", "höchstens": "up_to", "maximal": "up_to",
    "weniger als": "less_than", "unter": "less_than",
}  # fmt: skip
EN_QUALIFIERS: Final = {
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx",
    "some": "approx", "nearly": "approx", "almost": "approx", "close to": "approx",
    "an estimated": "approx", "estimated": "approx", "circa": "approx", "just under": "approx",
    "over": "more_than", "more than": "more_than", "above": "more_than",
    "in excess of": "more_than", "just over": "more_than", "upwards of": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "up to": "up_to", "as many as": "up_to", "at most": "up_to", "no more than": "up_to",
    "fewer than": "less_than", "less than": "less_than", "under": "less_than",
    "below": "less_than",
}  # fmt: skip

# --- ordinals -------------------------------------------------------------------
DE_ORDINAL_STEMS: Final = {
    "erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7,
    "siebent": 7, "acht": 8, "neunt": 9, "zehnt": 10, "elft": 11, "zwölft": 12,
    "dreizehnt": 13, "vierzehnt": 14, "fünfzehnt": 15, "sechzehnt": 16, "siebzehnt": 17,
    "achtzehnt": 18, "neunzehnt": 19, "zwanzigst": 20, "dreißigst": 30, "dreissigst": 30,
    "vierzigst": 40, "fünfzigst": 50, "hundertst": 100,
}  # fmt: skip
DE_ORDINAL_ENDINGS: Final = ("e", "en", "er", "es", "em")
EN_ORDINALS: Final = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "hundredth": 100,
}  # fmt: skip
DE_RANK_NOUNS: Final = ("platz", "rang", "position", "stelle", "rangplatz")
EN_RANK_NOUNS: Final = ("place", "rank", "position", "spot")

DE_FRACTIONS: Final = {
    "hälfte": 1 / 2, "halb": 1 / 2, "drittel": 1 / 3, "viertel": 1 / 4, "fünftel": 1 / 5,
    "zehntel": 1 / 10,
}  # fmt: skip
EN_FRACTIONS: Final = {
    "half": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4, "quarters": 1 / 4,
    "fifth": 1 / 5, "fifths": 1 / 5, "tenth": 1 / 10, "tenths": 1 / 10,
}  # fmt: skip

# --- calendar ---------------------------------------------------------------------
DE_MONTHS: Final = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
    "jan.": 1, "feb.": 2, "febr.": 2, "apr.": 4, "aug.": 8, "sept.": 9, "sep.": 9,
    "okt.": 10, "nov.": 11, "dez.": 12,
}  # fmt: skip
EN_MONTHS: Final = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8,
    "sept.": 9, "sep.": 9, "oct.": 10, "nov.": 11, "dec.": 12, "jan": 1, "feb": 2, "mar": 3,
    "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Capitalised abbreviations without a full stop, as datelines write them ("Nov 4").
EN_MONTH_ABBREVIATIONS: Final = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
]
DE_WEEKDAYS: Final = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
    "samstag": 5, "sonnabend": 5, "sonntag": 6,
}  # fmt: skip
EN_WEEKDAYS: Final = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip
DE_SEASONS: Final = {
    "frühjahr": "SP", "frühling": "SP", "sommer": "SU", "herbst": "FA", "winter": "WI", "spätsommer": "SU",
    "frühsommer": "SU", "hochsommer": "SU", "spätherbst": "FA", "frühherbst": "FA", "spätwinter": "WI",
}  # fmt: skip
EN_SEASONS: Final = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# Time units for durations and offsets: word -> unit name.
DE_TIME_UNITS: Final = {
    "sekunde": "second", "sekunden": "second", "minute": "minute", "minuten": "minute",
    "stunde": "hour", "stunden": "hour", "tag": "day", "tage": "day", "tagen": "day",
    "tages": "day", "woche": "week", "wochen": "week", "monat": "month", "monate": "month",
    "monaten": "month", "monats": "month", "jahr": "year", "jahre": "year", "jahren": "year",
    "jahres": "year", "jahrzehnt": "decade", "jahrzehnte": "decade", "jahrzehnten": "decade",
    "jahrhundert": "century", "jahrhunderte": "century", "jahrhunderten": "century",
}  # fmt: skip
EN_TIME_UNITS: Final = {
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute",
    "hour": "hour", "hours": "hour", "day": "day", "days": "day", "week": "week",
    "weeks": "week", "month": "month", "months": "month", "year": "year", "years": "year",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
}  # fmt: skip

# --- money ---------------------------------------------------------------------------
CURRENCY_WORDS: Final = {
    "euro": "EUR", "euros": "EUR", "eur": "EUR", "€": "EUR", "dollar": "USD", "us-dollar": "USD",
    "dollars": "USD", "usd": "USD", "$": "USD", "us$": "USD", "pfund": "GBP", "pound": "GBP",
    "pounds": "GBP", "£": "GBP", "gbp": "GBP", "rubel": "RUB", "rubles": "RUB", "rbs": "RUB",
    "roubles": "RUB", "rub": "RUB", "won": "KRW", "krw": "KRW", "yuan": "CNY", "cny": "CNY",
    "franken": "CHF", "chf": "CHF", "yen": "JPY", "¥": "JPY", "hrywnja": "UAH",
    "hryvnia": "UAH", "griwna": "UAH", "north korean won": "KPW", "south korean won": "KRW",
    "nordkoreanische won": "KPW", "nordkoreanischen won": "KPW", "südkoreanische won": "KRW",
    "südkoreanischen won": "KRW",
}  # fmt: skip
DE_PERCENT_WORDS: Final = {
    "prozent": "%",
    "prozentpunkte": "percentage_point",
    "prozentpunkten": "percentage_point",
}
EN_PERCENT_WORDS: Final = {
    "percent": "%", "per cent": "%", "percentage points": "percentage_point",
    "percentage point": "percentage_point",
}  # fmt: skip
PERCENT_WORDS: Final = {"%": "%", **DE_PERCENT_WORDS, **EN_PERCENT_WORDS}

# Nouns that make a four-digit number a count rather than a year ("2000 Soldaten").
COUNT_NOUNS: Final = frozenset(
    """soldaten soldatinnen menschen personen männer frauen kinder tote toten verletzte metern
    kilometern tonnen dollar euro rubel won yuan granaten geschossen raketen artilleriegranaten
    verletzten opfer einwohner truppen raketen granaten panzer drohnen tonnen kilometer meter
    mann geschosse artilleriegeschosse flugzeuge schiffe fahrzeuge waffen arbeiter gefangene
    soldiers troops people men women children dead killed wounded casualties missiles shells
    rounds tanks drones tons tonnes kilometers kilometres miles meters metres aircraft ships
    vehicles weapons workers prisoners civilians""".split()
)

# --- words around numbers --------------------------------------------------------------
# Words that end the search for a counted noun after a number.
STOP_WORDS: Final = {
    "en": frozenset(
        """of and the a an to in on at by for with from were was are is be been have has had will
        would could should may might more than or as per each that which who since between into
        over under about around nearly almost some such its their his her our this these those it
        they he she we you i not no so then still already now more""".split()
    ),
    "de": frozenset(
        """und oder bis sein ist sind war waren als in im am an auf aus bei mit nach von vom zu zum
        zur der die das des dem den ein eine einen einem einer eines pro je""".split()
    ),
}
UNIT_ABBREVIATIONS: Final = frozenset("km m kg t mm cm ha km² m² mi ft lb".split())
# Determiners that make a digit or word an ordinal ("dem 36.", "the fifth").
DETERMINERS: Final = {
    "de": """der die das den dem des ein eine einen einem einer eines zum zur im am beim vom
    sein seine seinem seinen seiner ihr ihre ihrem ihren ihrer unser unsere unserem
    dieser diese diesem diesen dieses""".split(),
    "en": "the a an its his her their our this that every".split(),
}
# German cardinal morphemes that compound into number words ("dreiundzwanzigtausend").
DE_NUMBER_MORPHEMES: Final = (
    *(w for w in DE_ONES if w != "eine"), *DE_TENS, "zehn", "elf", "zwölf", "sech", "sieb",
    "hundert", "tausend", "und", "einhalb", "anderthalb",
)  # fmt: skip

# --- words around dates -----------------------------------------------------------------
MONTH_PREPOSITIONS: Final = {
    "de": ["im", "seit", "bis", "ab", "vom", "von", "anfang", "mitte", "ende", "bis ende",
           "bis anfang", "bis mitte", "seit anfang", "seit ende", "seit mitte", "ab mitte",
           "ab anfang", "ab ende", "noch im", "schon im", "bereits im", "erst im", "bis zum", "der", "des", "dem",
           "den", "ende des", "anfang des", "mitte des", "im laufe des", "zu beginn des", "seit dem", "bis ende des",
           "gegen ende", "gegen ende des", "seit beginn des"],
    "en": ["in", "since", "by", "until", "till", "from", "early", "mid", "mid-", "late", "end of",
           "the end of", "beginning of", "the beginning of", "earlier in", "later in", "through",
           "in early", "in mid", "in mid-", "in late", "by early", "by mid", "by late", "by the end of",
           "until the end of", "since early", "since mid", "since late", "the start of", "at the start of",
           "start of", "at the beginning of", "at the end of", "towards the end of", "toward the end of",
           "in the middle of", "the middle of", "by the start of", "since the start of", "since the end of",
           "next", "last", "this coming", "until next", "by next", "since last"],
}  # fmt: skip
YEAR_PREPOSITIONS: Final = {
    "de": ["im jahr", "im jahre", "seit", "bis", "ab", "anfang", "mitte", "ende", "bis ende",
           "seit anfang", "seit ende", "um", "für", "vor", "nach", "im laufe des jahres"],
    "en": ["in", "since", "by", "until", "from", "early", "mid", "mid-", "late", "end of",
           "the end of", "in early", "in mid", "in mid-", "in late", "for", "before", "after",
           "by the end of", "the year"],
}  # fmt: skip
# What a word before a date says about it: a date qualifier in the mentions table.
DATE_QUALIFIERS: Final = {
    "seit": "since", "since": "since", "bis": "by", "by": "by", "until": "by", "till": "by",
    "bis zum": "by", "ab": "from", "von": "from", "vom": "from", "from": "from",
    "anfang": "early", "early": "early", "beginning of": "early", "mitte": "mid", "mid": "mid",
    "mid-": "mid", "ende": "late", "late": "late", "end of": "late", "the end of": "late",
    "vor": "before", "before": "before", "nach": "after", "after": "after", "um": "approx",
    "through": "by", "start of": "early", "beginning": "early", "beginn": "early", "middle of": "mid",
}  # fmt: skip
# Words after a duration that make it an offset from an event the text names.
OFFSET_AFTER: Final = ("nach", "später", "danach", "after", "later")
OFFSET_BEFORE: Final = ("vor", "zuvor", "früher", "before", "earlier", "zurück")
# Relative time: the one list of words for last, this and next (week, month, year, season, weekday).
RELATIVE: Final = {
    "de": {
        -1: ("vergangenen", "vergangene", "vergangenes", "vergangener", "vergangenem", "letzten", "letzte", "letztes",
             "letzter", "letztem", "voriger", "vorigen", "vorigem", "vorige", "voriges"),
        0: ("diesem", "diesen", "diese", "dieses", "dieser", "laufenden", "laufende", "laufendes", "laufendem"),
        1: ("kommenden", "kommende", "kommendes", "kommender", "kommendem", "nächsten", "nächste", "nächstes",
            "nächster", "nächstem"),
    },
    "en": {
        -1: ("last", "past", "the past", "the previous"),
        0: ("this", "the current", "current"),
        1: ("next", "coming", "the coming", "the following"),
    },
}  # fmt: skip
RELATIVE_DAYS: Final = {
    "de": {"heute": 0, "gestern": -1, "vorgestern": -2, "morgen": 1, "übermorgen": 2},
    "en": {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1},
}
PERIOD_UNITS: Final = {
    "de": {"woche": "week", "monat": "month", "monats": "month", "jahr": "year", "jahres": "year"},
    "en": {"week": "week", "month": "month", "year": "year"},
}

# --- words the expressions match (datapkg/extract/expressions.py) ---------------------
RANGE_OPENERS: Final = ("zwischen", "between", "von", "from")
RANGE_BETWEEN: Final = ("zwischen", "between")  # "und"/"and" joins a range only after these
RANGE_SEPARATORS: Final = ("bis", "und", "and", "to", "oder", "or")
FEW: Final = (  # a vague count of time units: "vor mehreren Monaten", "several months ago"
    "a couple of", "a few", "ein paar", "several", "many", "wenigen", "wenige", "weniger", "mehreren", "mehrere",
    "einigen", "einige", "vielen", "viele", "etlichen", "etliche", "zahlreichen",
)  # fmt: skip
DURATION_PREPOSITIONS: Final = (
    "seit", "vor", "nach", "für", "in", "innerhalb von", "binnen", "über", "um", "im laufe von", "von",
    "for", "within", "over", "after", "ago", "during", "than",
)  # fmt: skip
DURATION_LENGTH_WORDS: Final = ("lang", "long")  # "sechs Monate lang": a length, not an offset
VAGUE_PERIOD_PREPOSITIONS: Final = (
    "within", "binnen", "innerhalb", "innerhalb von",
    "seit", "since", "for", "über", "over", "in den vergangenen", "in den letzten", "in recent",
    "in the past", "over the past", "for the past",
)  # fmt: skip
VAGUE_PERIOD_DETERMINERS: Final = (
    "mehreren", "einigen", "vielen", "wenigen", "ein paar", "several", "a few", "many", "some",
)  # fmt: skip
PLURAL_TIME_UNITS: Final = (
    "jahrzehnten", "jahren", "monaten", "wochen", "tagen", "stunden", "jahrhunderten", "jahrzehnte", "jahre",
    "monate", "tage", "jahrhunderte", "minuten", "decades", "years", "months", "weeks", "days", "hours", "centuries",
    "minutes",
)  # fmt: skip
DE_LENGTH_COMPOUNDS: Final = ("jahrzehnte", "jahre", "monate", "wochen", "tage", "stunden")  # + "lang"
DE_VAGUE_PLURALS: Final = (
    "zehntausende",
    "hunderttausende",
    "dutzende",
    "hunderte",
    "tausende",
    "zigtausende",
)
DE_VAGUE_SCALE_NOUNS: Final = (
    "Millionen",
    "Milliarden",
)  # capitalised: the nouns, not "millionen" in compounds
EN_VAGUE_PLURALS: Final = ("dozens", "hundreds", "thousands", "millions", "billions")
EN_VAGUE_OF: Final = ("thousands", "millions")  # "hundreds of thousands"
RANK_NUMBER_WORDS: Final = ("nummer", "number")
# "the world's number one", "Nummer eins": a place in words after "number".
RANK_NUMBER_NAMES: Final = {
    "de": {"eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5},
    "en": {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5},
}
EN_SUPERLATIVES: Final = (
    "largest", "biggest", "highest", "lowest", "smallest", "most", "best", "worst", "strongest",
    "deadliest", "longest", "oldest", "richest", "busiest", "heaviest",
)  # fmt: skip
FRACTION_COUNTS: Final = {
    "de": ("ein", "eine", "einem", "einen", "zwei", "drei", "vier"),
    "en": ("a", "one", "two", "three", "four"),
}
DE_HALF_DETERMINERS: Final = ("die", "der", "zur", "eine", "einer")  # "die Hälfte"
# Hours in words ("gegen drei Uhr morgens", "at three o'clock") and the part of the day
# that places them: hours to add to a 12-hour clock (None: the hour as written).
CLOCK_HOURS: Final = {
    "de": {"ein": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
           "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12},
    "en": {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12},
}  # fmt: skip
DAY_PARTS: Final = {
    "de": {"morgens": 0, "früh": 0, "vormittags": 0, "mittags": 0, "nachmittags": 12, "abends": 12, "nachts": 12},
    "en": {"in the morning": 0, "in the afternoon": 12, "in the evening": 12, "at night": 12},
}  # fmt: skip
CLOCK_PREPOSITIONS: Final = {"de": ("um", "gegen", "ab", "bis"), "en": ("at", "around", "by", "until")}
DAY_PREPOSITIONS: Final = ("since", "by", "until", "till", "from", "before", "after")  # before "November 12"
WEEKDAY_DATE_PREPOSITIONS: Final = {"de": ("am", "vom", "bis"), "en": ("on",)}  # "am Mittwoch, 19. Juni"
DAY_RANGE_OPENERS: Final = {"de": ("vom", "von", "zwischen"), "en": ("from", "between")}
DAY_RANGE_SEPARATORS: Final = {"de": ("bis zum", "bis", "und"), "en": ("to", "and", "through")}
HALF_YEAR_PREPOSITIONS: Final = ("in", "im", "seit", "bis", "since", "by")
HALF_YEAR_ORDERS: Final = (
    "ersten", "zweiten", "erste", "zweite", "dritten", "dritte", "vierten", "vierte", "first", "second",
    "third", "fourth",
)  # fmt: skip
HALF_YEAR_NOUNS: Final = ("hälfte", "jahreshälfte", "halbjahr", "half", "quartal", "quarter")
SEASON_PREPOSITIONS: Final = (
    "im", "seit", "bis", "ab", "in", "this", "last", "next", "in the", "the", "since", "by", "seit dem", "bis zum",
    "before", "after", "until", "vor dem", "nach dem", "vom", "ab dem", "im laufe des", "im frühen", "im späten",
    "anfang", "ende", "mitte", "early", "late", "in early",
    "in late", "by early", "by late", "since the", "by the", "during the", "over the", "through the",
    "throughout the", "until the", "in the early", "in the late",
)  # fmt: skip
DE_DECADE_NOUNS: Final = ("jahren", "jahre", "jahr")  # "1970er-Jahren"
# Decades in words, of the twentieth century: "Achtzigerjahre", "the eighties".
DECADE_WORDS: Final = {
    "de": {"zwanziger": 2, "dreißiger": 3, "dreissiger": 3, "vierziger": 4, "fünfziger": 5, "sechziger": 6,
           "siebziger": 7, "achtziger": 8, "neunziger": 9},
    "en": {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
           "nineties": 9},
}  # fmt: skip
WEEKDAY_PREPOSITIONS: Final = {
    "de": ("an diesem", "an jenem", "diesen", "am", "seit", "bis", "ab", "vom"),  # with "am vergangenen" etc.
    "en": ("on last", "last", "next", "this", "coming", "on", "by", "since", "until", "from", "past"),
}
DE_CASE_SENSITIVE_DAYS: Final = ("morgen",)  # lower-case only: "Morgen" is the morning
PERIOD_PREPOSITIONS: Final = {
    "de": ("anfang", "mitte", "ende", "bis ende", "seit anfang", "im laufe", "in", "im", "in der", "im verlauf", "seit",
           "bis", "ab"),
    "en": ("earlier", "later", "early", "late", "the end of", "end of", "the beginning of", "beginning of",
           "by the end of", "since", "until", "in"),
}  # fmt: skip
PERIOD_PARTS: Final = {  # "Ende des Jahres", "by the end of the year"
    "de": ("anfang", "mitte", "ende", "seit beginn", "zu beginn", "beginn", "seit anfang"),
    "en": ("by the end of", "the end of", "end of", "the beginning of", "beginning of", "the start of",
           "start of", "the middle of", "the rest of"),
}  # fmt: skip
DE_GENITIVE_ARTICLES: Final = ("der", "des", "dem", "den")

# --- expressions without a number ---------------------------------------------------
# Events a date is anchored to when the text gives the event, not its date ("kurz nach
# Putins Besuch", "bei seinem Besuch in Vietnam", "seit Kriegsbeginn"): a date mention
# with an empty value, the preposition as its qualifier.
ANCHOR_PREPOSITIONS: Final = {
    "de": {"vor": "before", "nach": "after", "bei": "during", "während": "during", "seit": "since"},
    "en": {"before": "before", "after": "after", "during": "during", "since": "since", "at": "during"},
}
ANCHOR_NEAR: Final = {
    "de": ("kurz", "unmittelbar", "direkt", "gleich"),
    "en": ("shortly", "just", "right", "soon"),
}
ANCHOR_DETERMINERS: Final = {
    "de": (
        "dem",
        "der",
        "des",
        "den",
        "seinem",
        "seiner",
        "seines",
        "ihrem",
        "ihrer",
        "ihres",
        "einem",
        "einer",
    ),
    "en": ("the", "his", "her", "their", "its", "a"),
}
# Event nouns, also at the end of a compound ("Corona-Pandemie", "Staatsbesuch").
EVENT_NOUNS: Final = {
    "de": ("besuch", "besuchs", "besuches", "treffen", "treffens", "gipfel", "gipfels", "pandemie", "invasion",
           "wahl", "wahlen", "reise", "kriegsbeginn", "kriegsausbruch", "kriegsbeginns", "gesprächen", "gespräche",
           "verhandlungen", "zeremonie", "parade", "konferenz", "unterzeichnung", "abstimmung", "sitzung"),
    "en": ("visit", "meeting", "summit", "pandemic", "invasion", "election", "elections", "trip", "talks",
           "negotiations", "ceremony", "parade", "conference", "signing", "vote", "session"),
}  # fmt: skip
# Events named by a phrase ("Beginn des Krieges", "the start of the war").
EVENT_PHRASES: Final = {
    "de": (r"Beginn\s+des\s+[\w-]*Krieges", r"Beginn\s+des\s+[\w-]*Kriegs", r"Ausbruch\s+des\s+[\w-]*Krieges"),
    "en": (r"the\s+start\s+of\s+the\s+war", r"the\s+outbreak\s+of\s+the\s+war", r"the\s+war\s+began",
           r"the\s+start\s+of\s+the\s+[\w-]+\s+war"),
}  # fmt: skip
# Periods the text leaves vague: date mentions with an empty value, qualifier "vague".
# ("in letzter Zeit", "recently" place a time against the present: vague_words.TIME_REFERENCES.)
VAGUE_PERIODS: Final = {
    "de": ("seit geraumer zeit", "schon länger", "seit längerem", "seit langem", "seit jeher", "schon lange",
           "seit einiger zeit", "vor jahren", "vor monaten", "vor wochen", "vor tagen", "vor jahrzehnten"),
    "en": ("for some time", "for a long time", "for a while", "for quite some time", "years ago", "months ago",
           "weeks ago", "days ago", "decades ago"),
}  # fmt: skip
# Amounts the text leaves vague without a number word ("ein paar Experten"): quantity
# mentions with an empty value, qualifier "vague".
VAGUE_AMOUNT_PHRASES: Final = {
    "de": ("ein paar", "ein vielfaches", "eine bedeutende zahl", "eine erhebliche zahl", "eine große anzahl", "eine grosse anzahl", "eine vielzahl", "eine handvoll",
           "eine reihe", "eine kleine zahl", "eine große zahl", "eine grosse zahl"),
    "en": ("a few", "a handful", "a large number", "a great number", "a small number", "a number"),
}  # fmt: skip
# Formations counted one by "ein"/"a" ("eine Pionier-Einheit"): quantity 1.
FORMATION_NOUNS: Final = {
    "de": ("einheit", "brigade", "bataillon", "division", "regiment", "kompanie"),
    "en": ("unit", "brigade", "battalion", "division", "regiment"),
}
FORMATION_ARTICLES: Final = {"de": ("eine", "einer", "ein", "einen"), "en": ("a", "an", "one")}

# --- tense of the sentence around a month without a year ------------------------------
# (past, future, weak future): deadlines and "next" speak of the future only where no verb
# says otherwise ("had been delivered by November" is past).
# (past, future) regular expressions: a later month in a past-tense sentence is last year's,
# an earlier month in a future one next year's. The future is tested first ("hatte ...
# angekündigt, ... soll" speaks of what is to come). Verbs of saying are left out: "takes
# effect on November 1, officials said" reports a future event in the past tense.
TENSE_CUES: Final = {
    "de": (
        r"\b(?:hatte|hatten|hattest|war|waren|wurde|wurden|gab|gaben|kam|kamen|traf|trafen|ging|gingen|"
        r"begann|begannen|fiel|fielen|hielt|hielten|griff|griffen|zog|zogen|flog|flogen|schoss|schossen|trat|traten|"
        r"erreichte|erreichten|unterzeichnete|unterzeichneten|schickte|schickten|lieferte|lieferten|besuchte|"
        r"besuchten|verlegte|verlegten|startete|starteten|lag|lagen|stieg|stiegen|sank|sanken|wuchs|wuchsen|blieb|"
        r"blieben|stand|standen|sah|sahen|nahm|nahmen|bot|boten|schrieb|schrieben|sprach|sprachen|hieß|hießen|rief|"
        r"riefen|lief|liefen|floh|flohen|starb|starben|verlor|gewann|gewannen|fand|fanden|erhielt|erhielten|kehrten|"
        r"kehrte|brachte|brachten|worden|gewesen)\b"
        r"|\b(?:hat|haben|ist|sind)\b[^.;]*\bge\w+(?:t|en)\b",
        r"\b(?:wird|werden\s+\w+en\b|soll|sollen|will|wollen|plant|planen|könnte|könnten|dürfte|dürften|muss|"
        r"müssen)\b",
        r"\bbis\s+(?:Ende\s+)?(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b"
        r"|\b(?:kommenden|nächsten|künftig)\b",
    ),
    "en": (
        r"\b(?:was|were|had|did|met|came|went|took|began|fell|rose|held|gave|left|sent|fought|made|struck|shot|"
        r"flew|saw|won|lost|led|hit)\b"
        # regular past tense, less the participles news uses as adjectives or for plans
        r"|\b(?!(?:expect|plan|schedul|propos|arm|bas|relat|unit|advanc|concern|interest|need)ed\b)[a-z]{3,}ed\b",
        r"\b(?:will|shall|must|is\s+to|are\s+to|plans?\s+to|is\s+going\s+to|are\s+going\s+to|could|"
        r"expected\s+to|set\s+to)\b",
        r"\bby\s+(?:the\s+end\s+of\s+)?(?:January|February|March|April|May|June|July|August|"
        r"September|October|November|December)\b|\buntil\s+(?:January|February|March|April|May|June|July|August|"
        r"September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
        r"|\b(?:next|coming|upcoming)\b",
    ),
}  # fmt: skip

# --- ordinals inside compounds, rank changes ------------------------------------------
# "fünftmächtigste", "zweitgrößten": an ordinal stem glued to a superlative.
DE_SUPERLATIVE_TAIL: Final = r"[a-zäöüß]{2,}(?:st|ßt)(?:e|en|er|es|em)?"
EN_SUPERLATIVE_TAIL: Final = r"(?:[a-z]{3,}est|most|best|worst|least)"
# "um einen Rang", "dropped two notches": a move in a ranking, a quantity of places.
RANK_STEP_NOUNS: Final = {
    "de": ("rang", "ränge", "rängen", "platz", "plätze", "plätzen", "position", "positionen", "stelle", "stellen"),
    "en": ("notch", "notches", "place", "places", "spot", "spots", "rank", "ranks", "position", "positions"),
}  # fmt: skip
EN_RANK_MOVES: Final = (
    "rose", "rise", "rises", "risen", "rising", "fell", "fall", "falls", "fallen", "falling", "dropped",
    "drop", "drops", "dropping", "slipped", "slips", "slid", "climbed", "climbs", "jumped", "jumps",
    "moved up", "moved down", "moves up", "moves down", "up", "down",
)  # fmt: skip

# --- multipliers --------------------------------------------------------------------
# German stems of verbs and adjectives that name a factor ("verdoppelt", "doppelte"): stem -> factor.
DE_MULTIPLYING: Final = {
    "verdoppel": 2, "verdoppl": 2, "verdreifach": 3, "vervierfach": 4, "verfünffach": 5, "verzehnfach": 10, "doppelt": 2,
}  # fmt: skip
# English words whole ("double" alone is too often an adjective: "double standards").
EN_MULTIPLYING: Final = {
    "twice": 2, "thrice": 3, "doubled": 2, "doubles": 2, "doubling": 2, "tripled": 3, "triples": 3,
    "tripling": 3, "quadrupled": 4, "quadrupling": 4,
}  # fmt: skip
DE_MULTIPLIER_SUFFIXES: Final = ("fache", "fachen", "facher", "faches", "fach", "mal")
EN_MULTIPLIER_SUFFIXES: Final = ("fold",)
# "twice" and "doppelt" name a factor only before a comparison or as an adverb of a verb.
DE_COMPARED: Final = ("so viele", "so viel", "so groß", "so hoch", "so stark", "so lang", "so teuer")
# --- spoken decimals ----------------------------------------------------------------
DECIMAL_POINT: Final = {"de": ("komma",), "en": ("point",)}
DIGIT_WORDS: Final = {
    "de": {"null": 0, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
           "neun": 9},
    "en": {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9},
}  # fmt: skip
# --- relative years -----------------------------------------------------------------
RELATIVE_YEARS: Final = {
    "de": {"vorjahr": -1, "vorjahres": -1, "vorjahrs": -1, "folgejahr": 1, "folgejahres": 1, "jahr davor": -1,
           "jahr zuvor": -1, "jahr darauf": 1, "heuer": 0, "vorjahresmonat": -1, "vorjahresquartal": -1,
           "vorjahreszeitraum": -1},
    "en": {"the previous year": -1, "the year before": -1, "the prior year": -1, "the following year": 1,
           "the year after": 1, "a year earlier": -1, "a year before": -1},
}  # fmt: skip
# Days given relative to another day of the story, not to the reference: empty value.
STORY_DAYS: Final = {
    "de": {"am folgetag": "after", "am nächsten tag": "after", "tags darauf": "after", "am tag darauf": "after",
           "am vortag": "before", "tags zuvor": "before", "am tag zuvor": "before", "am selben tag": "same",
           "am gleichen tag": "same", "noch am selben tag": "same", "noch am selben abend": "same",
           "am selben abend": "same", "noch am gleichen tag": "same", "am nächsten morgen": "after",
           "am folgenden tag": "after", "am folgenden morgen": "after"},
    "en": {"the following day": "after", "the next day": "after", "the day after": "after",
           "the day before": "before", "the previous day": "before", "the same day": "same",
           "that same day": "same", "later that day": "after", "the same evening": "same",
           "the following morning": "after", "the next morning": "after"},
}  # fmt: skip
WEEKEND: Final = {"de": ("am wochenende", "über das wochenende", "übers wochenende", "am vergangenen wochenende",
                         "seit dem vergangenen wochenende", "am letzten wochenende", "seit dem wochenende"),
                  "en": ("over the weekend", "at the weekend", "on the weekend", "this weekend", "last weekend")}  # fmt: skip

# A weekday after these (or none) is placed by the tense of its clause ("am Donnerstag").
BARE_WEEKDAY_PREPOSITIONS: Final = ("", "am", "on", "an", "ab", "seit", "since", "until", "bis")
