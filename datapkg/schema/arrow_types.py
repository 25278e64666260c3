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


def field_metadata(field: FieldSpec) -> dict[str, str]:
    """A field's description, and its enum values in schema order: the loader types the
    column from the Parquet file alone (categories in this order), without the descriptor."""
    metadata = {"description": field.descriptor.get("description", "")}
    if field.enum:
        metadata[ENUM_KEY] = ENUM_SEPARATOR.join(field.enum)
    return metadata


def arrow_schema(spec: TableSpec) -> pa.Schema:
    """Arrow schema whose field metadata carries each field's description and enum, so the
    Parquet files explain themselves to readers that never see the descriptor."""
    return pa.schema(
        [pa.field(f.name, arrow_type(f), nullable=True, metadata=field_metadata(f)) for f in spec.fields],
        metadata={"resource": spec.name, FIELD_METADATA_KEY: "description enum"},
    )
