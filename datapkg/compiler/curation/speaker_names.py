"""Which actor the words of a reporting phrase name (see :mod:`speakers` for the phrases).

The speaker is, in this order: a titled person after every name ("NATO Secretary General Mark
Rutte"), an institution by its building ("the Pentagon"); an actor of the vocabulary; an
institution the phrase describes with a country ("Japan's defence ministry"), which the draft
proposes as a new actor; an actor by a name of its own ("KCNA", "die Staatsagentur Tass"), a
person in apposition; for a spokesperson or a bare institution ("a spokesman", "the
ministry"), the speaker named before it in the text, or an institution of the sentence's
country; officials of a country, that country. Otherwise the speaker is left to the curator,
with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from datapkg.compiler.curation.actor_names import ActorRef
from datapkg.compiler.curation.cues import compiled
from datapkg.compiler.curation.lexicon import COUNTRY_NAMES
from datapkg.compiler.curation.sentences import sentence_at
from datapkg.compiler.curation.speaker_words import (
    EN_HEAD_MODIFIERS,
    ONE_SPOKESPERSON,
    PERSON_TITLES,
    PREPOSITIONS,
    SEATS,
    SPEAKER_HEADS,
    SPOKESPEOPLE,
)

if TYPE_CHECKING:
    from datapkg.compiler.curation.candidates import Draft

Found = tuple[str | None, str | None, int, int]  # actor, why, the words naming the speaker
_ACRONYM = re.compile(r"[A-Z]{3,6}")
_NAME_BEFORE = re.compile(r"(?:^|\s)([A-ZÄÖÜ][a-zäöüß]+(?: [A-ZÄÖÜ][a-zäöüß'-]+){1,2})\s*$")
_APPOSITIVE = {
    "de": re.compile(r",\s+([A-ZÄÖÜ][a-zäöüß]+(?:[ -][A-ZÄÖÜ][a-zäöüß'-]+){1,2}),"),
    "en": re.compile(r",\s+([A-Z][a-z]+(?:[ -][A-Z][a-z'-]+){1,2}),"),
}
_WORD = re.compile(r"[\w’'.-]*\w")
_CAMEO_ROLE = {"government_body": "GOV", "armed_force": "MIL", "intelligence_agency": "SPY", "media": "MED",
               "legislature": "LEG", "person": "GOV", "research_organisation": "EDU"}  # fmt: skip


def name_before(draft: Draft, start: int, end: int) -> tuple[int, int] | None:
    """The span of a name that ends ``text[start:end]`` ("…, Matthew Miller")."""
    found = _NAME_BEFORE.search(draft.text[start:end])
    if found is None:
        return None
    first = found.group(1).split()[0]
    skip = len(first) + 1 if len(found.group(1).split()) == 3 and _not_a_name(draft, first) else 0
    return start + found.start(1) + skip, start + found.end(1)


def _not_a_name(draft: Draft, word: str) -> bool:
    """A title or institution word before a name ("State Antony Blinken")."""
    low = word.lower()
    return (
        bool(compiled(PERSON_TITLES[draft.lang]).fullmatch(low))
        or low in EN_HEAD_MODIFIERS
        or head_of(draft.lang, low) is not None
    )


def institution(draft: Draft, word: str) -> tuple[str, str] | None:
    """The kind and English name of an institution a head noun names ("Geheimdienst",
    "ministry"), or None."""
    return head_of(draft.lang, word.lower())


def head_of(lang: str, word: str) -> tuple[str, str] | None:
    for pattern, kind, english in SPEAKER_HEADS[lang]:
        if compiled(pattern).fullmatch(word):
            return kind, english
    return None


@dataclass
class _Phrase:
    """What a speaker's phrase holds: references, words (dates left out) and head nouns."""

    start: int
    end: int
    refs: list[ActorRef]
    words: list[re.Match[str]]
    named: list[ActorRef]  # references to actors (not adjectives)
    heads: Heads

    @property
    def country(self) -> str | None:
        return next((r.country for r in self.refs if r.country), None)

    @property
    def country_refs(self) -> list[ActorRef]:
        return [r for r in self.refs if r.country]


