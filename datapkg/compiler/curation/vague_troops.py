"""Draft troop figures that give no number: a clause that moves, stations, expects or loses
troops whose owner it names ("Weitere Truppen aus Nordkorea würden erwartet", "North Korean
troops had been deployed to Kursk", "its units suffered their first losses").

Such a clause is a claim about a force even without a figure (qualifier ``vague``, value
empty). It needs a verb of deployment or loss and a personnel noun whose owner the clause says
(an adjective or genitive before it, "aus X"/"from X" after it), or a word of increment
("weitere", "more") that makes it more of the force named before.
"""

from __future__ import annotations

import re

from datapkg.compiler.curation.candidates import Candidate, Draft, has_stem
from datapkg.compiler.curation.lexicon import (
    CLAUSE_JOINS,
    DEPLOYMENT_VERBS,
    MEASURE_CUES,
    PERSONNEL_CONTEXT_STEMS,
    UNIT_STEMS,
    VAGUE_QUANTIFIERS,
)
from datapkg.compiler.curation.sentences import Sentence
from datapkg.compiler.curation.speakers import segments
from datapkg.compiler.curation.troop_candidates import in_place_phrase, owner_before, troop_candidate
from datapkg.extract import Mention

_WORD = re.compile(r"[\w-]+")
_CONDITION = {
    "de": re.compile(r"\s*(?:sollte|sollten|falls|wenn|ob)\b", re.IGNORECASE),
    "en": re.compile(r"\s*(?:if|should|unless|whether)\b", re.IGNORECASE),
}
_ALONGSIDE = {
    "de": frozenset({"mit", "gegen", "neben", "unter"}),
    "en": frozenset({"with", "against", "alongside", "among"}),
}
_PART = re.compile(r"\b(?:Teil|part|some|einige)\s+(?:der|of the|of)\s+$", re.IGNORECASE)
_DEFINITE = {
    "de": re.compile(r"\b(?:die|diese|dieser|deren|ihre)\s+$", re.IGNORECASE),
    "en": re.compile(r"\b(?:the|these|those|its|their)\s+$", re.IGNORECASE),
}
_FROM = {
    "de": re.compile(r"\s+(?:aus|der|des)\s+(?:der\s+|dem\s+)?"),
    "en": re.compile(r"\s+(?:from|of)\s+(?:the\s+)?"),
}


def vague_troop_candidates(draft: Draft) -> list[Candidate]:
    out = []
    for sentence in draft.sentences:
        if draft.is_headline(sentence):
            continue
        for start, end in _parts(draft, sentence):
            if any(m.kind == "quantity" for m in draft.mentions_in(start, end)):
                continue  # a figure with a number is drafted from its mention
            found = _vague_figure(draft, sentence, start, end)
            if found is not None:
                out.append(found)
    return out


def _parts(draft: Draft, sentence: Sentence) -> list[tuple[int, int]]:
    """The sentence's segments, each cut where a clause joins ("… to send more soldiers | after
    its units suffered their first losses")."""
    out = []
    for start, end in segments(draft.text, sentence, draft.lang):
        left, conditional = start, False
        for m in re.finditer(CLAUSE_JOINS[draft.lang], draft.text[start:end]):
            if not conditional:
                out.append((left, start + m.start()))
            left = start + m.end()
            conditional = _CONDITION[draft.lang].match(m.group()) is not None  # "… if troops joined"
        if not conditional:
            out.append((left, end))
    return [(a, b) for a, b in out if b > a]


def _vague_figure(draft: Draft, sentence: Sentence, start: int, end: int) -> Candidate | None:
    words = draft.text[start:end]
    lang = draft.lang
    casualties = re.search(dict(MEASURE_CUES[lang])["casualties"], words, re.IGNORECASE)
    if not (re.search(DEPLOYMENT_VERBS[lang], words) or casualties):
        return None
    stems = PERSONNEL_CONTEXT_STEMS[lang] + UNIT_STEMS[lang]
    noun = next((m for m in _WORD.finditer(draft.text, start, end) if has_stem(m.group(), stems, lang)), None)
    if (
        noun is None
        or _CONDITION[lang].match(words)
        or (
            _DEFINITE[lang].search(draft.text, max(start, noun.start() - 12), noun.start())
            and not _PART.search(draft.text, max(start, noun.start() - 20), noun.start())
        )
    ):
        return None  # "sollte Pjöngjang Truppen schicken" is a condition; "the troops" a figure told before
    if set(draft.text[max(start, noun.start() - 30) : noun.start()].lower().split()[-3:]) & _ALONGSIDE[lang]:
        return None  # "Seite an Seite mit russischen Soldaten": troops named beside the figure's own
    whose = _whose(draft, start, noun) or _subject(draft, start, noun.start())
    if whose is None and re.search(VAGUE_QUANTIFIERS[lang], draft.text[start : noun.start()], re.IGNORECASE):
        whose = owner_before(draft, sentence) or _owner_in_text(draft, sentence)
    if whose is None:
        return None
    mention = Mention(noun.start(), noun.end(), noun.group(), "quantity", None, noun.group(), "vague")
    return troop_candidate(draft, mention, sentence, whose)


def _whose(draft: Draft, start: int, noun: re.Match[str]) -> str | None:
    """The country an adjective or possessive before the noun names ("nordkoreanische Truppen",
    "its units" aside), or a phrase after it ("Truppen aus Nordkorea", "troops from the North")."""
    for ref in reversed(draft.refs(max(start, noun.start() - 40), noun.start())):
        between = draft.text[ref.end : noun.start()].split()
        if ref.country and len(between) <= 1:
            return ref.country
    after = _FROM[draft.lang].match(draft.text, noun.end())
    if after is not None:
        refs = draft.refs(after.end(), after.end() + 40)
        if refs and refs[0].start == after.end() and refs[0].country:
            return refs[0].country
        if draft.lang == "en" and draft.text.startswith("North", after.end()):
            return "PRK"
    return None


def _subject(draft: Draft, start: int, end: int) -> str | None:
    """A country named before the noun outside a phrase of place: the one that sends or has the
    troops ("Nordkorea solle … Pioniereinheiten schicken", "Pyongyang had decided to send")."""
    speaking = [
        (r.speaker_start, r.speaker_end)
        for r in draft.reports(draft.sentences[draft.sentence_number(_sentence(draft, start))])
    ]
    for ref in draft.refs(start, end):
        if any(a <= ref.start < b for a, b in speaking):
            continue  # "Tokyo's defense ministry believes Pyongyang is preparing …": Tokyo speaks
        kind = draft.actor(ref.actor).get("kind")
        if (
            ref.country
            and ref.kind != "adjective"
            and kind in (None, "state")
            and not in_place_phrase(draft, ref, start)
        ):
            return ref.country
    return None


def _sentence(draft: Draft, offset: int) -> Sentence:
    from datapkg.compiler.curation.sentences import sentence_at

    found = sentence_at(draft.sentences, offset)
    assert found is not None
    return found


def _owner_in_text(draft: Draft, sentence: Sentence) -> str | None:
    """For "its units", "further units": the country whose troops the text counted last."""
    at = draft.sentence_number(sentence)
    for before in reversed(draft.sentences[max(0, at - 5) : at]):
        for m in draft.mentions_in(before.start, before.end):
            if (
                m.kind == "quantity"
                and m.unit
                and has_stem(m.unit, PERSONNEL_CONTEXT_STEMS[draft.lang], draft.lang)
            ):
                refs = [r for r in draft.refs(before.start, before.end) if r.country]
                if refs:
                    return refs[0].country
    return None
