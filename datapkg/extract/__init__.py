"""Find every number and date expression in German or English news text.

>>> from datapkg.extract import extract
>>> [m.as_dict() for m in extract("rund 3.000 Soldaten bis Dezember", lang="de",
...                                ref=__import__("datetime").date(2024, 10, 23))]
... # doctest: +NORMALIZE_WHITESPACE
[{'start': 0, 'end': 10, 'text': 'rund 3.000', 'kind': 'quantity', 'value': 3000,
  'unit': 'Soldaten', 'qualifier': 'approx'},
 {'start': 20, 'end': 32, 'text': 'bis Dezember', 'kind': 'date', 'value': '2024-12',
  'unit': None, 'qualifier': 'by'}]

Rule-based and pure Python: no model, no download. Offsets are Python string
indices, so ``text[m.start:m.end] == m.text`` always holds.
"""

from __future__ import annotations

import datetime as dt
import re

from datapkg.extract.anaphora import resolve_anaphora
from datapkg.extract.datetimes import join_spans, join_times
from datapkg.extract.mention import Context, Mention
from datapkg.extract.patterns import patterns
from datapkg.extract.reference import ReferenceFormError, Window, parse_reference, reference_window
from datapkg.extract.rules import RULES

__all__ = [
    "LANGUAGES",
    "Mention",
    "ReferenceFormError",
    "RuleError",
    "detect_language",
    "extract",
    "parse_reference",
]

LANGUAGES = ("de", "en")
"""The languages the extractor reads (ISO 639-1)."""


class RuleError(AssertionError):
    """A rule yielded a kind of mention it does not declare: a bug in the extractor."""


_DE_HINTS = re.compile(r"(?i)\b(?:der|die|das|und|nicht|ist|sich|mit|auf|für|dem|den|ein|eine)\b")
_EN_HINTS = re.compile(r"(?i)\b(?:the|and|of|to|is|that|with|for|was|on|are|by|this|from)\b")


def detect_language(text: str) -> str:
    """'de' or 'en', by counting common function words."""
    sample = text[:20000]
    return "de" if len(_DE_HINTS.findall(sample)) >= len(_EN_HINTS.findall(sample)) else "en"


def extract(text: str, lang: str | None = None, ref: dt.date | str | Window | None = None) -> list[Mention]:
    """Every number and date expression in ``text``, in order of position.

    ``lang`` is "de" or "en" (detected when omitted); ``ref`` is what relative
    expressions ("im Juli", "an diesem Donnerstag") resolve against: a date, text such
    as "2024-10-23", "2024-10", "2024" or "2024-10-23/2024-10-24", or a pair of dates.
    A window resolves what it determines and leaves the rest open. A date that would
    fall outside the years 1 to 9999 ("vor 800.000 Tagen") has no value; see
    ``datapkg.extract.calendar``.
    Where two candidates overlap, the longer wins; on equal length, the rule
    listed first in ``RULES`` wins (dates before counts).
    """
    language = lang or detect_language(text)
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; expected 'de' or 'en'")
    window = reference_window(ref)
    first, last = window if window is not None else (None, None)
    ctx = Context(text, language, first, patterns(language), last)
    candidates = []
    for priority, rule in enumerate(RULES):
        for mention in rule.find(ctx):
            if mention.kind not in rule.kinds:
                raise RuleError(
                    f"{rule.find.__name__} yielded a {mention.kind!r} mention; it declares {sorted(rule.kinds)}"
                )
            if mention.end > mention.start:
                candidates.append((-(mention.end - mention.start), priority, mention.start, mention))
    candidates.sort(key=lambda c: c[:3])
    taken = bytearray(len(text) + 1)
    chosen = []
    for _, _, _, mention in candidates:
        if any(taken[mention.start : mention.end]):
            continue
        taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        chosen.append(mention)
    return resolve_anaphora(text, join_spans(text, join_times(text, sorted(chosen, key=lambda m: m.start))))