def _phrase(draft: Draft, start: int, end: int, skip: tuple[int, int], places: bool) -> _Phrase:
    """``places``: a reference after a preposition is a place, not a speaker ("In Moskau sagte
    Putin"), unless it says where an institution is ("das Ministerium in Seoul")."""
    refs = [r for r in draft.refs(start, end) if not (r.start >= skip[0] and r.end <= skip[1])]
    if places:
        placed = [r for r in refs if after_preposition(draft, start, r.start)]
        refs = [r for r in refs if r not in placed]
        if placed and not any(r.country for r in refs):  # "das Verteidigungsministerium in Seoul"
            refs += [ActorRef(r.start, r.end, None, r.country, "adjective") for r in placed if r.country]
    dated = [(m.start, m.end) for m in draft.mentions_in(start, end)]
    words = [
        m
        for m in _WORD.finditer(draft.text, start, end)
        if not (m.start() >= skip[0] and m.end() <= skip[1]) and not any(a <= m.start() < b for a, b in dated)
    ]
    named = [r for r in refs if r.actor is not None and r.kind != "adjective"]
    heads: Heads = [
        (m, h)
        for m in words
        if (h := head_of(draft.lang, m.group().lower())) is not None
        and not any(r.start <= m.start() < r.end for r in named)
    ]
    return _Phrase(start, end, sorted(refs, key=lambda r: r.start), words, named, heads)


def speaker_of(
    draft: Draft, start: int, end: int, skip: tuple[int, int] = (0, 0), places: bool = False
) -> Found | None:
    """The speaker a phrase names (see the module's docstring), or None when it names none."""
    phrase = _phrase(draft, start, end, skip, places)
    for read in (_by_person, _by_name, _by_institution, _by_own_name):
        found = read(draft, phrase)
        if found is not None:
            return found
    return _unnamed(draft, phrase)


def _by_person(draft: Draft, phrase: _Phrase) -> Found | None:
    """A titled person after every name ("NATO Secretary General Mark Rutte": NATO says whose),
    or an institution by the building news text names it by ("according to the Pentagon")."""
    person = _titled_person(draft, phrase.words)
    if person is not None and all(r.end <= person[2] for r in phrase.named):
        return person
    people = [r for r in phrase.named if r.kind not in ("state", "country")]
    seat = next((r for r in phrase.refs if draft.text[r.start : r.end] in SEATS), None)
    if seat is not None and seat.country and not people:
        kind, english = SEATS[draft.text[seat.start : seat.end]]
        return draft.propose(kind, seat.country, english, seat.start, seat.end), None, seat.start, seat.end
    return None


def _by_name(draft: Draft, phrase: _Phrase) -> Found | None:
    """An actor of the vocabulary; a state before a head, a title or a spokesperson only says
    whose ("South Korea's adviser X")."""
    others = [r for r in phrase.named if r.kind != "state"]
    named = others or [r for r in phrase.named if not _qualifier(draft, r, phrase.words, phrase.heads)]
    if not named:
        return None
    head = named[-1]  # with its possessor: "South Korea's National Intelligence Service"
    left = min([head.start] + [r.start for r in phrase.refs if r.country and 0 <= head.start - r.end <= 4])
    return head.actor, None, left, head.end


def _by_institution(draft: Draft, phrase: _Phrase) -> Found | None:
    """An institution of a country ("Japan's defence ministry"), proposed when new; an agency
    of intelligence is a service, not a news agency ("Ukraine's military intelligence agency")."""
    if not phrase.heads or phrase.country is None:
        return _titled_person(draft, phrase.words)
    spies = [h for h in phrase.heads if h[1][0] == "intelligence_agency"]
    match, (kind, english) = spies[0] if spies else phrase.heads[-1]
    refs = phrase.country_refs
    left = min([match.start()] + [r.start for r in refs])
    actor = draft.propose(
        kind, phrase.country, _english_head(draft, phrase.words, match, english), left, match.end()
    )
    return actor, None, left, max(match.end(), *(r.end for r in refs))


