"""Rules across rows and tables: foreign keys (list fields item by item, and keys that
reference several tables), ids unique across the fact tables, rows in primary-key order,
and dates against the publication window of the record's source.

The id look-ups hash every fact id (about 600 MB at a million records per
table); ``checks`` runs them one after the other so that two such tables never
coexist.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from datapkg._names import CURATED_TABLES, FACT_TABLES, VOCABULARIES, ResourceName
from datapkg.checks.arrow_values import lit
from datapkg.checks.findings import Finding, all_of, any_of, findings_at, findings_where, positions
from datapkg.schema.specs import ForeignKey, TableSpec

Tables = Mapping[ResourceName, pa.Table]


def foreign_key_jobs(specs: Mapping[ResourceName, TableSpec], tables: Tables) -> list[tuple[str, ForeignKey]]:
    """Every declared foreign key, as (table, key): each is checked on its own, but for keys into
    the fact ids, which ``fact_id_index`` checks."""
    return [(name, fk) for name, spec in specs.items() for fk in spec.foreign_keys]


def _is_known(values: Any, known: pa.ChunkedArray) -> Any:
    """Mask of the values that occur in ``known``. is_in hashes its value set: when the values
    are far fewer (a few thousand covered_by ids against millions of fact ids), the known ids
    that occur among them are found first, hashing only the values."""
    if len(values) * 8 >= len(known):
        return pc.is_in(values, value_set=known)
    occurring = pc.filter(known, pc.is_in(known, value_set=pc.unique(values)))
    return pc.is_in(values, value_set=occurring)


def foreign_key(name: str, fk: ForeignKey, tables: Tables) -> list[Finding]:
    """Every value (each item of a list) names a row of one of the referenced tables."""
    chunks = [c for ref in fk.resources if ref in tables for c in tables[ref][fk.reference_field].chunks]  # type: ignore[index]
    known = pa.chunked_array(chunks, pa.string())
    found = _is_known(_flat(tables[name][fk.field]), known)  # type: ignore[index]
    return _unknown_references(name, fk, tables, found, known.to_pylist)


def foreign_key_rule(fk: ForeignKey) -> str:
    """The rule name of a foreign key's findings: ``foreign_key:<resource>[|<resource>…]``."""
    return "foreign_key:" + "|".join(fk.resources)


CODE_LISTS = frozenset({"action_types"})


def unused_vocabulary(specs: Mapping[ResourceName, TableSpec], tables: Tables) -> list[Finding]:
    """Every actor is referred to by some record: an entry nothing uses is usually a mistyped id
    on one side. Action types are exempt: they are a code list of what articles report (as
    CAMEO is), so a type drafts can propose may wait for its first record."""
    out: list[Finding] = []
    for vocabulary in (n for n in VOCABULARIES if n in CURATED_TABLES and n not in CODE_LISTS):
        references = [
            tables[name][fk.field]
            for name, spec in specs.items()
            for fk in spec.foreign_keys
            if fk.resources == (vocabulary,) and name != vocabulary
        ]
        if not references:
            continue
        # The references repeat a few ids millions of times: their distinct values are a small set.
        used = pc.unique(pa.chunked_array([c for r in references for c in r.chunks], pa.string()))
        ids = tables[vocabulary]["id"]
        unused = pc.invert(pc.is_in(ids, value_set=used))
        message = "referred to by no record; remove it, or check the ids that should refer to it"
        out += findings_where(vocabulary, tables[vocabulary], unused, "id", message, "vocabulary_used")
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


def into_fact_ids(fk: ForeignKey) -> bool:
    """A key that references the fact tables' ids (``mentions.covered_by``)."""
    return set(fk.resources) == set(FACT_TABLES)


def fact_id_index(specs: Mapping[ResourceName, TableSpec], tables: Tables) -> list[Finding]:
    """Ids unique across the fact tables, and every reference into them, from one hash pass.

    The fact ids and then the referencing values are dictionary-encoded together: codes are
    given in order of first appearance, so the ids are all different exactly when the largest
    id code is the number of ids less one, and a reference names a record exactly when its
    code is below the number of distinct ids. Two separate hash tables of every fact id (one
    for uniqueness, one for each reference) would cost twice the time and memory at scale."""
    references = [(name, fk) for name, fk in foreign_key_jobs(specs, tables) if into_fact_ids(fk)]
    id_chunks = list(fact_ids(tables).chunks)
    values = [_flat(tables[name][fk.field]) for name, fk in references]  # type: ignore[index]
    encoded = pc.dictionary_encode(
        pa.chunked_array(id_chunks + [c for v in values for c in v.chunks], pa.string())
    )
    # Slices of one array of codes by value counts (the encoder may drop empty chunks).
    codes = pa.chunked_array([c.indices for c in encoded.chunks], pa.int32()).combine_chunks()
    n_ids = sum(len(c) for c in id_chunks)
    id_codes = codes.slice(0, n_ids)
    largest = pc.max(id_codes).as_py() if n_ids else None
    distinct = 0 if largest is None else largest + 1
    out = [] if distinct == n_ids - id_codes.null_count else _shared_ids(tables)
    at = n_ids
    for (name, fk), flat in zip(references, values, strict=True):
        known = pc.less(codes.slice(at, len(flat)), lit(distinct, pa.int32()))
        at += len(flat)
        out += _unknown_references(name, fk, tables, known, lambda: fact_ids(tables).to_pylist())
    return out


