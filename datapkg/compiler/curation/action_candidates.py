"""Draft dated actions: one per sentence with a date and an actor that acts."""

from __future__ import annotations

import re
from typing import Any

from datapkg.compiler.curation.candidates import Candidate, DateGuess, Draft, date_in, status_of
from datapkg.compiler.curation.lexicon import ACTION_VERBS
from datapkg.compiler.curation.sentences import Sentence


def action_candidates(draft: Draft) -> list[Candidate]:
    out = []
    for sentence in draft.sentences:
        date = date_in(draft, sentence)
        if date is None:
            continue
        actors = _actors(draft, sentence)
        kind = action_type(draft, sentence)
        if actors and kind:  # a date and a name without a verb of the vocabulary is seldom an action
            out.append(_candidate(draft, sentence, date, actors, kind))
    return out


def _actors(draft: Draft, sentence: Sentence) -> list[str]:
    """Actors named in the sentence, in order, each once; adjectives name no actor."""
    found: list[str] = []
    for ref in draft.refs(sentence.start, sentence.end):
        actor = draft.index.actor_of(ref)
        if ref.kind != "adjective" and actor and actor not in found:
            found.append(actor)
    return found


def action_type(draft: Draft, sentence: Sentence) -> str | None:
    """The first action type of the vocabulary whose verb the sentence uses."""
    hits = []
    for type_id, pattern in ACTION_VERBS[draft.lang]:
        m = re.search(rf"\b(?:{pattern})\b", sentence.text, re.IGNORECASE)
        if m and type_id in draft.action_types:
            hits.append((m.start(), type_id))
    return min(hits)[1] if hits else None


def _candidate(draft: Draft, sentence: Sentence, date: DateGuess, actors: list[str], kind: str) -> Candidate:
    said = draft.said(sentence)
    day = date.value if not isinstance(date.value, list) else date.value[0]
    fields: dict[str, Any] = {
        "id": "-".join([actors[0], kind, str(day)]),
        "actor": actors[0],
        "target": actors[1] if len(actors) > 1 else None,
        "action_type": kind,
        "description_en": None,
        "location": None,
        "date": date.value,
        "date_basis": date.basis,
        "date_text": date.text,
        "quote": sentence.text,
        "quote_en": None,
        "claim_status": status_of(draft, sentence, sentence, date, said),
        "attributed_to": said.actor if said else None,
        "note": None,
    }
    hints = {
        "description_en": "one English sentence: who does what to whom",
        "quote_en": "translate the quote",
    }
    hints["action_type"] = "guessed from the verb: check it against action_types.yaml"
    return Candidate("diplomatic_actions", fields, sentence.start, hints)
