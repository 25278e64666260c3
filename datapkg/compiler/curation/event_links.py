"""The event each draft candidate is most likely about, with the reason: curators link claims
to the events the package already has instead of inventing new ones.

A candidate is compared with every claim of the built package (``datapkg/data``) and with the
candidates before it in the same article, through the columns every fact table shares as a
claim (:mod:`datapkg.checks.claims`): whom it is about, its counterpart or place, what it
says, its number and dates. Each agreement adds to a score (``WEIGHTS``); a single act (a
signing, a summons) dated apart from the candidate is another act. The event of the best
match is proposed when the score reaches ``THRESHOLD``, else a new event is drafted, with its
kind taken from the events the same kind of claim already belongs to. A figure that repeats
one before it in the same article (same subject, measure and value) is flagged as a likely
restatement.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import pyarrow.parquet as pq

from datapkg._names import FACT_TABLES, ResourceName
from datapkg.checks.claims import table_claims
from datapkg.compiler.curation.candidates import Candidate
from datapkg.compiler.inputs.dates import DateFormError, expand_date
from datapkg.compiler.layout import Layout
from datapkg.schema.specs import TableSpec

THRESHOLD = 5
WEIGHTS = {
    "same kind of claim": 1,
    "same subject": 3,
    "subject of the same country": 2,
    "same counterpart": 2,
    "counterpart of the same country": 1,
    "same place": 2,
    "same action": 3,
    "same measure": 2,
    "a deployment and a plan for one": 1,
    "same value": 2,
    "dates overlap": 2,
    "dates within four months": 1,
    "a single act on other dates": -6,
}
NEAR = dt.timedelta(days=122)
DEPLOYMENT_MEASURES = frozenset({"deployed", "planned_deployment"})
KIND_OF_MEASURE = {"active_personnel": "force_size", "casualties": "casualties"}


@dataclass
class Claim:
    """A claim as the comparison sees it: an existing fact row or a candidate of this article."""

    id: str
    event_id: str
    table: str
    subject: str | None
    counterpart: str | None
    what: str | None
    location: str | None
    value: Any
    start: dt.date | None
    end: dt.date | None
    source: str | None = None  # None for a candidate of this article


@dataclass
class Event:
    id: str
    label: str
    kind: str | None
    start: dt.date | None = None
    end: dt.date | None = None
    claims: list[Claim] = field(default_factory=list)


@dataclass(frozen=True)
class Match:
    event: Event
    score: int
    reasons: list[str]
    claim: Claim


def _span(value: Any) -> tuple[dt.date | None, dt.date | None]:
    """First and last day of a records file's date, as the build expands it (none when it has none
    or the draft's date is not one the build accepts)."""
    if value is None:
        return None, None
    try:
        span = expand_date(value)
    except DateFormError:
        return None, None
    return span.start, span.end


