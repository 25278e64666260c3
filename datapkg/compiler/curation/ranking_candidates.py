"""Draft military rankings: one per rank the extractor finds in a sentence about a ranking.

The ranked country is the party named before the rank in its clause ("North Korea's are ranked
36th", "Nordkorea belegt Platz 36"), else after it ("Auf Platz 2 liegt Russland"), as a state;
the ranking is the one the sentence or the article names (Global Firepower's is known by name),
its edition a year in the sentence, else the publication year; the metric is active personnel
where the sentence counts soldiers, else overall strength. Who publishes the ranking made the
claim.
"""

from __future__ import annotations

import re
from typing import Any

from datapkg.compiler.curation.candidates import Candidate, Draft
from datapkg.compiler.curation.frames import claim_hints, frame, quote_fields
from datapkg.compiler.curation.sentences import Sentence, sentence_at
from datapkg.extract import Mention

_CONTEXT = re.compile(
    r"rank|rangliste|ranking|platz|\brang\b|\bindex\b|firepower|place|position|spot", re.IGNORECASE
)
_PERSONNEL = re.compile(
    r"aktive\w* Soldat|Truppenstärke|Zahl der Soldaten"
    r"|active (?:personnel|troops|soldiers)|troop numbers|manpower",
    re.IGNORECASE,
)
_NAMED = re.compile(
    r"(?:[A-Z][\w-]+ )+(?:Ranking|Index|Rangliste)|(?:Ranking|Index|Rangliste) (?:[A-Z][\w-]+ ?)+"
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_GFP = "Global Firepower Military Strength Ranking"


def ranking_candidates(draft: Draft) -> list[Candidate]:
    out = []
    for mention in draft.mentions:
        if mention.kind != "rank" or not isinstance(mention.value, int):
            continue
        sentence = sentence_at(draft.sentences, mention.start)
        if sentence is not None and _CONTEXT.search(sentence.text):
            out.append(_candidate(draft, mention, sentence))
    return out


def _ranking(draft: Draft, sentence: Sentence) -> str | None:
    """The ranking the sentence names, else the one the article names."""
    return _named_ranking(sentence.text) or _article_ranking(draft)


def _named_ranking(text: str) -> str | None:
    if "firepower" in text.lower():
        return _GFP
    named = _NAMED.search(text)
    return named.group().strip() if named else None


def _article_ranking(draft: Draft) -> str | None:
    found = draft.once("ranking", lambda: _named_ranking(draft.text))  # every rank of a long text asks
    return str(found) if found is not None else None


def _country(draft: Draft, clause: Sentence, mention: Mention, speaker: tuple[int, int]) -> str | None:
    refs = [
        r
        for r in draft.refs(clause.start, clause.end)
        if r.country
        and not (speaker[0] <= r.start < speaker[1])
        and (draft.index.actors.get(r.actor or "") or {}).get("kind")
        not in ("media", "research_organisation")
    ]
    before = [r for r in refs if r.end <= mention.start]
    ref = before[-1] if before else (refs[0] if refs else None)
    if ref is None or ref.country is None:
        return None
    return draft.index.state_of(ref.country) or draft.propose("state", ref.country, "", ref.start, ref.end)


def _candidate(draft: Draft, mention: Mention, sentence: Sentence) -> Candidate:
    claim = frame(draft, sentence, mention.start, mention.end)
    report = claim.report
    speaker = (report.speaker_start, report.speaker_end) if report else (0, 0)
    country = _country(draft, claim.clause, mention, speaker) or _country(draft, sentence, mention, speaker)
    ranking = _ranking(draft, sentence)
    year = _YEAR.search(sentence.text)
    edition = int(year.group()) if year else draft.published[0].year
    publisher = next(
        (
            draft.index.actor_of(r)
            for r in draft.refs(sentence.start, sentence.end)
            if (draft.index.actors.get(r.actor or "") or {}).get("kind") in ("media", "research_organisation")
        ),
        None,
    )
    publisher = publisher or draft.recent_speaker(sentence.start, "media")  # "das Fachmagazin"
    attributed = publisher or claim.attributed_to
    status = "reported" if attributed and claim.status == "stated" else claim.status
    fields: dict[str, Any] = {
        "id": "-".join(["ranking", str(edition), (country or "country"), str(mention.value)]),
        "country": country,
        "ranking": ranking,
        "edition": edition,
        "metric": "active_personnel" if _PERSONNEL.search(sentence.text) else "military_strength",
        "rank": mention.value,
        "qualifier": "exact",
        "rank_basis": "stated",
        **quote_fields(draft, claim),
        "claim_status": status,
        "attributed_to": attributed,
        "note": None,
    }
    hints = {k: v for k, v in claim_hints(draft, claim).items() if k != "date"}
    if ranking is None:
        hints["ranking"] = "the text does not name the ranking: its name in English"
    if not year:
        hints["edition"] = "no year in the sentence: the publication year; check the ranking's edition"
    if country is None:
        hints["country"] = "the text does not say which country holds this place: an actor id"
    return Candidate("military_rankings", fields, claim.quote.start, hints)
