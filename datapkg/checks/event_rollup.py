"""What an event's claims add up to: the derived columns of ``events``. The build computes them
(:func:`summarize`); the checks recompute them and report any difference
(:mod:`datapkg.checks.event_findings`).

The rules are written in the events schema and read from it here: the ladder of claim
statuses (``x-ladder`` and ``x-apart`` of ``strongest_status``), which claims count towards
its figures (``x-counted`` of ``value_best``) and which kinds of event last (``x-lasting`` of
``kind``). The reductions per event are NumPy's over the Arrow buffers, because Acero's
group_by and Arrow's conversions of Python values would import pandas, which validation does
without.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from datapkg._names import ResourceName
from datapkg.checks.arrow_values import flags, lit, numbers, optional_values, values
from datapkg.checks.claims import claim_rows
from datapkg.schema.specs import TableSpec

EVENTS: ResourceName = "events"
DERIVED: tuple[str, ...] = (
    "date_start", "date_end", "first_reported", "first_reported_in", "claim_count", "source_count",
    "attribution_count", "denial_count", "strongest_status", "unit", "value_best", "value_best_status",
    "value_low", "value_high",
)  # fmt: skip
"""The columns of ``events`` the build derives from the claims."""
NEEDED = ("event_id", "source_id", "claim_status", "polarity", "attributed_to", "value", "value_low",
          "value_high", "unit", "date_start", "date_end")  # fmt: skip
"""The claim columns the derivation reads (the quotes stay out of memory)."""
_BIG = np.iinfo(np.int64).max
_SMALL = np.iinfo(np.int64).min
_EPOCH = np.datetime64("1970-01-01", "D")


class RulesError(ValueError):
    """The events schema does not say how its columns are derived."""


@dataclass(frozen=True)
class Rules:
    """The events schema's rules: statuses strongest first (the ladder, then those kept apart),
    the claims counted for an event's figures, and the kinds of event that last."""

    statuses: tuple[str, ...]
    apart: frozenset[str]
    exclude: dict[str, tuple[str, ...]]
    only: dict[str, tuple[str, ...]]
    lasting: frozenset[str]

    @classmethod
    def of(cls, spec: TableSpec) -> Rules:
        """The rules of an events schema; RulesError when it lacks its ladder of statuses (the
        shapes of the rules are checked with the schema, by :mod:`datapkg.schema.lint`)."""
        status = spec.field("strongest_status").descriptor
        if "x-ladder" not in status:
            raise RulesError("strongest_status lacks x-ladder, the order of claim statuses it is read on")
        counted = spec.field("value_best").descriptor.get("x-counted", {})
        apart = tuple(status.get("x-apart", ()))
        return cls(
            statuses=tuple(v for rung in status["x-ladder"] for v in rung) + apart,
            apart=frozenset(apart),
            exclude={k: tuple(v) for k, v in counted.get("exclude", {}).items()},
            only={k: tuple(v) for k, v in counted.get("only", {}).items()},
            lasting=frozenset(spec.field("kind").descriptor.get("x-lasting", ())),
        )

    @property
    def columns(self) -> tuple[str, ...]:
        """Columns the claims need beyond the usual ones."""
        return tuple(dict.fromkeys([*self.exclude, *self.only]))


def _at(ufunc: Any, out: np.ndarray, codes: np.ndarray, values: np.ndarray) -> None:
    """``ufunc.at`` over event rows; the values in ``out``'s type, which keeps NumPy on its fast
    path (a cast inside ``at`` costs forty times as much)."""
    ufunc.at(out, codes, values.astype(out.dtype, copy=False))


def _codes(column: Any, known: Any) -> np.ndarray:
    """Position of each value in ``known``; -1 where it is null or not there."""
    return numbers(pc.index_in(column, value_set=known), -1, np.int32)


def _days(column: Any) -> np.ndarray:
    return numbers(column, 0, np.int32)


_mask = flags