class EventIndex:
    """The events of the built package with their claims, grown by the candidates of one article.

    Claims are filed by whom they are about (the subject's country, else the subject), since
    only those agree at all, and within an event by what they say apart from their value: the
    comparisons per candidate then do not grow with the article. Of the events this article
    adds to, the ``RECENT`` it added to last are compared, and as many with a claim of the same
    kind, subject and what, and on the same first day (an article with more events about one
    country than that is far beyond any news text), besides every event of the package.
    """

    RECENT = 64

    def __init__(self, events: dict[str, Event], actors: dict[str, dict[str, Any]], lasting: frozenset[str],
                 taken: set[str]) -> None:  # fmt: skip
        self.events: dict[str, Event] = {}
        self.actors = actors
        self.lasting = lasting
        self.taken = taken  # event ids already used
        self.drafted: list[dict[str, Any]] = []  # new events, as draft records
        self._position: dict[str, int] = {}
        self._package: dict[Any, list[str]] = {}  # subject key -> events of the package
        self._recent: dict[Any, OrderedDict[str, None]] = {}  # subject key -> events added to, last last
        self._groups: dict[tuple[Any, str], dict[tuple[Any, ...], _Group]] = {}
        self._kinds: dict[
            Any, dict[str | None, list[int]]
        ] = {}  # (table, what) or table -> kind -> [n, first]
        self._suffixes: dict[str, int] = {}
        for event in events.values():
            claims, event.claims = event.claims, []
            self._add_event(event)
            for claim in claims:
                self.add_claim(event, claim, package=True)

    @classmethod
    def built(
        cls, layout: Layout, specs: dict[ResourceName, TableSpec], actors: dict[str, dict[str, Any]]
    ) -> EventIndex:
        """The package as last built in ``layout`` (none of it when nothing is built yet)."""
        lasting = frozenset(specs["events"].field("kind").descriptor.get("x-lasting", ()))
        path = layout.data_dir / "events.parquet"
        if not path.is_file():
            return cls({}, actors, lasting, set())
        events = {
            str(r["id"]): Event(str(r["id"]), str(r["label"]), r["kind"], r["date_start"], r["date_end"])
            for r in pq.read_table(path).to_pylist()
        }
        for name in FACT_TABLES:
            table_path = layout.data_dir / f"{name}.parquet"
            if not table_path.is_file():
                continue
            for row in table_claims(name, specs[name], pq.read_table(table_path)).to_pylist():
                event = events.get(str(row["event_id"]))
                if event is not None:
                    event.claims.append(_claim_of_row(name, row))
        return cls(events, actors, lasting, set(events))

    def _add_event(self, event: Event) -> None:
        self._position[event.id] = len(self._position)
        self.events[event.id] = event

    def _subject_key(self, subject: str | None) -> Any:
        """What a claim is filed under: its subject's country, else its subject."""
        country = self._country(subject)
        return ("country", country) if country else ("subject", subject) if subject else None

    def add_claim(self, event: Event, claim: Claim, package: bool = False) -> None:
        """File ``claim`` as one of ``event``'s."""
        event.claims.append(claim)
        for counts in (
            self._kinds.setdefault((claim.table, claim.what), {}),
            self._kinds.setdefault(claim.table, {}),
        ):
            count = counts.setdefault(event.kind, [0, self._position[event.id]])
            count[0] += 1
            count[1] = min(count[1], self._position[event.id])
        key = self._subject_key(claim.subject)
        if key is None:
            return
        groups = self._groups.setdefault((key, event.id), {})
        if not groups and package:
            self._package.setdefault(key, []).append(event.id)
        elif event.id not in self._package.get(key, ()):
            for recent in (
                self._recent.setdefault(key, OrderedDict()),
                self._recent.setdefault((claim.table, claim.subject, claim.what), OrderedDict()),
                self._recent.setdefault((claim.table, claim.subject, claim.what, event.start), OrderedDict()),
            ):
                recent[event.id] = None
                recent.move_to_end(event.id)
        signature = (claim.table, claim.subject, claim.counterpart, claim.what, claim.location)
        group = groups.setdefault(signature, _Group(claim))
        group.by_value.setdefault(_hashable(claim.value), claim)

    def _country(self, actor: str | None) -> str | None:
        return None if actor is None else self.actors.get(actor, {}).get("country")

    def _place(self, claim: Claim) -> str | None:
        """Where a claim is: its location, or for a transfer the country it goes to."""
        if claim.location:
            return claim.location.lower()
        if claim.table == "arms_transfers" and claim.counterpart:
            return str(self.actors.get(claim.counterpart, {}).get("name_en", "")).lower() or None
        return None

    def _agreement(self, new: Claim, old: Claim) -> list[str]:
        """What two claims agree on; nothing unless they are about the same actor or country."""
        reasons = []
        if new.subject and new.subject == old.subject:
            reasons.append("same subject")
        elif self._country(new.subject) and self._country(new.subject) == self._country(old.subject):
            reasons.append("subject of the same country")
        if new.counterpart and new.counterpart == old.counterpart:
            reasons.append("same counterpart")
        elif self._country(new.counterpart) and self._country(new.counterpart) == self._country(
            old.counterpart
        ):
            reasons.append("counterpart of the same country")
        if self._place(new) and self._place(new) == self._place(old) and new.table == "troop_figures":
            reasons.append("same place")
        if new.what and new.what == old.what:
            reasons.append("same action" if new.table == "diplomatic_actions" else "same measure")
        elif {new.what, old.what} <= DEPLOYMENT_MEASURES:
            reasons.append("a deployment and a plan for one")
        if new.value is not None and new.value == old.value and new.what == old.what:
            reasons.append("same value")
        if not {"same subject", "subject of the same country"} & set(reasons):
            return []  # a claim about someone else's doing is another thing, whatever else agrees
        if new.table == old.table:
            reasons.insert(0, "same kind of claim")
        return reasons

    def _dates(self, new: Claim, event: Event) -> list[str]:
        if new.start is None or new.end is None or event.start is None or event.end is None:
            return []
        if new.start <= event.end and event.start <= new.end:
            return ["dates overlap"]
        if event.kind not in self.lasting:
            return ["a single act on other dates"]
        gap = max(new.start - event.end, event.start - new.end)
        return ["dates within four months"] if gap <= NEAR else []

    def _compared(self, key: Any, new: Claim) -> list[str]:
        """The events a claim filed under ``key`` is compared with, in the order they were made:
        the package's, and of this article's the latest about the same country or subject, the
        latest with a claim of the same kind, subject and what, and those of them that start
        on the same day."""
        compared = set(self._package.get(key, ()))
        same = (new.table, new.subject, new.what)
        for recent in (self._recent.get(key), self._recent.get(same), self._recent.get((*same, new.start))):
            compared.update(islice(reversed(recent or {}), self.RECENT))
        return sorted(compared, key=self._position.__getitem__)

    def best(self, new: Claim) -> Match | None:
        """The event whose claims agree with ``new`` most, if any agrees at all."""
        key = self._subject_key(new.subject)
        if key is None:
            return None
        found: Match | None = None
        for event_id in self._compared(key, new):
            event = self.events[event_id]
            for group in self._groups[(key, event_id)].values():
                old = (
                    group.by_value.get(_hashable(new.value), group.first)
                    if new.value is not None
                    else group.first
                )
                reasons = self._agreement(new, old)
                if not reasons:
                    continue
                reasons += self._dates(new, event)
                score = sum(WEIGHTS[r] for r in reasons)
                better = found is None or (score, len(event.claims)) > (found.score, len(found.event.claims))
                if better:
                    found = Match(event, score, reasons, old)
        return found

    def kind_for(self, candidate: Candidate, what: str | None) -> str | None:
        """The kind of event such a claim belongs to: by its measure for troop figures, else the
        kind most events with a claim of the same table and ``what`` have; only when no event has
        such a claim, the kind most events of the table have. (Counts of the whole table never
        outvote the same ``what``: a table full of agreements says nothing about a summons.)"""
        if candidate.table == "troop_figures":
            return KIND_OF_MEASURE.get(str(what), "deployment")
        counts = self._kinds.get((candidate.table, what)) or self._kinds.get(candidate.table, {})
        if not counts:
            return None
        # Ties go to the kind seen first, by event order.
        return max(counts, key=lambda k: (counts[k][0], -counts[k][1]))

    def new_event(self, candidate: Candidate, claim: Claim) -> Event:
        base = str(candidate.fields["id"])
        event_id, n = base, self._suffixes.get(base, 1)
        if n > 1:
            event_id = f"{base}-{n}"
        while event_id in self.taken:
            n += 1
            event_id = f"{base}-{n}"
        self._suffixes[base] = n
        self.taken.add(event_id)
        event = Event(event_id, "", self.kind_for(candidate, claim.what), claim.start, claim.end)
        self._add_event(event)
        self.drafted.append({"id": event_id, "label": None, "kind": event.kind, "note": None})
        return event


