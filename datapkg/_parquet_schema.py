"""A table's Table Schema fields as its Parquet file states them: each column's Arrow type
and, in the field metadata the build writes, its enum values in schema order. Loading the
installed files needs nothing else (no descriptor to parse), which keeps a cold load cheap.
Files written before the enum metadata existed return None: the caller uses the descriptor.
"""

from __future__ import annotations

from typing import Any

from datapkg.schema import arrow_types

# The keys the build writes (datapkg.schema.arrow_types), as Parquet metadata keys.
ENUM_KEY = arrow_types.ENUM_KEY.encode()
ENUM_SEPARATOR = arrow_types.ENUM_SEPARATOR
FIELD_METADATA_KEY = arrow_types.FIELD_METADATA_KEY.encode()
_TYPES = {str(arrow): kind for kind, arrow in arrow_types.ARROW_TYPES.items()} | {"large_string": "string"}


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
