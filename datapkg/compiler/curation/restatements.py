"""A figure an article gives twice (in its lede and again in its body) is one claim: the draft
keeps the record that says more (who said it, a date of its own, not the headline, the longer
quote) and offers the other mentions as ignored, with the kept record named in the reason."""

from __future__ import annotations

from typing import Any

from datapkg.compiler.curation.candidates import Candidate

# What makes two candidates of one table the same claim.
SAME_CLAIM = {
    # a headline drops "rund": "11.000 Soldaten" restates "rund 11.000 Soldaten"
    "troop_figures": ("force", "measure", "value", "value_low", "value_high"),
    "arms_transfers": ("supplier", "recipient", "item", "stage", "value", "value_low", "value_high"),
    "military_rankings": ("country", "ranking", "edition", "metric", "rank"),
    "diplomatic_actions": ("actor", "action_type", "target"),
}


def _key(candidate: Candidate) -> tuple[Any, ...] | None:
    names = SAME_CLAIM.get(candidate.table)
    if names is None:
        return None
    values = tuple(candidate.fields.get(n) for n in names)
    if all(v is None for v in values[2:]):  # nothing but parties: too little to call it the same
        return None
    return (candidate.table, *map(repr, values))


def _evidence(candidate: Candidate) -> tuple[bool, bool, bool, int]:
    fields = candidate.fields
    return (
        fields.get("attributed_to") is not None,
        fields.get("date_basis") not in (None, "publication"),
        candidate.quote_at > 0,
        len(str(fields.get("quote") or "")),
    )


def _summary_key(candidate: Candidate) -> tuple[Any, ...] | None:
    """What a headline or summary line shares with the body's record of the same claim: a
    figure's value, an action's actor, type and counterpart."""
    fields = candidate.fields
    if candidate.table == "diplomatic_actions":
        return (candidate.table, fields.get("actor"), fields.get("action_type"), fields.get("target"))
    found = (fields.get("value"), fields.get("value_low"), fields.get("value_high"))
    return (candidate.table, *found) if any(v is not None for v in found) else None


def _span(candidate: Candidate) -> tuple[int, int]:
    return candidate.quote_at, candidate.quote_at + len(str(candidate.fields["quote"]))


def drop_restatements(
    candidates: list[Candidate], summary: list[tuple[int, int]] | None = None
) -> tuple[list[Candidate], dict[tuple[int, int], str]]:
    """The candidates without repeats, and for each dropped quote's span the id of the kept one.
    A claim of a headline or summary line (``summary``: their spans) is restated by the body's
    claim of the same value or act, whatever the headline leaves out ("At least 100 dead in
    Kursk"); in the body, figures of one force, measure and value are one."""
    lines = summary or []

    def summed(c: Candidate) -> bool:
        return any(a <= c.quote_at < b for a, b in lines)

    body = {_summary_key(c): c for c in reversed(candidates) if not summed(c) and _summary_key(c)}
    dropped: dict[tuple[int, int], str] = {}
    for candidate in candidates:
        again = body.get(_summary_key(candidate)) if summed(candidate) else None
        if again is not None:
            dropped[_span(candidate)] = str(again.fields["id"])
    candidates = [c for c in candidates if _span(c) not in dropped]
    best: dict[tuple[Any, ...], Candidate] = {}
    for candidate in candidates:
        key = _key(candidate)
        if key is not None and (key not in best or _evidence(candidate) > _evidence(best[key])):
            best[key] = candidate
    kept, moved = [], {}
    for candidate in candidates:
        key = _key(candidate)
        if key is None or best[key] is candidate:
            kept.append(candidate)
        else:
            dropped[_span(candidate)] = moved[str(candidate.fields["id"])] = str(best[key].fields["id"])
    # a headline that restated a figure the body states twice restates the one kept
    return kept, {span: moved.get(kept_id, kept_id) for span, kept_id in dropped.items()}