@dataclass
class _Group:
    """An event's claims that say the same apart from their value: the first, and the first of each value."""

    first: Claim
    by_value: dict[Any, Claim] = field(default_factory=dict)


def _hashable(value: Any) -> Any:
    return tuple(map(_hashable, value)) if isinstance(value, list) else value


def _claim_of_row(table: str, row: dict[str, Any]) -> Claim:
    r = row
    return Claim(r["id"], r["event_id"], table, r["subject"], r["counterpart"], r["what"], r["location"],
                 r["value"], r["date_start"], r["date_end"], r["source_id"])  # fmt: skip


def _claim_of(candidate: Candidate, spec: TableSpec) -> Claim:
    role = spec.descriptor.get("x-claim", {})
    fields = candidate.fields
    start, end = _span(fields.get("date"))
    return Claim(
        str(fields["id"]), "", candidate.table, fields.get(role.get("subject", "")),
        fields.get(role.get("counterpart", "")), fields.get(role.get("what", "")), fields.get("location"),
        fields.get(role.get("value", "value")), start, end,
    )  # fmt: skip


def _figure_key(claim: Claim) -> tuple[Any, ...] | None:
    """What makes two figures of this article one figure: subject, measure and value."""
    if claim.table != "troop_figures" or claim.value is None:
        return None
    return (claim.table, claim.subject, claim.what, _hashable(claim.value))


