"""The polars backend: enum fields become ``pl.Enum`` in schema order."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def read_polars(file: Path, schema: dict[str, Any]) -> Any:
    try:
        import polars as pl
    except ImportError:
        raise ImportError(
            "backend='polars' needs polars: pip install 'rus-prk-military-cooperation[polars]'"
        ) from None
    frame = pl.read_parquet(file)
    casts = [
        pl.col(f["name"]).cast(pl.Enum(f["constraints"]["enum"]))
        for f in schema["fields"]
        if f["type"] == "string" and "enum" in f.get("constraints", {})
    ]
    return frame.with_columns(casts) if casts else frame