def _flat(column: pa.ChunkedArray) -> pa.ChunkedArray:
    return pc.list_flatten(column) if pa.types.is_list(column.type) else column


def _unknown_references(
    name: str, fk: ForeignKey, tables: Tables, found: Any, known_ids: Callable[[], list[str]]
) -> list[Finding]:
    """Findings for the values (each item of a list) that ``found`` marks false. ``known_ids`` is
    called only when some fail: the ids become Python strings for the messages alone."""
    table, targets = tables[name], " or ".join(fk.resources)  # type: ignore[index]
    column = table[fk.field]
    ids: list[str] = []

    def names(values: list[Any]) -> list[Any]:
        if not ids:
            ids.extend(known_ids())
        known = set(ids)
        return [v for v in values if v not in known]

    if pa.types.is_list(column.type):
        unknown_at = sorted(set(pc.filter(pc.list_parent_indices(column), pc.invert(found)).to_pylist()))

        def listed(r: dict[str, Any]) -> str:
            return f"unknown {fk.field} {names(r[fk.field])!r}: no such id in {targets}"

        return findings_at(name, table, unknown_at, fk.field, listed, foreign_key_rule(fk))

    def single(r: dict[str, Any]) -> str:
        names([])  # loads the ids for the suggestion
        # a missing id (reported on its own row) is no suggestion
        close = difflib.get_close_matches(str(r[fk.field]), [i for i in ids if isinstance(i, str)], n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"unknown {fk.field} {r[fk.field]!r}: no such id in {targets}{hint}"

    missing = all_of(pc.is_valid(column), pc.invert(found))
    return findings_where(name, table, missing, fk.field, single, foreign_key_rule(fk))


def _shared_ids(tables: Tables) -> list[Finding]:
    out: list[Finding] = []
    for i, name in enumerate(FACT_TABLES):
        for other in FACT_TABLES[:i]:
            clash = pc.is_in(tables[name]["id"], value_set=tables[other]["id"])
            message = f"id is already used in {other}; ids are unique across tables"
            out += findings_where(name, tables[name], clash, "id", message)
    return out


def within_publication(name: str, t: pa.Table, sources: pa.Table) -> list[Finding]:
    """Only a projected claim can be dated after its source's publication window. The end of
    the span counts: "2024-10" in an article of 18 October claims all of October."""
    published_latest = pc.take(
        sources["published_latest"], pc.index_in(t["source_id"], value_set=sources["id"])
    )
    future = all_of(
        pc.greater(t["date_end"], published_latest), pc.not_equal(t["claim_status"], lit("projected"))
    )
    latest = dict(zip(sources["id"].to_pylist(), sources["published_latest"].to_pylist(), strict=True))
    return findings_where(
        name,
        t,
        future,
        "date_end",
        lambda r: (
            f"date_end {r['date_end']} is after the source's publication window (latest "
            f"{latest.get(r['source_id'])}); only a projected claim can reach past publication: "
            "end the span by then, or mark the claim projected"
        ),
    )


def date_texts_are_mentions(name: str, t: pa.Table, mentions: pa.Table) -> list[Finding]:
    """A record's ``date_text`` is the words its date comes from, so the extractor must find
    them in the source: every date_text is the text of a mention of the record's source."""
    if "date_text" not in t.column_names:
        return []
    separator = lit("\x00")
    known = pc.binary_join_element_wise(mentions["source_id"], mentions["text"], separator)
    keys = pc.binary_join_element_wise(t["source_id"], t["date_text"], separator)
    missing = all_of(t["date_text"].is_valid(), pc.invert(pc.is_in(keys, value_set=known)))
    return findings_where(
        name,
        t,
        missing,
        "date_text",
        lambda r: (
            f"date_text {r['date_text']!r} is not a mention of source {r['source_id']}: use the exact words "
            "the extractor finds (see the source's rows in mentions)"
        ),
    )
