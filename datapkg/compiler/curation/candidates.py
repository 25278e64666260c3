"""What every kind of candidate record is drawn from: the :class:`Draft` of a new source (its
text, mentions, sentences, actor references and reporting phrases, each read once, and the
actors proposed so far) and the readings the fact tables share (dates, quantities, whether a
quantity counts people under arms). Each table's candidates are in a module of their own; a
candidate holds its fields in the order a records file lists them, and a hint per field for the
curator.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from datapkg.compiler.curation.actor_names import ActorIndex, ActorRef
from datapkg.compiler.curation.lexicon import (
    ADJECTIVE_UNITS,
    CASUALTY_STEMS,
    CLAUSE_JOINS,
    DESTINATION_PREPOSITIONS,
    MATERIEL,
    NOT_UNITS,
    ORGANISATION_NAMES,
    PERSONNEL_CONTEXT_STEMS,
    PERSONNEL_STEMS,
    UNIT_STEMS,
)
from datapkg.compiler.curation.person_names import english_spelling, slug, spelling_key
from datapkg.compiler.curation.sentences import Sentence, sentence_index, sentences
from datapkg.compiler.curation.speaker_names import country_name, proposed_entry
from datapkg.compiler.curation.speakers import Report, sentence_reports
from datapkg.extract import Mention
from datapkg.extract.vague_words import PARTITIVE_LINK, PARTITIVE_ONE, VAGUE_COUNT_WORDS

QUANTITY_QUALIFIERS = ("approx", "more_than", "less_than", "at_least", "up_to", "vague")
_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s[–—-]\s")
# Words that open a capitalised phrase that is no name ("On Capitol Hill, the …").
NOT_NAMES = frozenset(
    "on in at for with from the a an im am in bei mit nach für der die das ein eine".split()
)
_APPOSITION = re.compile(
    r"([A-ZÄÖÜ][a-zäöüß]+(?: [A-ZÄÖÜ][a-zäöüß'-]+){1,2}), (?:a|an|the|ein|eine|der|die)\b"
)
# How far back (characters) "a spokesman" or "the ministry" may refer: a few paragraphs.
RECALL = 3000
# Kinds of actor a country has one of: a phrase describing one is that actor.
SINGLE_KINDS = frozenset({"state", "armed_force", "intelligence_agency", "legislature"})


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
    proposed_actors: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> new actor entry
    restated: dict[tuple[int, int], str] = field(default_factory=dict)  # a repeat's quote span -> kept id
    _refs: dict[tuple[int, int], list[ActorRef]] = field(default_factory=dict, repr=False)
    _speakers: list[tuple[int, str]] = field(default_factory=list, repr=False)
    _people: list[tuple[int, str]] = field(default_factory=list, repr=False)
    _once: dict[str, Any] = field(default_factory=dict, repr=False)

    def once(self, key: str, compute: Callable[[], Any]) -> Any:
        """A value read from the whole text, computed on first use: asked for per figure, it
        would cost time with the square of the text's length."""
        if key not in self._once:
            self._once[key] = compute()
        return self._once[key]

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
            found = self.index.find(self.text, start, end)
            for ref in found:
                if (
                    ref.kind == "international_organisation"
                    and ref.actor
                    and ref.actor not in self.index.actors
                ):
                    self.propose_named(
                        "international_organisation", ORGANISATION_NAMES.get(ref.actor, ref.actor)
                    )
            self._refs[key] = found
        return self._refs[key]

    def is_headline(self, sentence: Sentence) -> bool:
        """Whether the sentence is the text's first line without a full stop (its headline), or
        a line of a bulleted summary ("- Kim hat den Vertrag ratifiziert"): both restate."""
        first = self.sentences[0] if self.sentences else None
        if sentence == first and "\n" in self.text[sentence.end : sentence.end + 2]:
            return True
        line_start = self.text.rfind("\n", 0, sentence.start) + 1
        return self.text[line_start : sentence.start].strip() == "" and self.text[sentence.start] in "-•*–"

    def reports(self, sentence: Sentence) -> list[Report]:
        """The reporting phrases of a sentence (:mod:`speakers`). All sentences are read once, in
        order, so a "spokesman" can be resolved to the institution named before."""
        return self._reports[self.sentence_number(sentence)]

    @cached_property
    def _reports(self) -> list[list[Report]]:
        out = []
        for sentence in self.sentences:
            named = _APPOSITION.match(sentence.text)  # "Daniel Hartmann, a senior fellow …, is …"
            if named is not None and named.group(1).split()[0].lower() not in NOT_NAMES:
                self.propose_person(named.group(1), sentence.start, sentence.start + named.end(1))
            found = sentence_reports(self, sentence)
            # Of a statement relayed ("Der NIS habe … beziffert, sagte der Abgeordnete"), the
            # first speaker is the source that "demnach" and "the agency" refer to next.
            at = found[-1].cue_start if found else sentence.start
            for report in reversed(found):
                if report.actor is not None:
                    self._speakers.append((at, report.actor))
            out.append(found)
        return out

    def actor(self, actor_id: str | None) -> dict[str, Any]:
        """An actor's entry: from the vocabulary, or proposed by this draft (empty if neither)."""
        return self.index.actors.get(actor_id or "") or self.proposed_actors.get(actor_id or "") or {}

    def recent_speaker(self, offset: int, kind: str | None) -> str | None:
        """The last speaker named before ``offset`` (of ``kind``, when given)."""
        last = bisect_left(self._speakers, (offset, "")) - 1
        for at, actor in reversed(self._speakers[max(0, last - 50) : last + 1]):
            if offset - at > RECALL:
                return None
            entry = self.actor(actor)
            if kind is None or entry.get("kind") == kind:
                return actor
        return None

    def propose(self, kind: str, country: str, head: str, start: int, end: int) -> str:
        """The id of an actor of ``country`` the phrase at ``[start, end)`` describes: the one
        actor of that country and kind the vocabulary has (for kinds a country has one of), or a
        new actor proposed to the curator."""
        if kind in SINGLE_KINDS:
            known = sorted(
                i
                for i, a in self.index.actors.items()
                if (a.get("country"), a.get("kind")) == (country, kind)
            )
            if len(known) == 1:
                return known[0]
        if kind == "state":
            actor_id, name = country.lower(), country_name(country)
        else:
            actor_id = f"{country.lower()}-{slug(head)}"
            name = f"{head[:1].upper()}{head[1:]} ({country_name(country)})"
        if actor_id not in self.index.actors:
            entry = proposed_entry(actor_id, kind, country, name, self.lang)
            if "name_de" in entry:
                entry["name_de"] = self.text[start:end].strip() or None
            self.proposed_actors.setdefault(actor_id, entry)
        return actor_id

    def propose_named(self, kind: str, name: str) -> str:
        """An actor known by a name of its own ("KCNA"), proposed when the vocabulary lacks it."""
        actor_id = slug(name)
        if actor_id not in self.index.actors:
            self.proposed_actors.setdefault(actor_id, proposed_entry(actor_id, kind, None, name, self.lang))
        return actor_id

    def recent_person(self, offset: int) -> str | None:
        """The person named last before ``offset``: a speaker, or a name standing with an
        apposition ("Daniel Hartmann, a senior fellow …, is not convinced. He believes …")."""
        people = [(at, actor) for at, actor in self._people if at < offset and offset - at <= RECALL]
        speaker = self.recent_speaker(offset, "person")
        spoke_at = max((at for at, actor in self._speakers if actor == speaker and at < offset), default=-1)
        named = people[-1] if people else None
        if named is not None and named[0] > spoke_at:
            return named[1]
        return speaker

    def person_before(self, offset: int) -> str | None:
        """The last person its sentence names before ``offset`` ("sagte Selenskyj …, wo er")."""
        at = sentence_index(self.sentences, offset)
        if at is None:
            return None
        start = self.sentences[at].start
        named = [(r.start, r.actor) for r in self.refs(start, offset) if r.kind == "person" and r.actor]
        named += [(s, a) for s, a in self._people if start <= s < offset]
        return max(named)[1] if named else None

    def previous_subject(self, offset: int) -> str | None:
        """The person the sentence before ``offset`` names first: whom "She" and "Er" stand for."""
        at = sentence_index(self.sentences, offset)
        if not at:
            return None
        before = self.sentences[at - 1]
        named = [
            (r.start, r.actor) for r in self.refs(before.start, before.end) if r.kind == "person" and r.actor
        ]
        named += [(s, a) for s, a in self._people if before.start <= s < before.end]
        return min(named)[1] if named else None

    def propose_person(self, name: str, start: int, end: int) -> str:
        """A person the vocabulary lacks; a Slavic name in German spelling gets the English one
        ("Dmitri Peskow" is Dmitri Peskov), which the curator checks."""
        name = re.sub(r"['’]s$", "", name)  # "Yoon Suk Yeol's"
        english = english_spelling(name) if self.lang == "de" else name
        known = self._person_like(name)
        if known is not None:  # "Georgi Sinowjew" is the vocabulary's "Georgi Sinowiew"
            self._people.append((start, known))
            return known
        actor_id = slug(english)
        self._people.append((start, actor_id))
        if actor_id not in self.index.actors:
            entry = proposed_entry(actor_id, "person", None, english, self.lang)
            if self.lang == "de":
                entry = {
                    "id": actor_id,
                    "name_en": english,
                    "name_de": name,
                    **{k: v for k, v in entry.items() if k not in ("id", "name_en")},
                }
            self.proposed_actors.setdefault(actor_id, entry)
        return actor_id

    def _person_like(self, name: str) -> str | None:
        """A person of the vocabulary whose name is spelled alike (transliterations differ)."""
        key = spelling_key(name)
        found = [
            i
            for i, a in self.index.actors.items()
            if a.get("kind") == "person"
            and key in {spelling_key(str(a.get(n) or "")) for n in ("name_en", "name_de")}
        ]
        return found[0] if len(found) == 1 else None

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


