"""Draft troop figures: one per quantity that counts people under arms.

Whose forces a figure counts is read from its noun phrase first: an adjective or a possessive
at the number ("800 belarussische Soldaten", "North Korea's 10,000 troops"), or a phrase after
the noun ("Soldaten aus Nordkorea", "troops from the North"); else from the subject of its
clause, which is neither the speaker nor a place the clause names after a preposition ("an die
Grenze Polens", "in Russland"); else from the figure before it. The measure comes from the
words of the figure's own clause (``lexicon.MEASURE_CUES``).
"""

from __future__ import annotations

import re
from typing import Any

from datapkg.compiler.curation.actor_names import ActorRef
from datapkg.compiler.curation.candidates import (
    Candidate,
    Draft,
    has_stem,
    is_troop_figure,
    location_of,
    part_of,
    qualifies_people,
    quantity_fields,
)
from datapkg.compiler.curation.frames import Frame, claim_hints, date_fields, frame, quote_fields
from datapkg.compiler.curation.lexicon import CASUALTY_STEMS, MEASURE_CUES, PLACE_PREPOSITIONS, UNIT_STEMS
from datapkg.compiler.curation.sentences import Sentence, sentence_at
from datapkg.compiler.curation.speaker_names import after_preposition
from datapkg.extract import Mention

_MEASURE_SLUGS = {
    "deployed": "troops",
    "planned_deployment": "troops-planned",
    "casualties": "casualties",
    "active_personnel": "active-personnel",
}
_INCREMENT = re.compile(
    r"\b(?:weitere\w*|zusätzliche\w*|more|further|additional|another|of them|von ihnen|davon)\b",
    re.IGNORECASE,
)
# Kinds of reference that can say whose troops: an intelligence service, a ministry, a person or
# an outlet speaks about them, it does not own them ("Der Geheimdienst NIS habe die Zahl … beziffert").
OWNERS = frozenset({"state", "country", "adjective", "armed_force"})
_AFTER_NOUN = {
    "de": re.compile(r"\s+(?:aus|von|der|des)\s+(?:der\s+|dem\s+|den\s+)?"),
    "en": re.compile(r"\s+(?:from|of)\s+(?:the\s+)?"),
}


def troop_candidates(draft: Draft) -> list[Candidate]:
    spans = draft.sentences
    out = []
    for mention in draft.mentions:
        sentence = sentence_at(spans, mention.start)
        if sentence is not None and is_troop_figure(draft, mention, sentence):
            candidate = troop_candidate(draft, mention, sentence)
            if candidate is not None:
                out.append(candidate)
    return out


def troop_candidate(
    draft: Draft, mention: Mention, sentence: Sentence, whose: str | None = None
) -> Candidate | None:
    """The candidate of one figure, or None for a figure its speaker denies (the denial is the
    action); ``whose`` is the country of the forces when the caller read it."""
    claim = frame(draft, sentence, mention.start, mention.end)
    if claim.denied:
        return None
    country = whose or _country_of_forces(draft, claim, mention, sentence)
    force = _force(draft, country) if country else None
    measure = measure_of(draft, mention, claim)
    is_units = bool(mention.unit) and has_stem(mention.unit or "", UNIT_STEMS[draft.lang], draft.lang)
    quantity = quantity_fields(mention)
    fields: dict[str, Any] = {
        "id": "-".join(
            ([country.lower()] if country else [])
            + [_MEASURE_SLUGS[measure], str(quantity["value"] or quantity.get("value_low") or "vague")]
        ),
        "force": force,
        "measure": measure,
        "location": location_of(draft, claim.clause),
        "unit": "units" if is_units else "persons",
        **quantity,
        **date_fields(claim),
        **quote_fields(draft, claim),
        "claim_status": claim.status,
        "attributed_to": claim.attributed_to,
        "note": None,
    }
    hints = {"note": "what a reader should know (optional)", **claim_hints(draft, claim)}
    if force is None:
        hints["force"] = "the text does not say whose forces these are: an actor id from actors.yaml"
    if quantity["value"] is None and "value_low" not in quantity:
        hints["value"] = "the text gives no number: keep it empty (qualifier vague)"
    return Candidate("troop_figures", fields, claim.quote.start, hints)


def _country_of_forces(draft: Draft, claim: Frame, mention: Mention, sentence: Sentence) -> str | None:
    """Whose forces: the figure's words, else the figure before ("weitere 5.000", "3,000 more"
    are more of the same force), else a state announcing its own."""
    owner = owner_of(draft, claim, mention, claim.clause) or owner_of(draft, claim, mention, sentence)
    if owner is not None:
        return owner.country
    if _INCREMENT.search(claim.clause.text):
        return owner_before(draft, sentence, mention.start) or _speaker_country(draft, claim)
    return _speaker_country(draft, claim) or owner_before(draft, sentence, mention.start)


def _force(draft: Draft, country: str) -> str:
    """The country's armed forces, proposed as a new actor when the vocabulary has none."""
    known = draft.index.forces_of(country)
    if known is not None and draft.index.actors[known].get("kind") == "armed_force":
        return known
    return draft.propose("armed_force", country, "armed forces", 0, 0)


