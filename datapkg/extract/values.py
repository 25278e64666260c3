"""Turning matched text into values: numbers, scales, qualifiers, the counted noun after a
number, month numbers and the year a day or month falls in."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache

from datapkg.extract import calendar as cal
from datapkg.extract import lexicon as lx
from datapkg.extract.mention import Context
from datapkg.extract.numbers import Number, parse_de_word, parse_digits, parse_en_word
from datapkg.extract.patterns import patterns
from datapkg.extract.tense import CLAUSE_END, SENTENCE_END, clause_tense, span


def norm(s: str) -> str:
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
    return table.get(norm(token))


_WORD_AFTER = re.compile(r"[ \t\u00a0]+([^\W\d_][\w-]*)")


def unit_after(ctx: Context, end: int) -> str | None:
    """The counted noun after a quantity ("3.000 nordkoreanische Soldaten" -> "Soldaten")."""
    pos = end
    for _ in range(3):
        m = _WORD_AFTER.match(ctx.text, pos)
        if not m:
            return None
        word = m.group(1)
        lower = word.lower()
        if lower in lx.UNIT_ABBREVIATIONS:
            return word
        if ctx.lang == "de":
            if word[0].isupper():
                months_days = (lx.DE_MONTHS, lx.DE_WEEKDAYS)
                return None if any(lower in t for t in months_days) else word
            if lower in lx.STOP_WORDS["de"]:
                return None
        else:
            if lower == "of" and pos == end:
                pos = m.end()  # "hundreds of soldiers"
                continue
            if lower in lx.STOP_WORDS["en"]:
                return None
            if word[0].islower():
                plural_noun = lower.endswith("s") and not lower.endswith("ss")
                if plural_noun or lower in lx.COUNT_NOUNS:
                    return word
        pos = m.end()
    return None


def glued_after(ctx: Context, end: int) -> bool:
    """A letter right after the number ("5G") means it is part of a name."""
    return end < len(ctx.text) and (ctx.text[end].isalpha() or ctx.text[end] == "_")


def is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and 1800 <= int(token) <= 2100


def default_year(ctx: Context) -> int | None:
    """The reference window's year, when the window lies in one year."""
    year = ctx.resolve(lambda ref: ref.year)
    return year if isinstance(year, int) else None


_YEAR_NAMED = re.compile(
    r"(?:\b(?:in|im|für|for)|jahr|jahre|year)\s+((?:19|20)\d{2})\b(?![.,]?\d)", re.IGNORECASE
)  # "im Jahr 2020", "Fiskaljahr 2025", "for 2025"


def named_year(ctx: Context, start: int, within: re.Pattern[str] = CLAUSE_END) -> int | None:
    """A year the clause (or sentence, by ``within``) names before ``start`` ("in 2023 the
    leaders met in September")."""
    left, _ = span(ctx, start, within)
    years = _YEAR_NAMED.findall(ctx.text, left, start)
    return int(years[-1]) if years else None


def year_for(ctx: Context, month: int, start: int) -> int | None:
    """The year of a month the text gives without one: a year its clause names before it;
    else the reference year, but last year for a later month in a past-tense clause and next
    year for an earlier month in a future one; None when the reference window spans years
    and so leaves it open."""
    named = named_year(ctx, start)
    if named is not None:
        return named
    tense = clause_tense(ctx, start)

    def at(ref: dt.date) -> int:
        if tense < 0 and month > ref.month:
            return ref.year - 1
        if tense > 0 and month < ref.month:
            return ref.year + 1
        return ref.year

    year = ctx.resolve(at)
    return year if isinstance(year, int) else None


def date_qualifier(pre: str | None) -> str | None:
    if not pre:
        return None
    words = norm(pre).replace("the ", "").split()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            key = " ".join(words[i : i + n])
            if key in lx.DATE_QUALIFIERS:
                return lx.DATE_QUALIFIERS[key]
    return None


def months(lang: str) -> dict[str, int]:
    return lx.DE_MONTHS if lang == "de" else lx.EN_MONTHS


def month_no(ctx: Context, token: str) -> int:
    return months(ctx.lang)[token.lower()]


