"""A table's Table Schema fields as its Parquet file states them: each column's Arrow type
and, in the field metadata the build writes, its enum values in schema order. Loading the
installed files needs nothing else (no descriptor to parse), which keeps a cold load cheap.
Files written before the enum metadata existed return None: the caller uses the descriptor.
"""

from __future__ import annotations

from typing import Any

# Kept in step with datapkg.schema.arrow_types (a test checks), without importing it.
ENUM_KEY = b"enum"
FIELD_METADATA_KEY = b"field_metadata"
ENUM_SEPARATOR = "\n"
_TYPES = {"string": "string", "large_string": "string", "int64": "integer", "double": "number",
          "bool": "boolean", "date32[day]": "date"}  # fmt: skip


def fields_of(arrow_schema: Any) -> list[dict[str, Any]] | None:
    """Table Schema fields (name, type, itemType, enum) from an Arrow schema, or None when the
    file does not carry the build's metadata."""
    if not arrow_schema.metadata or FIELD_METADATA_KEY not in arrow_schema.metadata:
        return None
    fields = []
    for field in arrow_schema:
        type_name = str(field.type)
        out: dict[str, Any] = {"name": field.name}
        if type_name.startswith("list<"):
            out["type"], out["itemType"] = "list", _TYPES.get(str(field.type.value_type), "string")
        else:
            out["type"] = _TYPES.get(type_name, "string")
        enum = (field.metadata or {}).get(ENUM_KEY)
        if enum is not None:
            out["constraints"] = {"enum": enum.decode("utf-8").split(ENUM_SEPARATOR)}
        fields.append(out)
    return fields
