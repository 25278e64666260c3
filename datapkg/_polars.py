"""The polars backend: enum fields become ``pl.Enum`` in schema order."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _polars() -> Any:
    try:
        import polars as pl
    except ImportError:
        raise ImportError(
            "backend='polars' needs polars: pip install 'rus-prk-military-cooperation[polars]'"
        ) from None
    return pl


def _with_enums(frame: Any, schema: dict[str, Any]) -> Any:
    pl = _polars()
    casts = [
        pl.col(f["name"]).cast(pl.Enum(f["constraints"]["enum"]))
        for f in schema["fields"]
        if f["type"] == "string" and "enum" in f.get("constraints", {})
    ]
    return frame.with_columns(casts) if casts else frame


def read_polars(file: Path, schema: dict[str, Any]) -> Any:
    return _with_enums(_polars().read_parquet(file), schema)


def typed_polars(table: Any, schema: dict[str, Any]) -> Any:
    """An Arrow table as a polars frame typed by ``schema``."""
    return _with_enums(_polars().from_arrow(table), schema)
