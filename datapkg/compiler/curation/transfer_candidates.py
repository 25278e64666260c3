"""Draft arms transfers: one per sentence that names materiel."""

from __future__ import annotations

import re
from typing import Any

from datapkg.compiler.curation.actor_names import ActorRef
from datapkg.compiler.curation.candidates import (
    Candidate,
    Draft,
    has_stem,
    is_partitive,
    is_vague_count,
    partner_of,
    quantity_fields,
)
from datapkg.compiler.curation.frames import claim_hints, date_fields, frame, is_negated, quote_fields
from datapkg.compiler.curation.lexicon import (
    MATERIEL,
    NOT_A_TRANSFER,
    NOT_MATERIEL,
    PARTY_KINDS,
    PERSONNEL_STEMS,
    RECEIVING_VERBS,
    RECIPIENT_PREPOSITIONS,
    STAGE_CUES,
    SUPPLIER_PREPOSITIONS,
    TRANSFER_CUES,
)
from datapkg.compiler.curation.sentences import Sentence
from datapkg.compiler.curation.speakers import segments
from datapkg.extract import Mention


def materiel_in(text: str, start: int, end: int, lang: str) -> list[tuple[int, str, str]]:
    """(offset, English name, category) of each kind of materiel named, in order of first use.
    The lexicon lists specific names first ("Raketenwerfer" before "Rakete"); a name inside a
    longer one already found does not count again."""
    lowered = text[start:end].lower()
    taken: list[tuple[int, int]] = []
    found: dict[str, tuple[int, str, str]] = {}
    for stem, english, category in MATERIEL[lang]:
        prefix = "" if lang == "de" else r"\b"
        for m in re.finditer(prefix + re.escape(stem), lowered):
            word = re.search(r"[\w-]*$", lowered[: m.start()])
            whole = (word.group() if word else "") + lowered[m.start() :].split(maxsplit=1)[0]
            if any(a < m.end() and m.start() < b for a, b in taken) or any(
                bad in whole for bad in NOT_MATERIEL
            ):
                continue
            taken.append((m.start(), m.end()))
            if english not in found:
                found[english] = (start + m.start(), english, category)
    return sorted(found.values())


def transfer_candidates(draft: Draft) -> list[Candidate]:
    """One per clause that names materiel with a verb or noun of supplying; a clause that only
    considers, asks about or conditions a supply ("erwägt, Waffen zu liefern", "im Fall von
    Waffenlieferungen") is an action or background, not a transfer."""
    out: list[Candidate] = []
    for sentence in draft.sentences:
        clauses = _clauses(draft, sentence)
        for k, (start, end) in enumerate(clauses):
            items = materiel_in(draft.text, start, end, draft.lang)
            words = draft.text[start:end]
            # "… werde nun prüfen, ob sie der Ukraine Waffen liefert": the clause before frames it
            framing = draft.text[clauses[k - 1][0] : clauses[k - 1][1]] if k else ""
            if (
                items
                and re.search(TRANSFER_CUES[draft.lang], words, re.IGNORECASE)
                and not re.search(NOT_A_TRANSFER[draft.lang], words + " " + framing, re.IGNORECASE)
            ):
                span = Sentence(start, end, words)
                for counted, own_items in _counted_items(draft, span, items):
                    candidate = _candidate(draft, sentence, span, own_items, counted, out)
                    if candidate is not None:
                        out.append(candidate)
    return out


def _counted_items(draft: Draft, span: Sentence, items: list[tuple[int, str, str]]
                   ) -> list[tuple[Mention | None, list[tuple[int, str, str]]]]:  # fmt: skip
    """Each quantity of the span with the materiel it counts ("about 50 howitzers and some 20
    rocket launchers" are two transfers); the span's first quantity and all its materiel when
    the quantities count no materiel of their own."""
    quantities = [
        m
        for m in draft.mentions_in(span.start, span.end)
        if m.kind == "quantity"
        and not is_partitive(m.text, draft.lang)
        and not (m.value is None and is_vague_count(m.text, draft.lang))
        and not has_stem(m.unit or "", PERSONNEL_STEMS[draft.lang], draft.lang)
        and not _MEASURE_UNIT.match(m.unit or "")
    ]  # "170-Millimeter-Geschütze" counts no guns
    counted = []
    for m in quantities:
        phrase_end = re.search(r",|;|\band\b|\bund\b|$", draft.text[m.end : span.end])
        stop = m.end + (phrase_end.start() if phrase_end else 0)
        own = materiel_in(draft.text, m.end, stop, draft.lang)
        if own:
            counted.append((m, own))
    if len(counted) >= 2:
        return [(m, own) for m, own in counted]
    return [(quantities[0] if quantities else None, items)]


