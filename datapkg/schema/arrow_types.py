"""Arrow types of Table Schema fields: how tables are typed in memory and in Parquet."""

from __future__ import annotations

import pyarrow as pa

from datapkg.schema.specs import FieldSpec, TableSpec

ARROW_TYPES = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
}


def arrow_type(field: FieldSpec) -> pa.DataType:
    if field.type == "list":
        # "element" is the item name Parquet stores, so a table reads back with its own type.
        return pa.list_(pa.field("element", ARROW_TYPES[field.item_type]))
    return ARROW_TYPES[field.type]


ENUM_KEY = "enum"
FIELD_METADATA_KEY = "field_metadata"  # says the fields carry these keys (files before 0.2.0 do not)
ENUM_SEPARATOR = "\n"


UNIT_KEY = "unit"
TABLE_KEYS = ("title", "description", "version")
"""The keys of a file's own metadata that describe its table (beside ``resource``): written
when the file is staged, since the version is the package's, not the schema's."""


def fixed_units(spec: TableSpec) -> dict[str, str]:
    """The unit of each column whose unit the schema fixes for every row. Table Schema has no
    unit property; a fact table whose rows all count one thing names it in ``x-claim`` as
    ``unit_constant``, the unit of its value column. Elsewhere a quantity's unit varies by
    row and its table's ``unit`` column holds it."""
    claim = spec.descriptor.get("x-claim", {})
    column = claim.get("value", "value")
    if "unit_constant" in claim and column in spec.field_names:
        return {column: str(claim["unit_constant"])}
    return {}


def field_metadata(field: FieldSpec, unit: str | None = None) -> dict[str, str]:
    """A field's description, its enum values in schema order and its unit where the schema
    fixes one: the loader types and describes the column from the Parquet file alone
    (categories in this order), without the descriptor."""
    metadata = {"description": field.descriptor.get("description", "")}
    if field.enum:
        metadata[ENUM_KEY] = ENUM_SEPARATOR.join(field.enum)
    if unit is not None:
        metadata[UNIT_KEY] = unit
    return metadata


def table_title(name: str) -> str:
    """A resource's title, as the descriptor gives it (validation compares the two)."""
    return name.replace("_", " ").capitalize()


def arrow_schema(spec: TableSpec) -> pa.Schema:
    """Arrow schema whose field metadata carries each field's description, enum and fixed
    unit, so the Parquet files explain themselves to readers that never see the descriptor."""
    units = fixed_units(spec)
    return pa.schema(
        [
            pa.field(f.name, arrow_type(f), nullable=True, metadata=field_metadata(f, units.get(f.name)))
            for f in spec.fields
        ],
        metadata={"resource": spec.name, FIELD_METADATA_KEY: "description enum unit"},
    )


def with_table_metadata(schema: pa.Schema, about: dict[str, str]) -> pa.Schema:
    """``schema`` with the table's ``TABLE_KEYS`` (title, description, version) in its metadata."""
    return schema.with_metadata(
        {**(schema.metadata or {}), **{k.encode(): v.encode() for k, v in about.items()}}
    )
