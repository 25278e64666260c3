"""What every kind of candidate record is drawn from: the :class:`Draft` of a new source (its
text, mentions, sentences, actor references and reporting phrases, each read once, and the
actors proposed so far) and the readings the fact tables share (dates, quantities, whether a
quantity counts people under arms). Each table's candidates are in a module of their own; a
candidate holds its fields in the order a records file lists them, and a hint per field for the
curator.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from datapkg.compiler.curation.actor_names import ActorIndex, ActorRef
from datapkg.compiler.curation.cues import claim_status
from datapkg.compiler.curation.lexicon import (
    ADJECTIVE_UNITS,
    CASUALTY_STEMS,
    CLAUSE_JOINS,
    DESTINATION_PREPOSITIONS,
    NOT_UNITS,
    ORGANISATION_NAMES,
    PERSONNEL_CONTEXT_STEMS,
    PERSONNEL_STEMS,
    UNIT_STEMS,
)
from datapkg.compiler.curation.sentences import Sentence, sentence_index, sentences
from datapkg.compiler.curation.speakers import Report, country_name, proposed_entry, sentence_reports
from datapkg.extract import Mention

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
_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


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

    def recent_speaker(self, offset: int, kind: str | None) -> str | None:
        """The last speaker named before ``offset`` (of ``kind``, when given)."""
        last = bisect_left(self._speakers, (offset, "")) - 1
        for at, actor in reversed(self._speakers[max(0, last - 50) : last + 1]):
            if offset - at > RECALL:
                return None
            entry = self.index.actors.get(actor) or self.proposed_actors.get(actor) or {}
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
        key = _spelling_key(name)
        found = [
            i
            for i, a in self.index.actors.items()
            if a.get("kind") == "person"
            and key in {_spelling_key(str(a.get(n) or "")) for n in ("name_en", "name_de")}
        ]
        return found[0] if len(found) == 1 else None

    def sentence_number(self, sentence: Sentence) -> int:
        """The position of one of :attr:`sentences` in that list."""
        at = sentence_index(self.sentences, sentence.start)
        if at is None or self.sentences[at] != sentence:
            raise ValueError(f"not a sentence of the text: {sentence.text!r}")
        return at


_SLAVIC = re.compile(r"(?:ow|ew|ej|ij|yj|enko|ski|sky)$")


def _spelling_key(name: str) -> str:
    """A name reduced so its transliterations agree: "Georgi Sinowjew", "Georgy Zinoviev"."""
    key = unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()
    for a, b in (
        ("tsch", "ch"),
        ("sch", "sh"),
        ("w", "v"),
        ("j", "i"),
        ("y", "i"),
        ("z", "s"),
        ("ie", "e"),
        ("-", " "),
        ("ii", "i"),
    ):
        key = key.replace(a, b)
    return " ".join(re.sub(r"(.)\1", r"\1", w) for w in key.split())


def english_spelling(name: str) -> str:
    """The usual English spelling of a Russian or Ukrainian name written the German way: w is v,
    a final -ej -ey, -ij -iy, -yj -yy ("Sergej Lawrow" is Sergey Lavrov). Other names stay as
    written."""
    words = name.split()
    if not any(_SLAVIC.search(w.lower()) for w in words):
        return name
    out = []
    for word in words:
        w = word.replace("tsch", "ch").replace("Tsch", "Ch").replace("sch", "sh").replace("Sch", "Sh")
        w = w.replace("w", "v").replace("W", "V")
        w = re.sub(r"(?<=[aeiou])j(?=[aeiou])", "y", w)  # "Netschajew" is Nechayev
        w = re.sub(r"ej$", "ey", w)
        w = re.sub(r"([iy])j$", r"\1y", w)
        out.append(w)
    return " ".join(out)


def slug(name: str) -> str:
    """An id from a name: lower case, words joined by hyphens, letters of other alphabets kept
    only where ASCII has them."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "actor"


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


@dataclass(frozen=True)
class DateGuess:
    value: Any  # as a records file writes it: a date, "YYYY-MM", a year, or a two-item span
    basis: str
    text: str | None
    after_publication: bool
    mention: Mention | None = None


def _iso_value(value: str) -> Any:
    """An ISO day, month or year as a records file writes it."""
    if len(value) == 10:
        return dt.date.fromisoformat(value)
    return int(value) if len(value) == 4 else value


def _bounds(value: str) -> tuple[dt.date, dt.date]:
    """First and last day of an ISO day, month or year."""
    if len(value) == 10:
        day = dt.date.fromisoformat(value)
        return day, day
    year = int(value[:4])
    if len(value) == 7:
        month = int(value[5:7])
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def date_in(draft: Draft, span: Sentence) -> DateGuess | None:
    """The first date the extractor resolved inside ``span`` (days, months, years, spans of them);
    a period a "since" opens first ("killed on Thursday … since they entered combat in December")."""
    mentions = draft.mentions_in(span.start, span.end)
    since = [
        m for m in mentions if m.kind == "date" and _SINCE.search(draft.text[max(0, m.start - 40) : m.start])
    ]
    for m in since + mentions:
        if m.kind != "date":
            continue
        values = m.value if isinstance(m.value, list) else [m.value]
        values = [w for v in values for w in _week_days(v)]
        if (
            not all(isinstance(v, str) and _ISO.match(v) for v in values)
            or len({len(v) for v in values}) != 1
        ):
            continue
        values = _past_weekday(draft, span, m, values)
        values = _coming_month(draft, m, values)
        values = _spans_of_periods(draft, span, m, values)
        value = [_iso_value(v) for v in values] if len(values) == 2 else _iso_value(values[0])
        relative = not re.search(r"\d|" + "|".join(_MONTH_WORDS), m.text.lower())
        if m.qualifier == "since" or _SINCE.search(draft.text[max(0, m.start - 40) : m.start]):
            # "seit August 2023", "since the start of the year": from then to the publication
            value = [_bounds(values[0])[0], draft.published[1]]
        future = m.qualifier == "by" or _bounds(values[0])[0] > draft.published[1]
        return DateGuess(value, "resolved" if relative else "stated", m.text, future, m)
    return None


