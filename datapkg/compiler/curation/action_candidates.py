"""Draft dated actions: one per clause whose verb the action vocabulary knows.

The verb gives the action type (``lexicon.ACTION_VERBS``). The actor is the first party its
clause names outside a prepositional phrase (before or after the verb: "Am Montag bestellte das
Auswärtige Amt …"), else the speaker of the sentence for an act of speech; the target is the
next party, or one after "mit"/"gegen"/"with"/"against", or the country of an adjective
("den russischen Botschafter"). Two parties that act together ("Putin und Kim unterzeichneten")
give a record in each direction for actions CAMEO codes both ways. A negated verb ("did not
sign") is no action, except a denial or a refusal. An act of speech is attributed to its actor.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from datapkg.compiler.curation.actor_names import ActorRef
from datapkg.compiler.curation.candidates import Candidate, Draft, has_stem, partner_of
from datapkg.compiler.curation.frames import Frame, claim_hints, date_fields, frame, is_negated, quote_fields
from datapkg.compiler.curation.lexicon import (
    ACTION_VERBS,
    PERSONNEL_STEMS,
    PLACE_PREPOSITIONS,
    RECIPROCAL,
    SPEECH_ACTS,
    TARGET_PREPOSITIONS,
    UNIT_STEMS,
)
from datapkg.compiler.curation.sentences import Sentence
from datapkg.compiler.curation.speaker_names import institution, titled_persons
from datapkg.compiler.curation.speaker_words import (
    EN_HEAD_MODIFIERS,
    PERSON_TITLES,
    PREPOSITIONS,
    PRONOUNS,
    TITLE_ROLES,
)
from datapkg.compiler.curation.speakers import Report, segments

AGREEMENTS = frozenset({"sign-agreement", "ratify-agreement"})
_TITLE = {lang: re.compile(pattern) for lang, pattern in PERSON_TITLES.items()}
_NO_PARTY = frozenset({"media", "research_organisation"})


def action_candidates(draft: Draft) -> list[Candidate]:
    out: list[Candidate] = []
    for sentence in draft.sentences:
        if draft.is_headline(sentence):
            continue  # a headline sums up what the text then says with its date and source
        seen: set[str] = set()
        found: list[Candidate] = []
        subjects: list[ActorRef] = []  # of the segment before: "X arrived …, and held talks with Y"
        for start, end in segments(draft.text, sentence, draft.lang):
            verbs = action_verbs(draft, start, end)
            own = _parties(draft, (start, end), verbs[0][0] if verbs else "")[0]
            # "Blinken, for his part, warned Pyongyang": a segment that opens with its verb has its
            # subject before it, and what it names are objects
            opens = bool(verbs) and bool(subjects) and not draft.text[start : verbs[0][1][0]].strip()
            actors, objects = (subjects, own) if opens else (own or subjects, [])
            for kind, at in verbs:
                if kind in seen or (
                    kind not in ("deny", "reject") and is_negated(draft.text[start:end], draft.lang)
                ):
                    continue
                seen.add(kind)
                found += _candidates(draft, sentence, (start, end), kind, at, actors, objects)
            subjects = actors if opens else (own or subjects)
        out += _strongest(found)
    return out


def _warning_kind(draft: Draft, sentence: Sentence, verb: tuple[int, int], kind: str) -> str:
    """A warning of what follows if something happens threatens ("warned Pyongyang that Seoul
    could rethink … if North Korean troops joined the fighting"); a warning alone criticises."""
    if kind != "criticize" or not re.match(r"(?i)warn", draft.text[verb[0] : verb[1]]):
        return kind
    rest = draft.text[verb[1] : sentence.end]
    return "threaten" if _CONSEQUENCE[draft.lang].search(rest) else kind


_CONSEQUENCE = {
    "de": re.compile(
        r"\b(?:falls|sollte[n]?|wenn)\b[^.]*\b(?:werde|würde|drohe|Konsequenz\w*|Sanktion\w*)|\b(?:werde|würde)\b[^.]*\b(?:falls|sollte[n]?|wenn)\b"
        r"|\b(?:werde|würde|würden)\b[^.]*\b(?:Antwort|Reaktion|Konsequenz\w*|Gegenmaßnahme\w*)"
        r"|\b(?:werde|würde|würden)\b[^.]*\bnach sich ziehen",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:could|would|will)\b[^.]*\bif\b|\bif\b[^.]*\b(?:would|will)\b"
        r"|\b(?:would|will)\b[^.]*\b(?:sanctions?|consequences|respond|retaliat\w*|pay)\b",
        re.IGNORECASE,
    ),
}


