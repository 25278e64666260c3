"""Candidate records for a new source: what a curator would likely record, in the layout of
curated records, each to be reviewed.

- troop figures: every quantity counting people under arms (or a bare number in a
  sentence about troops), with value and qualifier from the mention, ``force`` from the
  country named nearest to it, measure from cue words;
- arms transfers: every sentence naming materiel, with supplier and recipient from
  prepositions ("aus Nordkorea", "an Moskau");
- dated actions: every sentence with a date and an actor that acts.

Each quote is the clause (or, when the clause is short, the sentence) the candidate comes
from, copied from the text, so it equals its slice.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from datapkg.compiler.curation.actor_names import ActorIndex, ActorRef
from datapkg.compiler.curation.cues import Attribution, attribution, claim_status
from datapkg.compiler.curation.lexicon import (
    CASUALTY_STEMS,
    CLAUSE_JOINS,
    DESTINATION_PREPOSITIONS,
    MEASURE_CUES,
    NOT_UNITS,
    PERSONNEL_CONTEXT_STEMS,
    PERSONNEL_STEMS,
    UNIT_STEMS,
)
from datapkg.compiler.curation.sentences import Sentence, sentence_index, sentences
from datapkg.extract import Mention

QUANTITY_QUALIFIERS = ("approx", "more_than", "less_than", "at_least", "up_to", "vague")
_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s[–—-]\s")
_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass
class Candidate:
    table: str
    fields: dict[str, Any]  # in the order a records file lists them
    quote_at: int  # offset of the quote in the text
    hints: dict[str, str] = field(default_factory=dict)  # field -> what the curator should do


@dataclass
class Draft:
    """What the candidates are drawn from."""

    text: str
    lang: str
    mentions: list[Mention]
    index: ActorIndex
    published: tuple[dt.date, dt.date]
    action_types: frozenset[str]
    _refs: dict[tuple[int, int], list[ActorRef]] = field(default_factory=dict, repr=False)
    _said: dict[tuple[int, int], Attribution | None] = field(default_factory=dict, repr=False)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return sentences(self.text)

    @cached_property
    def _by_start(self) -> tuple[list[int], list[int]]:
        order = sorted(range(len(self.mentions)), key=lambda i: self.mentions[i].start)
        return [self.mentions[i].start for i in order], order

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in ``[start, end)``, in the extractor's order (found by
        bisection: a long text has many sentences, each asking this)."""
        starts, order = self._by_start
        inside = order[bisect_left(starts, start) : bisect_left(starts, end)]
        return [self.mentions[i] for i in sorted(inside)]

    def refs(self, start: int, end: int) -> list[ActorRef]:
        """The actor references in ``text[start:end]``; each span is read once, though every
        figure in a sentence asks for it."""
        key = (start, end)
        if key not in self._refs:
            self._refs[key] = self.index.find(self.text, start, end)
        return self._refs[key]

    def said(self, sentence: Sentence) -> Attribution | None:
        """Who the sentence says makes its claim (see :func:`cues.attribution`), read once."""
        key = (sentence.start, sentence.end)
        if key not in self._said:
            self._said[key] = attribution(self.text, sentence, self.lang, self.index)
        return self._said[key]

    def sentence_number(self, sentence: Sentence) -> int:
        """The position of one of :attr:`sentences` in that list."""
        at = sentence_index(self.sentences, sentence.start)
        if at is None or self.sentences[at] != sentence:
            raise ValueError(f"not a sentence of the text: {sentence.text!r}")
        return at


def clause_of(text: str, sentence: Sentence, start: int, end: int) -> Sentence:
    """The clause of ``sentence`` around ``text[start:end]``, or the sentence when the clause
    has fewer than four words."""
    left, right = sentence.start, sentence.end
    for m in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1] in " .,;:":
        right -= 1
    clause = Sentence(left, right, text[left:right])
    return clause if len(clause.text.split()) >= 4 else sentence


