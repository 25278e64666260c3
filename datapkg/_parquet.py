"""Reading one installed Parquet file as cheaply as a cold process allows.

``pyarrow.parquet`` imports pyarrow's filesystem layer (and with it TLS support) that a
local file does not need; in a fresh process that is a noticeable part of a load. The
reader underneath it, ``pyarrow._parquet.ParquetReader``, reads a local file on its own.
It is not public API, so any sign that it changed (a missing name, another signature)
falls back to ``pyarrow.parquet.ParquetFile``, which gives the same table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from datapkg._errors import ValidationError


def read_parquet(file: str | Path) -> tuple[Any, Any]:
    """The table in ``file`` and its Arrow schema (with the file's metadata); a file that is
    no readable Parquet raises ValidationError naming it."""
    import pyarrow as pa

    try:
        return _read(file)
    except (pa.ArrowException, OSError) as error:  # pyarrow reports a broken footer as an OSError
        if isinstance(error, FileNotFoundError | PermissionError | IsADirectoryError):
            raise

        raise ValidationError([f"{file}: not a readable Parquet file ({error})"]) from None


def _read(file: str | Path) -> tuple[Any, Any]:
    try:
        from pyarrow._parquet import ParquetReader

        reader = ParquetReader()
        reader.open(str(file))
    except (ImportError, AttributeError, TypeError):
        import pyarrow.parquet as pq

        parquet = pq.ParquetFile(file)
        return parquet.read(), parquet.schema_arrow
    try:
        return reader.read_all(), reader.schema_arrow
    finally:
        reader.close()
