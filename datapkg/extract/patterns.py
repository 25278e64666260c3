"""Regular expressions for number and date expressions, built from the lexicon.

Each language gets one ``Patterns`` object; the rules in ``rules.py`` use its
compiled expressions. Word lists are joined longest first so that "mehr als"
wins over "mehr", and every expression starts and ends on a word boundary of
its own so digits inside names ("F-16", "Hwasong-18") are never matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from datapkg.extract import lexicon as lx


def alt(words: Iterable[str]) -> str:
    """An alternation of literal words, longest first; spaces match any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


B = r"(?<![\w])"  # start of a word
E = r"(?![\w])"  # end of a word
SP = r"[ \t\u00a0\u202f]+"  # spaces within a line

# Digits not glued to a name: no letter, digit or "X-" right before.
_NOT_GLUED = r"(?<![\w.,/])(?<![A-Za-zÄÖÜäöüß]-)"
# Groups split by spaces ("1 328 000"): at most five groups, and only a whole run of them,
# since every group after a space may start a number too; unbounded, each start would
# reread the rest of a long run, and text of grouped digits would take quadratic time.
_SPACE_GROUPS = r"\d{1,3}(?:[ \u00a0\u202f]\d{3}){1,4}(?!\d)(?![ \u00a0\u202f]\d{3}(?!\d))"
DIGITS = {
    # Swiss German groups with an apostrophe ("600'000")
    "de": _NOT_GLUED
    + r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:['’]\d{3})+(?:,\d+)?|"
    + _SPACE_GROUPS
    + r"|\d+(?:,\d+)?)(?![\d])",
    "en": _NOT_GLUED + r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d])",
}

_DE_MORPHEMES = alt(lx.DE_NUMBER_MORPHEMES)
_EN_UNITS = alt(lx.EN_ONES)
_EN_TENS = alt(lx.EN_TENS)
NUMBER_WORD = {
    "de": rf"{B}(?i:(?:{_DE_MORPHEMES})+){E}",
    "en": rf"{B}(?i:{_EN_TENS}(?:[- ]{_EN_UNITS})?|{_EN_UNITS}){E}",
}
ARTICLE_ONE = {"de": r"(?i:eine[rnms]?|ein)", "en": r"(?i:an?|one)"}


@dataclass(frozen=True)
class Patterns:
    lang: str
    number: str  # digits or a number word
    scale: str
    qualifier: str
    month: str
    weekday: str
    time_unit: str
    currency: str
    percent: str
    ordinal_word: str
    rank_noun: str
    season: str


@cache
def patterns(lang: str) -> Patterns:
    if lang == "de":
        return Patterns(
            lang="de",
            number=f"(?:{DIGITS['de']}|{NUMBER_WORD['de']})",
            scale=rf"(?i:{alt(lx.DE_SCALES)})(?![\w])",
            qualifier=rf"(?i:{alt(lx.DE_QUALIFIERS)})",
            month=rf"(?i:{alt(lx.DE_MONTHS)})(?![\w])",
            weekday=rf"(?i:{alt(lx.DE_WEEKDAYS)})(?:abend|morgen|mittag|nachmittag|vormittag|nacht)?{E}",
            time_unit=rf"(?i:{alt(lx.DE_TIME_UNITS)}){E}",
            currency=rf"(?i:{alt([w for w in lx.CURRENCY_WORDS if w.replace(' ', '').replace('-', '').isalpha()])}){E}"
            r"|[€$£¥]",
            percent=rf"(?i:{alt(lx.DE_PERCENT_WORDS)}){E}|%",
            ordinal_word=rf"{B}(?i:(?:{alt(lx.DE_ORDINAL_STEMS)})(?:en|er|es|em|e)){E}",
            rank_noun=rf"(?i:{alt(lx.DE_RANK_NOUNS)}){E}",
            season=rf"(?i:{alt(lx.DE_SEASONS)}){E}",
        )
    return Patterns(
        lang="en",
        number=f"(?:{DIGITS['en']}|{NUMBER_WORD['en']})",
        scale=rf"(?i:{alt(k for k in lx.EN_SCALES if len(k) > 2)}){E}",
        qualifier=rf"(?i:{alt(lx.EN_QUALIFIERS)})",
        month=rf"(?:{alt([m.capitalize() for m in lx.EN_MONTHS] + lx.EN_MONTH_ABBREVIATIONS)}"
        rf"|(?i:{alt(m for m in lx.EN_MONTHS if m != 'may')})){E}",
        weekday=rf"(?i:{alt(lx.EN_WEEKDAYS)}){E}",
        time_unit=rf"(?i:{alt(lx.EN_TIME_UNITS)}){E}",
        currency=rf"(?i:{alt([w for w in lx.CURRENCY_WORDS if w.replace(' ', '').isalpha()])}){E}|US\$|[€$£¥]",
        percent=rf"(?i:{alt(lx.EN_PERCENT_WORDS)}){E}|%",
        ordinal_word=rf"{B}(?i:(?:{_EN_TENS}-)?{alt(lx.EN_ORDINALS)}){E}",
        rank_noun=rf"(?i:{alt(lx.EN_RANK_NOUNS)}){E}",
        season=rf"(?i:{alt(lx.EN_SEASONS)}){E}",
    )