def _clauses(draft: Draft, sentence: Sentence) -> list[tuple[int, int]]:
    """The sentence's segments, a segment without materiel joined to the one before (a verb of
    supplying often stands apart: "Nordkorea hat Granaten, die … , an Russland geliefert")."""
    return (
        [(sentence.start, sentence.end)]
        if len(sentence.text) < 160
        else segments(draft.text, sentence, draft.lang)
    )


def _preceded_by(draft: Draft, ref: ActorRef, words_before: tuple[str, ...]) -> bool:
    before = draft.text[max(0, ref.start - 12) : ref.start].lower().split()
    return bool(before) and (before[-1] in words_before or (len(before) > 1 and before[-2] in words_before))


def parties(draft: Draft, sentence: Sentence, first_item: int, speaker: tuple[int, int] = (0, 0)
            ) -> tuple[str | None, str | None]:  # fmt: skip
    """Supplier and recipient: "aus X"/"from X" supplies, "an X"/"to X" receives, as does the
    object of "supply X with"; an adjective at the materiel supplies ("nordkoreanische
    Granaten"); otherwise the subject supplies, or receives where the verb says so ("Russland
    erhielt"). Names in the reporting phrase ("…, South Korea's adviser said") take no part."""
    refs = [
        r
        for r in draft.refs(sentence.start, sentence.end)
        if (draft.index.actor_of(r) or r.country)
        and r.kind in PARTY_KINDS
        and not (speaker[0] <= r.start < speaker[1])
    ]
    supplier = next((r for r in refs if _preceded_by(draft, r, SUPPLIER_PREPOSITIONS[draft.lang])), None)
    recipient = next((r for r in refs if _preceded_by(draft, r, RECIPIENT_PREPOSITIONS[draft.lang])), None)
    if draft.lang == "en" and recipient is None:  # "supplying Pyongyang with …"
        recipient = next((r for r in refs if _SUPPLY_WITH.match(draft.text, r.end)), None)
    if supplier is None:
        supplier = next((r for r in refs if r.kind == "adjective" and 0 <= first_item - r.end <= 30), None)
    rest = [r for r in refs if r not in (supplier, recipient) and r.kind != "adjective"]
    if recipient is None and re.search(ARRIVING[draft.lang], sentence.text, re.IGNORECASE):
        recipient = next(
            (r for r in refs if _preceded_by(draft, r, ("in", "im", "nach"))), None
        )  # "in Russland eingetroffen"
    if re.search(RECEIVING_VERBS[draft.lang], sentence.text, re.IGNORECASE):
        recipient = recipient or (rest.pop(0) if rest else None)
    supplier = supplier or (rest.pop(0) if rest else None)
    recipient = recipient or (rest.pop(-1) if rest else None)
    return _party(draft, supplier), _party(draft, recipient)


def _party(draft: Draft, ref: ActorRef | None) -> str | None:
    """The actor of a reference; a country the vocabulary lacks ("Österreich") as a proposed state."""
    if ref is None:
        return None
    found = draft.index.actor_of(ref)
    if found is None and ref.country:
        found = draft.propose("state", ref.country, "", ref.start, ref.end)
    return found


_MEASURE_UNIT = re.compile(
    r"(?i)(?:milli|zenti|kilo)?met(?:er|re)s?\b|mm\b|cm\b|km\b|kaliber|calibre|caliber|tonnen|tons?\b"
)
ARRIVING = {"de": r"\beingetroffen\b|\btrifft\b|\btrafen\b[^.]*\bein\b|\bangekommen\b", "en": r"\barriv\w*"}
_IMPERSONAL = {"de": re.compile(r"(?:Man|Wir)\b"), "en": re.compile(r"(?:We|It)\b")}