_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def _week_days(value: Any) -> list[Any]:
    """An ISO week ("2024-W47") as its first and last day; any other value as it is."""
    week = _WEEK.match(value) if isinstance(value, str) else None
    if week is None:
        return [value]
    monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
    return [monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()]


_DEADLINE = re.compile(
    r"\b(?:before|by|until|bis|vor)\s+(?:the end of\s+|Ende\s+)?$|^(?:bis|by)\b", re.IGNORECASE
)


def _coming_month(draft: Draft, m: Mention, values: list[str]) -> list[str]:
    """A month named as a deadline lies ahead: "before the end of February" in a December
    article is next February, not the one past."""
    before = draft.text[max(0, m.start - 25) : m.start]
    if (
        len(values) != 1
        or len(values[0]) != 7
        or not (_DEADLINE.search(before) or _DEADLINE.search(m.text[:20]))
    ):
        return values
    year, month = int(values[0][:4]), int(values[0][5:])
    if _bounds(values[0])[1] >= draft.published[0] or year + 1 > 9999:
        return values
    return [f"{year + 1:04d}-{month:02d}"]


_THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_THIS_YEAR = re.compile(r"\b(?:this year|dieses Jahr|in diesem Jahr|diesjährig\w*)\b", re.IGNORECASE)


def _spans_of_periods(draft: Draft, span: Sentence, m: Mention, values: list[str]) -> list[str]:
    """A month or year named as a deadline runs from publication to its end ("before the end of
    February", "by the end of the year"); "early next year" is its first quarter; "this year" in a
    claim about the past runs to publication."""
    if len(values) != 1 or len(values[0]) not in (4, 7):
        return values
    first, last = _bounds(values[0])
    before = draft.text[max(0, m.start - 25) : m.start]
    if _DEADLINE.search(before) or (
        m.qualifier == "late" and re.search(r"(?i)\b(?:before|by|bis|vor)\b", before)
    ):
        return [draft.published[0].isoformat(), last.isoformat()]
    if len(values[0]) == 4 and m.qualifier == "early":
        return [f"{values[0]}-01", f"{values[0]}-03"]
    if len(values[0]) == 7 and m.qualifier in _THIRDS and last > draft.published[1]:
        # "Anfang Oktober" in an article of 19 October: a past claim may not end after publication
        low, high = _THIRDS[m.qualifier]
        return [f"{values[0]}-{low:02d}", f"{values[0]}-{min(high, last.day):02d}"]
    past = claim_status(span.text, draft.lang) != "projected"
    if len(values[0]) == 4 and _THIS_YEAR.search(m.text) and last > draft.published[1] and past:
        return [first.isoformat(), draft.published[1].isoformat()]
    return values


_SINCE = re.compile(
    r"\b(?:seit|since)\b(?:\s+(?!(?:and|und)\b)[\w-]+){0,4}\s+$", re.IGNORECASE
)  # "seit dem", "since they entered combat in"
_WEEKDAYS = re.compile(
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|wochenende",
    re.IGNORECASE,
)


def _past_weekday(draft: Draft, span: Sentence, m: Mention, values: list[str]) -> list[str]:
    """A weekday of a clause that tells what happened is the one before publication: "Peskow wies
    die Berichte am Sonntag zurück" in a Tuesday's article is two days before, not five after."""
    if not _WEEKDAYS.search(m.text) or len(values[0]) != 10 or m.qualifier == "by":
        return values
    days = [dt.date.fromisoformat(v) for v in values]
    last_week = re.search(r"(?i)\b(?:last|vergangen\w*|letzt\w*)\b", m.text) is not None
    if (days[0] <= draft.published[1] and not (last_week and days[-1] >= draft.published[0])) or claim_status(
        span.text, draft.lang
    ) == "projected":
        return values
    week = dt.timedelta(days=7)
    return [(d - week).isoformat() if d - week >= draft.published[0] - week else d.isoformat() for d in days]


def date_guess(draft: Draft, start: int, end: int) -> DateGuess | None:
    """:func:`date_in` over ``text[start:end]``."""
    return date_in(draft, Sentence(start, end, draft.text[start:end]))


_MONTH_WORDS = (
    "jan",
    "feb",
    "mär",
    "apr",
    "mai",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "okt",
    "oct",
    "nov",
    "dez",
    "dec",
)


def publication_date(draft: Draft) -> DateGuess:
    earliest, latest = draft.published
    return DateGuess(earliest if earliest == latest else [earliest, latest], "publication", None, False)


def _before_personnel(draft: Draft, ref: ActorRef) -> bool:
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
    from datapkg.compiler.curation.lexicon import MATERIEL

    words = " ".join(draft.text[mention.end : mention.end + 70].split()[:6]).lower()
    return any(stem in words for stem, _, _ in MATERIEL[draft.lang])


def _part_of(draft: Draft, clause: Sentence, mention: Mention) -> str:
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