def _evidence(candidate: Candidate) -> tuple[bool, bool, bool]:
    """How much a figure's record says beyond its number: who said it, a date of its own, a place."""
    fields = candidate.fields
    said = fields.get("attributed_to") is not None
    return said, fields.get("date_basis") not in (None, "publication"), fields.get("location") is not None


def _flag_restatement(first: Candidate, again: Candidate) -> None:
    """Of two records of one figure, the one that says less (of equals, the later) is the repeat."""
    repeat, kept = (first, again) if _evidence(first) < _evidence(again) else (again, first)
    repeat.hints["id"] = (
        f"likely a restatement of {kept.fields['id']} (same subject, measure and value), which says more: "
        "keep that record, and list this mention under ignored_mentions with that reason"
    )


def _reason(match: Match) -> str:
    where = f", source {match.claim.source}" if match.claim.source else ", above"
    said = ", ".join(match.reasons)
    restated = " (a restatement?)" if "same value" in match.reasons else ""
    name = match.event.label or match.event.id
    return f"existing event '{name}': {said} as {match.claim.id}{where}{restated}; keep it, or name another"


def link_events(
    candidates: list[Candidate], index: EventIndex, specs: dict[ResourceName, TableSpec]
) -> list[dict[str, Any]]:
    """Give every candidate an ``event_id`` with its reason as a hint, in order; returns the new
    events drafted for those that match none."""
    first_of: dict[tuple[Any, ...], Candidate] = {}  # the first figure of each subject, measure and value
    for candidate in candidates:
        claim = _claim_of(candidate, specs[candidate.table])  # type: ignore[index]
        match = index.best(claim)
        if match is not None and match.score >= THRESHOLD:
            event, hint = match.event, _reason(match)
        else:
            event = index.new_event(candidate, claim)
            hint = "a new event (drafted under events:); no existing event matches"
            if match is not None:
                hint += f" (nearest: {match.event.id}, {', '.join(match.reasons)})"
        key = _figure_key(claim)
        if key is not None and key in first_of:
            _flag_restatement(first_of[key], candidate)
        elif key is not None:
            first_of[key] = candidate
        claim.event_id = event.id
        index.add_claim(event, claim)
        candidate.fields = _with_event(candidate.fields, event.id)
        candidate.hints["event_id"] = hint
    return index.drafted


def _with_event(fields: dict[str, Any], event_id: str) -> dict[str, Any]:
    """The fields with ``event_id`` right after ``id``, as curated records list it."""
    out = {"id": fields["id"], "event_id": event_id}
    out.update((k, v) for k, v in fields.items() if k not in out)
    return out