def qualifies_people(draft: Draft, ref: ActorRef) -> bool:
    """Whether an adjective qualifies people under arms ("nordkoreanische Soldaten"), or names
    them ("die Nordkoreaner", "the North Koreans")."""
    if has_stem(
        draft.text[ref.start : ref.end].replace(" ", ""), PERSONNEL_STEMS[draft.lang], draft.lang
    ) or draft.text[ref.start : ref.end].lower().endswith(("koreans", "koreaner")):
        return True
    following = draft.text[ref.end : ref.end + 40].split()[:2]  # "-Soldaten" of "US-Soldaten" counts
    stems = (
        PERSONNEL_STEMS[draft.lang] + UNIT_STEMS[draft.lang] + CASUALTY_STEMS[draft.lang]
    )  # "russische Verluste"
    return any(has_stem(w, stems, draft.lang) for w in following)


def is_vague_count(text: str, lang: str) -> bool:
    """ "mehrere", "several", "viele": a count word, not a vague amount like "Tausende"."""
    return " ".join(text.lower().split()) in VAGUE_COUNT_WORDS[lang]


def is_partitive(text: str, lang: str) -> bool:
    """ "one of the world's biggest exporters", "eines von ihnen": one of a group, no figure."""
    words = text.lower().split()
    if not words or words[0] not in PARTITIVE_ONE[lang]:
        return False
    return len(words) == 1 or (len(words) >= 3 and words[1] in PARTITIVE_LINK[lang])


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
    if (mention.value is None and (unit == "fraction" or is_vague_count(mention.text, lang))) or is_partitive(
        mention.text, lang
    ):
        return False  # "ein Teil der Truppen", "immer weniger Männer", "one of them": no figure of a force
    if unit and unit.lower() not in NOT_UNITS and not (lang == "de" and unit[:1].islower()):
        # the noun may follow an adjective the extractor took for the unit: "1.32 million active personnel"
        nouns = [unit] + (
            draft.text[mention.end : mention.end + 40].split()[1:2] if unit.lower() in ADJECTIVE_UNITS else []
        )
        return any(
            has_stem(noun.strip(",.;"), stems[lang], lang)
            for noun in nouns
            for stems in (PERSONNEL_STEMS, CASUALTY_STEMS, UNIT_STEMS)
        )
    if materiel_after(draft, mention) or _LABEL.search(draft.text, max(0, mention.start - 16), mention.start):
        return False  # "60 KN-23 short-range ballistic missiles", "Kalenderwoche 42"
    if not unit and isinstance(mention.value, (int, float)) and mention.value < 20:
        return False  # "the two agreed": a small number without a noun counts no troops
    following = draft.text[mention.end : mention.end + 40].split()[:2]  # "1.32 million active personnel"
    if any(has_stem(w.strip(",.;"), PERSONNEL_STEMS[lang], lang) for w in following if w[:1].isalpha()):
        return True
    spans = draft.sentences
    at = draft.sentence_number(sentence)
    context = " ".join(s.text for s in spans[max(0, at - 1) : at + 1])
    return any(has_stem(w, PERSONNEL_CONTEXT_STEMS[lang], lang) for w in context.split())