def _by_own_name(draft: Draft, phrase: _Phrase) -> Found | None:
    """An actor known by a name of its own: an acronym ("the state news agency KCNA"), a name
    after the head ("die Staatsagentur Tass"), a person in apposition ("Russia's ambassador to
    the United Nations, Vassily Nebenzia,")."""
    inside = [m for m in phrase.words if not any(r.start <= m.start() < r.end for r in phrase.refs)]
    name = next((m for m in inside if _ACRONYM.fullmatch(m.group())), None)
    if name is None and phrase.heads and (phrase.heads[-1][1][0] == "media" or draft.lang == "en"):
        after = [m for m in inside if m.start() > phrase.heads[-1][0].end()][
            :1
        ]  # German nouns are all capitalised
        name = after[0] if after and after[0].group()[0].isupper() else None
    if name is not None:
        kind = phrase.heads[-1][1][0] if phrase.heads else "group"
        return draft.propose_named(kind, name.group()), None, name.start(), name.end()
    appositive = _APPOSITIVE[draft.lang].search(draft.text, phrase.start, phrase.end)
    titled = (
        compiled(PERSON_TITLES[draft.lang]).search(draft.text[phrase.start : appositive.start()])
        if appositive
        else None
    )
    if appositive is not None and (phrase.heads or titled):
        actor = draft.propose_person(appositive.group(1), appositive.start(1), appositive.end(1))
        return actor, None, phrase.start, appositive.end(1)
    return None


Heads = list[tuple[re.Match[str], tuple[str, str]]]  # a head noun's word, and its kind and English


def _qualifier(draft: Draft, ref: ActorRef, words: list[re.Match[str]], heads: Heads) -> bool:
    """Whether a state's name stands before the head of the phrase it is in."""
    title = compiled(PERSON_TITLES[draft.lang])
    spoke = compiled(SPOKESPEOPLE[draft.lang])
    return any(
        m.start() >= ref.end and (title.fullmatch(m.group().lower()) or spoke.fullmatch(m.group().lower()))
        for m in words
    ) or any(h.start() >= ref.end for h, _ in heads)


def _unnamed(draft: Draft, phrase: _Phrase) -> Found | None:
    """A speaker named by what it is, not who: "a spokesman" (the speaker named before), "the
    ministry" (of that kind named before, else of the sentence's country), "US officials" (the
    state)."""
    words, heads, country, start = phrase.words, phrase.heads, phrase.country, phrase.start
    spoke = [m for m in words if compiled(SPOKESPEOPLE[draft.lang]).fullmatch(m.group().lower())]
    if spoke or heads:
        at = (spoke or [h for h, _ in heads])[0]
        left = min([at.start()] + [r.start for r in phrase.country_refs])
        right = max([at.end()] + [r.end for r in phrase.country_refs])
        one = any(compiled(ONE_SPOKESPERSON[draft.lang]).fullmatch(m.group().lower()) for m in spoke)
        kind = heads[-1][1][0] if heads else None
        earlier = draft.recent_speaker(start, kind) if kind else None
        home = _sentence_country(draft, start) if heads and country is None else None
        if earlier is None and home is not None:  # "ein Sprecher des Präsidialamts" in a sentence on Seoul
            match, (kind_, english) = heads[-1]
            return draft.propose(kind_, home, english, match.start(), match.end()), None, left, right
        if earlier is None and (one or heads):
            earlier = draft.recent_speaker(start, None)
        if earlier is not None:
            return earlier, None, left, right
        if country is not None and spoke:
            return state_actor(draft, country, left, right), None, left, right
        return None, "the speaker is not named here or before: an actor id, or leave it empty", left, right
    bare = [r for r in phrase.refs if r.kind == "country"]
    if bare:
        ref = bare[0]
        return state_actor(draft, ref.country or "", ref.start, ref.end), None, ref.start, ref.end
    return None