def _named_after(draft: Draft, sentence: Sentence, segment: tuple[int, int]) -> list[ActorRef]:
    """A person named in apposition after a segment that ends with a title ("with South Korea's
    acting defense minister, Kim Seon-ho, about …")."""
    words = draft.text[segment[0] : segment[1]].split()
    if not words or not _TITLE[draft.lang].fullmatch(words[-1].lower()):
        return []
    following = [s for s in segments(draft.text, sentence, draft.lang) if s[0] >= segment[1]][:1]
    if not following:
        return []
    start, end = following[0]
    name = draft.text[start:end]
    if not re.fullmatch(r"[A-ZÄÖÜ][\w'-]+(?: [A-ZÄÖÜ][\w'-]+){1,2}", name):
        return []
    known = [r for r in draft.refs(start, end) if r.kind == "person"]
    actor = known[0].actor if known else draft.propose_person(name, start, end)
    return [ActorRef(start, end, actor, None, "person")]


def _strongest(candidates: list[Candidate]) -> list[Candidate]:
    """Of one actor's acts in a sentence, the stronger of each pair in ``PRECEDENCE``: "warned
    that South Korea would respond" threatens and does not also criticise."""
    kinds = {(c.fields["actor"], c.fields["action_type"]) for c in candidates}
    return [
        c
        for c in candidates
        if not any(
            c.fields["action_type"] == weaker and (c.fields["actor"], stronger) in kinds
            for weaker, stronger in PRECEDENCE
        )
    ]


def action_verbs(draft: Draft, start: int, end: int) -> list[tuple[str, tuple[int, int]]]:
    """The action of the span (:func:`action_verb`), and a visit it mentions besides ("warnte
    Seoul bei einem Besuch in Hanoi")."""
    main = action_verb(draft, start, end)
    if main is None:
        return []
    if main[0] in ("visit", "host-visit") and _DEFINITE_VISIT.search(
        draft.text, max(start, main[1][0] - 12), main[1][0]
    ):
        return []  # "During the visit he urged …": the visit told before
    out = [main]
    for kind in ("visit", "host-visit"):
        if main[0] != kind and kind in draft.action_types:
            m = re.search(
                rf"\b(?:{dict(ACTION_VERBS[draft.lang])[kind]})\b", draft.text[start:end], re.IGNORECASE
            )
            if m is not None:
                out.append((kind, (start + m.start(), start + m.end())))
    return out[:2]


