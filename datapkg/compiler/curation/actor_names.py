"""Which actors a span of news text names.

Names are compared as sequences of word stems, so inflected forms match ("des
südkoreanischen Geheimdienstes" names the actor "südkoreanischer Geheimdienst NIS").
An actor is found by its German and English names, without a bracketed gloss or a
leading article; by the first two words of a longer name; by an acronym in its name
("NIS"); a person also by the last word of the name ("Putin"). A country is also found by
its capital (``lexicon.COUNTRY_NAMES``) and its adjective (``COUNTRY_ADJECTIVES``): such a
reference carries the country, which the draft turns into the state or its armed forces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from datapkg.compiler.curation.lexicon import COUNTRY_ADJECTIVES, COUNTRY_NAMES, ORGANISATIONS

_WORD = re.compile(r"[\w’'.]*\w")
_ENDINGS = ("ern", "em", "en", "er", "es", "e", "s")


def stem(word: str) -> str:
    """A crude stem shared by both languages: lower case, possessive and one inflection
    ending removed while four letters remain."""
    w = word.lower().replace("’", "'").removesuffix("'s").rstrip(".")
    for ending in _ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 4:
            return w[: -len(ending)]
    return w


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Word tokens of ``text[start:end]`` with their offsets; hyphens split words, so
    "US-Soldaten" and "Nato-Verbündete" show their parts."""
    stop = len(text) if end is None else end
    out = []
    for m in _WORD.finditer(text, start, stop):
        offset = m.start()
        for part in m.group().split("-"):
            if part:
                out.append((offset, offset + len(part), part))
            offset += len(part) + 1
    return out


@dataclass(frozen=True)
class ActorRef:
    start: int
    end: int
    actor: str | None  # an actor id, or None for a bare country reference
    country: str | None  # ISO 3166-1 alpha-3
    kind: str  # the actor's kind; "country" for a country's name or capital, "adjective" for its adjective


@dataclass(frozen=True)
class _Form:
    stems: tuple[str, ...]
    actor: str | None
    country: str | None
    kind: str
    exact: str | None = None  # acronyms match case-sensitively


def _genitive_forms(tokens: list[str], lang: str) -> list[tuple[str, ...]]:
    """A name that opens with a country's adjective also stands with the country's name:
    "südkoreanischer Geheimdienst" as "Südkoreas Geheimdienst", "Russian forces" as
    "Russia's forces"."""
    first = stem(tokens[0])
    out = []
    for code, adjectives in COUNTRY_ADJECTIVES.items():
        if any(stem(a) == first for a in adjectives.get(lang, ())) and COUNTRY_NAMES[code].get(lang):
            country = tuple(stem(w) for _, _, w in words(COUNTRY_NAMES[code][lang][0]))
            out.append(country + tuple(stem(t) for t in tokens[1:]))
    return out


def _name_forms(actor: dict[str, Any], lang: str) -> Iterable[_Form]:
    country, kind, id_ = actor.get("country"), str(actor.get("kind") or ""), str(actor["id"])
    for name in (actor.get("name_de"), actor.get("name_en")):
        if not isinstance(name, str) or not name.strip():
            continue
        plain = re.sub(r"\s*\(.*?\)", "", name).strip()
        plain = re.sub(r"^(?:The|Der|Die|Das|ein|eine)\s+", "", plain)
        tokens = [w for _, _, w in words(plain)]
        if not tokens:
            continue
        yield _Form(tuple(stem(t) for t in tokens), id_, country, kind)
        for genitive in _genitive_forms(tokens, lang) if len(tokens) >= 2 else ():
            yield _Form(genitive, id_, country, kind)
            if len(genitive) >= 3:
                yield _Form(genitive[:2], id_, country, kind)
        if len(tokens) >= 3:
            yield _Form(tuple(stem(t) for t in tokens[:2]), id_, country, kind)
        if kind == "person" and len(tokens) >= 2 and len(tokens[-1]) >= 4 and tokens[-1][0].isupper():
            yield _Form((stem(tokens[-1]),), id_, country, kind)
        for token in tokens:
            if len(token) >= 3 and token.isupper() and token.isalpha():
                yield _Form((stem(token),), id_, country, kind, exact=token)