def owner_of(draft: Draft, claim: Frame, mention: Mention, span: Sentence) -> ActorRef | None:
    """The reference that says whose figure it is (see the module's docstring)."""
    refs = [r for r in draft.refs(span.start, span.end) if r.country and r.kind in OWNERS]
    speaker = claim.report
    if speaker is not None:
        refs = [r for r in refs if not (speaker.speaker_start <= r.start and r.end <= speaker.speaker_end)]
    noun_end = _noun_end(draft, mention)
    for ref in refs:
        if ref.kind == "adjective" and mention.end <= ref.start < noun_end:
            return ref  # "800 belarussische Soldaten", "10,000 North Korean soldiers"
        if 0 <= mention.start - ref.end <= 3 and draft.text[ref.start : ref.end + 2].rstrip().endswith(
            ("s", "'s", "’s")
        ):
            return ref  # "Nordkoreas 10.000 Soldaten", "North Korea's 10,000 troops"
    after = _AFTER_NOUN[draft.lang].match(draft.text, noun_end)
    if after is not None:
        for ref in refs:
            if after.end() <= ref.start <= after.end() + 25:
                return ref  # "Soldaten aus Nordkorea", "troops of the North Korean army"
        if draft.lang == "en" and draft.text.startswith("North", after.end()):
            return ActorRef(after.end(), after.end() + 5, None, "PRK", "country")  # "from the North"
    # "Die USA beziffern die Zahl der nordkoreanischen Soldaten auf 10.000": an adjective at the
    # counted people before the figure says whose, whoever the subject is.
    for ref in refs:
        if ref.kind == "adjective" and ref.start < mention.start and qualifies_people(draft, ref):
            return ref
    # The subject: named before the figure ("Nordkorea hat 10.000 Soldaten geschickt"); a name
    # after it is an object or a place ("… die russischen Truppen unterstützen").
    for ref in refs:
        if (
            ref.start < mention.start
            and not in_place_phrase(draft, ref, span.start)
            and (ref.kind != "adjective" or qualifies_people(draft, ref))
        ):
            return ref
    # "Mit etwa 1,3 Millionen aktiven Soldaten unterhält Pjöngjang …": the subject after the verb
    later = [r for r in refs if r.kind in ("state", "country") and r.start > mention.start]
    return next(
        (
            r
            for r in later
            if not in_place_phrase(draft, r, span.start) and not after_preposition(draft, 0, r.start)
        ),
        None,
    )


def _speaker_country(draft: Draft, claim: Frame) -> str | None:
    """A state (or its organ) announcing a figure of its own: "Pjöngjang hatte angekündigt, dass
    eine Pionier-Einheit … soll"."""
    actor = claim.report.actor if claim.report else None
    entry = draft.actor(actor)
    if (
        entry.get("kind") in ("state", "government_body", "armed_force", "person")
        and claim.status == "projected"
    ):
        return entry.get("country")
    return None


def _noun_end(draft: Draft, mention: Mention) -> int:
    """Where the counted noun after the number ends ("Soldaten" of "800 belarussische Soldaten")."""
    if not mention.unit:
        return mention.end
    at = draft.text.find(mention.unit, mention.end, mention.end + 80)
    return at + len(mention.unit) if at >= 0 else mention.end


def in_place_phrase(draft: Draft, ref: ActorRef, floor: int) -> bool:
    """Whether a preposition of place opens the phrase the reference ends: "nach Russland", "an
    die Grenze Polens", "in the Kursk region of Russia"."""
    before = draft.text[max(floor, ref.start - 40) : ref.start].lower().split()[-4:]
    places = PLACE_PREPOSITIONS[draft.lang]
    return any(w in places for w in before[-1:]) or (
        len(before) >= 2 and any(w in places for w in before[-3:]) and not any(w in ",;" for w in before)
    )


def measure_of(draft: Draft, mention: Mention, claim: Frame) -> str:
    """Losses, plans, strength or deployment, from the words of the figure's clause."""
    lang = draft.lang
    if mention.unit and has_stem(mention.unit, CASUALTY_STEMS[lang], lang):
        return "casualties"
    part = part_of(draft, claim.clause, mention)  # "… im Einsatz und hat 600.000 verloren"
    for measure, pattern in MEASURE_CUES[lang]:
        if re.search(pattern, part, re.IGNORECASE):
            return measure
    if claim.status == "projected":
        return "planned_deployment"
    sentence = draft.sentences[draft.sentence_number(_sentence_of(draft, mention))]
    if re.search(dict(MEASURE_CUES[lang])["active_personnel"], sentence.text, re.IGNORECASE):
        return "active_personnel"  # "stellt … 1,32 Millionen – und rangiert damit hinter den USA"
    return "deployed"


def _sentence_of(draft: Draft, mention: Mention) -> Sentence:
    found = sentence_at(draft.sentences, mention.start)
    assert found is not None
    return found


def owner_before(draft: Draft, sentence: Sentence, upto: int | None = None) -> str | None:
    """For a figure whose words name no owner ("Up to 3,000 more could follow", "… killed and
    nearly 1,000 wounded"): the country of the nearest troop figure before it, in its sentence
    (before ``upto``) or the three before."""
    upto = sentence.start if upto is None else upto
    spans = draft.sentences
    at = draft.sentence_number(sentence)
    for before in reversed(spans[max(0, at - 5) : at + 1]):  # its own sentence first
        stop = upto if before == sentence else before.end
        for earlier in reversed(draft.mentions_in(before.start, stop)):
            if is_troop_figure(draft, earlier, before):
                claim = frame(draft, before, earlier.start, earlier.end)
                owner = owner_of(draft, claim, earlier, claim.clause) or owner_of(
                    draft, claim, earlier, before
                )
                if owner is not None:
                    return owner.country
    return None