def action_verb(draft: Draft, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """The first action type of the vocabulary whose verb the span uses, and where."""
    hits = []
    for type_id, verb in _verbs(draft.lang):
        if type_id not in draft.action_types:
            continue
        m = verb.search(draft.text, start, end)
        if m:
            hits.append((m.start(), type_id, m.end()))
    if not hits:
        return None
    # A signature on a ratification law ratifies ("unterzeichnete das Gesetz zur Ratifizierung"); a
    # warning that announces a response threatens ("warned that Seoul would respond").
    for weaker, stronger in PRECEDENCE:
        if any(h[1] == stronger for h in hits):
            hits = [h for h in hits if h[1] != weaker]
    at, type_id, stop = min(hits)
    return type_id, (at, stop)


@cache
def _verbs(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((t, re.compile(rf"\b(?:{p})\b", re.IGNORECASE)) for t, p in ACTION_VERBS[lang])


_DEFINITE_VISIT = re.compile(r"(?i)\b(?:the|this|that|dem|des|diesem|beim)\s+$")
PRECEDENCE = (
    ("sign-agreement", "ratify-agreement"),
    ("criticize", "threaten"),
    ("make-statement", "deny"),
    ("reject", "deny"),  # "rejects the accusations" denies them
    ("consult", "discuss-by-telephone"),
    ("reject", "consider-policy-option"),  # "schließt … nicht mehr aus": no longer rules it out
    ("appeal-for-policy-change", "reject"),  # "wies die Forderung zurück": the demand is another's
    ("impose-sanctions", "threaten"),  # "would be met with new sanctions" threatens them
)


def _parties(draft: Draft, segment: tuple[int, int], kind: str) -> tuple[list[ActorRef], list[ActorRef]]:
    """(subjects, others): parties outside prepositional phrases, and those after a preposition
    that marks a target (for a visit, also the place visited: "reiste nach Moskau")."""
    subjects: list[ActorRef] = []
    others: list[ActorRef] = []
    targets = TARGET_PREPOSITIONS[draft.lang] | _TARGETS_OF.get(kind, {}).get(draft.lang, frozenset())
    for ref in _with_persons(draft, segment):
        if draft.index.actor_of(ref) is None and ref.kind != "country":
            continue
        entry = draft.index.actors.get(ref.actor or "") or {}
        if entry.get("kind") in _NO_PARTY:
            continue
        preposition = _governing_preposition(draft, segment[0], ref.start)
        names_institution = ref.kind == "adjective" and _actor_id(draft, ref) != draft.index.actor_of(ref)
        if preposition is None or ref.kind == "adjective":
            (others if ref.kind == "adjective" and not names_institution else subjects).append(ref)
        elif preposition in targets:
            others.append(ref)
    return subjects, others


_NOUN_PHRASE_WORDS = frozenset(
    "his her its their our seinem seinen seiner ihrem ihren ihrer dem den der die das des the a an".split()
)


def _governing_preposition(draft: Draft, floor: int, at: int) -> str | None:
    """The preposition that opens the phrase a name ends, looking back over the words a noun
    phrase may hold ("with his US counterpart Lloyd Austin", "mit seinem südkoreanischen
    Amtskollegen Kim")."""
    words = draft.text[max(floor, at - 80) : at].split()[-6:]
    following = "X"  # the word after the one looked at; the name itself is capitalised
    for word in reversed(words):
        low = word.lower().strip(",")
        if low in _PREPOSITIONS[draft.lang]:
            return low
        adjective = (
            draft.lang == "de" and low.endswith(("e", "en", "er", "es", "em")) and following[:1].isupper()
        )
        if not (
            low in _NOUN_PHRASE_WORDS or word[:1].isupper() or _TITLE[draft.lang].fullmatch(low) or adjective
        ):
            return None
        following = word
    return None


# Prepositions that mark the counterpart of some actions only: the place visited, the party
# whose reports are denied ("wies die Berichte aus Kiew zurück", "rejected a call from Seoul").
_TARGETS_OF: dict[str, dict[str, frozenset[str]]] = {
    "visit": {"de": frozenset({"nach", "in", "im"}), "en": frozenset({"to", "in"})},
    "consult": {"de": frozenset({"in", "im"}), "en": frozenset({"in"})},  # "led talks in Pyongyang"
    "negotiate": {"de": frozenset({"in", "im"}), "en": frozenset({"in"})},
    "deny": {"de": frozenset({"aus", "von"}), "en": frozenset({"from", "by"})},
    "reject": {"de": frozenset({"aus", "von"}), "en": frozenset({"from", "by"})},
}
_VISITED = {"de": frozenset({"nach", "in", "im"}), "en": frozenset({"to", "in"})}


def _named_before(draft: Draft, segment: tuple[int, int]) -> list[ActorRef]:
    """People the draft proposed earlier, named again by surname ("Yoon also discussed …"), and
    a pronoun opening the segment ("She had held talks"): the person named last."""
    out = []
    words = list(re.finditer(r"[\w-]+", draft.text[segment[0] : segment[1]]))
    people = [
        (i, str(e.get(n) or "").split())
        for i, e in draft.proposed_actors.items()
        if e.get("kind") == "person"
        for n in ("name_en", "name_de")
    ]
    # a surname stands last, or first in a Korean name ("Yoon" of Yoon Suk Yeol)
    surnames = {name[k]: i for i, name in people if len(name) >= 2 for k in (0, -1)}
    for m in words:
        actor = surnames.get(m.group())
        if actor is not None:
            out.append(ActorRef(segment[0] + m.start(), segment[0] + m.end(), actor, None, "person"))
    pronoun = next((m for m in words[:5] if m.group().lower() in PRONOUNS[draft.lang]), None)
    if pronoun is not None:  # "wo er … traf", "During the visit he urged"
        at = segment[0] + pronoun.start()
        person = draft.person_before(at) or draft.previous_subject(at) or draft.recent_person(at)
        if person is not None:
            out.append(ActorRef(at, at + len(pronoun.group()), person, None, "person"))
    return out


def _with_persons(draft: Draft, segment: tuple[int, int]) -> list[ActorRef]:
    """The segment's references, with titled persons the vocabulary lacks ("Kremlsprecher Dmitri
    Peskow") proposed as new actors."""
    refs = list(draft.refs(*segment)) + _named_before(draft, segment)
    for start, end, actor in titled_persons(draft, *segment):
        if any(r.start < end and start < r.end and r.kind == "person" for r in refs):
            continue
        # "Der ukrainische Verteidigungsminister X", "NATO Secretary General X": whose the title is
        refs = [
            r
            for r in refs
            if not (start <= r.start < end or (r.kind != "person" and _modifies(draft, r, end)))
        ]
        refs.append(ActorRef(start, end, actor, None, "person"))
    people = [r for r in refs if r.kind == "person"]
    refs = [r for r in refs if r.kind == "person" or not any(_modifies(draft, r, p.end) for p in people)]
    return sorted(refs, key=lambda r: r.start)


def _governs(draft: Draft, report: Report, segment: tuple[int, int]) -> bool:
    """Whether a reporting phrase next to a segment reports it ("X hatte erklärt, Südkorea werde
    prüfen"), not a segment after a semicolon or a colon ("Officials say …; Russia denied that")."""
    between = draft.text[min(report.end, segment[1]) : max(report.start, segment[0])]
    return between.strip(" ,").lower() in ("", "that", "dass", "wonach")


def _modifies(draft: Draft, ref: ActorRef, person_end: int) -> bool:
    """Whether a reference only says whose the person after it is: "US-Verteidigungsminister
    Lloyd Austin", "Russia's natural resources minister Alexander Kozlov" (a title stands
    between them, and no preposition)."""
    words = draft.text[ref.end : person_end].replace("-", " ").replace(",", " ").split()
    if not 0 < person_end - ref.end <= 70 or len(words) > 8:
        return False
    return any(_TITLE[draft.lang].fullmatch(w.lower()) for w in words) and not any(
        w.lower() in _PREPOSITIONS[draft.lang] - {"of", "des", "der"} for w in words
    )


# "of" opens no phrase a party hides in: "officials of South Korea's intelligence service met …"
_PREPOSITIONS = {lang: words - {"of"} for lang, words in PREPOSITIONS.items()}


def _actor_id(draft: Draft, ref: ActorRef) -> str:
    """The actor a reference names; a state's name or adjective before the head of an institution
    names that institution ("South Korea's intelligence service", "das japanische
    Verteidigungsministerium")."""
    if ref.kind in ("state", "country", "adjective") and ref.country:
        following = _WORDS_AFTER.match(draft.text, ref.end)
        words = following.group().split() if following else []
        titled = _person_by_title(draft, ref.country, words)
        if titled is not None:
            return titled
        for i, word in enumerate(words):
            found = institution(draft, word)
            if found is None:
                continue
            kind, english = found
            mods = [EN_HEAD_MODIFIERS[w] for w in words[:i] if w in EN_HEAD_MODIFIERS]
            if draft.lang == "en" and mods:
                english = " ".join([*mods, word.lower()])
            return draft.propose(kind, ref.country, english, ref.start, ref.end)
    return draft.index.actor_of(ref) or draft.propose("state", ref.country or "", "", ref.start, ref.end)


def _person_by_title(draft: Draft, country: str, words: list[str]) -> str | None:
    """The one person of the vocabulary the title after a country's name or adjective describes
    ("der russische Präsident", "Russia's president"), unless a name follows the title."""
    words = [w for w in words if w not in ("'s", "’s")]
    if not words:
        return None
    first = words[0].lower().removeprefix("'s").strip(",.")
    pair = " ".join(w.lower() for w in words[:2])
    role = TITLE_ROLES.get(pair) or TITLE_ROLES.get(first)
    if role is None or (
        len(words) > 1 and words[1][:1].isupper() and draft.lang == "en" and pair not in TITLE_ROLES
    ):
        return None
    found = [
        i
        for i, a in draft.index.actors.items()
        if (a.get("kind"), a.get("country")) == ("person", country) and role in str(a.get("role", "")).lower()
    ]
    return found[0] if len(found) == 1 else None


# The words after a state's name that may hold the head of an institution: "'s intelligence service".
_WORDS_AFTER = re.compile(r"(?:['’]s)?(?:\s+[\w-]+){1,3}")


def _content_parties(draft: Draft, sentence: Sentence, segment: tuple[int, int]) -> list[str]:
    """The parties of the segment after a speech act's ("…, that North Korean troops …")."""
    after = [s for s in segments(draft.text, sentence, draft.lang) if s[0] >= segment[1]]
    if not after:
        return []
    troops = _troops_arrive(draft, after[0])  # "… troops had been sent to Russia": Russia is a place
    places = PLACE_PREPOSITIONS[draft.lang]
    return [
        _actor_id(draft, r)
        for r in draft.refs(*after[0])
        if (r.country or draft.index.actor_of(r))
        and not (troops and _governing_preposition(draft, after[0][0], r.start) in places)
    ]


def _candidates(draft: Draft, sentence: Sentence, segment: tuple[int, int], kind: str, verb: tuple[int, int],
                subjects: list[ActorRef], objects: list[ActorRef]) -> list[Candidate]:  # fmt: skip
    claim = frame(draft, sentence, verb[0], verb[1])
    others = objects + _targets_in(draft, segment, kind)
    apposed = _named_after(draft, sentence, segment)
    if apposed:  # "with South Korea's acting defense minister, Kim Seon-ho": the name, not its country
        others = apposed + [r for r in others if r.kind == "person"]
    kind = _warning_kind(draft, sentence, verb, kind)
    actors = list(dict.fromkeys(_actor_id(draft, r) for r in subjects))
    report = claim.report
    if (
        kind in SPEECH_ACTS
        and report is not None
        and report.actor
        and not segment[0] <= report.cue_start < segment[1]
        and _governs(draft, report, segment)
    ):
        # "X hatte erklärt, Südkorea werde nun prüfen, …": the speaker announces it
        others = [r for r in subjects if _actor_id(draft, r) != report.actor] + others
        actors = [report.actor]
    if not actors and kind in SPEECH_ACTS and claim.attributed_to:
        actors = [claim.attributed_to]
    if not actors or (kind == "visit" and _troops_arrive(draft, segment)):
        return []  # "the troops arrived in Kursk" is a deployment, not a visit
    together = len(actors) > 1 and _joined(draft, subjects)  # "Putin und Kim", "die USA und Nato-Verbündete"
    lead = actors if together else actors[:1]
    targets = _targets(draft, sentence, segment, kind, verb, lead, others)
    pairs: list[tuple[str, str | None]]
    if kind in RECIPROCAL and together:
        pairs = [(actors[0], actors[1]), (actors[1], actors[0])]
    elif together and kind in SPEECH_ACTS:  # "die USA und Nato-Verbündete bestätigten": each speaks
        pairs = [(actor, targets[0] if targets else None) for actor in lead]
    elif kind == "visit" and _to_place(draft, segment, others):
        pairs = [(actors[0], _actor_id(draft, others[0]))]  # "warnte Seoul bei einem Besuch in Hanoi"
    else:
        pairs = [(actors[0], actors[1] if len(actors) > 1 else (targets[0] if targets else None))]
    return [_candidate(draft, claim, kind, actor, target_) for actor, target_ in pairs]


def _targets(draft: Draft, sentence: Sentence, segment: tuple[int, int], kind: str, verb: tuple[int, int],
             lead: list[str], others: list[ActorRef]) -> list[str]:  # fmt: skip
    """Whom the act is towards: a party of its segment; for speech, what it is about; for an
    agreement, the partner; for a denial, the accuser. An actor does not act towards its own state."""
    home = {_country_of(draft, a) for a in lead} - {None}
    targets = [
        a
        for a in dict.fromkeys(_actor_id(draft, r) for r in others)
        if a not in lead and _country_of(draft, a) not in home
    ]
    if not targets and kind in SPEECH_ACTS:  # "confirmed that North Korean troops …"
        content = reversed(_content_parties(draft, sentence, segment))
        targets = [a for a in content if a not in lead and _country_of(draft, a) not in home]
    if not targets and kind in AGREEMENTS:  # "Putin hatte das Ratifizierungsgesetz unterzeichnet"
        partner = partner_of(draft, _country_of(draft, lead[0]))
        targets = [partner] if partner else []
    if kind in ("deny", "reject"):  # "Officials say …; Russia denied that": the accuser first
        accuser = _accuser(draft, sentence, verb[0], lead)
        targets = ([accuser] if accuser else []) + targets
    return targets


def _accuser(draft: Draft, sentence: Sentence, at: int, lead: list[str]) -> str | None:
    """Who made the claim a denial answers: the speaker of a reporting phrase before it in the
    sentence, else the speaker named before."""
    before = [r.actor for r in draft.reports(sentence) if r.cue_end <= at and r.actor and r.actor not in lead]
    if before:
        return before[-1]
    earlier = draft.recent_speaker(sentence.start, None)
    return earlier if earlier not in lead else None


def _troops_arrive(draft: Draft, segment: tuple[int, int]) -> bool:
    words = draft.text[segment[0] : segment[1]].split()
    return any(has_stem(w, PERSONNEL_STEMS[draft.lang] + UNIT_STEMS[draft.lang], draft.lang) for w in words)


def _country_of(draft: Draft, actor: str) -> str | None:
    entry = draft.actor(actor)
    return entry.get("country") if entry.get("kind") != "international_organisation" else None


def _joined(draft: Draft, subjects: list[ActorRef]) -> bool:
    """Whether the first two parties are joined as one subject ("Putin und Kim", "X and Y")."""
    between = draft.text[subjects[0].end : subjects[1].start] if len(subjects) > 1 else ""
    return bool(_AND.fullmatch(between))


_AND = re.compile(
    r"\s*,?\s*(?:und|and|sowie)\s+(?:(?:die|der|das|the)\s+)?(?:[\w-]+\s+){0,2}?", re.IGNORECASE
)


def _to_place(draft: Draft, segment: tuple[int, int], others: list[ActorRef]) -> bool:
    """Whether the first of the targets is a place visited ("in Hanoi", "nach Moskau")."""
    return bool(others) and _governing_preposition(draft, segment[0], others[0].start) in _VISITED[draft.lang]


def _targets_in(draft: Draft, segment: tuple[int, int], kind: str) -> list[ActorRef]:
    """The segment's parties an action may be towards, a visit's destination first; a country's
    adjective before a named person ("his US counterpart Lloyd Austin") only says whose."""
    others = _parties(draft, segment, kind)[1]
    people = [r for r in others if r.kind == "person"]
    others = [
        r
        for r in others
        if not (
            r.kind in ("adjective", "state", "country") and any(0 < n.start - r.end <= 40 for n in people)
        )
    ]
    counterparts = TARGET_PREPOSITIONS[draft.lang]
    others.sort(
        key=lambda r: _governing_preposition(draft, segment[0], r.start) not in counterparts
    )  # "with Starmer"
    if kind == "visit":
        others.sort(
            key=lambda r: _governing_preposition(draft, segment[0], r.start) not in _VISITED[draft.lang]
        )
    return others


def _candidate(draft: Draft, claim: Frame, kind: str, actor: str, target: str | None) -> Candidate:
    speech = kind in SPEECH_ACTS
    attributed = actor if speech else (claim.attributed_to if claim.attributed_to != actor else None)
    status = claim.status
    own = claim.report is not None and claim.report.own
    if (
        claim.report is not None
        and claim.report.actor == actor
        and claim.status == claim.report.status
        and not own
    ):
        status = "stated"  # the actor's own words in the sentence do not make the outlet's account a report
    if own:
        attributed = actor  # "Yoon hat nach eigenen Angaben telefoniert": his own account
    if speech and status in ("reported", "projected", "assessed", "estimated", "confirmed"):
        # The outlet says the actor said it: the statement is the act, whatever it foresees.
        status = "reported" if claim.attributed_to not in (None, actor) else "stated"
    if kind == "make-statement" and status == "stated":
        status = "confirmed"  # "Austin bestätigte, …": the claim is that officials confirmed it
    day = claim.date.value if not isinstance(claim.date.value, list) else claim.date.value[0]
    fields: dict[str, Any] = {
        "id": "-".join([actor, kind, str(day)]),
        "actor": actor,
        "target": target,
        "action_type": kind,
        "description_en": None,
        "location": None,
        **date_fields(claim),
        **quote_fields(draft, claim),
        "claim_status": status,
        "attributed_to": attributed,
        "note": None,
    }
    hints = {"description_en": "one English sentence: who does what to whom", **claim_hints(draft, claim)}
    hints["action_type"] = "read from the verb: check it against action_types.yaml"
    if target is None:
        hints["target"] = "the text names no counterpart here: an actor id, or leave it empty"
    return Candidate("diplomatic_actions", fields, claim.quote.start, hints)