def _full(form: _Form, actor: dict[str, Any]) -> bool:
    """Whether a form is an actor's whole name (a state's "Nordkorea"), not a shortening."""
    names = (actor.get("name_de"), actor.get("name_en"))
    return any(isinstance(n, str) and tuple(stem(w) for _, _, w in words(n)) == form.stems for n in names)


class ActorIndex:
    """Actor references in text, from the actors vocabulary and the country lexicon."""

    def __init__(self, actors: Iterable[dict[str, Any]], lang: str) -> None:
        self.actors = {str(a["id"]): a for a in actors if a.get("id")}
        countries: list[_Form] = []
        for actor_id, names in ORGANISATIONS.items():  # "die Nato", "the EU": proposed when new
            for name in names.get(lang, ()):
                tokens = [w for _, _, w in words(name)]
                exact = tokens[0] if len(tokens) == 1 and tokens[0].isupper() else None
                countries.append(
                    _Form(tuple(stem(t) for t in tokens), actor_id, None, "international_organisation", exact)
                )
        for kind, lexicon in (("country", COUNTRY_NAMES), ("adjective", COUNTRY_ADJECTIVES)):
            for code, names in lexicon.items():
                for name in names.get(lang, ()):
                    tokens = [w for _, _, w in words(name)]
                    exact = tokens[0] if len(tokens) == 1 and tokens[0].isupper() else None
                    countries.append(_Form(tuple(stem(t) for t in tokens), None, code, kind, exact))
        # A shortened name that is just a country's ("North Korean official" -> "North Korean")
        # names the country, not the actor.
        country_stems = {f.stems for f in countries}
        forms = [
            f
            for a in self.actors.values()
            for f in _name_forms(a, lang)
            if f.stems not in country_stems or _full(f, a)
        ]
        forms += countries
        self._by_first: dict[str, list[_Form]] = {}
        for form in sorted(forms, key=lambda f: -len(f.stems)):  # longest first
            self._by_first.setdefault(form.stems[0], []).append(form)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[ActorRef]:
        """Every reference in ``text[start:end]``, longest match first at each word, in order."""
        tokens = words(text, start, end)
        stems = [stem(w) for _, _, w in tokens]
        refs: list[ActorRef] = []
        i = 0
        while i < len(tokens):
            form = self._match(tokens, stems, i)
            if form is None:
                i += 1
                continue
            last = i + len(form.stems) - 1
            refs.append(ActorRef(tokens[i][0], tokens[last][1], form.actor, form.country, form.kind))
            i = last + 1
        return refs

    def _match(self, tokens: list[tuple[int, int, str]], stems: list[str], i: int) -> _Form | None:
        for form in self._by_first.get(stems[i], ()):
            n = len(form.stems)
            if tuple(stems[i : i + n]) != form.stems:
                continue
            if form.exact is not None and re.sub(r"['’]s$", "", tokens[i][2]) != form.exact:  # "NIS's count"
                continue
            return form
        return None

    def state_of(self, country: str | None) -> str | None:
        """The id of the state actor of a country."""
        return self._of_kind(country, "state")

    def forces_of(self, country: str | None) -> str | None:
        """The id of a country's armed forces, or of the state when the vocabulary has none."""
        return self._of_kind(country, "armed_force") or self.state_of(country)

    def _of_kind(self, country: str | None, kind: str) -> str | None:
        if country is None:
            return None
        found = sorted(
            i for i, a in self.actors.items() if a.get("country") == country and a.get("kind") == kind
        )
        return found[0] if found else None

    def actor_of(self, ref: ActorRef) -> str | None:
        """The actor a reference names: itself, or the state of a bare country reference."""
        return ref.actor if ref.actor is not None else self.state_of(ref.country)
