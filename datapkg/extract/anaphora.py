"""Dates given relative to another date of the text, resolved from it.

"Three days later" after "on April 20" is April 23; "fifteen months later" after
"September 2023" is December 2024; "a year earlier" after "the July-September quarter" is
that quarter a year before. The anchor is the nearest date before, within the sentence
("a year earlier") or the two sentences before ("later"), and only one the text states
at the precision the offset needs: no anchor, no value, as before.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from datapkg.extract import calendar as cal
from datapkg.extract import lexicon as lx
from datapkg.extract.mention import Mention
from datapkg.extract.numbers import parse_de_word, parse_en_word
from datapkg.extract.tense import SENTENCE_END
from datapkg.extract.vague_words import is_reference

# The same period a year before the date just named ("in the third quarter ... a year earlier").
_YEAR_BEFORE = frozenset(
    {"a year earlier", "a year before", "ein jahr zuvor", "ein jahr davor", "ein jahr früher", "im vorjahresmonat",
     "vorjahresmonat", "im vorjahresquartal", "vorjahresquartal", "im vorjahreszeitraum", "vorjahreszeitraum"}
)  # fmt: skip
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"\d{4}-\d{2}")
_YEAR = re.compile(r"\d{4}")
_PERIOD = re.compile(r"\d{4}-(?:\d{2}(?:-\d{2})?|Q[1-4]|H[12]|SP|SU|FA|WI|W\d{2})")
_REACH = 400


def resolve_anaphora(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions, those relative to an earlier date of the text given its value."""
    out: list[Mention] = []
    for mention in mentions:
        anchor = _anchor(text, out, mention)
        if anchor is not None and isinstance(anchor.value, list):
            anchor = None  # a span gives no single date to count from: the mention keeps its own value
        if anchor is not None and _open(anchor.value):
            mention = replace(mention, value=None)  # the window leaves the anchor, so this, open
        elif anchor is not None:
            value = _resolved(mention, anchor)
            if value is not None:
                mention = replace(mention, value=value)
        out.append(mention)
    return out


def _anchor(text: str, before: list[Mention], mention: Mention) -> Mention | None:
    if mention.kind != "date" or not (_is_year_before(mention) or _is_offset(mention)):
        return None
    ends = 0 if _is_year_before(mention) else 2  # sentence ends the anchor may lie behind
    for candidate in reversed(before):
        if candidate.end <= mention.start - _REACH:
            return None
        if candidate.kind == "date" and (_on_calendar(candidate.value) or _open(candidate.value)):
            between = len(SENTENCE_END.findall(text, candidate.end, mention.start))
            return candidate if between <= ends else None
    return None


def _on_calendar(value: object) -> bool:
    """A date the text places on the calendar: not "derzeit" (PRESENT_REF), a time alone or
    a date whose year is open."""
    if isinstance(value, list):
        return all(_on_calendar(v) for v in value)
    return isinstance(value, str) and value[:4].isdigit() and not is_reference(value)


def _open(value: object) -> bool:
    """A date whose year the reference leaves open ("XXXX-Q3"): what depends on it is open too."""
    if isinstance(value, list):
        return any(_open(v) for v in value)
    return isinstance(value, str) and value.startswith("XXXX")


def _is_year_before(mention: Mention) -> bool:
    return " ".join(mention.text.lower().split()) in _YEAR_BEFORE


def _is_offset(mention: Mention) -> bool:
    """ "drei Tage später", "fifteen months later", "the next day": no value of its own."""
    return mention.value is None and mention.unit is not None and mention.qualifier in ("after", "before")


def _resolved(mention: Mention, anchor: Mention) -> str | list[str] | None:
    if _is_year_before(mention):
        return _shifted_period(anchor.value)
    if not isinstance(anchor.value, str) or mention.unit is None:
        return None
    amount = _amount(mention.text)
    if amount is None:
        return None
    sign = 1 if mention.qualifier == "after" else -1
    return _shifted(anchor.value, sign * amount, mention.unit)


def _shifted_period(value: object) -> str | None:
    """The same period a year earlier: a month, quarter or day (after a span or a year, "a
    year earlier" keeps the year before)."""
    if isinstance(value, str) and _PERIOD.fullmatch(value):
        year = int(value[:4]) - 1
        return f"{year:04d}{value[4:]}" if cal.in_range(year) else None
    return None


def _amount(text: str) -> int | None:
    """The count of units an offset names: "drei Tage später" -> 3, "the next day" -> 1."""
    first = text.split()[0].lower()
    if first in ("the", "am", "tags", "that", "later", "noch"):
        return 1
    if first.isdigit():
        return int(first)
    if first in lx.DE_ARTICLE_FORMS or first in ("a", "an", "one"):
        return 1
    number = parse_de_word(first) or parse_en_word(first)
    return int(number) if number is not None and number == int(number) else None


def _shifted(value: str, amount: int, unit: str) -> str | None:
    if unit == "day" and _DAY.fullmatch(value):
        return cal.day_offset(dt.date.fromisoformat(value), amount)
    if unit == "week" and _DAY.fullmatch(value):
        return cal.day_offset(dt.date.fromisoformat(value), 7 * amount)
    if unit == "month" and (_MONTH.fullmatch(value) or _DAY.fullmatch(value)):
        return cal.shift(dt.date(int(value[:4]), int(value[5:7]), 1), amount, "month")
    if unit == "year" and (_YEAR.fullmatch(value[:4]) and value[:4].isdigit()):
        return cal.iso_year(int(value[:4]) + amount)
    return None
