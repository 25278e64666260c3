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
    if any(v is not None for v in found):
        return (candidate.table, *found)
    return (candidate.table, fields.get("measure"), "vague") if candidate.table == "troop_figures" else None


def _span(candidate: Candidate) -> tuple[int, int]:
    return candidate.quote_at, candidate.quote_at + len(str(candidate.fields["quote"]))


def _without_vague_before_figures(
    candidates: list[Candidate], dropped: dict[tuple[int, int], str]
) -> list[Candidate]:
    """A figure without a number that a figure of the same force and measure right after gives
    ("Officials expect more troops to follow. … could send between 2,000 and 4,000")."""
    figures = [c for c in candidates if c.table == "troop_figures" and c.fields.get("qualifier") != "vague"]
    out = []
    for c in candidates:
        # "Officials expect more troops to follow": no number and no speaker
        unsaid = c.fields.get("qualifier") == "vague" and c.fields.get("attributed_to") is None
        later = _given_after(c, figures) if c.table == "troop_figures" and unsaid else None
        if later is None:
            out.append(c)
        else:
            dropped[_span(c)] = str(later.fields["id"])
    return out


def _one_denial(candidates: list[Candidate], dropped: dict[tuple[int, int], str]) -> list[Candidate]:
    """A state's denial and its ministry's right after are one ("Pjöngjang bestreitet das.
    Nordkoreas Außenministerium wies die Vorwürfe zurück"): the institution's is kept."""
    denials = [c for c in candidates if c.fields.get("action_type") == "deny"]
    out = []
    for c in candidates:
        twin = next(
            (d for d in denials if d is not c and 0 < d.quote_at - c.quote_at <= 300 and _same_side(c, d)),
            None,
        ) if c in denials and "-" not in str(c.fields.get("actor")) else None  # fmt: skip
        if twin is None:
            out.append(c)
        else:
            dropped[_span(c)] = str(twin.fields["id"])
    return out


def _same_side(first: Candidate, second: Candidate) -> bool:
    """Whether the second denial's actor is an organ of the first's state ("prk" and "prk-…")."""
    return str(second.fields.get("actor", "")).startswith(str(first.fields.get("actor")) + "-")


def _given_after(vague: Candidate, figures: list[Candidate]) -> Candidate | None:
    whose = (vague.fields.get("force"), vague.fields.get("measure"))
    for figure in figures:
        if (
            0 < figure.quote_at - vague.quote_at <= 400
            and (figure.fields.get("force"), figure.fields.get("measure")) == whose
        ):
            return figure
    return None


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
    candidates = _without_vague_before_figures(candidates, dropped)
    candidates = _one_denial(candidates, dropped)
    kept, moved = [], {}
    for candidate in candidates:
        key = _key(candidate)
        if key is None or best[key] is candidate:
            kept.append(candidate)
        else:
            dropped[_span(candidate)] = moved[str(candidate.fields["id"])] = str(best[key].fields["id"])
    # a headline that restated a figure the body states twice restates the one kept
    return kept, {span: moved.get(kept_id, kept_id) for span, kept_id in dropped.items()}
