"""Draft troop figures: one per quantity that counts people under arms."""

from __future__ import annotations

from typing import Any

from datapkg.compiler.curation.actor_names import ActorRef
from datapkg.compiler.curation.candidates import (
    Candidate,
    Draft,
    clause_of,
    date_in,
    has_stem,
    is_troop_figure,
    location_of,
    measure_of,
    owner_ref,
    publication_date,
    quantity_fields,
    status_of,
)
from datapkg.compiler.curation.lexicon import UNIT_STEMS
from datapkg.compiler.curation.sentences import Sentence, sentence_at
from datapkg.extract import Mention

_MEASURE_SLUGS = {
    "deployed": "troops",
    "planned_deployment": "troops-planned",
    "casualties": "casualties",
    "active_personnel": "active-personnel",
}


def troop_candidates(draft: Draft) -> list[Candidate]:
    spans = draft.sentences
    out = []
    for mention in draft.mentions:
        sentence = sentence_at(spans, mention.start)
        if sentence is not None and is_troop_figure(draft, mention, sentence):
            out.append(_candidate(draft, mention, sentence))
    return out


def _candidate(draft: Draft, mention: Mention, sentence: Sentence) -> Candidate:
    clause = clause_of(draft.text, sentence, mention.start, mention.end)
    date = date_in(draft, clause) or publication_date(draft)
    said = draft.said(sentence)
    status = status_of(draft, clause, sentence, date, said)
    owner = (
        owner_ref(draft, clause, mention, said)
        or owner_ref(draft, sentence, mention, said)
        or _owner_before(draft, sentence, mention)
    )
    force = draft.index.forces_of(owner.country) if owner else None
    measure = measure_of(draft, mention, clause, sentence, status)
    is_units = bool(mention.unit) and has_stem(mention.unit or "", UNIT_STEMS[draft.lang], draft.lang)
    quantity = quantity_fields(mention)
    fields: dict[str, Any] = {
        "id": "-".join(
            ([owner.country.lower()] if owner and owner.country else [])
            + [_MEASURE_SLUGS[measure], str(quantity["value"] or quantity.get("value_low") or "vague")]
        ),
        "force": force,
        "measure": measure,
        "location": location_of(draft, clause),
        "unit": "units" if is_units else "persons",
        **quantity,
        "date": date.value,
        "date_basis": date.basis,
        "date_text": date.text,
        "quote": clause.text,
        "quote_en": None,
        "claim_status": status,
        "attributed_to": said.actor if said else None,
        "note": None,
    }
    hints = {"quote_en": "translate the quote", "note": "what a reader should know (optional)"}
    if force is None:
        hints["force"] = "no country is named near the figure: choose the force from actors.yaml"
    if date.basis == "publication":
        hints["date"] = "the text gives no date here: the publication window"
    return Candidate("troop_figures", fields, clause.start, hints)


def _owner_before(draft: Draft, sentence: Sentence, mention: Mention) -> ActorRef | None:
    """For a figure whose sentence names no country ("Up to 3,000 more could follow"): the
    owner of the nearest troop figure in the three sentences before."""
    spans = draft.sentences
    at = draft.sentence_number(sentence)
    for before in reversed(spans[max(0, at - 3) : at]):
        said = draft.said(before)
        for earlier in draft.mentions_in(before.start, before.end):
            if is_troop_figure(draft, earlier, before):
                owner = owner_ref(draft, before, earlier, said)
                if owner is not None:
                    return owner
    return None