def _entry_country(draft: Draft, actor: str) -> str | None:
    country = draft.actor(actor).get("country")
    return str(country) if country else None


_SUPPLY_WITH = re.compile(r"\s+with\b")


def _counterpart(draft: Draft, before: list[Candidate], supplier: str | None, recipient: str | None
                 ) -> tuple[str | None, str | None]:  # fmt: skip
    """A party the clause leaves out, from the last transfer between the named party and
    another ("Russia supplies Pyongyang …; North Korea, for its part, handed over …")."""
    if supplier is not None and recipient is not None:
        return supplier, recipient
    known = supplier or recipient
    for candidate in reversed(before[-10:]):  # the last few: a long text has many
        pair = (candidate.fields.get("supplier"), candidate.fields.get("recipient"))
        if known in pair and None not in pair:
            other = pair[1] if pair[0] == known else pair[0]
            return (known, other) if supplier else (other, known)
    partner = partner_of(draft, known)
    return (supplier, partner) if supplier else (partner, recipient)


def _stage(draft: Draft, span: Sentence, has_quantity: bool) -> str:
    if is_negated(span.text, draft.lang):
        return "not_delivered"
    for stage, pattern in STAGE_CUES[draft.lang]:
        if re.search(pattern, span.text, re.IGNORECASE):
            return stage
    return "delivered" if has_quantity else "ongoing"


def _candidate(draft: Draft, sentence: Sentence, span: Sentence, items: list[tuple[int, str, str]],
               quantity: Mention | None, before: list[Candidate]) -> Candidate | None:  # fmt: skip
    claim = frame(draft, sentence, items[0][0], items[0][0] + 1)
    if claim.denied and not is_negated(span.text, draft.lang):
        return None  # "Moscow denied that it had received shells": the denial is the action
    report = claim.report
    speaker = (report.speaker_start, report.speaker_end) if report else (0, 0)
    supplier, recipient = parties(draft, span, items[0][0], speaker)
    if _IMPERSONAL[draft.lang].match(span.text) and report is not None and report.actor:
        # "Man liefere Russland keine Munition": the speaker's state supplies, the one named receives
        own = _entry_country(draft, report.actor)
        state = draft.index.state_of(own) if own else None
        if state is not None and supplier != state:
            supplier, recipient = state, supplier
    if supplier is None and recipient is None:
        return None  # materiel no one supplies: a law, a debate, a category
    supplier, recipient = _counterpart(draft, before, supplier, recipient)
    stage = _stage(draft, span, quantity is not None)
    status = "alleged" if stage == "speculated" and claim.status in ("stated", "reported") else claim.status
    if (
        claim.denied
    ):  # "X wies das zurück: Moskau beziehe keine Munition": the denier's claim, against another
        status = "disputed"
    item = " and ".join(english for _, english, _ in items)
    fields: dict[str, Any] = {
        "id": "-".join(
            [supplier or "supplier", recipient or "recipient", *item.replace(" and ", " ").split()]
        ),
        "supplier": supplier,
        "recipient": recipient,
        "item": item,
        "item_category": items[0][2],
        "stage": stage,
        **(quantity_fields(quantity) if quantity else {}),
        "unit": _unit(draft, quantity.unit) if quantity and quantity.unit else None,
        **date_fields(claim),
        **quote_fields(draft, claim),
        "claim_status": status,
        "attributed_to": claim.attributed_to,
        "note": None,
    }
    hints = {"item": "what the source names, in English", **claim_hints(draft, claim)}
    if supplier is None or recipient is None:
        hints["supplier" if supplier is None else "recipient"] = "the text does not name it here: an actor id"
    return Candidate("arms_transfers", fields, claim.quote.start, hints)


def _unit(draft: Draft, unit: str) -> str:
    """The English name of materiel the quantity counts ("Granaten" -> "shells"), else the word."""
    items = materiel_in(unit, 0, len(unit), draft.lang)
    return items[0][1].split()[-1] if items else unit