@dataclass(frozen=True)
class DateGuess:
    value: Any  # as a records file writes it: a date, "YYYY-MM", a year, or a two-item span
    basis: str
    text: str | None
    after_publication: bool
    mention: Mention | None = None


def _iso_value(value: str) -> Any:
    """An ISO day, month or year as a records file writes it."""
    if len(value) == 10:
        return dt.date.fromisoformat(value)
    return int(value) if len(value) == 4 else value


def _bounds(value: str) -> tuple[dt.date, dt.date]:
    """First and last day of an ISO day, month or year."""
    if len(value) == 10:
        day = dt.date.fromisoformat(value)
        return day, day
    year = int(value[:4])
    if len(value) == 7:
        month = int(value[5:7])
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def date_in(draft: Draft, span: Sentence) -> DateGuess | None:
    """The first date the extractor resolved inside ``span`` (days, months, years, spans of them)."""
    for m in draft.mentions_in(span.start, span.end):
        if m.kind != "date":
            continue
        values = m.value if isinstance(m.value, list) else [m.value]
        if (
            not all(isinstance(v, str) and _ISO.match(v) for v in values)
            or len({len(v) for v in values}) != 1
        ):
            continue
        value = [_iso_value(v) for v in values] if len(values) == 2 else _iso_value(values[0])
        relative = not re.search(r"\d|" + "|".join(_MONTH_WORDS), m.text.lower())
        future = m.qualifier == "by" or _bounds(values[0])[0] > draft.published[1]
        return DateGuess(value, "resolved" if relative else "stated", m.text, future, m)
    return None


_MONTH_WORDS = (
    "jan",
    "feb",
    "mär",
    "apr",
    "mai",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "okt",
    "oct",
    "nov",
    "dez",
    "dec",
)


def publication_date(draft: Draft) -> DateGuess:
    earliest, latest = draft.published
    return DateGuess(earliest if earliest == latest else [earliest, latest], "publication", None, False)


def owner_ref(draft: Draft, span: Sentence, mention: Mention, said_by: Attribution | None) -> ActorRef | None:
    """The reference that says whose figure it is: an adjective right at the number
    ("3.000 nordkoreanische Soldaten"), else the first country or actor in the span that is
    neither the speaker nor a destination ("nach Russland")."""
    refs = [r for r in draft.refs(span.start, span.end) if r.country]
    if said_by is not None:
        refs = [r for r in refs if not (r.start >= said_by.start and r.end <= said_by.end)]
    for ref in refs:
        if ref.kind == "adjective" and (
            0 <= ref.start - mention.end <= 3 or 0 <= mention.start - ref.end <= 3
        ):
            return ref
    destinations = DESTINATION_PREPOSITIONS[draft.lang]
    for ref in refs:
        before = draft.text[max(span.start, ref.start - 12) : ref.start].lower().split()
        if (before and before[-1] in destinations) or (len(before) > 1 and before[-2] in destinations):
            continue
        if ref.kind == "adjective" and not _before_personnel(draft, ref):
            continue  # "des ukrainischen Geheimdienstes" says whose service, not whose troops
        return ref
    return None


def _before_personnel(draft: Draft, ref: ActorRef) -> bool:
    """Whether an adjective qualifies people under arms ("nordkoreanische Soldaten")."""
    following = draft.text[ref.end : ref.end + 40].split()[:2]  # "-Soldaten" of "US-Soldaten" counts
    stems = PERSONNEL_STEMS[draft.lang] + UNIT_STEMS[draft.lang]  # "russische Einheiten"
    return any(has_stem(w, stems, draft.lang) for w in following)


def has_stem(word: str, stems: tuple[str, ...], lang: str) -> bool:
    """German compounds carry the stem inside ("Elitesoldaten"); English words start with it."""
    w = word.lower()
    return any(s in w for s in stems) if lang == "de" else any(w.startswith(s) for s in stems)