def _sentence_country(draft: Draft, offset: int) -> str | None:
    """The country the sentence names nearest before ``offset``: "…, werde Seoul reagieren,
    kündigte ein Sprecher des Präsidialamts an"."""
    sentence = sentence_at(draft.sentences, offset)
    if sentence is None:
        return None
    named = [
        r.country
        for r in draft.refs(sentence.start, offset)
        if r.country
        and r.kind in ("state", "country")
        and not after_preposition(draft, sentence.start, r.start)
    ]
    return (
        named[-1] if named else None
    )  # the nearest subject: Seoul, not Kyiv, in "Seoul has not sent arms to Kyiv"


def after_preposition(draft: Draft, floor: int, at: int) -> bool:
    before = draft.text[max(floor, at - 12) : at].split()
    return bool(before) and before[-1].lower() in PREPOSITIONS[draft.lang]


def state_actor(draft: Draft, country: str, start: int, end: int) -> str:
    return draft.index.state_of(country) or draft.propose("state", country, "", start, end)


def _english_head(draft: Draft, words: list[re.Match[str]], head: re.Match[str], english: str) -> str:
    """ "defence ministry" for "the defence ministry", "news agency" for "state news agency"."""
    if draft.lang != "en":
        return english
    before = [m.group().lower() for m in words if m.end() <= head.start()][-2:]
    mods = [EN_HEAD_MODIFIERS[w] for w in before if w in EN_HEAD_MODIFIERS]
    return " ".join([*mods, head.group().lower()]) if mods else english


def _titled_person(draft: Draft, words: list[re.Match[str]]) -> Found | None:
    """A person the vocabulary lacks, named after a title: "Verteidigungsminister Boris
    Pistorius", "Defence Minister Gen Nakatani"."""
    title = compiled(PERSON_TITLES[draft.lang])
    for i, m in enumerate(words):
        if not title.fullmatch(m.group().lower()):
            continue
        rest = words[i + 1 : i + 7]
        if (
            len(rest) >= 3
            and rest[0].group().lower() in ("of", "for", "des", "der", "für")
            and rest[1].group()[0].isupper()
        ):
            rest = rest[2:]  # "Secretary of State Antony Blinken"
        name = []
        for n in rest[:3]:
            if (
                not n.group()[0].isupper()
                or title.fullmatch(n.group().lower())
                or head_of(draft.lang, n.group().lower())
            ):
                break
            name.append(n)
        if len(name) >= 2:
            actor = draft.propose_person(
                draft.text[name[0].start() : name[-1].end()], m.start(), name[-1].end()
            )
            return actor, None, m.start(), name[-1].end()
    return None


def titled_persons(draft: Draft, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, actor id) of each person named after a title in ``text[start:end]``."""
    words = list(_WORD.finditer(draft.text, start, end))
    out = []
    while words:
        found = _titled_person(draft, words)
        if found is None:
            break
        actor, _, left, right = found
        out.append((left, right, str(actor)))
        words = [w for w in words if w.start() >= right]
    return out


def proposed_entry(actor_id: str, kind: str, country: str | None, name: str, lang: str) -> dict[str, Any]:
    """A new actor's entry as the actors vocabulary lists it, for the curator to check."""
    entry: dict[str, Any] = {"id": actor_id, "name_en": name}
    if lang == "de" and kind != "person":
        entry["name_de"] = None
    entry.update(kind=kind, country=country, role=None,
                 cameo_code=(country or "") + _CAMEO_ROLE.get(kind, "") if country else None)  # fmt: skip
    return entry


def country_name(code: str) -> str:
    names = COUNTRY_NAMES.get(code, {}).get("en", ())
    return names[0] if names else code
