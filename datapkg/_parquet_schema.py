"""A table's Table Schema fields as its Parquet file states them: each column's Arrow type
and, in the field metadata the build writes, its enum values in schema order. Loading the
installed files needs nothing else (no descriptor to parse), which keeps a cold load cheap.
Files written before the enum metadata existed return None: the caller uses the descriptor.
"""

from __future__ import annotations

from typing import Any

from datapkg._errors import ValidationError
from datapkg.schema import arrow_types

# The keys the build writes (datapkg.schema.arrow_types), as Parquet metadata keys.
ENUM_KEY = arrow_types.ENUM_KEY.encode()
ENUM_SEPARATOR = arrow_types.ENUM_SEPARATOR
FIELD_METADATA_KEY = arrow_types.FIELD_METADATA_KEY.encode()
UNIT_KEY = arrow_types.UNIT_KEY.encode()
_TYPES = {str(arrow): kind for kind, arrow in arrow_types.ARROW_TYPES.items()} | {"large_string": "string"}


def fields_of(arrow_schema: Any, source: object = "the file") -> list[dict[str, Any]] | None:
    """Table Schema fields (name, type, itemType, enum, description, and ``unit`` where the
    schema fixes one) from an Arrow schema, or None when the file does not carry the build's
    metadata."""
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
        metadata = field.metadata or {}
        enum = metadata.get(ENUM_KEY)
        if enum is not None:
            out["constraints"] = {"enum": _enum_values(enum, source, field.name)}
        for key in (b"description", UNIT_KEY):
            if key in metadata:
                out[key.decode()] = metadata[key].decode("utf-8", "replace")
        fields.append(out)
    return fields


def _enum_values(enum: bytes, source: object, name: str) -> list[str]:

    try:
        listed = enum.decode("utf-8").split(ENUM_SEPARATOR)
    except UnicodeDecodeError:
        raise ValidationError([f"{source}: the enum of column {name!r} is not UTF-8 text"]) from None
    if len(set(listed)) != len(listed):
        twice = sorted({v for v in listed if listed.count(v) > 1})
        raise ValidationError(
            [f"{source}: the enum of column {name!r} lists {', '.join(map(repr, twice))} twice"]
        )
    return listed


def outside_enum(source: object, name: str, values: list[str], enum: list[str]) -> Exception:
    """The error for a column holding ``values`` its enum does not allow."""

    shown = ", ".join(repr(v) for v in values[:5]) + (
        f" and {len(values) - 5} more" if len(values) > 5 else ""
    )
    allowed = ", ".join(enum)
    return ValidationError([f"{source}: column {name!r} holds {shown}, outside its values ({allowed})"])


def _as_text(column: Any, source: object, name: str) -> Any:
    import pyarrow as pa

    if pa.types.is_string(column.type):
        return column
    try:  # a dictionary or large string column reads as text too; anything else is no enum value
        return column.cast(pa.string())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        raise ValidationError(
            [f"{source}: column {name!r} holds {column.type}, expected text values of an enum"]
        ) from None


def enum_indices(column: Any, enum: list[str], source: object, name: str) -> Any:
    """Each value's position in ``enum`` (null where the value is null); raises
    ValidationError naming ``source``, the column and the values outside ``enum``."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from datapkg.checks.arrow_values import values  # pa.array would import pandas

    text = _as_text(column, source, name)
    indices = pc.index_in(text, value_set=values(enum, pa.string()))
    if indices.null_count != text.null_count:  # a value that is not null has no place in the enum
        outside = pc.unique(pc.filter(text, pc.and_(pc.is_null(indices), pc.is_valid(text))))
        raise outside_enum(source, name, sorted(outside.to_pylist()), enum)
    return indices


def check_enums(table: Any, fields: list[dict[str, Any]], source: object) -> None:
    """Raise ValidationError where a column holds a value outside its field's enum."""
    for position, field in enumerate(fields):  # fields_of lists the columns in order
        enum = field.get("constraints", {}).get("enum")
        if enum:
            enum_indices(table.column(position), enum, source, field["name"])