def is_troop_figure(draft: Draft, mention: Mention, sentence: Sentence) -> bool:
    """A quantity whose noun counts people under arms; a number without a noun ("bis Dezember
    könnten es 10.000 sein", "3,000 more") when its sentence or the one before is about troops."""
    if mention.kind != "quantity":
        return False
    lang = draft.lang
    unit = mention.unit or ""
    if unit and unit.lower() not in NOT_UNITS and not (lang == "de" and unit[:1].islower()):
        return any(
            has_stem(unit, stems[lang], lang) for stems in (PERSONNEL_STEMS, CASUALTY_STEMS, UNIT_STEMS)
        )
    spans = draft.sentences
    at = draft.sentence_number(sentence)
    context = " ".join(s.text for s in spans[max(0, at - 1) : at + 1])
    return any(has_stem(w, PERSONNEL_CONTEXT_STEMS[lang], lang) for w in context.split())


def _part_of(draft: Draft, clause: Sentence, mention: Mention) -> str:
    """The part of a clause around the mention, between words that join clauses ("und")."""
    left, right = clause.start, clause.end
    for m in re.finditer(CLAUSE_JOINS[draft.lang], draft.text[clause.start : clause.end]):
        if clause.start + m.end() <= mention.start:
            left = clause.start + m.end()
        elif clause.start + m.start() >= mention.end:
            right = clause.start + m.start()
            break
    return draft.text[left:right]


def measure_of(draft: Draft, mention: Mention, clause: Sentence, sentence: Sentence, status: str) -> str:
    """Losses, strength or deployment, from the cue words of the figure's own part of the clause
    (strength also from the sentence: "stellt ... 1,32 Millionen – knapp hinter den USA")."""
    lang = draft.lang
    if mention.unit and has_stem(mention.unit, CASUALTY_STEMS[lang], lang):
        return "casualties"
    part = _part_of(draft, clause, mention)
    for measure, pattern in MEASURE_CUES[lang]:
        if re.search(pattern, part, re.IGNORECASE):
            return measure
    if re.search(dict(MEASURE_CUES[lang])["active_personnel"], sentence.text, re.IGNORECASE):
        return "active_personnel"
    return "planned_deployment" if status == "projected" else "deployed"


def quantity_fields(mention: Mention) -> dict[str, Any]:
    """value, bounds and qualifier as the mention gives them."""
    if isinstance(mention.value, list) and len(mention.value) == 2:
        low, high = mention.value
        return {"value": None, "value_low": low, "value_high": high, "qualifier": "approx"}
    if mention.value is None:
        return {"value": None, "qualifier": "vague"}
    qualifier = mention.qualifier if mention.qualifier in QUANTITY_QUALIFIERS else "exact"
    return {"value": mention.value, "qualifier": qualifier}


def location_of(draft: Draft, span: Sentence) -> str | None:
    """Where a span sends or places forces: the first country after a destination preposition
    ("nach Russland"), in English."""
    destinations = DESTINATION_PREPOSITIONS[draft.lang]
    for ref in draft.refs(span.start, span.end):
        before = draft.text[max(span.start, ref.start - 12) : ref.start].lower().split()
        if ref.kind != "adjective" and before and before[-1] in destinations:
            actor = draft.index.actors.get(draft.index.actor_of(ref) or "")
            if actor is not None and actor.get("kind") == "state":
                return str(actor.get("name_en") or "") or None
    return None


def status_of(
    draft: Draft, clause: Sentence, sentence: Sentence, date: DateGuess | None, said: Attribution | None
) -> str:
    """The clause's own cue first, then the sentence's; an attributed claim is at least reported."""
    status = claim_status(clause.text, draft.lang, date is not None and date.after_publication)
    if status == "stated":
        status = claim_status(sentence.text, draft.lang)
    return "reported" if status == "stated" and said is not None else status
