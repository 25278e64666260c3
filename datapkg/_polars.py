"""The polars backend: enum fields become ``pl.Enum`` in schema order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from datapkg._errors import ValidationError
from datapkg._installed import install_hint


def _polars() -> Any:
    try:
        import polars as pl
    except ImportError:
        raise ImportError(f"backend='polars' needs polars: {install_hint('polars')}") from None
    return pl


def _enums(schema: dict[str, Any]) -> dict[str, list[str]]:
    return {
        f["name"]: f["constraints"]["enum"]
        for f in schema["fields"]
        if f["type"] == "string" and f.get("constraints", {}).get("enum")
    }


def _refuse_outside(frame: Any, enums: dict[str, list[str]], source: object) -> None:
    """Raise ValidationError naming the first column of ``frame`` with a value outside its enum."""
    from datapkg._parquet_schema import outside_enum

    pl = _polars()
    for name, enum in enums.items():
        if name not in frame.columns:
            raise ValidationError([f"{source}: expected a column {name!r}, found none"])
        try:
            text = frame.get_column(name).cast(pl.String)
        except pl.exceptions.PolarsError:
            raise ValidationError(
                [f"{source}: column {name!r} holds {frame.schema[name]}, expected text"]
            ) from None
        outside = text.filter(text.is_not_null() & ~text.is_in(enum)).unique().sort()
        if len(outside):
            raise outside_enum(source, name, outside.to_list(), enum)


def _with_enums(frame: Any, schema: dict[str, Any], source: object) -> Any:
    """Enum columns as ``pl.Enum``; a value outside its enum raises, whatever polars' cast
    would make of it (an error, or a missing value)."""
    pl = _polars()
    enums = _enums(schema)
    if not enums:
        return frame
    try:
        typed = frame.with_columns([pl.col(name).cast(pl.Enum(enum)) for name, enum in enums.items()])
    except pl.exceptions.PolarsError as error:
        _refuse_outside(frame, enums, source)

        raise ValidationError([f"{source}: its enum columns cannot be typed ({error})"]) from None
    if any(typed[n].null_count() != frame[n].null_count() for n in enums):
        _refuse_outside(frame, enums, source)
    return typed


def read_polars(file: Path, schema: dict[str, Any]) -> Any:
    pl = _polars()
    try:
        frame = pl.read_parquet(file)
    except pl.exceptions.PolarsError as error:
        raise ValidationError([f"{file}: not a readable Parquet file ({error})"]) from None
    return _with_enums(frame, schema, file)


def typed_polars(table: Any, schema: dict[str, Any], source: object = "the table") -> Any:
    """An Arrow table as a polars frame typed by ``schema``."""
    return _with_enums(_polars().from_arrow(table), schema, source)