def _per_event(n: int, codes: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """How many distinct keys (-1 counts as one) each event has."""
    width = int(keys.max(initial=0)) + 2
    pairs = codes.astype(np.int64) * width + keys + 1
    if n * width <= 1 << 22:  # a table of every (event, key) pair is small: count, don't sort
        seen = np.bincount(pairs, minlength=n * width).reshape(n, width) > 0
        counts: np.ndarray = seen.sum(axis=1)
        return counts
    return np.bincount(np.unique(pairs) // width, minlength=n)


@dataclass
class _Claims:
    """The claims of known events, as NumPy columns."""

    table: pa.Table
    code: np.ndarray  # the event's row
    source: np.ndarray  # the source's row, -1 when unknown
    rank: np.ndarray  # position of the status on the ladder (unknown: after all)
    asserting: np.ndarray


def _claims(rules: Rules, events: pa.Table, claims: pa.Table, sources: pa.Table) -> _Claims:
    code = _codes(claims["event_id"], events["id"])
    keep = code >= 0
    table = claims.filter(values(keep, pa.bool_())) if not keep.all() else claims
    rank = _codes(table["claim_status"], values(rules.statuses, pa.string()))
    rank[rank < 0] = len(rules.statuses)
    asserting = ~_mask(pc.equal(table["polarity"], lit("negative")))
    return _Claims(table, code[keep], _codes(table["source_id"], sources["id"]), rank, asserting)


def _dates(rules: Rules, kinds: list[Any], c: _Claims, n: int) -> tuple[list[Any], list[Any]]:
    """The span of each event: over its dated asserting claims, the projected ones only when
    there are no others; where all of a single act's claims agree, else all their dates."""
    start, end = _days(c.table["date_start"]), _days(c.table["date_end"])
    dated = c.asserting & _mask(pc.is_valid(c.table["date_start"])) & _mask(pc.is_valid(c.table["date_end"]))
    apart = np.isin(c.rank, [i for i, s in enumerate(rules.statuses) if s in rules.apart])
    firm = np.zeros(n, dtype=bool)
    firm[c.code[dated & ~apart]] = True
    use = dated & (apart != firm[c.code])
    lows, highs = np.full(n, _BIG), np.full(n, _SMALL)
    late_start, early_end = np.full(n, _SMALL), np.full(n, _BIG)
    _at(np.minimum, lows, c.code[use], start[use])
    _at(np.maximum, highs, c.code[use], end[use])
    _at(np.maximum, late_start, c.code[use], start[use])
    _at(np.minimum, early_end, c.code[use], end[use])
    starts: list[Any] = []
    ends: list[Any] = []
    for e in range(n):
        if highs[e] == _SMALL:
            starts.append(None)
            ends.append(None)
        elif kinds[e] in rules.lasting or late_start[e] > early_end[e]:
            starts.append(_day(lows[e]))
            ends.append(_day(highs[e]))
        else:
            starts.append(_day(late_start[e]))
            ends.append(_day(early_end[e]))
    return starts, ends


def _day(days: int) -> Any:
    return (_EPOCH + np.timedelta64(int(days), "D")).astype(object)


def _first_reported(c: _Claims, sources: pa.Table, n: int) -> tuple[list[Any], list[Any]]:
    """The earliest publication date among each event's sources, and that source (lowest id)."""
    known = c.source >= 0
    published = _days(sources["published_earliest"])[c.source[known]]
    code = c.code[known]
    first = np.full(n, _BIG)
    _at(np.minimum, first, code, published)
    ids = sources["id"].to_pylist()
    order = np.argsort(np.argsort(np.asarray(ids, dtype=object)))  # rank of each source id
    at_first = published == first[code]
    lowest = np.full(n, _BIG)
    _at(np.minimum, lowest, code[at_first], order[c.source[known]][at_first])
    by_rank = {int(r): ids[i] for i, r in enumerate(order)}
    return (
        [None if first[e] == _BIG else _day(first[e]) for e in range(n)],
        [by_rank.get(int(lowest[e])) for e in range(n)],
    )


def _counts(c: _Claims, n: int) -> dict[str, list[Any]]:
    """Claims, sources, attributions (each actor once, each source's own voice once) and denials."""
    encoded = pc.dictionary_encode(c.table["attributed_to"].combine_chunks())
    actor = numbers(encoded.indices, -1, np.int32)
    who_code = np.where(actor >= 0, actor, len(encoded.dictionary) + c.source + 1)
    return {
        "claim_count": np.bincount(c.code, minlength=n).tolist(),
        "source_count": _per_event(n, c.code, c.source).tolist(),
        "attribution_count": _per_event(n, c.code, who_code).tolist(),
        "denial_count": np.bincount(c.code[~c.asserting], minlength=n).tolist(),
    }


def _strongest(rules: Rules, c: _Claims, n: int) -> list[Any]:
    best = np.full(n, len(rules.statuses))
    _at(np.minimum, best, c.code[c.asserting], c.rank[c.asserting])
    return [rules.statuses[r] if r < len(rules.statuses) else None for r in best]


def _counted(rules: Rules, c: _Claims) -> np.ndarray:
    """The claims counted for their event's figures (``x-counted``)."""
    counted = c.asserting.copy()
    for column, excluded in rules.exclude.items():
        counted &= ~_mask(pc.is_in(c.table[column], value_set=values(excluded, pa.string())))
    for column, allowed in rules.only.items():
        inside = pc.is_in(c.table[column], value_set=values(allowed, pa.string()))
        counted &= _mask(inside) | _mask(pc.is_null(c.table[column]))
    numbered = [_mask(pc.is_valid(c.table[k])) for k in ("value", "value_low", "value_high")]
    return np.asarray(counted & (numbered[0] | numbered[1] | numbered[2]))


Mixed = dict[int, list[str]]  # event row -> the units its counted claims mix


def _subset(c: _Claims, mask: np.ndarray, columns: list[str]) -> _Claims:
    """The claims where ``mask`` holds, with only ``columns`` of their table."""
    rows = values(np.flatnonzero(mask), pa.int64())
    return _Claims(
        c.table.select(columns).take(rows), c.code[mask], c.source[mask], c.rank[mask], c.asserting[mask]
    )


def _mixed_units(c: _Claims, unit: np.ndarray, names: list[Any], n: int) -> Mixed:
    """The events whose counted claims give figures in more than one unit, with those units."""
    per_event = _per_event(n, c.code, unit)
    return {
        e: sorted({str(names[u]) for u in unit[c.code == e] if u >= 0}) for e in range(n) if per_event[e] > 1
    }


def _published(sources: pa.Table, column: str, source: np.ndarray) -> np.ndarray:
    """A source column of days for each claim (0 where its source is unknown)."""
    days = _days(sources[column])
    if len(days) == 0:
        return np.zeros(len(source), dtype=np.int32)
    return np.where(source >= 0, days[np.maximum(source, 0)], 0)


def _latest(c: _Claims, sources: pa.Table, n: int) -> np.ndarray:
    """The (counted) claims dated at the latest date any of their event's claims starts: a
    deployment's or a supply stream's figures are cumulative. An undated claim is dated with its
    source's publication window."""
    t = c.table
    earliest, latest = (
        _published(sources, column, c.source) for column in ("published_earliest", "published_latest")
    )
    start = np.where(_mask(pc.is_valid(t["date_start"])), _days(t["date_start"]), earliest)
    end = np.where(_mask(pc.is_valid(t["date_end"])), _days(t["date_end"]), latest)
    latest_start = np.full(n, _SMALL)
    _at(np.maximum, latest_start, c.code, start)
    return np.asarray(end >= latest_start[c.code])


def _extremes(rules: Rules, c: _Claims, keep: np.ndarray, n: int) -> dict[str, list[Any]]:
    """Low, high and best of the kept claims of each event, and the status the best comes from."""
    t = c.table
    value, has_value = numbers(t["value"], 0), _mask(pc.is_valid(t["value"]))
    out: dict[str, list[Any]] = {}
    for column, reduce, empty in (("value_low", np.minimum, _BIG), ("value_high", np.maximum, _SMALL)):
        bound, has_bound = numbers(t[column], 0), _mask(pc.is_valid(t[column]))
        figure = np.where(has_bound, bound, value)
        rows = keep & (has_bound | has_value)
        result = np.full(n, empty)
        _at(reduce, result, c.code[rows], figure[rows])
        out[column] = [None if r == empty else int(r) for r in result]
    valued = keep & has_value
    strongest = np.full(n, _BIG)
    _at(np.minimum, strongest, c.code[valued], c.rank[valued])
    chosen = valued & (c.rank == strongest[c.code])
    best = np.full(n, _BIG)
    _at(np.minimum, best, c.code[chosen], value[chosen])
    out["value_best"] = [None if b == _BIG else int(b) for b in best]
    out["value_best_status"] = [
        # an unknown status ranks after all (and is reported by the enum check)
        None if b == _BIG or s >= len(rules.statuses) else rules.statuses[s]
        for b, s in zip(best, strongest, strict=True)
    ]
    return out


def _figures(
    rules: Rules, c: _Claims, sources: pa.Table, named: list[Any]
) -> tuple[dict[str, list[Any]], Mixed]:
    """Unit, best, low and high of each event, and the events whose counted claims mix units.
    ``named`` is each event's unit as its curators named it (or None): only claims in it count."""
    n = len(named)
    # From here on only the counted claims, and the columns their figures need: memory at scale.
    c = _subset(c, _counted(rules, c), ["value", "value_low", "value_high", "unit", "date_start", "date_end"])
    encoded = pc.dictionary_encode(c.table["unit"].combine_chunks())
    unit, names = numbers(encoded.indices, -1, np.int32), encoded.dictionary.to_pylist()
    if any(u is not None for u in named):  # only claims in the unit the curators named count
        wanted = _codes(values([u or "" for u in named], pa.string()), encoded.dictionary)
        in_unit = (unit == wanted[c.code]) | np.asarray([u is None for u in named], dtype=bool)[c.code]
        c, unit = _subset(c, in_unit, c.table.column_names), unit[in_unit]
    mixed = _mixed_units(c, unit, names, n)
    keep = _latest(c, sources, n)
    out = _extremes(rules, c, keep, n)
    unit_of: list[Any] = [None] * n
    kept = np.flatnonzero(keep)
    events, first = np.unique(c.code[kept], return_index=True)  # one kept claim an event is enough
    for event, row in zip(events, kept[first], strict=True):
        unit_of[event] = names[unit[row]] if unit[row] >= 0 else None
    out["unit"] = [given if given is not None else found for given, found in zip(named, unit_of, strict=True)]
    for e in mixed:
        for column in ("unit", "value_best", "value_best_status", "value_low", "value_high"):
            out[column][e] = None  # figures in different units are never combined
    return out, mixed


def derive(
    rules: Rules, events: pa.Table, claims: pa.Table, sources: pa.Table
) -> tuple[dict[str, list[Any]], Mixed]:
    """Every derived column, per event row; and the rows whose counted figures mix units, with
    the units."""
    n = events.num_rows
    c = _claims(rules, events, claims, sources)
    starts, ends = _dates(rules, events["kind"].to_pylist(), c, n)
    first, first_in = _first_reported(c, sources, n)
    named = events["unit"].to_pylist() if "unit" in events.column_names else [None] * n
    figures, mixed = _figures(rules, c, sources, named)
    derived = {"date_start": starts, "date_end": ends, "first_reported": first, "first_reported_in": first_in}
    derived |= _counts(c, n) | {"strongest_status": _strongest(rules, c, n)} | figures
    return derived, mixed


def rules_and_claims(
    specs: Mapping[ResourceName, TableSpec], tables: Mapping[ResourceName, pa.Table]
) -> tuple[Rules, pa.Table]:
    rules = Rules.of(specs[EVENTS])
    return rules, claim_rows(specs, tables, rules.columns, NEEDED)


def summarize(specs: Mapping[ResourceName, TableSpec], tables: Mapping[ResourceName, pa.Table]) -> pa.Table:
    """The events table with its derived columns filled in from the fact tables."""
    rules, claims = rules_and_claims(specs, tables)
    events = tables[EVENTS]
    derived, _ = derive(rules, events, claims, tables["sources"])
    for name in DERIVED:
        index = events.schema.get_field_index(name)
        field = events.schema.field(index)  # the Field keeps the description in the metadata
        events = events.set_column(index, field, optional_values(derived[name], field.type))
    return events
