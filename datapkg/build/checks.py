"""Checks on the assembled Arrow tables: every field constraint of the schema
(``column_checks``), then the rules that span fields, rows and tables: bounds,
dates, foreign keys, quotes and mentions.

The same checks serve the build (findings are then located in the YAML files)
and validation of built packages. Rules are vectorised Arrow compute calls;
Python touches only failing rows and the distinct (source, offsets, quote)
combinations whose slices must be compared with the source text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from datapkg._names import FACT_TABLES, ResourceName
from datapkg.build.arrow_values import lit, values
from datapkg.build.column_checks import (
    Finding,
    distinct_rows,
    field_findings,
    findings_at,
    findings_where,
    positions,
    structure_findings,
)
from datapkg.build.schemas import TableSpec

__all__ = ["Finding", "check_tables"]

Tables = Mapping[ResourceName, pa.Table]


def _or(*masks: Any) -> Any:
    out = masks[0]
    for m in masks[1:]:
        out = pc.or_kleene(out, m)
    return out


def _and(*masks: Any) -> Any:
    out = masks[0]
    for m in masks[1:]:
        out = pc.and_kleene(out, m)
    return out


def _quantity_rules(name: str, t: pa.Table) -> list[Finding]:
    value, low, high, q = t["value"], t["value_low"], t["value_high"], t["qualifier"]
    has_number = _or(pc.is_valid(value), pc.is_valid(low), pc.is_valid(high))
    return [
        *findings_where(
            name,
            t,
            pc.greater(low, value),
            "value_low",
            lambda r: f"value_low {r['value_low']} is above value {r['value']}",
        ),
        *findings_where(
            name,
            t,
            pc.greater(value, high),
            "value_high",
            lambda r: f"value_high {r['value_high']} is below value {r['value']}",
        ),
        *findings_where(
            name,
            t,
            pc.greater(low, high),
            "value_low",
            lambda r: f"value_low {r['value_low']} is above value_high {r['value_high']}",
        ),
        *findings_where(
            name,
            t,
            _and(pc.equal(q, lit("vague")), pc.is_valid(value)),
            "value",
            "qualifier 'vague' means the source gives no number; leave value empty",
        ),
        *findings_where(
            name,
            t,
            _and(pc.is_null(q), has_number),
            "qualifier",
            "a quantity needs a qualifier (exact, approx, more_than, less_than, at_least, up_to, vague)",
        ),
        *findings_where(
            name,
            t,
            _and(pc.not_equal(q, lit("vague")), pc.invert(has_number)),
            "value",
            lambda r: f"qualifier {r['qualifier']!r} needs a value (or use 'vague')",
        ),
        *findings_where(
            name,
            t,
            _and(
                pc.is_in(q, value_set=values(["more_than", "at_least"], pa.string())),
                pc.not_equal(low, value),
            ),
            "value_low",
            lambda r: f"qualifier {r['qualifier']!r} implies value_low = value ({r['value']})",
        ),
        *findings_where(
            name,
            t,
            _and(
                pc.is_in(q, value_set=values(["up_to", "less_than"], pa.string())), pc.not_equal(high, value)
            ),
            "value_high",
            lambda r: f"qualifier {r['qualifier']!r} implies value_high = value ({r['value']})",
        ),
    ]


def _rows_matching(table: pa.Table, columns: list[str], wrong: Callable[..., bool]) -> list[int]:
    """Positions of the rows whose values in ``columns`` make ``wrong`` true (nulls never do).

    ``wrong`` sees each distinct combination once, so repeated records cost nothing."""
    bad = {
        combo
        for combo in (tuple(r[c] for c in columns) for r in distinct_rows(table, columns))
        if None not in combo and wrong(*combo)
    }
    if not bad:
        return []
    rows = zip(*(table[c].to_pylist() for c in columns), strict=True)
    return [i for i, combo in enumerate(rows) if combo in bad]


def _month_end(dates: Any) -> Any:
    next_day = pc.cast(pc.add(pc.cast(dates, pa.int32()), lit(1, pa.int32())), pa.date32())
    return pc.equal(pc.day(next_day), lit(1))


def _date_rules(name: str, t: pa.Table, published_latest: Any) -> list[Finding]:
    start, end, precision = t["date_start"], t["date_end"], t["date_precision"]
    parts = [pc.is_valid(t[c]) for c in ("date_start", "date_end", "date_precision", "date_basis")]
    partial = _and(_or(*parts), pc.invert(_and(*parts)))
    month_bad = _and(
        pc.equal(precision, lit("month")),
        _or(pc.not_equal(pc.day(start), lit(1)), pc.invert(_month_end(end))),
    )
    year_end = _and(pc.equal(pc.month(end), lit(12)), pc.equal(pc.day(end), lit(31)))
    year_bad = _and(
        pc.equal(precision, lit("year")),
        _or(pc.not_equal(pc.day_of_year(start), lit(1)), pc.invert(year_end)),
    )
    future = _and(pc.greater(start, published_latest), pc.not_equal(t["claim_status"], lit("projected")))
    return [
        *findings_where(
            name, t, partial, "date_basis", "date and date_basis go together: give both or neither"
        ),
        *findings_where(
            name,
            t,
            _and(pc.is_valid(t["date_text"]), pc.is_null(start)),
            "date_text",
            "date_text given without a date",
        ),
        *findings_where(
            name,
            t,
            pc.less(end, start),
            "date_end",
            lambda r: f"date_end {r['date_end']} is before date_start {r['date_start']}",
        ),
        *findings_where(
            name, t, month_bad, "date_start", "month precision needs whole months (first to last day)"
        ),
        *findings_where(
            name, t, year_bad, "date_start", "year precision needs whole years (1 January to 31 December)"
        ),
        *findings_at(
            name,
            t,
            _rows_matching(t, ["date_text", "quote"], lambda date_text, quote: date_text not in quote),
            "date_text",
            lambda r: f"date_text {r['date_text']!r} does not occur in the quote",
        ),
        *findings_where(
            name,
            t,
            future,
            "date_start",
            lambda r: (
                f"date_start {r['date_start']} is after the source's publication window; "
                "only a projected claim can be dated after publication"
            ),
        ),
    ]


def _slices_differ(t: pa.Table, start: str, end: str, text: str, texts: Mapping[str, str]) -> list[int]:
    """Positions of the rows whose source text at [start:end] is not ``text``."""
    return _rows_matching(
        t,
        ["source_id", start, end, text],
        lambda source, a, b, quoted: source in texts and texts[source][a:b] != quoted,
    )


def _quote_rules(name: str, t: pa.Table, texts: Mapping[str, str]) -> list[Finding]:
    wrong_length = pc.not_equal(pc.subtract(t["quote_end"], t["quote_start"]), pc.utf8_length(t["quote"]))
    return [
        *findings_where(
            name, t, wrong_length, "quote_end", "quote_end - quote_start must equal the quote's length"
        ),
        *findings_at(
            name,
            t,
            _slices_differ(t, "quote_start", "quote_end", "quote", texts),
            "quote",
            lambda r: f"quote differs from the source text at {r['quote_start']}:{r['quote_end']}",
        ),
    ]


def _ranking_rules(t: pa.Table) -> list[Finding]:
    name = "military_rankings"
    derived = pc.equal(t["rank_basis"], lit("derived"))
    vague = pc.equal(t["qualifier"], lit("vague"))
    return [
        *findings_where(
            name,
            t,
            _and(derived, _or(pc.is_null(t["derivation"]), pc.is_null(t["derived_from"]))),
            "derivation",
            "a derived rank needs derivation (how) and derived_from (the stated rank it comes from)",
        ),
        *findings_where(
            name,
            t,
            _and(pc.invert(derived), _or(pc.is_valid(t["derivation"]), pc.is_valid(t["derived_from"]))),
            "rank_basis",
            "derivation and derived_from belong to derived ranks only",
        ),
        *findings_where(
            name,
            t,
            _and(vague, pc.is_valid(t["rank"])),
            "rank",
            "qualifier 'vague' means the source gives no place; leave rank empty",
        ),
        *findings_where(
            name,
            t,
            _and(pc.invert(vague), pc.is_null(t["rank"])),
            "rank",
            "a rank is required unless qualifier is 'vague'",
        ),
    ]


def _mention_rules(t: pa.Table, all_ids: pa.ChunkedArray, texts: Mapping[str, str] | None) -> list[Finding]:
    name = "mentions"
    covered = pc.equal(t["status"], lit("covered"))
    ids = pc.split_pattern(t["covered_by"], " ")
    flat = pc.list_flatten(ids)
    found = pc.is_in(flat, value_set=all_ids)
    unknown_at = pc.filter(pc.list_parent_indices(ids), pc.invert(found))
    out = [
        *findings_where(
            name,
            t,
            _and(covered, pc.is_null(t["covered_by"])),
            "covered_by",
            "a covered mention names its records",
        ),
        *findings_where(
            name,
            t,
            _and(pc.invert(covered), pc.is_null(t["ignore_reason"])),
            "ignore_reason",
            "an ignored mention needs a reason",
        ),
        *findings_where(
            name,
            t,
            _and(covered, pc.is_valid(t["ignore_reason"])),
            "ignore_reason",
            "a covered mention has no ignore reason",
        ),
        *findings_where(
            name,
            t,
            pc.not_equal(pc.subtract(t["end"], t["start"]), pc.utf8_length(t["text"])),
            "end",
            "end - start must equal the length of text",
        ),
        *findings_at(
            name,
            t,
            sorted(set(unknown_at.to_pylist())),
            "covered_by",
            lambda r: f"covered_by {r['covered_by']!r} names a record that does not exist",
        ),
    ]
    if texts is not None:
        out += findings_at(
            name,
            t,
            _slices_differ(t, "start", "end", "text", texts),
            "text",
            lambda r: f"text differs from the source at {r['start']}:{r['end']}",
        )
    return out


def _foreign_keys(specs: Mapping[ResourceName, TableSpec], tables: Tables) -> list[Finding]:
    out: list[Finding] = []
    for name, spec in specs.items():
        table = tables[name]
        for field, ref_table, ref_field in spec.foreign_keys:
            referenced = tables.get(ref_table)  # type: ignore[call-overload]
            known = referenced[ref_field] if referenced is not None else values([], pa.string())
            missing = _and(pc.is_valid(table[field]), pc.invert(pc.is_in(table[field], value_set=known)))
            out += findings_where(
                name,
                table,
                missing,
                field,
                lambda r, f=field, rt=ref_table: f"unknown {f} {r[f]!r}: no such id in {rt}",
            )
    return out


def _fact_ids(tables: Tables) -> pa.ChunkedArray:
    return pa.chunked_array([chunk for n in FACT_TABLES for chunk in tables[n]["id"].chunks], pa.string())


def _row_order(specs: Mapping[ResourceName, TableSpec], tables: Tables) -> list[Finding]:
    """Rows in primary-key order, as the build writes them: readers may rely on it.
    Each row is compared with the one before it, column by column, in one pass."""
    out: list[Finding] = []
    for name, spec in specs.items():
        t, key = tables[name], spec.primary_key
        if t.num_rows < 2:
            continue
        before: Any = None  # row i sorts before row i - 1 on the key columns compared so far
        tied: Any = None
        for column in key:
            current, previous = t[column].slice(1), t[column].slice(0, t.num_rows - 1)
            less = pc.less(current, previous)
            before = less if tied is None else _or(before, _and(tied, less))
            same = pc.equal(current, previous)
            tied = same if tied is None else _and(tied, same)
        out += findings_at(
            name,
            t,
            [p + 1 for p in positions(before)],
            key[0],
            f"out of order: sorts before the row above it; rows are sorted by {', '.join(key)}",
        )
    return out


def _global_ids(tables: Tables, all_ids: pa.ChunkedArray) -> list[Finding]:
    if len(pc.unique(all_ids)) == len(all_ids):
        return []  # the common case, settled by one hash pass
    out: list[Finding] = []
    for i, name in enumerate(FACT_TABLES):
        for other in FACT_TABLES[:i]:
            clash = pc.is_in(tables[name]["id"], value_set=tables[other]["id"])
            out += findings_where(
                name,
                tables[name],
                clash,
                "id",
                f"id is already used in {other}; ids are unique across tables",
            )
    return out


def _sources_rules(sources: pa.Table) -> list[Finding]:
    return findings_where(
        "sources",
        sources,
        pc.less(sources["published_latest"], sources["published_earliest"]),
        "published_latest",
        "publication window ends before it starts",
    )


def _fact_rules(name: str, t: pa.Table, sources: pa.Table, texts: Mapping[str, str] | None) -> list[Finding]:
    out: list[Finding] = []
    if "value" in t.column_names:
        out += _quantity_rules(name, t)
    if "date_start" in t.column_names:
        published_latest = pc.take(
            sources["published_latest"], pc.index_in(t["source_id"], value_set=sources["id"])
        )
        out += _date_rules(name, t, published_latest)
    if texts is not None:
        out += _quote_rules(name, t, texts)
    return out


Job = Callable[[], list[Finding]]


def _rule_jobs(
    specs: Mapping[ResourceName, TableSpec], tables: Tables, texts: Mapping[str, str] | None
) -> list[tuple[Job, bool]]:
    """The rules across fields, rows and tables as independent jobs, in the order their
    findings are reported, each with whether it is costly (hashes every fact id)."""
    all_ids = _fact_ids(tables)
    return [
        (partial(_foreign_keys, specs, tables), False),
        (partial(_global_ids, tables, all_ids), True),
        (partial(_row_order, specs, tables), False),
        (partial(_sources_rules, tables["sources"]), False),
        *(
            (partial(_fact_rules, name, tables[name], tables["sources"], texts), False)
            for name in FACT_TABLES
        ),
        (partial(_ranking_rules, tables["military_rankings"]), False),
        (partial(_mention_rules, tables["mentions"], all_ids, texts), True),
    ]


def check_tables(
    specs: Mapping[ResourceName, TableSpec], tables: Tables, texts: Mapping[str, str] | None
) -> list[Finding]:
    """Every finding over all tables. ``texts`` (source id -> text) enables the slice checks."""
    structure = {name: structure_findings(spec, tables[name]) for name, spec in specs.items()}
    fields: dict[ResourceName, Job] = {
        name: partial(field_findings, spec, tables[name])
        for name, spec in specs.items()
        if not structure[name]
    }
    # With wrong columns or types the rules would only repeat those findings.
    rules = _rule_jobs(specs, tables, texts) if not any(structure.values()) else []
    # Independent jobs share both cores (Arrow kernels release the GIL). The costly ones
    # run one after another on one core, from the start, so that their hash tables never
    # coexist; the other core takes the rest.
    costly = [job for job, is_costly in rules if is_costly]
    rest = [*fields.values(), *(job for job, is_costly in rules if not is_costly)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        chain = pool.submit(lambda: {job: job() for job in costly})
        done = {job: pool.submit(job) for job in rest}
        results = {job: future.result() for job, future in done.items()} | chain.result()
    out = [f for name in specs for f in structure[name] or results[fields[name]]]
    return out + [f for job, _ in rules for f in results[job]]