def day_month(ctx: Context, day: int, month: int, year: str | None, start: int = 0) -> str | None:
    if year:
        return cal.iso_day(int(year), month, day)
    default = year_for(ctx, month, start)
    if default is not None:
        return cal.iso_day(default, month, day)
    return f"XXXX-{month:02d}-{day:02d}" if cal.iso_day(2024, month, day) else None


def month_value(ctx: Context, month: int, year: str | None, start: int = 0) -> str | None:
    if year:
        return cal.iso_month(int(year), month)
    default = year_for(ctx, month, start)
    return cal.iso_month(default, month) if default is not None else f"XXXX-{month:02d}"


def unit_name(ctx: Context, token: str) -> str:
    """The unit a time word names; some patterns take either language's words ("seit
    Jahren" quoted in English text), so the other language's table is the fallback."""
    own, other = (
        (lx.DE_TIME_UNITS, lx.EN_TIME_UNITS) if ctx.lang == "de" else (lx.EN_TIME_UNITS, lx.DE_TIME_UNITS)
    )
    word = token.lower()
    return own.get(word) or other[word]


def relative_offset(word: str | None) -> int:
    """-1 for last, +1 for next, 0 otherwise, from the last word of a phrase ("am vergangenen")."""
    phrase = norm(word or "")
    for offset in (-1, 1):
        if any(
            phrase == w or phrase.endswith(" " + w) for lang in lx.RELATIVE.values() for w in lang[offset]
        ):
            return offset
    return 0


@cache
def rx(lang: str, name: str) -> re.Pattern[str]:
    from datapkg.extract.expressions import EXPRESSIONS

    return re.compile(EXPRESSIONS[name](patterns(lang)))


_AFTER = 100
"""How far an expression may reach after its core word (``matches``)."""


@cache
def _core(lang: str, name: str) -> tuple[re.Pattern[str], int] | None:
    """A word every match of the expression ``name`` contains, where one is known, and how
    far before it a match may start."""
    from datapkg.extract.expressions import CORES

    if name not in CORES:
        return None
    build, before = CORES[name]
    return re.compile(build(patterns(lang))), before


def matches(ctx: Context, name: str) -> Iterator[re.Match[str]]:
    """The matches of the expression ``name``, as ``rx(...).finditer`` finds them. Where the
    expression has a rare core word, the text is searched only around each occurrence of it:
    expressions that open with optional words ("seit dem", "rund") otherwise cost a try at
    every position of the text."""
    full, core = rx(ctx.lang, name), _core(ctx.lang, name)
    if core is None:
        yield from full.finditer(ctx.text)
        return
    text, done = ctx.text, 0
    for c in core[0].finditer(text):
        if c.end() <= done:
            continue
        # End the window where a word ends, so that word-end checks see what really follows; a
        # bounded search, so that a long run of word characters costs each core the same.
        reach = min(len(text), c.end() + _AFTER)
        boundary = _NON_WORD.search(text, reach, reach + _AFTER)
        end = boundary.start() if boundary else min(len(text), reach + _AFTER)
        for m in full.finditer(text, max(done, c.start() - core[1]), end):
            if m.start() >= c.end() or (boundary is None and m.end() >= end < len(text)):
                break  # past the core, or cut inside a word the window could not see the end of
            if m.end() > c.start():
                yield m
                done = m.end()
                break


_NON_WORD = re.compile(r"\W")


_YEAR = re.compile(r"(?<![\w.,])((?:19|20)\d{2})(?![\w]|[.,]\d)")


@lru_cache(maxsize=4)
def year_counts(text: str) -> Counter[int]:
    """How often the text names each year: once per text, however many mentions ask."""
    return Counter(int(y) for y in _YEAR.findall(text))


def topic_year(ctx: Context, start: int) -> int | None:
    """The year a text is about at ``start``: one its clause names ("im Jahr 2020 ... gegenüber
    dem Vorjahr"), else, early in a year, the year before when the text names it more often
    than the reference year (a January review of the past year); None: the reference year."""
    named = named_year(ctx, start, SENTENCE_END)
    if named is not None:
        return named
    reference = default_year(ctx)
    early = ctx.resolve(lambda ref: ref.month <= 3)
    if reference is None or early is not True:
        return None
    counts = year_counts(ctx.text)
    return reference - 1 if counts.get(reference - 1, 0) > counts.get(reference, 0) else None
