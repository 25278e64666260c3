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
from collections import Counter
from dataclasses import dataclass, field
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
    """The events of the built package with their claims, grown by the candidates of one article."""

    def __init__(self, events: dict[str, Event], actors: dict[str, dict[str, Any]], lasting: frozenset[str],
                 taken: set[str]) -> None:  # fmt: skip
        self.events = events
        self.actors = actors
        self.lasting = lasting
        self.taken = taken  # event ids already used
        self.drafted: list[dict[str, Any]] = []  # new events, as draft records

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

    def best(self, new: Claim) -> Match | None:
        """The event whose claims agree with ``new`` most, if any agrees at all."""
        found: Match | None = None
        for event in self.events.values():
            for old in event.claims:
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
        kind most events with a claim of the same table and ``what`` have."""
        if candidate.table == "troop_figures":
            return KIND_OF_MEASURE.get(str(what), "deployment")
        kinds = Counter(
            e.kind
            for e in self.events.values()
            for c in e.claims
            if c.table == candidate.table and c.what == what
        )
        kinds.update(e.kind for e in self.events.values() for c in e.claims if c.table == candidate.table)
        return kinds.most_common(1)[0][0] if kinds else None

    def new_event(self, candidate: Candidate, claim: Claim) -> Event:
        base = str(candidate.fields["id"])
        event_id, n = base, 1
        while event_id in self.taken:
            n += 1
            event_id = f"{base}-{n}"
        self.taken.add(event_id)
        event = Event(event_id, "", self.kind_for(candidate, claim.what), claim.start, claim.end)
        self.events[event_id] = event
        self.drafted.append({"id": event_id, "label": None, "kind": event.kind, "note": None})
        return event


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


def _restated(claim: Claim, before: list[tuple[Claim, Candidate]]) -> Candidate | None:
    """An earlier figure of this article with the same subject, measure and value."""
    if claim.table != "troop_figures" or claim.value is None:
        return None
    key = (claim.table, claim.subject, claim.what, claim.value)
    return next((c for old, c in before if (old.table, old.subject, old.what, old.value) == key), None)


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
    seen: list[tuple[Claim, Candidate]] = []
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
        restated = _restated(claim, seen)
        if restated is not None:
            _flag_restatement(restated, candidate)
        claim.event_id = event.id
        event.claims.append(claim)
        seen.append((claim, candidate))
        candidate.fields = _with_event(candidate.fields, event.id)
        candidate.hints["event_id"] = hint
    return index.drafted


def _with_event(fields: dict[str, Any], event_id: str) -> dict[str, Any]:
    """The fields with ``event_id`` right after ``id``, as curated records list it."""
    out = {"id": fields["id"], "event_id": event_id}
    out.update((k, v) for k, v in fields.items() if k not in out)
    return out
