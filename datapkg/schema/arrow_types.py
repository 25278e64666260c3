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


def arrow_schema(spec: TableSpec) -> pa.Schema:
    """Arrow schema whose field metadata carries each field's description, so the
    Parquet files explain themselves to readers that never see the descriptor."""
    return pa.schema(
        [
            pa.field(
                f.name,
                arrow_type(f),
                nullable=True,
                metadata={"description": f.descriptor.get("description", "")},
            )
            for f in spec.fields
        ],
        metadata={"resource": spec.name},
    )
