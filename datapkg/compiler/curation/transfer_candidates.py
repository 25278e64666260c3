"""Draft arms transfers: one per sentence that names materiel."""

from __future__ import annotations

import re
from typing import Any

from datapkg.compiler.curation.actor_names import ActorRef
from datapkg.compiler.curation.candidates import (
    Candidate,
    Draft,
    date_in,
    has_stem,
    quantity_fields,
    status_of,
)
from datapkg.compiler.curation.lexicon import (
    MATERIEL,
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
    out = []
    for sentence in draft.sentences:
        items = materiel_in(draft.text, sentence.start, sentence.end, draft.lang)
        if items and re.search(TRANSFER_CUES[draft.lang], sentence.text, re.IGNORECASE):
            out.append(_candidate(draft, sentence, items))
    return out


def _preceded_by(draft: Draft, ref: ActorRef, words_before: tuple[str, ...]) -> bool:
    before = draft.text[max(0, ref.start - 12) : ref.start].lower().split()
    return bool(before) and (before[-1] in words_before or (len(before) > 1 and before[-2] in words_before))


def parties(draft: Draft, sentence: Sentence, first_item: int) -> tuple[str | None, str | None]:
    """Supplier and recipient: "aus X"/"from X" supplies, "an X"/"to X" receives, an adjective
    at the materiel supplies ("nordkoreanische Granaten"); otherwise the subject supplies,
    or receives where the verb says so ("Russland erhielt")."""
    refs = [
        r
        for r in draft.refs(sentence.start, sentence.end)
        if draft.index.actor_of(r) and r.kind in PARTY_KINDS
    ]
    supplier = next((r for r in refs if _preceded_by(draft, r, SUPPLIER_PREPOSITIONS[draft.lang])), None)
    recipient = next((r for r in refs if _preceded_by(draft, r, RECIPIENT_PREPOSITIONS[draft.lang])), None)
    if supplier is None:
        supplier = next((r for r in refs if r.kind == "adjective" and 0 <= first_item - r.end <= 30), None)
    rest = [r for r in refs if r not in (supplier, recipient) and r.kind != "adjective"]
    if re.search(RECEIVING_VERBS[draft.lang], sentence.text, re.IGNORECASE):
        recipient = recipient or (rest.pop(0) if rest else None)
    supplier = supplier or (rest.pop(0) if rest else None)
    recipient = recipient or (rest.pop(-1) if rest else None)
    return (
        draft.index.actor_of(supplier) if supplier else None,
        draft.index.actor_of(recipient) if recipient else None,
    )


def _stage(draft: Draft, sentence: Sentence, has_quantity: bool) -> str:
    for stage, pattern in STAGE_CUES[draft.lang]:
        if re.search(pattern, sentence.text, re.IGNORECASE):
            return stage
    return "delivered" if has_quantity else "ongoing"


def _candidate(draft: Draft, sentence: Sentence, items: list[tuple[int, str, str]]) -> Candidate:
    supplier, recipient = parties(draft, sentence, items[0][0])
    quantity = next(
        (m for m in draft.mentions_in(sentence.start, sentence.end) if m.kind == "quantity"
         and not has_stem(m.unit or "", PERSONNEL_STEMS[draft.lang], draft.lang)),
        None,
    )  # fmt: skip
    date = date_in(draft, sentence)
    said = draft.said(sentence)
    item = " and ".join(english for _, english, _ in items)
    fields: dict[str, Any] = {
        "id": "-".join(
            [supplier or "supplier", recipient or "recipient", *item.replace(" and ", " ").split()]
        ),
        "supplier": supplier,
        "recipient": recipient,
        "item": item,
        "item_category": items[0][2],
        "stage": _stage(draft, sentence, quantity is not None),
        **(quantity_fields(quantity) if quantity else {}),
        "unit": _unit(draft, quantity.unit) if quantity and quantity.unit else None,
        **({"date": date.value, "date_basis": date.basis, "date_text": date.text} if date else {}),
        "quote": sentence.text,
        "quote_en": None,
        "claim_status": status_of(draft, sentence, sentence, date, said),
        "attributed_to": said.actor if said else None,
        "note": None,
    }
    hints = {"quote_en": "translate the quote", "item": "what the source names, in English"}
    if supplier is None or recipient is None:
        hints["supplier" if supplier is None else "recipient"] = "not found in the sentence: an actor id"
    return Candidate("arms_transfers", fields, sentence.start, hints)


def _unit(draft: Draft, unit: str) -> str:
    """The English name of materiel the quantity counts ("Granaten" -> "shells"), else the word."""
    items = materiel_in(unit, 0, len(unit), draft.lang)
    return items[0][1].split()[-1] if items else unit