_LABEL = re.compile(
    r"(?i)\b(?:kalenderwoche|kw|woche|week|nr\.?|no\.?|artikel|article|paragraph|absatz|brigade|division)\s*$"
)


def materiel_after(draft: Draft, mention: Mention) -> bool:
    """Whether the words right after a number name materiel ("60 KN-23 missiles", "20 Panzer")."""
    words = " ".join(draft.text[mention.end : mention.end + 70].split()[:6]).lower()
    return any(stem in words for stem, _, _ in MATERIEL[draft.lang])


def part_of(draft: Draft, clause: Sentence, mention: Mention) -> str:
    """The part of a clause around the mention, between words that join clauses ("und")."""
    left, right = clause.start, clause.end
    for m in re.finditer(CLAUSE_JOINS[draft.lang], draft.text[clause.start : clause.end]):
        if clause.start + m.end() <= mention.start:
            left = clause.start + m.end()
        elif clause.start + m.start() >= mention.end:
            right = clause.start + m.start()
            break
    return draft.text[left:right]


def quantity_fields(mention: Mention) -> dict[str, Any]:
    """value, bounds and qualifier as the mention gives them."""
    if isinstance(mention.value, list) and len(mention.value) == 2:
        low, high = mention.value  # the qualifier is that of the ends: "rund 10.000 bis 12.000"
        qualifier = mention.qualifier if mention.qualifier in ("approx", "vague") else "exact"
        return {"value": None, "value_low": low, "value_high": high, "qualifier": qualifier}
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


def partner_of(draft: Draft, known: str | None) -> str | None:
    """The state the article names most after the one named (in an article on Russia and North
    Korea, each is the other's partner): "North Korea had delivered 120 guns" supplies Russia."""
    counts: dict[str, int] = draft.once("states named", lambda: _state_counts(draft))
    ranked = sorted(((n, s) for s, n in counts.items() if s != known), reverse=True)
    return ranked[0][1] if ranked and ranked[0][0] >= 3 else None


def _state_counts(draft: Draft) -> dict[str, int]:
    counts: dict[str, int] = {}
    for ref in draft.refs(0, len(draft.text)):
        state = (
            draft.index.state_of(ref.country)
            if ref.country and ref.kind in ("state", "country", "adjective")
            else None
        )
        if state is not None:
            counts[state] = counts.get(state, 0) + 1
    return counts
