"""``datapkg.claims()``: every fact row as one claim in one tidy table, with the names a reader
needs beside the ids: its event's label and kind, its source's title and date, whom it is
about and who said it. Counting its ``event_id`` counts things; counting rows counts
sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from datapkg._names import FACT_TABLES
from datapkg.checks.claims import claim_rows
from datapkg.schema.specs import table_spec

OUTLET = "(the outlet)"
"""``said_by`` of a claim the source makes in its own voice."""

COLUMNS = (
    "event_id", "event", "event_kind", "table", "id", "source_id", "source", "published",
    "subject", "subject_name", "counterpart", "counterpart_name", "what", "location", "claim_status",
    "polarity", "said_by", "attributed_to", "count_type", "value", "value_low", "value_high", "qualifier",
    "unit", "date_start", "date_end", "quote", "quote_en",
)  # fmt: skip
"""The columns of :func:`datapkg.claims`, in order."""

_SHARED_ENUMS = ("claim_status", "polarity", "qualifier", "count_type")


def _lookup(keys: Any, table: pa.Table, column: str) -> Any:
    """``table[column]`` of the row whose id each key names (empty where none does)."""
    return pc.take(table[column], pc.index_in(keys, value_set=table["id"]))


def claims_table(tables: dict[str, pa.Table], schemas: Mapping[str, dict[str, Any]]) -> pa.Table:
    """The tidy claims of ``tables`` (every fact table, events, sources and actors, as loaded with
    the pyarrow backend), sorted by event, date and id."""
    specs: Any = {name: table_spec(name, schemas[name]) for name in FACT_TABLES}
    rows = claim_rows(specs, {name: tables[name] for name in FACT_TABLES})
    events, sources, actors = tables["events"], tables["sources"], tables["actors"]
    said_by = pc.if_else(
        pc.is_null(rows["attributed_to"]),
        pa.scalar(OUTLET),
        _lookup(rows["attributed_to"], actors, "name_en"),
    )
    named = {
        "event": _lookup(rows["event_id"], events, "label"),
        "event_kind": _lookup(rows["event_id"], events, "kind"),
        "source": _lookup(rows["source_id"], sources, "title"),
        "published": _lookup(rows["source_id"], sources, "published_earliest"),
        "subject_name": _lookup(rows["subject"], actors, "name_en"),
        "counterpart_name": _lookup(rows["counterpart"], actors, "name_en"),
        "said_by": said_by,
    }
    out = pa.table({name: named[name] if name in named else rows[name] for name in COLUMNS})
    keys = [(name, "ascending", "at_end") for name in ("event_id", "date_start", "id")]
    order = pc.sort_indices(out, sort_keys=keys)
    return out.take(order)


def claims_schema(schemas: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """A Table Schema of the claims columns, so every backend types them as the tables are typed:
    enums in schema order, integers, dates."""
    known: dict[str, dict[str, Any]] = {}
    for name in FACT_TABLES:
        for shared in schemas[name]["fields"]:
            if shared["name"] in _SHARED_ENUMS:
                known.setdefault(shared["name"], shared)
    kind = next(f for f in schemas["events"]["fields"] if f["name"] == "kind")
    enums = {name: known[name]["constraints"]["enum"] for name in known}
    enums |= {"event_kind": kind["constraints"]["enum"], "table": list(FACT_TABLES)}
    types = {"value": "integer", "value_low": "integer", "value_high": "integer", "published": "date",
             "date_start": "date", "date_end": "date"}  # fmt: skip
    described = _shared_descriptions(schemas)
    fields = []
    for column in COLUMNS:
        field: dict[str, Any] = {"name": column, "type": types.get(column, "string")}
        if column in enums:
            field["constraints"] = {"enum": enums[column]}
        if column in described:
            field["description"] = described[column]
        fields.append(field)
    return {"fields": fields}


def _shared_descriptions(schemas: Mapping[str, dict[str, Any]]) -> dict[str, str]:
    """The description of each column that every fact table has and describes in the same words:
    the claims column means what it means there. Others (``value`` is a rank in one table) have none."""
    texts: dict[str, list[str]] = {}
    for name in FACT_TABLES:
        for field in schemas[name]["fields"]:
            texts.setdefault(field["name"], []).append(field.get("description", ""))
    return {
        column: found[0]
        for column, found in texts.items()
        if len(found) == len(FACT_TABLES) and len(set(found)) == 1 and found[0]
    }


ABOUT = {
    "title": "Claims",
    "description": "Every claim of every fact table in one table, with names beside the ids. Count events "
    "(event_id), never rows; add values only within one unit.",
}
"""The title and description ``claims()`` results carry (``attrs``, or the pyarrow schema metadata)."""


def _described(table: pa.Table, schema: dict[str, Any], version: str) -> pa.Table:
    """The claims table with its title, description and version, and each column's description."""
    fields = [
        table.schema.field(f["name"]).with_metadata({"description": f["description"]}) if "description" in f
        else table.schema.field(f["name"])
        for f in schema["fields"]
    ]  # fmt: skip
    metadata = {"resource": "claims", **ABOUT, "version": version}
    return table.cast(pa.schema(fields, metadata=metadata))


def load_claims(load: Callable[..., Any], schema_of: Callable[[str], dict[str, Any]], backend: str) -> Any:
    """The claims in ``backend``'s types; ``load`` reads a table with the pyarrow backend and
    ``schema_of`` gives a resource's Table Schema (of the installed or the asked-for version)."""
    names: list[str] = [*FACT_TABLES, "events", "sources", "actors"]
    schemas = {name: schema_of(name) for name in names}
    tables = {name: load(name) for name in names}
    table = claims_table(tables, schemas)
    schema = claims_schema(schemas)
    # Every table loaded states its version (the file's, or the asked-for one).
    version = (tables["events"].schema.metadata or {}).get(b"version", b"").decode()
    if backend == "pyarrow":
        return _described(table, schema, version)
    if backend == "polars":
        from datapkg._polars import typed_polars

        return typed_polars(table, schema, "claims()")
    from datapkg._attrs import table_attrs
    from datapkg._dtypes import arrow_to_pandas

    frame = arrow_to_pandas(table, schema, source="claims()")
    frame.attrs = table_attrs("claims", schema["fields"], ABOUT, version, None)
    return frame
