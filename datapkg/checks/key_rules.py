"""Rules across rows and tables: foreign keys, ids unique across the fact tables, rows in
primary-key order, the record ids that mentions name, and dates against the publication
window of the record's source.

The id look-ups hash every fact id (about 600 MB at a million records per
table); ``checks`` runs them one after the other so that two such tables never
coexist.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from datapkg._names import FACT_TABLES, ResourceName
from datapkg.checks.arrow_values import lit, values
from datapkg.checks.findings import Finding, all_of, any_of, findings_at, findings_where, positions
from datapkg.schema.specs import TableSpec

Tables = Mapping[ResourceName, pa.Table]


def foreign_keys(specs: Mapping[ResourceName, TableSpec], tables: Tables) -> list[Finding]:
    out: list[Finding] = []
    for name, spec in specs.items():
        table = tables[name]
        for field, ref_table, ref_field in spec.foreign_keys:
            referenced = tables.get(ref_table)  # type: ignore[call-overload]
            known = referenced[ref_field] if referenced is not None else values([], pa.string())
            missing = all_of(pc.is_valid(table[field]), pc.invert(pc.is_in(table[field], value_set=known)))
            out += findings_where(
                name,
                table,
                missing,
                field,
                lambda r, f=field, rt=ref_table: f"unknown {f} {r[f]!r}: no such id in {rt}",
            )
    return out


def fact_ids(tables: Tables) -> pa.ChunkedArray:
    return pa.chunked_array([chunk for n in FACT_TABLES for chunk in tables[n]["id"].chunks], pa.string())


def row_order(specs: Mapping[ResourceName, TableSpec], tables: Tables) -> list[Finding]:
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
            before = less if tied is None else any_of(before, all_of(tied, less))
            same = pc.equal(current, previous)
            tied = same if tied is None else all_of(tied, same)
        out += findings_at(
            name,
            t,
            [p + 1 for p in positions(before)],
            key[0],
            f"out of order: sorts before the row above it; rows are sorted by {', '.join(key)}",
        )
    return out


def global_ids(tables: Tables, all_ids: pa.ChunkedArray) -> list[Finding]:
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


def covered_by_ids(mentions: pa.Table, all_ids: pa.ChunkedArray) -> list[Finding]:
    """Every id a mention's ``covered_by`` lists names a record of a fact table."""
    lists = pc.split_pattern(mentions["covered_by"], " ")
    found = pc.is_in(pc.list_flatten(lists), value_set=all_ids)
    unknown_at = pc.filter(pc.list_parent_indices(lists), pc.invert(found))
    return findings_at(
        "mentions",
        mentions,
        sorted(set(unknown_at.to_pylist())),
        "covered_by",
        lambda r: f"covered_by {r['covered_by']!r} names a record that does not exist",
    )


def within_publication(name: str, t: pa.Table, sources: pa.Table) -> list[Finding]:
    """Only a projected claim can be dated after its source's publication window."""
    published_latest = pc.take(
        sources["published_latest"], pc.index_in(t["source_id"], value_set=sources["id"])
    )
    future = all_of(
        pc.greater(t["date_start"], published_latest), pc.not_equal(t["claim_status"], lit("projected"))
    )
    return findings_where(
        name,
        t,
        future,
        "date_start",
        lambda r: (
            f"date_start {r['date_start']} is after the source's publication window; "
            "only a projected claim can be dated after publication"
        ),
    )
